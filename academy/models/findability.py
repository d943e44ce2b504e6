"""Findability: key questions per theme and the scans that measure whether their documents
can be found (level 0, *Vinden*, by measurement instead of by opinion).

A scan's results are kept per scan (never overwritten), so a theme's history is the list of
its rows in ``theme_findability``; the question text is copied into each result, so history
keeps its meaning when a key question is edited or removed.
"""

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
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from academy.extensions import Model, db
from academy.models.documents import Document
from academy.models.maturity import Theme
from academy.models.user import User


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


key_question_documents = db.Table(
    "key_question_documents",
    db.Column(
        "key_question_id", ForeignKey("key_questions.id", ondelete="CASCADE"), primary_key=True
    ),
    db.Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
)


class KeyQuestion(Model):
    """A question people ask about a theme, with the documents that answer it."""

    __tablename__ = "key_questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    theme_id: Mapped[int] = mapped_column(ForeignKey("themes.id", ondelete="CASCADE"), index=True)
    question: Mapped[str] = mapped_column(String(500))
    # The queries people type for it (recorded by the author), one string each.
    queries: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=_now, onupdate=_now
    )

    theme: Mapped[Theme] = relationship()
    created_by: Mapped[User | None] = relationship()
    documents: Mapped[list[Document]] = relationship(
        secondary=key_question_documents, order_by="Document.id"
    )


class ScanState(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class FindabilityScan(Model):
    """One run of the findability scan over every key question (a background job)."""

    __tablename__ = "findability_scans"

    id: Mapped[int] = mapped_column(primary_key=True)
    trigger: Mapped[str] = mapped_column(String(20), default="manual")  # manual | nightly
    state: Mapped[str] = mapped_column(String(20), default=ScanState.QUEUED.value, index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    started_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    total: Mapped[int] = mapped_column(Integer, default=0)  # key questions to scan
    done: Mapped[int] = mapped_column(Integer, default=0)
    searches: Mapped[int] = mapped_column(Integer, default=0)
    message: Mapped[str] = mapped_column(Text, default="")

    created_by: Mapped[User | None] = relationship()

    @property
    def finished(self) -> bool:
        return self.state in (ScanState.DONE, ScanState.FAILED)


class ThemeFindability(Model):
    """A theme's findability in one scan: the share of its key questions that are findable."""

    __tablename__ = "theme_findability"
    __table_args__ = (UniqueConstraint("scan_id", "theme_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    scan_id: Mapped[int] = mapped_column(
        ForeignKey("findability_scans.id", ondelete="CASCADE"), index=True
    )
    theme_id: Mapped[int] = mapped_column(ForeignKey("themes.id", ondelete="CASCADE"), index=True)
    questions: Mapped[int] = mapped_column(Integer, default=0)
    findable: Mapped[int] = mapped_column(Integer, default=0)
    share: Mapped[float] = mapped_column(Float, default=0.0)  # 0..1

    scan: Mapped[FindabilityScan] = relationship()


class ScanQuestion(Model):
    """How one key question (or a published exercise's key) fared in one scan."""

    __tablename__ = "scan_questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    scan_id: Mapped[int] = mapped_column(
        ForeignKey("findability_scans.id", ondelete="CASCADE"), index=True
    )
    theme_id: Mapped[int] = mapped_column(ForeignKey("themes.id", ondelete="CASCADE"), index=True)
    key_question_id: Mapped[int | None] = mapped_column(
        ForeignKey("key_questions.id", ondelete="SET NULL"), index=True
    )
    exercise_id: Mapped[int | None] = mapped_column(
        ForeignKey("exercises.id", ondelete="SET NULL"), index=True
    )
    question: Mapped[str] = mapped_column(String(500))  # copied: history keeps its meaning
    findable: Mapped[bool] = mapped_column(Boolean, default=False)
    queries_total: Mapped[int] = mapped_column(Integer, default=0)
    queries_passed: Mapped[int] = mapped_column(Integer, default=0)

    queries: Mapped[list[ScanQuery]] = relationship(
        order_by="ScanQuery.id", cascade="all, delete-orphan"
    )


class ScanQuery(Model):
    """One query of a scanned question: where its key documents ranked."""

    __tablename__ = "scan_queries"

    id: Mapped[int] = mapped_column(primary_key=True)
    scan_question_id: Mapped[int] = mapped_column(
        ForeignKey("scan_questions.id", ondelete="CASCADE"), index=True
    )
    query: Mapped[str] = mapped_column(String(500))
    source: Mapped[str] = mapped_column(String(20), default="recorded")  # recorded|question|...
    passed: Mapped[bool] = mapped_column(Boolean, default=False)
    # The worst rank of a key document (1-based); None when one was not in the window.
    worst_rank: Mapped[int | None] = mapped_column(Integer)
    # {document id: rank or None}, as strings in JSON.
    ranks: Mapped[dict[str, int | None]] = mapped_column(JSON, default=dict)
    result_count: Mapped[int] = mapped_column(Integer, default=0)
