"""Theme maturity: the portfolio, theme pages, assessments, targets, analyses, exports."""

from flask import Blueprint

bp = Blueprint("maturity", __name__, url_prefix="/themas")

from academy.maturity import routes  # noqa: E402,F401
