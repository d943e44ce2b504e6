"""Authentication rules: password hashing, lockout after repeated failures."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import secrets
from dataclasses import dataclass
from enum import Enum

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import select
from werkzeug.security import check_password_hash, generate_password_hash

from academy.errors import DomainError
from academy.extensions import db
from academy.models import ApiToken, User

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


# --- personal API tokens ----------------------------------------------------------------------

API_TOKEN_PREFIX = "da_"  # makes a leaked token recognisable (secret scanners, logs)
MAX_ACTIVE_TOKENS = 20
# Writing last_used_at on every call would turn each API read into a write; once a minute
# is precise enough to tell a token that is in use from one that can go.
LAST_USED_RESOLUTION = dt.timedelta(minutes=1)


def hash_api_token(token: str) -> str:
    """SHA-256 hex: a token carries 256 random bits, so a fast hash cannot be brute-forced."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def list_api_tokens(user: User) -> list[ApiToken]:
    """The user's tokens that still work, newest first."""
    return list(
        db.session.scalars(
            select(ApiToken)
            .where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))
            .order_by(ApiToken.created_at.desc(), ApiToken.id.desc())
        )
    )


def create_api_token(user: User, name: str) -> tuple[ApiToken, str]:
    """Make a token for `user`; returns the row and the token itself, which is not stored."""
    if len(list_api_tokens(user)) >= MAX_ACTIVE_TOKENS:
        raise DomainError(
            _(
                "Je hebt al %(n)s actieve tokens. Trek er eerst een in.",
                n=MAX_ACTIVE_TOKENS,
            )
        )
    token = API_TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = ApiToken(
        user_id=user.id,
        name=name.strip(),
        token_hash=hash_api_token(token),
        prefix=token[:12],
        created_at=utcnow(),
    )
    db.session.add(row)
    db.session.commit()
    log.info("API token %s created for user %s", row.prefix, user.id)
    return row, token


def revoke_api_token(user: User, token_id: int) -> bool:
    """Revoke one of the user's own tokens; returns whether there was one to revoke."""
    if not 0 < token_id < 2**31:  # beyond an Integer key (PostgreSQL int4) nothing exists
        return False
    row = db.session.scalar(
        select(ApiToken).where(
            ApiToken.id == token_id, ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None)
        )
    )
    if row is None:
        return False
    row.revoked_at = utcnow()
    db.session.commit()
    log.info("API token %s revoked by user %s", row.prefix, user.id)
    return True


def user_for_api_token(token: str) -> User | None:
    """The active user a token belongs to, or None for an unknown or revoked token.

    Notes when the token was last used (at most once per LAST_USED_RESOLUTION).
    """
    if not token.startswith(API_TOKEN_PREFIX) or len(token) > 200:
        return None
    row = db.session.scalar(select(ApiToken).where(ApiToken.token_hash == hash_api_token(token)))
    if row is None or row.revoked_at is not None or not row.user.active:
        return None
    now = utcnow()
    last_used = _as_aware(row.last_used_at)
    if last_used is None or now - last_used >= LAST_USED_RESOLUTION:
        row.last_used_at = now
        db.session.commit()
    return row.user
