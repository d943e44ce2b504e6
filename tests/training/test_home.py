"""The learner's home (issue 13, part 5) and the skill profile it shares with the trainer's
group view (part 7): from graded attempts, over the seven search skills."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape

from sqlalchemy import select

from academy.extensions import db
from academy.models import Assignment, AssignmentTarget, Attempt, User
from academy.training import services, skills
from tests.training.conftest import add_query_log, do, get_exercise, get_user, learner


def text(response) -> str:
    html = re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))
    return re.sub(r"\s+", " ", unescape(html))


def passed_process(user: User, query: str, features: str) -> Attempt:
    attempt = services.start_attempt(user, get_exercise("zoek-met-of"))
    add_query_log(attempt.id, user, query, features)
    services.submit_attempt(attempt)
    return attempt


def test_skill_profile_counts_skills_shown_in_passed_attempts(app, training):
    with app.app_context():
        user = learner()
        assert skills.skill_profile(user) == dict.fromkeys(skills.SEARCH_SKILLS, 0)
        failed = services.start_attempt(user, get_exercise("zoek-met-of"))
        add_query_log(failed.id, user, '"vroegtijdig schoolverlaten"', "phrase")
        services.submit_attempt(failed)  # no OR: failed, so the phrase does not count
        assert skills.skill_profile(user)["phrase"] == 0
        passed_process(user, "schooluitval OF thuiszitters type:onderzoek", "field,or")
        profile = skills.skill_profile(user)
        assert profile["or"] == 1 and profile["field"] == 1 and profile["phrase"] == 0


def test_the_learner_home(app, client, login, training):
    with app.app_context():
        user = learner()
        do("known_item", training, mark=[training.docs["vsv-nota-2022"]])  # failed
        services.start_attempt(user, get_exercise(training.exercises["fact"]))  # open
        trainer = get_user("trainer")
        today = dt.date.today()
        db.session.add_all(
            [
                Assignment(
                    exercise_id=get_exercise(training.exercises["find_all"]).id,
                    due_date=today + dt.timedelta(days=2),
                    created_by_id=trainer.id,
                    targets=[AssignmentTarget(user_id=user.id)],
                ),
                Assignment(
                    exercise_id=get_exercise(training.exercises["known_item"]).id,
                    due_date=today - dt.timedelta(days=1),
                    created_by_id=trainer.id,
                    targets=[AssignmentTarget(user_id=user.id)],
                ),
            ]
        )
        open_attempt = services.start_attempt(user, get_exercise(training.exercises["open"]))
        services.submit_attempt(open_attempt, answer_text="Ik zocht eerst breed.")
        services.score_open_attempt(
            open_attempt, trainer=trainer, rubric_scores=[2, 2, 2], feedback="Mooi verslag."
        )
        db.session.commit()
        due = today + dt.timedelta(days=2)
    login("medewerker")
    page = text(client.get("/"))
    assert "Verder waar je was" in page and "Hoeveel schoolverlaters" in page
    assert "Opdrachten" in page and "te laat" in page
    months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
              "september", "oktober", "november", "december"]  # fmt: skip
    assert f"{due.day} {months[due.month - 1]} {due.year}" in page  # Dutch long form
    assert "Onlangs beoordeeld" in page and "Schrijf een zoekverslag" in page
    assert "Je zoekvaardigheden" in page
    for label in ("exacte woordgroep", "OF", "NIET", "jokerteken (*)", "fuzzy zoeken (~)"):
        assert label in page
    assert "Volgende oefening" in page and "Zoek met of" in page  # practises the weakest skill


def test_the_trainers_group_view_counts_learners_per_skill(app, client, login, training):
    with app.app_context():
        user = learner()
        passed_process(user, "schooluitval OF thuiszitters", "or")
        trainer = get_user("trainer")
        db.session.add(
            Assignment(
                exercise_id=get_exercise("zoek-met-of").id,
                due_date=dt.date.today(),
                created_by_id=trainer.id,
                targets=[AssignmentTarget(user_id=user.id)],
            )
        )
        db.session.commit()
        assert db.session.scalar(select(Attempt.passed).where(Attempt.user_id == user.id))
    login("trainer")
    page = text(client.get("/opdrachten/overzicht"))
    assert "Zoekvaardigheden in deze groep" in page
    assert "OF 1 van 1" in page and "NIET 0 van 1" in page


def test_the_certificate_gives_its_date_in_dutch_long_form(app, client, login, training):
    from tests.training.conftest import pass_everything

    with app.app_context():
        pass_everything(training)
        attempt = services.start_attempt(learner(), get_exercise(training.exercises["open"]))
        services.submit_attempt(attempt, answer_text="Verslag.")
        services.score_open_attempt(
            attempt, trainer=get_user("trainer"), rubric_scores=[2, 2, 2], feedback=""
        )
    login("medewerker")
    page = text(client.get(f"/leren/modules/{training.module}/certificaat"))
    today = dt.date.today()
    assert today.isoformat() not in page
    assert re.search(rf"afgerond op {today.day} [a-z]+ {today.year}", page), page[-800:]
