"""Fixtures for the API tests: seeded data, a token per role, and schema checks.

`seed` adds to the shared test database (one user per role, "Team Test") two themes (one
with two assessments, an analysis and a target), a small corpus, a published module with a
lesson and two exercises whose answer keys are set, a draft module, and an API token per
role. Setup runs in its own app context, closed before any request.

`app` is fresh per test (tests that write); `shared_app` is one per module for the
read-only tests that visit many routes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from sqlalchemy import select

from academy.auth.services import create_api_token
from academy.documents.indexing import ensure_index
from academy.extensions import db
from academy.maturity import services as maturity
from academy.models import (
    LEVEL_NUMBERS,
    Analysis,
    Attempt,
    AttemptStatus,
    Document,
    Exercise,
    LessonRead,
    LevelCriterion,
    LevelStatus,
    Module,
    Team,
    Theme,
    User,
)
from academy.models.training import Lesson
from tests.conftest import ROLE_USERS, build_app

ROLES = tuple(ROLE_USERS)  # admin, programmamanager, trainer, medewerker
CAMEL = r"^_?[a-z][a-zA-Z0-9]*$"


@dataclass
class ApiData:
    tokens: dict[str, str] = field(default_factory=dict)  # role name -> bearer token
    document_ids: dict[str, int] = field(default_factory=dict)
    team_id: int = 0
    assessment_ids: list[int] = field(default_factory=list)  # oldest first


def criteria_of(levels: range) -> list[int]:
    return list(
        db.session.scalars(
            select(LevelCriterion.id).where(
                LevelCriterion.level_number.in_(list(levels)), LevelCriterion.active
            )
        )
    )


def up_to(level: int) -> dict[int, LevelStatus]:
    return {
        n: LevelStatus.IN_ORDER if n <= level else LevelStatus.NOT_STARTED for n in LEVEL_NUMBERS
    }


DOCUMENTS = [
    # key, title, doctype, theme, year, department, body
    (
        "vsv-2019",
        "Uitval in beeld: onderzoek naar vroegtijdig schoolverlaten",
        "onderzoek",
        "vsv",
        2019,
        "Onderzoek en Statistiek",
        "Het percentage vroegtijdig schoolverlaters daalde naar 1,8% <b>dankzij</b> het RMC.",
    ),
    (
        "vsv-monitor-2024",
        "Monitor vroegtijdig schoolverlaten 2024",
        "monitor",
        "vsv",
        2024,
        "Onderwijs",
        "De monitor volgt schoolverlaters per wijk & per school.",
    ),
    (
        "armoede-2024",
        "Armoedemonitor 2024",
        "monitor",
        "armoede",
        2024,
        "Werk en Inkomen",
        "Het aandeel huishoudens met een laag inkomen is gestegen.",
    ),
    (
        "nota-2022",
        "Nota onderwijshuisvesting",
        "nota",
        "",
        2022,
        "Onderwijs",
        "Scholen krijgen nieuwe gebouwen; schoolverlaten komt niet aan bod.",
    ),
]


def seed(app: Flask) -> ApiData:
    data = ApiData()
    with app.app_context():
        team = db.session.scalar(select(Team).where(Team.name == "Team Test"))
        data.team_id = team.id
        vsv = maturity.save_theme(
            None,
            code="vsv",
            name="Vroegtijdig schoolverlaten",
            domain="Onderwijs",
            owner_team_id=team.id,
            description="Jongeren zonder startkwalificatie.",
        )
        maturity.save_theme(
            None, code="armoede", name="Armoede", domain="Sociaal domein", owner_team_id=None
        )
        for level, day in ((0, dt.date(2025, 2, 1)), (1, dt.date(2025, 8, 1))):
            assessment = maturity.record_assessment(
                vsv,
                assessor=None,
                assessed_on=day,
                statuses=up_to(level),
                criteria_met=criteria_of(range(level + 1)),
                evidence_text="Monitor | https://example.nl/monitor",
                note=f"Niveau {level}",
            )
            data.assessment_ids.append(assessment.id)
        db.session.add(Analysis(theme=vsv, name="Monitor vsv", level_number=1))
        db.session.commit()
        maturity.set_target(
            vsv, level=3, target_date=dt.date.today() + dt.timedelta(days=365), set_by=None
        )

        themes = {t.code: t for t in db.session.scalars(select(Theme))}
        for key, title, doctype, theme, year, department, body in DOCUMENTS:
            document = Document(
                key=key,
                title=title,
                doctype=doctype,
                theme=themes.get(theme),
                year=year,
                published=dt.date(year, 6, 1),
                department=department,
                body=body,
                summary=body[:60],
                source=f"S:/Beleid/{key}.pdf",
            )
            db.session.add(document)
            db.session.flush()
            data.document_ids[key] = document.id

        module = Module(
            slug="zoeken",
            title="Zoeken",
            summary="Vinden wat er is",
            goals="Zoeken\nFilteren",
            published=True,
            position=1,
        )
        module.lessons = [Lesson(slug="waarom", title="Waarom zoeken", body="Tekst")]
        fact = Exercise(
            slug="feitvraag",
            kind="fact",
            title="Hoeveel procent?",
            prompt="Zoek het percentage **vsv**.",
            accepted_answers=["1,8%", "1.8"],
            hints=["Zoek op vroegtijdig"],
            expert_query="vroegtijdig schoolverlaten",
            expert_filters={"type": ["onderzoek"]},
        )
        find_all = Exercise(
            slug="alles-vinden",
            kind="find_all",
            title="Alle monitors",
            prompt="Vind alle monitors.",
            position=1,
        )
        find_all.key_documents = [
            db.session.get(Document, data.document_ids["vsv-monitor-2024"]),
            db.session.get(Document, data.document_ids["armoede-2024"]),
        ]
        module.exercises = [fact, find_all]
        draft = Module(slug="concept", title="Concept", published=False, position=2)
        draft.exercises = [
            Exercise(slug="concept-oefening", kind="open", title="Open", rubric=["Bronnen genoemd"])
        ]
        db.session.add_all([module, draft])
        db.session.flush()

        learner = db.session.scalar(select(User).where(User.username == "medewerker"))
        db.session.add(LessonRead(user_id=learner.id, lesson_id=module.lessons[0].id))
        db.session.add(
            Attempt(
                exercise=fact,
                user_id=learner.id,
                status=AttemptStatus.GRADED.value,
                score=1.0,
                passed=True,
                answer_text="1,8%",
            )
        )
        db.session.commit()
        ensure_index()  # what the node's worker does after the writes above

        for username in ROLE_USERS:
            user = db.session.scalar(select(User).where(User.username == username))
            _row, data.tokens[username] = create_api_token(user, f"test {username}")
    return data


@pytest.fixture
def app(tmp_path: Path, password_hash: str) -> Iterator[Flask]:
    builder = build_app(tmp_path, password_hash)
    flask_app = next(builder)
    flask_app.extensions["test_api_data"] = seed(flask_app)
    yield flask_app
    next(builder, None)


@pytest.fixture(scope="module")
def shared_app(tmp_path_factory, password_hash: str) -> Iterator[Flask]:
    builder = build_app(tmp_path_factory.mktemp("api"), password_hash)
    flask_app = next(builder)
    flask_app.extensions["test_api_data"] = seed(flask_app)
    yield flask_app
    next(builder, None)


@pytest.fixture
def data(app: Flask) -> ApiData:
    return app.extensions["test_api_data"]


@pytest.fixture
def shared_data(shared_app: Flask) -> ApiData:
    return shared_app.extensions["test_api_data"]


class ApiClient:
    """A test client that sends a role's bearer token (or none, for "anonymous")."""

    def __init__(self, client: FlaskClient, tokens: dict[str, str]) -> None:
        self.client = client
        self.tokens = tokens

    def headers(self, role: str | None) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[role]}"} if role else {}

    def get(self, path: str, role: str | None = "medewerker", **kwargs: Any):
        return self.client.get(path, headers=self.headers(role), **kwargs)

    def post(self, path: str, role: str | None = "programmamanager", **kwargs: Any):
        return self.client.post(path, headers=self.headers(role), **kwargs)

    def open(self, path: str, method: str, role: str | None = "medewerker", **kwargs: Any):
        return self.client.open(path, method=method, headers=self.headers(role), **kwargs)


