"""Run a SearchRequest against one open view: match, count, facet, rank, then describe the
page (hits with highlight parts, reasons, hints, the reading of the query, a suggestion).

The parts, one concern a module:

* :mod:`~search_module.view`: the open searcher and its caches (term bitsets, BM25F score
  tables, facets, wildcard/fuzzy expansions);
* :mod:`~search_module.evaluation`: the query tree evaluated on bitsets;
* :mod:`~search_module.scoring`: BM25F top-N, or newest first;
* :mod:`~search_module.highlight`: title and snippet parts;
* :mod:`~search_module.explanations`: why each hit was found, theme-word notes;
* :mod:`~search_module.suggestions`: "bedoelde u ...";
* :mod:`~search_module.whoosh_adapter`: the only reader of Whoosh internals.

How it stays fast (the pitfalls in RECIPES.md, measured): matching is set algebra on
document bitsets, and the TRUE total is a ``bit_count()`` (never Whoosh's ``len(results)``
estimate or a second run of the query). Facets are "disjunctive": each facet's counts
apply the query and every *other* facet's selection, one AND plus one ``bit_count()`` per
value. Only the page's hits are highlighted.
"""

from __future__ import annotations

import math
import time
from dataclasses import replace
from datetime import date
from typing import Any

from search_module.analysis import tokens_with_offsets
from search_module.evaluation import Evaluation, evaluate
from search_module.explanations import explain_hits, theme_notes
from search_module.highlight import highlight_title, make_snippet
from search_module.query import parse_query
from search_module.scoring import newest, scored_top
from search_module.suggestions import SUGGEST_BELOW, suggest
from search_module.values import (
    FACET_KEYS,
    Facet,
    Hint,
    Hit,
    SearchRequest,
    SearchResult,
    TextPart,
)
from search_module.view import IndexView

MAX_PAGE_SIZE = 100

_TYPE_LABELS = {
    "onderzoek": "Onderzoek",
    "factsheet": "Factsheet",
    "nota": "Nota",
    "raadsvoorstel": "Raadsvoorstel",
    "monitor": "Monitor",
    "evaluatie": "Evaluatie",
    "jaarverslag": "Jaarverslag",
}

#: The hint of an empty page when there is no usable index.
UNAVAILABLE_HINT = Hint("index_unavailable")


