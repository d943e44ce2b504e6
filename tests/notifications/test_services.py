"""Notifications (issue 13, part 6): new assignment, open answer scored, due in two days,
overdue; idempotent jobs; read marks; e-mail through a real SMTP server."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from academy.extensions import db
from academy.models import Notification
from academy.notifications import services
from academy.training import services as training
from tests.notifications.conftest import NOW, assign, team, user


def kinds(name: str) -> list[str]:
    return list(
        db.session.scalars(
            select(Notification.kind)
            .where(Notification.user_id == user(name).id)
            .order_by(Notification.id)
        )
    )


def test_a_new_assignment_notifies_every_learner_once(ctx):
    assignment = assign(ctx, NOW.date() + dt.timedelta(days=10), teams=[team().id])
    assert kinds("medewerker") == ["new_assignment"]
    assert kinds("admin") == []  # not a learner
    assign(ctx, NOW.date() + dt.timedelta(days=10), users=[user("medewerker").id])
    assert kinds("medewerker") == ["new_assignment", "new_assignment"]
    notice = db.session.scalar(select(Notification).where(Notification.kind == "new_assignment"))
    assert notice.data["title"] == "Zoeken leren"
    assert notice.data["assignment_id"] == assignment.id


def test_a_scored_open_answer_notifies_the_learner(ctx):
    attempt = training.start_attempt(user("medewerker"), ctx.exercises[0])
    training.submit_attempt(attempt, answer_text="Mijn verslag.")
    training.score_open_attempt(attempt, trainer=user("trainer"), rubric_scores=[2], feedback="")
    assert kinds("medewerker") == ["scored"]


def test_due_and_overdue_jobs_are_idempotent_and_skip_done_work(ctx):
    soon = assign(ctx, NOW.date() + dt.timedelta(days=2), users=[user("medewerker").id])
    late = assign(ctx, NOW.date() - dt.timedelta(days=1), users=[user("medewerker").id])
    later = assign(ctx, NOW.date() + dt.timedelta(days=5), users=[user("medewerker").id])
    assert services.create_due_notifications(NOW) == 2
    assert services.create_due_notifications(NOW) == 0  # the job may run twice
    keys = set(db.session.scalars(select(Notification.key)))
    assert {f"due:{soon.id}", f"overdue:{late.id}"} <= keys
    assert f"due:{later.id}" not in keys and f"overdue:{later.id}" not in keys


def test_withdrawn_work_and_deactivated_learners_get_no_due_notices(ctx):
    from academy.assignments import services as assignments

    withdrawn = assign(ctx, NOW.date() + dt.timedelta(days=2), users=[user("medewerker").id])
    assignments.withdraw(withdrawn)
    assert services.create_due_notifications(NOW) == 0
    assign(ctx, NOW.date() - dt.timedelta(days=3), users=[user("medewerker").id])
    user("medewerker").active = False
    db.session.commit()
    assert services.create_due_notifications(NOW) == 0


def test_unread_count_and_mark_read(ctx):
    assign(ctx, NOW.date() + dt.timedelta(days=10), users=[user("medewerker").id])
    assign(ctx, NOW.date() + dt.timedelta(days=11), users=[user("medewerker").id])
    me, other = user("medewerker"), user("trainer")
    assert services.unread_count(me) == 2
    first = services.notifications_for(me)[0]
    assert services.mark_read(other, first.id) == 0  # not theirs
    assert services.mark_read(me, first.id) == 1
    assert services.unread_count(me) == 1
    assert services.mark_read(me) == 1
    assert services.unread_count(me) == 0


def test_email_is_off_by_default(ctx):
    assign(ctx, NOW.date() + dt.timedelta(days=10), users=[user("medewerker").id])
    assert services.send_pending_emails(NOW) == 0
    assert db.session.scalar(select(func.count()).where(Notification.emailed_at.is_not(None))) == 0
