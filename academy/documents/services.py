"""Looking up, correcting, re-indexing and removing documents; reading import runs.

Every write here goes through the ORM, so the change feed records it (``feed``) and every
node's index follows; none of these functions touches the index itself.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import selectinload

from academy.audit.services import AuditAction, record_event
from academy.documents.feed import record_changes
from academy.extensions import db
from academy.jobs import index_changed
from academy.models import Document, FileOutcome, ImportFile, ImportRun, Theme
from academy.models.documents import DOCUMENT_TYPES

PAGE_SIZE = 50
#: Characters of a document's text sent with one page view; longer texts are paged.
TEXT_PART_CHARS = 20_000
OTHER_DOCTYPE = "overig"
EDITABLE = ("title", "doctype", "theme_id", "year", "published", "department", "author", "summary")


@dataclass(frozen=True)
class DocumentFilter:
    """The filters of the document list, as read from the query string."""

    q: str = ""
    origin: str = ""
    doctype: str = ""
    year: int | None = None
    run_id: int | None = None
    page: int = 1

    def as_args(self, **changes: Any) -> dict[str, Any]:
        values = {
            "q": self.q,
            "herkomst": self.origin,
            "type": self.doctype,
            "jaar": self.year,
            "import": self.run_id,
            "pagina": self.page,
        }
        values.update(changes)
        return {key: value for key, value in values.items() if value not in ("", None, 1)}


@dataclass(frozen=True)
class DocumentPage:
    documents: list[Document]
    total: int
    page: int
    pages: int


def doctype_choices() -> list[str]:
    return [*DOCUMENT_TYPES, OTHER_DOCTYPE]


def _filtered(flt: DocumentFilter) -> Select[Document]:
    query = select(Document)
    if flt.q:
        pattern = "%" + flt.q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        query = query.where(
            or_(
                Document.title.ilike(pattern, escape="\\"),
                Document.source.ilike(pattern, escape="\\"),
            )
        )
    if flt.origin:
        query = query.where(Document.origin == flt.origin)
    if flt.doctype:
        query = query.where(Document.doctype == flt.doctype)
    if flt.year is not None:
        query = query.where(Document.year == flt.year)
    if flt.run_id is not None:
        query = query.where(Document.import_run_id == flt.run_id)
    return query


def list_documents(flt: DocumentFilter) -> DocumentPage:
    query = _filtered(flt)
    total = db.session.scalar(select(func.count()).select_from(query.subquery())) or 0
    pages = max(1, math.ceil(total / PAGE_SIZE))
    page = min(max(flt.page, 1), pages)
    documents = list(
        db.session.scalars(
            query.options(selectinload(Document.theme))
            .order_by(Document.updated_at.desc(), Document.id.desc())
            .offset((page - 1) * PAGE_SIZE)
            .limit(PAGE_SIZE)
        )
    )
    return DocumentPage(documents=documents, total=total, page=page, pages=pages)


def filter_options() -> dict[str, list[Any]]:
    """Values the list can be filtered on, from what is in the table."""
    return {
        "origins": list(
            db.session.scalars(select(Document.origin).distinct().order_by(Document.origin))
        ),
        "doctypes": list(
            db.session.scalars(select(Document.doctype).distinct().order_by(Document.doctype))
        ),
        "years": [
            year
            for year in db.session.scalars(
                select(Document.year).distinct().order_by(Document.year.desc())
            )
            if year is not None
        ],
    }


def theme_choices() -> list[tuple[int, str]]:
    themes = db.session.execute(select(Theme.id, Theme.name).order_by(Theme.name)).all()
    return [(0, "—"), *((theme_id, name) for theme_id, name in themes)]


def update_document(document: Document, values: dict[str, Any]) -> bool:
    """Save corrected metadata; return whether anything changed."""
    changed = False
    for name in EDITABLE:
        if name not in values:
            continue
        value = values[name]
        if name == "theme_id" and not value:
            value = None
        if name in ("department", "author", "summary", "title") and value is None:
            value = ""
        if isinstance(value, str):
            value = value.strip()
        if getattr(document, name) != value:
            setattr(document, name, value)
            changed = True
    if changed:
        document.updated_at = dt.datetime.now(dt.UTC)
        db.session.commit()
        index_changed()
    return changed


def delete_documents(document_ids: list[int], *, run: ImportRun | None = None) -> int:
    """Remove documents (their exercise keys and evidence lose the link); return how many.

    One audit event per action: the document itself, or the count (and the run) of many.
    """
    removed: list[Document] = []
    try:
        for start in range(0, len(document_ids), 500):
            for document in db.session.scalars(
                select(Document).where(Document.id.in_(document_ids[start : start + 500]))
            ):
                db.session.delete(document)
                removed.append(document)
        if len(removed) == 1 and run is None:
            record_event(AuditAction.DOCUMENT_DELETED, target=removed[0])
        elif removed:
            record_event(
                AuditAction.DOCUMENT_DELETED,
                target=run,
                target_type="" if run else "documents",
                details={"aantal": len(removed)},
            )
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    index_changed()
    return len(removed)


def run_document_ids(run_id: int) -> list[int]:
    return list(db.session.scalars(select(Document.id).where(Document.import_run_id == run_id)))


def reindex_document(document: Document) -> None:
    """Put one document through the index again (a feed entry; the follower applies it)."""
    record_changes([document.id])
    db.session.commit()
    index_changed()


def text_part(document: Document, part: int) -> tuple[str, int]:
    """One part of a long text, and how many parts there are (a page never sends MBs)."""
    return split_part(document.body, part)


def split_part(text: str, part: int, size: int | None = None) -> tuple[str, int]:
    """Part ``part`` (1-based) of ``text`` in pieces of about ``size`` characters, and the
    number of parts; a piece ends at a paragraph break when there is one near its end."""
    size = size or TEXT_PART_CHARS
    parts = max(1, math.ceil(len(text) / size))
    part = min(max(part, 1), parts)
    start = _part_start(text, part, size)
    end = _part_start(text, part + 1, size) if part < parts else len(text)
    return text[start:end], parts


def _part_start(text: str, part: int, size: int) -> int:
    if part <= 1:
        return 0
    nominal = (part - 1) * size
    floor = nominal - size // 5
    cut = text.rfind("\n\n", floor, nominal)
    return cut + 2 if cut != -1 else nominal


# --------------------------------------------------------------------------- runs


def list_runs(limit: int = 100) -> list[ImportRun]:
    return list(
        db.session.scalars(
            select(ImportRun)
            .options(selectinload(ImportRun.created_by))
            .order_by(ImportRun.id.desc())
            .limit(limit)
        )
    )


@dataclass(frozen=True)
class OutcomePage:
    files: list[ImportFile]
    total: int
    page: int
    pages: int
    counts: dict[str, int]


def run_outcomes(run_id: int, outcome: str, page: int) -> OutcomePage:
    counts = {
        value: count
        for value, count in db.session.execute(
            select(ImportFile.outcome, func.count(ImportFile.id))
            .where(ImportFile.run_id == run_id)
            .group_by(ImportFile.outcome)
        )
    }
    query = select(ImportFile).where(ImportFile.run_id == run_id)
    if outcome in {o.value for o in FileOutcome}:
        query = query.where(ImportFile.outcome == outcome)
        total = counts.get(outcome, 0)
    else:
        total = sum(counts.values())
    pages = max(1, math.ceil(total / PAGE_SIZE))
    page = min(max(page, 1), pages)
    files = list(
        db.session.scalars(
            query.order_by(ImportFile.path).offset((page - 1) * PAGE_SIZE).limit(PAGE_SIZE)
        )
    )
    return OutcomePage(files=files, total=total, page=page, pages=pages, counts=counts)


def allowed_folder(base: str, subfolder: str, allowed: tuple[str, ...]) -> Path | None:
    """The folder to import when it lies inside one of the configured import folders."""
    if base not in allowed:
        return None
    root = Path(base).resolve()
    target = (root / subfolder.strip().lstrip("/")).resolve() if subfolder.strip() else root
    if not target.is_relative_to(root) or not target.is_dir():
        return None
    return target
