"""Import runs: a folder tree (or an upload) of real documents into the practice corpus.

An import is an ``ImportRun`` row carried out by a background job (``academy.jobs``); the
web request only stores the upload and queues the run. Each file becomes one Document
keyed ``import:<path relative to the import root>``, so a re-import of the same tree
updates in place; each file's outcome (added, updated, unchanged, skipped and why) is an
``ImportFile`` row. Files are read by ``academy.documents.loaders``. Documents, outcomes
and progress are committed a batch at a time, with their change-feed entries, so a run
killed anywhere loses only the batch in hand, the index follows what was committed, and
a resumed run skips the files it already did.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import shutil
import socket
import tempfile
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from flask import current_app
from sqlalchemy import func, select

from academy.audit.services import AuditAction, record_event
from academy.documents import describe
from academy.documents.archives import (
    ZIP_MAX_MEMBERS,
    ZIP_MAX_TOTAL_BYTES,
    _safe_part,
    _save_stream,
    extract_zip,
)
from academy.documents.loaders import (
    DEFAULT_MAX_BYTES,
    LoadedFile,
    LoadError,
    iter_files,
    load_file,
)
from academy.extensions import db
from academy.models import (
    Document,
    FileOutcome,
    ImportFile,
    ImportRun,
    ImportState,
    Theme,
    User,
)
from academy.models.documents import DOCUMENT_TYPES as DOCTYPES

log = logging.getLogger(__name__)

KEY_PREFIX = "import:"
ORIGIN = "import"
OTHER_DOCTYPE = "overig"
#: Files per transaction; a batch also ends at BATCH_MAX_CHARS of text or after
#: BATCH_MAX_SECONDS, so progress shows and a crash loses little.
DEFAULT_BATCH_SIZE = 200
BATCH_MAX_CHARS = 64 * 1024 * 1024
BATCH_MAX_SECONDS = 2.0
#: A running import whose worker has not reported for this long is taken as dead.
HEARTBEAT_STALE_SECONDS = 120
#: Characters of body text used as the summary when the metadata has none.
SUMMARY_CHARS = describe.SUMMARY_CHARS
# Limits for an upload through the admin page (the request itself is capped by
# MAX_CONTENT_LENGTH; ZIP_MAX_* guard what a zip unpacks to) live in archives.py.

# Column sizes of Document, so a long value is cut instead of failing a whole batch.
_KEY_MAX = 500
_DEPARTMENT_MAX = 120
_AUTHOR_MAX = 200
_TITLE_MAX = 500

Progress = Callable[[int, int], None]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _aware(moment: dt.datetime) -> dt.datetime:
    # SQLite returns naive datetimes (stored in UTC).
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


@dataclass
class ImportSummary:
    """What an import did; ``failed`` holds (relative path, Dutch reason) pairs."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    removed: int = 0
    state: str = ImportState.DONE.value
    message: str = ""

    @property
    def total(self) -> int:
        return self.added + self.updated + self.unchanged + len(self.failed)

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)


def import_folder(
    root: Path,
    *,
    progress: Progress | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    batch_size: int = DEFAULT_BATCH_SIZE,
    prune: bool = False,
    user: User | None = None,
) -> ImportSummary:
    """Import every document under ``root`` now, in this process, as a recorded run.

    What ``flask import-docs`` and the tests use; the web pages start the same run as a
    background job instead (:func:`start_folder_import`).
    """
    run = create_import_run(
        source_kind="folder",
        source=str(Path(root).resolve()),
        user=user,
        max_bytes=max_bytes,
        prune=prune,
    )
    run_id = run.id
    execute_import_run(run_id, progress=progress, batch_size=batch_size)
    return import_summary(run_id)


