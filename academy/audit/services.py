"""Recording and reading the audit trail.

Other blueprints call `record_event` inside their own unit of work: the event is added to
the session and committed with the change it describes, or rolled back with it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from flask import has_request_context, request
from flask_login import current_user
from sqlalchemy import Select, func, select

from academy.database import retry_on_conflict
from academy.extensions import db
from academy.models import AuditEvent, User


class AuditAction(StrEnum):
    """What can be recorded. The values are stored; labels live in audit/labels.py."""

    LOGIN = "auth.login"
    LOGIN_FAILED = "auth.login_failed"
    LOGIN_SSO = "auth.login_sso"
    LOGIN_SSO_FAILED = "auth.login_sso_failed"
    LOGOUT = "auth.logout"
    LOGOUT_EVERYWHERE = "auth.logout_everywhere"
    PASSWORD_CHANGED = "auth.password_changed"
    PASSWORD_CHECK_FAILED = "auth.password_check_failed"
    TOKEN_CREATED = "auth.token_created"
    TOKEN_REVOKED = "auth.token_revoked"
    USER_CREATED = "user.created"
    USER_ROLES_CHANGED = "user.roles_changed"
    USER_TEAM_CHANGED = "user.team_changed"
    USER_DEACTIVATED = "user.deactivated"
    USER_ACTIVATED = "user.activated"
    USER_PASSWORD_RESET = "user.password_reset"
    ASSESSMENT_RECORDED = "maturity.assessment_recorded"
    TARGET_SET = "maturity.target_set"
    DOCUMENTS_IMPORTED = "documents.imported"
    DOCUMENT_DELETED = "documents.deleted"
    PERSONAL_DATA_EXPORTED = "export.personal_data"
    AUDIT_EXPORTED = "audit.exported"
    MODULE_EXPORTED = "training.module_exported"
    MODULE_IMPORTED = "training.module_imported"


# Detail keys whose values are never stored, whatever a caller passes.
SECRET_KEY_RE = re.compile(r"pass|wachtwoord|secret|geheim|token|hash|cookie|key", re.I)
MAX_DETAIL_LENGTH = 200

_CURRENT = object()  # "the signed-in user of this request"


def record_event(
    action: AuditAction,
    *,
    actor: User | None | object = _CURRENT,
    actor_name: str | None = None,
    target: object | None = None,
    target_type: str = "",
    target_id: str | int = "",
    target_label: str = "",
    details: Mapping[str, object] | None = None,
) -> AuditEvent:
    """Add one event to the current unit of work (the caller commits).

    `target` may be any model with an `id`: its table name, id and a readable label are
    taken from it. Detail keys that look like secrets are dropped, long values cut.
    """
    if actor is _CURRENT:
        actor = current_user if has_request_context() and current_user.is_authenticated else None
    if actor is not None and not isinstance(actor, User):
        # Flask-Login's current_user is a proxy; the event needs the User behind it.
        actor = getattr(actor, "_get_current_object", lambda: None)()
    if target is not None:
        target_type = target_type or getattr(target, "__tablename__", type(target).__name__)
        target_id = target_id or getattr(target, "id", "") or ""
        target_label = target_label or _label_of(target)
    event = AuditEvent(
        occurred_at=dt.datetime.now(dt.UTC),
        action=AuditAction(action).value,
        actor_id=actor.id if isinstance(actor, User) else None,
        actor_name=(actor_name or (actor.username if isinstance(actor, User) else ""))[:64],
        target_type=target_type[:40],
        target_id=str(target_id)[:64],
        target_label=str(target_label)[:200],
        ip_address=client_address()[:45],
        details=_clean(details or {}),
    )
    db.session.add(event)
    return event


@retry_on_conflict
def commit_event(
    action: AuditAction,
    *,
    actor: User | None | object = _CURRENT,
    actor_name: str | None = None,
    details: Mapping[str, object] | None = None,
) -> AuditEvent:
    """Record one event as its own unit of work (an export, a failed sign-in) and commit it.

    For a page that only reads but must leave a trace: the route does not commit itself.
    """
    event = record_event(action, actor=actor, actor_name=actor_name, details=details)
    db.session.commit()
    return event


def client_address() -> str:
    """The client's address as Werkzeug sees it (after ProxyFix when configured)."""
    if not has_request_context():
        return ""
    return request.remote_addr or ""


def _label_of(target: object) -> str:
    for attribute in ("username", "code", "name", "title", "key"):
        value = getattr(target, attribute, None)
        if value:
            return str(value)
    return ""


def _clean(details: Mapping[str, object]) -> dict[str, object]:
    clean: dict[str, object] = {}
    for key, value in details.items():
        if SECRET_KEY_RE.search(str(key)):
            continue
        if isinstance(value, (list, tuple, set, frozenset)):
            value = ", ".join(sorted(str(item) for item in value))
        if not isinstance(value, (int, float, bool)) or value is None:
            value = "" if value is None else str(value)[:MAX_DETAIL_LENGTH]
        clean[str(key)[:40]] = value
    return clean


# --- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditFilter:
    action: str = ""
    actor: str = ""  # a username, or part of one
    date_from: dt.date | None = None
    date_to: dt.date | None = None


PAGE_SIZE = 50
EXPORT_LIMIT = 100_000


def _filtered(filters: AuditFilter) -> Select:
    query = select(AuditEvent)
    if filters.action:
        query = query.where(AuditEvent.action == filters.action)
    if filters.actor:
        pattern = "%" + filters.actor.lower().replace("\\", "").replace("%", "").replace("_", "")
        query = query.where(func.lower(AuditEvent.actor_name).like(pattern + "%"))
    if filters.date_from:
        start = dt.datetime.combine(filters.date_from, dt.time.min, tzinfo=dt.UTC)
        query = query.where(AuditEvent.occurred_at >= start)
    if filters.date_to:
        end = dt.datetime.combine(filters.date_to + dt.timedelta(days=1), dt.time.min, dt.UTC)
        query = query.where(AuditEvent.occurred_at < end)
    return query


def list_events(filters: AuditFilter, page: int = 1) -> tuple[list[AuditEvent], int]:
    """One page of events, newest first, and the total that match."""
    query = _filtered(filters)
    total = db.session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = db.session.scalars(
        query.order_by(AuditEvent.occurred_at.desc(), AuditEvent.id.desc())
        .limit(PAGE_SIZE)
        .offset((max(page, 1) - 1) * PAGE_SIZE)
    )
    return list(rows), total


def export_events(filters: AuditFilter) -> list[AuditEvent]:
    """Every matching event, oldest first (bounded), for the CSV export."""
    return list(
        db.session.scalars(
            _filtered(filters).order_by(AuditEvent.occurred_at, AuditEvent.id).limit(EXPORT_LIMIT)
        )
    )
