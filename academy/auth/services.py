"""Authentication rules: password hashing, throttled sign-in, password changes."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import secrets
from dataclasses import dataclass
from enum import Enum

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import ColumnElement, select, update
from werkzeug.security import check_password_hash, generate_password_hash

from academy.audit.services import AuditAction, client_address, record_event
from academy.auth import throttle
from academy.auth.sessions import current_session, end_sessions
from academy.database import retry_on_conflict, rows_changed
from academy.errors import DomainError
from academy.extensions import db
from academy.models import ApiToken, User
from academy.security import MAX_ID

log = logging.getLogger(__name__)

# Checked when no real hash may be checked (unknown user, throttled, SSO-only account), at
# the same cost as a real one, so every failure takes about as long as every other.
_DUMMY_HASH = generate_password_hash("not-a-real-password", method="scrypt")

MIN_PASSWORD_LENGTH = 8


class LoginOutcome(Enum):
    OK = "ok"
    INVALID = "invalid"  # wrong username or password: never say which
    THROTTLED = "throttled"  # too many failures: wait (the user sees the INVALID message)
    INACTIVE = "inactive"
    LOCAL_DISABLED = "local_disabled"  # this account signs in with SSO only


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


def local_login_allowed(user: User) -> bool:
    """Whether `user` may sign in with a password (LOCAL_LOGIN off: break-glass only)."""
    config = current_app.config
    if config["LOCAL_LOGIN"]:
        return True
    allowed = {name.strip().lower() for name in config["LOCAL_LOGIN_USERS"].split(",")}
    return user.username in allowed


@retry_on_conflict
def authenticate(username: str, password: str, *, device_key: str | None = None) -> LoginResult:
    """Check credentials under throttling; records the attempt and commits.

    Every path checks exactly one scrypt hash of the same cost and writes the same
    counters, so neither the answer nor its timing tells an unknown account, a wrong
    password, a throttled or a deactivated account apart.
    """
    now = utcnow()
    # A browser that signed in to this account before counts under its own key only, so
    # neither a stranger guessing this account nor one failing from the same (office, NAT)
    # address slows the owner down; any other browser counts per address and per account.
    if device_key:
        keys = [device_key]
    else:
        keys = [throttle.address_key(client_address()), throttle.account_key(username)]
    waiting = throttle.waiting(keys, now)
    user = find_user(username)
    usable = user is not None and not waiting and local_login_allowed(user)
    stored_hash = user.password_hash if user is not None and usable else _DUMMY_HASH
    matched = check_password_hash(stored_hash, password)
    if user is not None and usable and matched and user.active:
        throttle.clear(keys[-1:])  # the account's (or device's) count; not the address's
        record_event(AuditAction.LOGIN, actor=user, details={"methode": "wachtwoord"})
        db.session.commit()
        return LoginResult(LoginOutcome.OK, user)
    if user is None:
        outcome = LoginOutcome.INVALID
    elif waiting:
        outcome = LoginOutcome.THROTTLED
    elif not local_login_allowed(user):
        outcome = LoginOutcome.LOCAL_DISABLED
    elif matched:
        outcome = LoginOutcome.INACTIVE
    else:
        outcome = LoginOutcome.INVALID
    for key in keys:
        throttle.count_failure(key, now)
    # The username only when it names an account: a mistyped one may be a password.
    record_event(
        AuditAction.LOGIN_FAILED,
        actor=None,
        actor_name=user.username if user is not None else "",
        target=user,
        details={"reden": outcome.value},
    )
    db.session.commit()
    if outcome is LoginOutcome.THROTTLED:
        log.warning("Sign-in refused while throttled (user %s)", user.id if user else "-")
    return LoginResult(outcome, user if outcome is not LoginOutcome.INVALID else None)


@retry_on_conflict
def verify_current_password(user: User, password: str) -> bool:
    """Check a signed-in user's password again (for /wachtwoord), throttled like sign-in."""
    now = utcnow()
    # Per account only: whoever asks is signed in already, and an office address that
    # strangers fail from must not stop colleagues from changing their password.
    keys = [f"reauth:{user.id}"]
    waiting = throttle.waiting(keys, now)
    matched = check_password_hash(_DUMMY_HASH if waiting else user.password_hash, password)
    if matched and not waiting:
        throttle.clear(keys)
        return True
    for key in keys:
        throttle.count_failure(key, now)
    record_event(AuditAction.PASSWORD_CHECK_FAILED, actor=user, details={"wachten": waiting})
    db.session.commit()
    return False


def change_password(user: User, current: str, new: str, *, keep_tokens: bool = False) -> bool:
    """Set a new password when `current` is right; returns whether it changed.

    Ends every other session of the user and, unless `keep_tokens`, revokes their API
    tokens: whoever knew the old password may have used it to make them.
    """
    if not verify_current_password(user, current):
        return False
    user.password_hash = hash_password(new)
    ended = end_sessions(user, keep=current_session())
    revoked = 0 if keep_tokens else revoke_all_api_tokens(user)
    record_event(
        AuditAction.PASSWORD_CHANGED,
        target=user,
        details={"sessies_beeindigd": ended, "tokens_ingetrokken": revoked},
    )
    db.session.commit()
    return True


