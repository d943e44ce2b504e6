"""The demo seed gives the search gaps page something to show on first start."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from academy.demo.gaps import seed_search_gaps
from academy.demo.seed import SeedReport
from academy.extensions import db
from academy.gaps.services import last_days, search_gaps
from academy.models import QueryLog


def test_the_demo_searches_make_gaps_per_theme(app, world):
    today = dt.datetime.now(dt.UTC).date()
    with app.app_context():
        seed_search_gaps(today, SeedReport())
        db.session.commit()
        report = search_gaps(last_days(30, today))
        rows = {(row.theme_code, row.query) for row in report.rows}
        assert ("vsv", "thuiszitters aantallen 2025") in rows  # no results
        assert ("vsv", "schoolverzuim per wijk") in rows  # reformulated
        assert ("armoede", "minimaregeling kinderen") in rows  # nothing opened
        assert (None, "laadpalen") in rows  # no theme
        assert ("armoede", "armoedemonitor") not in rows  # found and opened: no gap
        assert ("vsv", "verzuim leerplicht wijk") not in rows  # the reformulation worked
        assert "klacht over de buren" not in {row.query for row in report.rows}
        assert report.hidden_queries >= 1
        count = db.session.scalar(select(func.count(QueryLog.id)))
        seed_search_gaps(today, SeedReport())  # a second seed adds nothing
        db.session.commit()
        assert db.session.scalar(select(func.count(QueryLog.id))) == count
