"""Demo searches in the practice search that fail, so the search gaps page tells a story on
first start: queries with no results, results nobody opened, and quick reformulations, by
several colleagues (a gap needs at least two people), plus searches that did work.
Deterministic for a given date; the searches fall in the last three weeks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from academy.extensions import db
from academy.models import Document, DocumentOpen, QueryLog, Theme, User

if TYPE_CHECKING:
    from academy.demo.seed import SeedReport

USERS = (
    "s.bakker",
    "d.yilmaz",
    "m.elamrani",
    "e.devries",
    "a.smit",
    "k.mulder",
    "f.degroot",
    "i.kaya",
    "n.hendriks",
    "medewerker",
)


@dataclass(frozen=True)
class Trail:
    """People search `query` (facet `theme`) and get `results`; then they open a result
    (`opened`), or search `then` a few seconds later, or do nothing."""

    query: str
    theme: str | None
    results: int
    people: int
    opened: bool = False
    then: str | None = None
    then_results: int = 0


TRAILS: tuple[Trail, ...] = (
    Trail("thuiszitters aantallen 2025", "vsv", 0, 4),
    Trail("schoolverzuim per wijk", "vsv", 6, 3, then="verzuim leerplicht wijk", then_results=4),
    Trail("energietoeslag aanvragen", "armoede", 0, 5),
    Trail("minimaregeling kinderen", "armoede", 4, 3),
    Trail("armoedemonitor", "armoede", 12, 4, opened=True),
    Trail("funderingsloket", "funderingen", 0, 3),
    Trail("warmtenet wijkaanpak", "energietransitie", 2, 3, then="warmtenet", then_results=5),
    Trail("tiny houses", "woningbouw", 0, 2),
    Trail("laadpalen", None, 0, 4),
    Trail("parkeervergunning digitaal", None, 0, 2),
    Trail("klacht over de buren", None, 0, 1),  # one person's query: never shown
)
MARKER = TRAILS[0].query


def seed_search_gaps(today: dt.date, report: SeedReport) -> None:
    """Add the demo searches once (skipped when they are there already)."""
    if db.session.scalar(select(QueryLog.id).where(QueryLog.query_key == MARKER).limit(1)):
        return
    users = {
        u.username: u.id for u in db.session.scalars(select(User).where(User.username.in_(USERS)))
    }
    people = [users[name] for name in USERS if name in users]
    themes = set(db.session.scalars(select(Theme.code)))
    if len(people) < 2:
        return
    start = dt.datetime.combine(today, dt.time(9, 0), tzinfo=dt.UTC) - dt.timedelta(days=21)
    for number, trail in enumerate(TRAILS):
        theme = trail.theme if trail.theme in themes else None
        filters = {"thema": [theme]} if theme else {}
        document_id = _a_document(theme) if trail.opened or trail.then_results else None
        for person in range(min(trail.people, len(people))):
            user_id = people[(number + person) % len(people)]
            moment = start + dt.timedelta(days=(number * 3 + person * 5) % 20, minutes=number)
            _log(user_id, trail.query, filters, trail.results, moment, theme)
            report.add("practice searches")
            if trail.opened and document_id is not None:
                _open(user_id, document_id, moment + dt.timedelta(seconds=40))
            if trail.then:
                later = moment + dt.timedelta(seconds=25)
                _log(user_id, trail.then, filters, trail.then_results, later, theme)
                if trail.then_results and document_id is not None:
                    _open(user_id, document_id, later + dt.timedelta(seconds=30))


def _log(
    user_id: int,
    query: str,
    filters: dict[str, list[str]],
    results: int,
    moment: dt.datetime,
    theme: str | None,
) -> None:
    db.session.add(
        QueryLog(
            user_id=user_id,
            query=query,
            filters=filters,
            result_count=results,
            elapsed_ms=9.0,
            created_at=moment,
            theme_code=theme,
        )
    )


def _open(user_id: int, document_id: int, moment: dt.datetime) -> None:
    db.session.add(DocumentOpen(user_id=user_id, document_id=document_id, created_at=moment))


def _a_document(theme: str | None) -> int | None:
    """A document of the theme (any document when the theme has none) to open."""
    statement = select(Document.id).order_by(Document.id).limit(1)
    found = None
    if theme is not None:
        found = db.session.scalar(statement.join(Theme).where(Theme.code == theme))
    return found if found is not None else db.session.scalar(statement)
