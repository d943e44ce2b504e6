import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.axe import assert_accessible
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_login_through_the_form_and_axe_clean(page: Page, live_server: str):
    page.goto(f"{live_server}/login")
    expect(page).to_have_title(re.compile("Inloggen"))
    assert_accessible(page)

    page.get_by_label("Gebruikersnaam").fill("medewerker")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Welkom")
    expect(page.get_by_role("navigation", name="Hoofdmenu")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Uitloggen").click()
    expect(page).to_have_url(re.compile("/login$"))


def test_wrong_password_shows_message_and_is_axe_clean(page: Page, live_server: str):
    page.goto(f"{live_server}/login")
    page.get_by_label("Gebruikersnaam").fill("trainer")
    page.get_by_label("Wachtwoord").fill("verkeerd-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("alert")).to_contain_text("Inloggen is niet gelukt")
    assert_accessible(page)


def test_skip_link_is_first_and_works_by_keyboard(page: Page, live_server: str):
    page.goto(f"{live_server}/toegankelijkheid")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Naar de inhoud"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    assert_accessible(page)


def test_admin_pages_are_axe_clean(page: Page, live_server: str):
    page.goto(f"{live_server}/login")
    page.get_by_label("Gebruikersnaam").fill("admin")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    for path in ("/beheer/gebruikers", "/beheer/gebruikers/nieuw", "/beheer/teams", "/wachtwoord"):
        page.goto(f"{live_server}{path}")
        assert_accessible(page)
    # Submit an empty new-user form: the error summary must be accessible too.
    page.goto(f"{live_server}/beheer/gebruikers/nieuw")
    page.get_by_role("button", name="Gebruiker aanmaken").click()
    expect(page.get_by_role("alert")).to_contain_text("Controleer het formulier")
    assert_accessible(page)
