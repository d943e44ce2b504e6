"""No public secret: a random key generated into the instance folder, reused, owner-only;
production never runs on a guessable key; HSTS in production."""

from __future__ import annotations

import logging
import stat

import pytest
from flask_login.utils import _cookie_digest
from werkzeug.security import generate_password_hash

from academy import create_app
from academy.config import (
    DEVELOPMENT_SECRET_KEY,
    SECRET_KEY_FILE,
    InsecureConfigError,
    instance_secret_key,
)
from academy.extensions import db
from academy.models import Role, User, UserRole


@pytest.fixture
def unconfigured(monkeypatch, tmp_path):
    """Development and production as `make run` / gunicorn start them: no SECRET_KEY."""
    for name in ("DevelopmentConfig", "ProductionConfig"):
        monkeypatch.setattr(f"academy.config.{name}.SECRET_KEY", None)
        monkeypatch.setattr(f"academy.config.{name}.INSTANCE_DIR", tmp_path)
        monkeypatch.setattr(
            f"academy.config.{name}.SQLALCHEMY_DATABASE_URI",
            f"sqlite:///{tmp_path / 'academy.sqlite3'}",
        )
    return tmp_path


def test_without_secret_key_a_random_one_is_generated_and_reused(unconfigured, caplog):
    caplog.set_level(logging.DEBUG)
    first = create_app("development")
    key = first.config["SECRET_KEY"]
    assert key != DEVELOPMENT_SECRET_KEY and len(key) >= 32
    path = unconfigured / SECRET_KEY_FILE
    assert path.read_text().strip() == key
    assert stat.S_IMODE(path.stat().st_mode) == 0o600  # the owner only
    assert create_app("development").config["SECRET_KEY"] == key  # reused: sessions survive
    assert key not in caplog.text  # the key is never printed


def test_every_instance_gets_its_own_key(tmp_path):
    assert instance_secret_key(tmp_path / "a") != instance_secret_key(tmp_path / "b")


def test_a_key_file_readable_by_others_is_made_private(tmp_path):
    key = instance_secret_key(tmp_path)
    (tmp_path / SECRET_KEY_FILE).chmod(0o644)
    assert instance_secret_key(tmp_path) == key
    assert stat.S_IMODE((tmp_path / SECRET_KEY_FILE).stat().st_mode) == 0o600


def test_production_starts_with_a_generated_key(unconfigured):
    app = create_app("production")
    assert app.config["SECRET_KEY"] == (unconfigured / SECRET_KEY_FILE).read_text().strip()


def test_production_refuses_to_start_without_any_key(unconfigured, monkeypatch):
    blocker = unconfigured / "een-bestand"
    blocker.write_text("")
    # No key set, and none can be written (even root cannot make a folder in a file).
    monkeypatch.setattr("academy.config.ProductionConfig.INSTANCE_DIR", blocker / "instance")
    with pytest.raises(InsecureConfigError):
        create_app("production")


def test_an_unusable_key_file_stops_the_start_instead_of_a_fallback(unconfigured, monkeypatch):
    (unconfigured / SECRET_KEY_FILE).write_text("kort")
    with pytest.raises(InsecureConfigError):
        create_app("production")
    with pytest.raises(InsecureConfigError):
        create_app("development")


def test_the_old_public_key_is_refused_everywhere(unconfigured, monkeypatch):
    monkeypatch.setattr("academy.config.DevelopmentConfig.SECRET_KEY", DEVELOPMENT_SECRET_KEY)
    with pytest.raises(InsecureConfigError):
        create_app("development")


def test_a_remember_cookie_forged_with_the_old_public_key_opens_nothing(unconfigured):
    """Old code: without ACADEMY_ENV=production the key was a constant in the source, and a
    hand-made remember_token cookie gave the admin pages without a password."""
    app = create_app("development")
    with app.app_context():
        db.create_all()
        admin = User(username="admin", password_hash=generate_password_hash("x" * 12))
        admin.role_rows = [UserRole(role=Role.ADMIN.value)]
        db.session.add(admin)
        db.session.commit()
        admin_id = str(admin.id)
    client = app.test_client()
    forged = f"{admin_id}|{_cookie_digest(admin_id, key=DEVELOPMENT_SECRET_KEY)}"
    client.set_cookie("remember_token", forged)
    response = client.get("/beheer/gebruikers")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login")
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def test_hsts_in_production_only(unconfigured):
    production = create_app("production").test_client().get("/login")
    assert production.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "unsafe-inline" not in production.headers["Content-Security-Policy"]
    development = create_app("development").test_client().get("/login")
    assert "Strict-Transport-Security" not in development.headers
