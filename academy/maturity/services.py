"""Maturity of themes on the analytics ladder.

The current level is always derived from the newest assessment (`current_level`); nothing
stores it a second time. Write functions own their transaction: one commit per user action.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from academy.audit.services import AuditAction, record_event
from academy.database import retry_on_conflict
from academy.errors import ValidationFailed
from academy.extensions import db
from academy.models import (
    LEVEL_NUMBERS,
    Analysis,
    AnalysisLevel,
    AnalysisStatus,
    Assessment,
    AssessmentLevel,
    Document,
    Evidence,
    LevelCriterion,
    LevelStatus,
    Target,
    Team,
    Theme,
    User,
)
from academy.security import MAX_ID

# Path segments under /themas that a theme code may not take.
RESERVED_CODES = frozenset({"nieuw", "ladder", "grafieken", "export.csv", "export.xlsx"})
NO_LEVEL = -1  # level 0 (Vinden) is not op orde yet
TOP_LEVEL = LEVEL_NUMBERS[-1]


# --- the ladder -------------------------------------------------------------------------------


def current_level(statuses: Mapping[int, LevelStatus | str]) -> int:
    """The highest level L such that every level 0..L is op orde; NO_LEVEL when level 0 is not.

    A gap stops the climb: level 2 op orde counts for nothing while level 1 is not.
    """
    level = NO_LEVEL
    for number in LEVEL_NUMBERS:
        if statuses.get(number) != LevelStatus.IN_ORDER:
            break
        level = number
    return level


def next_step(level: int) -> int | None:
    """The level to work on next, or None when the top of the ladder is reached."""
    return level + 1 if level < TOP_LEVEL else None


def ensure_ladder() -> bool:
    """Create the five levels and their seeded criteria when missing (reference data).

    Returns whether anything was added. Existing levels and criteria are never overwritten,
    so edits made through the app survive.
    """
    from academy.maturity.ladder import LEVELS

    existing = {level.number for level in db.session.scalars(select(AnalysisLevel))}
    added = False
    for seed in LEVELS:
        if seed.number in existing:
            continue
        db.session.add(
            AnalysisLevel(
                number=seed.number,
                name=seed.name,
                question=seed.question,
                description=seed.description,
            )
        )
        db.session.flush()
        for position, text in enumerate(seed.criteria):
            db.session.add(LevelCriterion(level_number=seed.number, text=text, position=position))
        added = True
    db.session.commit()
    return added


def list_levels() -> list[AnalysisLevel]:
    return list(
        db.session.scalars(
            select(AnalysisLevel)
            .options(selectinload(AnalysisLevel.criteria))
            .order_by(AnalysisLevel.number)
        )
    )


def level_names() -> dict[int, str]:
    return dict(db.session.execute(select(AnalysisLevel.number, AnalysisLevel.name)).all())


# --- reading: the portfolio ---------------------------------------------------------------------


@dataclass(frozen=True)
class ThemeSummary:
    """One row of the portfolio: plain data for templates, exports and charts."""

    id: int
    code: str
    name: str
    domain: str
    owner: str
    archived: bool
    statuses: tuple[LevelStatus, ...]  # newest assessment, per level 0..4
    current_level: int
    previous_level: int | None  # from the assessment before the newest, if any
    last_assessed: dt.date | None
    target_level: int | None
    target_date: dt.date | None
    behind_target: bool
    owner_team_id: int | None = None
    # Level 0 measured (academy/findability): the share of findable key questions in the
    # newest scan and the one before; None when not measured.
    findability: float | None = None
    findability_previous: float | None = None
    # Flagged like "behind target": measured below the level-0 criterion's threshold.
    below_findability: bool = False

    @property
    def next_step(self) -> int | None:
        return next_step(self.current_level)

    @property
    def trend(self) -> str:
        """'nieuw' (first assessment), 'omhoog', 'omlaag', 'gelijk' or '' (never assessed)."""
        if self.last_assessed is None:
            return ""
        if self.previous_level is None:
            return "nieuw"
        if self.current_level > self.previous_level:
            return "omhoog"
        if self.current_level < self.previous_level:
            return "omlaag"
        return "gelijk"


def is_behind_target(
    level: int, target_level: int | None, target_date: dt.date | None, today: dt.date
) -> bool:
    """Behind when the target date has passed and the level is still below the target."""
    if target_level is None or target_date is None:
        return False
    return target_date < today and level < target_level


def _statuses_by_assessment(assessment_ids: Iterable[int]) -> dict[int, dict[int, LevelStatus]]:
    ids = list(assessment_ids)
    result: dict[int, dict[int, LevelStatus]] = {assessment_id: {} for assessment_id in ids}
    if not ids:
        return result
    rows = db.session.execute(
        select(
            AssessmentLevel.assessment_id, AssessmentLevel.level_number, AssessmentLevel.status
        ).where(AssessmentLevel.assessment_id.in_(ids))
    )
    for assessment_id, number, status in rows:
        result[assessment_id][number] = LevelStatus(status)
    return result


def theme_summaries(
    *,
    include_archived: bool = False,
    today: dt.date | None = None,
    only_theme_id: int | None = None,
) -> list[ThemeSummary]:
    """Every theme (or just `only_theme_id`, for its own page) with its derived level, trend
    and target, in three queries."""
    today = today or dt.date.today()
    query = select(Theme, Team.name).outerjoin(Team, Theme.owner_team_id == Team.id)
    if not include_archived:
        query = query.where(Theme.archived.is_(False))
    if only_theme_id is not None:
        query = query.where(Theme.id == only_theme_id)
    themes = db.session.execute(query.order_by(func.lower(Theme.name), Theme.id)).all()

    # The two newest assessments per theme.
    ranked = select(
        Assessment.id,
        Assessment.theme_id,
        Assessment.assessed_on,
        func.row_number()
        .over(
            partition_by=Assessment.theme_id,
            order_by=(Assessment.assessed_on.desc(), Assessment.id.desc()),
        )
        .label("rank"),
    )
    if only_theme_id is not None:
        ranked = ranked.where(Assessment.theme_id == only_theme_id)
    ranked_rows = ranked.subquery()
    newest: dict[int, list[tuple[int, dt.date]]] = {}
    for assessment_id, theme_id, assessed_on, _rank in db.session.execute(
        select(ranked_rows)
        .where(ranked_rows.c.rank <= 2)
        .order_by(ranked_rows.c.theme_id, ranked_rows.c.rank)
    ):
        newest.setdefault(theme_id, []).append((assessment_id, assessed_on))
    statuses = _statuses_by_assessment(a for pair in newest.values() for a, _d in pair)

    target_rank = select(
        Target.theme_id,
        Target.level_number,
        Target.target_date,
        func.row_number()
        .over(partition_by=Target.theme_id, order_by=Target.id.desc())
        .label("rank"),
    )
    if only_theme_id is not None:
        target_rank = target_rank.where(Target.theme_id == only_theme_id)
    target_rows = target_rank.subquery()
    targets = {
        theme_id: (level, date)
        for theme_id, level, date, _rank in db.session.execute(
            select(target_rows).where(target_rows.c.rank == 1)
        )
    }

    from academy.findability import services as findability  # its routes import us

    measured = findability.measurements()
    needed = findability.threshold()
    summaries = []
    for theme, owner in themes:
        measurement = measured.get(theme.id, findability.NOT_MEASURED)
        pair = newest.get(theme.id, [])
        latest = statuses[pair[0][0]] if pair else {}
        level = current_level(latest)
        previous = current_level(statuses[pair[1][0]]) if len(pair) > 1 else None
        target_level, target_date = targets.get(theme.id, (None, None))
        summaries.append(
            ThemeSummary(
                id=theme.id,
                code=theme.code,
                name=theme.name,
                domain=theme.domain,
                owner=owner or "",
                archived=theme.archived,
                statuses=tuple(latest.get(n, LevelStatus.NOT_STARTED) for n in LEVEL_NUMBERS),
                current_level=level,
                previous_level=previous,
                last_assessed=pair[0][1] if pair else None,
                target_level=target_level,
                target_date=target_date,
                behind_target=is_behind_target(level, target_level, target_date, today),
                owner_team_id=theme.owner_team_id,
                findability=measurement.share,
                findability_previous=measurement.previous,
                below_findability=findability.below(measurement.share, needed),
            )
        )
    return summaries


@dataclass(frozen=True)
class PortfolioFilter:
    domain: str = ""
    level: int | None = None  # a current level, NO_LEVEL included
    owner: str = ""
    behind_target: bool = False
    # "onder" (below the level-0 criterion), "gemeten" (measured) or "niet" (not measured)
    findability: str = ""


SORT_KEYS = {
    "naam": lambda s: (s.name.lower(),),
    "domein": lambda s: (s.domain, s.name.lower()),
    "niveau": lambda s: (s.current_level, s.name.lower()),
    "doel": lambda s: (s.target_level if s.target_level is not None else -2, s.name.lower()),
    "beoordeeld": lambda s: (s.last_assessed or dt.date.min, s.name.lower()),
    "eigenaar": lambda s: (s.owner.lower(), s.name.lower()),
    "trend": lambda s: (s.trend, s.name.lower()),
    # Not measured sorts before 0 %.
    "vindbaarheid": lambda s: (
        s.findability if s.findability is not None else -1.0,
        s.name.lower(),
    ),
}

FINDABILITY_FILTERS = ("onder", "gemeten", "niet")


def _findability_matches(summary: ThemeSummary, wanted: str) -> bool:
    if wanted == "onder":
        return summary.below_findability
    if wanted == "gemeten":
        return summary.findability is not None
    if wanted == "niet":
        return summary.findability is None
    return True


def filter_and_sort(
    summaries: Iterable[ThemeSummary],
    filters: PortfolioFilter,
    sort: str = "naam",
    descending: bool = False,
) -> list[ThemeSummary]:
    rows = [
        s
        for s in summaries
        if (not filters.domain or s.domain == filters.domain)
        and (filters.level is None or s.current_level == filters.level)
        and (not filters.owner or s.owner == filters.owner)
        and (not filters.behind_target or s.behind_target)
        and _findability_matches(s, filters.findability)
    ]
    return sorted(rows, key=SORT_KEYS.get(sort, SORT_KEYS["naam"]), reverse=descending)


@dataclass(frozen=True)
class LevelShare:
    level: int
    count: int
    share: float  # 0..1


def themes_per_level(summaries: Sequence[ThemeSummary]) -> list[LevelShare]:
    counts = Counter(s.current_level for s in summaries)
    total = len(summaries) or 1
    return [
        LevelShare(level, counts.get(level, 0), counts.get(level, 0) / total)
        for level in (NO_LEVEL, *LEVEL_NUMBERS)
    ]


def analyses_per_level() -> list[LevelShare]:
    """Share of analysis products in use by ladder level: the municipality's headline figure."""
    rows = db.session.execute(
        select(Analysis.level_number, func.count(Analysis.id))
        .join(Theme, Theme.id == Analysis.theme_id)
        .where(Analysis.status == AnalysisStatus.IN_USE.value, Theme.archived.is_(False))
        .group_by(Analysis.level_number)
    ).all()
    counts = dict(rows)
    total = sum(counts.values()) or 1
    return [
        LevelShare(level, counts.get(level, 0), counts.get(level, 0) / total)
        for level in LEVEL_NUMBERS
    ]


