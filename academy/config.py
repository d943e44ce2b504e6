"""Configuration classes, read from environment variables with safe development defaults."""

from __future__ import annotations

import logging
import os
import secrets
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INSTANCE = PROJECT_ROOT / "instance"
SECRET_KEY_FILE = "secret_key"

# The constant that older releases used when SECRET_KEY was unset. It is public (it is in the
# git history), so it is refused everywhere; it is never used as a fallback any more.
DEVELOPMENT_SECRET_KEY = "dev-only-secret-key-change-me"

log = logging.getLogger(__name__)


def _env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


class Config:
    """Settings shared by every environment."""

    # Unset: create_app reads (or first generates) a random key in the instance folder.
    SECRET_KEY = os.environ.get("SECRET_KEY") or None
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

    # Background jobs (academy/jobs.py): the queue's storage. The default is a SQLite file
    # next to the database; several nodes share a PostgreSQL or Redis queue instead.
    JOBS_URL = os.environ.get("JOBS_URL", "")  # "": sqlite:///<INSTANCE_DIR>/jobs.sqlite3
    JOBS_IMMEDIATE = _env_flag("JOBS_IMMEDIATE")
    # Imports: uploads wait here for their job (shared storage when there are several
    # nodes); server folders an admin may import from the web page (os.pathsep-separated).
    IMPORT_STAGING_DIR = os.environ.get("IMPORT_STAGING_DIR", "")  # "": <INSTANCE_DIR>/imports
    IMPORT_FOLDERS = tuple(
        folder for folder in os.environ.get("IMPORT_FOLDERS", "").split(os.pathsep) if folder
    )
    IMPORT_MAX_UPLOAD_MB = int(os.environ.get("IMPORT_MAX_UPLOAD_MB", "512"))
    IMPORT_MAX_FILE_MB = int(os.environ.get("IMPORT_MAX_FILE_MB", "50"))
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
    # Sign-in throttling (see auth/throttle.py): failures that cost nothing, then a delay
    # that doubles per failure up to the maximum; a counter forgets after the window.
    LOGIN_FREE_FAILURES_ACCOUNT = 5
    LOGIN_FREE_FAILURES_ADDRESS = 20
    LOGIN_MAX_DELAY_SECONDS = 300
    LOGIN_THROTTLE_WINDOW_MINUTES = 60
    # Sessions: a browser session ends on the server after this many hours; "Ingelogd
    # blijven" keeps a browser signed in for at most REMEMBER_DAYS (never more than 30).
    SESSION_LIFETIME_HOURS = 12
    REMEMBER_DAYS = min(int(os.environ.get("REMEMBER_DAYS", "30") or 30), 30)
    API_TOKEN_MAX_DAYS = 365
    # Behind a reverse proxy: how many X-Forwarded-For hops to trust for the client address.
    FORWARDED_FOR_HOPS = int(os.environ.get("FORWARDED_FOR_HOPS", "0") or 0)
    HSTS_SECONDS = 0  # off: development serves plain HTTP

    # Single sign-on with OpenID Connect (auth/sso.py); off while OIDC_ISSUER is unset.
    OIDC_ISSUER = os.environ.get("OIDC_ISSUER", "")
    OIDC_CLIENT_ID = os.environ.get("OIDC_CLIENT_ID", "")
    OIDC_CLIENT_SECRET = os.environ.get("OIDC_CLIENT_SECRET", "")
    OIDC_SCOPES = os.environ.get("OIDC_SCOPES", "openid profile email")
    OIDC_GROUPS_CLAIM = os.environ.get("OIDC_GROUPS_CLAIM", "groups")
    # "group=role,group=role": which group in the claim gives which role.
    OIDC_ROLE_GROUPS = os.environ.get("OIDC_ROLE_GROUPS", "")
    # "group=Team name,...": which group puts the user in which team.
    OIDC_TEAM_GROUPS = os.environ.get("OIDC_TEAM_GROUPS", "")
    # Off: only SSO signs in, except the break-glass accounts listed in LOCAL_LOGIN_USERS.
    LOCAL_LOGIN = _env_flag("LOCAL_LOGIN", default=True)
    LOCAL_LOGIN_USERS = os.environ.get("LOCAL_LOGIN_USERS", "")
    MAX_CONTENT_LENGTH = 32 * 1024 * 1024


class DevelopmentConfig(Config):
    DEBUG = False  # `make run` serves without the debugger; set FLASK_DEBUG=1 to get it


class TestConfig(Config):
    TESTING = True
    SECRET_KEY = secrets.token_hex(32)  # per test process: never a key anyone can read
    SQLALCHEMY_DATABASE_URI = os.environ.get("TEST_DATABASE_URL", "sqlite://")
    WTF_CSRF_ENABLED = False
    DEMO_PASSWORD = "academie"
    JOBS_IMMEDIATE = True  # tasks run in the caller; tests that need a worker start one


class ProductionConfig(Config):
    SESSION_COOKIE_SECURE = _env_flag("SESSION_COOKIE_SECURE", default=True)
    REMEMBER_COOKIE_SECURE = SESSION_COOKIE_SECURE
    HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", "31536000") or 0)


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


def instance_secret_key(instance_dir: Path) -> str:
    """The key in `instance_dir/secret_key`, generated on first use (mode 0600).

    Two workers starting at once race safely: each writes its own temporary file and
    links it into place; the loser reads the winner's key. Raises InsecureConfigError when
    no key can be read or written, so the app never runs on a guessable key.
    """
    path = Path(instance_dir) / SECRET_KEY_FILE
    try:
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f".{SECRET_KEY_FILE}.{os.getpid()}.{secrets.token_hex(4)}")
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "w") as handle:
                handle.write(secrets.token_hex(32))
            try:
                os.link(temporary, path)
                log.info("Generated a new secret key in %s (readable by its owner only)", path)
            except FileExistsError:
                pass
            finally:
                temporary.unlink()
        if path.stat().st_mode & 0o077:
            path.chmod(0o600)
        key = path.read_text().strip()
    except OSError as error:
        raise InsecureConfigError(
            f"SECRET_KEY is not set and {path} cannot be used ({error.strerror}); "
            "set SECRET_KEY or make the instance folder writable."
        ) from error
    if len(key) < 32 or key == DEVELOPMENT_SECRET_KEY:
        raise InsecureConfigError(f"{path} holds no usable key; delete it to generate one.")
    return key
