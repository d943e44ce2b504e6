import re

import pytest
from playwright.sync_api import Page, expect

from academy.extensions import db
from academy.maturity.services import ensure_ladder
from academy.models import Team, Theme
from tests.browser.axe import assert_accessible
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def theme_code(live_app) -> str:
    with live_app.app_context():
        ensure_ladder()
        team = Team(name="Team Onderwijs")
        db.session.add(
            Theme(
                code="vsv", name="Vroegtijdig schoolverlaten", domain="Onderwijs", owner_team=team
            )
        )
        db.session.add(Theme(code="6.3", name="Inkomensregelingen", domain="Sociaal domein"))
        db.session.commit()
    return "vsv"


def _login(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/login")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welkom")


def test_record_assessment_changes_the_level(page: Page, live_server: str, theme_code: str):
    _login(page, live_server, "programmamanager")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Thema's").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thema's op de analyseladder")
    assert_accessible(page)

    page.get_by_role("link", name="Vroegtijdig schoolverlaten").click()
    expect(page.locator(".facts")).to_contain_text("nog geen niveau")
    assert_accessible(page)

    page.get_by_role("link", name="Nieuwe beoordeling").click()
    assert_accessible(page)
    # Level 0 op orde without ticking its criteria: refused with a clear message.
    page.get_by_label("0 Vinden").select_option("op_orde")
    page.get_by_role("button", name="Beoordeling opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text("kan pas op orde zijn")
    assert_accessible(page)

    level_zero = page.locator("fieldset", has_text="0 Vinden")
    for box in level_zero.get_by_role("checkbox").all():
        box.check()
    page.get_by_label("Toelichting").fill("Alle onderzoeken naar schooluitval zijn verzameld.")
    page.get_by_role("button", name="Beoordeling opslaan").click()

    expect(page.get_by_role("status").first).to_contain_text("opgeslagen")
    expect(page.locator(".facts")).to_contain_text("0 Vinden")
    expect(page.locator(".facts")).to_contain_text("1 Beschrijvend")  # the next step
    expect(page.locator(".timeline")).to_contain_text("Alle onderzoeken naar schooluitval")
    assert_accessible(page)


def test_portfolio_filters_and_charts(page: Page, live_server: str, theme_code: str):
    _login(page, live_server, "medewerker")
    page.goto(f"{live_server}/themas")
    page.get_by_label("Domein").select_option("Sociaal domein")
    page.get_by_role("button", name="Filteren").click()
    expect(page).to_have_url(re.compile(r"domein=Sociaal"))
    table = page.locator("table.portfolio tbody")
    expect(table).to_contain_text("Inkomensregelingen")
    expect(table).not_to_contain_text("Vroegtijdig schoolverlaten")
    # Every chart image loads and has a text alternative.
    # The four maturity charts (findability adds its own once a scan has run).
    images = page.locator("figure.chart img:not([src*='vindbaarheid'])")
    expect(images).to_have_count(4)
    for image in images.all():
        assert image.get_attribute("alt")
        assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    # Employees read but do not get the write buttons.
    expect(page.get_by_role("link", name="Nieuw thema")).to_have_count(0)
    assert_accessible(page)
