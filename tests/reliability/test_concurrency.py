"""Many writers at once lose no write: 20 threads record assessments while 20 threads start
and hand in attempts, each in its own app context (its own session and connection).

Runs against a SQLite file (WAL, busy timeout) and, with TEST_DATABASE_URL, PostgreSQL.
Afterwards every write is in the database with the values it was written with, and no thread
saw an exception. The retry helper itself is tested with simulated conflicts below.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError, OperationalError

from academy.database import is_transient, retry_on_conflict, run_in_transaction
from academy.extensions import db
from academy.maturity import services as maturity
from academy.models import (
    LEVEL_NUMBERS,
    Assessment,
    AssessmentLevel,
    Attempt,
    AttemptStatus,
    ExerciseKind,
    LevelCriterion,
    LevelStatus,
    Module,
    Role,
    Team,
    Theme,
    User,
)
from academy.models.training import Exercise
from academy.training import services as training
from tests.conftest import add_user, build_app, make_test_config
from tests.reliability.engines import backend, skip_unless_sqlite

THREADS = 20  # per kind of writer, so 40 at once
ROUNDS = 3  # writes per thread
ANSWER = "4.312"


@pytest.fixture
def app(tmp_path: Path, password_hash: str) -> Iterator[Flask]:
    """The shared app with a pool big enough that all 40 threads hold a connection at once,
    two themes, a fact exercise and one learner per attempt thread."""
    options = {
        **make_test_config(tmp_path).get("SQLALCHEMY_ENGINE_OPTIONS", {"pool_pre_ping": True}),
        "pool_size": 2 * THREADS,
        "max_overflow": 5,
    }
    builder = build_app(tmp_path, password_hash, SQLALCHEMY_ENGINE_OPTIONS=options)
    flask_app = next(builder)
    with flask_app.app_context():
        team = db.session.scalar(select(Team))
        db.session.add_all(
            [
                Theme(code="vsv", name="Vroegtijdig schoolverlaten", domain="Onderwijs"),
                Theme(code="armoede", name="Armoede", domain="Sociaal domein"),
            ]
        )
        module = Module(slug="zoeken", title="Zoeken", published=True)
        db.session.add(
            Exercise(
                module=module,
                slug="hoeveel",
                kind=ExerciseKind.FACT.value,
                title="Hoeveel?",
                accepted_answers=[ANSWER],
            )
        )
        for number in range(THREADS):
            add_user(f"leerling{number}", (Role.EMPLOYEE,), password_hash, team=team)
        db.session.commit()
    yield flask_app
    next(builder, None)


def run_at_once(workers: list[Callable[[], None]]) -> list[BaseException]:
    """Start every worker on its own thread at the same moment; the exceptions they raised."""
    barrier = threading.Barrier(len(workers))
    errors: list[BaseException] = []
    lock = threading.Lock()

    def run(worker: Callable[[], None]) -> None:
        try:
            barrier.wait(timeout=60)
            worker()
        except BaseException as error:  # noqa: BLE001  (collected and reported by the test)
            with lock:
                errors.append(error)

    threads = [threading.Thread(target=run, args=(worker,)) for worker in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not any(thread.is_alive() for thread in threads), "a writer hung"
    return errors


def criteria_up_to(level: int) -> list[int]:
    return list(
        db.session.scalars(
            select(LevelCriterion.id).where(
                LevelCriterion.level_number <= level, LevelCriterion.active
            )
        )
    )


def statuses_up_to(level: int) -> dict[int, LevelStatus]:
    return {
        n: LevelStatus.IN_ORDER if n <= level else LevelStatus.NOT_STARTED for n in LEVEL_NUMBERS
    }


def level_of(thread: int, round_: int) -> int:
    return (thread + round_) % len(LEVEL_NUMBERS)


def answer_of(thread: int, round_: int) -> str:
    return ANSWER if (thread + round_) % 2 == 0 else "ongeveer vierduizend"


def test_forty_writers_at_once_lose_no_write(app: Flask) -> None:
    with app.app_context():
        theme_ids = list(db.session.scalars(select(Theme.id).order_by(Theme.code)))
        criteria = {level: criteria_up_to(level) for level in LEVEL_NUMBERS}
        exercise_id = db.session.scalar(select(Exercise.id))
        learner_ids = {
            number: db.session.scalar(select(User.id).where(User.username == f"leerling{number}"))
            for number in range(THREADS)
        }

    def assessor(thread: int) -> Callable[[], None]:
        def work() -> None:
            for round_ in range(ROUNDS):
                with app.app_context():
                    level = level_of(thread, round_)
                    maturity.record_assessment(
                        db.session.get(Theme, theme_ids[thread % 2]),
                        assessor=None,
                        assessed_on=dt.date(2025, 1, 1) + dt.timedelta(days=thread * 10 + round_),
                        statuses=statuses_up_to(level),
                        criteria_met=criteria[level],
                        evidence_text=f"Bron | https://example.nl/{thread}/{round_}",
                        note=f"t{thread}-r{round_}",
                    )

        return work

    def learner(thread: int) -> Callable[[], None]:
        def work() -> None:
            for round_ in range(ROUNDS):
                with app.app_context():
                    user = db.session.get(User, learner_ids[thread])
                    attempt = training.start_attempt(user, db.session.get(Exercise, exercise_id))
                    training.submit_attempt(attempt, answer_text=answer_of(thread, round_))

        return work

    started = time.perf_counter()
    errors = run_at_once(
        [assessor(n) for n in range(THREADS)] + [learner(n) for n in range(THREADS)]
    )
    elapsed = time.perf_counter() - started
    assert not errors, f"{len(errors)} writers failed, first: {errors[0]!r}"
    print(f"{backend(app)}: {2 * THREADS * ROUNDS} units of work in {elapsed:.2f}s")

    with app.app_context():
        assessments = db.session.scalars(select(Assessment)).all()
        assert len(assessments) == THREADS * ROUNDS
        by_note = {a.note: a for a in assessments}
        assert len(by_note) == THREADS * ROUNDS  # each written exactly once
        for thread in range(THREADS):
            for round_ in range(ROUNDS):
                assessment = by_note[f"t{thread}-r{round_}"]
                level = level_of(thread, round_)
                assert assessment.theme_id == theme_ids[thread % 2]
                assert assessment.assessed_on == dt.date(2025, 1, 1) + dt.timedelta(
                    days=thread * 10 + round_
                )
                assert {row.level_number: row.status for row in assessment.level_statuses} == {
                    n: s.value for n, s in statuses_up_to(level).items()
                }
                assert sorted(c.id for c in assessment.criteria_met) == sorted(criteria[level])
                assert [(e.title, e.url) for e in assessment.evidence] == [
                    ("Bron", f"https://example.nl/{thread}/{round_}")
                ]
        assert db.session.scalar(select(func.count(AssessmentLevel.id))) == (
            THREADS * ROUNDS * len(LEVEL_NUMBERS)
        )

        attempts = db.session.scalars(select(Attempt).order_by(Attempt.id)).all()
        assert len(attempts) == THREADS * ROUNDS
        for thread in range(THREADS):
            mine = [a for a in attempts if a.user_id == learner_ids[thread]]
            assert [a.answer_text for a in mine] == [
                answer_of(thread, round_) for round_ in range(ROUNDS)
            ]
            assert all(a.status == AttemptStatus.GRADED.value for a in mine)
            assert [a.passed for a in mine] == [
                answer_of(thread, round_) == ANSWER for round_ in range(ROUNDS)
            ]
            assert [a.score for a in mine] == [1.0 if a.passed else 0.0 for a in mine]
            assert all(a.submitted_at is not None and a.scored_at is not None for a in mine)


def test_a_writer_waits_for_another_writers_lock_instead_of_failing(app: Flask) -> None:
    """SQLite's busy timeout: a second writer waits while a first holds the write lock."""
    skip_unless_sqlite(app, "its busy timeout on a file lock")
    with app.app_context():
        path = db.engine.url.database
        theme_id = db.session.scalar(select(Theme.id).where(Theme.code == "vsv"))
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")  # take the write lock
    releaser = threading.Timer(1.0, holder.execute, args=("COMMIT",))
    releaser.start()
    started = time.perf_counter()
    try:
        with app.app_context():
            maturity.record_assessment(
                db.session.get(Theme, theme_id),
                assessor=None,
                assessed_on=dt.date(2025, 1, 1),
                statuses=statuses_up_to(-1),
                criteria_met=[],
                note="na het wachten",
            )
    finally:
        releaser.join()
        holder.close()
    assert time.perf_counter() - started >= 0.9  # it really had to wait
    with app.app_context():
        assert db.session.scalar(select(Assessment.note)) == "na het wachten"


