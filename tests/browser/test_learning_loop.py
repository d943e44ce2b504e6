"""The learning loop in a real browser (issue 13): a learner does an exercise badly, reads
the coaching, redoes it well and sees the skill profile change; axe on every new page."""

import re

import pytest
from playwright.sync_api import Page, expect

from academy.documents.indexing import rebuild_index
from academy.extensions import db
from academy.models import Document, Exercise, Module
from tests.browser.axe import assert_accessible
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def synonyms(live_app) -> str:
    with live_app.app_context():
        db.session.add_all(
            Document(
                key=f"lus-{index}",
                title=title,
                doctype="onderzoek",
                year=2020 + index,
                department="Onderwijs",
                body=f"{title}. Jongeren zonder diploma en leerlingen die thuiszitten.",
            )
            for index, title in enumerate(
                ("Schooluitval in Lindewaard", "Thuiszitters in beeld", "Aanpak schooluitval")
            )
        )
        module = Module(slug="lus", title="Zoeken met synoniemen", published=True)
        module.exercises = [
            Exercise(
                slug="zoek-synoniemen",
                kind="process",
                title="Zoek beide woorden tegelijk",
                prompt="Zoek documenten over schooluitval en over thuiszitters, in één keer.",
                required_skill="or",
                expert_query="schooluitval OF thuiszitters",
                published=True,
            )
        ]
        db.session.add(module)
        db.session.commit()
        rebuild_index()
    return "zoek-synoniemen"


def skill_count(page: Page, label: str) -> str:
    row = page.locator("table.skill-profile tr", has=page.get_by_role("rowheader", name=label))
    return row.get_by_role("cell").inner_text().split()[0]


def search_in_workspace(page: Page, query: str) -> None:
    page.get_by_label("Zoekvraag").fill(query)
    page.get_by_role("button", name="Zoeken", exact=True).click()


def test_bad_try_coaching_good_try_and_the_profile_changes(page: Page, live_server, synonyms):
    page.goto(f"{live_server}/login")
    page.get_by_label("Gebruikersnaam").fill("medewerker")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()

    expect(page.get_by_role("heading", name="Je zoekvaardigheden")).to_be_visible()
    assert skill_count(page, "OF") == "0"
    assert_accessible(page)  # the learner's home

    page.goto(f"{live_server}/leren/oefeningen/{synonyms}")
    page.get_by_role("button", name=re.compile("Start|Verder|Begin")).first.click()
    search_in_workspace(page, "schooluitval")
    page.get_by_role("button", name="Inleveren").click()
    expect(page.get_by_role("heading", name="Tips over je zoekaanpak")).to_be_visible()
    expect(page.locator(".coaching")).to_contain_text("Zoek synoniemen tegelijk met OF")
    expect(page.locator(".coaching")).to_contain_text("Jij zocht: schooluitval")
    assert_accessible(page)  # the result page with coaching

    page.get_by_role("button", name="Opnieuw proberen").click()
    search_in_workspace(page, "schooluitval OF thuiszitters")
    page.locator(".why summary").first.click()
    expect(page.locator(".why").first).to_contain_text("titel")
    assert_accessible(page)  # the workspace with "Waarom dit resultaat?" open
    page.get_by_role("button", name="Inleveren").click()
    expect(page.locator("body")).to_contain_text("Goed: je gebruikte")

    page.goto(f"{live_server}/")
    assert skill_count(page, "OF") == "1"


def test_new_pages_are_accessible(page: Page, live_server, synonyms):
    page.goto(f"{live_server}/login")
    page.get_by_label("Gebruikersnaam").fill("medewerker")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    for path in ("/meldingen", "/zoeken/hulp", "/zoeken?q=armoede+of+schulden"):
        page.goto(f"{live_server}{path}")
        assert_accessible(page)
    page.goto(f"{live_server}/leren/oefeningen/{synonyms}")
    page.get_by_role("button", name=re.compile("Start|Verder|Begin|Opnieuw")).first.click()
    page.get_by_role("button", name="Inleveren").click()  # nothing searched: asks first
    expect(page.get_by_role("heading", level=1)).to_have_text("Toch inleveren?")
    assert_accessible(page)