def create_import_run(
    *,
    source_kind: str,
    source: str,
    user: User | None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    prune: bool = False,
) -> ImportRun:
    run = ImportRun(
        source_kind=source_kind,
        source=source[:1000],
        created_by_id=user.id if user is not None else None,
        max_bytes=max_bytes,
        prune=prune,
        state=ImportState.QUEUED.value,
    )
    db.session.add(run)
    db.session.flush()
    record_event(
        AuditAction.DOCUMENTS_IMPORTED,
        actor=user,
        actor_name=None if user is not None else "opdrachtregel",
        target=run,
        target_label=f"{source_kind}: {source}"[:200],
        details={"soort": source_kind, "opruimen": prune},
    )
    db.session.commit()
    return run


def start_folder_import(
    folder: Path, *, user: User | None, max_bytes: int = DEFAULT_MAX_BYTES, prune: bool = False
) -> ImportRun:
    """Queue an import of a folder on the server; returns at once."""
    run = create_import_run(
        source_kind="folder", source=str(folder), user=user, max_bytes=max_bytes, prune=prune
    )
    _enqueue(run)
    return run


def start_upload_import(
    uploads: Iterable[tuple[str, IO[bytes]]],
    *,
    user: User | None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> ImportRun:
    """Keep uploaded files (zips unopened) in the run's staging folder and queue the run.

    Only copying happens here; unpacking, reading and indexing are the job's work, so
    the request answers in the time it takes to store the upload.
    """
    names: list[str] = []
    refused: list[tuple[str, str]] = []
    uploads = list(uploads)
    label = ", ".join(filename for filename, _stream in uploads)
    run = create_import_run(source_kind="upload", source=label, user=user, max_bytes=max_bytes)
    staging = staging_root() / f"run-{run.id}"
    upload_dir = staging / "upload"
    upload_dir.mkdir(parents=True, exist_ok=True)
    try:
        for filename, stream in uploads:
            name = _safe_part(filename.replace("\\", "/").rsplit("/", 1)[-1])
            if not name:
                refused.append((filename or "?", "ongeldige bestandsnaam"))
            elif name.startswith("."):
                refused.append((name, "verborgen bestand; overgeslagen"))
            elif (upload_dir / name).exists():
                refused.append((name, "bestandsnaam komt twee keer voor; alleen de eerste"))
            else:
                limit = ZIP_MAX_TOTAL_BYTES if name.casefold().endswith(".zip") else max_bytes
                problems = _save_stream(stream, upload_dir / name, name, limit)
                refused.extend(problems)
                if not problems:
                    names.append(name)
        run.source = (", ".join(names) or "(geen bruikbare bestanden)")[:1000]
        run.staging_dir = str(staging)
        _record_skipped(run, refused)
        db.session.commit()
    except BaseException:
        db.session.rollback()
        shutil.rmtree(staging, ignore_errors=True)
        _finish_failed(run.id, "de upload kon niet worden opgeslagen")
        raise
    _enqueue(run)
    return run


def _enqueue(run: ImportRun) -> None:
    from academy.jobs import queue, run_import

    queue.enqueue(run_import, run.id)


def staging_root() -> Path:
    return Path(current_app.config["IMPORT_STAGING_DIR"])


def cancel_import_run(run_id: int) -> ImportRun | None:
    """Ask a run to stop after the file it is on; a queued run stops at once."""
    run = db.session.get(ImportRun, run_id)
    if run is None or run.finished:
        return run
    run.cancel_requested = True
    if run.state in (ImportState.QUEUED, ImportState.INTERRUPTED):
        run.state = ImportState.CANCELLED.value
        run.finished_at = _now()
    db.session.commit()
    if run.finished:
        _remove_staging(run)
    return run


def resume_import_run(run_id: int) -> ImportRun | None:
    """Queue an interrupted or failed run again; files it already did are not redone."""
    run = db.session.get(ImportRun, run_id)
    if run is None or run.state not in (ImportState.INTERRUPTED, ImportState.FAILED):
        return run
    run.state = ImportState.QUEUED.value
    run.message = ""
    run.finished_at = None
    db.session.commit()
    _enqueue(run)
    return run


def worker_identity() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _process_gone(worker: str) -> bool:
    """True when ``worker`` ("host:pid") ran on this host and that process has ended."""
    host, _, pid = worker.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    if int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    try:  # a zombie (killed, not yet reaped) is gone too
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][:1] == "Z"
    except (OSError, IndexError):
        return False


