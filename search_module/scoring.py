"""Rank the matching documents: BM25F from the view's per-term score tables, or newest first.

Only the page's documents are taken from a heap; nothing sorts the whole result set.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left
from collections.abc import Iterable

from search_module.bitsets import BIT, bits_to_list
from search_module.evaluation import ScoringPart
from search_module.view import IndexView

#: Below this many hits, the result set is scored document by document.
CANDIDATE_SCORING_LIMIT = 3000


def scored_top(
    view: IndexView, parts: list[ScoringPart], allowed: int, total: int, limit: int
) -> list[tuple[float, int]]:
    """(score, docnum) of the best ``limit`` allowed documents, best first (BM25F)."""
    raw = allowed.to_bytes(view.nbytes, "little")
    bit = BIT
    merged: dict[tuple[str, str], float] = {}
    for fieldname, term, boost in parts:
        # a word typed twice counts once, as in Whoosh (its queries drop duplicates)
        merged[(fieldname, term)] = max(merged.get((fieldname, term), 0.0), boost)
    if total <= CANDIDATE_SCORING_LIMIT and len(merged) > 1:
        # few candidates: look each one up in every term's score table
        docs = bits_to_list(allowed)
        acc = dict.fromkeys(docs, 0.0)
        for (fieldname, term), boost in merged.items():
            docs_arr, scores_arr = view.term_scores(fieldname, term)
            if len(docs_arr) > 8 * len(docs):
                # a long posting list: binary-search the few candidates (postings are sorted)
                size = len(docs_arr)
                for docnum in docs:
                    at = bisect_left(docs_arr, docnum)
                    if at < size and docs_arr[at] == docnum:
                        acc[docnum] += scores_arr[at] * boost
            else:
                get = dict(zip(docs_arr, scores_arr, strict=False)).get
                for docnum in docs:
                    score = get(docnum)
                    if score is not None:
                        acc[docnum] += score * boost
        scored: Iterable[tuple[float, int]] = ((s, d) for d, s in acc.items() if s > 0.0)
    elif len(merged) == 1:
        (((fieldname, term), boost),) = merged.items()
        docs_arr, scores_arr = view.term_scores(fieldname, term)
        pairs = zip(docs_arr, scores_arr, strict=False)
        scored = ((s * boost, d) for d, s in pairs if raw[d >> 3] & bit[d & 7])
    else:
        acc2: dict[int, float] = {}
        for (fieldname, term), boost in merged.items():
            docs_arr, scores_arr = view.term_scores(fieldname, term)
            get_score = acc2.get
            for d, s in zip(docs_arr, scores_arr, strict=False):
                acc2[d] = get_score(d, 0.0) + s * boost
        scored = ((s, d) for d, s in acc2.items() if raw[d >> 3] & bit[d & 7])
    return heapq.nlargest(limit, scored, key=lambda item: (item[0], -item[1]))


def newest(view: IndexView, bits: int, limit: int, exclude: set[int] | None = None) -> list[int]:
    """The ``limit`` newest documents in ``bits``, skipping ``exclude``."""
    exclude = exclude or set()
    count = bits.bit_count()
    if count * 8 < view.n:
        docs = [d for d in bits_to_list(bits) if d not in exclude]
        keys = view.sortkeys
        return heapq.nlargest(limit, docs, key=lambda d: (keys[d], d))
    raw = bits.to_bytes(view.nbytes, "little")
    out: list[int] = []
    for docnum in view.date_order:
        if raw[docnum >> 3] & BIT[docnum & 7] and docnum not in exclude:
            out.append(docnum)
            if len(out) >= limit:
                break
    return out
