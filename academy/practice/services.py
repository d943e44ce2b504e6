"""Running a practice search for a user, and logging it for the search trail."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Literal

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from academy.documents.indexing import search_index
from academy.extensions import db
from academy.gaps.attribution import attribute_theme, mentions_theme_field
from academy.models import Document, QueryLog, Theme, User
from academy.security import MAX_ID
from search_module import FACET_KEYS, SearchRequest, SearchResult

log = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 500
MAX_FILTER_VALUES = 20
PAGE_SIZE = 10
MAX_PAGE = 1000


def build_request(args: Mapping[str, list[str]]) -> tuple[SearchRequest, bool]:
    """Turn query-string values into a SearchRequest; anything odd is clipped, not refused."""
    raw_query = (args.get("q") or [""])[0]
    truncated = len(raw_query) > MAX_QUERY_LENGTH
    query = raw_query[:MAX_QUERY_LENGTH]
    filters = {}
    for key in FACET_KEYS:
        values = [v[:120] for v in args.get(key, []) if v and v.strip()][:MAX_FILTER_VALUES]
        if values:
            filters[key] = values
    sort: Literal["relevance", "date"] = (
        "date" if (args.get("sorteer") or [""])[0] == "datum" else "relevance"
    )
    try:
        page = int((args.get("pagina") or ["1"])[0])
    except ValueError:
        page = 1
    page = min(max(page, 1), MAX_PAGE)
    return SearchRequest(
        query=query, filters=filters, sort=sort, page=page, page_size=PAGE_SIZE
    ), truncated


def run_search(
    request: SearchRequest,
    *,
    user: User | None,
    attempt_id: int | None = None,
    kind: str = "search",
) -> SearchResult:
    """Search the practice index and write one QueryLog row (the search trail).

    `kind` says whether the learner asked for this search or the page was only re-rendered
    (see academy/training/trail.py); only "search" rows are on the trail. The index answers
    as it is: lagging behind the feed, or still being built by the worker (then with a
    hint). A request never builds or repairs it.
    """
    result = search_index().search(request)
    names = theme_names() if mentions_theme_field(request.query) else {}
    theme_counts = [(facet.value, facet.count) for facet in result.facets.get("thema", [])]
    entry = QueryLog(
        user_id=user.id if user is not None else None,
        query=request.query,
        filters={key: list(values) for key, values in request.filters.items()},
        sort=request.sort,
        page=request.page,
        result_count=result.total,
        elapsed_ms=round(result.elapsed_ms, 2),
        features=result.features,
        attempt_id=attempt_id,
        kind=kind,
        theme_code=attribute_theme(
            request.query, request.filters, result.total, theme_counts, names
        ),
    )
    try:
        db.session.add(entry)
        db.session.commit()
    except SQLAlchemyError:
        # Losing one log line must not cost the user their results.
        db.session.rollback()
        log.exception("could not write the query log")
    return result


def search_unlogged(request: SearchRequest) -> SearchResult:
    """Search without a trail entry: checks the app runs itself (an expert query before
    publishing), which are nobody's search."""
    return search_index().search(request)


def get_document(document_id: int) -> Document | None:
    if not 0 < document_id <= MAX_ID:
        return None
    return db.session.get(Document, document_id)


def theme_names() -> dict[str, str]:
    """Theme code -> name, for facet labels."""
    return dict(db.session.execute(select(Theme.code, Theme.name)).all())


def record_document_open(
    user: User, document: Document, attempt: str, *, from_search: bool = False
) -> None:
    """Note that a user opened a document during one of their own attempts, or from the
    results of a practice search (the search gaps count that as a click)."""
    from academy.models import Attempt, DocumentOpen

    owned: int | None = None
    if attempt.isascii() and attempt.isdecimal() and len(attempt) < 10:
        owned = db.session.scalar(
            select(Attempt.id).where(Attempt.id == int(attempt), Attempt.user_id == user.id)
        )
    if owned is None and not (from_search and not attempt):
        return
    try:
        db.session.add(DocumentOpen(user_id=user.id, document_id=document.id, attempt_id=owned))
        db.session.commit()
    except SQLAlchemyError:
        db.session.rollback()
        log.exception("could not record a document open")
