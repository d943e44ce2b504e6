"""The search index under concurrency and kill -9; the document import under kill -9.

- Searching (in threads, through the app's shared SearchIndex and through SearchIndex
  objects of their own, as other workers have) while the index is rebuilt again and again
  never fails and always counts either the old or the new corpus.
- Two rebuilds at once, in threads and in two processes, run one after the other (their
  build windows do not overlap) and leave one consistent index.
- A rebuild killed with SIGKILL while writing, or while committing, leaves the previous
  index answering (no writer processes left behind); `ensure_index()`
  makes it consistent again and the app serves searches.
- `flask import-docs` killed with SIGKILL half-way leaves whole documents of whole batches
  only; the index is made consistent, the app serves, and a second run imports the rest.

Subprocesses run with INSTANCE_DIR, DATABASE_URL and SEARCH_INDEX_DIR pointing at the
test's own files. The corpus is a few hundred generated documents, copied to 1,200 (a
rebuild of that size uses the parallel writer); a slow iterator makes "mid-way" exact.
"""

from __future__ import annotations

import functools
import hashlib
import os
import select
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import func, insert, make_url
from sqlalchemy import select as sql_select

from academy import create_app
from academy.config import PROJECT_ROOT
from academy.documents.indexing import (
    document_count,
    ensure_index,
    iter_indexed_documents,
    rebuild_index,
    search_index,
)
from academy.extensions import db
from academy.models import Document, ImportFile, QueryLog
from search_module import SearchIndex, SearchRequest
from search_module.search import UNAVAILABLE_HINT
from tests.conftest import PASSWORD, app_schema, build_app, make_test_config

pytestmark = pytest.mark.slow

TOTAL = 1200  # documents in the database
OLD = 600  # documents in the index before the rebuild under test
FILES = 2000  # files in the import folder
BATCH = 200  # the importer's batch size (documents per transaction)


@functools.cache
def corpus_rows() -> list[dict]:
    """TOTAL document rows: the generated corpus, copied with new keys and titles."""
    from academy.demo.corpus import generate_corpus

    base = generate_corpus(300)
    rows = []
    for number in range(TOTAL):
        item = base[number % len(base)]
        copy = number // len(base)
        rows.append(
            {
                "key": f"{item.key}-{copy}",
                "title": f"{item.title} ({copy})",
                "summary": item.summary,
                "body": item.body[:600],  # short bodies: quick builds, same code paths
                "doctype": item.doctype,
                "year": item.year,
                "published": item.published,
                "department": item.department,
                "author": item.author,
                "source": item.source,
                "content_hash": hashlib.sha256(f"{item.key}-{copy}".encode()).hexdigest(),
                "origin": "demo",
            }
        )
    return rows


def add_documents(app: Flask, rows: list[dict]) -> None:
    with app.app_context():
        db.session.execute(insert(Document), rows)
        db.session.commit()
        db.session.remove()


def shut_down(app: Flask) -> None:
    """Close the app's index searcher and database connections (files stay closed)."""
    with app.app_context():
        index = app.extensions.get("academy.search_index")
        if index is not None:
            index.close()
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def fault_app(tmp_path: Path, password_hash: str) -> Iterator[Flask]:
    """The shared test app (users, schema) on files of this test; no documents yet."""
    builder = build_app(tmp_path, password_hash)
    app = next(builder)
    yield app
    with app.app_context():
        index = app.extensions.get("academy.search_index")
        if index is not None:
            index.close()
    next(builder, None)


@pytest.fixture
def restart() -> Iterator:
    """Make a new app on the same files: what a restarted worker sees."""
    apps: list[Flask] = []

    def _restart(app: Flask) -> Flask:
        new = create_app(
            make_test_config(
                Path(app.config["INSTANCE_DIR"]),
                SQLALCHEMY_DATABASE_URI=app.config["SQLALCHEMY_DATABASE_URI"],
            )
        )
        apps.append(new)
        return new

    yield _restart
    for app in apps:
        shut_down(app)


