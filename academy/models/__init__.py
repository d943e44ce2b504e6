"""All models, imported here so Alembic and the app see one complete metadata."""

from academy.models.assignments import Assignment, AssignmentTarget, DocumentOpen
from academy.models.audit import AuditEvent
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
from academy.models.training import (
    Attempt,
    AttemptStatus,
    Exercise,
    ExerciseKind,
    Lesson,
    LessonRead,
    Module,
)
from academy.models.user import (
    ApiToken,
    LoginThrottle,
    Role,
    Team,
    User,
    UserRole,
    UserSession,
)

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
    "AuditEvent",
    "Document",
    "DocumentOpen",
    "Evidence",
    "Exercise",
    "ExerciseKind",
    "Lesson",
    "LessonRead",
    "LevelCriterion",
    "LevelStatus",
    "LoginThrottle",
    "Module",
    "QueryLog",
    "Role",
    "Target",
    "Team",
    "Theme",
    "User",
    "UserRole",
    "UserSession",
]
