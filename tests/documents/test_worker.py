"""Imports and the index with a real queue and a real worker process (`flask jobs worker`).

What the web request does (store the upload, queue the run) and what the worker does
(import, catch the index up) are separated here as in production; the worker is killed
with SIGKILL at the awkward moments and must heal on its next start, with no manual step.
"""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import func, insert, select
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from academy.documents import importer
from academy.documents.feed import record_changes
from academy.documents.indexing import index_state, search_index
from academy.extensions import db
from academy.models import Document, FileOutcome, ImportFile, ImportRun
from search_module import SearchRequest
from tests.conftest import PASSWORD, build_app
from tests.reliability.test_index_faults import env_for, write_import_folder

pytestmark = pytest.mark.slow

PROJECT_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def queued_app(tmp_path: Path, password_hash: str) -> Iterator[Flask]:
    """The app with a real (SQLite) queue: tasks wait for a worker process."""
    yield from build_app(
        tmp_path,
        password_hash,
        JOBS_IMMEDIATE=False,
        JOBS_URL=f"sqlite:///{tmp_path / 'jobs.sqlite3'}",
    )


class Worker:
    """`flask jobs worker` on the test's database, index, queue and staging folder."""

    def __init__(self, app: Flask, log: Path) -> None:
        self.env = {**env_for(app), "JOBS_URL": app.config["JOBS_URL"]}
        self.log = log
        self.process: subprocess.Popen | None = None

    def start(self) -> Worker:
        out = self.log.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "flask", "--app", "wsgi", "jobs", "worker", "--workers", "1"],
            cwd=PROJECT_ROOT,
            env=self.env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        out.close()
        return self

    def kill(self) -> None:
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture
def worker(queued_app: Flask, tmp_path: Path) -> Iterator[Worker]:
    started = Worker(queued_app, tmp_path / "worker.log")
    yield started
    started.stop()


