"""Pages every signed-in user shares: home, language choice, accessibility statement."""

from flask import Blueprint

bp = Blueprint("main", __name__)

from academy.main import routes  # noqa: E402,F401
