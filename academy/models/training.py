"""Training: modules with lessons and exercises, and learners' attempts."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from academy.extensions import Model, db
from academy.models.documents import Document
from academy.models.user import User


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class ExerciseKind(StrEnum):
    KNOWN_ITEM = "known_item"  # find one specific document
    FACT = "fact"  # answer a question found in a document
    FIND_ALL = "find_all"  # mark every relevant document (precision and recall)
    PROCESS = "process"  # the search trail must show a skill
    OPEN = "open"  # a written answer, scored by a trainer with a rubric


class AttemptStatus(StrEnum):
    OPEN = "open"  # the learner is working on it
    SUBMITTED = "submitted"  # waiting for a trainer (open exercises)
    GRADED = "graded"


class Module(Model):
    __tablename__ = "modules"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text, default="")
    goals: Mapped[str] = mapped_column(Text, default="")  # one learning goal per line
    minutes: Mapped[int] = mapped_column(Integer, default=30)
    position: Mapped[int] = mapped_column(Integer, default=0)
    published: Mapped[bool] = mapped_column(Boolean, default=False)
    # Core modules count for a team's training completion shown next to theme maturity.
    core: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=_now, onupdate=_now
    )

    lessons: Mapped[list[Lesson]] = relationship(
        back_populates="module",
        order_by="(Lesson.position, Lesson.id)",
        cascade="all, delete-orphan",
    )
    exercises: Mapped[list[Exercise]] = relationship(
        back_populates="module",
        order_by="(Exercise.position, Exercise.id)",
        cascade="all, delete-orphan",
    )

    @property
    def goal_list(self) -> list[str]:
        return [line.strip() for line in self.goals.splitlines() if line.strip()]


class Lesson(Model):
    __tablename__ = "lessons"
    __table_args__ = (UniqueConstraint("module_id", "slug", name="uq_lessons_module_slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    module_id: Mapped[int] = mapped_column(ForeignKey("modules.id", ondelete="CASCADE"), index=True)
    slug: Mapped[str] = mapped_column(String(80))
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")  # Markdown, sanitised when shown
    position: Mapped[int] = mapped_column(Integer, default=0)
    published: Mapped[bool] = mapped_column(Boolean, default=True)

    module: Mapped[Module] = relationship(back_populates="lessons")


exercise_key_documents = db.Table(
    "exercise_key_documents",
    db.Column("exercise_id", ForeignKey("exercises.id", ondelete="CASCADE"), primary_key=True),
    db.Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
)


class Exercise(Model):
    __tablename__ = "exercises"

    id: Mapped[int] = mapped_column(primary_key=True)
    module_id: Mapped[int] = mapped_column(ForeignKey("modules.id", ondelete="CASCADE"), index=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(200))
    prompt: Mapped[str] = mapped_column(Text, default="")  # Markdown
    position: Mapped[int] = mapped_column(Integer, default=0)
    published: Mapped[bool] = mapped_column(Boolean, default=True)
    expert_query: Mapped[str] = mapped_column(String(500), default="")
    expert_filters: Mapped[dict] = mapped_column(JSON, default=dict)
    accepted_answers: Mapped[list] = mapped_column(JSON, default=list)
    required_skill: Mapped[str | None] = mapped_column(String(20))
    pass_threshold: Mapped[float] = mapped_column(Float, default=0.8)
    rubric: Mapped[list] = mapped_column(JSON, default=list)
    hints: Mapped[list] = mapped_column(JSON, default=list)
    max_attempts: Mapped[int | None] = mapped_column(Integer)

    module: Mapped[Module] = relationship(back_populates="exercises")
    key_documents: Mapped[list[Document]] = relationship(
        secondary=exercise_key_documents, order_by="Document.id"
    )


class Attempt(Model):
    """One try at an exercise: what was marked or answered, the grade, hints used."""

    __tablename__ = "attempts"

    id: Mapped[int] = mapped_column(primary_key=True)
    exercise_id: Mapped[int] = mapped_column(
        ForeignKey("exercises.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(20), default=AttemptStatus.OPEN.value)
    selected_document_ids: Mapped[list] = mapped_column(JSON, default=list)
    answer_text: Mapped[str] = mapped_column(Text, default="")
    hints_used: Mapped[int] = mapped_column(Integer, default=0)
    score: Mapped[float | None] = mapped_column(Float)  # 0..1
    passed: Mapped[bool | None] = mapped_column(Boolean)
    feedback: Mapped[dict] = mapped_column(JSON, default=dict)  # the grader's details
    rubric_scores: Mapped[list] = mapped_column(JSON, default=list)
    trainer_feedback: Mapped[str] = mapped_column(Text, default="")
    scored_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    started_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    submitted_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    scored_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))

    exercise: Mapped[Exercise] = relationship()
    user: Mapped[User] = relationship(foreign_keys=[user_id])
    scored_by: Mapped[User | None] = relationship(foreign_keys=[scored_by_id])


class LessonRead(Model):
    __tablename__ = "lesson_reads"
    __table_args__ = (UniqueConstraint("user_id", "lesson_id", name="uq_lesson_reads_user_lesson"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    lesson_id: Mapped[int] = mapped_column(ForeignKey("lessons.id", ondelete="CASCADE"))
    read_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
