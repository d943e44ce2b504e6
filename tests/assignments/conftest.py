"""Fixture data for the assignment tests: teams, learners, two modules and helpers that write
attempts, lesson reads and assignments as plain rows with explicit timestamps.

The shared `app` fixture brings "Team Test" with admin, programmamanager, trainer and
medewerker. `build_data` adds two teams with three learners, a core module (two published
lessons and a draft lesson; a known-item, a fact and an open exercise and a draft exercise),
a second module, a theme owned by Team Zorg and two documents. Setup runs in its own app
context that is closed before any request, so a request never shares a session (or
Flask-Babel's cached locale) with the test; the `data` fixture hands back plain ids.

Service tests use the `ctx` fixture (an app context around the whole test) and pass an
explicit `today`; route tests set up rows in a short `with app.app_context()` block and
date things relative to the real today, because the routes use the clock.

On SQLite the database is built once per session and each test gets a fresh copy of the
file, as tests/training does, under one app shared by all tests.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import func, select

from academy import create_app
from academy.assignments import services
from academy.extensions import db
from academy.models import (
    Assignment,
    Attempt,
    AttemptStatus,
    Document,
    DocumentOpen,
    Exercise,
    ExerciseKind,
    Lesson,
    LessonRead,
    Module,
    QueryLog,
    Role,
    Team,
    Theme,
    User,
)
from tests.conftest import add_user, build_app, build_template, copy_template, make_test_config

TODAY = dt.date(2030, 6, 15)  # the service tests' "today" (a Saturday; nothing depends on it)


@dataclass
class Data:
    """Ids of the fixture rows (plain values, safe outside an app context)."""

    teams: dict[str, int] = field(default_factory=dict)  # "test", "zorg", "wonen"
    users: dict[str, int] = field(default_factory=dict)  # username -> id
    module: int = 0  # the core module "Vinden wat er is"
    lessons: list[int] = field(default_factory=list)  # its published lessons
    draft_lesson: int = 0
    exercises: dict[str, int] = field(default_factory=dict)  # "known", "fact", "open"
    draft_exercise: int = 0
    other_module: int = 0  # "Verdieping": one lesson, one exercise, not core
    other_lesson: int = 0
    other_exercise: int = 0
    documents: list[int] = field(default_factory=list)
    theme: str = "vsv"  # owned by Team Zorg


def build_data(password_hash: str) -> Data:
    """Add the fixture rows (call inside an app context); returns their ids."""
    data = Data()
    test_team = db.session.scalar(select(Team).where(Team.name == "Team Test"))
    zorg = Team(name="Team Zorg", description="Zorg en welzijn")
    wonen = Team(name="Team Wonen", description="Ruimte en wonen")
    db.session.add_all([zorg, wonen])
    for username, team in (("anna", zorg), ("bram", zorg), ("cees", wonen)):
        add_user(username, (Role.EMPLOYEE,), password_hash, team=team)

    module = Module(
        slug="vinden-wat-er-is",
        title="Vinden wat er is",
        position=0,
        published=True,
        core=True,
    )
    lessons = [
        Lesson(module=module, slug="waarom", title="Waarom zoeken", body="Tekst", position=0),
        Lesson(module=module, slug="hoe", title="Hoe zoeken", body="Tekst", position=1),
    ]
    draft_lesson = Lesson(
        module=module, slug="concept", title="Conceptles", body="Tekst", position=2, published=False
    )
    exercises = {
        "known": Exercise(
            module=module, slug="vind-de-monitor", kind=ExerciseKind.KNOWN_ITEM.value,
            title="Vind de monitor", position=0,
        ),
        "fact": Exercise(
            module=module, slug="hoeveel", kind=ExerciseKind.FACT.value,
            title="Hoeveel schoolverlaters", position=1, accepted_answers=["4.312"],
        ),
        "open": Exercise(
            module=module, slug="zoekverslag", kind=ExerciseKind.OPEN.value,
            title="Schrijf een zoekverslag", position=2, rubric=["Bron", "Strategie"],
        ),
    }  # fmt: skip
    draft_exercise = Exercise(
        module=module, slug="concept-oefening", kind=ExerciseKind.FACT.value,
        title="Conceptoefening", position=3, published=False,
    )  # fmt: skip
    other = Module(slug="verdieping", title="Verdieping", position=1, published=True)
    other_lesson = Lesson(module=other, slug="diep", title="Diepe les", body="Tekst")
    other_exercise = Exercise(
        module=other, slug="diepe-oefening", kind=ExerciseKind.FACT.value, title="Diepe oefening"
    )
    theme = Theme(code="vsv", name="Vroegtijdig schoolverlaten", domain="Sociaal domein")
    theme.owner_team = zorg
    documents = [
        Document(key=f"doc-{n}", title=title, doctype="nota", body="Tekst", year=2024)
        for n, title in enumerate(("Armoedemonitor 2024", "Nota minimabeleid"))
    ]
    db.session.add_all(
        [module, draft_lesson, draft_exercise, other, other_lesson, other_exercise, theme]
    )
    db.session.add_all([*lessons, *exercises.values(), *documents])
    db.session.commit()

    data.teams = {"test": test_team.id, "zorg": zorg.id, "wonen": wonen.id}
    data.users = {name: id_ for name, id_ in db.session.execute(select(User.username, User.id))}
    data.module = module.id
    data.lessons = [lesson.id for lesson in lessons]
    data.draft_lesson = draft_lesson.id
    data.exercises = {key: exercise.id for key, exercise in exercises.items()}
    data.draft_exercise = draft_exercise.id
    data.other_module = other.id
    data.other_lesson = other_lesson.id
    data.other_exercise = other_exercise.id
    data.documents = [document.id for document in documents]
    return data


@pytest.fixture(scope="session")
def assignments_template(
    tmp_path_factory: pytest.TempPathFactory, password_hash: str
) -> tuple[Path, Data] | None:
    """The database with users and fixture rows, built once (SQLite only)."""

    def populate(app: Flask) -> Data:
        with app.app_context():
            return build_data(password_hash)

    return build_template(tmp_path_factory, password_hash, "assignments-template", populate)


@pytest.fixture(scope="session")
def shared_app(
    tmp_path_factory: pytest.TempPathFactory, assignments_template: tuple[Path, Data] | None
) -> Iterator[Flask | None]:
    """One app for every test (SQLite only): a new app per test compiled the URL map and
    every template again, a quarter of a second each time."""
    if assignments_template is None:
        yield None
        return
    app = create_app(make_test_config(tmp_path_factory.mktemp("assignments-app")))
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def app(
    tmp_path: Path,
    password_hash: str,
    assignments_template: tuple[Path, Data] | None,
    shared_app: Flask | None,
) -> Iterator[Flask]:
    """The shared `app` with the fixture rows in place: on SQLite the one app with a fresh
    copy of a database built once per session (building it for every test doubled the run
    time), on another database (TEST_DATABASE_URL) built for each test as the shared
    fixture does."""
    if assignments_template is None or shared_app is None:
        builder = build_app(tmp_path, password_hash)
        app = next(builder)
        with app.app_context():
            app.config["ASSIGNMENTS_FIXTURE"] = build_data(password_hash)
        yield app
        next(builder, None)
        return
    template, data = assignments_template
    instance = Path(shared_app.config["INSTANCE_DIR"])
    with shared_app.app_context():
        db.session.remove()
        db.engine.dispose()  # no connection may outlive the file it was opened on
    copy_template(template, instance, index=False)
    shared_app.config["ASSIGNMENTS_FIXTURE"] = copy.deepcopy(data)
    yield shared_app
    with shared_app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def data(app: Flask) -> Data:
    return app.config["ASSIGNMENTS_FIXTURE"]


@pytest.fixture
def ctx(app: Flask, data: Data) -> Iterator[Data]:
    """An app context around a service test (never combine with the test client)."""
    with app.app_context():
        yield data


# --- rows with explicit timestamps (call inside an app context; each helper commits) -------------


def moment(day: dt.date, hour: int = 12, minute: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=dt.UTC)


def add_attempt(
    user_id: int,
    exercise_id: int,
    *,
    status: AttemptStatus = AttemptStatus.GRADED,
    score: float | None = None,
    passed: bool | None = None,
    day: dt.date = TODAY,
    hour: int = 10,
) -> int:
    """An attempt started on `day` at `hour`, handed in 20 minutes and scored 30 minutes later
    (as far as its status goes). A graded attempt passes when no `passed` is given and
    its score is at least 0.8."""
    started = moment(day, hour)
    attempt = Attempt(
        user_id=user_id,
        exercise_id=exercise_id,
        status=status.value,
        started_at=started,
        selected_document_ids=[],
    )
    if status is not AttemptStatus.OPEN:
        attempt.submitted_at = started + dt.timedelta(minutes=20)
    if status is AttemptStatus.GRADED:
        attempt.score = 1.0 if score is None else score
        attempt.passed = attempt.score >= 0.8 if passed is None else passed
        attempt.scored_at = started + dt.timedelta(minutes=30)
    db.session.add(attempt)
    db.session.commit()
    return attempt.id


def pass_exercise(user_id: int, exercise_id: int, day: dt.date = TODAY, score: float = 1.0) -> int:
    return add_attempt(user_id, exercise_id, score=score, passed=True, day=day)


def read_lessons(user_id: int, lesson_ids: Iterable[int], day: dt.date = TODAY) -> None:
    for n, lesson_id in enumerate(lesson_ids):
        db.session.add(LessonRead(user_id=user_id, lesson_id=lesson_id, read_at=moment(day, 9, n)))
    db.session.commit()


def complete_module(user_id: int, data: Data, day: dt.date = TODAY) -> None:
    """Read every published lesson and pass every published exercise of the core module."""
    read_lessons(user_id, data.lessons, day)
    for exercise_id in data.exercises.values():
        pass_exercise(user_id, exercise_id, day)


def assign(
    *,
    module: int | None = None,
    exercise: int | None = None,
    users: Iterable[int] = (),
    teams: Iterable[int] = (),
    due: dt.date = TODAY,
    today: dt.date | None = None,
    message: str = "",
) -> int:
    """An assignment saved through the service, by the trainer; returns its id."""
    trainer = db.session.scalar(select(User).where(User.username == "trainer"))
    assignment = services.save_assignment(
        None,
        trainer=trainer,
        module_id=module,
        exercise_id=exercise,
        user_ids=list(users),
        team_ids=list(teams),
        due_date=due,
        message=message,
        today=today or min(due, TODAY),
    )
    return assignment.id


def user(user_id: int) -> User:
    return db.session.get(User, user_id)


def log_search(
    attempt_id: int | None,
    user_id: int,
    query: str,
    at: dt.datetime,
    *,
    result_count: int = 3,
    features: str = "",
    **filters: list[str],
) -> None:
    db.session.add(
        QueryLog(
            user_id=user_id,
            query=query,
            filters=filters,
            result_count=result_count,
            features=frozenset(filter(None, features.split(","))),
            attempt_id=attempt_id,
            created_at=at,
        )
    )
    db.session.commit()


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def attempt_count() -> int:
    return count(Attempt)


def assignment_count() -> int:
    return count(Assignment)


def document_open_count() -> int:
    return count(DocumentOpen)


# --- reading responses ------------------------------------------------------------------------


def parse_csv(response) -> list[dict[str, str]]:
    """The CSV download as rows of header -> value (BOM stripped, `;` separated)."""
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeff"), "the CSV starts with a BOM so Excel reads UTF-8"
    return list(csv.DictReader(io.StringIO(text[1:], newline=""), delimiter=";"))


class _MatrixParser(HTMLParser):
    """Reads the overview table: column titles, and per row the learner and cell badges."""

    def __init__(self) -> None:
        super().__init__()
        self.titles: list[str] = []
        self.rows: list[tuple[str, list[str | None]]] = []
        self._capture: str | None = None
        self._text: list[str] = []
        self._row_head = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if tag == "span" and "matrix__title" in classes:
            self._start("title")
        elif tag == "th" and attributes.get("scope") == "row":
            self._row_head = True
        elif tag == "a" and self._row_head:
            self._start("learner")
        elif tag == "td" and self.rows:
            self.rows[-1][1].append(None)
        elif tag == "span" and "astatus" in classes:
            self._start("status")

    def _start(self, what: str) -> None:
        self._capture, self._text = what, []

    def handle_data(self, text: str) -> None:
        if self._capture:
            self._text.append(text)

    def handle_endtag(self, tag: str) -> None:
        if tag == "th":
            self._row_head = False
        if self._capture is None or tag not in ("span", "a"):
            return
        text = " ".join("".join(self._text).split())
        if self._capture == "title":
            self.titles.append(text)
        elif self._capture == "learner":
            self.rows.append((text, []))
        else:
            self.rows[-1][1][-1] = text
        self._capture = None


def matrix_from_html(html: str) -> dict[tuple[str, str], str]:
    """(learner name, assignment title) -> the badge text, for every assigned cell."""
    parser = _MatrixParser()
    parser.feed(html)
    cells = {}
    for learner, badges in parser.rows:
        assert len(badges) == len(parser.titles), "one cell per assignment in every row"
        for title, badge in zip(parser.titles, badges, strict=True):
            if badge is not None:
                cells[(learner, title)] = badge
    return cells