# --- the retry helper with simulated conflicts -------------------------------------------------


class FakePostgresError(Exception):
    def __init__(self, sqlstate: str) -> None:
        super().__init__(f"sqlstate {sqlstate}")
        self.sqlstate = sqlstate


def locked() -> OperationalError:
    return OperationalError("INSERT ...", {}, sqlite3.OperationalError("database is locked"))


@pytest.mark.parametrize(
    ("error", "transient"),
    [
        (locked(), True),
        (OperationalError("x", {}, sqlite3.OperationalError("database is busy")), True),
        (OperationalError("x", {}, FakePostgresError("40001")), True),  # serialization
        (OperationalError("x", {}, FakePostgresError("40P01")), True),  # deadlock
        (OperationalError("x", {}, sqlite3.OperationalError("no such table: themes")), False),
        (IntegrityError("x", {}, sqlite3.IntegrityError("UNIQUE constraint failed")), False),
        (OperationalError("x", {}, FakePostgresError("57P01")), False),  # admin shutdown
        (ValueError("database is locked"), False),
    ],
)
def test_transient_errors_are_told_apart(error: Exception, transient: bool) -> None:
    assert is_transient(error) is transient


def test_a_lost_race_rolls_back_and_runs_the_whole_unit_again(app: Flask) -> None:
    calls = []

    def unit() -> int:
        calls.append(len(calls))
        db.session.add(Theme(code=f"poging{len(calls)}", name="Poging", domain="Onderwijs"))
        db.session.flush()
        if len(calls) < 3:
            raise locked()
        db.session.commit()
        return len(calls)

    with app.app_context():
        assert run_in_transaction(unit, pause=0.001) == 3
        codes = set(db.session.scalars(select(Theme.code)))
    assert "poging3" in codes
    assert not {"poging1", "poging2"} & codes  # the failed runs left nothing behind