@dataclass(frozen=True)
class QuarterDistribution:
    label: str  # "2025 K3"
    end: dt.date
    counts: dict[int, int]  # current level (NO_LEVEL..4) -> number of assessed themes


def quarter_end(day: dt.date) -> dt.date:
    month = ((day.month - 1) // 3 + 1) * 3
    following = dt.date(day.year + (month == 12), month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def level_distribution_per_quarter(today: dt.date | None = None) -> list[QuarterDistribution]:
    """For each quarter since the first assessment: how many themes stood at each level
    at the end of that quarter (the newest assessment on or before that day counts)."""
    today = today or dt.date.today()
    rows = db.session.execute(
        select(Assessment.id, Assessment.theme_id, Assessment.assessed_on)
        .join(Theme, Theme.id == Assessment.theme_id)
        .where(Theme.archived.is_(False))
        .order_by(Assessment.assessed_on, Assessment.id)
    ).all()
    if not rows:
        return []
    statuses = _statuses_by_assessment(row.id for row in rows)
    quarters: list[QuarterDistribution] = []
    end = quarter_end(rows[0].assessed_on)
    index = 0
    level_now: dict[int, int] = {}
    while end <= quarter_end(today):
        while index < len(rows) and rows[index].assessed_on <= end:
            level_now[rows[index].theme_id] = current_level(statuses[rows[index].id])
            index += 1
        counts = Counter(level_now.values())
        label = f"{end.year} K{(end.month - 1) // 3 + 1}"
        quarters.append(
            QuarterDistribution(
                label, end, {n: counts.get(n, 0) for n in (NO_LEVEL, *LEVEL_NUMBERS)}
            )
        )
        end = quarter_end(end + dt.timedelta(days=1))
    return quarters


def data_version() -> str:
    """A fingerprint of everything the portfolio shows; it changes when the data does.

    One round trip of scalar subqueries: it runs on every portfolio and chart request.
    """
    # Imported here: the findability package's routes import this module.
    from academy.findability.services import findability_version_columns

    fingerprint = db.session.execute(
        select(
            select(func.count(Assessment.id)).scalar_subquery(),
            select(func.max(Assessment.id)).scalar_subquery(),
            select(func.count(Theme.id)).scalar_subquery(),
            select(func.max(Theme.updated_at)).scalar_subquery(),
            select(func.count(Target.id)).scalar_subquery(),
            select(func.max(Target.id)).scalar_subquery(),
            select(func.count(Analysis.id)).scalar_subquery(),
            select(func.max(Analysis.updated_at)).scalar_subquery(),
            select(func.count(LevelCriterion.id)).scalar_subquery(),
            select(func.max(AnalysisLevel.name)).scalar_subquery(),
            # Owner names show in the portfolio, and teams have no updated_at to compare.
            select(func.aggregate_strings(Team.name, "\n")).scalar_subquery(),
            # Findability (level 0 measured) shows in the portfolio too.
            *findability_version_columns(),
        )
    ).one()
    # "Behind target" and the quarters move with the calendar, so the date is part of it.
    parts = (tuple(fingerprint), dt.date.today().isoformat())
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class PortfolioSnapshot:
    """Everything the portfolio page and its charts derive from the data, computed once
    per data version."""

    summaries: list[ThemeSummary]
    per_level: list[LevelShare]
    analyses_share: list[LevelShare]
    quarters: list[QuarterDistribution]
    level_names: dict[int, str]

    @property
    def behind_count(self) -> int:
        return sum(1 for s in self.summaries if s.behind_target)


def portfolio_snapshot() -> PortfolioSnapshot:
    summaries = theme_summaries()
    return PortfolioSnapshot(
        summaries=summaries,
        per_level=themes_per_level(summaries),
        analyses_share=analyses_per_level(),
        quarters=level_distribution_per_quarter(),
        level_names=level_names(),
    )


# --- reading: one theme -----------------------------------------------------------------------


@dataclass(frozen=True)
class LevelView:
    number: int
    name: str
    question: str
    status: LevelStatus
    criteria: list[tuple[LevelCriterion, bool]]  # (criterion, met in the newest assessment)


@dataclass(frozen=True)
class HistoryEntry:
    assessment: Assessment
    level: int
    change: int | None  # level difference with the assessment before it


@dataclass
class ThemeDetail:
    theme: Theme
    summary: ThemeSummary
    levels: list[LevelView]
    history: list[HistoryEntry]  # newest first
    open_criteria: list[LevelCriterion] = field(default_factory=list)  # for the next step
    target: Target | None = None


def get_theme(code: str) -> Theme | None:
    return db.session.scalar(select(Theme).where(Theme.code == code))


def assessment_history(theme: Theme) -> list[tuple[Assessment, int]]:
    """The theme's assessments, newest first (date, then id), each with its derived level.

    The one query behind the theme page and the API, so both show the same history.
    """
    assessments = db.session.scalars(
        select(Assessment)
        .where(Assessment.theme_id == theme.id)
        .options(
            selectinload(Assessment.criteria_met),
            selectinload(Assessment.evidence),
            selectinload(Assessment.assessor),
        )
        .order_by(Assessment.assessed_on.desc(), Assessment.id.desc())
    )
    return [(a, assessment_level(a)) for a in assessments]


def assessment_level(assessment: Assessment) -> int:
    """The level an assessment reaches (see `current_level`)."""
    return current_level({r.level_number: r.status for r in assessment.level_statuses})


def theme_detail(theme: Theme, today: dt.date | None = None) -> ThemeDetail:
    summary = next(
        s
        for s in theme_summaries(include_archived=True, today=today, only_theme_id=theme.id)
        if s.id == theme.id
    )
    rated = assessment_history(theme)
    assessments = [assessment for assessment, _level in rated]
    latest = assessments[0] if assessments else None
    met = {c.id for c in latest.criteria_met} if latest else set()
    levels = [
        LevelView(
            number=level.number,
            name=level.name,
            question=level.question,
            status=latest.status_of(level.number) if latest else LevelStatus.NOT_STARTED,
            criteria=[(c, c.id in met) for c in level.criteria if c.active or c.id in met],
        )
        for level in list_levels()
    ]
    levels_over_time = [level for _assessment, level in rated]
    history = [
        HistoryEntry(
            assessment,
            level,
            level - levels_over_time[index + 1] if index + 1 < len(assessments) else None,
        )
        for index, (assessment, level) in enumerate(zip(assessments, levels_over_time, strict=True))
    ]
    step = summary.next_step
    open_criteria = []
    if step is not None:
        open_criteria = [
            criterion
            for view in levels
            if view.number <= step
            for criterion, is_met in view.criteria
            if not is_met and criterion.active
        ]
    return ThemeDetail(
        theme=theme,
        summary=summary,
        levels=levels,
        history=history,
        open_criteria=open_criteria,
        target=theme.targets[0] if theme.targets else None,
    )


# --- writing ----------------------------------------------------------------------------------


PRACTICE_DOCUMENT = re.compile(r"^/zoeken/documenten/(\d{1,9})$")


def parse_evidence_lines(text: str) -> tuple[list[tuple[str, str]], list[str]]:
    """Read evidence as one link per line: "title | https://..." or a bare URL, or a
    document from the practice index by its path ("/zoeken/documenten/123").

    Returns (links, problems); only http(s) links and existing practice documents are
    accepted, so no javascript: URLs.
    """
    links: list[tuple[str, str]] = []
    problems: list[str] = []
    for number, raw in enumerate((text or "").splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        title, _sep, url = line.rpartition("|") if "|" in line else ("", "", line)
        title, url = title.strip(), url.strip()
        if len(url) > 2000 or len(title) > 300:
            problems.append(_("Bewijs regel %(n)s is te lang.", n=number))
            continue
        document = PRACTICE_DOCUMENT.match(url)
        if document is not None:
            found = db.session.get(Document, int(document.group(1)))
            if found is None:
                problems.append(
                    _("Bewijs regel %(n)s: dat document staat niet in de zoekomgeving.", n=number)
                )
                continue
            links.append((title or found.title, url))
            continue
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            problems.append(
                _(
                    "Bewijs regel %(n)s: geef een webadres dat begint met http:// of https://, "
                    "of een document uit de zoekomgeving (/zoeken/documenten/…).",
                    n=number,
                )
            )
            continue
        links.append((title or url, url))
    return links, problems


def validate_assessment(
    statuses: Mapping[int, LevelStatus],
    criteria_met: set[int],
    assessed_on: dt.date,
    today: dt.date | None = None,
) -> list[str]:
    """Every rule an assessment breaks, so the form can show them all at once."""
    today = today or dt.date.today()
    problems: list[str] = []
    if assessed_on > today:
        problems.append(_("De datum van een beoordeling kan niet in de toekomst liggen."))
    if assessed_on < dt.date(2000, 1, 1):
        problems.append(_("Kies een datum na 1 januari 2000."))
    missing_levels = [n for n in LEVEL_NUMBERS if n not in statuses]
    if missing_levels:
        problems.append(_("Geef voor elk niveau een status."))
    for level in list_levels():
        if statuses.get(level.number) != LevelStatus.IN_ORDER:
            continue
        unmet = [c for c in level.criteria if c.active and c.id not in criteria_met]
        if unmet:
            problems.append(
                _(
                    "Niveau %(level)s (%(name)s) kan pas op orde zijn als alle criteria zijn "
                    "afgevinkt; nog open: %(open)s.",
                    level=level.number,
                    name=level.name,
                    open="; ".join(c.text for c in unmet),
                )
            )
    return problems


@retry_on_conflict
def record_assessment(
    theme: Theme,
    *,
    assessor: User | None,
    assessed_on: dt.date,
    statuses: Mapping[int, LevelStatus],
    criteria_met: Iterable[int],
    evidence_text: str = "",
    note: str = "",
    today: dt.date | None = None,
) -> Assessment:
    """Add a dated judgement of a theme; earlier assessments stay untouched (history)."""
    criteria_ids = set(criteria_met)
    # An id beyond the Integer key range (PostgreSQL int4) cannot exist; the database would
    # refuse the query with "integer out of range".
    plausible = {i for i in criteria_ids if 0 < i <= MAX_ID}
    known = set(
        db.session.scalars(select(LevelCriterion.id).where(LevelCriterion.id.in_(plausible)))
    )
    problems = validate_assessment(statuses, criteria_ids, assessed_on, today)
    if criteria_ids - known:
        problems.append(_("Een of meer afgevinkte criteria bestaan niet (meer)."))
    links, link_problems = parse_evidence_lines(evidence_text)
    problems += link_problems
    if problems:
        raise ValidationFailed(problems)
    criteria = (
        list(db.session.scalars(select(LevelCriterion).where(LevelCriterion.id.in_(criteria_ids))))
        if criteria_ids
        else []
    )
    from academy.findability.services import measurement  # its routes import us

    measured = measurement(theme.id)
    assessment = Assessment(
        theme=theme,
        assessor=assessor,
        criteria_met=criteria,
        assessed_on=assessed_on,
        note=(note or "").strip(),
        level_statuses=[
            AssessmentLevel(level_number=n, status=LevelStatus(statuses[n]).value)
            for n in LEVEL_NUMBERS
        ],
        evidence=[Evidence(title=title, url=url) for title, url in links],
        # Level 0 evidence by measurement, kept with the judgement it was made next to.
        findability_share=measured.share,
        findability_scan_id=measured.scan_id,
    )
    db.session.add(assessment)
    theme.updated_at = dt.datetime.now(dt.UTC)
    record_event(
        AuditAction.ASSESSMENT_RECORDED,
        actor=assessor,
        target=theme,
        details={"datum": assessed_on.isoformat(), "niveau": current_level(statuses)},
    )
    db.session.commit()
    return assessment


@retry_on_conflict
def set_target(
    theme: Theme,
    *,
    level: int,
    target_date: dt.date,
    set_by: User | None,
    today: dt.date | None = None,
) -> Target:
    today = today or dt.date.today()
    problems = []
    if level not in LEVEL_NUMBERS:
        problems.append(_("Kies een niveau van 0 tot en met 4."))
    if target_date < today:
        problems.append(_("Een doel ligt vandaag of in de toekomst."))
    if target_date > today + dt.timedelta(days=365 * 15):
        problems.append(_("Kies een doeldatum binnen vijftien jaar."))
    if problems:
        raise ValidationFailed(problems)
    target = Target(
        level_number=level, target_date=target_date, set_by_id=set_by.id if set_by else None
    )
    db.session.add(target)
    target.theme = theme
    record_event(
        AuditAction.TARGET_SET,
        actor=set_by,
        target=theme,
        details={"niveau": level, "datum": target_date.isoformat()},
    )
    db.session.commit()
    return target


@retry_on_conflict
def save_theme(
    theme: Theme | None,
    *,
    code: str,
    name: str,
    domain: str,
    owner_team_id: int | None,
    description: str = "",
) -> Theme:
    """Create a theme (theme=None) or change one; codes are unique and URL-safe."""
    code = code.strip().lower()
    if code in RESERVED_CODES:
        raise ValidationFailed([_("De code %(code)s is gereserveerd; kies een andere.", code=code)])
    clash = db.session.scalar(select(Theme).where(Theme.code == code))
    if clash is not None and clash is not theme:
        raise ValidationFailed([_("De code %(code)s is al in gebruik.", code=code)])
    if theme is None:
        theme = Theme(code=code)
        db.session.add(theme)
    theme.code = code
    theme.name = name.strip()
    theme.domain = domain
    theme.owner_team_id = owner_team_id or None
    theme.description = (description or "").strip()
    theme.updated_at = dt.datetime.now(dt.UTC)
    db.session.commit()
    return theme


def set_archived(theme: Theme, archived: bool) -> None:
    theme.archived = archived
    theme.updated_at = dt.datetime.now(dt.UTC)
    db.session.commit()


def save_analysis(
    theme: Theme,
    analysis: Analysis | None,
    *,
    name: str,
    level: int,
    status: str,
    data_sources: str = "",
    description: str = "",
) -> Analysis:
    if analysis is None:
        analysis = Analysis(theme=theme)
        db.session.add(analysis)
    analysis.name = name.strip()
    analysis.level_number = level
    analysis.status = AnalysisStatus(status).value
    analysis.data_sources = (data_sources or "").strip()
    analysis.description = (description or "").strip()
    analysis.updated_at = dt.datetime.now(dt.UTC)
    db.session.commit()
    return analysis


def delete_analysis(analysis: Analysis) -> None:
    db.session.delete(analysis)
    db.session.commit()


def save_criterion(
    criterion: LevelCriterion | None,
    *,
    level: int,
    text: str,
    active: bool = True,
    findability_threshold: int | None = None,
) -> LevelCriterion:
    if criterion is None:
        position = db.session.scalar(
            select(func.coalesce(func.max(LevelCriterion.position), -1)).where(
                LevelCriterion.level_number == level
            )
        )
        criterion = LevelCriterion(level_number=level, position=(position or 0) + 1)
        db.session.add(criterion)
    criterion.text = text.strip()
    criterion.active = active
    # A threshold only means something for level 0 (Vinden), which findability measures.
    criterion.findability_threshold = findability_threshold if level == 0 else None
    db.session.commit()
    return criterion
