"""The findability rule, as plain functions (no database, no index): table-tested.

A query *passes* when the question's key documents are in its top five (a question with
more than five documents passes when the top five are all key documents). A question is
*findable* when more than half of its queries pass. A theme's findability is the share of
its key questions that are findable.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

#: How deep a key document may rank and still count as found.
TOP = 5


def query_passes(ranks: Mapping[int, int | None], top: int = TOP) -> bool:
    """Whether one query found the key documents: ``ranks`` maps each key document to its
    1-based rank, or None when it was not in the results looked at."""
    if not ranks:
        return False
    in_top = sum(1 for rank in ranks.values() if rank is not None and rank <= top)
    return in_top >= min(len(ranks), top)


def worst_rank(ranks: Mapping[int, int | None]) -> int | None:
    """The rank of the key document that ranked lowest; None if one was not found at all."""
    if not ranks or any(rank is None for rank in ranks.values()):
        return None
    return max(rank for rank in ranks.values() if rank is not None)


def question_findable(passes: Sequence[bool]) -> bool:
    """Findable when most (more than half) of the question's queries pass."""
    return bool(passes) and sum(passes) * 2 > len(passes)


def theme_share(findable: Sequence[bool]) -> float | None:
    """The share (0..1) of findable key questions; None for a theme without any."""
    if not findable:
        return None
    return sum(findable) / len(findable)


def meets_threshold(share: float | None, threshold_percent: int | None) -> bool | None:
    """Whether a measured share meets a criterion's threshold (percent); None when either
    is unknown (no scan yet, or a criterion judged by hand)."""
    if share is None or threshold_percent is None:
        return None
    return round(share * 100, 6) >= threshold_percent
