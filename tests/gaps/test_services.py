"""Aggregating the search log into search gaps (table-driven), and its privacy rule."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from flask import Flask
from sqlalchemy import insert, select

from academy.extensions import db
from academy.gaps import services
from academy.gaps.services import (
    CLICK_SECONDS,
    NO_THEME,
    REFORMULATION_SECONDS,
    GapFilter,
    GapReport,
    search_gaps,
)
from academy.models import DocumentOpen, QueryLog, User
from tests.conftest import add_user

PERIOD = GapFilter(date_from=dt.date(2026, 6, 10), date_to=dt.date(2026, 6, 12))


def gaps(app: Flask, gap_filter: GapFilter = PERIOD) -> GapReport:
    with app.app_context():
        return search_gaps(gap_filter)


@pytest.fixture
def show_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every group, even one person's and a well-answered one: to read the flags."""
    monkeypatch.setattr(services, "MIN_DISTINCT_USERS", 1)
    monkeypatch.setattr(services, "MIN_POOR_PERCENT", 0)


def flags_of(report: GapReport, query: str) -> tuple[int, int, int, int]:
    [row] = [r for r in report.rows if r.query == query]
    return row.zero_results, row.no_click, row.reformulated, row.poor


# (what happens around one search for "armoede" with `results` results) ->
# (zero results, nothing opened, reformulated, poor)
CASES = [
    ("zero results", 0, [], (1, 0, 0, 1)),
    ("opened a minute later", 3, [("open", "s.bakker", 60)], (0, 0, 0, 0)),
    ("opened at the click limit", 3, [("open", "s.bakker", CLICK_SECONDS)], (0, 0, 0, 0)),
    ("opened too late", 3, [("open", "s.bakker", CLICK_SECONDS + 1)], (0, 1, 0, 1)),
    ("opened before searching", 3, [("open", "s.bakker", -10)], (0, 1, 0, 1)),
    ("someone else opened", 3, [("open", "d.yilmaz", 10)], (0, 1, 0, 1)),
    (
        "reformulated at the limit",
        3,
        [
            ("search", "s.bakker", REFORMULATION_SECONDS, "armoede schulden"),
            ("open", "s.bakker", 5),
        ],
        (0, 0, 1, 1),
    ),
    (
        "searched again later",
        3,
        [("search", "s.bakker", REFORMULATION_SECONDS + 1, "armoede schulden")],
        (0, 1, 0, 1),
    ),
    # the same normalised query again: no reformulation, and both searches in one group
    ("the same query again", 3, [("search", "s.bakker", 5, "  ARMOËDE ")], (0, 2, 0, 2)),
    ("someone else searched", 3, [("search", "d.yilmaz", 5, "schulden")], (0, 1, 0, 1)),
    ("an exercise search next", 3, [("search-attempt", "s.bakker", 5, "schulden")], (0, 1, 0, 1)),
    ("page two next", 3, [("search-page2", "s.bakker", 5, "schulden")], (0, 1, 0, 1)),
    ("zero, then the same query", 0, [("search", "s.bakker", 10, "armoede")], (1, 1, 0, 2)),
    ("zero, then another query", 0, [("search", "s.bakker", 10, "bijstand")], (1, 0, 1, 1)),
]


