"""Who may see and change what: trainers see learners' work, employees only their own.

Every route of the assignments blueprint is walked with every role (read from the URL map,
so a new route fails `test_every_assignments_route_is_in_the_table` until it joins), and
another learner's attempt is unreachable through the learner routes for everyone.
"""

from __future__ import annotations

import datetime as dt

import pytest
from flask import Flask
from flask.testing import FlaskClient

from academy.extensions import db
from academy.models import Assignment, Attempt, AttemptStatus
from tests.assignments.conftest import (
    Data,
    add_attempt,
    assign,
    assignment_count,
    log_search,
    moment,
)

ROLES = ("medewerker", "programmamanager", "trainer", "admin")
TRAINERS = {"trainer", "admin"}  # admins may do everything


@pytest.fixture
def ids(app: Flask, data: Data) -> dict[str, int]:
    """An assignment for anna and a graded attempt of hers with a search in its trail."""
    anna = data.users["anna"]
    day = dt.date.today()
    with app.app_context():
        assignment = assign(exercise=data.exercises["known"], users=[anna], due=day)
        attempt = add_attempt(anna, data.exercises["known"], score=0.5, passed=False, day=day)
        log_search(attempt, anna, "geheime zoekvraag van anna", moment(day, 10, 1))
    return {"assignment": assignment, "attempt": attempt, "anna": anna}


# (method, path template, status for a trainer or admin); others get 403, anonymous 302
ROUTES = {
    "assignments.overview": ("GET", "/opdrachten/overzicht", 200),
    "assignments.overview_csv": ("GET", "/opdrachten/overzicht.csv", 200),
    "assignments.overview_xlsx": ("GET", "/opdrachten/overzicht.xlsx", 200),
    "assignments.new": ("GET", "/opdrachten/nieuw", 200),
    "assignments.edit": ("GET", "/opdrachten/{assignment}/bewerken", 200),
    "assignments.withdraw": ("POST", "/opdrachten/{assignment}/intrekken", 302),
    "assignments.learner": ("GET", "/opdrachten/deelnemers/{anna}", 200),
}


def test_every_assignments_route_is_in_the_table(app: Flask) -> None:
    endpoints = {
        rule.endpoint
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith("assignments.")
    }
    assert endpoints == set(ROUTES) | {"assignments.mine"}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("endpoint", sorted(ROUTES))
def test_trainer_routes_by_role(app, client, login, ids, role: str, endpoint: str) -> None:
    method, template, allowed = ROUTES[endpoint]
    login(role)
    response = client.open(template.format(**ids), method=method)
    assert response.status_code == (allowed if role in TRAINERS else 403)
    with app.app_context():
        withdrawn = db.session.get(Assignment, ids["assignment"]).withdrawn_at is not None
    assert withdrawn is (endpoint == "assignments.withdraw" and role in TRAINERS)
    if role not in TRAINERS:
        assert "geheime zoekvraag" not in response.get_data(as_text=True)


@pytest.mark.parametrize("endpoint", sorted(ROUTES))
def test_trainer_routes_send_strangers_to_the_login(client, ids, endpoint: str) -> None:
    method, template, _allowed = ROUTES[endpoint]
    response = client.open(template.format(**ids), method=method)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login")


@pytest.mark.parametrize("role", ["medewerker", "programmamanager"])
def test_employees_cannot_save_or_edit_assignments(app, client, login, data, ids, role) -> None:
    login(role)
    form = {
        "work": f"module-{data.module}",
        "users": [str(data.users["medewerker"])],
        "due_date": (dt.date.today() + dt.timedelta(days=3)).isoformat(),
    }
    assert client.post("/opdrachten/nieuw", data=form).status_code == 403
    assert client.post(f"/opdrachten/{ids['assignment']}/bewerken", data=form).status_code == 403
    with app.app_context():
        assert assignment_count() == 1
        assert db.session.get(Assignment, ids["assignment"]).exercise_id == data.exercises["known"]


@pytest.mark.parametrize("role", [None, *ROLES])
def test_withdraw_is_post_only(client, login, ids, role) -> None:
    if role:
        login(role)
    assert client.get(f"/opdrachten/{ids['assignment']}/intrekken").status_code == 405


@pytest.mark.parametrize("role", ROLES)
def test_everyone_signed_in_sees_only_their_own_assignments(client, login, ids, role) -> None:
    login(role)
    for path in ("/opdrachten", f"/opdrachten?user={ids['anna']}&gebruiker={ids['anna']}"):
        response = client.get(path)
        assert response.status_code == 200
        assert "Vind de monitor" not in response.get_data(as_text=True)


def test_the_learner_sees_their_assignment(client, login, ids) -> None:
    login("anna")
    assert "Vind de monitor" in client.get("/opdrachten").get_data(as_text=True)


def test_mine_needs_a_login(client) -> None:
    response = client.get("/opdrachten")
    assert response.status_code == 302 and response.headers["Location"].startswith("/login")


@pytest.mark.parametrize("role", ROLES)
def test_progress_link_only_for_trainers(client, login, data, role) -> None:
    login(role)
    html = client.get("/opdrachten").get_data(as_text=True)
    assert ('href="/opdrachten/overzicht"' in html) is (role in TRAINERS)


# --- another learner's attempt through the learner routes: 404 for everyone -------------------


@pytest.mark.parametrize("who", ["bram", *ROLES])
@pytest.mark.parametrize("suffix", ["", "/resultaat"])
def test_nobody_reads_another_learners_attempt(client, login, ids, who, suffix) -> None:
    login(who)
    response = client.get(f"/leren/pogingen/{ids['attempt']}{suffix}")
    assert response.status_code == 404
    assert "geheime zoekvraag" not in response.get_data(as_text=True)


@pytest.mark.parametrize("who", ["bram", "trainer", "admin"])
@pytest.mark.parametrize(
    ("action", "form"),
    [("markeren", {"document": "1"}), ("hint", {}), ("inleveren", {"answer": "4.312"})],
)
def test_nobody_changes_another_learners_attempt(app, client, login, data, who, action, form):
    with app.app_context():
        attempt = add_attempt(data.users["anna"], data.exercises["fact"], status=AttemptStatus.OPEN)
    login(who)
    assert client.post(f"/leren/pogingen/{attempt}/{action}", data=form).status_code == 404
    with app.app_context():
        stored = db.session.get(Attempt, attempt)
        assert (stored.status, stored.hints_used, stored.answer_text) == ("open", 0, "")
        assert stored.selected_document_ids == []


def test_the_learner_reads_their_own_attempt(client, login, ids) -> None:
    login("anna")
    response = client.get(f"/leren/pogingen/{ids['attempt']}")
    assert response.status_code == 302
    assert response.headers["Location"] == f"/leren/pogingen/{ids['attempt']}/resultaat"
    response = client.get(response.headers["Location"])
    assert response.status_code == 200
    assert "geheime zoekvraag van anna" in response.get_data(as_text=True)


def test_trainers_read_attempts_on_the_learner_page(client: FlaskClient, login, ids) -> None:
    login("trainer")
    html = client.get(f"/opdrachten/deelnemers/{ids['anna']}").get_data(as_text=True)
    assert "geheime zoekvraag van anna" in html
