"""Reading findability (now, trend, history, failing questions) and writing key questions.

Plain dataclasses go to templates, the portfolio, exports and the API; nothing here runs a
search (the scan does, in academy/findability/scan.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import ScalarSelect, func, select
from sqlalchemy.orm import selectinload

from academy.errors import ValidationFailed
from academy.extensions import db
from academy.findability import rule
from academy.models import (
    Document,
    FindabilityScan,
    KeyQuestion,
    LevelCriterion,
    ScanQuestion,
    ScanState,
    Theme,
    ThemeFindability,
    User,
)
from academy.security import MAX_ID

#: Level 0 ("Vinden") is the level findability evidences.
FINDING_LEVEL = 0
MAX_QUERIES = 10
MAX_QUERY_LENGTH = 200
MAX_QUESTION_LENGTH = 500
MAX_DOCUMENTS = 20
#: Scans shown in a theme's history and the domain chart.
HISTORY_SCANS = 24


@dataclass(frozen=True)
class HistoryPoint:
    scan_id: int
    when: dt.datetime
    share: float
    questions: int
    findable: int


@dataclass(frozen=True)
class FailedQuery:
    query: str
    source: str
    worst_rank: int | None  # None: not in the results the scan looked at
    ranks: dict[str, int | None]
    result_count: int


@dataclass(frozen=True)
class QuestionResult:
    question: str
    key_question_id: int | None
    exercise_id: int | None
    findable: bool
    queries_passed: int
    queries_total: int
    failed: list[FailedQuery] = field(default_factory=list)


@dataclass(frozen=True)
class Measurement:
    """A theme's findability in the newest finished scan (share None: not measured)."""

    share: float | None
    previous: float | None
    scan_id: int | None
    scanned_at: dt.datetime | None
    questions: int = 0
    findable: int = 0

    @property
    def percent(self) -> int | None:
        return None if self.share is None else round(self.share * 100)

    def meets(self, threshold_percent: int | None) -> bool:
        """Whether the measurement meets a level-0 criterion's threshold."""
        return rule.meets_threshold(self.share, threshold_percent) is True

    @property
    def trend(self) -> str:
        """'nieuw', 'omhoog', 'omlaag', 'gelijk', or '' when not measured."""
        if self.share is None:
            return ""
        if self.previous is None:
            return "nieuw"
        if self.share > self.previous + 1e-9:
            return "omhoog"
        if self.share < self.previous - 1e-9:
            return "omlaag"
        return "gelijk"


NOT_MEASURED = Measurement(share=None, previous=None, scan_id=None, scanned_at=None)


@dataclass(frozen=True)
class ThemeFindabilityView:
    """Everything the theme page and the API show about one theme's findability."""

    theme: Theme
    now: Measurement
    threshold: int | None
    below_threshold: bool
    history: list[HistoryPoint]  # oldest first
    results: list[QuestionResult]  # of the newest scan
    key_questions: list[KeyQuestion]
    scan: FindabilityScan | None  # the newest finished scan
    running: FindabilityScan | None  # a scan waiting or running now

    @property
    def failing(self) -> list[QuestionResult]:
        return [r for r in self.results if not r.findable]


# --- reading --------------------------------------------------------------------------------


def finished_scans(limit: int = HISTORY_SCANS) -> list[FindabilityScan]:
    """The newest finished scans, newest first."""
    return list(
        db.session.scalars(
            select(FindabilityScan)
            .where(FindabilityScan.state == ScanState.DONE.value)
            .order_by(FindabilityScan.id.desc())
            .limit(limit)
        )
    )


def latest_scan() -> FindabilityScan | None:
    scans = finished_scans(1)
    return scans[0] if scans else None


def threshold() -> int | None:
    """The findability a theme needs (percent): the strictest active level-0 criterion that
    is met by measurement; None when level 0 is judged by hand only."""
    value = db.session.scalar(
        select(func.max(LevelCriterion.findability_threshold)).where(
            LevelCriterion.level_number == FINDING_LEVEL,
            LevelCriterion.active.is_(True),
        )
    )
    return int(value) if value is not None else None


