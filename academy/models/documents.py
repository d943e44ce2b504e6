"""The practice corpus (source of truth for the search index) and the search log."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from academy.extensions import Model
from academy.models.maturity import Theme
from academy.models.user import User
from search_module.analysis import fold

# The document types of the generated practice corpus ...
CORPUS_TYPES: tuple[str, ...] = (
    "onderzoek",
    "factsheet",
    "nota",
    "raadsvoorstel",
    "monitor",
    "evaluatie",
    "jaarverslag",
)
# ... and every type a document may have (a municipality's own documents add the legal and
# correspondence types); imported files with another type get "overig".
DOCUMENT_TYPES: tuple[str, ...] = (
    *CORPUS_TYPES,
    "wet",
    "besluit",
    "regeling",
    "circulaire",
    "beleidsregel",
    "verordening",
    "verdrag",
    "brief",
)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Document(Model):
    """A document in the practice corpus. The Whoosh index is derived from these rows."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Stable identity: "kern-..."/"gen-..." for demo documents, "import:<path>" for imports.
    key: Mapped[str] = mapped_column(String(500), unique=True)
    title: Mapped[str] = mapped_column(String(500))
    summary: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    doctype: Mapped[str] = mapped_column(String(40), index=True)
    theme_id: Mapped[int | None] = mapped_column(
        ForeignKey("themes.id", ondelete="SET NULL"), index=True
    )
    year: Mapped[int | None] = mapped_column(Integer, index=True)
    published: Mapped[dt.date | None] = mapped_column(Date)
    department: Mapped[str] = mapped_column(String(120), default="")
    author: Mapped[str] = mapped_column(String(200), default="")
    source: Mapped[str] = mapped_column(String(1000), default="")
    content_hash: Mapped[str] = mapped_column(String(64), default="")
    origin: Mapped[str] = mapped_column(String(20), default="demo")  # demo | import
    # The document's structure as (sanitised on display) Markdown, when the file had one.
    markup: Mapped[str | None] = mapped_column(Text)
    # The import run that last added or changed this document (None for demo documents).
    import_run_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_runs.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=_now, onupdate=_now
    )

    theme: Mapped[Theme | None] = relationship()
    import_run: Mapped[ImportRun | None] = relationship()

    def __repr__(self) -> str:
        return f"<Document {self.key!r}>"


class DocumentChange(Model):
    """One entry of the change feed: document ``document_id`` was written or removed.

    ``seq`` only grows; every node's index remembers the last entry it applied and
    catches up from there, so no node's index can drift from the database unnoticed.
    """

    __tablename__ = "document_changes"
    __table_args__ = {"sqlite_autoincrement": True}  # a sequence number is never reused

    seq: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    document_id: Mapped[int] = mapped_column(Integer, index=True)  # no FK: deletes stay
    removed: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class ImportState(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"
    INTERRUPTED = "interrupted"  # its worker died; can be resumed


class ImportRun(Model):
    """One import of files (an upload or a server folder), run as a background job."""

    __tablename__ = "import_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    source_kind: Mapped[str] = mapped_column(String(20))  # upload | folder
    # What the user pointed at: the folder path, or the uploaded file names.
    source: Mapped[str] = mapped_column(String(1000))
    # Where an upload waits for the job (under the instance folder); removed when done.
    staging_dir: Mapped[str] = mapped_column(String(1000), default="")
    max_bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    prune: Mapped[bool] = mapped_column(Boolean, default=False)
    state: Mapped[str] = mapped_column(String(20), default=ImportState.QUEUED.value, index=True)
    cancel_requested: Mapped[bool] = mapped_column(Boolean, default=False)
    total: Mapped[int] = mapped_column(Integer, default=0)
    done: Mapped[int] = mapped_column(Integer, default=0)
    current_file: Mapped[str] = mapped_column(String(1000), default="")
    added: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    skipped: Mapped[int] = mapped_column(Integer, default=0)
    removed: Mapped[int] = mapped_column(Integer, default=0)
    message: Mapped[str] = mapped_column(Text, default="")
    # Warnings about the run as a whole (unknown themes in a sidecar, ...).
    warnings: Mapped[list[str]] = mapped_column(JSON, default=list)
    started_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    # "host:pid" of the worker carrying the run out: a restarted worker on that host knows
    # at once that the run's process is gone.
    worker: Mapped[str] = mapped_column(String(200), default="")
    heartbeat_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))

    created_by: Mapped[User | None] = relationship()

    @property
    def finished(self) -> bool:
        return self.state in (ImportState.DONE, ImportState.FAILED, ImportState.CANCELLED)