def logout_everywhere(user: User) -> int:
    """End every session and remember cookie of `user`, this one included."""
    ended = end_sessions(user)
    record_event(AuditAction.LOGOUT_EVERYWHERE, actor=user, details={"sessies": ended})
    db.session.commit()
    return ended


def load_user(session_key: str) -> User | None:
    """Flask-Login's loader (see auth/sessions.py): a deactivated account or an ended
    session is signed out on its next request."""
    from academy.auth.sessions import load_session_user

    return load_session_user(session_key)


# --- personal API tokens ----------------------------------------------------------------------

API_TOKEN_PREFIX = "da_"  # makes a leaked token recognisable (secret scanners, logs)
MAX_ACTIVE_TOKENS = 20
# Writing last_used_at on every call would turn each API read into a write; once a minute
# is precise enough to tell a token that is in use from one that can go.
LAST_USED_RESOLUTION = dt.timedelta(minutes=1)


def hash_api_token(token: str) -> str:
    """SHA-256 hex: a token carries 256 random bits, so a fast hash cannot be brute-forced."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _live_token_filter(now: dt.datetime) -> tuple[ColumnElement[bool], ColumnElement[bool]]:
    return (ApiToken.revoked_at.is_(None), ApiToken.expires_at > now)


def list_api_tokens(user: User) -> list[ApiToken]:
    """The user's tokens that still work (not revoked, not expired), newest first."""
    return list(
        db.session.scalars(
            select(ApiToken)
            .where(ApiToken.user_id == user.id, *_live_token_filter(utcnow()))
            .order_by(ApiToken.created_at.desc(), ApiToken.id.desc())
        )
    )


@retry_on_conflict
def create_api_token(
    user: User, name: str, *, expires_in_days: int = 90, read_only: bool = False
) -> tuple[ApiToken, str]:
    """Make a token for `user`; returns the row and the token itself, which is not stored."""
    maximum = current_app.config["API_TOKEN_MAX_DAYS"]
    if not 1 <= expires_in_days <= maximum:
        raise DomainError(_("Een token is hoogstens %(n)s dagen geldig.", n=maximum))
    if len(list_api_tokens(user)) >= MAX_ACTIVE_TOKENS:
        raise DomainError(
            _(
                "Je hebt al %(n)s actieve tokens. Trek er eerst een in.",
                n=MAX_ACTIVE_TOKENS,
            )
        )
    token = API_TOKEN_PREFIX + secrets.token_urlsafe(32)
    now = utcnow()
    row = ApiToken(
        user_id=user.id,
        name=name.strip(),
        token_hash=hash_api_token(token),
        prefix=token[:12],
        created_at=now,
        expires_at=now + dt.timedelta(days=expires_in_days),
        read_only=read_only,
    )
    db.session.add(row)
    db.session.flush()
    record_event(
        AuditAction.TOKEN_CREATED,
        actor=user,
        target=row,
        details={"begin": row.prefix, "dagen": expires_in_days, "alleen_lezen": read_only},
    )
    db.session.commit()
    log.info("API token %s created for user %s", row.prefix, user.id)
    return row, token


def revoke_api_token(user: User, token_id: int) -> bool:
    """Revoke one of the user's own tokens; returns whether there was one to revoke."""
    if not 0 < token_id <= MAX_ID:  # beyond an Integer key (PostgreSQL int4) nothing exists
        return False
    row = db.session.scalar(
        select(ApiToken).where(
            ApiToken.id == token_id, ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None)
        )
    )
    if row is None:
        return False
    row.revoked_at = utcnow()
    record_event(AuditAction.TOKEN_REVOKED, actor=user, target=row, details={"begin": row.prefix})
    db.session.commit()
    log.info("API token %s revoked by user %s", row.prefix, user.id)
    return True


def revoke_all_api_tokens(user: User) -> int:
    """Revoke every live token of `user` (the caller commits); returns how many."""
    result = db.session.execute(
        update(ApiToken)
        .where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )
    count = rows_changed(result)
    if count:
        record_event(AuditAction.TOKEN_REVOKED, target=user, details={"aantal": count})
    return count


def token_for_api_request(token: str) -> ApiToken | None:
    """The live token row (of an active user) for `token`, or None for an unknown,
    revoked or expired token.

    Notes when the token was last used (at most once per LAST_USED_RESOLUTION).
    """
    if not token.startswith(API_TOKEN_PREFIX) or len(token) > 200:
        return None
    row = db.session.scalar(select(ApiToken).where(ApiToken.token_hash == hash_api_token(token)))
    now = utcnow()
    if row is None or row.revoked_at is not None or not row.user.active:
        return None
    expires_at = _as_aware(row.expires_at)
    if expires_at is not None and expires_at <= now:
        return None
    last_used = _as_aware(row.last_used_at)
    if last_used is None or now - last_used >= LAST_USED_RESOLUTION:
        row.last_used_at = now
        db.session.commit()
    return row


@retry_on_conflict
def record_failed_sso(reason: str, username: str | None = None) -> None:
    """Put a failed single sign-on in the audit trail as its own unit of work.

    Whatever the failed round trip left in the session (a half-made account) is dropped first.
    """
    db.session.rollback()
    record_event(
        AuditAction.LOGIN_SSO_FAILED, actor=None, actor_name=username, details={"fout": reason}
    )
    db.session.commit()
