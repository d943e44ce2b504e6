"""Notifications: the jobs that create and send them, and what a user reads.

`create_due_notifications(now)` and `send_pending_emails(now)` are plain, idempotent jobs:
they are meant to run periodically on the background queue (see the README), and
`flask notifications run` runs both once. A web request never sends mail.
"""

from __future__ import annotations

import datetime as dt
import smtplib
from collections.abc import Callable
from email.message import EmailMessage

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import func, select, update
from sqlalchemy.exc import SQLAlchemyError

from academy.assignments import services as assignments
from academy.database import rows_changed
from academy.extensions import db
from academy.models import Assignment, Notification, NotificationKind, User
from academy.notifications.notices import add_notices

DUE_SOON_DAYS = 2
EMAIL_BATCH = 200


def _work(assignment: Assignment) -> dict:
    work = assignment.module or assignment.exercise
    return {
        "assignment_id": assignment.id,
        "title": work.title if work is not None else "",
        "due_date": assignment.due_date.isoformat(),
    }


def create_due_notifications(now: dt.datetime) -> int:
    """ "Due in two days" and "overdue" notices for learners whose work is not done yet.
    Idempotent (one of each per learner and assignment); commits once."""
    today = now.date()
    matrix = assignments.assignment_matrix(assignments.MatrixFilter(), today)
    created = 0
    for assignment in matrix.assignments:
        days_left = (assignment.due_date - today).days
        if days_left == DUE_SOON_DAYS:
            kind, key = NotificationKind.DUE_SOON, f"due:{assignment.id}"
        elif days_left < 0:
            kind, key = NotificationKind.OVERDUE, f"overdue:{assignment.id}"
        else:
            continue
        waiting = {
            user_id
            for (user_id, assignment_id), cell in matrix.cells.items()
            if assignment_id == assignment.id
            and cell.status in (assignments.Status.OPEN, assignments.Status.STARTED,
                                assignments.Status.OVERDUE)
        }  # fmt: skip
        created += add_notices(waiting, kind, key, _work(assignment))
    db.session.commit()
    return created


# --- reading --------------------------------------------------------------------------------


def unread_count(user: User) -> int:
    count = db.session.scalar(
        select(func.count(Notification.id)).where(
            Notification.user_id == user.id, Notification.read_at.is_(None)
        )
    )
    return count or 0


def unread_count_for_header(user: User) -> int:
    """The header's count; 0 when the database fails, so an error page still renders."""
    try:
        return unread_count(user)
    except SQLAlchemyError:
        db.session.rollback()  # the failed statement spoilt the transaction
        return 0


def notifications_for(user: User, limit: int = 50) -> list[Notification]:
    return list(
        db.session.scalars(
            select(Notification)
            .where(Notification.user_id == user.id)
            .order_by(Notification.created_at.desc(), Notification.id.desc())
            .limit(limit)
        )
    )


def mark_read(user: User, notification_id: int | None = None) -> int:
    """Mark one notice (or all) of this user read; another user's id changes nothing."""
    query = update(Notification).where(
        Notification.user_id == user.id, Notification.read_at.is_(None)
    )
    if notification_id is not None:
        query = query.where(Notification.id == notification_id)
    count = rows_changed(db.session.execute(query.values(read_at=dt.datetime.now(dt.UTC))))
    db.session.commit()
    return count


# --- words ------------------------------------------------------------------------------------


def notice_text(notification: Notification) -> str:
    """One notice as a sentence in the current language, dates in long form."""
    from flask_babel import format_date

    data = notification.data or {}
    title = data.get("title", "")
    due = data.get("due_date")
    due_text = format_date(dt.date.fromisoformat(due), "long") if due else ""
    if notification.kind == NotificationKind.NEW_ASSIGNMENT.value:
        return _("Nieuwe opdracht: %(title)s, uiterlijk %(date)s.", title=title, date=due_text)
    if notification.kind == NotificationKind.DUE_SOON.value:
        return _("Over twee dagen moet %(title)s af zijn (%(date)s).", title=title, date=due_text)
    if notification.kind == NotificationKind.OVERDUE.value:
        return _("%(title)s is te laat: het moest uiterlijk %(date)s af zijn.", title=title,
                 date=due_text)  # fmt: skip
    if notification.kind == NotificationKind.SCORED.value:
        return _("Je antwoord op %(title)s is beoordeeld.", title=title)
    return title


def notice_url(notification: Notification) -> str:
    data = notification.data or {}
    if notification.kind == NotificationKind.SCORED.value and data.get("attempt_id"):
        return f"/leren/pogingen/{int(data['attempt_id'])}/resultaat"
    return "/opdrachten"


# --- e-mail -----------------------------------------------------------------------------------


def send_pending_emails(
    now: dt.datetime | None = None, *, connect: Callable[[], smtplib.SMTP] | None = None
) -> int:
    """E-mail unsent notices to users with an address, when NOTIFY_EMAIL is on.

    Each notice is marked sent after the server accepted it, so a failure halfway resends
    only what was not sent. Returns the number sent."""
    config = current_app.config
    if not config.get("NOTIFY_EMAIL"):
        return 0
    now = now or dt.datetime.now(dt.UTC)
    rows = db.session.execute(
        select(Notification, User)
        .join(User, User.id == Notification.user_id)
        .where(Notification.emailed_at.is_(None), User.active.is_(True), User.email != "")
        .order_by(Notification.id)
        .limit(EMAIL_BATCH)
    ).all()
    if not rows:
        return 0
    sent = 0
    with (connect or _connect)() as smtp:
        for notification, user in rows:
            with force_locale(user.locale or "nl"):
                text = notice_text(notification)
                message = EmailMessage()
                message["Subject"] = _("Data Academie: %(text)s", text=text)[:200]
                message["From"] = config["SMTP_FROM"]
                message["To"] = user.email
                message.set_content(
                    text + "\n\n" + config["APP_URL"].rstrip("/") + notice_url(notification)
                )
            smtp.send_message(message)
            notification.emailed_at = now
            db.session.commit()
            sent += 1
    return sent


def _connect() -> smtplib.SMTP:
    config = current_app.config
    smtp = smtplib.SMTP(config["SMTP_HOST"], config["SMTP_PORT"], timeout=30)
    if config.get("SMTP_STARTTLS"):
        smtp.starttls()
    if config.get("SMTP_USER"):
        smtp.login(config["SMTP_USER"], config["SMTP_PASSWORD"])
    return smtp
