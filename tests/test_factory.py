import pytest
from sqlalchemy import inspect

from academy import create_app
from academy.config import DEVELOPMENT_SECRET_KEY, InsecureConfigError
from academy.database import sqlite_pragmas
from academy.extensions import db


def test_config_mapping_gives_testing_app(app):
    assert app.testing
    assert not create_app("development").testing


def test_production_refuses_development_secret(monkeypatch):
    monkeypatch.setattr("academy.config.ProductionConfig.SECRET_KEY", DEVELOPMENT_SECRET_KEY)
    with pytest.raises(InsecureConfigError):
        create_app("production")


def test_production_refuses_short_secret(monkeypatch):
    monkeypatch.setattr("academy.config.ProductionConfig.SECRET_KEY", "short")
    with pytest.raises(InsecureConfigError):
        create_app("production")


def test_production_accepts_real_secret(monkeypatch):
    monkeypatch.setattr("academy.config.ProductionConfig.SECRET_KEY", "x" * 64)
    app = create_app("production")
    assert app.config["SESSION_COOKIE_SECURE"] is True


def test_session_cookie_flags(app, client):
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"
    client.post("/login", data={"username": "medewerker", "password": "academie-test"})
    cookie = client.get_cookie("session")
    assert cookie is not None
    assert cookie.http_only
    assert cookie.same_site == "Lax"


def test_sqlite_runs_with_foreign_keys_and_wal(app):
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        pytest.skip("SQLite-specific settings")
    with app.app_context():
        pragmas = sqlite_pragmas(db.engine)
    assert pragmas == {"foreign_keys": 1, "journal_mode": "wal"}


def test_tables_exist(app):
    with app.app_context():
        tables = set(inspect(db.engine).get_table_names())
    assert {"users", "teams", "user_roles"} <= tables


@pytest.mark.parametrize("path", ["/login", "/toegankelijkheid", "/bestaat-niet"])
def test_security_headers_on_every_response(client, path):
    response = client.get(path)
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_pages_load_nothing_from_other_hosts(client, login):
    login("admin")
    for path in ["/", "/login", "/toegankelijkheid", "/beheer/gebruikers"]:
        html = client.get(path).get_data(as_text=True)
        assert "http://" not in html.replace("http://localhost", "")
        assert "https://" not in html
