"""Data Academie: the application factory."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask, current_app, g, has_request_context, session
from flask_login import current_user

from academy.config import (
    CONFIGS,
    DEVELOPMENT_SECRET_KEY,
    PROJECT_ROOT,
    InsecureConfigError,
    check_production_config,
    instance_secret_key,
)
from academy.extensions import babel, csrf, db, login_manager, migrate


def create_app(config: str | Mapping[str, Any] | None = None) -> Flask:
    """Build the app. `config` is a config name ("development", "test", "production")
    or a mapping of overrides on top of the test config (what the tests pass)."""
    app = Flask(
        __name__,
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
        instance_path=str(PROJECT_ROOT / "instance"),
    )
    load_config(app, config)
    register_extensions(app)
    register_blueprints(app)
    register_error_handlers(app)
    register_commands(app)
    register_template_helpers(app)
    register_security_headers(app)
    return app


def load_config(app: Flask, config: str | Mapping[str, Any] | None) -> None:
    if isinstance(config, Mapping):
        app.config.from_object(CONFIGS["test"])
        app.config.update(config)
    else:
        name = config or os.environ.get("ACADEMY_ENV", "development")
        app.config.from_object(CONFIGS[name])
        if not app.config.get("SECRET_KEY"):
            app.config["SECRET_KEY"] = instance_secret_key(app.config["INSTANCE_DIR"])
        if app.config["SECRET_KEY"] == DEVELOPMENT_SECRET_KEY:
            raise InsecureConfigError("SECRET_KEY is the old public development key; change it.")
        if name == "production":
            check_production_config(app.config)
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        # A file-backed SQLite needs its folder; waiting beats "database is locked".
        app.config["SQLALCHEMY_ENGINE_OPTIONS"] = {
            **app.config["SQLALCHEMY_ENGINE_OPTIONS"],
            "connect_args": {"timeout": 30},
        }
    os.makedirs(app.config["INSTANCE_DIR"], exist_ok=True)
    # Files of the instance that follow INSTANCE_DIR unless set on their own.
    instance = Path(app.config["INSTANCE_DIR"])
    app.config["JOBS_URL"] = app.config["JOBS_URL"] or f"sqlite:///{instance / 'jobs.sqlite3'}"
    app.config["IMPORT_STAGING_DIR"] = app.config["IMPORT_STAGING_DIR"] or str(instance / "imports")
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )


def register_extensions(app: Flask) -> None:
    from academy import database  # noqa: F401  (SQLite pragmas on every connection)

    db.init_app(app)
    migrate.init_app(
        app, db, directory=str(PROJECT_ROOT / "migrations"), render_as_batch=True, compare_type=True
    )
    csrf.init_app(app)
    login_manager.init_app(app)
    babel.init_app(app, locale_selector=select_locale)

    from academy import models  # noqa: F401  (metadata must be complete)
    from academy.documents import feed  # noqa: F401  (records every document write)
    from academy.jobs import queue

    queue.init_app(app)
    from academy.auth.services import load_user

    login_manager.user_loader(load_user)
    login_manager.login_view = "auth.login"
    login_manager.login_message = None
    login_manager.session_protection = "strong"

    from flask_login import user_loaded_from_cookie

    from academy.auth.sessions import on_remember_cookie
    from academy.auth.sso import init_sso

    user_loaded_from_cookie.connect(on_remember_cookie)
    init_sso(app)


def register_blueprints(app: Flask) -> None:
    from academy.security import IdConverter

    app.url_map.converters["int"] = IdConverter  # before any rule is added

    from academy.admin import bp as admin_bp
    from academy.api import bp as api_bp
    from academy.assignments import bp as assignments_bp
    from academy.audit import bp as audit_bp
    from academy.auth import bp as auth_bp
    from academy.documents import bp as documents_bp
    from academy.findability import bp as findability_bp
    from academy.gaps import bp as gaps_bp
    from academy.main import bp as main_bp
    from academy.maturity import bp as maturity_bp
    from academy.notifications.routes import bp as notifications_bp
    from academy.practice import bp as practice_bp
    from academy.training import bp as training_bp

    app.register_blueprint(auth_bp)
    app.register_blueprint(main_bp)
    app.register_blueprint(maturity_bp)
    app.register_blueprint(gaps_bp)
    app.register_blueprint(findability_bp)
    app.register_blueprint(practice_bp)
    app.register_blueprint(training_bp)
    app.register_blueprint(assignments_bp)
    app.register_blueprint(admin_bp)
    app.register_blueprint(documents_bp)
    app.register_blueprint(api_bp)
    app.register_blueprint(audit_bp)
    app.register_blueprint(notifications_bp)


def register_error_handlers(app: Flask) -> None:
    from academy.errors import register_error_handlers as register

    register(app)


def register_commands(app: Flask) -> None:
    from academy.cli import register

    register(app)


def register_template_helpers(app: Flask) -> None:
    from flask_babel import format_datetime

    from academy.auth.roles import ROLE_LABELS
    from academy.models import Role

    app.add_template_filter(format_datetime, "datetime")

    @app.context_processor
    def inject_globals() -> dict[str, Any]:
        return {
            "Role": Role,
            "role_labels": ROLE_LABELS,
            "current_locale": select_locale(),
            "open_assignments": _open_assignments,
        }


def register_security_headers(app: Flask) -> None:
    from academy.security import apply_security_headers, percent_encode_query_string

    app.after_request(apply_security_headers)
    # Flask's documented way to wrap the WSGI app; the checker sees a method replaced.
    app.wsgi_app = percent_encode_query_string(app.wsgi_app)  # type: ignore[assignment]
    hops = app.config.get("FORWARDED_FOR_HOPS", 0)
    if hops:  # the client address for throttling and the audit trail, behind the proxy
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)  # type: ignore[method-assign]


def _open_assignments() -> int:
    """The navigation badge: the signed-in user's open assigned work (computed on use)."""
    from academy.assignments.services import open_count

    if not current_user.is_authenticated:
        return 0
    if "open_assignments" not in g:
        g.open_assignments = open_count(current_user)
    return g.open_assignments


def select_locale() -> str:
    """The user's saved language, else the session's, else Dutch."""
    if not has_request_context():  # CLI commands and background work speak Dutch
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    if "locale" in g:
        return g.locale
    languages = current_app.config["LANGUAGES"]
    locale = session.get("taal")
    if current_user and current_user.is_authenticated and current_user.locale in languages:
        locale = current_user.locale
    g.locale = locale if locale in languages else "nl"
    return g.locale