def mark_interrupted_runs(*, stale_after: float = HEARTBEAT_STALE_SECONDS) -> int:
    """Runs that say "running" but whose worker died are interrupted: on this host when
    the process is gone, anywhere when it has not reported for ``stale_after`` seconds."""
    limit = _now() - dt.timedelta(seconds=stale_after)
    running = db.session.scalars(
        select(ImportRun).where(ImportRun.state == ImportState.RUNNING.value)
    ).all()
    runs = [
        run
        for run in running
        if run.heartbeat_at is None or _aware(run.heartbeat_at) < limit or _process_gone(run.worker)
    ]
    for run in runs:
        run.state = ImportState.INTERRUPTED.value
        run.current_file = ""
        run.message = "De verwerking is onderbroken (de achtergrondtaak stopte); hervat de import."
    db.session.commit()
    return len(runs)


def recover_after_crash() -> None:
    """At worker start: mark dead runs and remove temporary folders nobody needs."""
    mark_interrupted_runs()
    sweep_staging()


def sweep_staging() -> int:
    """Remove staging folders of finished or unknown runs, and old temporary folders."""
    removed = 0
    root = staging_root()
    if root.is_dir():
        keep = {
            f"run-{run_id}"
            for run_id in db.session.scalars(
                select(ImportRun.id).where(
                    ImportRun.state.in_(
                        [
                            ImportState.QUEUED.value,
                            ImportState.RUNNING.value,
                            ImportState.INTERRUPTED.value,
                            ImportState.FAILED.value,
                        ]
                    )
                )
            )
        }
        for entry in root.iterdir():
            if entry.name not in keep and entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
                removed += 1
    # Folders of the in-request importer of earlier versions (tempfile.TemporaryDirectory).
    cutoff = time.time() - 3600
    for entry in Path(tempfile.gettempdir()).glob("academy-import-*"):
        with contextlib.suppress(OSError):
            if entry.is_dir() and not entry.is_symlink() and entry.stat().st_mtime < cutoff:
                shutil.rmtree(entry, ignore_errors=True)
                removed += 1
    return removed


# --------------------------------------------------------------------------- running


class _Cancelled(Exception):
    pass


def execute_import_run(
    run_id: int, *, progress: Progress | None = None, batch_size: int = DEFAULT_BATCH_SIZE
) -> None:
    """Do (or resume) one run: every file is added, updated, unchanged or skipped, and
    each batch of files is committed with its outcomes and feed entries at once, so a
    crash loses at most the batch in hand and a resumed run redoes exactly that."""
    run = db.session.get(ImportRun, run_id)
    if run is None or run.finished:
        return
    if run.cancel_requested:
        _finish(run, ImportState.CANCELLED)
        return
    run.state = ImportState.RUNNING.value
    run.worker = worker_identity()
    run.started_at = run.started_at or _now()
    run.heartbeat_at = _now()
    run.message = ""
    db.session.commit()
    try:
        root = _prepare_root(run)
        _import_tree(run, root, progress=progress, batch_size=batch_size)
    except _Cancelled:
        db.session.rollback()
        _finish(db.session.get(ImportRun, run_id) or run, ImportState.CANCELLED)
    except Exception as error:  # the run must end in a state the admin can read
        db.session.rollback()
        log.exception("import run %s failed", run_id)
        _finish_failed(run_id, f"{type(error).__name__}: {error}"[:500])
    else:
        _finish(db.session.get(ImportRun, run_id) or run, ImportState.DONE)


def _finish(run: ImportRun, state: ImportState) -> None:
    run.state = state.value
    run.current_file = ""
    run.finished_at = _now()
    db.session.commit()
    _remove_staging(run)


def _finish_failed(run_id: int, message: str) -> None:
    run = db.session.get(ImportRun, run_id)
    if run is None:
        return
    run.state = ImportState.FAILED.value
    run.message = f"De import is mislukt: {message}"
    run.current_file = ""
    run.finished_at = _now()
    db.session.commit()


