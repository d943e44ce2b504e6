"""The findability scan: run plausible queries for every key question and record where its
documents rank. Runs as a background job (academy/jobs.py), never in a web request.

Only the search entry point (``SearchIndex.search``) and the hits' document ids are used:
ranks, no highlighting.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from academy.extensions import db
from academy.findability import rule
from academy.models import (
    Attempt,
    Exercise,
    FindabilityScan,
    KeyQuestion,
    Module,
    QueryLog,
    ScanQuery,
    ScanQuestion,
    ScanState,
    Theme,
    ThemeFindability,
    User,
)
from search_module import SearchRequest, SearchResult

log = logging.getLogger(__name__)

#: How many results a scan looks at per query (ranks beyond it are "not found").
DEPTH = 10
#: At most this many queries per question (recorded first, then the question's own words,
#: then learners' queries by frequency), so one question cannot dominate a scan.
MAX_QUERIES = 8
#: The most frequent learner queries taken per exercise.
LEARNER_QUERIES = 3
#: Progress is written at most this often (seconds), so the page can show it.
PROGRESS_INTERVAL = 1.0

Search = Callable[[SearchRequest], SearchResult]


@dataclass(frozen=True)
class PlannedQuery:
    text: str
    source: str  # recorded | question | expert | learner
    filters: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class PlannedQuestion:
    """One question to scan: a key question, or the key of a published exercise."""

    theme_id: int
    question: str
    document_ids: tuple[int, ...]
    queries: tuple[PlannedQuery, ...]
    key_question_id: int | None = None
    exercise_id: int | None = None


@dataclass(frozen=True)
class QueryOutcome:
    query: PlannedQuery
    ranks: dict[int, int | None]
    result_count: int

    @property
    def passed(self) -> bool:
        return rule.query_passes(self.ranks)


@dataclass(frozen=True)
class QuestionOutcome:
    planned: PlannedQuestion
    queries: list[QueryOutcome]

    @property
    def findable(self) -> bool:
        return rule.question_findable([q.passed for q in self.queries])


_NOT_A_WORD = re.compile(r"[^\w\s.,-]+")


def question_words(text: str) -> str:
    """The question as a searcher would type it: its words, lowercased, without the
    punctuation and capitals the query language reads as syntax (``?``, ``"``, ``OF``)."""
    words = _NOT_A_WORD.sub(" ", text).replace(",", " ").split()
    return " ".join(word.strip(".-").lower() for word in words if word.strip(".-"))


def _add(queries: list[PlannedQuery], seen: set[str], query: PlannedQuery) -> None:
    norm = " ".join(query.text.lower().split())
    if norm and norm not in seen and len(queries) < MAX_QUERIES:
        seen.add(norm)
        queries.append(query)


def key_question_queries(question: KeyQuestion) -> tuple[PlannedQuery, ...]:
    """The recorded queries, then the question's own words."""
    queries: list[PlannedQuery] = []
    seen: set[str] = set()
    for text in question.queries or []:
        _add(queries, seen, PlannedQuery(str(text)[:500], "recorded"))
    _add(queries, seen, PlannedQuery(question_words(question.question)[:500], "question"))
    return tuple(queries)


def learner_queries(exercise_ids: Iterable[int]) -> dict[int, list[str]]:
    """The queries learners typed in attempts of each exercise, most frequent first
    (aggregated: no user is named)."""
    ids = list(exercise_ids)
    if not ids:
        return {}
    text = func.lower(func.trim(QueryLog.query))
    rows = db.session.execute(
        select(Attempt.exercise_id, text, func.count())
        .join(Attempt, Attempt.id == QueryLog.attempt_id)
        .where(Attempt.exercise_id.in_(ids), QueryLog.kind == "search", QueryLog.query != "")
        .group_by(Attempt.exercise_id, text)
        .order_by(Attempt.exercise_id, func.count().desc(), text)
    )
    result: dict[int, list[str]] = {}
    for exercise_id, query, _count in rows:
        found = result.setdefault(exercise_id, [])
        if len(found) < LEARNER_QUERIES:
            found.append(query)
    return result


def exercise_theme(theme_ids: Iterable[int | None]) -> int | None:
    """An exercise's theme: the theme most of its key documents belong to."""
    counts = Counter(t for t in theme_ids if t is not None)
    if not counts:
        return None
    return min(counts, key=lambda t: (-counts[t], t))


def plan_questions(theme_id: int | None = None) -> list[PlannedQuestion]:
    """Every key question and every published exercise key (of active themes), with the
    queries to run for it."""
    active = select(Theme.id).where(Theme.archived.is_(False))
    query = (
        select(KeyQuestion)
        .where(KeyQuestion.theme_id.in_(active))
        .options(selectinload(KeyQuestion.documents))
        .order_by(KeyQuestion.theme_id, KeyQuestion.id)
    )
    if theme_id is not None:
        query = query.where(KeyQuestion.theme_id == theme_id)
    planned = [
        PlannedQuestion(
            theme_id=kq.theme_id,
            question=kq.question,
            document_ids=tuple(d.id for d in kq.documents),
            queries=key_question_queries(kq),
            key_question_id=kq.id,
        )
        for kq in db.session.scalars(query)
        if kq.documents
    ]
    active_ids = set(db.session.scalars(active))
    exercises = list(
        db.session.scalars(
            select(Exercise)
            .join(Module)
            .where(Exercise.published.is_(True), Module.published.is_(True))
            .options(selectinload(Exercise.key_documents))
            .order_by(Exercise.id)
        )
    )
    exercises = [e for e in exercises if e.key_documents]
    typed = learner_queries(e.id for e in exercises)
    for exercise in exercises:
        theme = exercise_theme(d.theme_id for d in exercise.key_documents)
        if theme is None or theme not in active_ids:
            continue
        if theme_id is not None and theme != theme_id:
            continue
        queries: list[PlannedQuery] = []
        seen: set[str] = set()
        filters = {k: [str(v) for v in vs] for k, vs in (exercise.expert_filters or {}).items()}
        _add(queries, seen, PlannedQuery(exercise.expert_query, "expert", filters))
        for text in typed.get(exercise.id, []):
            _add(queries, seen, PlannedQuery(text[:500], "learner"))
        if not queries:
            continue
        planned.append(
            PlannedQuestion(
                theme_id=theme,
                question=exercise.title,
                document_ids=tuple(d.id for d in exercise.key_documents),
                queries=tuple(queries),
                exercise_id=exercise.id,
            )
        )
    return planned


def rank_documents(
    search: Search, query: PlannedQuery, document_ids: Iterable[int], depth: int = DEPTH
) -> QueryOutcome:
    """Run one query and record each key document's rank (None: not in the top ``depth``)."""
    result = search(SearchRequest(query=query.text, filters=query.filters, page_size=depth))
    positions = {hit.doc_id: position for position, hit in enumerate(result.hits, start=1)}
    return QueryOutcome(
        query=query,
        ranks={doc: positions.get(doc) for doc in document_ids},
        result_count=result.total,
    )


def scan_question(search: Search, planned: PlannedQuestion) -> QuestionOutcome:
    return QuestionOutcome(
        planned=planned,
        queries=[rank_documents(search, q, planned.document_ids) for q in planned.queries],
    )


# --- the scan as a job ------------------------------------------------------------------------


#: A scan waiting or running longer than this lost its worker (a full scan takes seconds to
#: minutes): it no longer blocks a new one, so a crash cannot stop the nightly scans.
STALE_AFTER = dt.timedelta(hours=6)


def _aware(moment: dt.datetime) -> dt.datetime:
    """SQLite hands timezone-aware columns back naive, in UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def active_scan(now: dt.datetime | None = None) -> FindabilityScan | None:
    """The scan waiting or running now, if any; one left behind by a dead worker is
    marked failed instead (by the caller's transaction)."""
    scan = db.session.scalar(
        select(FindabilityScan)
        .where(FindabilityScan.state.in_((ScanState.QUEUED.value, ScanState.RUNNING.value)))
        .order_by(FindabilityScan.id.desc())
    )
    now = now or dt.datetime.now(dt.UTC)
    if scan is not None and now - _aware(scan.started_at or scan.created_at) > STALE_AFTER:
        scan.state = ScanState.FAILED.value
        scan.message = "Onderbroken: de verwerker is gestopt."
        scan.finished_at = now
        return None
    return scan


def create_scan(trigger: str = "manual", user: User | None = None) -> tuple[FindabilityScan, bool]:
    """A queued scan, or the one already waiting or running (one at a time is enough).
    Returns (scan, created)."""
    existing = active_scan()
    if existing is not None:
        return existing, False
    scan = FindabilityScan(trigger=trigger, created_by_id=user.id if user is not None else None)
    try:
        db.session.add(scan)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return scan, True


def _store(scan: FindabilityScan, outcome: QuestionOutcome) -> None:
    planned = outcome.planned
    row = ScanQuestion(
        scan_id=scan.id,
        theme_id=planned.theme_id,
        key_question_id=planned.key_question_id,
        exercise_id=planned.exercise_id,
        question=planned.question[:500],
        findable=outcome.findable,
        queries_total=len(outcome.queries),
        queries_passed=sum(1 for q in outcome.queries if q.passed),
    )
    row.queries = [
        ScanQuery(
            query=q.query.text[:500],
            source=q.query.source,
            passed=q.passed,
            worst_rank=rule.worst_rank(q.ranks),
            ranks={str(doc): rank for doc, rank in q.ranks.items()},
            result_count=q.result_count,
        )
        for q in outcome.queries
    ]
    db.session.add(row)


def _theme_rows(scan: FindabilityScan, outcomes: list[QuestionOutcome]) -> None:
    per_theme: dict[int, list[bool]] = {}
    for outcome in outcomes:
        per_theme.setdefault(outcome.planned.theme_id, []).append(outcome.findable)
    for theme_id, flags in per_theme.items():
        db.session.add(
            ThemeFindability(
                scan_id=scan.id,
                theme_id=theme_id,
                questions=len(flags),
                findable=sum(flags),
                share=rule.theme_share(flags) or 0.0,
            )
        )


def execute_scan(scan_id: int, search: Search | None = None) -> None:
    """Carry out a queued scan: plan, search, store per question, then per theme."""
    scan = db.session.get(FindabilityScan, scan_id)
    if scan is None or scan.finished:
        return
    if search is None:
        from academy.documents.indexing import search_index

        search = search_index().search
    try:
        scan.state = ScanState.RUNNING.value
        scan.started_at = dt.datetime.now(dt.UTC)
        planned = plan_questions()
        scan.total = len(planned)
        db.session.commit()
        outcomes: list[QuestionOutcome] = []
        last = time.monotonic()
        for planned_question in planned:
            outcome = scan_question(search, planned_question)
            outcomes.append(outcome)
            _store(scan, outcome)
            scan.done += 1
            scan.searches += len(outcome.queries)
            if time.monotonic() - last >= PROGRESS_INTERVAL:
                db.session.commit()
                last = time.monotonic()
        _theme_rows(scan, outcomes)
        scan.state = ScanState.DONE.value
        scan.finished_at = dt.datetime.now(dt.UTC)
        db.session.commit()
    except Exception as exc:
        db.session.rollback()
        log.exception("findability scan %s failed", scan_id)
        failed = db.session.get(FindabilityScan, scan_id)
        if failed is not None:
            failed.state = ScanState.FAILED.value
            failed.message = str(exc)[:2000]
            failed.finished_at = dt.datetime.now(dt.UTC)
            db.session.commit()
