"""Helpers for the maturity tests: themes, ladder statuses and row counts.

The shared `app` fixture has the ladder and "Team Test" but no themes; tests build the
themes they need here. Setup runs in its own app context and is closed before any request,
so a request never shares a session (or Flask-Babel's cached locale) with the test.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from academy.extensions import db
from academy.maturity import services
from academy.models import (
    LEVEL_NUMBERS,
    Analysis,
    Assessment,
    AssessmentLevel,
    Evidence,
    LevelCriterion,
    LevelStatus,
    Target,
    Team,
    Theme,
)
from tests.conftest import AuthActions, build_app

NOT = LevelStatus.NOT_STARTED
BUSY = LevelStatus.IN_PROGRESS
DONE = LevelStatus.IN_ORDER

COUNTED = (Theme, Assessment, AssessmentLevel, Evidence, Target, Analysis, LevelCriterion)


def ladder(*statuses: LevelStatus | str) -> dict[int, LevelStatus]:
    """Statuses for levels 0.. in order; levels not given are niet gestart."""
    padded = list(statuses) + [NOT] * (len(LEVEL_NUMBERS) - len(statuses))
    return {n: LevelStatus(s) for n, s in zip(LEVEL_NUMBERS, padded, strict=True)}


def up_to(level: int) -> dict[int, LevelStatus]:
    """Levels 0..level op orde, the rest niet gestart (level -1: nothing op orde)."""
    return ladder(*([DONE] * (level + 1)))


def criteria_ids(levels: Sequence[int]) -> list[int]:
    """Ids of the active criteria of `levels` (call inside an app context)."""
    return list(
        db.session.scalars(
            select(LevelCriterion.id)
            .where(LevelCriterion.level_number.in_(levels), LevelCriterion.active)
            .order_by(LevelCriterion.id)
        )
    )


def team_id(name: str = "Team Test") -> int:
    return db.session.scalar(select(Team.id).where(Team.name == name))


def make_theme(
    code: str, name: str | None = None, domain: str = "Onderwijs", owner: str | None = "Team Test"
) -> Theme:
    return services.save_theme(
        None,
        code=code,
        name=name or code.title(),
        domain=domain,
        owner_team_id=team_id(owner) if owner else None,
    )


def assess(
    theme: Theme,
    level: int,
    on: dt.date,
    *,
    statuses: dict[int, LevelStatus] | None = None,
    note: str = "",
    evidence: str = "",
) -> Assessment:
    """Record an assessment at `level` with exactly the criteria that op orde requires."""
    statuses = statuses or up_to(level)
    required = [n for n, s in statuses.items() if s == DONE]
    return services.record_assessment(
        theme,
        assessor=None,
        assessed_on=on,
        statuses=statuses,
        criteria_met=criteria_ids(required),
        evidence_text=evidence,
        note=note,
    )


def row_counts(app: Flask) -> dict[str, int]:
    with app.app_context():
        return {
            model.__name__: db.session.scalar(select(func.count()).select_from(model))
            for model in COUNTED
        }


@pytest.fixture
def ctx(app: Flask) -> Iterator[None]:
    """An app context for service tests that make no requests."""
    with app.app_context():
        yield


def add_vsv() -> str:
    """One theme, "vsv", assessed twice (level 0, then level 1), with one analysis."""
    theme = make_theme("vsv", "Vroegtijdig schoolverlaten")
    assess(theme, 0, dt.date(2025, 2, 1), note="Eerste beoordeling")
    assess(theme, 1, dt.date(2025, 8, 1), evidence="Monitor | https://example.nl/monitor")
    db.session.add(Analysis(theme=theme, name="Monitor vsv", level_number=1))
    db.session.commit()
    return theme.code


@pytest.fixture
def vsv(app: Flask) -> str:
    with app.app_context():
        return add_vsv()


@pytest.fixture(scope="module")
def shared_app(tmp_path_factory, password_hash) -> Iterator[Flask]:
    """The fixture app with the vsv theme, built once per module.

    Only for tests that must leave the data as it was (refused input, anonymous visits,
    reading): an app per test costs more than the requests such tests make.
    """
    lifecycle = build_app(tmp_path_factory.mktemp("shared"), password_hash)
    app = next(lifecycle)
    with app.app_context():
        add_vsv()
    yield app
    next(lifecycle, None)


@pytest.fixture(scope="module")
def manager(shared_app: Flask) -> FlaskClient:
    """A client on `shared_app`, signed in as the programme manager."""
    client = shared_app.test_client()
    assert AuthActions(client).login("programmamanager").status_code == 302
    return client
