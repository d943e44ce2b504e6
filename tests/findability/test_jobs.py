"""The scan as a job: queued from a page, and nightly."""

from __future__ import annotations

import datetime as dt

from flask import Flask
from sqlalchemy import select

from academy import jobs
from academy.extensions import db
from academy.findability.scan import create_scan
from academy.models import FindabilityScan, ScanState


def test_the_scan_runs_every_night_at_half_past_two() -> None:
    when = jobs.queue.schedule_of(jobs.nightly_findability_scan)
    assert when(dt.datetime(2026, 12, 7, 2, 30)) and not when(dt.datetime(2026, 12, 7, 3, 30))


def test_the_nightly_task_scans(app: Flask, world: dict[str, int]) -> None:
    with app.app_context():
        jobs.queue.enqueue(jobs.nightly_findability_scan)
        scans = db.session.scalars(select(FindabilityScan)).all()
        assert [(s.trigger, s.state, s.done) for s in scans] == [("nightly", ScanState.DONE, 2)]


def test_the_queued_task_carries_out_a_scan(app: Flask, world: dict[str, int]) -> None:
    with app.app_context():
        scan, _created = create_scan("manual")
        jobs.queue.enqueue(jobs.run_findability_scan, scan.id)
        db.session.expire_all()
        assert db.session.get(FindabilityScan, scan.id).state == ScanState.DONE  # type: ignore[union-attr]


def test_a_failing_scan_is_marked_failed(app: Flask, world: dict[str, int], monkeypatch) -> None:
    def broken() -> list[object]:
        raise RuntimeError("index gone")

    monkeypatch.setattr("academy.findability.scan.plan_questions", broken)
    with app.app_context():
        scan, _created = create_scan("manual")
        jobs.queue.enqueue(jobs.run_findability_scan, scan.id)
        db.session.expire_all()
        failed = db.session.get(FindabilityScan, scan.id)
        assert failed is not None
        assert (failed.state, failed.message) == (ScanState.FAILED, "index gone")
        assert failed.finished_at is not None


def test_the_cli_scans_once_when_asked_if_never(app: Flask, world: dict[str, int]) -> None:
    # `make run` calls it on every start: the first start gets figures, later ones do nothing.
    runner = app.test_cli_runner()
    first = runner.invoke(args=["findability", "scan", "--if-never"])
    assert first.exit_code == 0, first.output
    assert "done, 2 key questions" in first.output
    again = runner.invoke(args=["findability", "scan", "--if-never"])
    assert again.exit_code == 0 and "nothing to do" in again.output
    forced = runner.invoke(args=["findability", "scan"])
    assert forced.exit_code == 0, forced.output
    with app.app_context():
        triggers = db.session.scalars(select(FindabilityScan.trigger)).all()
    assert triggers == ["cli", "cli"]


def test_the_cli_reports_a_failed_scan(app: Flask, world: dict[str, int], monkeypatch) -> None:
    def broken() -> list[object]:
        raise RuntimeError("index gone")

    monkeypatch.setattr("academy.findability.scan.plan_questions", broken)
    result = app.test_cli_runner().invoke(args=["findability", "scan"])
    assert result.exit_code == 1
    assert "failed" in result.output