def env_for(app: Flask) -> dict[str, str]:
    """The environment that makes `create_app()` in a subprocess use this test's files
    (and, on PostgreSQL, this test app's schema)."""
    url = make_url(app.config["SQLALCHEMY_DATABASE_URI"])
    schema = app_schema(app)
    if schema:
        url = url.update_query_dict({"options": f"-csearch_path={schema}"})
    return {
        **os.environ,
        "ACADEMY_ENV": "development",
        "INSTANCE_DIR": str(app.config["INSTANCE_DIR"]),
        "DATABASE_URL": url.render_as_string(hide_password=False),
        "SEARCH_INDEX_DIR": str(app.config["SEARCH_INDEX_DIR"]),
        "PYTHONPATH": str(PROJECT_ROOT),
        "PYTHONUNBUFFERED": "1",
    }


def index_dir(app: Flask) -> Path:
    return Path(app.config["SEARCH_INDEX_DIR"])


def assert_consistent(app: Flask) -> int:
    """The index is usable, holds every document, and no build is left lying around."""
    with app.app_context():
        index = search_index()
        expected = document_count()
        assert index.check()
        assert index.document_count() == expected
        assert index.search(SearchRequest(query="")).total == expected
        db.session.remove()
    assert not list(index_dir(app).glob(".build-*")), "a stale build directory is left"
    assert len(list(index_dir(app).glob("v-*"))) <= 2  # the current and one previous
    return expected


def serves_search(app: Flask, expected: int) -> None:
    """The app answers /zoeken for a signed-in user and finds every document."""
    client = app.test_client()
    login = client.post("/login", data={"username": "medewerker", "password": PASSWORD})
    assert login.status_code == 302
    assert client.get("/zoeken").status_code == 200
    with app.app_context():
        logged = db.session.scalar(
            sql_select(QueryLog.result_count).order_by(QueryLog.id.desc()).limit(1)
        )
        db.session.remove()
    assert logged == expected


# --------------------------------------------------------------------------- threads


def test_searching_while_the_index_is_rebuilt_never_fails(fault_app):
    app = fault_app
    add_documents(app, corpus_rows()[:OLD])
    with app.app_context():
        rebuild_index()
        before = search_index().search(SearchRequest(query="armoede")).total
    add_documents(app, corpus_rows()[OLD:])

    errors: list[BaseException] = []
    seen: list[tuple[int, int, bool]] = []
    rebuilding = threading.Event()
    done = threading.Event()

    def search(own_index: bool) -> None:
        with app.app_context():
            # The app's shared index, or one of our own as another worker process has.
            index = SearchIndex(index_dir(app)) if own_index else search_index()
            try:
                while not done.is_set():
                    everything = index.search(SearchRequest(query=""))
                    word = index.search(SearchRequest(query="armoede", filters={"jaar": []}))
                    failed = UNAVAILABLE_HINT in everything.hints + word.hints
                    seen.append((everything.total, word.total, failed))
                    time.sleep(0.01)  # leave the rebuild some of the GIL
            except BaseException as error:  # noqa: BLE001 - reported below
                errors.append(error)
            finally:
                if own_index:
                    index.close()

    def rebuild() -> None:
        with app.app_context():
            try:
                rebuilding.set()
                for _round in range(2):
                    assert rebuild_index() == TOTAL
            except BaseException as error:  # noqa: BLE001
                errors.append(error)
            finally:
                done.set()

    threads = [threading.Thread(target=search, args=(own,)) for own in (False, True)]
    threads.append(threading.Thread(target=rebuild))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a thread hangs"
    assert not errors, errors
    with app.app_context():
        after = search_index().search(SearchRequest(query="armoede")).total
    assert len(seen) >= 10, "the searches did not overlap the rebuilds"
    assert not [s for s in seen if s[2]], "a search found the index unavailable"
    assert {total for total, _word, _failed in seen} <= {OLD, TOTAL}
    assert {word for _total, word, _failed in seen} <= {before, after}
    assert assert_consistent(app) == TOTAL


