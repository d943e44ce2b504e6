"""The bridge from Document rows (the truth) to the derived Whoosh index.

Every node keeps its own index under SEARCH_INDEX_DIR. The index stores how far it has
followed the change feed (``feed``); the job worker of each node catches it up every few
seconds and rebuilds it only when it is missing or corrupt. Web requests only read it.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Generator, Iterable
from contextlib import closing
from dataclasses import dataclass

from flask import current_app
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from academy.documents.feed import latest_sequence
from academy.extensions import db
from academy.models import Document, DocumentChange
from search_module import CheckpointMismatchError, IndexedDocument, SearchIndex

log = logging.getLogger(__name__)

_EXTENSION_KEY = "academy.search_index"
#: Text beyond this many characters of a document is kept in the database and shown on
#: its page, but not indexed (a 45 MB log file would otherwise dominate every search).
INDEXED_BODY_CHARS = 1_000_000
_ensure_lock = threading.Lock()


def search_index() -> SearchIndex:
    """The process-wide SearchIndex for this app (one open searcher per worker)."""
    index = current_app.extensions.get(_EXTENSION_KEY)
    if index is None:
        index = SearchIndex(current_app.config["SEARCH_INDEX_DIR"])
        current_app.extensions[_EXTENSION_KEY] = index
    return index


def indexed_document(document: Document) -> IndexedDocument:
    theme = document.theme
    return IndexedDocument(
        doc_id=document.id,
        title=document.title,
        body=document.body[:INDEXED_BODY_CHARS],
        summary=document.summary,
        doctype=document.doctype,
        theme=theme.code if theme else "",
        theme_name=theme.name if theme else "",
        year=document.year or 0,
        department=document.department,
        published=document.published,
        source=document.source,
    )


def iter_indexed_documents(batch_size: int = 500) -> Generator[IndexedDocument, None, None]:
    """Stream every document from the database in id order, a batch at a time.

    Reads in a session of its own, so the caller's session (and the objects it holds:
    a route may call this through an immediate job) is left alone.
    """
    last_id = 0
    with Session(db.engine) as session:
        while True:
            batch = list(
                session.scalars(
                    select(Document)
                    .where(Document.id > last_id)
                    .options(selectinload(Document.theme))
                    .order_by(Document.id)
                    .limit(batch_size)
                )
            )
            if not batch:
                return
            for document in batch:
                yield indexed_document(document)
            last_id = batch[-1].id
            session.expunge_all()  # keep memory flat on large corpora


def document_count() -> int:
    return db.session.scalar(select(func.count(Document.id))) or 0


# --------------------------------------------------------------------------- checkpoint

#: A hole in the sequence may be a transaction that has not committed yet (PostgreSQL
#: hands out numbers before commit); it is looked at again for this long, then given up
#: as a rolled-back transaction.
GAP_TTL_SECONDS = 600
#: Changes applied in one index commit (bodies are streamed, so memory stays flat).
CATCH_UP_BATCH = 20_000


@dataclass(frozen=True)
class Checkpoint:
    """How far an index has followed the change feed: every entry up to ``seq`` except
    the ``gaps`` (numbers not yet seen, with when they were first missed)."""

    seq: int
    gaps: tuple[tuple[int, float], ...] = ()

    def to_json(self) -> dict[str, object]:
        return {"seq": self.seq, "gaps": [list(gap) for gap in self.gaps]}

    @classmethod
    def from_json(cls, value: object) -> Checkpoint | None:
        if not isinstance(value, dict) or not isinstance(value.get("seq"), int):
            return None
        gaps = tuple(
            (int(gap[0]), float(gap[1]))
            for gap in value.get("gaps") or ()
            if isinstance(gap, list) and len(gap) == 2
        )
        return cls(seq=value["seq"], gaps=gaps)


@dataclass(frozen=True)
class IndexState:
    """What admins see about this node's index."""

    usable: bool
    applied: int  # last change-feed entry applied (0 when none)
    latest: int  # newest entry in the feed
    documents_in_index: int
    documents_in_database: int

    @property
    def lag(self) -> int:
        return max(0, self.latest - self.applied) if self.usable else self.latest

    @property
    def in_step(self) -> bool:
        return self.usable and self.lag == 0


def index_checkpoint() -> Checkpoint | None:
    return Checkpoint.from_json(search_index().checkpoint())


def index_state() -> IndexState:
    """Cheap enough for a page view: one feed query, one count, a small file read."""
    index = search_index()
    checkpoint = index_checkpoint()
    in_index = index.document_count()
    return IndexState(
        usable=checkpoint is not None and (in_index > 0 or index.exists()),
        applied=checkpoint.seq if checkpoint else 0,
        latest=latest_sequence(),
        documents_in_index=in_index,
        documents_in_database=document_count(),
    )


# --------------------------------------------------------------------------- writing