def test_retries_end_and_the_conflict_propagates(app: Flask) -> None:
    calls = []

    def unit() -> None:
        calls.append(1)
        raise locked()

    with app.app_context(), pytest.raises(OperationalError, match="database is locked"):
        run_in_transaction(unit, retries=2, pause=0.001)
    assert len(calls) == 3


def test_other_errors_are_not_retried(app: Flask) -> None:
    calls = []

    @retry_on_conflict
    def unit() -> None:
        calls.append(1)
        raise IntegrityError("x", {}, sqlite3.IntegrityError("UNIQUE constraint failed"))

    with app.app_context(), pytest.raises(IntegrityError):
        unit()
    assert calls == [1]


def test_a_unit_inside_a_unit_is_retried_only_as_a_whole(app: Flask) -> None:
    outer_calls, inner_calls = [], []

    @retry_on_conflict
    def inner() -> None:
        inner_calls.append(1)
        if len(inner_calls) == 1:
            raise locked()

    def outer() -> str:
        outer_calls.append(1)
        inner()
        return "klaar"

    with app.app_context():
        assert run_in_transaction(outer, pause=0.001) == "klaar"
    assert (len(outer_calls), len(inner_calls)) == (2, 2)


def test_a_failed_unit_is_rolled_back_by_the_service_not_the_caller(app: Flask) -> None:
    """Services own the transaction: a DomainError leaves nothing half-written behind."""
    from academy.errors import DomainError

    @retry_on_conflict
    def unit() -> None:
        db.session.add(Theme(code="half", name="Half geschreven", domain="Onderwijs"))
        db.session.flush()
        raise DomainError("nee")

    with app.app_context():
        with pytest.raises(DomainError):
            unit()
        assert not db.session.new and not db.session.dirty
        db.session.commit()  # what a careless caller would do next
        assert db.session.scalar(select(Theme).where(Theme.code == "half")) is None