@pytest.mark.parametrize(
    ("results", "events", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_a_search_is_poor_when(
    app, search, open_document, show_everything, results, events, expected
):
    search("s.bakker", "armoede", 0, results)
    for kind, user, seconds, *query in events:
        if kind == "open":
            open_document(user, seconds)
        elif kind == "search-attempt":
            search(user, query[0], seconds, attempt_id=1)
        elif kind == "search-page2":
            search(user, query[0], seconds, page=2)
        else:
            search(user, query[0], seconds)
    assert flags_of(gaps(app), "armoede") == expected


@pytest.mark.parametrize(
    ("moment", "counted"),
    [
        (dt.datetime(2026, 6, 10, 0, 0, tzinfo=dt.UTC), True),
        (dt.datetime(2026, 6, 12, 23, 59, 59, tzinfo=dt.UTC), True),
        (dt.datetime(2026, 6, 13, 0, 0, tzinfo=dt.UTC), False),
        (dt.datetime(2026, 6, 9, 23, 59, 59, tzinfo=dt.UTC), False),
    ],
)
def test_the_period_includes_both_days(app, search, moment, counted):
    search("s.bakker", "laadpalen", results=0, at=moment)
    search("d.yilmaz", "laadpalen", results=0, at=moment)
    report = gaps(app)
    assert report.searches == (2 if counted else 0)
    assert [r.query for r in report.rows] == (["laadpalen"] if counted else [])


def test_a_reformulation_just_after_the_period_counts(app, search, show_everything):
    last = dt.datetime(2026, 6, 12, 23, 59, 30, tzinfo=dt.UTC)
    search("s.bakker", "laadpalen", at=last)
    search("s.bakker", "oplaadpunten", 40, at=last)  # the next day: outside the period
    report = gaps(app)
    assert report.searches == 1
    assert flags_of(report, "laadpalen") == (0, 1, 1, 1)


@pytest.mark.parametrize(
    ("kwargs", "counted"),
    [
        ({}, True),
        ({"attempt_id": 7}, False),  # a search inside an exercise
        ({"kind": "view"}, False),  # an exercise page re-rendered
        ({"page": 2}, False),  # paging through results
        ({"user": ""}, False),  # nobody signed in (an API call without a user)
    ],
)
def test_which_searches_count(app, search, show_everything, kwargs, counted):
    user = kwargs.pop("user", "s.bakker")
    search(user, "laadpalen", results=0, **kwargs)
    assert gaps(app).searches == (1 if counted else 0)


def test_an_empty_query_is_no_gap(app, search, show_everything):
    search("s.bakker", "   ", results=0)
    assert gaps(app).searches == 0


def test_searches_are_attributed_per_theme(app, search):
    for user in ("s.bakker", "d.yilmaz"):
        search(user, "cijfers", results=0, filters={"thema": ["vsv"]})  # facet -> vsv
        search(user, "cijfers", results=0, theme="armoede")  # attributed when logged
        search(user, "cijfers", results=0)  # no theme
        search(user, "cijfers", results=0, theme="bestaat-niet")  # unknown code: no theme
    report = gaps(app)
    by_theme = {row.theme_code: (row.theme_name, row.searches) for row in report.rows}
    assert by_theme == {
        "vsv": ("Vroegtijdig schoolverlaten", 2),
        "armoede": ("Armoede en schulden", 2),
        None: (None, 4),
    }
    vsv = gaps(app, GapFilter(PERIOD.date_from, PERIOD.date_to, theme="vsv"))
    assert [(r.theme_code, r.searches) for r in vsv.rows] == [("vsv", 2)]
    assert vsv.searches == 2
    none = gaps(app, GapFilter(PERIOD.date_from, PERIOD.date_to, theme=NO_THEME))
    assert [(r.theme_code, r.searches) for r in none.rows] == [(None, 4)]


def test_the_log_keeps_a_folded_key_and_the_facet_theme(app, search):
    search("s.bakker", "  Coöperatie   WONEN ", filters={"thema": ["vsv"]})
    with app.app_context():
        entry = db.session.scalars(select(QueryLog)).one()
        assert (entry.query_key, entry.theme_code) == ("cooperatie wonen", "vsv")


def test_a_query_is_a_gap_when_at_least_half_its_searches_fail(app, search, open_document):
    # "bijstand": 4 searches, 2 failed -> a gap; "jeugdzorg": 3 searches, 1 failed -> not.
    for n, user in enumerate(("s.bakker", "d.yilmaz", "l.jansen", "s.bakker")):
        search(user, "bijstand", 1000 * n, results=0 if n < 2 else 3)
        if n >= 2:
            open_document(user, 1000 * n + 5)
    for n, user in enumerate(("s.bakker", "d.yilmaz", "l.jansen")):
        search(user, "jeugdzorg", 10_000 + 1000 * n, results=0 if n == 0 else 3)
        if n:
            open_document(user, 10_000 + 1000 * n + 5)
    assert [(r.query, r.poor, r.searches) for r in gaps(app).rows] == [("bijstand", 2, 4)]


def test_most_failed_first(app, search):
    for n in range(3):
        search("s.bakker", "laadpalen", 100 * n, results=0)
        search("d.yilmaz", "laadpalen", 100 * n, results=0)
    for user in ("s.bakker", "d.yilmaz", "l.jansen"):
        search(user, "zonnepanelen", 1000, results=0)
    assert [(r.query, r.poor) for r in gaps(app).rows] == [("laadpalen", 6), ("zonnepanelen", 3)]


def test_a_query_of_one_person_is_not_shown(app, search):
    """k-anonymity: a query typed by fewer than MIN_DISTINCT_USERS people stays hidden,
    however often it was typed; only how many such queries there were is said."""
    for n in range(5):
        search("s.bakker", "schulden buurman jansen", 100 * n, results=0)
    search("s.bakker", "Laadpalen", results=0)
    search("d.yilmaz", " laadpalen ", 500, results=0)  # another person, same normalised query
    report = gaps(app)
    assert [(r.query, r.users, r.searches) for r in report.rows] == [("laadpalen", 2, 2)]
    assert report.hidden_queries == 1
    assert services.MIN_DISTINCT_USERS == 2


def test_a_gap_row_holds_no_person(app, search):
    search("s.bakker", "laadpalen", results=0)
    search("d.yilmaz", "laadpalen", results=0)
    [row] = gaps(app).rows
    assert set(vars(row)) == {
        "theme_code",
        "theme_name",
        "query",
        "searches",
        "users",
        "zero_results",
        "no_click",
        "reformulated",
        "poor",
    }
    assert (row.zero_share, row.no_click_share, row.reformulation_share) == (1.0, None, 0.0)


@pytest.mark.slow
def test_fifty_thousand_searches_answer_well_under_a_second(app, world):
    """A large log: 50,000 searches and 20,000 opens by 200 people over a year. The page's
    periods read only their part of the log (the created_at index); even the whole year at
    once stays within a couple of seconds on a loaded 2-core machine."""
    with app.app_context():
        for n in range(200):
            add_user(f"user{n}", (), "x")
        db.session.commit()
        users = list(db.session.scalars(select(User.id)))
        end = dt.datetime(2026, 6, 16, tzinfo=dt.UTC)
        words = [f"woord{n}" for n in range(100)]
        searches, opens = [], []
        for n in range(50_000):
            user = users[(n // 7) % len(users)]
            moment = end - dt.timedelta(seconds=631 * (n + 1))  # 50,000 searches in a year
            query = f"{words[n % 97]} {words[n % 5]}"  # 485 different queries
            searches.append(
                {
                    "user_id": user,
                    "query": query,
                    "query_key": query,
                    "filters": {},
                    "result_count": 0 if n % 5 == 0 else 4,
                    "theme_code": "vsv" if n % 3 == 0 else None,
                    "kind": "search",
                    "page": 1,
                    "created_at": moment,
                }
            )
            if n % 5 in (1, 2):
                opens.append(
                    {
                        "user_id": user,
                        "document_id": world["document"],
                        "created_at": moment + dt.timedelta(seconds=20),
                    }
                )
        db.session.execute(insert(QueryLog), searches)
        db.session.execute(insert(DocumentOpen), opens)
        db.session.commit()
        timings: dict[str, float] = {}
        for days, theme in ((30, None), (90, None), (90, "vsv"), (365, None)):
            period = services.last_days(days, dt.date(2026, 6, 15))
            began = time.perf_counter()
            report = search_gaps(GapFilter(period.date_from, period.date_to, theme))
            timings[f"{days} days{' ' + theme if theme else ''}"] = time.perf_counter() - began
            share = 3 if theme else 1  # every third search is about vsv
            assert report.rows and report.searches >= 50_000 * days // 366 // share
    print(
        "search gaps over a log of 50,000 searches:", {k: round(v, 3) for k, v in timings.items()}
    )
    assert timings["30 days"] < 0.5 and timings["90 days"] < 0.8, timings
    assert timings["365 days"] < 2.5, timings
