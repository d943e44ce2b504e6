"""Database connection settings that must hold for every SQLite connection."""

from __future__ import annotations

import sqlite3

from sqlalchemy import event
from sqlalchemy.engine import Engine


@event.listens_for(Engine, "connect")
def _configure_sqlite(dbapi_connection, _record) -> None:
    """Foreign keys and WAL are not SQLite's defaults; the app relies on both."""
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")  # answers "memory" for in-memory databases
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def sqlite_pragmas(engine: Engine) -> dict[str, object]:
    """Read back the settings that matter (used by tests)."""
    with engine.connect() as connection:
        return {
            "foreign_keys": connection.exec_driver_sql("PRAGMA foreign_keys").scalar(),
            "journal_mode": connection.exec_driver_sql("PRAGMA journal_mode").scalar(),
        }