class FileOutcome(StrEnum):
    ADDED = "added"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    SKIPPED = "skipped"


class ImportFile(Model):
    """What one import run did with one file; a resumed run skips files it has here."""

    __tablename__ = "import_files"
    __table_args__ = (UniqueConstraint("run_id", "path"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("import_runs.id", ondelete="CASCADE"))
    path: Mapped[str] = mapped_column(String(1000))
    outcome: Mapped[str] = mapped_column(String(20), index=True)
    reason: Mapped[str] = mapped_column(Text, default="")  # Dutch, for skipped files
    document_id: Mapped[int | None] = mapped_column(Integer)


#: Longest normalised query kept for grouping (a search box holds at most 500 characters).
QUERY_KEY_LENGTH = 500


def query_key(text: str) -> str:
    """The form searches are grouped by: case and accents folded, spaces collapsed, so
    "Coöperatie  Wonen" and "cooperatie wonen" count as one query in the search gaps."""
    return " ".join(fold(text).split())[:QUERY_KEY_LENGTH]


def theme_from_filters(filters: object) -> str | None:
    """The theme a search was narrowed to with the facet, when it is exactly one."""
    if not isinstance(filters, dict):
        return None
    values = filters.get("thema") or []
    if isinstance(values, list) and len(values) == 1 and isinstance(values[0], str):
        return values[0][:32] or None
    return None


def _query_key_default(context: DefaultExecutionContext) -> str:
    return query_key(str(context.get_current_parameters().get("query") or ""))


def _theme_code_default(context: DefaultExecutionContext) -> str | None:
    return theme_from_filters(context.get_current_parameters().get("filters"))


class QueryFeatures(TypeDecorator[frozenset[str]]):
    """A set of query features ("phrase", "or", ...) kept as a sorted JSON list.

    The log reads back the very value `search_module` reported (a frozenset), so no reader
    splits or joins strings; sorted, so equal sets are stored as equal text.
    """

    impl = JSON
    cache_ok = True

    def process_bind_param(
        self, value: frozenset[str] | None, dialect: Dialect
    ) -> list[str] | None:
        return None if value is None else sorted(value)

    def process_result_value(self, value: object, dialect: Dialect) -> frozenset[str]:
        if not isinstance(value, list):
            return frozenset()
        return frozenset(str(feature) for feature in value)


class QueryLog(Model):
    """One search a user ran: the trail trainers read and exercises grade."""

    __tablename__ = "query_logs"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    query: Mapped[str] = mapped_column(Text, default="")
    filters: Mapped[dict] = mapped_column(JSON, default=dict)
    sort: Mapped[str] = mapped_column(String(20), default="relevance")
    page: Mapped[int] = mapped_column(Integer, default=1)
    result_count: Mapped[int] = mapped_column(Integer, default=0)
    elapsed_ms: Mapped[float] = mapped_column(Float, default=0.0)
    # Operators the query used ("phrase", "or", "wildcard", ...), as search_module reports them.
    features: Mapped[frozenset[str]] = mapped_column(QueryFeatures, default=frozenset)
    # "search" when the learner asked for it (a new query, filter, facet, sort or page);
    # re-rendering an exercise records its own kind ("open", "view", "marked", "hint"), so
    # the trail holds only real searches (see academy/training/trail.py). "api" is a search
    # through the JSON API (no click on a result can be seen; the search gaps leave it out),
    # "key" a trainer's search for an exercise's key documents.
    kind: Mapped[str] = mapped_column(String(20), default="search", server_default="search")
    # The exercise attempt this search belonged to, if any (training feature).
    attempt_id: Mapped[int | None] = mapped_column(Integer, index=True)
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=_now, index=True
    )

    # The query folded for grouping (see query_key): filled on every insert by default.
    query_key: Mapped[str] = mapped_column(
        String(QUERY_KEY_LENGTH), default=_query_key_default, server_default=""
    )
    # The theme the search is attributed to for the search gaps (academy/gaps/attribution.py);
    # None when it cannot be said. Defaults to the one theme of the facet filter.
    theme_code: Mapped[str | None] = mapped_column(String(32), default=_theme_code_default)

    user: Mapped[User | None] = relationship()
