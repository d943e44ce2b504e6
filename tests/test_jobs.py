"""academy/jobs.py: the tasks each app's queue knows, and the schedule of the periodic ones."""

from __future__ import annotations

import datetime as dt

from academy import jobs


def test_every_task_is_registered_on_the_apps_queue(app):
    with app.app_context():
        registered = set(app.extensions["academy.jobs"].tasks)
        assert app.extensions["academy.jobs"].huey.immediate is True  # the test config
    assert registered == {
        "run_import",
        "catch_up_search_index",
        "create_due_notifications",
        "send_notification_emails",
        "run_findability_scan",
        "nightly_findability_scan",
    }


def test_notices_are_made_each_morning_and_mail_goes_every_five_minutes():
    due = jobs.queue.schedule_of(jobs.create_due_notifications)
    mail = jobs.queue.schedule_of(jobs.send_notification_emails)
    assert due(dt.datetime(2026, 12, 7, 7, 0)) and not due(dt.datetime(2026, 12, 7, 8, 0))
    assert mail(dt.datetime(2026, 12, 7, 9, 15)) and not mail(dt.datetime(2026, 12, 7, 9, 16))


def test_the_morning_task_creates_the_due_notices(app, monkeypatch):
    calls: list[dt.datetime] = []
    monkeypatch.setattr(
        "academy.notifications.services.create_due_notifications",
        lambda now: calls.append(now) or 0,
    )
    with app.app_context():
        jobs.queue.enqueue(jobs.create_due_notifications)
    assert len(calls) == 1 and calls[0].tzinfo is not None