def _filter_labels(
    filters: dict[str, list[str]], view: IndexView
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The facet selections as (key, labels), theme codes shown by their names."""
    out: list[tuple[str, tuple[str, ...]]] = []
    for key in FACET_KEYS:
        values = filters.get(key) or []
        if values:
            labels = [view.theme_names.get(v, v) if key == "thema" else v for v in values]
            out.append((key, tuple(labels)))
    return tuple(out)


def _facet_label(key: str, value: str, view: IndexView) -> str:
    if key == "thema":
        return view.theme_names.get(value, value)
    if key == "type":
        return _TYPE_LABELS.get(value, value[:1].upper() + value[1:])
    return value


def _to_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _make_hit(
    view: IndexView, docnum: int, score: float, terms: set[str], highlight: bool = True
) -> Hit:
    stored = view.reader.stored_fields(docnum)
    title = stored.get("title") or ""
    body = stored.get("body") or ""
    summary = stored.get("summary") or ""
    snippet: tuple[TextPart, ...] = ()
    if highlight:
        body_matches = bool(terms) and any(
            t in terms for _s, _e, t in tokens_with_offsets(body[:50_000])
        )
        # show the summary when the body has no query word to show (or no text at all)
        use_summary = summary and (not body or (terms and not body_matches))
        snippet = make_snippet(summary if use_summary else body, terms)
    try:
        year = int(stored.get("year") or 0)
    except ValueError:
        year = 0
    return Hit(
        doc_id=int(stored.get("doc_id") or 0),
        title=title,
        title_parts=highlight_title(title, terms) if highlight else (),
        snippet_parts=snippet,
        doctype=stored.get("doctype") or "",
        theme=stored.get("theme") or "",
        theme_name=stored.get("theme_name") or "",
        year=year,
        department=stored.get("department") or "",
        published=_to_date(stored.get("published")),
        score=round(score, 4),
        source=stored.get("source") or "",
    )


def run_search(view: IndexView, request: SearchRequest) -> SearchResult:
    """Answer one request; never raises for odd input (only for a broken index)."""
    started = time.perf_counter()
    page_size = max(1, min(int(request.page_size or 10), MAX_PAGE_SIZE))
    page = max(1, int(request.page or 1))
    parsed = parse_query(request.query or "")
    ev = Evaluation(view)
    hints = list(parsed.hints)

    base = view.live if parsed.root is None else evaluate(ev, parsed.root)

    # facet selections: OR within a key, AND across keys
    filters = {
        k: [str(v) for v in (request.filters or {}).get(k) or [] if str(v)] for k in FACET_KEYS
    }
    selections: dict[str, int] = {}
    for key, values in filters.items():
        if values:
            table = view.facet_bits(key)
            bits = 0
            for value in values:
                bits |= table.get(value, 0)
            selections[key] = bits
    final = base
    for bits in selections.values():
        final &= bits
    total = final.bit_count()

    facets: dict[str, list[Facet]] = {}
    for key in FACET_KEYS:
        scope = base
        for other, bits in selections.items():
            if other != key:
                scope &= bits
        chosen = set(filters[key])
        items = []
        for value, bits in view.facet_bits(key).items():
            count = (scope & bits).bit_count() if scope else 0
            if count or value in chosen:
                items.append(Facet(value, _facet_label(key, value, view), count, value in chosen))
        for value in chosen - {f.value for f in items}:
            items.append(Facet(value, _facet_label(key, value, view), 0, True))
        if key == "jaar":
            items.sort(key=lambda f: f.value, reverse=True)
        else:
            items.sort(key=lambda f: (-f.count, f.label.lower()))
        facets[key] = items

    sort = request.sort if request.sort in ("relevance", "date") else "relevance"
    if not ev.scoring:
        sort = "date"  # nothing to rank on (empty query, only fields or NOT): newest first
    start = (page - 1) * page_size
    needed = start + page_size
    ranked: list[tuple[float, int]] = []
    if start < total:
        if sort == "relevance" and ev.scoring:
            ranked = scored_top(view, ev.scoring, final, total, needed)
            if len(ranked) < needed:
                seen = {d for _s, d in ranked}
                ranked += [(0.0, d) for d in newest(view, final, needed - len(ranked), seen)]
        else:
            ranked = [(0.0, d) for d in newest(view, final, needed)]
    page_docs = [docnum for _score, docnum in ranked[start:needed]]
    if request.highlight:
        reasons = explain_hits(view, parsed.root, page_docs)
        hits = [
            replace(_make_hit(view, docnum, score, ev.highlight), why=why)
            for (score, docnum), why in zip(ranked[start:needed], reasons, strict=True)
        ]
    else:
        hits = [_make_hit(view, d, score, ev.highlight, False) for score, d in ranked[start:needed]]

    hints.extend(h for h in ev.hints if h not in hints)
    suggestion = None
    if request.highlight and total < SUGGEST_BELOW and parsed.root is not None:
        suggestion = suggest(view, parsed, total)

    understood = replace(parsed.understood, filters=_filter_labels(filters, view))
    return SearchResult(
        hits=hits,
        total=total,
        page=page,
        page_size=page_size,
        pages=max(1, math.ceil(total / page_size)),
        facets=facets,
        suggestion=suggestion,
        understood=understood,
        hints=hints,
        features=parsed.features,
        elapsed_ms=round((time.perf_counter() - started) * 1000, 2),
        sort=sort,
        notes=[*parsed.notes, *theme_notes(view, parsed.root)],
        filters={key: values for key, values in filters.items() if values},
    )


def unavailable_result(request: SearchRequest) -> SearchResult:
    """The empty page shown when there is no usable index."""
    parsed = parse_query(request.query or "")
    return SearchResult(
        hits=[],
        total=0,
        page=max(1, int(request.page or 1)),
        page_size=max(1, min(int(request.page_size or 10), MAX_PAGE_SIZE)),
        pages=1,
        facets={key: [] for key in FACET_KEYS},
        suggestion=None,
        understood=parsed.understood,
        hints=[UNAVAILABLE_HINT, *parsed.hints],
        features=parsed.features,
        elapsed_ms=0.0,
    )
