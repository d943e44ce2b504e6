"""The practice search engine UI: a thin layer over search_module."""

from flask import Blueprint

from academy.practice.explain import field_label, hint_text, marked_html, note_text, understood_text

bp = Blueprint("practice", __name__, url_prefix="/zoeken")
bp.add_app_template_global(field_label)
bp.add_app_template_global(note_text)
bp.add_app_template_global(hint_text)
bp.add_app_template_global(understood_text)
bp.add_app_template_filter(marked_html, "marked")

from academy.practice import routes  # noqa: E402,F401
