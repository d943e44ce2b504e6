"""The phone layout's behaviour: the menu and the search filters are disclosures that work
without JavaScript and with the keyboard; on a phone the search box and the results come first."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from academy.documents.indexing import rebuild_index
from academy.extensions import db
from academy.models import Document
from tests.browser.layout import DESKTOP, PHONE
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def grids(live_app) -> str:
    """Documents over eight years, so the year facet has more than its top five."""
    with live_app.app_context():
        db.session.add_all(
            Document(key=f"raster-{year}", title=f"Rasterkaart groenbeheer {year}",
                     doctype="factsheet", year=year, department="Stadsbeheer",
                     body="Rasterkaart van het groenbeheer per wijk.")
            for year in range(2015, 2023)
        )  # fmt: skip
        db.session.commit()
        rebuild_index()
    return "rasterkaart"


def _login(browser: Browser, base: str, viewport: dict, *, javascript: bool = True) -> Page:
    page = browser.new_context(viewport=viewport, java_script_enabled=javascript).new_page()
    page.goto(f"{base}/login")
    page.get_by_label("Gebruikersnaam").fill("medewerker")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{base}/")
    return page


@pytest.mark.parametrize("javascript", [True, False])
def test_phone_menu_opens_with_the_keyboard(browser: Browser, live_server: str, javascript):
    page = _login(browser, live_server, PHONE, javascript=javascript)
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    menu = page.locator("summary", has_text="Menu")
    expect(menu).to_be_visible()
    expect(nav.get_by_role("link", name="Zoeken")).to_be_hidden()
    assert page.evaluate("document.querySelector('header').offsetHeight") <= 80
    menu.focus()
    page.keyboard.press("Enter")
    expect(nav.get_by_role("link", name="Zoeken")).to_be_visible()
    page.keyboard.press("Tab")  # the first link in the open menu
    assert page.evaluate("document.activeElement.textContent.trim()") == "Start"
    with page.expect_navigation():
        nav.get_by_role("link", name="Zoeken").press("Enter")
    expect(page).to_have_url(f"{live_server}/zoeken")
    page.context.close()


def test_on_a_phone_the_search_comes_before_the_filters(browser, live_server, grids):
    page = _login(browser, live_server, PHONE)
    page.goto(f"{live_server}/zoeken?q={grids}&jaar=2016&type=factsheet")
    toggle = page.locator("summary", has_text="Filters (2 actief)")
    first_result = page.locator(".result").first
    expect(toggle).to_be_visible()
    expect(page.get_by_role("checkbox", name="2016")).to_be_hidden()
    # search box, the filter button, then the active filters and results, all in the first screen
    top = {
        name: page.locator(selector).first.bounding_box()["y"]
        for name, selector in (("q", "#q"), ("toggle", ".filter-panel__toggle"),
                               ("chips", ".chips"), ("result", ".result"))
    }  # fmt: skip
    assert top["q"] < top["toggle"] < top["chips"] < top["result"] < PHONE["height"], top
    toggle.click()
    year = page.get_by_role("checkbox", name="2022")
    expect(year).to_be_visible()
    box = year.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24
    # 2016 is among the years beyond the top five: its "meer tonen" is open because it is ticked
    expect(page.get_by_role("checkbox", name="2016")).to_be_checked()
    expect(page.get_by_role("checkbox", name="2016")).to_be_visible()
    expect(first_result).to_be_visible()
    page.context.close()


def test_on_a_desktop_the_filters_stand_beside_the_results(browser, live_server, grids):
    page = _login(browser, live_server, DESKTOP)
    page.goto(f"{live_server}/zoeken?q={grids}")
    expect(page.locator(".filter-panel__toggle")).to_be_hidden()
    facets, results = (
        page.locator(".facets").bounding_box(),
        page.locator(".results").bounding_box(),
    )
    assert facets["x"] > results["x"] + results["width"]
    more = page.locator(".facet__more summary", has_text="meer tonen")
    expect(more).to_have_count(1)
    expect(page.get_by_role("checkbox", name="2015")).to_be_hidden()
    more.click()
    expect(page.get_by_role("checkbox", name="2015")).to_be_visible()
    page.context.close()
