"""The change feed: every write to a document leaves a numbered entry in the same transaction.

The search index of every node is derived from the documents table. Instead of each writer
updating "the" index (there is one per node, and a writer may die between its commit and
the index update), writers only append to ``document_changes``; each node's index stores
the last sequence number it applied and catches up from the feed (see ``indexing``).

Entries are written by a session hook, so no code path that adds, changes or deletes a
Document through the ORM can forget them. Bulk statements bypass the ORM: they call
:func:`record_changes` themselves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Select, event, func, insert, inspect, literal, select
from sqlalchemy.orm import Session, scoped_session

from academy.extensions import db
from academy.models import Document, DocumentChange, Theme

#: Document attributes that end up in the index; changing another one needs no entry.
INDEXED_ATTRIBUTES = (
    "title",
    "summary",
    "body",
    "doctype",
    "theme_id",
    "year",
    "published",
    "department",
    "source",
)
_THEME_ATTRIBUTES = ("code", "name")
_PENDING = "academy.feed.removed_theme_documents"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def record_changes(
    document_ids: Iterable[int] | Select[Any],
    *,
    removed: bool = False,
    session: Session | None = None,
) -> None:
    """Append feed entries for documents written by a bulk statement (not the ORM)."""
    target: Session | scoped_session[Any] = session or db.session
    now = _now()
    if isinstance(document_ids, Select):
        subquery = document_ids.subquery()
        column = next(iter(subquery.c))
        target.execute(
            insert(DocumentChange).from_select(
                ["document_id", "removed", "created_at"],
                select(
                    column, literal(removed), literal(now, type_=DocumentChange.created_at.type)
                ),
            )
        )
        return
    rows = [{"document_id": int(i), "removed": removed, "created_at": now} for i in document_ids]
    if rows:
        target.execute(insert(DocumentChange), rows)


def latest_sequence() -> int:
    """The newest entry's number (0 when the feed is empty)."""
    return db.session.scalar(select(func.max(DocumentChange.seq))) or 0


def _modified(instance: object, attributes: tuple[str, ...]) -> bool:
    state = inspect(instance)
    return any(state.attrs[name].history.has_changes() for name in attributes)


@event.listens_for(Session, "before_flush")
def _remember_documents_of_removed_themes(session: Session, _context: Any, _instances: Any) -> None:
    # Removing a theme sets its documents' theme_id to NULL inside the database, where no
    # ORM event sees it: note which documents change before the rows are gone.
    themes = [obj for obj in session.deleted if isinstance(obj, Theme) and obj.id is not None]
    if themes:
        ids = session.scalars(
            select(Document.id).where(Document.theme_id.in_([t.id for t in themes]))
        ).all()
        session.info.setdefault(_PENDING, set()).update(ids)


@event.listens_for(Session, "after_flush")
def _record_document_writes(session: Session, _context: Any) -> None:
    written: set[int] = set(session.info.pop(_PENDING, set()))
    removed: set[int] = set()
    renamed_themes: list[int] = []
    for obj in session.new:
        if isinstance(obj, Document):
            written.add(obj.id)
    for obj in session.dirty:
        if isinstance(obj, Document) and _modified(obj, INDEXED_ATTRIBUTES):
            written.add(obj.id)
        elif isinstance(obj, Theme) and _modified(obj, _THEME_ATTRIBUTES):
            renamed_themes.append(obj.id)
    for obj in session.deleted:
        if isinstance(obj, Document):
            removed.add(obj.id)
    connection = session.connection()
    now = _now()
    rows = [{"document_id": i, "removed": False, "created_at": now} for i in written - removed]
    rows += [{"document_id": i, "removed": True, "created_at": now} for i in removed]
    if rows:
        connection.execute(insert(DocumentChange), rows)
    if renamed_themes:  # the theme's name is indexed with each of its documents
        connection.execute(
            insert(DocumentChange).from_select(
                ["document_id", "removed", "created_at"],
                select(
                    Document.id,
                    literal(False),
                    literal(now, type_=DocumentChange.created_at.type),
                ).where(Document.theme_id.in_(renamed_themes)),
            )
        )
