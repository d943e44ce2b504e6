"""Upgrading a database with data to the sessions-and-audit schema keeps the data."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from flask_migrate import downgrade, upgrade

from academy import create_app
from academy.extensions import db
from tests.conftest import drop_test_database, make_test_config


@pytest.fixture
def old_app(tmp_path: Path):
    app = create_app(make_test_config(tmp_path))
    with app.app_context():
        upgrade(revision="0006")
    yield app
    with app.app_context():
        db.session.remove()
        drop_test_database(app)
        db.session.execute(db.text("DROP TABLE IF EXISTS alembic_version"))
        db.session.commit()
        db.engine.dispose()


def _rows(sql: str) -> list[tuple]:
    return [tuple(row) for row in db.session.execute(db.text(sql))]


def test_the_upgrade_keeps_users_roles_and_tokens(old_app):
    """The first draft rebuilt the users table on SQLite; with foreign keys on, dropping the
    old table cascaded into user_roles and api_tokens and deleted every role and token."""
    with old_app.app_context():
        db.session.execute(
            db.text(
                "INSERT INTO users (id, username, full_name, email, password_hash, active,"
                " failed_logins) VALUES (7, 'a.admin', '', '', 'h', true, 3)"
            )
        )
        db.session.execute(db.text("INSERT INTO user_roles (user_id, role) VALUES (7, 'admin')"))
        db.session.execute(
            db.text(
                "INSERT INTO api_tokens (user_id, name, token_hash, prefix)"
                " VALUES (7, 'dashboard', 'abc', 'da_abc')"
            )
        )
        db.session.commit()
        upgrade()
        assert _rows("SELECT username FROM users") == [("a.admin",)]
        assert _rows("SELECT role FROM user_roles") == [("admin",)]
        ((name, expires, read_only),) = _rows("SELECT name, expires_at, read_only FROM api_tokens")
        assert name == "dashboard" and expires is not None and not read_only
        db.session.commit()  # PostgreSQL: our read locks would block the downgrade's DDL
        downgrade(revision="0006")
        assert _rows("SELECT role FROM user_roles") == [("admin",)]
        assert _rows("SELECT name FROM api_tokens") == [("dashboard",)]
        db.session.remove()


@pytest.fixture
def app_at_0009(tmp_path: Path):
    app = create_app(make_test_config(tmp_path))
    with app.app_context():
        upgrade(revision="0009")
    yield app
    with app.app_context():
        db.session.remove()
        drop_test_database(app)
        db.session.execute(db.text("DROP TABLE IF EXISTS alembic_version"))
        db.session.commit()
        db.engine.dispose()


def test_the_search_gaps_upgrade_fills_key_and_theme_of_existing_searches(app_at_0009):
    with app_at_0009.app_context():
        db.session.execute(
            db.text(
                "INSERT INTO query_logs (id, query, filters, sort, page, result_count,"
                " elapsed_ms, features, kind, created_at) VALUES"
                " (1, '  Coöperatie WONEN', '{\"thema\": [\"vsv\"]}', 'relevance', 1, 0, 0,"
                " '', 'search', '2026-01-01 10:00:00'),"
                " (2, 'armoede', '{\"thema\": [\"vsv\", \"armoede\"]}', 'relevance', 1, 0, 0,"
                " '', 'search', '2026-01-01 10:00:00')"
            )
        )
        db.session.commit()
        upgrade()
        assert _rows("SELECT id, query_key, theme_code FROM query_logs ORDER BY id") == [
            (1, "cooperatie wonen", "vsv"),
            (2, "armoede", None),
        ]
        db.session.commit()
        downgrade(revision="0009")
        assert _rows("SELECT query FROM query_logs ORDER BY id") == [
            ("  Coöperatie WONEN",),
            ("armoede",),
        ]
        db.session.remove()


def test_running_migrations_leaves_the_apps_loggers_working(old_app):
    # Alembic's env.py configures logging from alembic.ini; by default that disables every
    # logger it does not name, so after an in-process upgrade the academy logged nothing.
    logger = logging.getLogger("academy.api.routes")
    with old_app.app_context():
        upgrade()
    assert not logger.disabled
    assert not logging.getLogger("academy").disabled


def test_query_features_become_a_set_and_back(app_at_0009):
    """0011: comma-joined features ("or,phrase") become a JSON list the model reads as a set;
    the downgrade writes the comma-joined text again."""
    from academy.models import QueryLog

    with app_at_0009.app_context():
        for row_id, features in ((1, "or,phrase"), (2, ""), (3, "wildcard")):
            db.session.execute(
                db.text(
                    "INSERT INTO query_logs (id, query, filters, sort, page, result_count,"
                    " elapsed_ms, features, created_at) VALUES (:id, 'q', '{}', 'relevance',"
                    " 1, 0, 1.0, :features, CURRENT_TIMESTAMP)"
                ),
                {"id": row_id, "features": features},
            )
        db.session.commit()
        upgrade()
        logs = db.session.scalars(db.select(QueryLog).order_by(QueryLog.id)).all()
        assert [log.features for log in logs] == [
            frozenset({"or", "phrase"}),
            frozenset(),
            frozenset({"wildcard"}),
        ]
        logs[1].features = frozenset({"not", "and"})
        db.session.commit()
        db.session.remove()
        downgrade(revision="0009")
        assert _rows("SELECT features FROM query_logs ORDER BY id") == [
            ("or,phrase",),
            ("and,not",),
            ("wildcard",),
        ]
        db.session.remove()