def wait_for(condition: Callable[[], bool], timeout: float, what: str, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    tail = log.read_text(errors="replace")[-3000:] if log.exists() else ""
    raise AssertionError(f"timed out waiting for {what}\n--- worker log ---\n{tail}")


def run_state(app: Flask, run_id: int) -> ImportRun:
    with app.app_context():
        run = db.session.get(ImportRun, run_id)
        assert run is not None
        db.session.expunge(run)
        db.session.remove()
        return run


def in_step(app: Flask) -> bool:
    with app.app_context():
        state = index_state()
        db.session.remove()
        return state.in_step and state.documents_in_index == state.documents_in_database


def hits(app: Flask, query: str) -> int:
    with app.app_context():
        return search_index().search(SearchRequest(query=query)).total


def test_three_45_mb_files_answer_at_once_and_become_searchable(queued_app, worker, tmp_path):
    app = queued_app
    with app.app_context():  # a node with an index already serving
        db.session.add(Document(key="kern", title="Armoedemonitor", doctype="monitor", body="x"))
        db.session.commit()
    client = app.test_client()
    client.post("/login", data={"username": "admin", "password": PASSWORD})
    filler = ("De gemeente Lindewaard werkt aan beleid voor wijken en buurten. " * 16).encode()
    files = []
    for number in range(3):
        size = 45 * 1024 * 1024
        body = f"Logboek{number} uniekwoord{number}\n\n".encode() + filler * (size // len(filler))
        files.append(FileStorage(io.BytesIO(body), filename=f"logboek-{number}.txt"))
    # Encoded here, in memory: the test client would spool it to a file it never closes.
    boundary, body = encode_multipart(MultiDict([("files", f) for f in files]))
    started = time.monotonic()
    response = client.post(
        "/beheer/documenten/imports",
        data=body,
        content_type=f"multipart/form-data; boundary={boundary}",
    )
    answered = time.monotonic() - started
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    run_id = int(response.headers["Location"].rsplit("/", 1)[1])
    # The request only stored the upload: nothing imported, the run waits for a worker.
    assert run_state(app, run_id).state == "queued"
    assert answered < 20, f"the upload request took {answered:.1f} s"
    page = client.get(f"/beheer/documenten/imports/{run_id}").get_data(as_text=True)
    assert "Wacht op verwerking" in page

    worker.start()
    # Search keeps answering from the index there is while the import runs.
    wait_for(lambda: hits(app, "armoedemonitor") == 1, 60, "the first catch-up", worker.log)
    while run_state(app, run_id).state in ("queued", "running"):
        assert client.get("/zoeken?q=armoedemonitor").status_code == 200
        assert hits(app, "armoedemonitor") == 1
        time.sleep(0.2)
    run = run_state(app, run_id)
    assert (run.state, run.added, run.skipped) == ("done", 3, 0), run.message
    wait_for(lambda: in_step(app), 60, "the index to catch up", worker.log)
    assert [hits(app, f"uniekwoord{n}") for n in range(3)] == [1, 1, 1]
    assert not Path(app.config["IMPORT_STAGING_DIR"], f"run-{run_id}").exists()


def test_a_worker_killed_mid_import_heals_and_the_run_resumes(queued_app, worker, tmp_path):
    app = queued_app
    folder = tmp_path / "bron"
    paths = write_import_folder(folder)
    with app.app_context():
        run_id = importer.start_folder_import(folder, user=None).id
    worker.start()
    wait_for(lambda: run_state(app, run_id).done >= 400, 120, "400 files imported", worker.log)
    worker.kill()
    assert run_state(app, run_id).state == "running"  # what the dead worker left

    with app.app_context():
        committed = db.session.scalar(select(func.count(Document.id)))
        outcomes = db.session.scalar(
            select(func.count(ImportFile.id)).where(ImportFile.run_id == run_id)
        )
        db.session.remove()
    assert 0 < committed < len(paths)
    assert outcomes == committed  # every stored document has its outcome: whole files only

    worker.start()  # no manual step: the restarted worker cleans up and catches up
    wait_for(lambda: run_state(app, run_id).state == "interrupted", 30, "interrupted", worker.log)
    wait_for(lambda: in_step(app), 60, "the index in step with the database", worker.log)
    assert hits(app, "notitie") == committed

    client = app.test_client()
    client.post("/login", data={"username": "admin", "password": PASSWORD})
    client.post(f"/beheer/documenten/imports/{run_id}/hervatten")
    wait_for(lambda: run_state(app, run_id).state == "done", 180, "the resumed run", worker.log)
    run = run_state(app, run_id)
    assert (run.done, run.total, run.added, run.unchanged) == (
        len(paths),
        len(paths),
        len(paths),
        0,
    )
    wait_for(lambda: in_step(app), 60, "the index to catch up", worker.log)
    assert hits(app, "notitie") == len(paths)
    with app.app_context():
        assert db.session.scalar(
            select(func.count(ImportFile.id)).where(
                ImportFile.run_id == run_id, ImportFile.outcome == FileOutcome.ADDED.value
            )
        ) == len(paths)


def test_a_worker_killed_mid_catch_up_heals_on_its_next_start(queued_app, worker, tmp_path):
    app = queued_app
    rows = [
        {"key": f"n{n}", "title": f"Notitie {n}", "doctype": "nota", "body": "wijk " * 200}
        for n in range(6000)
    ]
    with app.app_context():
        db.session.execute(insert(Document), rows)
        record_changes(select(Document.id))
        db.session.commit()
        db.session.remove()
    worker.start()
    wait_for(lambda: search_index_exists(app), 60, "the first build", worker.log)
    # The first start builds the index; now a large batch of changes to catch up on.
    with app.app_context():
        db.session.execute(Document.__table__.update().values(title=Document.title + " herzien"))
        record_changes(select(Document.id))
        db.session.commit()
        db.session.remove()
    wait_for(lambda: catching_up(app), 30, "the catch-up to start", worker.log)
    worker.kill()
    with app.app_context():
        assert index_state().lag > 0  # killed before it finished
        db.session.remove()
    worker.start()
    wait_for(lambda: in_step(app), 120, "the index in step after the restart", worker.log)
    assert hits(app, "herzien") == 6000


def search_index_exists(app: Flask) -> bool:
    with app.app_context():
        state = index_state()
        db.session.remove()
        return state.usable and state.documents_in_index == 6000


def catching_up(app: Flask) -> bool:
    """The worker holds the index's write lock (it is applying changes)."""
    import fcntl

    lock = Path(app.config["SEARCH_INDEX_DIR"]) / ".lock"
    with open(lock, "a+") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        return False