def measurements() -> dict[int, Measurement]:
    """Every measured theme's findability now and in the scan before (two queries)."""
    scans = finished_scans(2)
    if not scans:
        return {}
    rows = db.session.execute(
        select(
            ThemeFindability.scan_id,
            ThemeFindability.theme_id,
            ThemeFindability.share,
            ThemeFindability.questions,
            ThemeFindability.findable,
        ).where(ThemeFindability.scan_id.in_([s.id for s in scans]))
    )
    newest, before = scans[0], (scans[1] if len(scans) > 1 else None)
    current: dict[int, tuple[float, int, int]] = {}
    previous: dict[int, float] = {}
    for scan_id, theme_id, share, questions, findable in rows:
        if scan_id == newest.id:
            current[theme_id] = (share, questions, findable)
        elif before is not None and scan_id == before.id:
            previous[theme_id] = share
    return {
        theme_id: Measurement(
            share=share,
            previous=previous.get(theme_id),
            scan_id=newest.id,
            scanned_at=newest.finished_at,
            questions=questions,
            findable=findable,
        )
        for theme_id, (share, questions, findable) in current.items()
    }


def measurement(theme_id: int) -> Measurement:
    return measurements().get(theme_id, NOT_MEASURED)


def below(share: float | None, needed: int | None) -> bool:
    """Flagged when measured below the level-0 criterion's threshold."""
    return rule.meets_threshold(share, needed) is False


def theme_history(theme_id: int, limit: int = HISTORY_SCANS) -> list[HistoryPoint]:
    rows = db.session.execute(
        select(ThemeFindability, FindabilityScan.finished_at, FindabilityScan.created_at)
        .join(FindabilityScan, FindabilityScan.id == ThemeFindability.scan_id)
        .where(
            ThemeFindability.theme_id == theme_id,
            FindabilityScan.state == ScanState.DONE.value,
        )
        .order_by(FindabilityScan.id.desc())
        .limit(limit)
    ).all()
    return [
        HistoryPoint(
            scan_id=row.scan_id,
            when=finished or created,
            share=row.share,
            questions=row.questions,
            findable=row.findable,
        )
        for row, finished, created in reversed(rows)
    ]


def question_results(scan_id: int, theme_id: int) -> list[QuestionResult]:
    rows = db.session.scalars(
        select(ScanQuestion)
        .where(ScanQuestion.scan_id == scan_id, ScanQuestion.theme_id == theme_id)
        .options(selectinload(ScanQuestion.queries))
        .order_by(ScanQuestion.findable, ScanQuestion.id)
    )
    return [
        QuestionResult(
            question=row.question,
            key_question_id=row.key_question_id,
            exercise_id=row.exercise_id,
            findable=row.findable,
            queries_passed=row.queries_passed,
            queries_total=row.queries_total,
            failed=[
                FailedQuery(
                    query=q.query,
                    source=q.source,
                    worst_rank=q.worst_rank,
                    ranks=dict(q.ranks or {}),
                    result_count=q.result_count,
                )
                for q in row.queries
                if not q.passed
            ],
        )
        for row in rows
    ]


def key_questions(theme_id: int) -> list[KeyQuestion]:
    return list(
        db.session.scalars(
            select(KeyQuestion)
            .where(KeyQuestion.theme_id == theme_id)
            .options(selectinload(KeyQuestion.documents))
            .order_by(KeyQuestion.id)
        )
    )


def active_scan() -> FindabilityScan | None:
    from academy.findability.scan import active_scan as waiting

    return waiting()


def theme_view(theme: Theme) -> ThemeFindabilityView:
    now = measurement(theme.id)
    needed = threshold()
    scan = latest_scan()
    return ThemeFindabilityView(
        theme=theme,
        now=now,
        threshold=needed,
        below_threshold=below(now.share, needed),
        history=theme_history(theme.id),
        results=question_results(scan.id, theme.id) if scan is not None else [],
        key_questions=key_questions(theme.id),
        scan=scan,
        running=active_scan(),
    )


@dataclass(frozen=True)
class DomainPoint:
    scan_id: int
    when: dt.datetime
    domain: str
    share: float  # the mean of the domain's measured themes


