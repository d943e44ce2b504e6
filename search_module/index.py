"""Index lifecycle: open, atomic full rebuild, incremental updates, health check.

Layout under the index directory::

    CURRENT              one line: the name of the version directory being served
    v-<stamp>-<rand>/    a complete Whoosh index plus META.json
    .build-<rand>/       a rebuild in progress (removed when it dies or finishes)
    .lock                fcntl lock: one writer at a time, across processes

Each version also holds ``CHECKPOINT.json``: an opaque JSON value the caller stores with
every write (the academy keeps its change-feed position there), so "which changes does
this index hold" travels with the index itself, through rebuilds and swaps.

A rebuild writes a whole new version beside the old one, renames it into place and then
replaces ``CURRENT`` with ``os.replace`` (atomic on POSIX). Until that last step every
reader keeps using the previous version, so a build that crashes or is killed changes
nothing. Rebuilds and incremental writes take the same exclusive lock, so two rebuilds
run one after the other, and an update made during a rebuild lands in the new version.
The version before the current one is kept, so a process that has not noticed the swap
yet can finish its search; older ones are removed.

Each SearchIndex keeps one searcher open and replaces it only when ``CURRENT`` points
elsewhere or the version's own generation moved (an incremental write by anyone).
"""

from __future__ import annotations

import contextlib
import datetime
import fcntl
import gc
import itertools
import json
import logging
import os
import secrets
import shutil
import threading
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from whoosh import index as windex
from whoosh.index import Index
from whoosh.multiproc import MpWriter, SubWriterTask
from whoosh.writing import SegmentWriter

from search_module.analysis import fold, surface_words
from search_module.schema import FORMAT_VERSION, VOCABULARY_DOC_ID, build_schema
from search_module.search import IndexView, run_search, unavailable_result
from search_module.values import IndexedDocument, SearchRequest, SearchResult

__all__ = ["CheckpointMismatchError", "IndexUnavailableError", "SearchIndex"]

log = logging.getLogger(__name__)

POINTER = "CURRENT"
LOCKFILE = ".lock"
META = "META.json"
CHECKPOINT = "CHECKPOINT.json"
#: Memory for the writer's posting pool; more means fewer sorted runs to merge.
WRITER_LIMIT_MB = 256
#: Documents per progress callback.
PROGRESS_EVERY = 100
#: Writer processes for a full rebuild. Two roughly triple the speed on two cores:
#: the parent only pickles batches of documents, the children analyse and write.
DEFAULT_BUILD_PROCS = 2 if (os.cpu_count() or 1) >= 2 else 1
#: Below this many documents a rebuild stays in-process.
PARALLEL_MIN_DOCUMENTS = 400


class IndexUnavailableError(RuntimeError):
    """The index cannot be used (missing or broken); rebuild it."""


class CheckpointMismatchError(RuntimeError):
    """Raised when another writer moved the checkpoint since the caller read it."""


def _write_json_atomically(path: Path, value: Any) -> None:
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(value, fh)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _document_fields(doc: IndexedDocument, *, with_words: bool = True) -> dict[str, Any]:
    """Map one IndexedDocument onto the schema's fields (``spell`` only ``with_words``)."""
    published = doc.published
    if isinstance(published, datetime.datetime):
        published = published.date()
    if published is not None:
        sortkey = published.toordinal()
    elif doc.year:
        sortkey = datetime.date(max(1, min(int(doc.year), 9999)), 1, 1).toordinal()
    else:
        sortkey = 0
    summary = doc.summary or ""
    return {
        "doc_id": str(int(doc.doc_id)),
        "title": doc.title or "",
        "theme_name": doc.theme_name or "",
        "content": summary + "\n" + (doc.body or "") if summary else (doc.body or ""),
        "spell": " ".join(_words(doc)) if with_words else "",
        "doctype": doc.doctype or "",
        "theme": doc.theme or "",
        "year": str(int(doc.year)) if doc.year else "",
        "department": doc.department or "",
        "sortkey": sortkey,
        "summary": summary,
        "body": doc.body or "",
        "published": published.isoformat() if published else None,
        "source": doc.source or "",
        "_stored_year": int(doc.year) if doc.year else 0,
    }