def _remove_staging(run: ImportRun) -> None:
    if run.staging_dir:
        shutil.rmtree(run.staging_dir, ignore_errors=True)


def _prepare_root(run: ImportRun) -> Path:
    """The folder to walk: the server folder, or the upload unpacked in staging."""
    if run.source_kind == "folder":
        root = Path(run.source)
        if not root.is_dir():
            raise FileNotFoundError(f"map {run.source} bestaat niet (meer)")
        return root.resolve()
    staging = Path(run.staging_dir)
    files = staging / "files"
    marker = staging / "unpacked"
    if marker.exists():
        return files.resolve()
    shutil.rmtree(files, ignore_errors=True)  # a half unpacking from a crash
    files.mkdir(parents=True)
    refused: list[tuple[str, str]] = []
    upload_dir = staging / "upload"
    for path in sorted(upload_dir.iterdir()) if upload_dir.is_dir() else []:
        if path.name.casefold().endswith(".zip"):
            with path.open("rb") as stream:
                refused.extend(extract_zip(stream, files, label=path.name, max_bytes=run.max_bytes))
        elif _same_device(path, files):
            os.link(path, files / path.name)  # no copy of a large upload
        else:
            shutil.copy2(path, files / path.name)
    _record_skipped(run, refused)
    db.session.commit()
    marker.touch()
    return files.resolve()


def _same_device(a: Path, b: Path) -> bool:
    return a.stat().st_dev == b.stat().st_dev


def _record_skipped(run: ImportRun, refused: list[tuple[str, str]]) -> None:
    known = set(db.session.scalars(select(ImportFile.path).where(ImportFile.run_id == run.id)))
    for path, reason in refused:
        path = path[:1000]
        if path in known:
            continue
        known.add(path)
        db.session.add(
            ImportFile(run_id=run.id, path=path, outcome=FileOutcome.SKIPPED.value, reason=reason)
        )
        run.skipped += 1


def _import_tree(run: ImportRun, root: Path, *, progress: Progress | None, batch_size: int) -> None:
    run_id, max_bytes = run.id, run.max_bytes
    done_paths = set(db.session.scalars(select(ImportFile.path).where(ImportFile.run_id == run_id)))
    walk_skipped: list[tuple[str, str]] = []

    def skipped(path: Path, reason: str) -> None:  # symlinks out of the root, FIFOs, devices
        walk_skipped.append((_relative(path, root), reason))

    paths = list(iter_files(root, skipped=skipped))  # paths only: bodies come a batch at a time
    total = len(paths) + len(walk_skipped)
    done = sum(1 for path in paths if _relative(path, root) in done_paths)
    _record_skipped(run, walk_skipped)
    done += len(walk_skipped)
    run.total, run.done = total, done
    db.session.commit()
    state = _Run(themes=_theme_lookup())
    seen_keys: set[str] = set()
    batch: list[tuple[str, LoadedFile | str]] = []
    batch_chars = 0
    started = time.monotonic()
    for path in paths:
        relative = _relative(path, root)
        seen_keys.add(KEY_PREFIX + relative)
        if relative in done_paths:
            continue
        outcome = _load(path, relative, max_bytes)
        batch.append((relative, outcome))
        if isinstance(outcome, LoadedFile):
            batch_chars += len(outcome.body)
        done += 1
        if progress is not None:
            progress(done, total)
        if (
            len(batch) >= batch_size
            or batch_chars >= BATCH_MAX_CHARS
            or time.monotonic() - started >= BATCH_MAX_SECONDS
        ):
            _store_batch(run_id, batch, state, done=done, current=relative)
            batch, batch_chars, started = [], 0, time.monotonic()
    if batch:
        _store_batch(run_id, batch, state, done=done, current="")
    fresh = db.session.get(ImportRun, run_id)
    assert fresh is not None
    fresh.warnings = state.warnings(list(fresh.warnings or []))
    if fresh.prune:
        fresh.removed += prune_missing(fresh, seen_keys)
    db.session.commit()
    from academy.jobs import index_changed

    index_changed()


