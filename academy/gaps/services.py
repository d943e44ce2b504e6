"""Search gaps: the queries people run about a theme that find nothing or nothing useful.

Which searches count: real searches in the practice search (`kind` "search"; not "api",
where no click can be seen) on the first results page, outside exercises (a search inside an
exercise practises a set task; it is not a need for information), by a signed-in user, with a
non-empty query. Searches are grouped by their
normalised query (`QueryLog.query_key`: case, accents and spaces folded) and by their theme
(`QueryLog.theme_code`, attributed when the search was logged: see attribution.py).

A search is *poor* when any of these holds:
- it found nothing (zero results);
- nothing was opened: no document opened by the same user within CLICK_SECONDS after it;
- it was reformulated: the same user searched again within REFORMULATION_SECONDS with a
  different query.
A query is a *gap* when at least MIN_POOR_PERCENT of its searches were poor.

Privacy: the result holds counts only, never a user. A query typed by fewer than
MIN_DISTINCT_USERS different people is not shown (only how many such queries there were),
so a rare, personal search cannot be traced back to whoever typed it.

The aggregation is one SQL statement (window functions for reformulations, an indexed EXISTS
for clicks) that runs on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    DateTime,
    Select,
    and_,
    case,
    distinct,
    exists,
    func,
    or_,
    select,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.expression import FunctionElement

from academy.extensions import db
from academy.models import DocumentOpen, QueryLog, Role, Theme

#: Who reads the search gaps (admins always may); never the medewerker role alone.
READERS = (Role.PROGRAMME_MANAGER, Role.TRAINER)

#: A document opened this long after a search counts as a click on its results.
CLICK_SECONDS = 300
#: Searching again with another query within this time means the first one did not help.
REFORMULATION_SECONDS = 60
#: A query is a gap when at least this share (in %) of its searches was poor.
MIN_POOR_PERCENT = 50
#: A query typed by fewer different people is never shown as it was typed (k-anonymity).
MIN_DISTINCT_USERS = 2
#: Most gaps a page or an export lists.
MAX_ROWS = 100
#: The theme page shows this many gaps of this many last days.
THEME_PAGE_ROWS = 5
THEME_PAGE_DAYS = 90
#: The theme filter's value for searches that could not be attributed to a theme.
NO_THEME = "-"


class plus_seconds(FunctionElement[dt.datetime]):  # noqa: N801 - reads as an SQL function
    """`moment + n seconds`, written the way each database understands it."""

    type = DateTime(timezone=True)
    inherit_cache = True
    name = "plus_seconds"

    def __init__(self, moment: ColumnElement[Any], seconds: int) -> None:
        self.seconds = int(seconds)
        super().__init__(moment)


@compiles(plus_seconds)
def _plus_seconds_default(element: plus_seconds, compiler: SQLCompiler, **kw: Any) -> str:
    moment = compiler.process(list(element.clauses)[0], **kw)
    return f"({moment} + INTERVAL '{element.seconds} seconds')"


@compiles(plus_seconds, "sqlite")
def _plus_seconds_sqlite(element: plus_seconds, compiler: SQLCompiler, **kw: Any) -> str:
    # SQLite keeps SQLAlchemy's "YYYY-MM-DD HH:MM:SS.ffffff" text; produce the same shape
    # (to the millisecond) so the comparison stays a plain, index-friendly text comparison.
    moment = compiler.process(list(element.clauses)[0], **kw)
    return f"(strftime('%Y-%m-%d %H:%M:%f', {moment}, '+{element.seconds} seconds') || '000')"


@dataclass(frozen=True)
class GapFilter:
    """A period (both days included, in UTC) and optionally one theme (or NO_THEME)."""

    date_from: dt.date
    date_to: dt.date
    theme: str | None = None

    @property
    def start(self) -> dt.datetime:
        return dt.datetime.combine(self.date_from, dt.time(), tzinfo=dt.UTC)

    @property
    def end(self) -> dt.datetime:
        """The first moment after the period."""
        return dt.datetime.combine(self.date_to + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)


@dataclass(frozen=True)
class GapRow:
    """One query that often fails, with counts only (never who searched)."""

    theme_code: str | None
    theme_name: str | None
    query: str
    searches: int
    users: int
    zero_results: int
    no_click: int
    reformulated: int
    poor: int

    @property
    def zero_share(self) -> float:
        return self.zero_results / self.searches

    @property
    def no_click_share(self) -> float | None:
        """Of the searches that found something, the share where nothing was opened."""
        found = self.searches - self.zero_results
        return self.no_click / found if found else None

    @property
    def reformulation_share(self) -> float:
        return self.reformulated / self.searches


@dataclass(frozen=True)
class GapReport:
    filter: GapFilter
    rows: list[GapRow]
    searches: int  # every counted search in the period (and theme)
    hidden_queries: int  # gaps typed by fewer than MIN_DISTINCT_USERS people


def last_days(days: int, today: dt.date | None = None) -> GapFilter:
    """The period of the last `days` days, today included."""
    end = today or dt.datetime.now(dt.UTC).date()
    return GapFilter(date_from=end - dt.timedelta(days=days - 1), date_to=end)


def _flags(gap_filter: GapFilter) -> Select[Any]:
    """One row per counted search in the period: its group and its three flags."""
    window: dict[str, Any] = {
        "partition_by": QueryLog.user_id,
        "order_by": (QueryLog.created_at, QueryLog.id),
    }
    searches = (
        select(
            QueryLog.user_id,
            QueryLog.query_key,
            QueryLog.theme_code,
            QueryLog.result_count,
            QueryLog.created_at,
            func.lead(QueryLog.created_at).over(**window).label("next_at"),
            func.lead(QueryLog.query_key).over(**window).label("next_key"),
        )
        .where(
            QueryLog.kind == "search",
            QueryLog.page == 1,
            # Written so that no index serves it: most rows have no attempt, and SQLite would
            # otherwise walk that index instead of the created_at range of the period.
            func.coalesce(QueryLog.attempt_id, 0) == 0,
            QueryLog.user_id.is_not(None),
            QueryLog.query_key != "",
            QueryLog.created_at >= gap_filter.start,
            # The next search may fall just after the period and still be a reformulation.
            QueryLog.created_at < gap_filter.end + dt.timedelta(seconds=REFORMULATION_SECONDS + 1),
        )
        .subquery("searches")
    )
    opened = (
        exists()
        .where(
            DocumentOpen.user_id == searches.c.user_id,
            DocumentOpen.created_at >= searches.c.created_at,
            DocumentOpen.created_at <= plus_seconds(searches.c.created_at, CLICK_SECONDS),
        )
        .correlate(searches)
    )
    zero = searches.c.result_count == 0
    no_click = and_(searches.c.result_count > 0, ~opened)
    reformulated = and_(
        searches.c.next_at.is_not(None),
        searches.c.next_at <= plus_seconds(searches.c.created_at, REFORMULATION_SECONDS),
        searches.c.next_key != searches.c.query_key,
    )
    statement = (
        select(
            searches.c.user_id,
            searches.c.query_key,
            Theme.code.label("theme_code"),
            case((zero, 1), else_=0).label("zero"),
            case((no_click, 1), else_=0).label("no_click"),
            case((reformulated, 1), else_=0).label("reformulated"),
        )
        # A code that is no theme (a hand-made URL, a deleted theme) counts as no theme.
        .outerjoin(Theme, Theme.code == searches.c.theme_code)
        .where(searches.c.created_at >= gap_filter.start, searches.c.created_at < gap_filter.end)
    )
    if gap_filter.theme == NO_THEME:
        statement = statement.where(Theme.code.is_(None))
    elif gap_filter.theme is not None:
        statement = statement.where(Theme.code == gap_filter.theme)
    return statement


def search_gaps(gap_filter: GapFilter, limit: int = MAX_ROWS) -> GapReport:
    """The most frequent failing queries of the period, most poor searches first."""
    flags = _flags(gap_filter).subquery("flags")
    searches = func.count()
    users = func.count(distinct(flags.c.user_id))
    # Poor is derived from the three flags here, so the click EXISTS runs once per search.
    is_poor = or_(flags.c.zero == 1, flags.c.no_click == 1, flags.c.reformulated == 1)
    poor = func.sum(case((is_poor, 1), else_=0))
    statement = select(
        flags.c.theme_code,
        flags.c.query_key,
        searches.label("searches"),
        users.label("users"),
        func.sum(flags.c.zero).label("zero"),
        func.sum(flags.c.no_click).label("no_click"),
        func.sum(flags.c.reformulated).label("reformulated"),
        poor.label("poor"),
    ).group_by(flags.c.theme_code, flags.c.query_key)
    names = dict(db.session.execute(select(Theme.code, Theme.name)).all())
    gaps: list[GapRow] = []
    hidden = 0
    total = 0
    # Every group comes back (one pass over the log also gives the period's total); the
    # thresholds and the order are applied here, on counts only.
    for row in db.session.execute(statement):
        total += int(row.searches)
        if int(row.poor) * 100 < int(row.searches) * MIN_POOR_PERCENT:
            continue
        if row.users < MIN_DISTINCT_USERS:
            hidden += 1
            continue
        gaps.append(
            GapRow(
                theme_code=row.theme_code,
                theme_name=names.get(row.theme_code) if row.theme_code else None,
                query=row.query_key,
                searches=int(row.searches),
                users=int(row.users),
                zero_results=int(row.zero),
                no_click=int(row.no_click),
                reformulated=int(row.reformulated),
                poor=int(row.poor),
            )
        )
    gaps.sort(key=lambda g: (-g.poor, -g.searches, g.query, g.theme_code or ""))
    rows = gaps[:limit]
    return GapReport(filter=gap_filter, rows=rows, searches=total, hidden_queries=hidden)


def theme_choices() -> list[tuple[str, str]]:
    """(code, name) of every theme, by name, for the theme filter."""
    return list(db.session.execute(select(Theme.code, Theme.name).order_by(Theme.name)).all())


def theme_preview(code: str, today: dt.date | None = None) -> GapReport:
    """The few worst gaps of one theme for its theme page."""
    period = last_days(THEME_PAGE_DAYS, today)
    return search_gaps(
        GapFilter(date_from=period.date_from, date_to=period.date_to, theme=code),
        limit=THEME_PAGE_ROWS,
    )
