"""Search gaps: what people search for about a theme and do not find (from the search log)."""

from flask import Blueprint

bp = Blueprint("gaps", __name__, url_prefix="/themas")

from academy.gaps import routes  # noqa: E402,F401
