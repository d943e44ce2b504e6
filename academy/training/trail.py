"""The search trail: which renders of an exercise were searches, and the figures about them.

A trail entry is a search the learner asked for: a new query, filter, facet, sort or page.
Opening the exercise, coming back after marking a document or using a hint, and reloading
the same results are logged with a kind of their own, so the trail, the process grade, the
coaching and every figure count only real searches. `trail_stats` is the one function the
result page, the trainer's learner page, the matrix and the API read their figures from.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select

from academy.extensions import db
from academy.models import Attempt, QueryLog
from search_module import SearchRequest, parse_query
from search_module.query import FacetNode, YearNode, iter_leaves

SEARCH = "search"  # the learner asked for it: it is on the trail
OPEN = "open"  # the exercise opened with an empty search box
VIEW = "view"  # the same results again (a reload, back from a document)
MARKED = "marked"  # back after adding or removing a document
HINT = "hint"  # back after using a hint

REASONS = (MARKED, HINT)


def typed_filters(query: str) -> dict[str, list[str]]:
    """Filters typed into the query (type:, thema:, jaar:, afdeling:), not negated."""
    found: dict[str, list[str]] = {}
    for leaf, negated in iter_leaves(parse_query(query or "").root):
        if negated:
            continue
        if isinstance(leaf, FacetNode):
            found.setdefault(leaf.key, []).append(leaf.value)
        elif isinstance(leaf, YearNode):
            found.setdefault("jaar", []).append(
                str(leaf.start)
                if leaf.start == leaf.end
                else f"{leaf.start or ''}..{leaf.end or ''}"
            )
    return found


def all_filters(query: str, clicked: dict | None) -> dict[str, list[str]]:
    """Clicked facets and typed fields together: both are filters to a learner."""
    merged = {key: list(values) for key, values in (clicked or {}).items() if values}
    for key, values in typed_filters(query).items():
        merged.setdefault(key, [])
        merged[key] += [v for v in values if v not in merged[key]]
    return merged


def _same(log: QueryLog, request: SearchRequest) -> bool:
    clicked = {k: list(v) for k, v in request.filters.items() if v}
    return (
        log.query == request.query
        and {k: list(v) for k, v in (log.filters or {}).items() if v} == clicked
        and log.sort == request.sort
        and log.page == request.page
    )


def render_kind(attempt_id: int, request: SearchRequest, reason: str | None = None) -> str:
    """What this render of an exercise workspace is: a search, or an event of its own."""
    if reason in REASONS:
        return reason
    if not request.query.strip() and not any(request.filters.values()) and request.page == 1:
        return OPEN
    last = db.session.scalar(
        select(QueryLog)
        .where(QueryLog.attempt_id == attempt_id, QueryLog.kind == SEARCH)
        .order_by(QueryLog.id.desc())
        .limit(1)
    )
    return VIEW if last is not None and _same(last, request) else SEARCH


def attempt_searches(attempt_ids: Iterable[int]) -> list[QueryLog]:
    """The trail entries of these attempts, oldest first."""
    ids = list(attempt_ids)
    if not ids:
        return []
    return list(
        db.session.scalars(
            select(QueryLog)
            .where(QueryLog.attempt_id.in_(ids), QueryLog.kind == SEARCH)
            .order_by(QueryLog.id)
        )
    )


def skills_of(log: QueryLog) -> set[str]:
    """The skills one search shows: the query's operators, plus "facet" for a clicked filter."""
    skills = set(log.features)
    if any((log.filters or {}).values()):
        skills.add("facet")
    return skills


@dataclass(frozen=True)
class TrailStats:
    """The figures about a set of attempts' trails, the same wherever they are shown."""

    attempts: int
    exercises: int
    searches: int
    zero_results: int
    filtered: int  # searches with a clicked facet or a typed field
    skills: dict[str, int] = field(default_factory=dict)  # skill -> searches that showed it

    @property
    def per_exercise(self) -> float:
        return round(self.searches / self.exercises, 1) if self.exercises else 0.0


def trail_stats(
    attempts: Sequence[Attempt], searches: Sequence[QueryLog] | None = None
) -> TrailStats:
    """Count searches, zero-result searches, filtered searches and skills over attempts."""
    if searches is None:
        searches = attempt_searches(a.id for a in attempts)
    return _stats(len(attempts), len({a.exercise_id for a in attempts}), searches)


_SKILL_ORDER = {"phrase": 0, "or": 1, "not": 2, "wildcard": 3, "fuzzy": 4, "field": 5, "facet": 6}


def _stats(attempts: int, exercises: int, searches: Sequence[QueryLog]) -> TrailStats:
    skills: Counter[str] = Counter()
    for log in searches:
        skills.update(skills_of(log))
    return TrailStats(
        attempts=attempts,
        exercises=exercises,
        searches=len(searches),
        zero_results=sum(1 for log in searches if log.result_count == 0),
        filtered=sum(1 for log in searches if all_filters(log.query, log.filters)),
        skills=dict(
            sorted(skills.items(), key=lambda item: (_SKILL_ORDER.get(item[0], 9), item[0]))
        ),
    )


def trail_stats_by_learner(user_ids: Iterable[int]) -> dict[int, TrailStats]:
    """`trail_stats` for many learners in two queries (the matrix, the API): counts are
    aggregated in the database, and only the searches themselves are read."""
    ids = list(set(user_ids))
    if not ids:
        return {}
    counts = {
        user_id: (attempts, exercises)
        for user_id, attempts, exercises in db.session.execute(
            select(
                Attempt.user_id,
                func.count(Attempt.id),
                func.count(Attempt.exercise_id.distinct()),
            )
            .where(Attempt.user_id.in_(ids))
            .group_by(Attempt.user_id)
        )
    }
    searches: dict[int, list[QueryLog]] = {user_id: [] for user_id in ids}
    for log, user_id in db.session.execute(
        select(QueryLog, Attempt.user_id)
        .join(Attempt, Attempt.id == QueryLog.attempt_id)
        .where(Attempt.user_id.in_(ids), QueryLog.kind == SEARCH)
        .order_by(QueryLog.id)
    ):
        searches[user_id].append(log)
    return {user_id: _stats(*counts.get(user_id, (0, 0)), searches[user_id]) for user_id in ids}
