"""All models, imported here so Alembic and the app see one complete metadata."""

from academy.models.assignments import Assignment, AssignmentTarget, DocumentOpen
from academy.models.documents import Document, QueryLog
from academy.models.maturity import (
    LEVEL_NUMBERS,
    Analysis,
    AnalysisLevel,
    AnalysisStatus,
    Assessment,
    AssessmentLevel,
    Evidence,
    LevelCriterion,
    LevelStatus,
    Target,
    Theme,
)
from academy.models.notifications import Notification, NotificationKind
from academy.models.training import (
    Attempt,
    AttemptStatus,
    Exercise,
    ExerciseKind,
    Lesson,
    LessonRead,
    Module,
)
from academy.models.user import ApiToken, Role, Team, User, UserRole

__all__ = [
    "LEVEL_NUMBERS",
    "Analysis",
    "ApiToken",
    "AnalysisLevel",
    "AnalysisStatus",
    "Assignment",
    "AssignmentTarget",
    "Assessment",
    "Attempt",
    "AttemptStatus",
    "AssessmentLevel",
    "Document",
    "DocumentOpen",
    "Evidence",
    "Exercise",
    "ExerciseKind",
    "Lesson",
    "LessonRead",
    "LevelCriterion",
    "LevelStatus",
    "Module",
    "Notification",
    "NotificationKind",
    "QueryLog",
    "Role",
    "Target",
    "Team",
    "Theme",
    "User",
    "UserRole",
]
