"""The print stylesheet: a certificate prints on one A4 page, a theme page prints without the
site's chrome, buttons or tables cut off (Chromium's own PDF printing)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import Browser, Page

from academy.extensions import db
from academy.maturity.services import ensure_ladder, record_assessment, save_analysis
from academy.models import (
    Lesson,
    LessonRead,
    LevelCriterion,
    LevelStatus,
    Module,
    Role,
    Theme,
    User,
)
from tests.browser.layout import screenshot
from tests.conftest import PASSWORD, add_user

pytestmark = pytest.mark.browser

A4_CONTENT_PX = 680  # 210 mm less 2 x 15 mm margins, at 96 px per inch
LEARNER = "print-leerling"


@pytest.fixture(scope="module")
def print_data(live_app, password_hash) -> dict[str, str]:
    with live_app.app_context():
        ensure_ladder()
        learner = add_user(LEARNER, (Role.EMPLOYEE,), password_hash)
        module = Module(
            slug="print-module",
            title="Afdrukken en bewaren",
            summary="Kort.",
            minutes=5,
            published=True,
        )
        module.lessons = [Lesson(slug="print-les", title="Een les", body="Lees dit.")]
        theme = Theme(
            code="print-thema",
            name="Afvalinzameling en grondstoffen",
            domain="Fysiek domein",
            description="Een thema om af te drukken.",
        )
        db.session.add_all([module, theme])
        db.session.flush()
        db.session.add(LessonRead(user_id=learner.id, lesson_id=module.lessons[0].id))
        db.session.commit()
        manager = db.session.scalar(db.select(User).where(User.username == "programmamanager"))
        statuses = {n: LevelStatus.NOT_STARTED for n in range(5)}
        level_zero_criteria = db.session.scalars(
            db.select(LevelCriterion.id).where(LevelCriterion.level_number == 0)
        ).all()
        for days, level_zero in ((300, LevelStatus.IN_PROGRESS), (20, LevelStatus.IN_ORDER)):
            record_assessment(
                theme,
                assessor=manager,
                assessed_on=dt.date.today() - dt.timedelta(days=days),
                statuses={**statuses, 0: level_zero},
                criteria_met=level_zero_criteria if level_zero == LevelStatus.IN_ORDER else [],
                note="Een toelichting die over meerdere regels kan lopen. " * 3,
            )
        save_analysis(
            theme, None, name="Inzamelcijfers per wijk en per fractie over tien jaar",
            level=1, status="in_gebruik",
            data_sources="Weegbrugregistratie, containerlediging, klantcontactcentrum, "
            "afvalstoffenheffing, BAG-adressen en CBS-wijkindeling",
        )  # fmt: skip
    return {
        "certificate": "/leren/modules/print-module/certificaat",
        "theme": "/themas/print-thema",
    }


def _open(browser: Browser, base: str, username: str, path: str) -> Page:
    page = browser.new_context().new_page()
    page.goto(f"{base}/login")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{base}/")
    page.goto(base + path)
    return page


def _pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


PRINT_PROBLEMS = r"""(pageWidth) => {
  const problems = [];
  const shown = el => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden';
  for (const el of document.querySelectorAll(
      'header, footer, nav, form[method=post], .button, .skip-link, .no-print')) {
    if (shown(el)) problems.push(`printed: ${el.tagName.toLowerCase()}.${el.className}`);
  }
  if (document.documentElement.scrollWidth > pageWidth)
    problems.push(`wider than the page: ${document.documentElement.scrollWidth} px`);
  for (const el of document.querySelectorAll('main table, main img')) {
    const right = el.getBoundingClientRect().right;
    if (shown(el) && right > pageWidth + 1) problems.push(`cut off: ${el.tagName} to ${right} px`);
  }
  return problems;
}"""


def _print_view(page: Page) -> list[str]:
    page.emulate_media(media="print")
    page.set_viewport_size({"width": A4_CONTENT_PX, "height": 960})
    return page.evaluate(PRINT_PROBLEMS, A4_CONTENT_PX)


def test_certificate_prints_on_one_a4_page(browser: Browser, live_server: str, print_data):
    page = _open(browser, live_server, LEARNER, print_data["certificate"])
    assert page.locator(".certificate").is_visible()
    assert _pdf_pages(page.pdf(format="A4", print_background=True)) == 1
    assert _print_view(page) == []
    screenshot(page, "print-certificaat")
    page.context.close()


def test_theme_page_prints_cleanly_on_a4(browser: Browser, live_server: str, print_data):
    page = _open(browser, live_server, "programmamanager", print_data["theme"])
    pages = _pdf_pages(page.pdf(format="A4", print_background=True))
    assert 1 <= pages <= 4, f"{pages} pages"
    assert _print_view(page) == []
    screenshot(page, "print-thema")
    page.context.close()
