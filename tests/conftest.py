"""Shared fixtures in the flaskr style: app, client, runner, and a login helper."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from sqlalchemy import event, make_url
from sqlalchemy.engine import Engine
from werkzeug.security import generate_password_hash

from academy import create_app
from academy.extensions import db
from academy.maturity.services import ensure_ladder
from academy.models import Role, Team, User, UserRole

T = TypeVar("T")

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


# --- the test database: a SQLite file per app, or a PostgreSQL schema per app -----------------
#
# With TEST_DATABASE_URL (PostgreSQL in CI) every pytest-xdist worker uses its own database,
# the URL's name plus the worker id (academy_test_gw0, academy_test_gw1; .ci/run creates
# them), and every app built by the fixtures gets its own schema in it, so a module-scoped
# app and the per-test apps next to it never see (or drop) each other's tables, exactly as
# with one SQLite file per app.

TEST_SCHEMA = re.compile(r"t(\d+)_[0-9a-f]{12}")  # t<pid>_<hash of tmp_path>


def worker_database_url() -> str | None:
    """TEST_DATABASE_URL for this xdist worker (its database name gets the worker suffix)."""
    url = os.environ.get("TEST_DATABASE_URL")
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not url or not worker or url.startswith("sqlite"):
        return url
    parsed = make_url(url)
    return parsed.set(database=f"{parsed.database}_{worker}").render_as_string(hide_password=False)


DATABASE_FILE = "test.sqlite3"  # the SQLite file make_test_config puts in tmp_path
INDEX_DIR = "search_index"


def make_test_config(tmp_path: Path, **overrides) -> dict:
    url = worker_database_url()
    config = {
        "SQLALCHEMY_DATABASE_URI": url or f"sqlite:///{tmp_path / DATABASE_FILE}",
        "INSTANCE_DIR": tmp_path,
        "SEARCH_INDEX_DIR": str(tmp_path / INDEX_DIR),
        # A server folder released for imports from the web page (it may be empty).
        "IMPORT_FOLDERS": (str(tmp_path / "gedeelde-map"),),
    }
    if url and make_url(url).get_backend_name() == "postgresql":
        digest = hashlib.sha256(str(tmp_path).encode()).hexdigest()[:12]
        config["SQLALCHEMY_ENGINE_OPTIONS"] = {
            "pool_pre_ping": True,
            "connect_args": {"options": f"-csearch_path=t{os.getpid()}_{digest}"},
        }
    config.update(overrides)
    return config


@event.listens_for(Engine, "first_connect")
def _create_test_schema(dbapi_connection, _record) -> None:
    """The first connection of an app's engine creates the schema its search_path names."""
    if isinstance(dbapi_connection, sqlite3.Connection):
        return
    cursor = dbapi_connection.cursor()
    cursor.execute("SELECT current_setting('search_path')")
    (schema,) = cursor.fetchone()
    if TEST_SCHEMA.fullmatch(schema):
        cursor.execute(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
        dbapi_connection.commit()
    cursor.close()


def app_schema(app: Flask) -> str | None:
    """The PostgreSQL schema an app's tables live in (None on SQLite)."""
    options = app.config["SQLALCHEMY_ENGINE_OPTIONS"].get("connect_args", {}).get("options", "")
    return options.removeprefix("-csearch_path=") or None


def drop_test_database(app: Flask) -> None:
    """Drop every table of the app (the whole schema on PostgreSQL; call in an app context)."""
    schema = app_schema(app)
    if schema:
        db.session.execute(db.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        db.session.commit()
    else:
        db.drop_all()


@pytest.fixture(scope="session", autouse=True)
def _drop_stale_test_schemas() -> None:
    """Schemas left behind by earlier runs (killed, or apps the fixtures did not build)."""
    url = worker_database_url()
    if not url or make_url(url).get_backend_name() != "postgresql":
        return
    import psycopg

    conninfo = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    try:
        connection = psycopg.connect(conninfo, autocommit=True, connect_timeout=10)
    except psycopg.OperationalError as error:
        pytest.fail(
            f"TEST_DATABASE_URL: cannot connect to this worker's database ({error}); "
            "create it as .ci/run does (one per xdist worker: name_gw0, name_gw1, ...)",
            pytrace=False,
        )
    with connection:
        names = [row[0] for row in connection.execute("SELECT nspname FROM pg_namespace")]
        for name in names:
            match = TEST_SCHEMA.fullmatch(name)
            if match and not _process_alive(int(match.group(1))):
                connection.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


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
        drop_test_database(app)
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


def redirect_path(response) -> str:  # noqa: ANN001 - a test response
    """Where a redirect goes (its path): a bare 302 says nothing about where the user lands."""
    assert response.status_code in (301, 302, 303, 307, 308), response.status_code
    return urlsplit(response.headers["Location"]).path


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


# --- database templates: build a fixture world once, copy it per test (SQLite only) ----------


def build_template(
    tmp_path_factory: pytest.TempPathFactory,
    password_hash: str,
    name: str,
    populate: Callable[[Flask], T],
) -> tuple[Path, T] | None:
    """Build the database (and index) once with `populate(app)`, to copy for each test.

    Returns None on another database than SQLite (TEST_DATABASE_URL): there each test builds
    its own world, as the shared fixtures do.
    """
    if os.environ.get("TEST_DATABASE_URL"):
        return None
    path = tmp_path_factory.mktemp(name)
    builder = build_app(path, password_hash)
    app = next(builder)
    result = populate(app)
    with app.app_context():
        db.session.remove()
        db.engine.dispose()  # the last connection checkpoints the WAL into the file
    builder.close()  # skip build_app's teardown, which drops the tables
    return path, result


def copy_template(template: Path, target: Path, *, index: bool = True) -> None:
    """Copy a template's SQLite files (and its search index) into `target`."""
    for stale in target.glob(DATABASE_FILE + "*"):
        stale.unlink()
    for source in template.glob(DATABASE_FILE + "*"):
        shutil.copy(source, target / source.name)
    if index and (template / INDEX_DIR).exists():
        shutil.copytree(template / INDEX_DIR, target / INDEX_DIR)
