"""Themes on the analytics ladder: assessments, analyses and targets.

The current level of a theme is derived from its newest assessment and never stored.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import (
    Boolean,
    Date,
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
from academy.models.user import Team, User

LEVEL_NUMBERS = (0, 1, 2, 3, 4)


class LevelStatus(StrEnum):
    """How far a theme is on one rung of the ladder."""

    NOT_STARTED = "niet_gestart"
    IN_PROGRESS = "in_ontwikkeling"
    IN_ORDER = "op_orde"


class AnalysisStatus(StrEnum):
    PLANNED = "gepland"
    IN_USE = "in_gebruik"
    RETIRED = "uitgefaseerd"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Theme(Model):
    __tablename__ = "themes"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(160))
    domain: Mapped[str] = mapped_column(String(80), index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    owner_team_id: Mapped[int | None] = mapped_column(
        ForeignKey("teams.id", ondelete="SET NULL"), index=True
    )
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=_now, onupdate=_now
    )

    owner_team: Mapped[Team | None] = relationship()
    assessments: Mapped[list[Assessment]] = relationship(
        back_populates="theme",
        order_by="(Assessment.assessed_on.desc(), Assessment.id.desc())",
        cascade="all, delete-orphan",
    )
    analyses: Mapped[list[Analysis]] = relationship(
        back_populates="theme", order_by="Analysis.name", cascade="all, delete-orphan"
    )
    targets: Mapped[list[Target]] = relationship(
        back_populates="theme", order_by="Target.id.desc()", cascade="all, delete-orphan"
    )

    def __repr__(self) -> str:
        return f"<Theme {self.code} {self.name!r}>"


class AnalysisLevel(Model):
    """A rung of the ladder: 0 Vinden .. 4 Voorschrijvend."""

    __tablename__ = "analysis_levels"

    number: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(60))
    question: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")

    criteria: Mapped[list[LevelCriterion]] = relationship(
        back_populates="level", order_by="(LevelCriterion.position, LevelCriterion.id)"
    )


class LevelCriterion(Model):
    """A checklist item that must hold for a level to be op orde."""

    __tablename__ = "level_criteria"

    id: Mapped[int] = mapped_column(primary_key=True)
    level_number: Mapped[int] = mapped_column(ForeignKey("analysis_levels.number"), index=True)
    text: Mapped[str] = mapped_column(String(300))
    position: Mapped[int] = mapped_column(Integer, default=0)
    # Retired criteria stay so old assessments keep their meaning.
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Met by measurement: the theme's findability (percent) must be at least this; None
    # means the criterion is judged by the programme manager alone.
    findability_threshold: Mapped[int | None] = mapped_column(Integer)

    level: Mapped[AnalysisLevel] = relationship(back_populates="criteria")


assessment_criteria = db.Table(
    "assessment_criteria",
    db.Column(
        "assessment_id",
        ForeignKey("assessments.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    db.Column(
        "criterion_id", ForeignKey("level_criteria.id", ondelete="CASCADE"), primary_key=True
    ),
)


class Assessment(Model):
    """A dated judgement of a theme. Never edited in place: a new one keeps the history."""

    __tablename__ = "assessments"

    id: Mapped[int] = mapped_column(primary_key=True)
    theme_id: Mapped[int] = mapped_column(ForeignKey("themes.id", ondelete="CASCADE"), index=True)
    assessed_on: Mapped[dt.date] = mapped_column(Date)
    assessor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    # The theme's measured findability when the judgement was made, and the scan it came
    # from (level 0 evidence next to the manager's judgement); None when not yet measured.
    findability_share: Mapped[float | None] = mapped_column(Float)
    findability_scan_id: Mapped[int | None] = mapped_column(
        ForeignKey("findability_scans.id", ondelete="SET NULL")
    )

    theme: Mapped[Theme] = relationship(back_populates="assessments")
    assessor: Mapped[User | None] = relationship()
    level_statuses: Mapped[list[AssessmentLevel]] = relationship(
        order_by="AssessmentLevel.level_number",
        cascade="all, delete-orphan",
        lazy="selectin",
    )
    criteria_met: Mapped[list[LevelCriterion]] = relationship(secondary=assessment_criteria)
    evidence: Mapped[list[Evidence]] = relationship(
        order_by="Evidence.id", cascade="all, delete-orphan"
    )

    def status_of(self, level: int) -> LevelStatus:
        for row in self.level_statuses:
            if row.level_number == level:
                return LevelStatus(row.status)
        return LevelStatus.NOT_STARTED


class AssessmentLevel(Model):
    __tablename__ = "assessment_levels"
    __table_args__ = (
        UniqueConstraint("assessment_id", "level_number", name="uq_assessment_levels_level"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessments.id", ondelete="CASCADE"), index=True
    )
    level_number: Mapped[int] = mapped_column(ForeignKey("analysis_levels.number"))
    status: Mapped[str] = mapped_column(String(20), default=LevelStatus.NOT_STARTED.value)


class Evidence(Model):
    """A link (or, later, a practice-index document) that supports an assessment."""

    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessments.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(300), default="")
    url: Mapped[str] = mapped_column(String(2000), default="")


class Analysis(Model):
    """An analysis product a theme team uses, typed by its level on the ladder."""

    __tablename__ = "analyses"

    id: Mapped[int] = mapped_column(primary_key=True)
    theme_id: Mapped[int] = mapped_column(ForeignKey("themes.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    level_number: Mapped[int] = mapped_column(ForeignKey("analysis_levels.number"))
    status: Mapped[str] = mapped_column(String(20), default=AnalysisStatus.IN_USE.value)
    data_sources: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=_now, onupdate=_now
    )

    theme: Mapped[Theme] = relationship(back_populates="analyses")


class Target(Model):
    """The level a theme aims for by a date; the newest row is the current target."""

    __tablename__ = "targets"

    id: Mapped[int] = mapped_column(primary_key=True)
    theme_id: Mapped[int] = mapped_column(ForeignKey("themes.id", ondelete="CASCADE"), index=True)
    level_number: Mapped[int] = mapped_column(ForeignKey("analysis_levels.number"))
    target_date: Mapped[dt.date] = mapped_column(Date)
    set_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)

    theme: Mapped[Theme] = relationship(back_populates="targets")
