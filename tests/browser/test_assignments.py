import datetime as dt

import pytest
from playwright.sync_api import Browser, Page, expect

from academy.extensions import db
from academy.models import Exercise, Module, Team, User
from tests.browser.axe import assert_accessible
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def team_and_exercise(live_app):
    with live_app.app_context():
        team = Team(name="Team Armoede")
        learner = db.session.scalar(db.select(User).where(User.username == "medewerker"))
        learner.team = team
        module = Module(slug="armoede-feiten", title="Feiten over armoede", published=True)
        module.exercises = [
            Exercise(
                slug="armoede-aandeel",
                kind="fact",
                title="Hoeveel huishoudens?",
                prompt="Welk percentage noemt de armoedemonitor?",
                accepted_answers=["12,4%"],
                expert_query="armoedemonitor",
            )
        ]
        db.session.add(module)
        db.session.commit()


def _login(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/login")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welkom")


def test_team_assignment_from_trainer_to_learner_and_back(
    browser: Browser, live_server: str, team_and_exercise
):
    trainer = browser.new_context().new_page()
    _login(trainer, live_server, "trainer")
    trainer.goto(f"{live_server}/opdrachten/nieuw")
    assert_accessible(trainer)
    trainer.get_by_label("Module of oefening").select_option(
        label="   Feiten over armoede › Hoeveel huishoudens?"
    )
    trainer.get_by_role("group", name="Teams").get_by_label("Team Armoede").check()
    due = (dt.date.today() + dt.timedelta(days=7)).isoformat()
    trainer.get_by_label("Uiterste datum").fill(due)
    trainer.get_by_label("Bericht aan de deelnemers").fill("Graag deze week.")
    trainer.get_by_role("button", name="Opslaan").click()
    expect(trainer.get_by_role("heading", level=1)).to_have_text("Voortgang van deelnemers")
    matrix = trainer.locator("table.matrix")
    expect(matrix.get_by_role("row", name="Medewerker")).to_contain_text("open")
    assert_accessible(trainer)

    learner = browser.new_context().new_page()
    _login(learner, live_server, "medewerker")
    nav = learner.get_by_role("navigation", name="Hoofdmenu")
    expect(nav.get_by_role("link", name="Opdrachten")).to_contain_text("1")
    nav.get_by_role("link", name="Opdrachten").click()
    expect(learner.locator(".assignment-card")).to_contain_text("Graag deze week.")
    assert_accessible(learner)
    learner.get_by_role("link", name="Hoeveel huishoudens?").click()
    learner.get_by_role("button", name="Start de oefening").click()
    learner.get_by_label("Je antwoord").fill("12,4 procent")
    learner.get_by_role("button", name="Inleveren").click()
    expect(learner.get_by_role("status").filter(has_text="Voldaan")).to_be_visible()

    trainer.reload()
    expect(trainer.locator("table.matrix").get_by_role("row", name="Medewerker")).to_contain_text(
        "voldaan"
    )
    assert_accessible(trainer)
