"""Authentication rules: password hashing, lockout after repeated failures."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from enum import Enum

from flask import current_app
from sqlalchemy import select
from werkzeug.security import check_password_hash, generate_password_hash

from academy.extensions import db
from academy.models import User

log = logging.getLogger(__name__)

# Compared against when the username is unknown, so a miss costs as long as a hit.
_DUMMY_HASH = generate_password_hash("not-a-real-password")

MIN_PASSWORD_LENGTH = 8


class LoginOutcome(Enum):
    OK = "ok"
    INVALID = "invalid"  # wrong username or password: never say which
    LOCKED = "locked"
    INACTIVE = "inactive"


@dataclass(frozen=True)
class LoginResult:
    outcome: LoginOutcome
    user: User | None = None


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def hash_password(password: str) -> str:
    """Hash with scrypt (Werkzeug's default)."""
    return generate_password_hash(password, method="scrypt")


def find_user(username: str) -> User | None:
    return db.session.scalar(select(User).where(User.username == username.strip().lower()))


def _as_aware(moment: dt.datetime | None) -> dt.datetime | None:
    # SQLite hands timezone-aware columns back naive; they were stored as UTC.
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment


def is_locked(user: User, now: dt.datetime | None = None) -> bool:
    locked_until = _as_aware(user.locked_until)
    return locked_until is not None and locked_until > (now or utcnow())


def authenticate(username: str, password: str) -> LoginResult:
    """Check credentials and record the attempt; commits the failure counter."""
    user = find_user(username)
    if user is None:
        check_password_hash(_DUMMY_HASH, password)
        return LoginResult(LoginOutcome.INVALID)
    now = utcnow()
    if is_locked(user, now):
        return LoginResult(LoginOutcome.LOCKED)
    if not check_password_hash(user.password_hash, password):
        _record_failure(user, now)
        db.session.commit()
        return LoginResult(LoginOutcome.LOCKED if is_locked(user, now) else LoginOutcome.INVALID)
    if not user.active:
        return LoginResult(LoginOutcome.INACTIVE)
    user.failed_logins = 0
    user.locked_until = None
    db.session.commit()
    return LoginResult(LoginOutcome.OK, user)


def _record_failure(user: User, now: dt.datetime) -> None:
    user.failed_logins = (user.failed_logins or 0) + 1
    if user.failed_logins >= current_app.config["LOGIN_MAX_FAILURES"]:
        minutes = current_app.config["LOGIN_LOCK_MINUTES"]
        user.locked_until = now + dt.timedelta(minutes=minutes)
        user.failed_logins = 0
        log.warning("Account %s locked for %s minutes after failed logins", user.id, minutes)


def change_password(user: User, current: str, new: str) -> bool:
    """Set a new password when `current` is right; returns whether it changed."""
    if not check_password_hash(user.password_hash, current):
        return False
    user.password_hash = hash_password(new)
    db.session.commit()
    return True


def load_user(user_id: str) -> User | None:
    """Flask-Login's loader: a deactivated account is signed out on its next request."""
    try:
        user = db.session.get(User, int(user_id))
    except (TypeError, ValueError):
        return None
    return user if user is not None and user.active else None
