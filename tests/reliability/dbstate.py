"""The database as rows, to tell whether a request stored anything (and what)."""

from __future__ import annotations

import sqlite3

from flask import Flask
from sqlalchemy import select

from academy.extensions import db

# Rows a request may write whatever its outcome (the search trail, login bookkeeping: the
# throttle counters, session rows and the audit trail of sign-ins and their failures).
VOLATILE_TABLES = {
    "query_logs",
    "document_opens",
    "login_throttles",
    "user_sessions",
    "audit_events",
}
VOLATILE_COLUMNS = {
    "api_tokens": {"last_used_at"},
}


def snapshot(app: Flask) -> dict[str, list[tuple]]:
    """Every row of every table (but the volatile ones), in a stable order."""
    rows: dict[str, list[tuple]] = {}
    with app.app_context():
        for table in db.metadata.sorted_tables:
            if table.name in VOLATILE_TABLES:
                continue
            skip = VOLATILE_COLUMNS.get(table.name, set())
            columns = [c for c in table.columns if c.name not in skip]
            result = db.session.execute(select(*columns)).all()
            rows[table.name] = sorted((tuple(r) for r in result), key=repr)
        db.session.remove()
    return rows


class Tracker:
    """The database rows, re-read only when something was committed since the last look.

    On SQLite, `PRAGMA data_version` on a connection of our own changes whenever another
    connection commits; elsewhere every look reads every table.
    """

    def __init__(self, app: Flask) -> None:
        self.app = app
        uri = app.config["SQLALCHEMY_DATABASE_URI"]
        self._connection = (
            sqlite3.connect(uri.removeprefix("sqlite:///"))
            if uri.startswith("sqlite:///")
            else None
        )
        self._version: int | None = None
        self._rows: dict[str, list[tuple]] | None = None

    def rows(self) -> dict[str, list[tuple]]:
        version = None
        if self._connection is not None:
            version = self._connection.execute("PRAGMA data_version").fetchone()[0]
        if self._rows is None or version is None or version != self._version:
            self._rows = snapshot(self.app)
            self._version = version
        return self._rows

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()


def changed_tables(before: dict, after: dict) -> list[str]:
    return [name for name in before if before[name] != after.get(name)]
