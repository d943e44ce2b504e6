"""All models, imported here so Alembic and the app see one complete metadata."""

from academy.models.user import Role, Team, User, UserRole

__all__ = ["Role", "Team", "User", "UserRole"]
