"""Server-side sessions on top of Flask-Login's alternative ids.

Why this building block: the session stays a signed cookie (no session store to run, any
node serves any request), but what it carries is `<user id>:<random token>`, and the token
names a row in `user_sessions` (only its SHA-256 is stored). Flask-Login calls our loader
with it on every request, and the loader refuses a revoked or expired row. So logout ends
*that* session, "overal uitloggen" or a password change ends all (or all others) — and a
copied cookie dies with its row. A per-user epoch could only end all sessions at once;
Flask-Session on the database would be a second store for the same thing.

The remember cookie is Flask-Login's, signed, and holds the same id: it is random per login,
stored hashed, rotated each time it restores a session (the old row is revoked), and ends
REMEMBER_DAYS (at most 30) after the sign-in with a password, however often it rotates. A
rotated cookie keeps working for ROTATION_GRACE: a browser that reopens several tabs at once
sends the old cookie with each of them, and only the first can carry the new one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from flask import current_app, g, has_request_context, request, session
from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import joinedload

from academy.database import rows_changed
from academy.extensions import db
from academy.models import User, UserSession

ROTATION_GRACE = dt.timedelta(seconds=30)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def start_session(
    user: User, *, remember: bool, expires_at: dt.datetime | None = None
) -> UserSession:
    """Add a session row for `user` (the caller commits) and give the user its id, so
    Flask-Login's login_user stores it. A new random token every time: no fixation."""
    now = utcnow()
    if expires_at is None:
        config = current_app.config
        lifetime = (
            dt.timedelta(days=min(config["REMEMBER_DAYS"], 30))
            if remember
            else dt.timedelta(hours=config["SESSION_LIFETIME_HOURS"])
        )
        expires_at = now + lifetime
    # Ended sessions are kept a day (for the record of the moment), then pruned here.
    db.session.execute(
        delete(UserSession).where(
            UserSession.user_id == user.id,
            or_(
                UserSession.expires_at < now - dt.timedelta(days=1),
                UserSession.revoked_at < now - dt.timedelta(days=1),
            ),
        ),
        execution_options={"synchronize_session": False},  # none of them is loaded
    )
    token = secrets.token_urlsafe(32)
    row = UserSession(
        user_id=user.id,
        token_hash=_hash(token),
        remember=remember,
        created_at=now,
        expires_at=expires_at,
        ip_address=(request.remote_addr or "")[:45] if has_request_context() else "",
        user_agent=(request.user_agent.string or "")[:200] if has_request_context() else "",
    )
    db.session.add(row)
    user.session_key = f"{user.id}:{token}"
    if has_request_context():
        g.user_session = row
    return row


def load_session_user(session_key: str) -> User | None:
    """Flask-Login's loader: the active user of a live session row, else None."""
    user_id, _sep, token = str(session_key).partition(":")
    if not token or not user_id.isdigit() or len(token) > 100:
        return None  # also every cookie from before server-side sessions
    row = db.session.scalar(
        select(UserSession)
        .options(joinedload(UserSession.user))
        .where(UserSession.token_hash == _hash(token))
    )
    if row is None or str(row.user_id) != user_id or not is_live(row):
        return None
    if not row.user.active:
        return None
    row.user.session_key = session_key
    g.user_session = row
    return row.user


def is_live(row: UserSession, now: dt.datetime | None = None) -> bool:
    """Not revoked (or revoked for a moment from now: a rotated cookie's grace), not expired."""
    now = now or utcnow()
    revoked = row.revoked_at is not None and _aware(row.revoked_at) <= now
    return not revoked and _aware(row.expires_at) > now


def current_session() -> UserSession | None:
    return g.get("user_session")


def end_session(row: UserSession | None) -> None:
    """Revoke one session (logout); the caller commits."""
    now = utcnow()
    if row is not None and (row.revoked_at is None or _aware(row.revoked_at) > now):
        row.revoked_at = now


def end_sessions(user: User, *, keep: UserSession | None = None) -> int:
    """Revoke every live session of `user` but `keep`; returns how many (caller commits)."""
    now = utcnow()
    query = update(UserSession).where(
        UserSession.user_id == user.id,
        or_(UserSession.revoked_at.is_(None), UserSession.revoked_at > now),
    )
    if keep is not None and keep.id is not None:
        query = query.where(UserSession.id != keep.id)
    result = db.session.execute(
        query.values(revoked_at=now), execution_options={"synchronize_session": "fetch"}
    )
    return rows_changed(result)


def on_remember_cookie(_app: object, user: User) -> None:
    """Flask-Login's user_loaded_from_cookie receiver (one function: connecting it again,
    for another app in the same process, does not add a second receiver)."""
    rotate_remembered(user)


def rotate_remembered(user: User) -> None:
    """A remember cookie just restored a session: replace its row with a new token, keep
    the original end, and let Flask-Login set the new cookie with the remaining time."""
    old = current_session()
    if old is None or old.revoked_at is not None:
        return  # already rotated: a parallel request within the grace period
    from flask_login import login_user

    new = start_session(user, remember=True, expires_at=_aware(old.expires_at))
    old.revoked_at = utcnow() + ROTATION_GRACE
    db.session.commit()
    # login_user stores the new id, sets the new remember cookie (for the time that is
    # left) and the session identifier that "strong" session protection checks on the
    # next request; without it that request would sign the user out again.
    remaining = max(_aware(new.expires_at) - utcnow(), dt.timedelta(seconds=1))
    login_user(user, remember=True, duration=remaining)
    session["_fresh"] = False  # restored from a cookie, not a password
    g.user_session = new


def sign_in(user: User, *, remember: bool) -> None:
    """Start a fresh session for `user`: the old session (and its CSRF token) is dropped,
    a new session row and id are made, and Flask-Login stores that id."""
    from flask_login import login_user

    language = session.get("taal")
    session.clear()  # a new CSRF token, nothing carried over from before the sign-in
    if language:
        session["taal"] = language
    start_session(user, remember=remember)
    db.session.commit()
    login_user(
        user,
        remember=remember,
        duration=dt.timedelta(days=min(current_app.config["REMEMBER_DAYS"], 30)),
    )


def sign_out() -> None:
    """End this request's session on the server and clear the cookie."""
    from flask_login import logout_user

    end_session(current_session())
    db.session.commit()
    language = session.get("taal")
    logout_user()
    session.clear()
    if language:
        session["taal"] = language
