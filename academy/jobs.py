"""Background work on huey: imports (and later scans and mail) never run in a web request.

Why huey: one small, well-kept library whose SQLite storage needs no server (the embedded
default, a file next to the database) and whose PostgreSQL and Redis storages let several
nodes share one queue, with the same task code. Celery or RQ would need a broker even on
one machine.

Two kinds of work:
- **shared work** (an import run, a scan) is a huey task: enqueued once, run by whichever
  worker takes it;
- **per-node work** (catching this node's search index up with the change feed) is not a
  task, because a shared queue would run it on one node only: every ``flask jobs worker``
  runs it in a process of its own beside the consumer (:func:`follow_index`), so an import
  and the indexing of what it wrote use both cores.

Tests set ``JOBS_IMMEDIATE`` so a task runs at once, in the caller, through the same code.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import Flask, current_app
from huey import Huey, MemoryHuey, PostgresHuey, RedisHuey, SqliteHuey, crontab

log = logging.getLogger(__name__)

#: Seconds between two looks at the change feed by a node's index follower.
FOLLOW_INTERVAL = 2.0
#: Seconds between two full health checks (missing, corrupt, drifted index).
HEALTH_INTERVAL = 60.0


@dataclass
class _AppQueue:
    huey: Huey
    tasks: dict[str, Any]


class AcademyQueue:
    """The job queue: tasks are declared once (``@queue.task``); each app gets its own
    huey instance, with the storage its configuration names, at ``init_app``.
    """

    def __init__(self) -> None:
        self.app: Flask | None = None  # the last app set up: what a worker process runs
        self._tasks: dict[str, Callable[..., Any]] = {}
        self._periodic: dict[str, tuple[Callable[..., Any], Callable[[Any], bool]]] = {}

    def init_app(self, app: Flask) -> None:
        huey = build_huey(app)
        tasks = {
            name: huey.task(name=name)(_with_app_context(app, func))
            for name, func in self._tasks.items()
        }
        for name, (func, when) in self._periodic.items():
            tasks[name] = huey.periodic_task(when, name=name)(_with_app_context(app, func))
        app.extensions["academy.jobs"] = _AppQueue(huey=huey, tasks=tasks)
        self.app = app

    def periodic(self, when: Callable[[Any], bool]) -> Callable[..., Any]:
        """Declare a task the worker runs on a schedule (a huey ``crontab``); shared
        work: with several nodes, only the worker without ``--no-periodic`` runs it."""

        def declare(func: Callable[..., Any]) -> Callable[..., Any]:
            self._periodic[func.__name__] = (func, when)
            return func

        return declare

    def schedule_of(self, func: Callable[..., Any]) -> Callable[[Any], bool]:
        return self._periodic[func.__name__][1]

    def task(self, func: Callable[..., Any]) -> Callable[..., Any]:
        """Declare a task; ``queue.enqueue(func, ...)`` runs it in the background."""
        self._tasks[func.__name__] = func
        return func

    def _current(self) -> _AppQueue:
        app_queue: _AppQueue = current_app.extensions["academy.jobs"]
        return app_queue

    def enqueue(self, func: Callable[..., Any], *args: Any) -> None:
        self._current().tasks[func.__name__](*args)

    @property
    def huey(self) -> Huey:
        return self._current().huey

    @property
    def immediate(self) -> bool:
        return bool(self._current().huey.immediate)


def _with_app_context(app: Flask, func: Callable[..., Any]) -> Callable[..., Any]:
    """Run a task in an app context of its own, so it has its own database session.

    In immediate mode the caller (a test, or a request) is inside the app already; a
    fresh context keeps the task's commits and expunges away from the caller's objects.
    """

    def run(*args: Any) -> Any:
        with app.app_context():
            return func(*args)

    run.__name__ = func.__name__
    return run


def build_huey(app: Flask) -> Huey:
    """The storage from JOBS_URL: sqlite:///path (default), postgresql://..., redis://..."""
    if app.config.get("JOBS_IMMEDIATE"):
        return MemoryHuey("academy", immediate=True)
    url: str = app.config["JOBS_URL"]
    if url.startswith("sqlite:///"):
        return SqliteHuey("academy", filename=url.removeprefix("sqlite:///"), results=False)
    if url.startswith(("postgresql://", "postgres://")):
        return PostgresHuey("academy", dsn=url, results=False)
    if url.startswith("redis://"):
        return RedisHuey("academy", url=url, results=False)
    raise ValueError(f"JOBS_URL {url!r}: use sqlite:///..., postgresql://... or redis://...")


