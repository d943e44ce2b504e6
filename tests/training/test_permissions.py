"""Who may see and do what in training: answer keys, other people's attempts, scoring."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from flask import Flask
from sqlalchemy import func, select

from academy.extensions import db
from academy.models import Attempt, Module
from academy.training import services
from tests.training.conftest import (
    FACT_ANSWERS,
    Training,
    attempt_row,
    do,
    get_exercise,
    get_module,
    get_user,
    learner,
)


@dataclass(frozen=True)
class Ids:
    module: int
    lesson: int
    exercise: int  # the known-item exercise
    open_attempt: int  # the medewerker's known-item attempt, still open (one mark)
    submitted: int  # the medewerker's open-exercise answer, waiting for a trainer
    graded: int  # the medewerker's graded fact attempt


@pytest.fixture
def ids(app: Flask, training: Training) -> Ids:
    with app.app_context():
        module = get_module(training.module)
        attempt = services.start_attempt(learner(), get_exercise(training.exercises["known_item"]))
        services.toggle_document(attempt, training.docs["armoede-nota-2023"])
        return Ids(
            module=module.id,
            lesson=module.lessons[0].id,
            exercise=training.exercise_ids["known_item"],
            open_attempt=attempt.id,
            submitted=do("open", training, answer="Mijn zoekverslag").id,
            graded=do("fact", training, answer="14.312").id,
        )


def trainer_requests(ids: Ids, training: Training) -> list[tuple[str, str, dict]]:
    """Every trainer page and action, with real ids."""
    return [
        ("GET", "/leren/beheer", {}),
        ("GET", "/leren/beheer/modules/nieuw", {}),
        ("POST", "/leren/beheer/modules/nieuw", {"slug": "inbraak", "title": "x", "minutes": "5"}),
        ("GET", f"/leren/beheer/modules/{ids.module}", {}),
        ("POST", f"/leren/beheer/modules/{ids.module}", {"slug": "x", "title": "x"}),
        ("GET", f"/leren/beheer/modules/{ids.module}/pakket", {}),
        ("GET", "/leren/beheer/modules/importeren", {}),
        ("POST", "/leren/beheer/modules/importeren", {}),
        ("GET", f"/leren/beheer/modules/{ids.module}/lessen/nieuw", {}),
        ("POST", f"/leren/beheer/modules/{ids.module}/lessen/nieuw", {"slug": "x", "title": "x"}),
        ("GET", f"/leren/beheer/lessen/{ids.lesson}", {}),
        ("POST", f"/leren/beheer/lessen/{ids.lesson}", {"slug": "x", "title": "x"}),
        ("GET", f"/leren/beheer/modules/{ids.module}/oefeningen/nieuw", {}),
        ("GET", f"/leren/beheer/oefeningen/{ids.exercise}", {}),
        ("GET", f"/leren/beheer/oefeningen/{ids.exercise}?q=armoede", {}),
        ("POST", f"/leren/beheer/oefeningen/{ids.exercise}", {"slug": "x", "title": "x"}),
        (
            "POST",
            f"/leren/beheer/oefeningen/{ids.exercise}/sleutel",
            {"document": training.docs["armoede-monitor-2024"], "actie": "verwijderen"},
        ),
        ("POST", f"/leren/beheer/module/{ids.module}/verplaatsen", {"richting": "omlaag"}),
        ("POST", f"/leren/beheer/module/{ids.module}/publiceren", {}),
        ("POST", f"/leren/beheer/oefening/{ids.exercise}/publiceren", {}),
        ("POST", f"/leren/beheer/les/{ids.lesson}/publiceren", {}),
        ("GET", "/leren/beheer/beoordelen", {}),
        ("GET", f"/leren/beheer/pogingen/{ids.submitted}", {}),
        (
            "POST",
            f"/leren/beheer/pogingen/{ids.submitted}",
            {"criterium-0": "2", "criterium-1": "2", "criterium-2": "2"},
        ),
    ]


def snapshot(app: Flask, training: Training, ids: Ids) -> tuple:
    with app.app_context():
        module = get_module(training.module)
        return (
            db.session.scalar(select(func.count(Module.id))),
            [(m.slug, m.published, m.position) for m in db.session.scalars(select(Module))],
            [(x.slug, x.published) for x in module.lessons + module.exercises],
            [d.id for d in get_exercise(training.exercises["known_item"]).key_documents],
            attempt_row(app, ids.submitted),
        )


def test_every_trainer_route_is_in_the_list(app: Flask) -> None:
    """A new trainer route must join trainer_requests (and so the 403 tests below)."""
    listed = {
        "/leren/beheer",
        "/leren/beheer/modules/nieuw",
        "/leren/beheer/modules/<int:module_id>",
        "/leren/beheer/modules/<int:module_id>/pakket",
        "/leren/beheer/modules/importeren",
        "/leren/beheer/modules/<int:module_id>/lessen/nieuw",
        "/leren/beheer/lessen/<int:lesson_id>",
        "/leren/beheer/modules/<int:module_id>/oefeningen/nieuw",
        "/leren/beheer/oefeningen/<int:exercise_id>",
        "/leren/beheer/oefeningen/<int:exercise_id>/sleutel",
        "/leren/beheer/<kind>/<int:item_id>/verplaatsen",
        "/leren/beheer/<kind>/<int:item_id>/publiceren",
        "/leren/beheer/beoordelen",
        "/leren/beheer/pogingen/<int:attempt_id>",
    }
    rules = {r.rule for r in app.url_map.iter_rules() if r.rule.startswith("/leren/beheer")}
    assert rules == listed


@pytest.mark.parametrize("username", ["medewerker", "programmamanager"])
def test_non_trainers_get_403_and_change_nothing(
    app, client, login, training, ids, username: str
) -> None:
    before = snapshot(app, training, ids)
    login(username)
    for method, url, data in trainer_requests(ids, training):
        response = client.open(url, method=method, data=data)
        assert response.status_code == 403, (method, url)
    assert snapshot(app, training, ids) == before


def test_anonymous_users_are_sent_to_the_login_page(client, training, ids) -> None:
    for method, url, data in trainer_requests(ids, training) + [
        ("GET", "/leren", {}),
        ("GET", f"/leren/modules/{training.module}", {}),
        ("GET", f"/leren/pogingen/{ids.open_attempt}", {}),
        ("POST", f"/leren/pogingen/{ids.open_attempt}/markeren", {"document": "1"}),
    ]:
        response = client.open(url, method=method, data=data)
        assert response.status_code == 302, (method, url)
        assert "/login" in response.headers["Location"]


@pytest.mark.parametrize("username", ["trainer", "admin"])
def test_trainers_and_admins_may_use_the_trainer_pages(client, login, training, ids, username):
    login(username)
    for method, url, _data in trainer_requests(ids, training):
        if method == "GET":
            assert client.get(url).status_code == 200, url


# --- answer keys stay hidden ----------------------------------------------------------------------

SECRET_ANSWER = "vierduizend driehonderd twaalf"


def learner_pages(client, training: Training, ids: Ids) -> dict[str, str]:
    """Every page a learner sees around the exercises, with searches that show the keys."""
    pages = {}

    def get(url: str, **query) -> None:
        response = client.get(url, query_string=query or None)
        assert response.status_code == 200, url
        pages[f"{url} {query}"] = response.get_data(as_text=True)

    get("/leren")
    get(f"/leren/modules/{training.module}")
    for slug in training.exercises.values():
        get(f"/leren/oefeningen/{slug}")
    get(f"/leren/pogingen/{ids.open_attempt}", q="armoede")
    get(f"/leren/pogingen/{ids.open_attempt}", q="thema:vsv")
    get(f"/leren/pogingen/{ids.graded}/resultaat")
    get(f"/leren/pogingen/{ids.submitted}/resultaat")
    for kind in ("fact", "find_all", "process", "open"):
        response = client.post(f"/leren/oefeningen/{training.exercises[kind]}/starten")
        get(response.headers["Location"], q="schoolverlaten")
    return pages


def test_learner_pages_never_show_answer_keys(app, client, login, training, ids) -> None:
    with app.app_context():
        exercise = get_exercise(training.exercises["fact"])
        exercise.accepted_answers = [*FACT_ANSWERS, SECRET_ANSWER]
        db.session.commit()
    login("medewerker")
    for name, html in learner_pages(client, training, ids).items():
        assert "in de sleutel" not in html, name
        assert "Antwoordsleutel" not in html and "/sleutel" not in html, name
        assert SECRET_ANSWER not in html and "4312 leerlingen" not in html, name
        assert "/leren/beheer" not in html, name
        assert "criterium-" not in html, name


def test_a_wrong_known_item_result_does_not_name_the_key(app, client, login, training, ids):
    with app.app_context():
        attempt = db.session.get(Attempt, ids.open_attempt)
        services.submit_attempt(attempt)
    login("medewerker")
    html = client.get(f"/leren/pogingen/{ids.open_attempt}/resultaat").get_data(as_text=True)
    assert "Nota minimabeleid" in html and "hoort er niet bij" in html
    assert "Armoedemonitor 2024" not in html
    assert "titel:armoedemonitor" not in html  # nor the expert query that finds it


def test_learners_cannot_open_the_scoring_page(client, login, training, ids) -> None:
    login("medewerker")
    assert client.get(f"/leren/beheer/pogingen/{ids.submitted}").status_code == 403


# --- other people's attempts ----------------------------------------------------------------------


OWN_ATTEMPT_REQUESTS = [
    ("GET", "/leren/pogingen/{id}", {}),
    ("GET", "/leren/pogingen/{id}/resultaat", {}),
    ("POST", "/leren/pogingen/{id}/markeren", {"document": "1"}),
    ("POST", "/leren/pogingen/{id}/hint", {}),
    ("POST", "/leren/pogingen/{id}/inleveren", {"answer": "gestolen"}),
]


@pytest.mark.parametrize("username", ["trainer", "admin", "programmamanager"])
def test_nobody_else_reaches_a_learners_attempts(
    app, client, login, training, ids, username
) -> None:
    before = {i: attempt_row(app, i) for i in (ids.open_attempt, ids.submitted, ids.graded)}
    login(username)
    for attempt_id in before:
        for method, url, data in OWN_ATTEMPT_REQUESTS:
            response = client.open(url.format(id=attempt_id), method=method, data=data)
            assert response.status_code == 404, (method, url, attempt_id)
    assert {i: attempt_row(app, i) for i in before} == before


def test_a_learner_cannot_reach_another_learners_attempt(app, client, login, training) -> None:
    """The trainer user follows the module too; the medewerker must not reach those attempts."""
    with app.app_context():
        trainer = get_user("trainer")
        theirs = services.start_attempt(trainer, get_exercise(training.exercises["find_all"])).id
        services.toggle_document(db.session.get(Attempt, theirs), training.vsv_ids[0])
    before = attempt_row(app, theirs)
    login("medewerker")
    for method, url, data in OWN_ATTEMPT_REQUESTS:
        response = client.open(url.format(id=theirs), method=method, data=data)
        assert response.status_code == 404, (method, url)
    assert attempt_row(app, theirs) == before
    # Their own attempt, by contrast, is theirs.
    response = client.post(f"/leren/oefeningen/{training.exercises['find_all']}/starten")
    assert response.status_code == 302
    assert not response.headers["Location"].endswith(f"/leren/pogingen/{theirs}")


# --- scoring -------------------------------------------------------------------------------------


@pytest.mark.parametrize("username", ["trainer", "admin"])
def test_trainers_score_any_submitted_open_attempt(app, client, login, training, ids, username):
    login(username)
    page = client.get(f"/leren/beheer/pogingen/{ids.submitted}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Mijn zoekverslag" in html and "Antwoord van Medewerker" in html
    assert 'name="criterium-2"' in html and 'name="criterium-3"' not in html
    response = client.post(
        f"/leren/beheer/pogingen/{ids.submitted}",
        data={"criterium-0": "2", "criterium-1": "1", "criterium-2": "1", "feedback": "Goed"},
    )
    assert response.status_code == 302
    row = attempt_row(app, ids.submitted)
    assert (row["status"], row["rubric_scores"], row["passed"]) == ("graded", [2, 1, 1], True)
    assert row["scored_by_id"] is not None
    # A scored answer can be opened again and rescored.
    assert client.get(f"/leren/beheer/pogingen/{ids.submitted}").status_code == 200


def test_scoring_page_only_for_handed_in_open_answers(app, client, login, training, ids) -> None:
    with app.app_context():
        still_open = services.start_attempt(learner(), get_exercise(training.exercises["open"])).id
    login("trainer")
    for attempt_id in (still_open, ids.open_attempt, ids.graded, 424242, 10**25):
        assert client.get(f"/leren/beheer/pogingen/{attempt_id}").status_code == 404, attempt_id
        response = client.post(f"/leren/beheer/pogingen/{attempt_id}", data={"criterium-0": "2"})
        assert response.status_code == 404, attempt_id
