"""The search gaps pages in a real browser: axe-clean at phone and desktop width, no
sideways scrolling, and a gap leads to the practice search."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import Browser, expect

from academy.extensions import db
from academy.models import QueryLog, Role, Theme
from tests.browser.axe import assert_accessible
from tests.browser.layout import WIDTHS, layout_problems
from tests.browser.test_maturity import _login
from tests.conftest import add_user

pytestmark = pytest.mark.browser

THEME = "zg-speeltuinen"
QUERY = "speeltoestellen keuring"


@pytest.fixture(scope="module")
def gap_theme(live_app, password_hash) -> str:
    """A theme of its own and a query two people of their own could not find."""
    now = dt.datetime.now(dt.UTC)
    with live_app.app_context():
        db.session.add(Theme(code=THEME, name="Speeltuinen en spelen", domain="Fysiek domein"))
        for number in (1, 2):
            user = add_user(f"zg-zoeker{number}", (Role.EMPLOYEE,), password_hash)
            db.session.flush()
            db.session.add(
                QueryLog(
                    user_id=user.id,
                    query=QUERY,
                    filters={"thema": [THEME]},
                    result_count=0,
                    created_at=now - dt.timedelta(hours=number),
                )
            )
        db.session.commit()
    return THEME


@pytest.mark.parametrize("width", list(WIDTHS))
def test_the_gaps_pages_are_accessible(browser: Browser, live_server: str, gap_theme, width):
    context = browser.new_context(viewport=WIDTHS[width])
    page = context.new_page()
    _login(page, live_server, "programmamanager")
    for path in ("/themas/zoekgaten", f"/themas/{gap_theme}/zoekgaten", f"/themas/{gap_theme}"):
        page.goto(live_server + path)
        expect(page.get_by_role("link", name=QUERY)).to_be_visible()
        assert layout_problems(page) == [], path
        assert_accessible(page)
    # A bad period is explained next to its field, and is still accessible.
    page.goto(f"{live_server}/themas/zoekgaten?periode=eigen&van=2026-03-01&tot=2026-02-01")
    expect(page.get_by_role("alert")).to_contain_text("De einddatum ligt vóór de begindatum.")
    assert_accessible(page)
    # Trying a gap opens the practice search with that query.
    page.goto(f"{live_server}/themas/zoekgaten")
    page.get_by_role("link", name=QUERY).first.click()
    expect(page).to_have_url(f"{live_server}/zoeken?q=speeltoestellen+keuring")
    context.close()
