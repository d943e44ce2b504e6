"""The practice corpus (source of truth for the search index) and the search log."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Date, DateTime, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from academy.extensions import db
from academy.models.maturity import Theme
from academy.models.user import User

# The document types of the practice corpus; imported files with another type get "overig".
DOCUMENT_TYPES: tuple[str, ...] = (
    "onderzoek",
    "factsheet",
    "nota",
    "raadsvoorstel",
    "monitor",
    "evaluatie",
    "jaarverslag",
)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Document(db.Model):
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
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=_now, onupdate=_now
    )

    theme: Mapped[Theme | None] = relationship()

    def __repr__(self) -> str:
        return f"<Document {self.key!r}>"


class QueryLog(db.Model):
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
    # Operators the query used ("phrase", "or", "wildcard", ...), comma separated.
    features: Mapped[str] = mapped_column(String(200), default="")
    # "search" when the learner asked for it (a new query, filter, facet, sort or page);
    # re-rendering an exercise records its own kind ("open", "view", "marked", "hint"), so
    # the trail holds only real searches (see academy/training/trail.py).
    kind: Mapped[str] = mapped_column(String(20), default="search", server_default="search")
    # The exercise attempt this search belonged to, if any (training feature).
    attempt_id: Mapped[int | None] = mapped_column(Integer, index=True)
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=_now, index=True
    )

    user: Mapped[User | None] = relationship()