def _load(path: Path, relative: str, max_bytes: int) -> LoadedFile | str:
    """The loaded file, or the Dutch reason it was skipped."""
    if len(KEY_PREFIX + relative) > _KEY_MAX:
        return "pad te lang (meer dan 490 tekens)"
    try:
        return load_file(path, max_bytes=max_bytes)
    except LoadError as error:
        return error.reason
    except Exception:  # a loader bug must not stop a run of thousands of files
        log.exception("unexpected error reading %s", path)
        return "onverwachte fout bij het lezen"


def _store_batch(
    run_id: int,
    batch: list[tuple[str, LoadedFile | str]],
    state: _Run,
    *,
    done: int,
    current: str,
) -> None:
    """Write one batch (documents, outcomes, counters, feed) in one transaction."""
    run = db.session.get(ImportRun, run_id)
    assert run is not None
    db.session.refresh(run, ["cancel_requested"])
    if run.cancel_requested:
        db.session.rollback()
        raise _Cancelled
    loaded_files = [(rel, item) for rel, item in batch if isinstance(item, LoadedFile)]
    keys = [KEY_PREFIX + relative for relative, _loaded in loaded_files]
    # Each outcome with its document, whose id is known only after the flush.
    outcomes: list[tuple[ImportFile, Document | None]] = []
    try:
        existing = {
            document.key: document
            for document in db.session.scalars(select(Document).where(Document.key.in_(keys)))
        }
        # Files that are already imported unchanged claim their content first, so a new
        # copy elsewhere in this batch is a duplicate whatever the order.
        for relative, loaded in loaded_files:
            document = existing.get(KEY_PREFIX + relative)
            if document is not None and document.content_hash == loaded.content_hash:
                state.seen_hashes.setdefault(loaded.content_hash, relative)
        imported_elsewhere = _imported_hashes(
            {loaded.content_hash for _relative, loaded in loaded_files}, exclude_keys=keys
        )
        for relative, item in batch:
            if not isinstance(item, LoadedFile):
                outcomes.append(_outcome(run, relative, FileOutcome.SKIPPED, reason=item))
                continue
            loaded = item
            folder = relative.rsplit("/", 1)[0] + "/" if "/" in relative else ""
            for warning in loaded.warnings:
                state.warn(folder + warning)
            document = existing.get(KEY_PREFIX + relative)
            fields = _document_fields(relative, loaded, state)
            if document is not None:
                if document.content_hash == loaded.content_hash and _same(document, fields):
                    outcomes.append(_outcome(run, relative, FileOutcome.UNCHANGED, document))
                else:
                    _assign(document, fields)
                    document.import_run_id = run.id
                    outcomes.append(_outcome(run, relative, FileOutcome.UPDATED, document))
                state.seen_hashes.setdefault(loaded.content_hash, relative)
                continue
            original = state.seen_hashes.get(loaded.content_hash) or imported_elsewhere.get(
                loaded.content_hash
            )
            if original is not None:
                reason = f"dubbel: zelfde inhoud als {original}"
                outcomes.append(_outcome(run, relative, FileOutcome.SKIPPED, reason=reason))
                continue
            document = Document(key=KEY_PREFIX + relative, origin=ORIGIN, import_run_id=run.id)
            _assign(document, fields)
            db.session.add(document)
            outcomes.append(_outcome(run, relative, FileOutcome.ADDED, document))
            state.seen_hashes[loaded.content_hash] = relative
        db.session.flush()
        for outcome, outcome_document in outcomes:
            if outcome.document_id is None and outcome_document is not None:
                outcome.document_id = outcome_document.id
            db.session.add(outcome)
        run.done = done
        run.current_file = current[:1000]
        run.heartbeat_at = _now()
        db.session.commit()
    except Exception as error:  # database or mapping error: lose this batch, not the run
        db.session.rollback()
        log.exception("import batch of %s files failed", len(batch))
        reason = f"opslaan mislukt ({type(error).__name__}); deze reeks is teruggedraaid"
        for relative, item in batch:
            if (
                isinstance(item, LoadedFile)
                and state.seen_hashes.get(item.content_hash) == relative
            ):
                del state.seen_hashes[item.content_hash]
        run = db.session.get(ImportRun, run_id)
        assert run is not None
        for relative, _item in batch:
            db.session.add(
                ImportFile(
                    run_id=run.id, path=relative, outcome=FileOutcome.SKIPPED.value, reason=reason
                )
            )
        run.skipped += len(batch)
        run.done = done
        run.heartbeat_at = _now()
        db.session.commit()
    db.session.expunge_all()  # memory stays flat on large imports
    from academy.jobs import index_changed

    index_changed()


