"""A trainer exports a module as a package and imports it again, in a real browser."""

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from academy.extensions import db
from academy.models import Exercise, Lesson, Module
from tests.browser.axe import assert_accessible
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def shared_module(live_app) -> str:
    with live_app.app_context():
        module = Module(
            slug="delen-met-buren",
            title="Delen met de buurgemeente",
            summary="Een module om te delen.",
            goals="Je deelt een module",
            minutes=15,
            published=True,
        )
        module.lessons = [
            Lesson(slug="waarom-delen", title="Waarom delen", body="Samen **sterk**.")
        ]
        module.exercises = [
            Exercise(
                slug="deel-open-vraag",
                kind="open",
                title="Wat deel je?",
                prompt="Beschrijf wat je zou delen.",
                rubric=["Noemt een module", "Noemt een reden"],
            )
        ]
        db.session.add(module)
        db.session.commit()
    return "Delen met de buurgemeente"


def _login(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/login")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welkom")


def test_trainer_exports_and_imports_a_module_package(
    browser: Browser, live_server: str, shared_module: str, tmp_path: Path
) -> None:
    page = browser.new_context(accept_downloads=True).new_page()
    _login(page, live_server, "trainer")
    page.goto(f"{live_server}/leren/beheer")
    with page.expect_download() as info:
        section = page.locator("section.manage-module", has_text=shared_module).first
        section.get_by_role("link", name="Exporteren als pakket").click()
    download = info.value
    assert download.suggested_filename == "module-delen-met-buren.zip"
    package = tmp_path / download.suggested_filename
    download.save_as(package)

    page.get_by_role("link", name="Module importeren").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Module importeren")
    assert_accessible(page)
    bad = tmp_path / "kapot.zip"
    bad.write_bytes(b"geen zip")
    page.get_by_label("Modulepakket (zip)").set_input_files(bad)
    page.get_by_role("button", name="Importeren als concept").click()
    expect(page.locator(".field--error")).to_contain_text("Dit is geen geldig zip-bestand.")
    assert_accessible(page)

    page.get_by_label("Modulepakket (zip)").set_input_files(package)
    page.get_by_role("button", name="Importeren als concept").click()
    expect(page.get_by_role("status").first).to_contain_text("is geïmporteerd als concept")
    imported = page.locator("#module-" + page.url.rsplit("#module-", 1)[1])
    expect(imported.get_by_role("heading", level=2)).to_contain_text(shared_module)
    expect(imported.locator(".badge")).to_have_text("concept")
    expect(imported).to_contain_text("Wat deel je?")
    assert_accessible(page)
