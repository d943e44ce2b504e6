"""Database connection settings, and retrying a unit of work that lost a write conflict.

SQLite (one machine): WAL, so readers never wait for the writer, and a busy timeout, so a
writer waits for the other writer instead of failing. PostgreSQL (several nodes): row locks
make concurrent writers wait; only deadlocks and serialization failures end a transaction.
The few errors that remain mean "someone else wrote first, run it again"; `run_in_transaction`
(and the `retry_on_conflict` decorator for services) rolls back and runs the whole unit again.
"""

from __future__ import annotations

import contextvars
import functools
import logging
import random
import sqlite3
import time
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

from sqlalchemy import event
from sqlalchemy.engine import CursorResult, Engine, Result
from sqlalchemy.exc import DBAPIError

from academy.extensions import db

log = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")

DEFAULT_RETRIES = 5
# PostgreSQL: serialization_failure, deadlock_detected (both roll the transaction back).
TRANSIENT_SQLSTATES = frozenset({"40001", "40P01"})
# SQLite: the busy timeout ran out, or a reader's snapshot went stale before it could write.
TRANSIENT_SQLITE_MESSAGES = ("database is locked", "database is busy", "database table is locked")

_inside_unit: contextvars.ContextVar[bool] = contextvars.ContextVar("inside_unit", default=False)


@event.listens_for(Engine, "connect")
def _configure_sqlite(dbapi_connection: object, _record: object) -> None:
    """Foreign keys and WAL are not SQLite's defaults; the app relies on both."""
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")  # answers "memory" for in-memory databases
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


@event.listens_for(Engine, "before_cursor_execute", retval=True)
def _drop_nul_characters(
    _connection: object,
    _cursor: object,
    statement: str,
    parameters: object,
    _context: object,
    _executemany: bool,
) -> tuple[str, object]:
    """PostgreSQL text cannot hold a NUL character (SQLite can), and a query parameter with
    one is an error there. Drop NUL from every string sent to the database, on both engines,
    so a pasted or extracted NUL is no error and both store the same text."""
    return statement, _without_nul(parameters) if _has_nul(parameters) else parameters


def _has_nul(value: object) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(item) for item in value.values())
    if isinstance(value, (list, tuple)):
        return any(_has_nul(item) for item in value)
    return False


def _without_nul(value: object) -> object:
    if isinstance(value, str):
        return value.replace("\x00", "") if "\x00" in value else value
    if isinstance(value, dict):
        return {key: _without_nul(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_without_nul(item) for item in value)
    return value


def sqlite_pragmas(engine: Engine) -> dict[str, object]:
    """Read back the settings that matter (used by tests)."""
    with engine.connect() as connection:
        return {
            "foreign_keys": connection.exec_driver_sql("PRAGMA foreign_keys").scalar(),
            "journal_mode": connection.exec_driver_sql("PRAGMA journal_mode").scalar(),
        }


def rows_changed(result: Result[Any]) -> int:
    """How many rows an UPDATE or DELETE touched (0 when the driver cannot say)."""
    return (result.rowcount or 0) if isinstance(result, CursorResult) else 0


def is_transient(error: BaseException) -> bool:
    """Whether running the same unit of work again can succeed (a lost write race)."""
    if not isinstance(error, DBAPIError):
        return False
    original = error.orig
    if isinstance(original, sqlite3.OperationalError):
        return str(original).startswith(TRANSIENT_SQLITE_MESSAGES)
    return getattr(original, "sqlstate", None) in TRANSIENT_SQLSTATES


def run_in_transaction(
    unit: Callable[[], T], *, retries: int = DEFAULT_RETRIES, pause: float = 0.05
) -> T:
    """Run `unit` (which commits once); after a transient conflict roll back and run it again.

    The unit must start from a clean session and re-read what it needs (ORM objects passed
    in are expired by the rollback and load their committed state again). A unit running
    inside another one is not retried on its own: the outer unit owns the transaction.
    Any other error (a `DomainError` the user should see included) is raised after a rollback,
    so a failed unit leaves nothing half-written and the caller (a route) never rolls back.
    """
    if _inside_unit.get():
        return unit()
    token = _inside_unit.set(True)
    try:
        for attempt in range(retries + 1):
            try:
                return unit()
            except DBAPIError as error:
                db.session.rollback()
                if not is_transient(error):
                    raise
                if attempt == retries:
                    raise
                delay = min(pause * 2**attempt, 1.0) * random.uniform(0.5, 1.5)
                log.warning(
                    "write conflict (%s); retry %d of %d in %.2fs",
                    error.orig,
                    attempt + 1,
                    retries,
                    delay,
                )
                time.sleep(delay)
            except BaseException:
                db.session.rollback()
                raise
        raise AssertionError("unreachable")  # pragma: no cover
    finally:
        _inside_unit.reset(token)


def retry_on_conflict(service: Callable[P, T]) -> Callable[P, T]:
    """Decorate a service that is one unit of work: it runs again after a lost write race."""

    @functools.wraps(service)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        return run_in_transaction(lambda: service(*args, **kwargs))

    return wrapper