def _outcome(
    run: ImportRun,
    relative: str,
    outcome: FileOutcome,
    document: Document | None = None,
    *,
    reason: str = "",
) -> tuple[ImportFile, Document | None]:
    setattr(run, outcome.value, getattr(run, outcome.value) + 1)
    row = ImportFile(
        run_id=run.id,
        path=relative[:1000],
        outcome=outcome.value,
        reason=reason,
        document_id=document.id if document is not None else None,
    )
    return row, document


def prune_missing(run: ImportRun, seen_keys: set[str]) -> int:
    """Delete documents imported earlier from this run's folder whose files are gone."""
    earlier_runs = select(ImportRun.id).where(
        ImportRun.source_kind == "folder", ImportRun.source == run.source
    )
    candidates = db.session.execute(
        select(Document.id, Document.key).where(
            Document.origin == ORIGIN, Document.import_run_id.in_(earlier_runs)
        )
    ).all()
    gone = [document_id for document_id, key in candidates if key not in seen_keys]
    if gone:
        record_event(
            AuditAction.DOCUMENT_DELETED,
            actor=None,
            actor_name="import (opruimen)",
            target=run,
            details={"aantal": len(gone), "reden": "bestand niet meer in de map"},
        )
    for start in range(0, len(gone), 500):
        for document in db.session.scalars(
            select(Document).where(Document.id.in_(gone[start : start + 500]))
        ):
            db.session.delete(document)
    return len(gone)


def import_summary(run_id: int) -> ImportSummary:
    """The run as the CLI prints it."""
    run = db.session.get(ImportRun, run_id)
    assert run is not None
    failed = [
        (path, reason)
        for path, reason in db.session.execute(
            select(ImportFile.path, ImportFile.reason)
            .where(ImportFile.run_id == run_id, ImportFile.outcome == FileOutcome.SKIPPED.value)
            .order_by(ImportFile.id)
        )
    ]
    summary = ImportSummary(
        added=run.added,
        updated=run.updated,
        unchanged=run.unchanged,
        failed=failed,
        removed=run.removed,
        state=run.state,
        message=run.message,
    )
    for warning in run.warnings or []:
        summary.warn(warning)
    return summary


def documents_by_origin() -> list[tuple[str, int]]:
    """How many documents each origin ("demo", "import", ...) has, largest first."""
    rows = db.session.execute(
        select(Document.origin, func.count(Document.id))
        .group_by(Document.origin)
        .order_by(func.count(Document.id).desc(), Document.origin)
    )
    return [(origin, count) for origin, count in rows]


# --------------------------------------------------------------------------- one run


@dataclass
class _Run:
    """State that lives for one execution: theme lookup, hashes seen, aggregated notes."""

    themes: dict[str, int]
    seen_hashes: dict[str, str] = field(default_factory=dict)  # hash -> relative path
    unknown_themes: Counter[str] = field(default_factory=Counter)
    unknown_types: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)

    def warn(self, message: str) -> None:
        if message not in self.notes:
            self.notes.append(message)

    def warnings(self, earlier: list[str]) -> list[str]:
        messages = [*earlier]
        for message in self.notes:
            if message not in messages:
                messages.append(message)
        for value, count in sorted(self.unknown_themes.items()):
            message = (
                f"Thema '{value}' is onbekend ({count} bestand(en)); zonder thema geïmporteerd."
            )
            if message not in messages:
                messages.append(message)
        for value, count in sorted(self.unknown_types.items()):
            message = (
                f"Type '{value}' is onbekend ({count} bestand(en)); "
                f"geïmporteerd als '{OTHER_DOCTYPE}'."
            )
            if message not in messages:
                messages.append(message)
        return messages


