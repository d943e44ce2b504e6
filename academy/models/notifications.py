"""In-app notifications (and, when configured, their e-mail)."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import JSON, DateTime, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from academy.extensions import Model


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class NotificationKind(StrEnum):
    NEW_ASSIGNMENT = "new_assignment"
    SCORED = "scored"  # a trainer scored an open answer
    DUE_SOON = "due_soon"  # due in two days, not done
    OVERDUE = "overdue"  # past the due date, not done


class Notification(Model):
    """One notice for one person. `key` makes creating it idempotent (a job may run twice)."""

    __tablename__ = "notifications"
    __table_args__ = (UniqueConstraint("user_id", "key", name="uq_notifications_user_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    key: Mapped[str] = mapped_column(String(120))
    # What the notice is about, as plain values (titles, dates, ids for links).
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    read_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    emailed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
