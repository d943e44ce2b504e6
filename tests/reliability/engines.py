"""Which database engine a test app runs on, for tests that hold only on one of them."""

from __future__ import annotations

import pytest
from flask import Flask

from academy.extensions import db


def backend(app: Flask) -> str:
    """ "sqlite" or "postgresql": the engine behind the app's database URL."""
    with app.app_context():
        return db.engine.dialect.name


def skip_unless_sqlite(app: Flask, why: str) -> None:
    if backend(app) != "sqlite":
        pytest.skip(f"SQLite only ({why}); TEST_DATABASE_URL points elsewhere")