def rebuild_index(progress: Callable[[int], None] | None = None) -> int:
    """Build a fresh index from the database aside and swap it in atomically.

    The feed position is read *before* the documents, so a change committed during the
    build is applied again by the next catch-up rather than lost.
    """
    checkpoint = Checkpoint(seq=latest_sequence())
    # Closed explicitly: a build that fails half-way must not leave the reading session
    # (and its pooled connection) to the garbage collector.
    with closing(iter_indexed_documents()) as documents:
        return search_index().rebuild(documents, progress=progress, checkpoint=checkpoint.to_json())


def catch_up_index(*, batch: int = CATCH_UP_BATCH, now: float | None = None) -> int:
    """Apply the feed entries this node's index has not seen; return how many documents
    were written or removed. Does nothing when there is no usable index (that needs a
    rebuild: see ``ensure_index``)."""
    index = search_index()
    applied = 0
    while True:
        raw = index.checkpoint()
        checkpoint = Checkpoint.from_json(raw)
        if checkpoint is None:
            return applied
        clock = time.time() if now is None else now
        rows = db.session.execute(
            select(DocumentChange.seq, DocumentChange.document_id)
            .where(
                or_(
                    DocumentChange.seq > checkpoint.seq,
                    DocumentChange.seq.in_([seq for seq, _ in checkpoint.gaps] or [-1]),
                )
            )
            .order_by(DocumentChange.seq)
            .limit(batch)
        ).all()
        if not rows:
            fresh_gaps = tuple(g for g in checkpoint.gaps if clock - g[1] < GAP_TTL_SECONDS)
            if fresh_gaps != checkpoint.gaps:
                _store(index, raw, Checkpoint(checkpoint.seq, fresh_gaps), [], [])
            return applied
        seen = {seq for seq, _ in rows}
        top = max(checkpoint.seq, max(seen))
        missing = set(range(checkpoint.seq + 1, top + 1)) - seen
        gaps = [g for g in checkpoint.gaps if g[0] not in seen and clock - g[1] < GAP_TTL_SECONDS]
        gaps += [(seq, clock) for seq in sorted(missing)]
        document_ids = sorted({document_id for _, document_id in rows})
        upserts, deletes = _load_current(document_ids)
        with closing(upserts):  # see rebuild_index
            applied += _store(index, raw, Checkpoint(top, tuple(gaps)), upserts, deletes)
        if len(rows) < batch:
            return applied


def _store(
    index: SearchIndex,
    expected: object,
    checkpoint: Checkpoint,
    upserts: Iterable[IndexedDocument],
    deletes: list[int],
) -> int:
    try:
        written = index.apply(upserts, deletes, checkpoint=checkpoint.to_json(), expected=expected)
    except CheckpointMismatchError:
        log.info("another process caught the index up at the same time; reading again")
        return 0
    return written + len(deletes)


def _load_current(
    document_ids: list[int],
) -> tuple[Generator[IndexedDocument, None, None], list[int]]:
    """The documents as they are now (streamed: bodies are read a chunk at a time), and
    the ids no longer in the table, which are to be removed."""
    existing: set[int] = set()
    for start in range(0, len(document_ids), 500):
        chunk = document_ids[start : start + 500]
        existing.update(db.session.scalars(select(Document.id).where(Document.id.in_(chunk))))
    present = [i for i in document_ids if i in existing]

    def stream() -> Generator[IndexedDocument, None, None]:
        with Session(db.engine) as session:  # not the caller's: see iter_indexed_documents
            for start in range(0, len(present), 200):
                for document in session.scalars(
                    select(Document)
                    .where(Document.id.in_(present[start : start + 200]))
                    .options(selectinload(Document.theme))
                ):
                    yield indexed_document(document)
                session.expunge_all()

    return stream(), [i for i in document_ids if i not in existing]


def ensure_index() -> str:
    """Bring this node's index in step with the database; return what was done.

    Rebuilds only when the index is missing, corrupt, from before the change feed, or
    holds another number of documents than the database after catching up (drift);
    otherwise applies the feed entries it lacks. Never called from a web request.
    """
    with _ensure_lock:
        index = search_index()
        checkpoint = index_checkpoint()
        if not index.check() or checkpoint is None:
            log.warning("search index missing, unusable or without feed position: rebuilding")
            rebuild_index()
            return "rebuilt"
        if checkpoint.seq > latest_sequence():  # the database was restored from a backup
            log.warning("search index is ahead of the change feed: rebuilding")
            rebuild_index()
            return "rebuilt"
        applied = catch_up_index()
        in_index, in_database = index.document_count(), document_count()
        if in_index != in_database:
            log.warning(
                "search index has %s documents, database %s after catching up: rebuilding",
                in_index,
                in_database,
            )
            rebuild_index()
            return "rebuilt"
        return f"caught up ({applied})" if applied else "up to date"
