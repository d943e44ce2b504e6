import re

import pytest
from playwright.sync_api import Page, expect

from academy.documents.indexing import rebuild_index
from academy.extensions import db
from academy.models import Document, Theme
from tests.browser.axe import assert_accessible
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def corpus(live_app):
    with live_app.app_context():
        theme = db.session.scalar(db.select(Theme).where(Theme.code == "vsv")) or Theme(
            code="vsv", name="Vroegtijdig schoolverlaten", domain="Onderwijs"
        )
        docs = [
            ("Uitval in beeld: onderzoek naar vroegtijdig schoolverlaten", "onderzoek", 2019),
            ("Factsheet vroegtijdig schoolverlaten 2025", "factsheet", 2025),
            ("Monitor schoolverlaten en thuiszitters", "monitor", 2024),
            ("Nota aanpak schoolverlaten <script>alert(1)</script>", "nota", 2022),
        ]
        for index, (title, doctype, year) in enumerate(docs):
            db.session.add(
                Document(
                    key=f"browser-{index}",
                    title=title,
                    doctype=doctype,
                    theme=theme,
                    year=year,
                    department="Onderzoek en Statistiek",
                    body=f"{title}. Het percentage vroegtijdig schoolverlaters daalde. "
                    "Jongeren zonder startkwalificatie krijgen hulp.",
                )
            )
        db.session.commit()
        rebuild_index()


def test_search_with_facet_click_finds_the_study(page: Page, live_server: str, corpus):
    page.goto(f"{live_server}/login")
    page.get_by_label("Gebruikersnaam").fill("medewerker")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()

    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Zoeken").click()
    page.get_by_label("Zoekvraag").fill("schoolverlaten")
    page.get_by_role("button", name="Zoeken", exact=True).click()
    expect(page.locator(".result-count")).to_contain_text("4 documenten gevonden")
    assert_accessible(page)

    # Ticking a facet applies it at once (progressive enhancement).
    page.get_by_role("group", name="Documenttype").get_by_role(
        "checkbox", name=re.compile(r"^Onderzoek")
    ).check()
    expect(page).to_have_url(re.compile(r"type=onderzoek"))
    expect(page.locator(".result-count")).to_contain_text("1 document gevonden")
    results = page.locator(".results")
    expect(results).to_contain_text("Uitval in beeld")
    expect(results.locator("mark").first).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name=re.compile("Uitval in beeld")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Uitval in beeld")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("Terug naar de resultaten")).click()
    expect(page).to_have_url(re.compile(r"type=onderzoek"))


def test_script_in_document_title_is_shown_as_text(page: Page, live_server: str, corpus):
    page.goto(f"{live_server}/login")
    page.get_by_label("Gebruikersnaam").fill("medewerker")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog), dialog.dismiss()))
    page.goto(f"{live_server}/zoeken?q=nota")
    expect(page.locator(".results")).to_contain_text("<script>alert(1)</script>")
    assert dialogs == []
