"""academy/demo/seed.py + academy/demo/maturity.py: three years of plausible demo history.

The demo is seeded once per module (`flask seed-demo` on a fresh test app); the tests only read
it, except the idempotency test, which runs the command again and expects no change.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections import Counter

import pytest
from sqlalchemy import func, select

from academy.demo import maturity as plan
from academy.demo.themes import THEMES
from academy.extensions import db
from academy.maturity import services
from academy.models import Assessment, Team, Theme, User
from tests.conftest import PASSWORD, build_app
from tests.maturity.conftest import row_counts

TODAY = dt.date.today()


@pytest.fixture(scope="module")
def seeded(tmp_path_factory, password_hash):
    """A test app with the demo loaded through the CLI; yields (app, first run's output)."""
    lifecycle = build_app(tmp_path_factory.mktemp("seed"), password_hash)
    app = next(lifecycle)
    result = app.test_cli_runner().invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    yield app, result.output
    next(lifecycle, None)  # drop the tables


@pytest.fixture(scope="module")
def summaries(seeded):
    app, _output = seeded
    with app.app_context():
        return services.theme_summaries()


@pytest.fixture(scope="module")
def assessments(seeded):
    """(theme code, date, derived level, statuses, criteria ids) of every demo assessment."""
    app, _output = seeded
    with app.app_context():
        rows = db.session.scalars(
            select(Assessment).join(Theme).order_by(Theme.code, Assessment.assessed_on)
        ).all()
        return [
            (
                a.theme.code,
                a.assessed_on,
                services.current_level({r.level_number: r.status for r in a.level_statuses}),
                {r.level_number: r.status for r in a.level_statuses},
                {c.id for c in a.criteria_met},
            )
            for a in rows
        ]


def test_seed_demo_reports_what_it_made(seeded):
    _app, output = seeded
    assert "Demo data loaded:" in output
    for what in ("themes", "assessments", "targets", "analyses"):
        assert what in output


def test_about_fifty_themes_all_in_the_portfolio(summaries):
    assert len(summaries) == len(THEMES)
    assert 45 <= len(summaries) <= 55
    assert len({s.code for s in summaries}) == len(summaries)
    assert all(s.owner for s in summaries)
    assert all(s.last_assessed is not None for s in summaries)


def test_three_years_of_history(assessments):
    dates = [day for _code, day, *_rest in assessments]
    three_years_ago = TODAY - dt.timedelta(days=3 * 365)
    assert three_years_ago <= min(dates) <= three_years_ago + dt.timedelta(days=60)
    assert TODAY - dt.timedelta(days=120) <= max(dates) < TODAY
    per_theme = Counter(code for code, *_rest in assessments)
    assert len(per_theme) == len(THEMES)
    assert min(per_theme.values()) >= 4  # a history, not a snapshot


def test_levels_tell_the_intended_story(summaries):
    levels = Counter(s.current_level for s in summaries)
    assert levels[1] == max(levels.values())  # most themes describe
    assert levels[1] >= len(summaries) // 3
    assert levels[3] >= 1
    assert levels[4] == 1
    assert [s.code for s in summaries if s.current_level == 4] == ["7.3"]
    assert levels[services.NO_LEVEL] >= 1  # some have not even found what exists


def test_some_themes_are_behind_target(summaries):
    behind = [s for s in summaries if s.behind_target]
    assert 0 < len(behind) <= len(summaries) // 3
    for s in behind:
        assert s.target_date < TODAY and s.current_level < s.target_level
    assert all(s.target_level is not None for s in summaries)


def test_history_climbs_and_sometimes_slips(assessments):
    by_theme: dict[str, list[int]] = {}
    for code, _day, level, *_rest in assessments:
        by_theme.setdefault(code, []).append(level)
    climbed = [code for code, levels in by_theme.items() if levels[-1] > levels[0]]
    slipped = [
        code
        for code, levels in by_theme.items()
        if any(later < earlier for earlier, later in itertools.pairwise(levels))
    ]
    assert len(climbed) >= len(by_theme) // 2
    assert slipped


def test_every_demo_assessment_obeys_the_ladder_rules(seeded, assessments):
    """An op-orde level has all of its criteria ticked, as the assessment form demands."""
    app, _output = seeded
    with app.app_context():
        for code, day, _level, statuses, criteria in assessments:
            problems = services.validate_assessment(statuses, criteria, day, today=TODAY)
            assert problems == [], (code, day, problems)


def test_quarterly_distribution_covers_three_years(seeded, summaries):
    app, _output = seeded
    with app.app_context():
        quarters = services.level_distribution_per_quarter()
    assert 12 <= len(quarters) <= 14
    assert quarters[-1].label == f"{TODAY.year} K{(TODAY.month - 1) // 3 + 1}"
    assert sum(quarters[-1].counts.values()) == len(summaries)
    assert sum(quarters[0].counts.values()) < len(summaries)  # themes join over time


def test_most_analyses_in_use_are_descriptive(seeded):
    app, _output = seeded
    with app.app_context():
        shares = {s.level: s for s in services.analyses_per_level()}
    assert shares[1].share == max(s.share for s in shares.values())
    assert shares[1].share > 0.5
    assert shares[4].count >= 1


def test_demo_portfolio_and_heatmap_render(seeded, summaries):
    app, _output = seeded
    client = app.test_client()
    response = client.post("/login", data={"username": "medewerker", "password": PASSWORD})
    assert response.status_code == 302
    page = client.get("/themas").get_data(as_text=True)
    assert f"{len(summaries)} van {len(summaries)} thema" in page
    heatmap = client.get("/themas/grafieken/heatmap.svg")
    assert heatmap.status_code == 200
    text = heatmap.get_data(as_text=True)
    for summary in summaries[:5]:
        assert summary.name.replace("&", "&amp;") in text


def test_plans_are_deterministic():
    first = plan.plan_history("vsv", TODAY, random.Random("maturity-vsv"))
    again = plan.plan_history("vsv", TODAY, random.Random("maturity-vsv"))
    assert first == again
    assert [p.assessed_on for p in first] == sorted(p.assessed_on for p in first)


def test_seed_demo_is_idempotent(seeded):
    """Runs last in this module: the second run must add and change nothing."""
    app, _output = seeded
    before = row_counts(app)
    with app.app_context():
        teams = db.session.scalar(select(func.count(Team.id)))
        users = db.session.scalar(select(func.count(User.id)))
        version = services.data_version()
    result = app.test_cli_runner().invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    assert "Demo data already present; nothing changed." in result.output
    assert row_counts(app) == before
    with app.app_context():
        assert db.session.scalar(select(func.count(Team.id))) == teams
        assert db.session.scalar(select(func.count(User.id))) == users
        assert services.data_version() == version
