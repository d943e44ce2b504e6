"""Configuration classes, read from environment variables with safe development defaults."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INSTANCE = PROJECT_ROOT / "instance"

# Only ever used on a developer's machine; ProductionConfig refuses to start with it.
DEVELOPMENT_SECRET_KEY = "dev-only-secret-key-change-me"


def _env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


class Config:
    """Settings shared by every environment."""

    SECRET_KEY = os.environ.get("SECRET_KEY", DEVELOPMENT_SECRET_KEY)
    INSTANCE_DIR = Path(os.environ.get("INSTANCE_DIR", DEFAULT_INSTANCE))
    SQLALCHEMY_DATABASE_URI = os.environ.get(
        "DATABASE_URL", f"sqlite:///{INSTANCE_DIR / 'academy.sqlite3'}"
    )
    SQLALCHEMY_ENGINE_OPTIONS: dict = {"pool_pre_ping": True}
    SEARCH_INDEX_DIR = os.environ.get("SEARCH_INDEX_DIR", str(INSTANCE_DIR / "search_index"))
    DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "academie")

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = _env_flag("SESSION_COOKIE_SECURE")
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_SECURE = SESSION_COOKIE_SECURE
    WTF_CSRF_TIME_LIMIT = None  # the token lives as long as the session

    BABEL_DEFAULT_LOCALE = "nl"
    BABEL_DEFAULT_TIMEZONE = "Europe/Amsterdam"
    BABEL_TRANSLATION_DIRECTORIES = str(PROJECT_ROOT / "translations")
    LANGUAGES = ("nl", "en")

    # Notification e-mail: off unless NOTIFY_EMAIL is set; a job sends, never a request.
    NOTIFY_EMAIL = _env_flag("NOTIFY_EMAIL")
    SMTP_HOST = os.environ.get("SMTP_HOST", "localhost")
    SMTP_PORT = int(os.environ.get("SMTP_PORT", "25"))
    SMTP_USER = os.environ.get("SMTP_USER", "")
    SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD", "")
    SMTP_STARTTLS = _env_flag("SMTP_STARTTLS")
    SMTP_FROM = os.environ.get("SMTP_FROM", "data-academie@localhost")
    APP_URL = os.environ.get("APP_URL", "http://127.0.0.1:5000")

    LOGIN_MAX_FAILURES = 5
    LOGIN_LOCK_MINUTES = 15
    MAX_CONTENT_LENGTH = 32 * 1024 * 1024


class DevelopmentConfig(Config):
    DEBUG = False  # `make run` serves without the debugger; set FLASK_DEBUG=1 to get it


class TestConfig(Config):
    TESTING = True
    SECRET_KEY = "test-secret-key"
    SQLALCHEMY_DATABASE_URI = os.environ.get("TEST_DATABASE_URL", "sqlite://")
    WTF_CSRF_ENABLED = False
    DEMO_PASSWORD = "academie"


class ProductionConfig(Config):
    SESSION_COOKIE_SECURE = _env_flag("SESSION_COOKIE_SECURE", default=True)
    REMEMBER_COOKIE_SECURE = SESSION_COOKIE_SECURE


CONFIGS: dict[str, type[Config]] = {
    "development": DevelopmentConfig,
    "test": TestConfig,
    "production": ProductionConfig,
}


class InsecureConfigError(RuntimeError):
    """Raised when production would start with a secret anyone can read in the source."""


def check_production_config(config: dict) -> None:
    """Refuse a production start with the development secret key or an empty one."""
    key = config.get("SECRET_KEY")
    if not key or key == DEVELOPMENT_SECRET_KEY or len(key) < 16:
        raise InsecureConfigError(
            "SECRET_KEY must be set to a long random value in production "
            '(python -c "import secrets; print(secrets.token_hex(32))").'
        )
