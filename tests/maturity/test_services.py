"""academy/maturity/services.py: the ladder, assessments, targets and the portfolio figures."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from academy.extensions import db
from academy.maturity import services
from academy.maturity.services import (
    NO_LEVEL,
    PortfolioFilter,
    ValidationFailed,
    current_level,
    filter_and_sort,
    is_behind_target,
    next_step,
    parse_evidence_lines,
    quarter_end,
    theme_summaries,
)
from academy.models import Analysis, Assessment, LevelCriterion, Target, Team, Theme
from tests.conftest import build_app
from tests.maturity.conftest import (
    BUSY,
    DONE,
    NOT,
    assess,
    criteria_ids,
    ladder,
    make_theme,
    row_counts,
    team_id,
    up_to,
)

TODAY = dt.date.today()


def summary_of(code: str, **kwargs) -> services.ThemeSummary:
    return next(s for s in theme_summaries(include_archived=True, **kwargs) if s.code == code)


# --- level derivation (pure) --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        pytest.param(ladder(), NO_LEVEL, id="nothing-op-orde"),
        pytest.param(ladder(BUSY), NO_LEVEL, id="level0-in-ontwikkeling"),
        pytest.param(ladder(NOT, DONE, DONE, DONE, DONE), NO_LEVEL, id="all-but-level0"),
        pytest.param(ladder(DONE), 0, id="only-level0"),
        pytest.param(ladder(DONE, BUSY), 0, id="level1-in-ontwikkeling"),
        pytest.param(ladder(DONE, NOT, DONE), 0, id="gap-level2-op-orde-level1-not"),
        pytest.param(ladder(DONE, BUSY, DONE, DONE, DONE), 0, id="gap-above-level0"),
        pytest.param(ladder(DONE, DONE, BUSY, DONE), 1, id="gap-level3-op-orde-level2-not"),
        pytest.param(ladder(DONE, DONE, DONE), 2, id="three-levels"),
        pytest.param(ladder(DONE, DONE, DONE, DONE, BUSY), 3, id="level4-in-ontwikkeling"),
        pytest.param(ladder(DONE, DONE, DONE, DONE, DONE), 4, id="all-op-orde"),
        pytest.param({}, NO_LEVEL, id="no-statuses-at-all"),
        pytest.param({0: DONE, 2: DONE}, 0, id="level1-missing"),
        pytest.param({0: "op_orde", 1: "op_orde", 2: "in_ontwikkeling"}, 1, id="plain-strings"),
    ],
)
def test_current_level(statuses, expected):
    assert current_level(statuses) == expected


@pytest.mark.parametrize(("level", "expected"), [(NO_LEVEL, 0), (0, 1), (1, 2), (3, 4), (4, None)])
def test_next_step(level, expected):
    assert next_step(level) == expected


def test_top_of_the_ladder_has_no_next_step():
    assert next_step(current_level(ladder(DONE, DONE, DONE, DONE, DONE))) is None


@pytest.mark.parametrize(
    ("level", "target_level", "target_date", "expected"),
    [
        (1, 2, TODAY - dt.timedelta(days=1), True),  # date passed, below target
        (2, 2, TODAY - dt.timedelta(days=1), False),  # target reached
        (3, 2, TODAY - dt.timedelta(days=1), False),  # target passed
        (1, 2, TODAY, False),  # the target date itself still counts
        (1, 2, TODAY + dt.timedelta(days=30), False),  # not yet due
        (NO_LEVEL, 0, TODAY - dt.timedelta(days=1), True),
        (1, None, None, False),  # no target
    ],
)
def test_is_behind_target(level, target_level, target_date, expected):
    assert is_behind_target(level, target_level, target_date, TODAY) is expected


@pytest.mark.parametrize(
    ("day", "end"),
    [
        (dt.date(2025, 1, 1), dt.date(2025, 3, 31)),
        (dt.date(2025, 3, 31), dt.date(2025, 3, 31)),
        (dt.date(2025, 4, 1), dt.date(2025, 6, 30)),
        (dt.date(2025, 8, 15), dt.date(2025, 9, 30)),
        (dt.date(2025, 12, 31), dt.date(2025, 12, 31)),
        (dt.date(2024, 2, 29), dt.date(2024, 3, 31)),
    ],
)
def test_quarter_end(day, end):
    assert quarter_end(day) == end


# --- evidence lines -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "links"),
    [
        (
            "Armoedemonitor | https://example.nl/armoede",
            [("Armoedemonitor", "https://example.nl/armoede")],
        ),
        ("https://example.nl/a", [("https://example.nl/a", "https://example.nl/a")]),
        ("  http://example.nl/b  ", [("http://example.nl/b", "http://example.nl/b")]),
        (
            "\n\nA | https://a.nl\n   \nhttps://b.nl\n",
            [("A", "https://a.nl"), ("https://b.nl", "https://b.nl")],
        ),
        ("Een | twee | https://c.nl", [("Een | twee", "https://c.nl")]),
        ("", []),
    ],
)
def test_parse_evidence_lines_accepts_http_links(text, links):
    assert parse_evidence_lines(text) == (links, [])


@pytest.mark.parametrize(
    "line",
    [
        "javascript:alert(1)",
        "Klik | javascript:alert(document.cookie)",
        "JavaScript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "ftp://example.nl/bestand",
        "file:///etc/passwd",
        "www.example.nl",
        "https://",
        "Titel zonder link",
        "Titel | ",
    ],
)
def test_parse_evidence_lines_refuses_other_links(line):
    links, problems = parse_evidence_lines("https://ok.nl\n" + line)
    assert links == [("https://ok.nl", "https://ok.nl")]
    assert len(problems) == 1
    assert "regel 2" in problems[0] and "https://" in problems[0]


def test_parse_evidence_lines_refuses_overlong_links():
    _links, problems = parse_evidence_lines("https://example.nl/" + "a" * 2100)
    assert problems == ["Bewijs regel 1 is te lang."]


# --- record_assessment ----------------------------------------------------------------------


def test_second_assessment_keeps_the_first(ctx):
    theme = make_theme("vsv")
    first = assess(
        theme, 0, dt.date(2025, 1, 10), note="Begin", evidence="Map | https://example.nl/map"
    )
    first_id, first_criteria = first.id, sorted(c.id for c in first.criteria_met)
    assess(theme, 2, dt.date(2025, 6, 1), note="Verder", evidence="https://example.nl/nieuw")
    db.session.expire_all()

    old = db.session.get(Assessment, first_id)
    assert old.assessed_on == dt.date(2025, 1, 10)
    assert old.note == "Begin"
    assert [old.status_of(n) for n in range(5)] == [DONE, NOT, NOT, NOT, NOT]
    assert sorted(c.id for c in old.criteria_met) == first_criteria == criteria_ids([0])
    assert [(e.title, e.url) for e in old.evidence] == [("Map", "https://example.nl/map")]
    assert db.session.scalar(select(db.func.count(Assessment.id))) == 2

    summary = summary_of("vsv")
    assert (summary.current_level, summary.previous_level, summary.trend) == (2, 0, "omhoog")
    assert summary.last_assessed == dt.date(2025, 6, 1)
    assert summary.next_step == 3


def test_newest_assessment_is_by_date_not_by_entry_order(ctx):
    theme = make_theme("vsv")
    assess(theme, 3, dt.date(2025, 6, 1))
    assess(theme, 1, dt.date(2025, 1, 1))  # entered later, but dated earlier
    summary = summary_of("vsv")
    assert (summary.current_level, summary.previous_level) == (3, 1)
    assert summary.last_assessed == dt.date(2025, 6, 1)


def test_same_day_assessments_newest_entry_wins(ctx):
    theme = make_theme("vsv")
    assess(theme, 2, dt.date(2025, 6, 1))
    assess(theme, 1, dt.date(2025, 6, 1))
    summary = summary_of("vsv")
    assert (summary.current_level, summary.previous_level, summary.trend) == (1, 2, "omlaag")


@pytest.mark.parametrize(
    ("levels", "trend", "previous"),
    [
        ([], "", None),
        ([1], "nieuw", None),
        ([1, 2], "omhoog", 1),
        ([2, 1], "omlaag", 2),
        ([1, 1], "gelijk", 1),
        ([0, 3, 1], "omlaag", 3),  # only the newest two count
    ],
)
def test_trend_and_previous_level_come_from_the_newest_two(ctx, levels, trend, previous):
    theme = make_theme("vsv")
    for month, level in enumerate(levels, start=1):
        assess(theme, level, dt.date(2025, month, 1))
    summary = summary_of("vsv")
    assert summary.trend == trend
    assert summary.previous_level == previous
    assert summary.current_level == (levels[-1] if levels else NO_LEVEL)


def test_gap_in_the_ladder_is_not_counted(ctx):
    theme = make_theme("vsv")
    statuses = ladder(DONE, NOT, DONE)
    assess(theme, 0, dt.date(2025, 1, 1), statuses=statuses)
    summary = summary_of("vsv")
    assert summary.current_level == 0
    assert summary.next_step == 1
    assert summary.statuses == (DONE, NOT, DONE, NOT, NOT)


def test_evidence_lines_are_stored_with_titles(ctx):
    theme = make_theme("vsv")
    assessment = assess(
        theme,
        0,
        dt.date(2025, 1, 1),
        evidence="Armoedemonitor 2025 | https://intranet.example/armoede\nhttps://example.nl/x\n",
    )
    assert [(e.title, e.url) for e in assessment.evidence] == [
        ("Armoedemonitor 2025", "https://intranet.example/armoede"),
        ("https://example.nl/x", "https://example.nl/x"),
    ]


def test_retired_criteria_are_not_required(ctx):
    level0 = criteria_ids([0])
    retired = db.session.get(LevelCriterion, level0[0])
    services.save_criterion(retired, level=0, text=retired.text, active=False)
    theme = make_theme("vsv")
    services.record_assessment(
        theme,
        assessor=None,
        assessed_on=dt.date(2025, 1, 1),
        statuses=up_to(0),
        criteria_met=level0[1:],
    )
    assert summary_of("vsv").current_level == 0


def _refused(app, **overrides) -> list[str]:
    """Record an assessment that breaks a rule; assert nothing was saved; return the messages."""
    theme = db.session.scalar(select(Theme).where(Theme.code == "vsv"))
    arguments = {
        "assessor": None,
        "assessed_on": dt.date(2025, 1, 1),
        "statuses": up_to(0),
        "criteria_met": criteria_ids([0]),
    } | overrides
    before = row_counts(app)
    with pytest.raises(ValidationFailed) as caught:
        services.record_assessment(theme, **arguments)
    db.session.rollback()
    assert row_counts(app) == before
    assert caught.value.messages
    return caught.value.messages


@pytest.fixture
def empty_vsv(ctx):
    make_theme("vsv")


def test_assessment_in_the_future_is_refused(app, empty_vsv):
    messages = _refused(app, assessed_on=TODAY + dt.timedelta(days=1))
    assert messages == ["De datum van een beoordeling kan niet in de toekomst liggen."]


def test_assessment_today_is_accepted(empty_vsv):
    theme = services.get_theme("vsv")
    assess(theme, 0, TODAY)
    assert summary_of("vsv").last_assessed == TODAY


def test_assessment_before_2000_is_refused(app, empty_vsv):
    assert _refused(app, assessed_on=dt.date(1999, 12, 31)) == ["Kies een datum na 1 januari 2000."]


def test_op_orde_needs_every_criterion_and_lists_the_open_ones(app, empty_vsv):
    level0 = db.session.scalars(
        select(LevelCriterion).where(LevelCriterion.level_number == 0).order_by(LevelCriterion.id)
    ).all()
    ticked, open_ = level0[:3], level0[3:]
    messages = _refused(app, criteria_met=[c.id for c in ticked])
    assert len(messages) == 1
    assert messages[0].startswith("Niveau 0 (Vinden) kan pas op orde zijn")
    for criterion in open_:
        assert criterion.text in messages[0]
    for criterion in ticked:
        assert criterion.text not in messages[0]


def test_criteria_of_every_op_orde_level_are_checked(app, empty_vsv):
    messages = _refused(app, statuses=up_to(2), criteria_met=criteria_ids([0, 2]))
    assert len(messages) == 1
    assert "Niveau 1 (Beschrijvend)" in messages[0]


def test_ticked_criteria_of_unfinished_levels_are_fine(empty_vsv):
    theme = services.get_theme("vsv")
    services.record_assessment(
        theme,
        assessor=None,
        assessed_on=dt.date(2025, 1, 1),
        statuses=ladder(DONE, BUSY),
        criteria_met=criteria_ids([0]) + criteria_ids([1])[:2],
    )
    assert summary_of("vsv").current_level == 0


@pytest.mark.parametrize("unknown", [99_999, 0, -1])
def test_unknown_criterion_ids_are_refused(app, empty_vsv, unknown):
    messages = _refused(app, criteria_met=[*criteria_ids([0]), unknown])
    assert messages == ["Een of meer afgevinkte criteria bestaan niet (meer)."]


def test_criterion_id_beyond_the_integer_range_is_refused_not_crashing(app, empty_vsv):
    messages = _refused(app, statuses=ladder(), criteria_met=[10**30])
    assert messages == ["Een of meer afgevinkte criteria bestaan niet (meer)."]


def test_missing_level_status_is_refused(app, empty_vsv):
    statuses = up_to(0)
    del statuses[4]
    assert _refused(app, statuses=statuses) == ["Geef voor elk niveau een status."]


def test_hostile_evidence_is_refused_and_nothing_saved(app, empty_vsv):
    messages = _refused(app, evidence_text="Goed | https://ok.nl\nKlik | javascript:alert(1)")
    assert messages == [
        "Bewijs regel 2: geef een webadres dat begint met http:// of https://, "
        "of een document uit de zoekomgeving (/zoeken/documenten/…)."
    ]


def test_all_problems_are_reported_at_once(app, empty_vsv):
    messages = _refused(
        app,
        assessed_on=TODAY + dt.timedelta(days=3),
        criteria_met=[99_999],
        evidence_text="javascript:x",
    )
    assert len(messages) == 4
    assert any("toekomst" in m for m in messages)
    assert any("nog open" in m for m in messages)
    assert any("bestaan niet" in m for m in messages)
    assert any("Bewijs regel 1" in m for m in messages)


def test_note_is_stripped(empty_vsv):
    theme = services.get_theme("vsv")
    assert assess(theme, 0, dt.date(2025, 1, 1), note="  Toelichting \n").note == "Toelichting"


# --- targets --------------------------------------------------------------------------------


def test_set_target_in_the_past_is_refused(app, empty_vsv):
    theme = services.get_theme("vsv")
    before = row_counts(app)
    with pytest.raises(ValidationFailed) as caught:
        services.set_target(theme, level=2, target_date=TODAY - dt.timedelta(days=1), set_by=None)
    assert caught.value.messages == ["Een doel ligt vandaag of in de toekomst."]
    assert row_counts(app) == before


@pytest.mark.parametrize(
    ("level", "days", "message"),
    [
        (5, 30, "Kies een niveau van 0 tot en met 4."),
        (-1, 30, "Kies een niveau van 0 tot en met 4."),
        (2, 365 * 16, "Kies een doeldatum binnen vijftien jaar."),
    ],
)
def test_set_target_refuses_bad_levels_and_far_dates(app, empty_vsv, level, days, message):
    theme = services.get_theme("vsv")
    before = row_counts(app)
    with pytest.raises(ValidationFailed) as caught:
        services.set_target(
            theme, level=level, target_date=TODAY + dt.timedelta(days=days), set_by=None
        )
    assert caught.value.messages == [message]
    assert row_counts(app) == before


def test_set_target_today_is_accepted_and_newest_counts(empty_vsv):
    theme = services.get_theme("vsv")
    services.set_target(theme, level=3, target_date=TODAY + dt.timedelta(days=400), set_by=None)
    services.set_target(theme, level=2, target_date=TODAY, set_by=None)
    summary = summary_of("vsv")
    assert (summary.target_level, summary.target_date) == (2, TODAY)
    assert db.session.scalar(select(db.func.count(Target.id))) == 2


def test_set_target_records_who_set_it(empty_vsv):
    from academy.models import User

    manager = db.session.scalar(select(User).where(User.username == "programmamanager"))
    target = services.set_target(
        services.get_theme("vsv"), level=1, target_date=TODAY, set_by=manager
    )
    assert target.set_by_id == manager.id


@pytest.mark.parametrize(
    ("level", "check_on", "behind"),
    [
        (1, dt.date(2025, 7, 2), True),  # date passed, level 1 < target 2
        (2, dt.date(2025, 7, 2), False),  # target reached
        (1, dt.date(2025, 7, 1), False),  # on the target date itself
        (1, dt.date(2025, 3, 1), False),  # not due yet
    ],
)
def test_behind_target_flag(empty_vsv, level, check_on, behind):
    theme = services.get_theme("vsv")
    assess(theme, level, dt.date(2025, 1, 15))
    services.set_target(
        theme, level=2, target_date=dt.date(2025, 7, 1), set_by=None, today=dt.date(2025, 1, 20)
    )
    assert summary_of("vsv", today=check_on).behind_target is behind


# --- the portfolio ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def portfolio(tmp_path_factory, password_hash) -> list[services.ThemeSummary]:
    """Four themes: two domains, two owners, levels -1/1/2 and none, one behind target.

    Summaries are plain frozen data, so one app per module serves every filter and sort case.
    """
    lifecycle = build_app(tmp_path_factory.mktemp("portfolio"), password_hash)
    app = next(lifecycle)
    with app.app_context():
        db.session.add(Team(name="Team Sociaal", description=""))
        db.session.commit()
        armoede = make_theme("armoede", "Armoede", "Sociaal domein", owner="Team Sociaal")
        vsv = make_theme("vsv", "Vroegtijdig schoolverlaten", "Onderwijs")
        jeugd = make_theme("jeugd", "jeugdzorg", "Sociaal domein", owner="Team Sociaal")
        make_theme("zwemmen", "Zwembaden", "Sport en cultuur", owner=None)
        assess(armoede, 1, dt.date(2025, 3, 1))
        assess(armoede, 2, dt.date(2025, 9, 1))
        assess(vsv, 1, dt.date(2025, 5, 1))
        assess(jeugd, 0, dt.date(2025, 1, 1), statuses=ladder(BUSY))
        for theme, level in ((vsv, 3), (armoede, 2)):
            services.set_target(
                theme, level=level, target_date=dt.date(2025, 6, 1), set_by=None,
                today=dt.date(2025, 1, 1),
            )  # fmt: skip
        summaries = theme_summaries(today=dt.date(2025, 10, 1))
    next(lifecycle, None)
    return summaries


def test_theme_summaries_derive_levels_and_targets(portfolio):
    by_code = {s.code: s for s in portfolio}
    assert sorted(by_code) == ["armoede", "jeugd", "vsv", "zwemmen"]
    assert by_code["armoede"].current_level == 2
    assert by_code["armoede"].owner == "Team Sociaal"
    assert by_code["jeugd"].current_level == NO_LEVEL
    assert by_code["zwemmen"].current_level == NO_LEVEL
    assert by_code["zwemmen"].last_assessed is None
    assert by_code["zwemmen"].owner == ""
    assert by_code["zwemmen"].statuses == (NOT,) * 5
    assert by_code["vsv"].behind_target is True
    assert by_code["armoede"].behind_target is False  # reached its target late, but reached


@pytest.mark.parametrize(
    ("filters", "codes"),
    [
        (PortfolioFilter(), ["armoede", "jeugd", "vsv", "zwemmen"]),
        (PortfolioFilter(domain="Sociaal domein"), ["armoede", "jeugd"]),
        (PortfolioFilter(domain="Onbekend"), []),
        (PortfolioFilter(level=2), ["armoede"]),
        (PortfolioFilter(level=NO_LEVEL), ["jeugd", "zwemmen"]),
        (PortfolioFilter(level=0), []),
        (PortfolioFilter(owner="Team Test"), ["vsv"]),
        (PortfolioFilter(behind_target=True), ["vsv"]),
        (PortfolioFilter(domain="Sociaal domein", level=NO_LEVEL), ["jeugd"]),
        (PortfolioFilter(domain="Sociaal domein", behind_target=True), []),
    ],
)
def test_filter(portfolio, filters, codes):
    assert [s.code for s in filter_and_sort(portfolio, filters)] == codes


@pytest.mark.parametrize(
    ("sort", "codes"),
    [
        ("naam", ["armoede", "jeugd", "vsv", "zwemmen"]),  # case-insensitive: "jeugdzorg"
        ("domein", ["vsv", "armoede", "jeugd", "zwemmen"]),
        ("niveau", ["jeugd", "zwemmen", "vsv", "armoede"]),
        ("doel", ["jeugd", "zwemmen", "armoede", "vsv"]),
        ("beoordeeld", ["zwemmen", "jeugd", "vsv", "armoede"]),
        ("eigenaar", ["zwemmen", "armoede", "jeugd", "vsv"]),
        ("trend", ["zwemmen", "jeugd", "vsv", "armoede"]),  # "", nieuw, nieuw, omhoog
        ("onzin", ["armoede", "jeugd", "vsv", "zwemmen"]),  # unknown key: by name
    ],
)
def test_sort_both_directions(portfolio, sort, codes):
    ascending = filter_and_sort(portfolio, PortfolioFilter(), sort)
    descending = filter_and_sort(portfolio, PortfolioFilter(), sort, descending=True)
    assert [s.code for s in ascending] == codes
    assert [s.code for s in descending] == codes[::-1]


def test_themes_per_level_counts_and_shares(portfolio):
    shares = {share.level: share for share in services.themes_per_level(portfolio)}
    assert list(shares) == [NO_LEVEL, 0, 1, 2, 3, 4]
    assert {level: s.count for level, s in shares.items()} == {
        NO_LEVEL: 2, 0: 0, 1: 1, 2: 1, 3: 0, 4: 0
    }  # fmt: skip
    assert shares[NO_LEVEL].share == 0.5
    assert sum(s.share for s in shares.values()) == pytest.approx(1.0)


def test_themes_per_level_of_an_empty_portfolio():
    assert all(s.count == 0 and s.share == 0 for s in services.themes_per_level([]))


def test_analyses_per_level_counts_only_analyses_in_use_of_live_themes(ctx):
    live, gone = make_theme("vsv"), make_theme("oud")
    rows = [
        (live, 1, "in_gebruik"),
        (live, 1, "in_gebruik"),
        (live, 1, "in_gebruik"),
        (live, 3, "in_gebruik"),
        (live, 2, "gepland"),
        (live, 4, "uitgefaseerd"),
        (gone, 4, "in_gebruik"),
    ]
    for number, (theme, level, status) in enumerate(rows):
        services.save_analysis(theme, None, name=f"Analyse {number}", level=level, status=status)
    services.set_archived(gone, True)

    shares = {s.level: s for s in services.analyses_per_level()}
    assert list(shares) == [0, 1, 2, 3, 4]
    assert {level: s.count for level, s in shares.items()} == {0: 0, 1: 3, 2: 0, 3: 1, 4: 0}
    assert shares[1].share == 0.75
    assert shares[3].share == 0.25
    assert shares[4].share == 0


def test_analyses_per_level_without_analyses(ctx):
    assert [(s.count, s.share) for s in services.analyses_per_level()] == [(0, 0.0)] * 5


def test_level_distribution_per_quarter(ctx):
    a, b, c, gone = make_theme("a"), make_theme("b"), make_theme("c"), make_theme("gone")
    assess(a, 1, dt.date(2024, 2, 10))
    assess(a, 2, dt.date(2024, 5, 20))
    assess(b, 0, dt.date(2024, 3, 31))  # on the quarter end: counts in K1
    assess(b, 3, dt.date(2024, 4, 1))  # a day later: counts from K2
    assess(c, 4, dt.date(2024, 11, 5), statuses=up_to(4))
    assess(c, -1, dt.date(2025, 1, 2), statuses=ladder(BUSY))
    assess(gone, 4, dt.date(2023, 1, 1))
    services.set_archived(gone, True)

    quarters = services.level_distribution_per_quarter(today=dt.date(2025, 2, 14))
    assert [q.label for q in quarters] == ["2024 K1", "2024 K2", "2024 K3", "2024 K4", "2025 K1"]
    assert [q.end for q in quarters][:2] == [dt.date(2024, 3, 31), dt.date(2024, 6, 30)]
    counts = [{level: n for level, n in q.counts.items() if n} for q in quarters]
    assert counts == [
        {1: 1, 0: 1},
        {2: 1, 3: 1},
        {2: 1, 3: 1},  # nothing new: themes keep their level
        {2: 1, 3: 1, 4: 1},
        {2: 1, 3: 1, NO_LEVEL: 1},  # a slip back counts too
    ]
    assert set(quarters[0].counts) == {NO_LEVEL, 0, 1, 2, 3, 4}


def test_level_distribution_without_assessments(ctx):
    make_theme("vsv")
    assert services.level_distribution_per_quarter() == []


# --- themes -----------------------------------------------------------------------------------


def test_save_theme_normalises_the_code(ctx):
    theme = services.save_theme(
        None, code="  VSV ", name=" Vroegtijdig schoolverlaten ", domain="Onderwijs",
        owner_team_id=0, description="  Uitval  ",
    )  # fmt: skip
    assert (theme.code, theme.name, theme.description) == (
        "vsv",
        "Vroegtijdig schoolverlaten",
        "Uitval",
    )
    assert theme.owner_team_id is None


@pytest.mark.parametrize("code", ["vsv", "VSV", " vsv "])
def test_save_theme_refuses_a_duplicate_code(app, ctx, code):
    make_theme("vsv")
    before = row_counts(app)
    with pytest.raises(ValidationFailed, match="al in gebruik"):
        services.save_theme(None, code=code, name="Ander", domain="Onderwijs", owner_team_id=None)
    assert row_counts(app) == before


@pytest.mark.parametrize("code", sorted(services.RESERVED_CODES) + ["Nieuw", "LADDER"])
def test_save_theme_refuses_reserved_codes(app, ctx, code):
    before = row_counts(app)
    with pytest.raises(ValidationFailed, match="gereserveerd"):
        services.save_theme(None, code=code, name="X", domain="Onderwijs", owner_team_id=None)
    assert row_counts(app) == before


def test_edit_theme_may_keep_its_code_but_not_take_another(ctx):
    theme, other = make_theme("vsv"), make_theme("armoede")
    services.save_theme(theme, code="vsv", name="Nieuwe naam", domain="Onderwijs",
                        owner_team_id=team_id())  # fmt: skip
    assert services.get_theme("vsv").name == "Nieuwe naam"
    with pytest.raises(ValidationFailed, match="al in gebruik"):
        services.save_theme(theme, code="armoede", name="X", domain="Onderwijs", owner_team_id=None)
    db.session.rollback()
    assert services.get_theme("armoede") is other
    assert services.get_theme("vsv").name == "Nieuwe naam"


def test_archived_theme_leaves_the_portfolio_but_keeps_its_data(ctx):
    theme = make_theme("vsv")
    assess(theme, 1, dt.date(2025, 1, 1))
    services.set_archived(theme, True)
    assert [s.code for s in theme_summaries()] == []
    archived = summary_of("vsv")
    assert archived.archived and archived.current_level == 1
    detail = services.theme_detail(theme)
    assert len(detail.history) == 1
    services.set_archived(theme, False)
    assert [s.code for s in theme_summaries()] == ["vsv"]


# --- one theme ------------------------------------------------------------------------------


def test_theme_detail_history_and_next_step(ctx):
    theme = make_theme("vsv")
    assess(theme, 0, dt.date(2025, 1, 1))
    assess(theme, 2, dt.date(2025, 4, 1))
    assess(theme, 1, dt.date(2025, 7, 1))
    detail = services.theme_detail(theme)
    assert [(e.assessment.assessed_on.month, e.level, e.change) for e in detail.history] == [
        (7, 1, -1),
        (4, 2, 2),
        (1, 0, None),
    ]
    # Next step is level 2: its criteria are open, level 0 and 1 criteria are met.
    assert {c.level_number for c in detail.open_criteria} == {2}
    assert [c.id for c in detail.open_criteria] == criteria_ids([2])
    assert [v.status for v in detail.levels] == [DONE, DONE, NOT, NOT, NOT]
    assert all(met for _c, met in detail.levels[1].criteria)


def test_theme_detail_at_the_top_has_no_open_criteria(ctx):
    theme = make_theme("vsv")
    assess(theme, 4, dt.date(2025, 1, 1))
    detail = services.theme_detail(theme)
    assert detail.summary.next_step is None
    assert detail.open_criteria == []


# --- data version -----------------------------------------------------------------------------


def test_data_version_is_stable_and_changes_with_the_data(ctx):
    theme = make_theme("vsv")
    versions = [services.data_version()]
    assert services.data_version() == versions[0]
    assess(theme, 0, dt.date(2025, 1, 1))
    versions.append(services.data_version())
    assess(theme, 0, dt.date(2024, 1, 1))  # an older assessment changes the history too
    versions.append(services.data_version())
    services.set_target(theme, level=2, target_date=TODAY, set_by=None)
    versions.append(services.data_version())
    services.save_analysis(theme, None, name="Monitor", level=1, status="in_gebruik")
    versions.append(services.data_version())
    services.set_archived(theme, True)
    versions.append(services.data_version())
    assert len(set(versions)) == len(versions)


def test_data_version_changes_when_an_owner_team_is_renamed(ctx):
    """The portfolio shows owner names, so a renamed team must not leave a stale portfolio."""
    make_theme("vsv")
    version = services.data_version()
    team = db.session.get(Team, team_id())
    team.name = "Team Onderzoek"
    db.session.commit()
    assert services.data_version() != version


def test_delete_analysis(ctx):
    theme = make_theme("vsv")
    analysis = services.save_analysis(theme, None, name="Monitor", level=1, status="in_gebruik")
    services.delete_analysis(analysis)
    assert db.session.scalar(select(db.func.count(Analysis.id))) == 0


def test_evidence_can_point_at_a_practice_document(app):
    from academy.models import Document

    with app.app_context():
        document = Document(key="ev-1", title="Armoedemonitor 2023", doctype="monitor", body="x")
        db.session.add(document)
        db.session.commit()
        links, problems = services.parse_evidence_lines(
            f"/zoeken/documenten/{document.id}\nEigen titel | /zoeken/documenten/{document.id}\n"
            "/zoeken/documenten/999999\n/zoeken/documenten/abc"
        )
    assert links == [
        ("Armoedemonitor 2023", f"/zoeken/documenten/{document.id}"),
        ("Eigen titel", f"/zoeken/documenten/{document.id}"),
    ]
    assert problems[0].startswith("Bewijs regel 3: dat document staat niet in de zoekomgeving")
    assert problems[1].startswith("Bewijs regel 4: geef een webadres")
