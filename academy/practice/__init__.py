"""The practice search engine UI: a thin layer over search_module."""

from flask import Blueprint

bp = Blueprint("practice", __name__, url_prefix="/zoeken")

from academy.practice import routes  # noqa: E402,F401