queue = AcademyQueue()


# --------------------------------------------------------------------------- per node


def follow_index(app: Flask, stop: Any) -> None:
    """Keep this node's index in step with the change feed until ``stop`` is set."""
    from academy.documents.indexing import catch_up_index, ensure_index

    last_health = 0.0
    while not stop.is_set():
        with app.app_context():
            try:
                if time.monotonic() - last_health >= HEALTH_INTERVAL:
                    outcome = ensure_index()
                    last_health = time.monotonic()
                    if outcome != "up to date":
                        log.info("search index: %s", outcome)
                else:
                    catch_up_index()
            except Exception:  # keep following; the next round tries again
                log.exception("catching up the search index failed")
        stop.wait(FOLLOW_INTERVAL)


def _die_with_parent(parent_pid: int) -> None:
    """Let a child process end when its parent dies, kill -9 included (Linux)."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the parent's normal exit still stops it
        pass
    if os.getppid() != parent_pid:
        os._exit(1)


def _follow_in_child(parent_pid: int, stop: Any) -> None:
    """The index follower in a process of its own, so indexing and an import use both
    cores instead of sharing one interpreter lock. The app comes from the environment,
    like the worker's own (``flask jobs worker`` loads ``wsgi``)."""
    _die_with_parent(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C goes to the worker, which stops us
    from academy import create_app

    follow_index(create_app(), stop)


def run_worker(app: Flask, *, workers: int = 2, periodic: bool = True) -> None:
    """Run the huey consumer and this node's index follower until interrupted.

    First it cleans up after a worker that died: import runs it left "running" are marked
    interrupted (they can be resumed) and leftover temporary folders are removed.
    """
    from academy.documents.importer import recover_after_crash

    with app.app_context():
        recover_after_crash()
    context = multiprocessing.get_context("spawn")
    stop = context.Event()
    follower = context.Process(
        target=_follow_in_child, args=(os.getpid(), stop), name="index-follower"
    )
    follower.start()
    huey: Huey = app.extensions["academy.jobs"].huey
    consumer = huey.create_consumer(workers=workers, periodic=periodic, worker_type="thread")
    try:
        consumer.run()
    finally:
        stop.set()
        follower.join(timeout=10)
        if follower.is_alive():
            follower.terminate()


# --------------------------------------------------------------------------- shared tasks


@queue.task
def run_import(run_id: int) -> None:
    """Carry out (or resume) an import run."""
    from academy.documents.importer import execute_import_run

    execute_import_run(run_id)


@queue.task
def catch_up_search_index() -> None:
    """Bring the index of the node that runs this in step (catch up, or build if missing).

    Every node's worker does this by itself every few seconds; enqueueing it only makes
    it happen at once (and, in immediate mode, in the caller: what the tests rely on).
    """
    from academy.documents.indexing import ensure_index

    ensure_index()


@queue.task
def run_findability_scan(scan_id: int) -> None:
    """Carry out a findability scan (queued from the page, or by the nightly task)."""
    from academy.findability.scan import execute_scan

    execute_scan(scan_id)


@queue.periodic(crontab(hour="2", minute="30"))
def nightly_findability_scan() -> None:
    """Every night: measure every theme's findability (skipped while a scan is waiting)."""
    from academy.findability.scan import create_scan, execute_scan

    scan, created = create_scan("nightly")
    if created:
        execute_scan(scan.id)


@queue.periodic(crontab(hour="7", minute="0"))
def create_due_notifications() -> None:
    """Every morning: "due in two days" and "overdue" notices (idempotent)."""
    import datetime as dt

    from academy.notifications.services import create_due_notifications as create

    create(dt.datetime.now(dt.UTC))


@queue.periodic(crontab(minute="*/5"))
def send_notification_emails() -> None:
    """Every five minutes: e-mail the notices not sent yet (only when NOTIFY_EMAIL is on)."""
    from academy.notifications.services import send_pending_emails

    send_pending_emails()


def index_changed() -> None:
    """Call after committing document changes: the index follows at once in immediate
    mode; otherwise the node's follower picks the changes up within seconds."""
    if queue.immediate:
        try:
            queue.enqueue(catch_up_search_index)
        except Exception:  # the changes are in the feed: the next catch-up applies them
            log.exception("catching up the search index failed")
