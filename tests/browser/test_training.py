import re

import pytest
from playwright.sync_api import Page, expect

from academy.documents.indexing import rebuild_index
from academy.extensions import db
from academy.models import Document, Exercise, Lesson, Module
from tests.browser.axe import assert_accessible
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def known_item(live_app) -> str:
    with live_app.app_context():
        documents = [
            Document(
                key=f"fundering-{year}",
                title=title,
                doctype=doctype,
                year=year,
                department="Ruimte en Wonen",
                body=f"{title}. Door paalrot lopen woningen in oude wijken risico.",
            )
            for year, title, doctype in (
                (2020, "Funderingsonderzoek Oud-Lindewaard", "onderzoek"),
                (2023, "Factsheet funderingsherstel", "factsheet"),
                (2024, "Raadsvoorstel funderingsherstelregeling", "raadsvoorstel"),
            )
        ]
        db.session.add_all(documents)
        module = Module(
            slug="vinden",
            title="Vinden wat er is",
            summary="Eerst zoeken.",
            goals="Een bekend document terugvinden",
            minutes=10,
            published=True,
        )
        module.lessons = [
            Lesson(
                slug="eerst-zoeken",
                title="Eerst zoeken",
                body="## Waarom\n\nZoek **eerst** wat er al is.",
            )
        ]
        exercise = Exercise(
            slug="fundering-vinden",
            kind="known_item",
            title="Vind het funderingsonderzoek",
            prompt="Zoek het **onderzoek** uit 2020 naar funderingen.",
            expert_query="funderingsonderzoek type:onderzoek",
            hints=["Filter op documenttype onderzoek."],
        )
        exercise.key_documents = [documents[0]]
        module.exercises = [exercise]
        db.session.add(module)
        db.session.commit()
        rebuild_index()
    return "fundering-vinden"


def test_learner_completes_a_known_item_exercise(page: Page, live_server: str, known_item):
    page.goto(f"{live_server}/login")
    page.get_by_label("Gebruikersnaam").fill("medewerker")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()

    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Leren").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Leren zoeken")
    assert_accessible(page)
    page.get_by_role("link", name="Vinden wat er is").click()
    page.get_by_role("link", name="Eerst zoeken").click()
    expect(page.locator("article")).to_contain_text("Zoek eerst wat er al is.")
    assert_accessible(page)
    page.get_by_role("button", name="Gelezen, naar de oefeningen").click()

    page.get_by_role("link", name="Vind het funderingsonderzoek").click()
    page.get_by_role("button", name="Start de oefening").click()
    expect(page.locator(".task-banner")).to_contain_text("Zoek het onderzoek uit 2020")
    page.get_by_role("button", name="Geef een hint").click()
    expect(page.locator(".hints")).to_contain_text("Filter op documenttype onderzoek.")
    page.get_by_label("Zoekvraag").fill("paalrot")
    page.get_by_role("button", name="Zoeken", exact=True).click()
    expect(page.locator(".result-count")).to_contain_text("3 documenten gevonden")
    assert_accessible(page)

    page.locator(".result", has_text="Funderingsonderzoek Oud-Lindewaard").get_by_role(
        "button", name=re.compile("Toevoegen aan antwoord")
    ).click()
    expect(page.locator(".answer-panel")).to_contain_text("Funderingsonderzoek Oud-Lindewaard")
    page.get_by_role("button", name="Inleveren").click()

    expect(page.get_by_role("status").filter(has_text="Voldaan")).to_be_visible()
    expect(page.locator("main")).to_contain_text("funderingsonderzoek type:onderzoek")
    assert_accessible(page)

    page.goto(f"{live_server}/leren/modules/vinden/certificaat")
    expect(page.locator(".certificate")).to_contain_text("Medewerker")
    expect(page.locator(".certificate")).to_contain_text("Vinden wat er is")
    assert_accessible(page)