def _words(doc: IndexedDocument) -> set[str]:
    return surface_words(doc.title or "", doc.summary or "", doc.body or "")


def _clean_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Whoosh rejects empty ID values; leave those fields out."""
    return {
        k: v
        for k, v in fields.items()
        if not (v == "" and k in ("doctype", "theme", "year", "department"))
    }


def _die_with_parent(parent_pid: int) -> None:
    """Make a writer child exit when its parent dies (kill -9 included), Linux only."""
    with contextlib.suppress(Exception):
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent_pid:
        os._exit(1)


class _SubWriterTask(SubWriterTask):
    """Whoosh's writer child, made to die with its parent instead of waiting forever."""

    parent_pid = 0

    def run(self) -> None:
        _die_with_parent(self.parent_pid)
        super().run()


class _ParallelWriter(MpWriter):
    """Whoosh's multi-process writer with children that can actually be stopped.

    Whoosh's own ``cancel()`` only flips a flag in the parent's copy of each child, so a
    failed build would leave children blocked on the job queue (and the parent hanging at
    exit, joining them). Ours are daemons, die with the parent and are terminated on abort.
    """

    def _new_task(self) -> SubWriterTask:
        task = _SubWriterTask(
            self.storage,
            self.indexname,
            self.jobqueue,
            self.resultqueue,
            self.subargs,
            self.multisegment,
        )
        task.parent_pid = os.getpid()
        task.daemon = True
        self.tasks.append(task)
        task.start()
        return task

    def abort(self) -> None:
        for task in self.tasks:
            if task.is_alive():
                task.terminate()
        for task in self.tasks:
            task.join(5)
        SegmentWriter.cancel(self)


