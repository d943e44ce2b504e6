"""Administration of users and teams (admin role only)."""

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/beheer")

from academy.admin import routes  # noqa: E402,F401