def _theme_lookup() -> dict[str, int]:
    """Theme id by lower-cased name and code (codes win when both match)."""
    lookup: dict[str, int] = {}
    themes = db.session.execute(select(Theme.id, Theme.code, Theme.name)).all()
    for theme_id, _code, name in themes:
        lookup[name.casefold()] = theme_id
    for theme_id, code, _name in themes:
        lookup[code.casefold()] = theme_id
    return lookup


def _relative(path: Path, root: Path) -> str:
    # NFC: macOS writes decomposed names; the same file must always get the same key.
    return unicodedata.normalize("NFC", path.relative_to(root).as_posix())


def _imported_hashes(hashes: set[str], *, exclude_keys: list[str]) -> dict[str, str]:
    """Relative path of an earlier import with each content hash, outside this batch."""
    if not hashes:
        return {}
    rows = db.session.execute(
        select(Document.content_hash, Document.key).where(
            Document.origin == ORIGIN,
            Document.content_hash.in_(hashes),
            Document.key.not_in(exclude_keys),
        )
    )
    return {content_hash: key.removeprefix(KEY_PREFIX) for content_hash, key in rows}


# --------------------------------------------------------------------------- mapping


def _document_fields(relative: str, loaded: LoadedFile, run: _Run) -> dict[str, Any]:
    """The Document columns for a loaded file, from its text, sidecar metadata and path."""
    metadata = loaded.metadata
    described = describe.describe(
        metadata=metadata,
        heading=loaded.heading,
        body=loaded.body,
        relative_path=relative,
        doctypes=DOCTYPES,
        first_line_is_title=loaded.first_line_is_title,
    )
    if described.unknown_doctype:
        run.unknown_types[described.unknown_doctype] += 1
    theme_id = None
    if metadata.get("thema"):
        theme_id = run.themes.get(metadata["thema"].casefold())
        if theme_id is None:
            run.unknown_themes[metadata["thema"]] += 1
    return {
        "title": described.title[:_TITLE_MAX],
        "summary": metadata.get("samenvatting") or _summary_from(loaded.body),
        "body": loaded.body,
        "markup": loaded.markup,
        "doctype": described.doctype,
        "theme_id": theme_id,
        "year": described.year,
        "published": described.published,
        "department": metadata.get("afdeling", "")[:_DEPARTMENT_MAX],
        "author": metadata.get("auteur", "")[:_AUTHOR_MAX],
        "source": relative,
        "content_hash": loaded.content_hash,
    }


_COMPARED = (
    "title",
    "summary",
    "doctype",
    "theme_id",
    "year",
    "published",
    "department",
    "author",
)


def _same(document: Document, fields: dict[str, Any]) -> bool:
    """Equal metadata (the body is covered by the content hash)."""
    return all(getattr(document, name) == fields[name] for name in _COMPARED)


def _assign(document: Document, fields: dict[str, Any]) -> None:
    for name, value in fields.items():
        setattr(document, name, value)


def _summary_from(body: str) -> str:
    """The first ~300 characters of the body, cut at a word."""
    return describe.summary_from(body, SUMMARY_CHARS)


__all__ = [
    "DEFAULT_BATCH_SIZE",
    "DEFAULT_MAX_BYTES",
    "ZIP_MAX_MEMBERS",
    "ZIP_MAX_TOTAL_BYTES",
    "ImportSummary",
    "documents_by_origin",
    "extract_zip",
    "import_folder",
    "start_folder_import",
    "start_upload_import",
]
