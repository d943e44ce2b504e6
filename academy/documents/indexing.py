"""The bridge from Document rows (the truth) to the derived Whoosh index.

Every node keeps its own index under SEARCH_INDEX_DIR and can always rebuild it from the
database; writes to documents update it incrementally after their transaction commits.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Iterator

from flask import current_app
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from academy.extensions import db
from academy.models import Document
from search_module import IndexedDocument, SearchIndex

log = logging.getLogger(__name__)

_EXTENSION_KEY = "academy.search_index"
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
        body=document.body,
        summary=document.summary,
        doctype=document.doctype,
        theme=theme.code if theme else "",
        theme_name=theme.name if theme else "",
        year=document.year or 0,
        department=document.department,
        published=document.published,
        source=document.source,
    )


def iter_indexed_documents(batch_size: int = 500) -> Iterator[IndexedDocument]:
    """Stream every document from the database in id order, a batch at a time."""
    last_id = 0
    while True:
        batch = list(
            db.session.scalars(
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
        db.session.expunge_all()  # keep memory flat on large corpora


def document_count() -> int:
    return db.session.scalar(select(func.count(Document.id))) or 0


def rebuild_index(progress: Callable[[int], None] | None = None) -> int:
    """Build a fresh index from the database aside and swap it in atomically."""
    count = search_index().rebuild(iter_indexed_documents(), progress=progress)
    current_app.extensions[_EXTENSION_KEY + ".checked"] = True
    return count


def ensure_index(force_check: bool = False) -> bool:
    """Rebuild the index from the database when it is missing, corrupt or out of step.

    Checked once per process (and again when `force_check`); returns whether it rebuilt.
    """
    if current_app.extensions.get(_EXTENSION_KEY + ".checked") and not force_check:
        return False
    with _ensure_lock:
        index = search_index()
        healthy = index.check()
        expected = document_count()
        if healthy and index.document_count() == expected:
            current_app.extensions[_EXTENSION_KEY + ".checked"] = True
            return False
        if healthy:
            log.warning(
                "search index has %s documents, database %s: rebuilding from the database",
                index.document_count(),
                expected,
            )
        else:
            log.warning("search index missing or unusable: rebuilding from the database")
        rebuild_index()
        return True


def index_documents(documents: Iterable[Document]) -> int:
    """Add or refresh committed documents in the index."""
    return search_index().add_or_update_many(indexed_document(d) for d in documents)


def remove_from_index(document_ids: Iterable[int]) -> None:
    index = search_index()
    for document_id in document_ids:
        index.delete(document_id)
