"""One learner's progress, computed by academy/training/progress.py, read on every page and
endpoint that shows it (issue 13, part 2), plus the edge cases decided there once."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape

from flask import Flask
from sqlalchemy import select

from academy.auth.services import create_api_token
from academy.extensions import db
from academy.models import Assignment, AssignmentTarget, Lesson, Module, Team, Theme, User
from academy.training import services as training_services
from tests.training.conftest import do, get_module, get_user


def text(response) -> str:
    return re.sub(r"\s+", " ", unescape(response.get_data(as_text=True)))


def _half_done(app: Flask, training_fixture) -> dict:
    """medewerker reads both lessons and passes two of five exercises (4 of 7 items = 57 %)
    but scores 0.4 on average; a module assignment and a theme owned by the team."""
    with app.app_context():
        user = get_user("medewerker")
        for lesson in get_module(training_fixture.module).lessons:
            training_services.mark_lesson_read(user, lesson)
        do("known_item", training_fixture, mark=[training_fixture.docs["armoede-monitor-2024"]])
        do("fact", training_fixture, answer="4.312")
        do("find_all", training_fixture, mark=[])  # graded 0
        module = get_module(training_fixture.module)
        module.core = True
        team = db.session.scalar(select(Team).where(Team.name == "Team Test"))
        trainer = get_user("trainer")
        db.session.add(
            Assignment(
                module_id=module.id,
                due_date=dt.date.today() + dt.timedelta(days=7),
                created_by_id=trainer.id,
                targets=[AssignmentTarget(user_id=user.id)],
            )
        )
        theme = db.session.scalar(select(Theme).where(Theme.code == "vsv"))
        theme.owner_team_id = team.id
        _row, token = create_api_token(trainer, "test")
        db.session.commit()
        return {"user": user.id, "team": team.id, "token": token, "module": module.id}


def test_one_learner_has_the_same_progress_everywhere(app, client, auth, login, training):
    ids = _half_done(app, training)
    with app.app_context():
        expected = training_services.module_progress(
            db.session.get(User, ids["user"]), db.session.get(Module, ids["module"])
        )
    assert expected.percent == 57 and not expected.completed

    login("medewerker")
    assert f"{expected.percent}%" in text(client.get("/leren"))
    assert f"{expected.percent}% afgerond" in text(client.get(f"/leren/modules/{training.module}"))
    mine = text(client.get("/opdrachten"))
    assert f"{expected.percent}% afgerond" in mine
    auth.logout()

    login("trainer")
    matrix = text(client.get("/opdrachten/overzicht"))
    assert f"{expected.percent}% afgerond" in matrix
    assert "40%" not in matrix  # the mean score is not the progress
    learner_page = text(client.get(f"/opdrachten/deelnemers/{ids['user']}"))
    assert f"{expected.percent}% afgerond" in learner_page

    headers = {"Authorization": f"Bearer {ids['token']}"}
    team = client.get(f"/api/v1/teams/{ids['team']}/voortgang?pageSize=100", headers=headers)
    member = next(m for m in team.get_json()["leden"] if m["gebruikersnaam"] == "medewerker")
    api_module = next(m for m in member["modules"] if m["module"] == training.module)
    assert api_module["procent"] == expected.percent and api_module["afgerond"] is False


def test_edge_cases_are_decided_once(app, training, password_hash):
    """A module without exercises is complete when its lessons are read; an empty module is
    never complete; a withdrawn assignment is no one's work; a deactivated learner is not in
    the team share."""
    from academy.training import progress  # new in issue 13

    with app.app_context():
        user = get_user("medewerker")
        lessons_only = Module(slug="alleen-lessen", title="Alleen lessen", published=True)
        lessons_only.lessons = [Lesson(slug="les", title="Les", body="x")]
        empty = Module(slug="leeg", title="Leeg", published=True, core=True)
        db.session.add_all([lessons_only, empty])
        db.session.commit()
        assert progress.module_progress(user, empty).completed is False
        assert progress.module_progress(user, empty).percent == 0
        training_services.mark_lesson_read(user, lessons_only.lessons[0])
        done = progress.module_progress(user, lessons_only)
        assert done.completed and done.percent == 100

        module = get_module("leren-zoeken")
        assignment = Assignment(
            module_id=module.id,
            due_date=dt.date.today(),
            created_by_id=user.id,
            targets=[AssignmentTarget(user_id=user.id)],
            withdrawn_at=dt.datetime.now(dt.UTC),
        )
        db.session.add(assignment)
        db.session.commit()
        assert progress.assigned_work(user) == []

        # The team share counts active learners only, the same people the matrix shows.
        team = user.team
        learners = progress.learners_by_team()
        assert user.id in learners[team.id]
        user.active = False
        db.session.commit()
        assert user.id not in progress.learners_by_team().get(team.id, [])
        assert progress.core_completion_by_team().get(team.id, (0, 0))[1] == len(
            progress.learners_by_team().get(team.id, [])
        )
