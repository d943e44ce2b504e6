"""Adding notices, inside the caller's unit of work (the caller commits)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from academy.extensions import db
from academy.models import Notification, NotificationKind


def add_notices(user_ids: Iterable[int], kind: NotificationKind, key: str, data: dict) -> int:
    """One notice per user unless they already have one with this key; returns how many."""
    ids = set(user_ids)
    if not ids:
        return 0
    have = set(
        db.session.scalars(
            select(Notification.user_id).where(
                Notification.user_id.in_(ids), Notification.key == key
            )
        )
    )
    new = sorted(ids - have)
    db.session.add_all(
        Notification(user_id=user_id, kind=kind.value, key=key, data=dict(data)) for user_id in new
    )
    return len(new)
