"""Training: modules on finding information, exercises in the practice search, grading."""

from flask import Blueprint

bp = Blueprint("training", __name__, url_prefix="/leren")


@bp.app_template_global("skill_label")
def _skill_label(key: str) -> str:
    """Skill names in every template come from the catalogue (academy/training/skills.py)."""
    from academy.training.skills import skill_label

    return skill_label(key)


from academy.training import routes, trainer_routes  # noqa: E402,F401
