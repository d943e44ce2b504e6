"""Shared fixtures in the flaskr style: app, client, runner, and a login helper."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from werkzeug.security import generate_password_hash

from academy import create_app
from academy.extensions import db
from academy.maturity.services import ensure_ladder
from academy.models import Role, Team, User, UserRole

PASSWORD = "academie-test"

# One user per role (the admin also tests "admins may do everything").
ROLE_USERS: dict[str, tuple[Role, ...]] = {
    "admin": (Role.ADMIN,),
    "programmamanager": (Role.PROGRAMME_MANAGER,),
    "trainer": (Role.TRAINER,),
    "medewerker": (Role.EMPLOYEE,),
}


@pytest.fixture(scope="session")
def password_hash() -> str:
    """Scrypt is deliberately slow; the shared test users get a cheap scrypt hash (the
    cost is stored in the hash, so verifying it is cheap too). The app itself always
    hashes with full cost, which tests/auth checks."""
    return generate_password_hash(PASSWORD, method="scrypt:1024:8:1")


def make_test_config(tmp_path: Path, **overrides) -> dict:
    config = {
        "SQLALCHEMY_DATABASE_URI": os.environ.get(
            "TEST_DATABASE_URL", f"sqlite:///{tmp_path / 'test.sqlite3'}"
        ),
        "INSTANCE_DIR": tmp_path,
        "SEARCH_INDEX_DIR": str(tmp_path / "search_index"),
    }
    config.update(overrides)
    return config


def add_user(
    username: str, roles: tuple[Role, ...], password_hash: str, team: Team | None = None, **fields
) -> User:
    user = User(
        username=username,
        password_hash=password_hash,
        full_name=username.title(),
        team=team,
        **fields,
    )
    user.role_rows = [UserRole(role=role.value) for role in roles]
    db.session.add(user)
    return user


def build_app(tmp_path: Path, password_hash: str, **overrides) -> Iterator[Flask]:
    app = create_app(make_test_config(tmp_path, **overrides))
    with app.app_context():
        db.drop_all()
        db.create_all()
        ensure_ladder()
        team = Team(name="Team Test", description="Testteam")
        db.session.add(team)
        for username, roles in ROLE_USERS.items():
            add_user(username, roles, password_hash, team=team)
        db.session.commit()
    # Yield outside the app context: Flask-Babel caches the locale per context.
    yield app
    with app.app_context():
        db.session.remove()
        db.drop_all()
        db.engine.dispose()


@pytest.fixture
def app(tmp_path: Path, password_hash: str) -> Iterator[Flask]:
    yield from build_app(tmp_path, password_hash)


@pytest.fixture
def csrf_app(tmp_path: Path, password_hash: str) -> Iterator[Flask]:
    """The app with CSRF protection switched on, as in production."""
    yield from build_app(tmp_path, password_hash, WTF_CSRF_ENABLED=True)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner(app: Flask) -> FlaskCliRunner:
    return app.test_cli_runner()


class AuthActions:
    def __init__(self, client: FlaskClient) -> None:
        self._client = client

    def login(self, username: str = "medewerker", password: str = PASSWORD):
        return self._client.post("/login", data={"username": username, "password": password})

    def logout(self):
        return self._client.post("/logout")


@pytest.fixture
def auth(client: FlaskClient) -> AuthActions:
    return AuthActions(client)


@pytest.fixture
def login(auth: AuthActions) -> Callable[[str], None]:
    """Sign the test client in as the user for a role name ("admin", "trainer", ...)."""

    def _login(username: str) -> None:
        response = auth.login(username)
        assert response.status_code == 302, f"login as {username} failed"

    return _login
