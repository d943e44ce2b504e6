"""The practice search engine UI: a thin layer over search_module."""

from flask import Blueprint

from academy.practice.explain import field_label, note_text

bp = Blueprint("practice", __name__, url_prefix="/zoeken")
bp.add_app_template_global(field_label)
bp.add_app_template_global(note_text)

from academy.practice import routes  # noqa: E402,F401
