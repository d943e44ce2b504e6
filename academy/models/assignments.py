"""Work a trainer gives to people or teams, with a due date."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from academy.extensions import Model
from academy.models.documents import Document
from academy.models.training import Exercise, Module
from academy.models.user import Team, User


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Assignment(Model):
    """A module or an exercise assigned with a due date. Withdrawing keeps the learners'
    attempts: they belong to the exercise, not to the assignment."""

    __tablename__ = "assignments"

    id: Mapped[int] = mapped_column(primary_key=True)
    module_id: Mapped[int | None] = mapped_column(
        ForeignKey("modules.id", ondelete="CASCADE"), index=True
    )
    exercise_id: Mapped[int | None] = mapped_column(
        ForeignKey("exercises.id", ondelete="CASCADE"), index=True
    )
    due_date: Mapped[dt.date] = mapped_column(Date)
    message: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    withdrawn_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))

    module: Mapped[Module | None] = relationship()
    exercise: Mapped[Exercise | None] = relationship()
    created_by: Mapped[User | None] = relationship()
    targets: Mapped[list[AssignmentTarget]] = relationship(
        back_populates="assignment", cascade="all, delete-orphan", lazy="selectin"
    )

    @property
    def title(self) -> str:
        if self.module is not None:
            return self.module.title
        return self.exercise.title if self.exercise is not None else ""


class AssignmentTarget(Model):
    """One person or one team an assignment is for. A team target includes whoever is in
    the team now, so people who join later get the work too."""

    __tablename__ = "assignment_targets"

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(
        ForeignKey("assignments.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    team_id: Mapped[int | None] = mapped_column(
        ForeignKey("teams.id", ondelete="CASCADE"), index=True
    )

    assignment: Mapped[Assignment] = relationship(back_populates="targets")
    user: Mapped[User | None] = relationship()
    team: Mapped[Team | None] = relationship()


class DocumentOpen(Model):
    """A user opened a document: during an attempt (the search trail), or from the results of
    a practice search (attempt_id None; the search gaps count it as a click)."""

    __tablename__ = "document_opens"
    # The search gaps look for an open by the same user just after a search.
    __table_args__ = (Index("ix_document_opens_user_id_created_at", "user_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    attempt_id: Mapped[int | None] = mapped_column(Integer, index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)

    document: Mapped[Document] = relationship()