@pytest.fixture
def api(app: Flask, data: ApiData) -> ApiClient:
    return ApiClient(app.test_client(), data.tokens)


@pytest.fixture
def shared_api(shared_app: Flask, shared_data: ApiData) -> ApiClient:
    return ApiClient(shared_app.test_client(), shared_data.tokens)


# --- checking responses against the OpenAPI document -----------------------------------------


@pytest.fixture(scope="module")
def openapi(shared_app: Flask) -> dict[str, Any]:
    return shared_app.test_client().get("/api/v1/openapi.json").get_json()


def validator_for(document: dict[str, Any], schema: dict[str, Any]) -> Draft202012Validator:
    """A validator for `schema` whose #/components/... references resolve in `document`."""
    registry = Registry().with_resource(
        "urn:openapi", Resource.from_contents(document, default_specification=DRAFT202012)
    )
    return Draft202012Validator(
        _rebase(schema),
        registry=registry,
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def _rebase(schema: Any) -> Any:
    """Point local "#/..." references at the registered document."""
    if isinstance(schema, dict):
        return {
            k: ("urn:openapi" + v if k == "$ref" and v.startswith("#") else _rebase(v))
            for k, v in schema.items()
        }
    if isinstance(schema, list):
        return [_rebase(v) for v in schema]
    return schema


def documented_response(
    document: dict[str, Any], path: str, method: str, status: int
) -> dict[str, Any]:
    """The response object the document gives for `status` (references followed)."""
    operation = document["paths"][path][method.lower()]
    assert str(status) in operation["responses"], f"{method} {path} does not document {status}"
    response = operation["responses"][str(status)]
    if "$ref" in response:
        response = document["components"]["responses"][response["$ref"].rsplit("/", 1)[1]]
    return response


def assert_conforms(document: dict[str, Any], path: str, method: str, response) -> None:
    """The response's status, media type, headers and body are the documented ones."""
    documented = documented_response(document, path, method, response.status_code)
    ((media_type, content),) = documented["content"].items()
    assert response.mimetype == media_type
    for header, spec in documented.get("headers", {}).items():
        if spec.get("required") or "$ref" in spec:
            assert header in response.headers, f"{header} missing on {method} {path}"
    errors = sorted(
        validator_for(document, content["schema"]).iter_errors(response.get_json()),
        key=lambda e: list(e.absolute_path),
    )
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])