def domain_history(limit: int = HISTORY_SCANS) -> list[DomainPoint]:
    """Findability per domain over the last scans (oldest first), for the portfolio chart."""
    scans = list(reversed(finished_scans(limit)))
    if not scans:
        return []
    rows = db.session.execute(
        select(ThemeFindability.scan_id, Theme.domain, func.avg(ThemeFindability.share))
        .join(Theme, Theme.id == ThemeFindability.theme_id)
        .where(ThemeFindability.scan_id.in_([s.id for s in scans]), Theme.archived.is_(False))
        .group_by(ThemeFindability.scan_id, Theme.domain)
    )
    by_scan = {s.id: s for s in scans}
    points = [
        DomainPoint(
            scan_id=scan_id,
            when=by_scan[scan_id].finished_at or by_scan[scan_id].created_at,
            domain=domain,
            share=float(share),
        )
        for scan_id, domain, share in rows
    ]
    return sorted(points, key=lambda p: (p.scan_id, p.domain))


def findability_version_columns() -> tuple[ScalarSelect[Any], ...]:
    """What findability adds to a data version: the newest finished scan and the threshold
    (scalar subqueries, so the maturity version stays one round trip)."""
    return (
        select(func.max(FindabilityScan.id))
        .where(FindabilityScan.state == ScanState.DONE.value)
        .scalar_subquery(),
        select(func.max(LevelCriterion.findability_threshold)).scalar_subquery(),
        select(func.count(LevelCriterion.findability_threshold)).scalar_subquery(),
    )


def data_version() -> tuple[object, ...]:
    """Keys the findability charts."""
    return tuple(db.session.execute(select(*findability_version_columns())).one())


def version_key() -> str:
    return hashlib.sha256(repr(data_version()).encode()).hexdigest()[:16]


# --- writing key questions --------------------------------------------------------------------


def one_line(text: str) -> str:
    """NFC, control characters (newlines too) removed, spaces collapsed: a question or a
    query is one line, kept as typed otherwise."""
    visible = "".join(ch for ch in text or "" if unicodedata.category(ch) != "Cc" or ch == "\t")
    return " ".join(unicodedata.normalize("NFC", visible).split())


def parse_queries(text: str) -> list[str]:
    """One query per line; blank lines and repeats dropped."""
    queries: list[str] = []
    for line in (text or "").splitlines():
        query = one_line(line)
        if query and query.lower() not in {q.lower() for q in queries}:
            queries.append(query)
    return queries


def documents_by_ids(ids: Iterable[int]) -> list[Document]:
    wanted = sorted({i for i in ids if 0 < i <= MAX_ID})
    if not wanted:
        return []
    return list(db.session.scalars(select(Document).where(Document.id.in_(wanted))))


def save_key_question(
    question: KeyQuestion | None,
    *,
    theme: Theme,
    text: str,
    queries_text: str,
    document_ids: Sequence[int],
    user: User | None,
    picked_with: str = "",
) -> KeyQuestion:
    """Create or change a key question; all problems at once as ValidationFailed.

    ``picked_with`` is the search the author found the documents with: a query people
    type for the question too, so it is recorded with the others.
    """
    problems: list[str] = []
    text = one_line(text)
    queries = parse_queries(f"{queries_text or ''}\n{picked_with or ''}")
    documents = documents_by_ids(document_ids)
    if not text:
        problems.append(_("Schrijf de vraag op."))
    elif len(text) > MAX_QUESTION_LENGTH:
        problems.append(_("De vraag is te lang (hoogstens 500 tekens)."))
    if len(queries) > MAX_QUERIES:
        problems.append(_("Geef hoogstens 10 zoekvragen."))
    if any(len(q) > MAX_QUERY_LENGTH for q in queries):
        problems.append(_("Een zoekvraag is te lang (hoogstens 200 tekens)."))
    if not documents:
        problems.append(_("Kies minstens één document dat de vraag beantwoordt."))
    elif len(documents) > MAX_DOCUMENTS:
        problems.append(_("Kies hoogstens 20 documenten."))
    if problems:
        raise ValidationFailed(problems)
    if (
        question is not None
        and question.question == text
        and list(question.queries or []) == queries
        and {d.id for d in question.documents} == {d.id for d in documents}
    ):
        return question  # nothing changed: no write (and no new updated_at)
    try:
        if question is None:
            question = KeyQuestion(theme_id=theme.id, created_by_id=user.id if user else None)
            db.session.add(question)
        question.question = text
        question.queries = queries
        question.documents = documents
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return question


def delete_key_question(question: KeyQuestion) -> None:
    try:
        db.session.delete(question)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
