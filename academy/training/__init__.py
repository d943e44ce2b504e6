"""Training: modules on finding information, exercises in the practice search, grading."""

from flask import Blueprint

bp = Blueprint("training", __name__, url_prefix="/leren")

from academy.training import routes, trainer_routes  # noqa: E402,F401
