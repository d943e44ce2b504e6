"""Fixture data for the training tests: a small corpus, its index and a curriculum.

`build_training` adds to the shared test database (users per role) two themes, eight
documents with known texts, the search index built from them, a published module (two
lessons, one exercise of each kind, answer keys set) and a draft module. Setup runs in its
own app context that is closed before any request, so a request never shares a session
with the test; the `training` fixture hands back plain ids and slugs.

Speed: building the schema, users, curriculum and index takes about half a second, and
these tests need a fresh copy of it each time. So on SQLite it is built once per session
and every test gets its own copy of the database file and index directory (this module
overrides `app` for tests/training). With TEST_DATABASE_URL (PostgreSQL in CI) each test
builds everything itself, exactly as the shared fixtures do.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from academy import create_app
from academy.documents.indexing import rebuild_index
from academy.extensions import db
from academy.models import (
    Attempt,
    Document,
    Exercise,
    ExerciseKind,
    Lesson,
    Module,
    QueryLog,
    Theme,
    User,
)
from academy.training import services
from tests.conftest import build_app, build_template, copy_template, make_test_config

# key, title, doctype, theme, year, department, body
DOCUMENTS = [
    (
        "vsv-onderzoek-2019",
        "Uitval in beeld: onderzoek naar vroegtijdig schoolverlaten",
        "onderzoek",
        "vsv",
        2019,
        "Onderzoek en Statistiek",
        "In het schooljaar 2018-2019 verlieten 4.312 leerlingen het onderwijs zonder "
        "startkwalificatie. Het RMC begeleidt deze jongeren terug naar school.",
    ),
    (
        "vsv-monitor-2021",
        "Monitor vroegtijdig schoolverlaten 2021",
        "monitor",
        "vsv",
        2021,
        "Onderwijs",
        "De monitor volgt schoolverlaters per wijk. Het aandeel voortijdige schoolverlaters "
        "daalde naar 1,8%.",
    ),
    (
        "vsv-nota-2022",
        "Beleidsnota aanpak schooluitval",
        "nota",
        "vsv",
        2022,
        "Onderwijs",
        "Met scholen en het RMC maken we afspraken over thuiszitters en schoolverlaters.",
    ),
    (
        "armoede-monitor-2024",
        "Armoedemonitor 2024",
        "monitor",
        "armoede",
        2024,
        "Werk en Inkomen",
        "Het aandeel huishoudens met een laag inkomen steeg naar 12,4%. Kinderen in armoede "
        "doen minder vaak mee aan sport.",
    ),
    (
        "armoede-onderzoek-2022",
        "Onderzoek naar schulden bij jonge huishoudens",
        "onderzoek",
        "armoede",
        2022,
        "Werk en Inkomen",
        "Jonge huishoudens met schulden vragen laat om hulp. Een derde heeft "
        "betalingsachterstanden.",
    ),
    (
        "armoede-nota-2023",
        "Nota minimabeleid",
        "nota",
        "armoede",
        2023,
        "Werk en Inkomen",
        "Het minimabeleid regelt de bijzondere bijstand en het kindpakket.",
    ),
    (
        "funderingen-2021",
        "Funderingsrisico's in de oude wijken",
        "onderzoek",
        None,
        2021,
        "Ruimte en Wonen",
        "Ongeveer 1.240 woningen lopen risico op funderingsschade door paalrot.",
    ),
    (
        "webformulieren-2022",
        "Veilige webformulieren",
        "nota",
        None,
        2022,
        "Bestuur en Dienstverlening",
        "Een voorbeeld van onveilige invoer is <script>alert(1)</script> in een naamveld.",
    ),
]

FACT_ANSWERS = ["4.312", "4312 leerlingen"]
RUBRIC = ["Noemt de bron", "Legt de zoekstrategie uit", "Trekt een conclusie"]
HINTS = ["Zoek op het woord armoedemonitor.", "Filter op documenttype monitor."]


@dataclass
class Training:
    """Ids and slugs of the fixture curriculum (plain values, safe outside a context)."""

    docs: dict[str, int]
    module: str = "leren-zoeken"
    draft_module: str = "concept-module"
    lessons: tuple[str, ...] = ("waarom-zoeken", "zoeken-met-of")
    exercises: dict[str, str] = field(default_factory=dict)  # kind -> slug
    exercise_ids: dict[str, int] = field(default_factory=dict)  # kind -> id
    draft_exercise: str = "concept-oefening"

    @property
    def vsv_ids(self) -> list[int]:
        return [self.docs[k] for k in ("vsv-onderzoek-2019", "vsv-monitor-2021", "vsv-nota-2022")]


def _exercise(module: Module, kind: ExerciseKind, slug: str, position: int, **fields) -> Exercise:
    exercise = Exercise(
        module=module,
        kind=kind.value,
        slug=slug,
        title=fields.pop("title", slug.replace("-", " ").capitalize()),
        prompt=fields.pop("prompt", f"Opdracht voor **{slug}**."),
        position=position,
        **fields,
    )
    db.session.add(exercise)
    return exercise


def build_training(app: Flask) -> Training:
    """Create the corpus, the index and the curriculum; return their ids."""
    with app.app_context():
        themes = {
            "vsv": Theme(code="vsv", name="Vroegtijdig schoolverlaten", domain="Sociaal domein"),
            "armoede": Theme(code="armoede", name="Armoede", domain="Sociaal domein"),
        }
        db.session.add_all(themes.values())
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
            )
        db.session.add_all(documents.values())

        module = Module(
            slug="leren-zoeken",
            title="Leren zoeken in het archief",
            summary="Vind wat er al is.",
            goals="Je vindt een bekend document\nJe zoekt met OF",
            position=0,
            published=True,
        )
        db.session.add(module)
        db.session.add_all(
            [
                Lesson(
                    module=module,
                    slug="waarom-zoeken",
                    title="Waarom zoeken",
                    body="# Vinden\n\nEerst **zoeken**, dan analyseren.",
                    position=0,
                ),
                Lesson(
                    module=module,
                    slug="zoeken-met-of",
                    title="Zoeken met OF",
                    body="Gebruik `OF` tussen synoniemen.",
                    position=1,
                ),
            ]
        )
        known = _exercise(
            module,
            ExerciseKind.KNOWN_ITEM,
            "vind-de-armoedemonitor",
            0,
            expert_query="titel:armoedemonitor",
            hints=list(HINTS),
        )
        known.key_documents = [documents["armoede-monitor-2024"]]
        fact = _exercise(
            module,
            ExerciseKind.FACT,
            "hoeveel-schoolverlaters",
            1,
            accepted_answers=list(FACT_ANSWERS),
            expert_query='"zonder startkwalificatie"',
        )
        fact.key_documents = [documents["vsv-onderzoek-2019"]]
        find_all = _exercise(
            module,
            ExerciseKind.FIND_ALL,
            "alles-over-schooluitval",
            2,
            pass_threshold=0.8,
            expert_query="thema:vsv",
        )
        find_all.key_documents = [
            documents[k] for k in ("vsv-onderzoek-2019", "vsv-monitor-2021", "vsv-nota-2022")
        ]
        _exercise(module, ExerciseKind.PROCESS, "zoek-met-of", 3, required_skill="or")
        _exercise(module, ExerciseKind.OPEN, "schrijf-een-zoekverslag", 4, rubric=list(RUBRIC))

        draft = Module(
            slug="concept-module",
            title="Geheime conceptmodule",
            summary="Nog niet klaar.",
            position=1,
            published=False,
        )
        db.session.add(draft)
        db.session.add(Lesson(module=draft, slug="concept-les", title="Conceptles", body="Tekst"))
        _exercise(
            draft,
            ExerciseKind.FACT,
            "concept-oefening",
            0,
            title="Conceptoefening",
            accepted_answers=["1.240"],
        )
        db.session.commit()
        training = Training(docs={key: d.id for key, d in documents.items()})
        for exercise in module.exercises:
            training.exercises[exercise.kind] = exercise.slug
            training.exercise_ids[exercise.kind] = exercise.id
        rebuild_index()  # detaches every object in the session
        return training


@pytest.fixture(scope="session")
def training_template(
    tmp_path_factory: pytest.TempPathFactory, password_hash: str
) -> tuple[Path, Training] | None:
    """The database and index with users and curriculum, built once (SQLite only)."""
    return build_template(tmp_path_factory, password_hash, "training-template", build_training)


@pytest.fixture
def app(
    tmp_path: Path, password_hash: str, training_template: tuple[Path, Training] | None
) -> Iterator[Flask]:
    """The shared `app`, with the training curriculum and index already in place."""
    if training_template is None:
        builder = build_app(tmp_path, password_hash)
        app = next(builder)
        app.config["TRAINING_FIXTURE"] = build_training(app)
        yield app
        next(builder, None)
        return
    template, training = training_template
    copy_template(template, tmp_path)
    app = create_app(make_test_config(tmp_path))
    app.config["TRAINING_FIXTURE"] = copy.deepcopy(training)
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def training(app: Flask) -> Training:
    return app.config["TRAINING_FIXTURE"]


# --- helpers shared by the test modules ---------------------------------------------------------


def user_id(app: Flask, username: str) -> int:
    with app.app_context():
        return db.session.scalar(select(User.id).where(User.username == username))


def get_user(username: str) -> User:
    """The user row (call inside an app context)."""
    return db.session.scalar(select(User).where(User.username == username))


def get_exercise(slug: str) -> Exercise:
    return db.session.scalar(select(Exercise).where(Exercise.slug == slug))


def get_module(slug: str) -> Module:
    return db.session.scalar(select(Module).where(Module.slug == slug))


def attempt_row(app: Flask, attempt_id: int) -> dict:
    """The stored attempt as a plain dict (read in a fresh app context)."""
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        return {
            column: getattr(attempt, column)
            for column in (
                "status",
                "score",
                "passed",
                "selected_document_ids",
                "answer_text",
                "hints_used",
                "feedback",
                "rubric_scores",
                "trainer_feedback",
                "scored_by_id",
            )
        }


def add_query_log(attempt_id: int, user: User, query: str, features: str = "", **filters) -> None:
    """A search as the practice search would have logged it (call inside an app context)."""
    db.session.add(
        QueryLog(
            user_id=user.id,
            query=query,
            features=frozenset(filter(None, features.split(","))),
            filters={key: list(values) for key, values in filters.items()},
            attempt_id=attempt_id,
        )
    )


def learner() -> User:
    return get_user("medewerker")


def do(kind_or_slug: str, training: Training, *, mark=(), answer: str = "", user=None) -> Attempt:
    """Start an attempt, mark documents, hand it in (call inside an app context)."""
    slug = training.exercises.get(kind_or_slug, kind_or_slug)
    attempt = services.start_attempt(user or learner(), get_exercise(slug))
    for document_id in mark:
        services.toggle_document(attempt, document_id)
    services.submit_attempt(attempt, answer_text=answer)
    return attempt


def pass_everything(training: Training, user: User | None = None) -> None:
    """Read every lesson and pass every automatically graded exercise (not the open one)."""
    user = user or learner()
    for lesson in get_module(training.module).lessons:
        services.mark_lesson_read(user, lesson)
    do("known_item", training, mark=[training.docs["armoede-monitor-2024"]], user=user)
    do("fact", training, answer="4.312", user=user)
    do("find_all", training, mark=training.vsv_ids, user=user)
    attempt = services.start_attempt(user, get_exercise(training.exercises["process"]))
    add_query_log(attempt.id, user, "schooluitval OF thuiszitters", "or")
    services.submit_attempt(attempt)


ATTEMPT_URL = re.compile(r"/leren/pogingen/(\d+)$")
DOCUMENT_BUTTON = re.compile(r'name="document" value="(\d+)"')


def attempt_id_of(response) -> int:
    """The attempt id from the redirect after POST .../starten."""
    assert response.status_code == 302, response.status_code
    match = ATTEMPT_URL.search(response.headers["Location"])
    assert match, response.headers["Location"]
    return int(match.group(1))


def document_ids_in(html: str) -> list[int]:
    """Ids of the documents the page offers a mark/key button for, in page order."""
    return [int(value) for value in DOCUMENT_BUTTON.findall(html)]


@pytest.fixture
def start(client: FlaskClient) -> Callable[[str], int]:
    """Start (or continue) an attempt on an exercise through HTTP; returns its id."""

    def _start(slug: str) -> int:
        return attempt_id_of(client.post(f"/leren/oefeningen/{slug}/starten"))

    return _start
