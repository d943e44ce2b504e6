"""The world the hostile-input and fault tests work in: a small but complete set of objects.

`build_world` adds to the shared test database (one user per role, "Team Test") a second
team, two themes with an assessment, an analysis and a target, sixteen documents and their
index, a published module with one exercise of every kind (keys, answers, rubric, hints),
a draft module, a module the medewerker completed, open attempts of the medewerker on
every exercise plus a handed-in open answer, assignments, a query log and an API token per
role. Every form in the app is
reachable from it. Seeding is deterministic, so ids are the same in every copy.

On SQLite the world is built once per session and each test gets its own copy of the
database file and index (as tests/training does); with TEST_DATABASE_URL every test
builds it afresh. Test modules wrap `build_template` and `copy_world` in fixtures.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from academy import create_app
from academy.auth.services import create_api_token
from academy.documents.indexing import rebuild_index
from academy.extensions import db
from academy.models import (
    LEVEL_NUMBERS,
    Analysis,
    Assessment,
    AssessmentLevel,
    Assignment,
    AssignmentTarget,
    Attempt,
    Document,
    Exercise,
    ExerciseKind,
    FindabilityScan,
    ImportRun,
    KeyQuestion,
    Lesson,
    LessonRead,
    LevelStatus,
    Module,
    Notification,
    NotificationKind,
    QueryLog,
    Target,
    Team,
    Theme,
    User,
)
from tests.conftest import PASSWORD, ROLE_USERS, build_app, copy_template, make_test_config
from tests.conftest import build_template as shared_build_template

# key, title, doctype, theme, year, department, body
DOCUMENTS = [
    (
        "vsv-2019",
        "Uitval in beeld: onderzoek naar vroegtijdig schoolverlaten",
        "onderzoek",
        "vsv",
        2019,
        "Onderzoek en Statistiek",
        "In 2019 verlieten 4.312 leerlingen het onderwijs zonder startkwalificatie.",
    ),
    (
        "vsv-monitor-2021",
        "Monitor vroegtijdig schoolverlaten 2021",
        "monitor",
        "vsv",
        2021,
        "Onderwijs",
        "De monitor volgt schoolverlaters per wijk.",
    ),
    (
        "armoede-2024",
        "Armoedemonitor 2024",
        "monitor",
        "armoede",
        2024,
        "Werk en Inkomen",
        "Het aandeel huishoudens met een laag inkomen steeg naar 12,4%.",
    ),
    (
        "nota-2022",
        "Nota onderwijshuisvesting",
        "nota",
        None,
        2022,
        "Onderwijs",
        "Scholen krijgen nieuwe gebouwen.",
    ),
]
EXERCISE_SLUGS = {
    ExerciseKind.KNOWN_ITEM: "vind-de-monitor",
    ExerciseKind.FACT: "hoeveel",
    ExerciseKind.FIND_ALL: "alles-vsv",
    ExerciseKind.PROCESS: "zoek-met-of",
    ExerciseKind.OPEN: "verslag",
}


@dataclass
class World:
    """Ids, slugs and tokens of the seeded objects (plain values, safe outside a context)."""

    users: dict[str, int] = field(default_factory=dict)  # username -> id
    tokens: dict[str, str] = field(default_factory=dict)  # username -> bearer token
    token_ids: dict[str, int] = field(default_factory=dict)
    docs: dict[str, int] = field(default_factory=dict)
    team_ids: list[int] = field(default_factory=list)
    themes: tuple[str, ...] = ("vsv", "armoede")
    analysis_id: int = 0
    module_id: int = 0
    module_slug: str = "leren-zoeken"
    completed_module: str = "afgerond"  # completed by the medewerker
    lesson_ids: list[int] = field(default_factory=list)
    exercises: dict[str, int] = field(default_factory=dict)  # kind -> id
    exercise_slugs: tuple[str, ...] = tuple(EXERCISE_SLUGS.values())
    open_attempts: dict[str, int] = field(default_factory=dict)  # kind -> id (medewerker)
    submitted_attempt: int = 0  # the handed-in open answer
    assignment_id: int = 0


def _user(username: str) -> User:
    return db.session.scalar(select(User).where(User.username == username))


def _documents(themes: dict[str, Theme]) -> dict[str, Document]:
    documents = {}
    for key, title, doctype, theme, year, department, body in DOCUMENTS:
        documents[key] = Document(
            key=key,
            title=title,
            doctype=doctype,
            theme=themes.get(theme) if theme else None,
            year=year,
            published=dt.date(year, 6, 1),
            department=department,
            body=body,
            summary=body[:80],
            source=f"S:/Beleid/{key}.pdf",
            content_hash=key,
        )
    # Enough documents for a second results page, so paging links appear too.
    for number in range(1, 13):
        documents[f"wijk-{number}"] = Document(
            key=f"wijk-{number}",
            title=f"Wijkmonitor {number}",
            doctype="monitor",
            year=2010 + number,
            department="Onderzoek en Statistiek",
            body=f"Cijfers over wijk {number}: inwoners, inkomen en jeugd.",
            content_hash=f"wijk-{number}",
        )
    return documents


def build_world(app: Flask) -> World:
    """Create every kind of object a form or page works on; return their ids."""
    world = World()
    with app.app_context():
        team = db.session.scalar(select(Team))
        other = Team(name="Team Twee", description="Tweede team")
        themes = {
            "vsv": Theme(
                code="vsv",
                name="Vroegtijdig schoolverlaten",
                domain="Sociaal domein",
                owner_team=team,
            ),
            "armoede": Theme(code="armoede", name="Armoede", domain="Sociaal domein"),
        }
        analysis = Analysis(theme=themes["vsv"], name="Monitor vsv per wijk", level_number=1)
        assessment = Assessment(
            theme=themes["vsv"],
            assessor=_user("programmamanager"),
            assessed_on=dt.date.today() - dt.timedelta(days=30),
            note="Eerste beoordeling.",
            level_statuses=[
                AssessmentLevel(
                    level_number=n,
                    status=(LevelStatus.IN_PROGRESS if n == 0 else LevelStatus.NOT_STARTED).value,
                )
                for n in LEVEL_NUMBERS
            ],
        )
        target = Target(
            theme=themes["vsv"],
            level_number=2,
            target_date=dt.date.today() + dt.timedelta(days=365),
        )
        documents = _documents(themes)
        # Import runs in the states whose pages offer forms: resume and delete its
        # documents (interrupted), cancel (queued).
        interrupted = ImportRun(
            source_kind="folder", source="/srv/stukken", state="interrupted", total=2, done=1
        )
        db.session.add_all([interrupted, ImportRun(source_kind="upload", source="a.txt")])
        documents["wijk-1"].import_run = interrupted
        documents["wijk-1"].origin = "import"
        db.session.add_all([other, *themes.values(), analysis, assessment, target])
        db.session.add_all(documents.values())
        # A key question and a finished scan, so the findability pages and forms are crawled.
        key_question = KeyQuestion(
            theme=themes["vsv"], question="Hoeveel jongeren vallen uit?", queries=["uitval"]
        )
        key_question.documents = [documents["vsv-2019"]]
        db.session.add_all([key_question, FindabilityScan(state="done")])

        module = Module(
            slug=world.module_slug,
            title="Leren zoeken",
            summary="Vind wat er al is.",
            goals="Je vindt een bekend document",
            published=True,
        )
        lessons = [
            Lesson(
                module=module, slug="waarom", title="Waarom zoeken", body="# Vinden", position=0
            ),
            Lesson(module=module, slug="of", title="Zoeken met OF", body="Gebruik OF.", position=1),
        ]
        exercises = {kind: Exercise(slug=slug) for kind, slug in EXERCISE_SLUGS.items()}
        exercises[ExerciseKind.KNOWN_ITEM].hints = ["Zoek op armoedemonitor.", "Filter op monitor."]
        exercises[ExerciseKind.KNOWN_ITEM].key_documents = [documents["armoede-2024"]]
        exercises[ExerciseKind.FACT].accepted_answers = ["4.312"]
        exercises[ExerciseKind.FACT].key_documents = [documents["vsv-2019"]]
        exercises[ExerciseKind.FIND_ALL].key_documents = [
            documents["vsv-2019"],
            documents["vsv-monitor-2021"],
        ]
        exercises[ExerciseKind.PROCESS].required_skill = "or"
        exercises[ExerciseKind.OPEN].rubric = ["Noemt de bron", "Concludeert"]
        for position, (kind, exercise) in enumerate(exercises.items()):
            exercise.kind = kind.value
            exercise.title = f"Oefening {exercise.slug}"
            exercise.prompt = f"Opdracht voor **{exercise.slug}**."
            exercise.position = position
            module.exercises.append(exercise)
        draft = Module(slug="concept", title="Conceptmodule", published=False, position=1)
        draft.lessons = [Lesson(slug="concept-les", title="Conceptles", body="Tekst")]
        # A module the medewerker has completed (one lesson, read): the certificate page.
        done = Module(slug=world.completed_module, title="Afgerond", published=True, position=2)
        done.lessons = [Lesson(slug="enige", title="Enige les", body="Gelezen.")]
        db.session.add_all([module, draft, done, *lessons])
        db.session.flush()

        learner = _user("medewerker")
        attempts = {
            kind: Attempt(exercise=exercise, user_id=learner.id, selected_document_ids=[])
            for kind, exercise in exercises.items()
        }
        submitted = Attempt(
            exercise=exercises[ExerciseKind.OPEN],
            user_id=learner.id,
            status="submitted",
            answer_text="Ik gebruikte de monitor.",
            submitted_at=dt.datetime.now(dt.UTC),
        )
        db.session.add_all([*attempts.values(), submitted])
        db.session.add(LessonRead(user_id=learner.id, lesson_id=lessons[0].id))
        db.session.add(LessonRead(user_id=learner.id, lesson_id=done.lessons[0].id))
        assignment = Assignment(
            module=module,
            due_date=dt.date.today() + dt.timedelta(days=14),
            message="Graag deze week.",
            created_by=_user("trainer"),
            targets=[AssignmentTarget(user_id=learner.id)],
        )
        team_assignment = Assignment(
            exercise=exercises[ExerciseKind.FACT],
            due_date=dt.date.today() - dt.timedelta(days=1),
            targets=[AssignmentTarget(team_id=team.id)],
        )
        db.session.add_all([assignment, team_assignment])
        db.session.flush()
        # An unread notice for everyone, so the notifications page offers its forms.
        db.session.add_all(
            Notification(
                user_id=user.id,
                kind=NotificationKind.NEW_ASSIGNMENT.value,
                key=f"new:{assignment.id}",
                data={"assignment_id": assignment.id, "title": module.title,
                      "due_date": assignment.due_date.isoformat()},
            )
            for user in db.session.scalars(select(User))
        )  # fmt: skip
        db.session.add(
            QueryLog(
                user_id=learner.id,
                query="armoede OF schulden",
                features=frozenset({"or"}),
                filters={"type": ["monitor"]},
                attempt_id=attempts[ExerciseKind.PROCESS].id,
            )
        )
        db.session.commit()

        world.users = {u.username: u.id for u in db.session.scalars(select(User))}
        world.team_ids = [team.id, other.id]
        world.docs = {key: d.id for key, d in documents.items()}
        world.analysis_id = analysis.id
        world.module_id = module.id
        world.lesson_ids = [lesson.id for lesson in lessons]
        world.exercises = {kind.value: e.id for kind, e in exercises.items()}
        world.open_attempts = {kind.value: a.id for kind, a in attempts.items()}
        world.submitted_attempt = submitted.id
        world.assignment_id = assignment.id
        for username in ROLE_USERS:
            row, token = create_api_token(_user(username), f"token van {username}")
            world.tokens[username] = token
            world.token_ids[username] = row.id
        rebuild_index()
    return world


def build_template(
    tmp_path_factory: pytest.TempPathFactory, password_hash: str
) -> tuple[Path, World] | None:
    """The database and index with the world in place, to copy (SQLite only)."""
    return shared_build_template(tmp_path_factory, password_hash, "reliability-world", build_world)


def copy_world(
    target: Path, password_hash: str, template: tuple[Path, World] | None
) -> Iterator[tuple[Flask, World]]:
    """A fresh app on its own copy of the world (or a newly built one without SQLite)."""
    if template is None:
        builder = build_app(target, password_hash)
        app = next(builder)
        world = build_world(app)
        yield app, world
        next(builder, None)
        return
    source, world = template
    copy_template(source, target)
    app = create_app(make_test_config(target))
    yield app, world
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def signed_in(app: Flask, username: str) -> FlaskClient:
    """A new test client signed in as `username`."""
    client = app.test_client()
    response = client.post("/login", data={"username": username, "password": PASSWORD})
    assert response.status_code == 302, f"login as {username} failed"
    return client
