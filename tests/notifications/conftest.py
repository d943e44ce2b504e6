"""A module with one exercise and helpers to assign it (on the shared `app` world)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from academy.assignments import services as assignments
from academy.extensions import db
from academy.models import Exercise, ExerciseKind, Module, Team, User

NOW = dt.datetime(2030, 6, 10, 7, 0, tzinfo=dt.UTC)


@pytest.fixture
def ctx(app):
    with app.app_context():
        module = Module(slug="m", title="Zoeken leren", published=True)
        module.exercises = [
            Exercise(slug="open-vraag", kind=ExerciseKind.OPEN.value, title="Zoekverslag",
                     rubric=["Bron"], published=True)
        ]  # fmt: skip
        db.session.add(module)
        medewerker = user("medewerker")
        medewerker.email = "medewerker@lindewaard.example"
        db.session.commit()
        yield module


def user(name: str) -> User:
    return db.session.scalar(select(User).where(User.username == name))


def team(name: str = "Team Test") -> Team:
    return db.session.scalar(select(Team).where(Team.name == name))


def assign(module: Module, due: dt.date, **people):
    return assignments.save_assignment(
        None,
        trainer=user("trainer"),
        module_id=module.id,
        exercise_id=None,
        user_ids=people.get("users", []),
        team_ids=people.get("teams", []),
        due_date=due,
        today=due - dt.timedelta(days=30),
    )