def test_two_rebuilds_in_threads_run_one_after_the_other(fault_app):
    app = fault_app
    add_documents(app, corpus_rows())
    windows: list[tuple[float, float]] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(2)

    def rebuild() -> None:
        with app.app_context():
            try:
                barrier.wait()

                def all_documents():
                    started = time.monotonic()  # first read: inside the rebuild lock
                    yield from iter_indexed_documents()
                    windows.append((started, time.monotonic()))

                assert search_index().rebuild(all_documents()) == TOTAL
            except BaseException as error:  # noqa: BLE001
                errors.append(error)

    threads = [threading.Thread(target=rebuild) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    assert len(windows) == 2
    (start_a, end_a), (start_b, end_b) = sorted(windows)
    assert end_a <= start_b, "the two builds overlapped"
    assert assert_consistent(app) == TOTAL


# --------------------------------------------------------------------------- processes

# Rebuild the index from the database in a process of its own, reporting as it goes:
# "start"/"end" around reading the documents (inside the rebuild lock), "paused" when it
# stops at document PAUSE_AT to be killed there. argv: marker (for finding the process
# and its writer children), PAUSE_AT (0: never).
REBUILD_SCRIPT = """
import sys, time
from academy import create_app
from academy.documents.indexing import iter_indexed_documents, search_index

pause_at = int(sys.argv[2])
app = create_app()
with app.app_context():
    def documents():
        for number, document in enumerate(iter_indexed_documents(), start=1):
            if number == 1:
                print("start", time.time(), flush=True)
            if number == pause_at:
                print("paused", number, flush=True)
                time.sleep(120)
            yield document
        print("end", time.time(), flush=True)

    count = search_index().rebuild(documents())
    print("done", count, flush=True)
"""


def start_rebuild(app: Flask, marker: str, pause_at: int = 0) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", REBUILD_SCRIPT, marker, str(pause_at)],
        cwd=PROJECT_ROOT,
        env=env_for(app),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def wait_for_line(process: subprocess.Popen, prefix: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _w, _x = select.select([process.stdout], [], [], 0.5)
        if ready:
            line = process.stdout.readline()
            if not line:
                break  # the process ended
            if line.startswith(prefix):
                return line
    raise AssertionError(f"no {prefix!r} from the rebuild process (exit {process.poll()})")


def processes_with(marker: str) -> list[int]:
    """Ids of running processes whose command line contains `marker`."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes()
            state = (entry / "stat").read_text().split(") ", 1)[1][:1]
        except OSError:
            continue
        if marker.encode() in cmdline and state != "Z":
            found.append(int(entry.name))
    return found


def wait_until_gone(marker: str, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while processes_with(marker) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not processes_with(marker), "writer processes outlived the killed rebuild"


def kill(process: subprocess.Popen) -> None:
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    process.stdout.close()


def test_two_rebuild_processes_run_one_after_the_other(fault_app, tmp_path, restart):
    app = fault_app
    add_documents(app, corpus_rows()[:OLD])
    marker = str(tmp_path / "two-rebuilds")
    processes = [start_rebuild(app, marker) for _ in range(2)]
    windows = []
    for process in processes:
        output, _err = process.communicate(timeout=180)
        assert process.returncode == 0, output
        lines = dict(line.split(" ", 1) for line in output.splitlines() if " " in line)
        assert int(lines["done"]) == OLD
        windows.append((float(lines["start"]), float(lines["end"])))
    (start_a, end_a), (start_b, end_b) = sorted(windows)
    assert end_a <= start_b, "the two builds overlapped"
    assert assert_consistent(restart(app)) == OLD


@pytest.mark.parametrize("moment", ["writing", "committing"])
def test_rebuild_killed_leaves_the_old_index_working(fault_app, tmp_path, restart, moment):
    app = fault_app
    add_documents(app, corpus_rows()[:OLD])
    with app.app_context():
        rebuild_index()
        db.session.remove()
    add_documents(app, corpus_rows()[OLD:])
    marker = str(tmp_path / f"killed-{moment}")
    if moment == "writing":  # half the documents are in the new build
        process = start_rebuild(app, marker, pause_at=TOTAL // 2 + 100)
        wait_for_line(process, "paused")
    else:  # every document is read: the writers merge and commit, then it is published
        process = start_rebuild(app, marker)
        wait_for_line(process, "end")
    kill(process)
    wait_until_gone(marker)
    if moment == "writing":
        assert list(index_dir(app).glob(".build-*")), "the kill came after the build"

    app = restart(app)
    with app.app_context():
        index = search_index()
        assert index.check(), "the index is unusable after the kill"
        count = index.document_count()
        if moment == "writing":
            assert count == OLD  # the old index answers, unchanged
        else:
            assert count in (OLD, TOTAL)  # before or after the swap, never in between
        assert index.search(SearchRequest(query="")).total == count
        # A build published by the killed process carries no feed position: rebuilt too.
        assert ensure_index() == "rebuilt"
        db.session.remove()
    assert assert_consistent(app) == TOTAL
    serves_search(app, TOTAL)


# --------------------------------------------------------------------------- import


def write_import_folder(root: Path) -> list[Path]:
    paths = []
    for number in range(FILES):
        path = root / f"map-{number // 500}" / f"notitie-{number:04d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            f"Notitie {number} over wijk {number % 17}\n\n"
            f"Dit is notitie nummer {number}: armoede, jeugd en wonen in wijk {number % 17}.\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def import_docs(app: Flask, folder: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "flask", "--app", "wsgi", "import-docs", str(folder)],
        cwd=PROJECT_ROOT,
        env=env_for(app),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def count_documents(app: Flask) -> int:
    with app.app_context():
        count = db.session.scalar(sql_select(func.count(Document.id))) or 0
        db.session.remove()
    return count


def test_import_killed_keeps_whole_batches_and_a_rerun_completes_it(fault_app, tmp_path, restart):
    app = fault_app
    folder = tmp_path / "import"
    paths = write_import_folder(folder)
    process = import_docs(app, folder)
    observed = 0
    deadline = time.monotonic() + 120
    while observed < 2 * BATCH and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
        observed = count_documents(app)
    assert process.poll() is None, "the import finished before it could be killed"
    kill(process)
    wait_until_gone(str(folder))

    app = restart(app)
    with app.app_context():
        documents = list(db.session.scalars(sql_select(Document).order_by(Document.key)))
        db.session.remove()
    committed = len(documents)
    assert committed >= observed, "rows that were committed are gone"
    with app.app_context():  # every stored document has its file's outcome: whole files
        outcomes = db.session.scalar(sql_select(func.count(ImportFile.id))) or 0
        db.session.remove()
    assert outcomes == committed, f"{committed} documents but {outcomes} file outcomes"
    assert committed < FILES
    expected_keys = sorted(
        f"import:{path.relative_to(folder).as_posix()}" for path in paths[:committed]
    )
    assert [d.key for d in documents] == expected_keys  # the first batches, in order
    for document in documents:
        assert document.title and document.body and document.content_hash, document.key
        number = int(document.key.rsplit("-", 1)[1].removesuffix(".txt"))
        assert f"notitie nummer {number}:" in document.body

    with app.app_context():
        ensure_index()
        db.session.remove()
    assert assert_consistent(app) == committed
    serves_search(app, committed)

    rerun = app.test_cli_runner().invoke(args=["import-docs", str(folder)])  # the same CLI
    assert rerun.exit_code == 0, rerun.output
    assert (
        f"{FILES - committed} added, 0 updated, {committed} unchanged, 0 not imported"
        in rerun.output
    ), rerun.output
    with app.app_context():
        assert ensure_index() == "up to date"  # the import kept the index in step
        db.session.remove()
    assert assert_consistent(app) == FILES
