"""Every route × every role: the access table that new routes must join.

The routes are read from the URL map, so a route that is missing from ACCESS fails
`test_every_route_is_in_the_access_table` instead of going untested.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path

import pytest

from academy import create_app
from tests.conftest import ROLE_USERS, build_app, make_test_config

PUBLIC = "public"  # anyone, signed in or not
SIGNED_IN = "signed-in"  # every signed-in user
POST_ONLY = "post-only"  # state-changing: GET is 405 for everyone
OWN_ATTEMPT = "own-attempt"  # only the learner whose attempt it is (the medewerker here)
CERTIFICATE = "certificate"  # signed in; redirects to the module until it is completed
SSO = "sso"  # single sign-on: 404 for everyone while no OpenID Connect issuer is configured


class Api:
    """An API route: the visitor sends their bearer token instead of signing in; without
    one the answer is 401 problem+json (never a redirect), with the wrong role 403.

    A POST operation is visited with an empty JSON object: an allowed role gets 400
    (invalid input, nothing written), so the role check is seen to pass."""

    def __init__(self, *roles: str, method: str = "GET") -> None:
        self.roles = roles
        self.method = method


API_SIGNED_IN = Api()  # any valid token

# endpoint -> who may GET it (PUBLIC, SIGNED_IN, POST_ONLY, a tuple of role names, or Api(...)).
ACCESS: dict[str, object] = {
    "static": PUBLIC,
    "auth.login": PUBLIC,
    "auth.logout": POST_ONLY,
    "auth.change_own_password": SIGNED_IN,
    "auth.profile": SIGNED_IN,
    "auth.revoke_token": POST_ONLY,
    "auth.logout_all": POST_ONLY,
    "auth.sso_login": SSO,
    "auth.sso_callback": SSO,
    "audit.events": ("admin",),
    "audit.export_csv": ("admin",),
    "audit.export_xlsx": ("admin",),
    "main.home": SIGNED_IN,
    "main.accessibility": PUBLIC,
    "main.set_language": POST_ONLY,
    "maturity.portfolio": SIGNED_IN,
    "maturity.chart": SIGNED_IN,
    "maturity.export_portfolio": SIGNED_IN,
    "maturity.ladder": SIGNED_IN,
    "maturity.add_criterion": POST_ONLY,
    "maturity.edit_criterion": ("programmamanager",),
    "maturity.new_theme": ("programmamanager",),
    "maturity.theme_detail": SIGNED_IN,
    "maturity.theme_chart": SIGNED_IN,
    "maturity.export_history": SIGNED_IN,
    "maturity.edit_theme": ("programmamanager",),
    "maturity.toggle_archive": POST_ONLY,
    "maturity.record_assessment": ("programmamanager",),
    "maturity.set_target": ("programmamanager",),
    "maturity.new_analysis": ("programmamanager",),
    "maturity.edit_analysis": ("programmamanager",),
    "maturity.delete_analysis": POST_ONLY,
    "gaps.overview": ("programmamanager", "trainer"),
    "gaps.theme": ("programmamanager", "trainer"),
    "gaps.export": ("programmamanager", "trainer"),
    "findability.theme_page": SIGNED_IN,
    "findability.new_question": ("programmamanager", "trainer"),
    "findability.edit_question": ("programmamanager", "trainer"),
    "findability.delete_question": POST_ONLY,
    "findability.start_scan": POST_ONLY,
    "findability.scan_detail": ("programmamanager", "trainer"),
    "findability.scan_progress": ("programmamanager", "trainer"),
    "findability.theme_chart": SIGNED_IN,
    "findability.domain_chart": SIGNED_IN,
    "practice.search": SIGNED_IN,
    "practice.help": SIGNED_IN,
    "notifications.index": SIGNED_IN,
    "notifications.mark_read": POST_ONLY,
    "practice.document": SIGNED_IN,
    "training.my_learning": SIGNED_IN,
    "training.module": SIGNED_IN,
    "training.lesson": SIGNED_IN,
    "training.mark_read": POST_ONLY,
    "training.certificate": CERTIFICATE,
    "training.exercise": SIGNED_IN,
    "training.start": POST_ONLY,
    "training.workspace": OWN_ATTEMPT,
    "training.toggle": POST_ONLY,
    "training.hint": POST_ONLY,
    "training.submit": POST_ONLY,
    "training.result": OWN_ATTEMPT,
    "training.manage": ("trainer",),
    "training.new_module": ("trainer",),
    "training.edit_module": ("trainer",),
    "training.export_package": ("trainer",),
    "training.import_package": ("trainer",),
    "training.new_lesson": ("trainer",),
    "training.edit_lesson": ("trainer",),
    "training.new_exercise": ("trainer",),
    "training.edit_exercise": ("trainer",),
    "training.set_key": POST_ONLY,
    "training.move": POST_ONLY,
    "training.publish": POST_ONLY,
    "training.awaiting_score": ("trainer",),
    "training.score_attempt": ("trainer",),
    "assignments.mine": SIGNED_IN,
    "assignments.overview": ("trainer",),
    "assignments.overview_csv": ("trainer",),
    "assignments.overview_xlsx": ("trainer",),
    "assignments.new": ("trainer",),
    "assignments.edit": ("trainer",),
    "assignments.withdraw": POST_ONLY,
    "assignments.learner": ("trainer",),
    "admin.users": ("admin",),
    "admin.new_user": ("admin",),
    "admin.edit_user": ("admin",),
    "admin.deactivate_user": POST_ONLY,
    "admin.reset_password": POST_ONLY,
    "admin.teams": ("admin",),
    "admin.new_team": POST_ONLY,
    "admin.edit_team": ("admin",),
    "admin.delete_team": POST_ONLY,
    "documents.index": ("admin",),
    "documents.detail": ("admin",),
    "documents.delete": POST_ONLY,
    "documents.reindex": POST_ONLY,
    "documents.imports": ("admin",),
    "documents.start_upload": ("admin",),  # POST; its URL's GET is the imports page
    "documents.start_folder": POST_ONLY,
    "documents.run_detail": ("admin",),
    "documents.run_progress": ("admin",),
    "documents.cancel_run": POST_ONLY,
    "documents.resume_run": POST_ONLY,
    "documents.delete_run_documents": ("admin",),
    "api.documentation": PUBLIC,
    "api.openapi": PUBLIC,
    "api.themes": API_SIGNED_IN,
    "api.theme": API_SIGNED_IN,
    "api.theme_assessments": API_SIGNED_IN,
    "api.create_assessment": Api("programmamanager", method="POST"),
    "api.theme_assessment": API_SIGNED_IN,
    "api.theme_analyses": API_SIGNED_IN,
    "api.theme_findability": API_SIGNED_IN,
    "api.levels": API_SIGNED_IN,
    "api.documents": API_SIGNED_IN,
    "api.document": API_SIGNED_IN,
    "api.modules": API_SIGNED_IN,
    "api.module": API_SIGNED_IN,
    "api.exercises": API_SIGNED_IN,
    "api.exercise": API_SIGNED_IN,
    "api.teams": Api("trainer", "programmamanager"),
    "api.assignments": Api("trainer"),
    "api.team_progress": Api("trainer", "programmamanager"),
}

# Values for URL parameters, so routes with parameters are visited too.
URL_VALUES: dict[str, dict[str, object]] = {
    "static": {"filename": "css/academy.css"},
    "maturity.chart": {"name": "niveaus"},
    "maturity.export_portfolio": {"fmt": "csv"},
    "maturity.add_criterion": {"level": 1},
    "maturity.edit_criterion": {"criterion_id": 1},
    "maturity.theme_detail": {"code": "vsv"},
    "gaps.theme": {"code": "vsv"},
    "gaps.export": {"fmt": "csv"},
    "maturity.theme_chart": {"code": "vsv"},
    "maturity.export_history": {"code": "vsv", "fmt": "xlsx"},
    "maturity.edit_theme": {"code": "vsv"},
    "maturity.toggle_archive": {"code": "vsv"},
    "maturity.record_assessment": {"code": "vsv"},
    "maturity.set_target": {"code": "vsv"},
    "maturity.new_analysis": {"code": "vsv"},
    "maturity.edit_analysis": {"code": "vsv", "analysis_id": 1},
    "maturity.delete_analysis": {"code": "vsv", "analysis_id": 1},
    "findability.theme_page": {"code": "vsv"},
    "findability.new_question": {"code": "vsv"},
    "findability.edit_question": {"code": "vsv", "question_id": 1},
    "findability.delete_question": {"code": "vsv", "question_id": 1},
    "findability.scan_detail": {"scan_id": 1},
    "findability.scan_progress": {"scan_id": 1},
    "findability.theme_chart": {"code": "vsv"},
    "practice.document": {"document_id": 1},
    "training.module": {"slug": "zoeken"},
    "training.lesson": {"slug": "zoeken", "lesson_slug": "waarom"},
    "training.mark_read": {"slug": "zoeken", "lesson_slug": "waarom"},
    "training.certificate": {"slug": "zoeken"},
    "training.exercise": {"slug": "open-vraag"},
    "training.start": {"slug": "open-vraag"},
    "training.workspace": {"attempt_id": 1},
    "training.toggle": {"attempt_id": 1},
    "training.hint": {"attempt_id": 1},
    "training.submit": {"attempt_id": 1},
    "training.result": {"attempt_id": 2},
    "training.edit_module": {"module_id": 1},
    "training.export_package": {"module_id": 1},
    "training.new_lesson": {"module_id": 1},
    "training.edit_lesson": {"lesson_id": 1},
    "training.new_exercise": {"module_id": 1},
    "training.edit_exercise": {"exercise_id": 1},
    "training.set_key": {"exercise_id": 1},
    "training.move": {"kind": "module", "item_id": 1},
    "training.publish": {"kind": "module", "item_id": 1},
    "training.score_attempt": {"attempt_id": 2},
    "assignments.edit": {"assignment_id": 1},
    "assignments.withdraw": {"assignment_id": 1},
    "assignments.learner": {"user_id": 4},
    "auth.revoke_token": {"token_id": 1},
    "api.theme": {"code": "vsv"},
    "api.theme_assessments": {"code": "vsv"},
    "api.create_assessment": {"code": "vsv"},
    "api.theme_assessment": {"code": "vsv", "id": 1},
    "api.theme_analyses": {"code": "vsv"},
    "api.theme_findability": {"code": "vsv"},
    "api.document": {"id": 1},
    "api.module": {"slug": "zoeken"},
    "api.exercise": {"slug": "open-vraag"},
    "api.team_progress": {"id": 1},
    "documents.detail": {"document_id": 1},
    "documents.delete": {"document_id": 1},
    "documents.reindex": {"document_id": 1},
    "documents.run_detail": {"run_id": 1},
    "documents.run_progress": {"run_id": 1},
    "documents.cancel_run": {"run_id": 1},
    "documents.resume_run": {"run_id": 1},
    "documents.delete_run_documents": {"run_id": 1},
    "admin.edit_user": {"user_id": 1},
    "admin.deactivate_user": {"user_id": 1},
    "admin.reset_password": {"user_id": 1},
    "admin.edit_team": {"team_id": 1},
    "admin.delete_team": {"team_id": 1},
}

VISITORS = ["anonymous", *ROLE_USERS]
API_TOKENS: dict[str, str] = {}  # visitor -> bearer token, made by access_app


@pytest.fixture(scope="module")
def access_app(tmp_path_factory, password_hash):
    """One app for the whole table (GET requests change nothing), plus the objects that
    URL_VALUES point at."""
    builder = build_app(tmp_path_factory.mktemp("access"), password_hash)
    app = next(builder)
    with app.app_context():
        from academy.extensions import db
        from academy.models import (
            Analysis,
            Assignment,
            AssignmentTarget,
            Attempt,
            Document,
            Exercise,
            ImportRun,
            Lesson,
            Module,
            Theme,
            User,
        )

        db.session.add(ImportRun(source_kind="folder", source="/srv/stukken", state="done"))
        theme = Theme(code="vsv", name="Vroegtijdig schoolverlaten", domain="Onderwijs")
        db.session.add(theme)
        db.session.add(Analysis(theme=theme, name="Monitor vsv", level_number=1))
        db.session.add(
            Document(
                key="doc-1",
                title="Monitor vsv 2025",
                doctype="monitor",
                theme=theme,
                year=2025,
                body="Cijfers over schooluitval.",
            )
        )
        # A key question and a finished scan for the findability pages.
        from academy.models import FindabilityScan, KeyQuestion

        db.session.flush()
        question = KeyQuestion(theme=theme, question="Hoeveel jongeren vallen uit?")
        question.documents = list(db.session.scalars(db.select(Document)))
        db.session.add(question)
        db.session.add(FindabilityScan(state="done"))
        module = Module(slug="zoeken", title="Zoeken", published=True)
        module.lessons = [Lesson(slug="waarom", title="Waarom", body="Tekst")]
        exercise = Exercise(
            slug="open-vraag", kind="open", title="Open vraag", rubric=["Bronnen genoemd"]
        )
        module.exercises = [exercise]
        db.session.add(module)
        db.session.flush()
        learner = db.session.scalar(db.select(User).where(User.username == "medewerker"))
        # An open attempt of the medewerker: only they reach its workspace.
        db.session.add(Attempt(exercise=exercise, user_id=learner.id, status="open"))
        # A submitted open answer: the learner reads the result, a trainer can score it.
        db.session.add(
            Attempt(
                exercise=exercise,
                user_id=learner.id,
                status="submitted",
                answer_text="Ik gebruikte de monitor.",
            )
        )
        db.session.add(
            Assignment(
                module=module,
                due_date=dt.date.today(),
                targets=[AssignmentTarget(user_id=learner.id)],
            )
        )
        db.session.commit()
        # An assessment for api.theme_assessment, and an API token per visitor.
        from academy.auth.services import create_api_token
        from academy.maturity.services import record_assessment
        from academy.models import LEVEL_NUMBERS, LevelStatus

        record_assessment(
            theme,
            assessor=None,
            assessed_on=dt.date(2025, 1, 1),
            statuses=dict.fromkeys(LEVEL_NUMBERS, LevelStatus.IN_PROGRESS),
            criteria_met=[],
        )
        for username in ROLE_USERS:
            user = db.session.scalar(db.select(User).where(User.username == username))
            API_TOKENS[username] = create_api_token(user, "toegangstabel")[1]
    yield app
    next(builder, None)


@pytest.fixture
def app(access_app):
    return access_app


def _routes(app):
    return sorted(
        (rule.endpoint, rule) for rule in app.url_map.iter_rules() if rule.endpoint != "static"
    )


def expected_status(rule_access: object, visitor: str, path: str) -> int:
    if isinstance(rule_access, Api):
        if visitor == "anonymous":
            return 401
        allowed = not rule_access.roles or visitor == "admin" or visitor in rule_access.roles
        if not allowed:
            return 403
        return 400 if rule_access.method == "POST" else 200
    if rule_access == POST_ONLY:
        return 405
    if rule_access == SSO:
        return 404
    if rule_access == PUBLIC:
        return 302 if (path == "/login" and visitor != "anonymous") else 200
    if visitor == "anonymous":
        return 302
    if rule_access == SIGNED_IN:
        return 200
    if rule_access == OWN_ATTEMPT:
        return 200 if visitor == "medewerker" else 404
    if rule_access == CERTIFICATE:
        return 302
    return 200 if visitor == "admin" or visitor in rule_access else 403


def test_every_route_is_in_the_access_table(app):
    missing = {endpoint for endpoint, _rule in _routes(app)} - set(ACCESS)
    assert not missing, f"add these endpoints to ACCESS in tests/test_access.py: {missing}"
    stale = set(ACCESS) - {rule.endpoint for rule in app.url_map.iter_rules()}
    assert not stale, f"ACCESS lists endpoints that no longer exist: {stale}"


def _cases():
    # Only the URL map is needed here; no database is touched.
    app = create_app(make_test_config(Path(tempfile.gettempdir())))
    for endpoint, _rule in _routes(app):
        for visitor in VISITORS:
            yield pytest.param(endpoint, visitor, id=f"{endpoint}-{visitor}")


@pytest.mark.parametrize(("endpoint", "visitor"), list(_cases()))
def test_route_access(app, client, login, endpoint, visitor):
    with app.test_request_context():
        from flask import url_for

        path = url_for(endpoint, **URL_VALUES.get(endpoint, {}))
    access = ACCESS[endpoint]
    headers = {}
    if isinstance(access, Api):
        if visitor != "anonymous":
            headers["Authorization"] = f"Bearer {API_TOKENS[visitor]}"
    elif visitor != "anonymous":
        login(visitor)
    if isinstance(access, Api) and access.method == "POST":
        response = client.post(path, headers=headers, json={})
    else:
        response = client.get(path, headers=headers)
    expected = expected_status(access, visitor, path)
    assert response.status_code == expected, f"{response.request.method} {path} as {visitor}"
    if isinstance(access, Api) and expected in (401, 403):
        assert response.mimetype == "application/problem+json"
        assert response.get_json()["status"] == expected
    if expected == 302 and visitor == "anonymous":
        assert response.headers["Location"].startswith("/login")
    if expected == 403:
        assert "Geen toegang" in response.get_data(as_text=True)
    if expected == 405:
        assert "POST" in response.headers["Allow"]


def test_state_changing_routes_require_csrf(csrf_app):
    """Every POST route refuses a request without a CSRF token, even when signed in."""
    client = csrf_app.test_client()
    html = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)
    assert (
        client.post(
            "/login", data={"username": "admin", "password": "academie-test", "csrf_token": token}
        ).status_code
        == 302
    )
    for rule in csrf_app.url_map.iter_rules():
        if "POST" not in rule.methods:
            continue
        with csrf_app.test_request_context():
            from flask import url_for

            path = url_for(rule.endpoint, **URL_VALUES.get(rule.endpoint, {}))
        response = client.post(path, data={})
        if rule.rule.startswith("/api/"):
            # The API takes bearer tokens only (so it is CSRF-exempt): the session is no key.
            assert response.status_code == 401, f"POST {path} with only a session"
            continue
        assert response.status_code == 400, f"POST {path} without CSRF token"
