"""`flask backup` and `flask restore`: a round trip brings every row back, a backup taken
while another thread writes is one consistent moment, and bad paths give clear errors.

Runs on a SQLite file and, with TEST_DATABASE_URL, on PostgreSQL (pg_dump/pg_restore).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import create_engine, func, select

from academy import backup as backup_module
from academy.backup import BackupError, backup_database
from academy.extensions import db
from academy.maturity import services as maturity
from academy.models import (
    LEVEL_NUMBERS,
    Assessment,
    AssessmentLevel,
    Document,
    LevelStatus,
    Theme,
    User,
)
from tests.reliability.engines import backend, skip_unless_sqlite

NOT_STARTED = {n: LevelStatus.NOT_STARTED for n in LEVEL_NUMBERS}


def assess(theme: Theme, note: str) -> Assessment:
    return maturity.record_assessment(
        theme,
        assessor=None,
        assessed_on=dt.date(2025, 3, 1),
        statuses=NOT_STARTED,
        criteria_met=[],
        note=note,
    )


@pytest.fixture
def seeded(app: Flask) -> Flask:
    """Two themes, three assessments and a document on top of the shared test app."""
    with app.app_context():
        vsv = Theme(code="vsv", name="Vroegtijdig schoolverlaten", domain="Onderwijs")
        armoede = Theme(code="armoede", name="Armoede", domain="Sociaal domein")
        db.session.add_all([vsv, armoede])
        db.session.add(
            Document(key="monitor", title="Armoedemonitor", doctype="monitor", body="Armoede")
        )
        db.session.commit()
        for note in ("eerste", "tweede"):
            assess(vsv, note)
        assess(armoede, "derde")
    return app


def snapshot(app: Flask) -> dict[str, object]:
    with app.app_context():
        return {
            "themes": sorted(db.session.scalars(select(Theme.code))),
            "notes": sorted(db.session.scalars(select(Assessment.note))),
            "levels": db.session.scalar(select(func.count(AssessmentLevel.id))),
            "documents": sorted(db.session.scalars(select(Document.title))),
            "names": sorted(db.session.scalars(select(User.full_name))),
        }


def vandalise(app: Flask) -> None:
    """Delete, change and add rows after the backup."""
    with app.app_context():
        db.session.delete(db.session.scalar(select(Theme).where(Theme.code == "vsv")))
        db.session.execute(db.delete(Document))
        for user in db.session.scalars(select(User)):
            user.full_name = "Gewijzigd"
        db.session.add(Theme(code="nieuw-na-backup", name="Nieuw", domain="Onderwijs"))
        db.session.commit()


def test_backup_and_restore_round_trip(seeded: Flask, tmp_path: Path) -> None:
    runner = seeded.test_cli_runner()
    before = snapshot(seeded)
    path = tmp_path / "backups" / "academie.backup"
    path.parent.mkdir()

    made = runner.invoke(args=["backup", str(path)])
    assert made.exit_code == 0, made.output
    assert f"Backup written: {path}" in made.output
    vandalise(seeded)
    assert snapshot(seeded) != before

    restored = runner.invoke(args=["restore", str(path), "--yes"])
    assert restored.exit_code == 0, restored.output
    assert snapshot(seeded) == before
    assert "Search index rebuilt on this node: 1 documents." in restored.output
    assert "flask index rebuild" in restored.output  # the other nodes

    with seeded.app_context():  # ids continue after the restored ones (sequences came back)
        assess(db.session.scalar(select(Theme).where(Theme.code == "armoede")), "na restore")
        assert db.session.scalar(select(func.count(Assessment.id))) == 4


def test_a_backup_taken_while_another_thread_writes_is_one_moment(
    seeded: Flask, tmp_path: Path
) -> None:
    stop = threading.Event()
    errors: list[BaseException] = []
    written = [0]

    def writer() -> None:
        try:
            with seeded.app_context():
                theme_id = db.session.scalar(select(Theme.id).where(Theme.code == "armoede"))
            while not stop.is_set():
                with seeded.app_context():
                    assess(db.session.get(Theme, theme_id), f"schrijver {written[0]}")
                written[0] += 1
        except BaseException as error:  # noqa: BLE001  (reported below)
            errors.append(error)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        _wait_for(lambda: written[0] >= 5)
        result = backup_database(_engine(seeded), tmp_path / "tijdens.backup")
        at_backup = written[0]
        _wait_for(lambda: written[0] >= at_backup + 5)  # the writer went on afterwards
    finally:
        stop.set()
        thread.join(timeout=60)
    assert not errors, errors
    with seeded.app_context():
        final = db.session.scalar(select(func.count(Assessment.id)))

    runner = seeded.test_cli_runner()
    restored = runner.invoke(args=["restore", str(result.path), "--yes", "--skip-index"])
    assert restored.exit_code == 0, restored.output
    with seeded.app_context():
        count = db.session.scalar(select(func.count(Assessment.id)))
        levels = db.session.scalar(select(func.count(AssessmentLevel.id)))
    assert 3 + 5 <= count < final
    assert levels == count * len(LEVEL_NUMBERS)  # no assessment without all its levels


def test_restore_asks_first_and_no_changes_nothing(seeded: Flask, tmp_path: Path) -> None:
    runner = seeded.test_cli_runner()
    path = tmp_path / "academie.backup"
    assert runner.invoke(args=["backup", str(path)]).exit_code == 0
    vandalise(seeded)
    changed = snapshot(seeded)

    refused = runner.invoke(args=["restore", str(path)], input="n\n")
    assert refused.exit_code == 1
    assert "replaces ALL data" in refused.output
    assert "Aborted" in refused.output
    assert snapshot(seeded) == changed

    agreed = runner.invoke(args=["restore", str(path), "--skip-index"], input="y\n")
    assert agreed.exit_code == 0, agreed.output
    assert snapshot(seeded) != changed
    assert "Rebuild the search index on every node: flask index rebuild" in agreed.output


def test_a_folder_gets_a_dated_backup_file(seeded: Flask, tmp_path: Path) -> None:
    result = seeded.test_cli_runner().invoke(args=["backup", str(tmp_path)])
    assert result.exit_code == 0, result.output
    (made,) = [p for p in tmp_path.glob("academy-*") if p.is_file()]
    assert made.suffix == (".sqlite3" if backend(seeded) == "sqlite" else ".dump")
    assert not list(tmp_path.glob(".backup-*"))  # no temporary file left behind


def test_an_existing_backup_is_kept_unless_overwrite_is_given(
    seeded: Flask, tmp_path: Path
) -> None:
    runner = seeded.test_cli_runner()
    path = tmp_path / "academie.backup"
    path.write_text("een ouder bestand")
    kept = runner.invoke(args=["backup", str(path)])
    assert kept.exit_code == 1
    assert "already exists" in kept.output
    assert path.read_text() == "een ouder bestand"
    replaced = runner.invoke(args=["backup", str(path), "--overwrite"])
    assert replaced.exit_code == 0, replaced.output
    assert path.read_bytes()[:5] in (b"SQLit", b"PGDMP")


@pytest.mark.parametrize(
    ("make_path", "message"),
    [
        (lambda tmp: tmp / "bestaat-niet" / "academie.backup", "does not exist; create it first"),
    ],
    ids=["missing-folder"],
)
def test_backup_to_a_bad_path_says_why(seeded, tmp_path, make_path, message) -> None:
    result = seeded.test_cli_runner().invoke(args=["backup", str(make_path(tmp_path))])
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output


def _text_file(tmp: Path) -> Path:
    path = tmp / "notities.txt"
    path.write_text("geen backup")
    return path


def _other_sqlite_database(tmp: Path) -> Path:
    path = tmp / "ander.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE boeken (titel TEXT)")
    connection.close()
    return path


@pytest.mark.parametrize(
    ("make_path", "sqlite_message", "postgres_message"),
    [
        (lambda tmp: tmp / "bestaat-niet.backup", "does not exist", "does not exist"),
        (lambda tmp: tmp, "is not a file", "is not a file"),
        (_text_file, "is not a SQLite backup", "is not a pg_dump custom-format backup"),
        (
            _other_sqlite_database,
            "not a Data Academie backup",
            "is not a pg_dump custom-format backup",
        ),
    ],
    ids=["missing", "folder", "text-file", "other-sqlite-database"],
)
def test_restore_from_a_bad_path_says_why_and_changes_nothing(
    seeded, tmp_path, make_path, sqlite_message, postgres_message
) -> None:
    before = snapshot(seeded)
    result = seeded.test_cli_runner().invoke(args=["restore", str(make_path(tmp_path)), "--yes"])
    assert result.exit_code == 1
    message = sqlite_message if backend(seeded) == "sqlite" else postgres_message
    assert message in result.output
    assert "Traceback" not in result.output
    assert snapshot(seeded) == before


def test_an_in_memory_database_cannot_be_backed_up(tmp_path: Path) -> None:
    engine = create_engine("sqlite://")
    with pytest.raises(BackupError, match="in-memory"):
        backup_database(engine, tmp_path / "x.sqlite3")
    assert not list(tmp_path.iterdir())


def test_missing_postgresql_tools_are_named(monkeypatch, seeded: Flask, tmp_path: Path) -> None:
    monkeypatch.setattr(backup_module.shutil, "which", lambda _name: None)
    with pytest.raises(BackupError, match="pg_dump was not found.*postgresql-client"):
        backup_module._pg_tool("pg_dump")
    if backend(seeded) == "postgresql":
        result = seeded.test_cli_runner().invoke(args=["backup", str(tmp_path / "x.dump")])
        assert result.exit_code == 1
        assert "pg_dump was not found" in result.output
        assert not list(tmp_path.glob("*.dump")) and not list(tmp_path.glob(".backup-*"))


def test_a_sqlite_backup_is_one_self_contained_file(seeded: Flask, tmp_path: Path) -> None:
    skip_unless_sqlite(seeded, "the backup file format")
    path = backup_database(_engine(seeded), tmp_path / "kopie.sqlite3").path
    assert not Path(f"{path}-wal").exists()
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert connection.execute("SELECT count(*) FROM assessments").fetchone()[0] == 3
    connection.close()


def _engine(app: Flask):
    with app.app_context():
        return db.engine


def _wait_for(condition, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)