class SearchIndex:
    """A practice search index in one directory, safe to share between threads.

    ``build_procs`` sets the writer processes for a full rebuild (1 = in-process).
    """

    def __init__(
        self, path: str | os.PathLike[str], *, build_procs: int = DEFAULT_BUILD_PROCS
    ) -> None:
        self.path = Path(path)
        self.build_procs = max(1, int(build_procs))
        self._lock = threading.RLock()
        self._view: IndexView | None = None
        self._version: str | None = None
        self._pointer_stamp: tuple[int, int, int] | None = None

    # ------------------------------------------------------------------ paths & pointer

    def _read_pointer(self) -> str | None:
        try:
            name = (self.path / POINTER).read_text(encoding="utf-8").strip()
        except (FileNotFoundError, NotADirectoryError):
            return None
        if not name or "/" in name or name.startswith("."):
            return None
        return name

    def _pointer_changed(self) -> bool:
        try:
            st = os.stat(self.path / POINTER)
        except OSError:
            return self._pointer_stamp is not None
        stamp = (st.st_ino, st.st_mtime_ns, st.st_size)
        return stamp != self._pointer_stamp

    def _write_pointer(self, name: str) -> None:
        tmp = self.path / f".{POINTER}.{secrets.token_hex(4)}"
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(name + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.path / POINTER)
        _fsync_dir(self.path)

    @contextlib.contextmanager
    def _write_lock(self) -> Iterator[None]:
        """Exclusive cross-process lock for rebuilds and incremental writes."""
        self.path.mkdir(parents=True, exist_ok=True)
        with open(self.path / LOCKFILE, "a+") as fh:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh.fileno(), fcntl.LOCK_UN)

    def _open_current(self) -> Index:
        name = self._read_pointer()
        if name is None:
            raise IndexUnavailableError(f"no search index at {self.path}")
        version_dir = self.path / name
        meta = self._read_meta(version_dir)
        if meta.get("format") != FORMAT_VERSION:
            raise IndexUnavailableError(
                f"index format {meta.get('format')!r}, expected {FORMAT_VERSION}"
            )
        return windex.open_dir(str(version_dir))

    @staticmethod
    def _read_meta(version_dir: Path) -> dict[str, Any]:
        try:
            data = json.loads((version_dir / META).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise IndexUnavailableError(f"index metadata unreadable in {version_dir}") from exc
        return data if isinstance(data, dict) else {}

    # ------------------------------------------------------------------ searcher

    def _current_view(self) -> IndexView:
        """The open view, refreshed if the index changed on disk (by anyone)."""
        view = self._view
        if view is not None and not self._pointer_changed() and view.searcher.up_to_date():
            return view
        # Changed: open a new searcher. Not Searcher.refresh(): Whoosh 2.7 reuses segment
        # readers by segment id, so a refreshed searcher misses deletions made in an
        # existing segment (an updated document would then be found twice).
        stamp: tuple[int, int, int] | None
        try:
            st = os.stat(self.path / POINTER)
            stamp = (st.st_ino, st.st_mtime_ns, st.st_size)
        except OSError:
            stamp = None
        failure: str | None = None
        with warnings.catch_warnings():
            # Whoosh leaves files open when a damaged index fails to open; they are closed
            # when the exception is dropped, which must happen while ResourceWarning is
            # ignored, or it fails whatever runs next (we run with -W error).
            warnings.simplefilter("ignore", ResourceWarning)
            try:
                ix = self._open_current()
                new_view = IndexView(ix.searcher())
            except IndexUnavailableError:
                raise  # missing or wrong version: nothing was opened
            except Exception as exc:  # noqa: BLE001 - any damage means "unusable"
                failure = f"{type(exc).__name__}: {exc}"
            if failure is not None:
                gc.collect()
        if failure is not None:
            raise IndexUnavailableError(failure)
        old = self._view
        self._view = new_view
        self._pointer_stamp = stamp
        self._version = self._read_pointer()
        if old is not None:
            with contextlib.suppress(Exception):
                old.searcher.close()
        return new_view

    def _drop_view(self) -> None:
        old = self._view
        self._view = None
        self._pointer_stamp = None
        if old is not None:
            with contextlib.suppress(Exception):
                old.searcher.close()

    def close(self) -> None:
        """Close the open searcher (the index stays on disk)."""
        with self._lock:
            self._drop_view()

    # ------------------------------------------------------------------ queries

    def exists(self) -> bool:
        """True when a version is published (it may still be corrupt: see check())."""
        name = self._read_pointer()
        return name is not None and windex.exists_in(str(self.path / name))

    def check(self) -> bool:
        """True when the index opens and answers; False when missing or corrupt."""
        with self._lock:
            try:
                self._drop_view()
                view = self._current_view()
                view.live  # noqa: B018 - touches the deletion data
                view.sortkeys  # noqa: B018 - touches the column file
                for key in ("type", "thema", "jaar", "afdeling"):
                    view.facet_bits(key)
                if view.n:
                    view.reader.stored_fields(view.n - 1)
                return True
            except Exception as exc:  # noqa: BLE001 - a health check must not crash the app
                log.warning("search index at %s is not usable: %s", self.path, exc)
                self._drop_view()
                return False

    def checkpoint(self) -> Any:
        """The value stored with the last write, or None (no index, or none stored)."""
        name = self._read_pointer()
        if name is None:
            return None
        try:
            return json.loads((self.path / name / CHECKPOINT).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def document_count(self) -> int:
        """Number of (live) documents; 0 when there is no usable index."""
        with self._lock:
            try:
                return self._current_view().doc_count()
            except Exception as exc:  # noqa: BLE001 - a count must not crash a page
                log.warning("search index at %s unusable: %s", self.path, exc)
                self._drop_view()
                return 0

    def vocabulary_contains(self, word: str) -> bool:
        """True when the (folded, unstemmed) word occurs in some document."""
        with self._lock:
            try:
                view = self._current_view()
                return view.reader.frequency("spell", fold(word)) > 0
            except Exception as exc:  # noqa: BLE001 - same as document_count
                log.warning("search index at %s unusable: %s", self.path, exc)
                self._drop_view()
                return False

    def search(self, request: SearchRequest) -> SearchResult:
        """Run one search. A missing or broken index gives an empty result with a hint
        (and a logged warning) rather than an exception: the page still renders.

        ``SearchRequest(highlight=False)`` asks only for the ranking (ids, scores, total,
        facets): no text parts, reasons or suggestion, for callers that rank many queries."""
        with self._lock:
            try:
                try:
                    return run_search(self._current_view(), request)
                except (OSError, EOFError, KeyError, ValueError) as exc:
                    # e.g. a version removed under an idle process: reopen once and retry
                    log.info("reopening search index after %r", exc)
                    self._drop_view()
                    return run_search(self._current_view(), request)
            except Exception as exc:  # noqa: BLE001 - see docstring
                log.warning("search index at %s unusable: %s", self.path, exc)
                self._drop_view()
                return unavailable_result(request)

    # ------------------------------------------------------------------ writing

    def rebuild(
        self,
        documents: Iterable[IndexedDocument],
        *,
        progress: Callable[[int], None] | None = None,
        checkpoint: Any = None,
    ) -> int:
        """Build a fresh index aside and swap it in atomically; return the document count.

        If ``documents`` raises (or the process dies) the previous index keeps serving.
        ``checkpoint`` is stored with the new version (see :meth:`checkpoint`).
        """
        with self._write_lock():
            count = self._build_and_publish(documents, progress, checkpoint)
        with self._lock:
            self._drop_view()
        return count

    def _build_and_publish(
        self,
        documents: Iterable[IndexedDocument],
        progress: Callable[[int], None] | None,
        checkpoint: Any = None,
    ) -> int:
        """Build into ``.build-*``, rename to ``v-*``, then swap CURRENT (lock held)."""
        self._remove_stale_builds()
        build_dir = self.path / f".build-{secrets.token_hex(6)}"
        build_dir.mkdir()
        try:
            count = self._build_into(build_dir, documents, progress)
            stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%S")
            name = f"v-{stamp}-{secrets.token_hex(3)}"
            meta = {"format": FORMAT_VERSION, "documents": count, "built": stamp}
            (build_dir / META).write_text(json.dumps(meta), encoding="utf-8")
            if checkpoint is not None:
                (build_dir / CHECKPOINT).write_text(json.dumps(checkpoint), encoding="utf-8")
            self._fsync_tree(build_dir)
            os.rename(build_dir, self.path / name)
            _fsync_dir(self.path)
            self._write_pointer(name)
        except BaseException:
            shutil.rmtree(build_dir, ignore_errors=True)
            raise
        self._remove_old_versions()
        return count

    def _build_into(
        self,
        build_dir: Path,
        documents: Iterable[IndexedDocument],
        progress: Callable[[int], None] | None,
    ) -> int:
        ix = windex.create_in(str(build_dir), build_schema())
        # Starting writer processes costs more than it saves on a small corpus: look ahead.
        iterator = iter(documents)
        try:
            head = list(itertools.islice(iterator, PARALLEL_MIN_DOCUMENTS))
        except BaseException:
            ix.close()
            raise
        writer: SegmentWriter
        if self.build_procs > 1 and len(head) >= PARALLEL_MIN_DOCUMENTS:
            writer = _ParallelWriter(
                ix, procs=self.build_procs, multisegment=True, limitmb=WRITER_LIMIT_MB
            )
        else:
            writer = ix.writer(limitmb=WRITER_LIMIT_MB)
        count = 0
        vocabulary: Counter[str] = Counter()
        try:
            for doc in itertools.chain(head, iterator):
                writer.add_document(**_clean_fields(_document_fields(doc, with_words=False)))
                vocabulary.update(_words(doc))
                count += 1
                if progress is not None and count % PROGRESS_EVERY == 0:
                    progress(count)
            if vocabulary:
                words = " ".join(f"{word}:{n}" for word, n in vocabulary.items())
                writer.add_document(doc_id=VOCABULARY_DOC_ID, spell=words)
            writer.commit()
        except BaseException:
            with contextlib.suppress(Exception):
                if isinstance(writer, _ParallelWriter):
                    writer.abort()
                else:
                    writer.cancel()
            raise
        finally:
            ix.close()
        # A writer child that died would silently lose its documents: count them.
        check = windex.open_dir(str(build_dir))
        try:
            indexed = check.doc_count() - (1 if count else 0)  # the vocabulary document
        finally:
            check.close()
        if indexed != count:
            raise IndexUnavailableError(
                f"rebuild indexed {indexed} of {count} documents; not published"
            )
        if progress is not None and count % PROGRESS_EVERY:
            progress(count)
        return count

    @staticmethod
    def _fsync_tree(directory: Path) -> None:
        for entry in directory.iterdir():
            if entry.is_file():
                with contextlib.suppress(OSError), open(entry, "rb") as fh:
                    os.fsync(fh.fileno())
        _fsync_dir(directory)

    def _remove_stale_builds(self) -> None:
        """Builds left by a crashed process (we hold the lock, so none is running)."""
        for entry in self.path.glob(".build-*"):
            shutil.rmtree(entry, ignore_errors=True)
        for entry in self.path.glob(f".{POINTER}.*"):
            with contextlib.suppress(OSError):
                entry.unlink()

    def _remove_old_versions(self) -> None:
        """Keep the current and the newest previous version (for slow readers)."""
        current = self._read_pointer()
        others = sorted(
            (p for p in self.path.glob("v-*") if p.is_dir() and p.name != current),
            key=lambda p: p.stat().st_mtime_ns,
            reverse=True,
        )
        for version in others[1:]:
            shutil.rmtree(version, ignore_errors=True)

    def _ensure_index(self) -> Index:
        """Open the current version, publishing an empty one if there is none (lock held)."""
        if self._read_pointer() is None:
            self._build_and_publish([], None)
        return self._open_current()

    def apply(
        self,
        upserts: Iterable[IndexedDocument],
        deletes: Iterable[int],
        *,
        checkpoint: Any,
        expected: Any,
    ) -> int:
        """Add or replace ``upserts`` and remove ``deletes`` in one commit, then store
        ``checkpoint``; return how many documents were written.

        Raises CheckpointMismatchError (writing nothing) when the stored checkpoint is no
        longer ``expected``: another process applied changes in between. A crash after
        the commit but before the checkpoint is stored makes the caller apply the same
        changes again, which is harmless (writes are idempotent).
        """
        with self._write_lock():
            if self.checkpoint() != expected:
                raise CheckpointMismatchError(f"checkpoint of {self.path} moved")
            count = self._write(upserts, deletes)
            name = self._read_pointer()
            if name is not None:
                _write_json_atomically(self.path / name / CHECKPOINT, checkpoint)
        return count

    def add_or_update_many(self, documents: Iterable[IndexedDocument]) -> int:
        """Add or replace documents (matched on doc_id) in one commit; return how many."""
        with self._write_lock():
            return self._write(documents, ())

    def _write(self, upserts: Iterable[IndexedDocument], deletes: Iterable[int]) -> int:
        """One writer commit of deletions and additions (the write lock is held).

        Many additions (a large import caught up at once) are analysed by writer
        processes, as in a rebuild: the parent deletes the old versions, the children
        write new segments.
        """
        count = 0
        ix = self._ensure_index()
        iterator = iter(upserts)
        try:
            head = list(itertools.islice(iterator, PARALLEL_MIN_DOCUMENTS))
            upserts = itertools.chain(head, iterator)
            writer: SegmentWriter
            if self.build_procs > 1 and len(head) >= PARALLEL_MIN_DOCUMENTS:
                writer = _ParallelWriter(
                    ix, procs=self.build_procs, multisegment=True, limitmb=WRITER_LIMIT_MB
                )
            else:
                writer = ix.writer(timeout=30.0)
            try:
                for doc_id in deletes:
                    writer.delete_by_term("doc_id", str(int(doc_id)))
                for doc in upserts:
                    writer.update_document(**_clean_fields(_document_fields(doc)))
                    count += 1
                writer.commit()
            except BaseException:
                with contextlib.suppress(Exception):
                    if isinstance(writer, _ParallelWriter):
                        writer.abort()
                    else:
                        writer.cancel()
                raise
        finally:
            ix.close()
        return count

    def add_or_update(self, document: IndexedDocument) -> None:
        """Add or replace one document."""
        self.add_or_update_many([document])

    def delete(self, doc_id: int) -> bool:
        """Remove a document; True when it was in the index."""
        with self._write_lock():
            if self._read_pointer() is None:
                return False
            ix = self._open_current()
            try:
                writer = ix.writer(timeout=30.0)
                try:
                    removed = writer.delete_by_term("doc_id", str(int(doc_id)))
                    writer.commit()
                except BaseException:
                    with contextlib.suppress(Exception):
                        writer.cancel()
                    raise
            finally:
                ix.close()
        return bool(removed)

    def __repr__(self) -> str:
        return f"SearchIndex({str(self.path)!r})"
