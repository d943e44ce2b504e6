"""Sign-in throttling: growing delays per client address and per account, no lockout.

Every failed password check counts against the client address and the account; a browser
that signed in to that account before (a "device cookie", after OWASP's guidance) counts
under its own key only. Up to a number of failures cost nothing; after that every failure
doubles the wait before the next attempt counts, up to a maximum, and a quiet window resets
the count. While a key waits, a password is not checked at all (the answer is the usual one).

Why not Flask-Limiter: its storages are per process memory or Redis and friends, none on
SQL; the counters here live in the database, so they hold across workers and nodes, and an
INSERT ... ON CONFLICT DO UPDATE ... RETURNING makes each count one atomic statement on
SQLite and PostgreSQL alike.

Why no lockout: a lock that strangers can trigger is a way to keep the admin out. The
account key only slows down browsers that never signed in to the account; the user's own
browser carries the device cookie and counts under its own key.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable

from flask import current_app, request
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import case, delete, select
from sqlalchemy.dialects import postgresql, sqlite
from werkzeug.wrappers import Response

from academy.extensions import db
from academy.models import LoginThrottle

DEVICE_COOKIE = "da_apparaat"
DEVICE_COOKIE_DAYS = 365


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def address_key(address: str) -> str:
    return f"address:{address[:150]}"


def account_key(username: str) -> str:
    return f"account:{username.strip().lower()[:150]}"


def _free_failures(key: str) -> int:
    config = current_app.config
    if key.startswith("address:"):
        return config["LOGIN_FREE_FAILURES_ADDRESS"]
    return config["LOGIN_FREE_FAILURES_ACCOUNT"]


def delay_after(key: str, failures: int) -> dt.timedelta:
    """The wait after `failures` failures: none, then 1 s, 2 s, 4 s ... up to the maximum."""
    extra = failures - _free_failures(key)
    if extra < 0:
        return dt.timedelta(0)
    maximum = current_app.config["LOGIN_MAX_DELAY_SECONDS"]
    return dt.timedelta(seconds=min(2 ** min(extra, 30), maximum))


def _window() -> dt.timedelta:
    return dt.timedelta(minutes=current_app.config["LOGIN_THROTTLE_WINDOW_MINUTES"])


def waiting(keys: Iterable[str], now: dt.datetime | None = None) -> bool:
    """Whether any of `keys` must still wait before its next attempt counts."""
    now = now or utcnow()
    keys = list(keys)
    rows = db.session.scalars(select(LoginThrottle).where(LoginThrottle.key.in_(keys)))
    for row in rows:
        last = _aware(row.last_failure_at)
        if now - last > _window():
            continue
        if now < last + delay_after(row.key, row.failures):
            return True
    return False


def count_failure(key: str, now: dt.datetime | None = None) -> int:
    """Add one failure to `key` in one atomic statement; returns the new count."""
    now = now or utcnow()
    dialect = db.session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    row = insert(LoginThrottle).values(key=key, failures=1, last_failure_at=now)
    upsert = row.on_conflict_do_update(
        index_elements=[LoginThrottle.key],
        set_={
            # A quiet window forgets the earlier failures.
            "failures": case(
                (LoginThrottle.last_failure_at < now - _window(), 1),
                else_=LoginThrottle.failures + 1,
            ),
            "last_failure_at": now,
        },
    ).returning(LoginThrottle.failures)
    return db.session.execute(upsert).scalar_one()


def clear(keys: Iterable[str]) -> None:
    """Forget the failures of `keys` (after a right password for that account), and every
    count that a quiet window has made meaningless anyway, so the table stays small."""
    db.session.execute(delete(LoginThrottle).where(LoginThrottle.key.in_(list(keys))))
    stale = utcnow() - _window()
    db.session.execute(
        delete(LoginThrottle).where(LoginThrottle.last_failure_at < stale),
        execution_options={"synchronize_session": False},
    )


# --- device cookies ---------------------------------------------------------------------------


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="academy-device-cookie")


def device_key(username: str) -> str | None:
    """The throttle key of this browser for `username`, when it signed in to it before."""
    cookie = request.cookies.get(DEVICE_COOKIE, "")
    if not cookie or len(cookie) > 500:
        return None
    try:
        value = _serializer().loads(cookie, max_age=DEVICE_COOKIE_DAYS * 86400)
    except BadSignature:
        return None
    if not isinstance(value, dict) or value.get("u") != username.strip().lower():
        return None
    return f"device:{str(value.get('n', ''))[:64]}"


def new_device_cookie(username: str) -> str:
    """A signed value naming the account and a random nonce for this browser."""
    return _serializer().dumps({"u": username.strip().lower(), "n": secrets.token_urlsafe(16)})


def set_device_cookie(response: Response, username: str) -> None:
    response.set_cookie(
        DEVICE_COOKIE,
        new_device_cookie(username),
        max_age=DEVICE_COOKIE_DAYS * 86400,
        path="/login",
        secure=current_app.config["SESSION_COOKIE_SECURE"],
        httponly=True,
        samesite="Lax",
    )
