"""A programme manager adds a key question, runs a scan and sees the theme's findability
change, in real Chromium, axe-clean on every page on the way."""

from __future__ import annotations

import datetime as dt

import pytest
from flask import Flask
from playwright.sync_api import Page, expect

from academy.documents.indexing import rebuild_index
from academy.extensions import db
from academy.findability.scan import create_scan, execute_scan
from academy.maturity.services import ensure_ladder
from academy.models import Document, KeyQuestion, Theme
from tests.browser.axe import assert_accessible
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def theme_code(live_app: Flask) -> str:
    """A theme with one key question nobody finds (scanned once: 0 %), and a findable
    document nobody has made a key question of yet."""
    with live_app.app_context():
        ensure_ladder()
        theme = Theme(code="schulden", name="Schuldhulpverlening", domain="Sociaal domein")
        documents = [
            Document(
                key=f"schulden-{n}",
                title=title,
                doctype="monitor",
                theme=theme,
                year=2024,
                published=dt.date(2024, 6, 1),
                department="Werk en Inkomen",
                body=body,
                summary=body[:80],
            )
            for n, (title, body) in enumerate(
                [
                    ("Schuldenmonitor 2024", "Het aantal huishoudens met problematische schulden."),
                    ("Wachttijden schuldhulp", "De wachttijd voor een eerste gesprek is 3 weken."),
                ]
            )
        ]
        lost = KeyQuestion(theme=theme, question="Hoeveel kost bewind?", queries=["bewindvoering"])
        lost.documents = [documents[1]]
        db.session.add_all([theme, *documents, lost])
        db.session.commit()
        rebuild_index()
        scan, _created = create_scan("manual")
        execute_scan(scan.id)
    return "schulden"


def _login(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/login")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welkom")


def test_adding_a_key_question_and_scanning_changes_findability(
    page: Page, live_server: str, theme_code: str
) -> None:
    _login(page, live_server, "programmamanager")
    page.goto(f"{live_server}/themas/{theme_code}")
    section = page.locator("#vindbaarheid")
    expect(section).to_contain_text("0%")
    expect(section).to_contain_text("Hoeveel kost bewind?")
    assert_accessible(page)

    section.get_by_role("link", name="Vindbaarheid en sleutelvragen van dit thema").click()
    expect(page.locator("#vindbaarheid-nu")).to_have_text("0%")
    assert_accessible(page)

    page.get_by_role("link", name="Sleutelvraag toevoegen").click()
    page.get_by_label("Vraag", exact=True).fill(
        "Hoeveel huishoudens hebben problematische schulden?"
    )
    page.get_by_label("Zoekvragen die mensen hiervoor typen").fill("schuldenmonitor")
    page.get_by_label("Zoek documenten").fill("problematische schulden")
    page.get_by_role("button", name="Zoeken").click()
    assert_accessible(page)
    page.get_by_label("Schuldenmonitor 2024").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("status").first).to_contain_text("opgeslagen")
    expect(page.locator("#vragen ~ ul")).to_contain_text("problematische schulden")

    page.get_by_role("button", name="Nu scannen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Vindbaarheidsscan")
    expect(page.locator("#voortgang")).to_contain_text("klaar")
    assert_accessible(page)

    page.goto(f"{live_server}/themas/{theme_code}/vindbaarheid")
    expect(page.locator("#vindbaarheid-nu")).to_have_text("50%")
    expect(page.locator(".facts")).to_contain_text("beter vindbaar")
    expect(page.get_by_role("link", name="probeer in de oefenzoekmachine").first).to_be_visible()
    assert_accessible(page)

    page.goto(f"{live_server}/themas?sorteer=vindbaarheid&richting=af")
    expect(page.locator("table.portfolio")).to_contain_text("50%")
    assert_accessible(page)
