"""Accessibility sweep: every page reachable from the navigation, as every role, at 390 px (a
phone) and 1280 px, through axe-core (WCAG 2.1 A and AA) and the layout checks (no sideways
scrolling, no table cut off, touch targets, one-row navigation), with screenshots of the key
pages; plus a keyboard-only walk from logging in to a handed-in exercise.

The data uses its own keys, slugs, theme and vocabulary ("zwerfafval"), and assigns work only to
its own learner, so the counts and badges other browser tests check on the shared live app do
not change.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from academy.documents.indexing import rebuild_index
from academy.extensions import db
from academy.maturity.services import ensure_ladder, record_assessment, save_analysis, set_target
from academy.models import (
    Assignment,
    AssignmentTarget,
    Attempt,
    AttemptStatus,
    Document,
    Exercise,
    Lesson,
    LevelCriterion,
    LevelStatus,
    Module,
    Role,
    Team,
    Theme,
    User,
)
from tests.browser.axe import assert_accessible
from tests.browser.layout import SCREENSHOT_DIR, WIDTHS, layout_problems, screenshot
from tests.conftest import PASSWORD, ROLE_USERS, add_user

pytestmark = pytest.mark.browser

LEARNER = "a11y-leerling"
SEARCH_WORD = "zwerfafval"


@dataclass(frozen=True)
class SweepData:
    theme: str
    module: str
    lesson: str
    exercise: str
    exercise_title: str
    key_title: str
    document_id: int
    module_id: int
    lesson_id: int
    exercise_id: int
    learner_id: int
    team_id: int
    submitted_attempt_id: int
    graded_attempt_id: int
    analysis_id: int
    criterion_id: int


@pytest.fixture(scope="module")
def sweep_data(live_app, password_hash) -> SweepData:
    today = dt.date.today()
    with live_app.app_context():
        ensure_ladder()
        team = Team(name="Team Schone Straten", description="Reiniging en afval")
        learner = add_user(LEARNER, (Role.EMPLOYEE,), password_hash, team=team)
        theme = Theme(
            code="a11y-zwerfafval",
            name="Zwerfafval en reiniging",
            domain="Fysiek domein",
            owner_team=team,
            description="Schone straten, parken en pleinen.",
        )
        documents = [
            Document(
                key=f"a11y-{index}",
                title=title,
                doctype=doctype,
                year=year,
                theme=theme,
                department="Stadsbeheer",
                body=f"{title}. Zwerfafval in parken en op pleinen; bewoners melden afval "
                "via de app. Het aantal meldingen over zwerfafval steeg.",
            )
            for index, (title, doctype, year) in enumerate(
                (
                    ("Onderzoek zwerfafval in parken", "onderzoek", 2021),
                    ("Monitor zwerfafval 2023", "monitor", 2023),
                    ("Factsheet zwerfafval en meldingen", "factsheet", 2024),
                    ("Evaluatie aanpak zwerfafval", "evaluatie", 2022),
                )
            )
        ]
        db.session.add_all([team, theme, *documents])
        module = Module(
            slug="a11y-afvalcijfers",
            title="Afvalcijfers vinden",
            summary="Zoek wat er al bekend is over zwerfafval.",
            goals="Een monitor terugvinden\nFilters gebruiken",
            minutes=15,
            published=True,
        )
        module.lessons = [
            Lesson(
                slug="a11y-zoeken-naar-afval",
                title="Zoeken naar afvalcijfers",
                body="## Waar begin je?\n\n- Zoek op **zwerfafval**.\n- Filter op *monitor*.\n\n"
                "| Je typt | Je vindt |\n|---|---|\n| zwerfafval | alles over afval |\n",
            )
        ]
        known_item = Exercise(
            slug="a11y-afvalmonitor",
            kind="known_item",
            title="Vind de monitor zwerfafval",
            prompt="Zoek de **monitor** uit 2023 over zwerfafval en voeg die toe aan je antwoord.",
            expert_query="zwerfafval type:monitor",
            hints=["Filter op documenttype monitor."],
        )
        known_item.key_documents = [documents[1]]
        open_exercise = Exercise(
            slug="a11y-afval-reflectie",
            kind="open",
            title="Wat weten we over zwerfafval?",
            prompt="Beschrijf in een paar zinnen wat je vond.",
            rubric=["Noemt de bronnen.", "Vat de cijfers juist samen."],
        )
        module.exercises = [known_item, open_exercise]
        db.session.add(module)
        db.session.flush()  # ids for the attempts and links below
        trainer = db.session.scalar(db.select(User).where(User.username == "trainer"))
        db.session.add(
            Assignment(
                module=module,
                due_date=today + dt.timedelta(days=14),
                message="Graag voor de teamdag.",
                created_by_id=trainer.id,
                targets=[AssignmentTarget(user=learner)],
            )
        )
        now = dt.datetime.now(dt.UTC)
        submitted = Attempt(
            exercise=open_exercise,
            user=learner,
            status=AttemptStatus.SUBMITTED.value,
            answer_text="De monitor laat een stijging van de meldingen zien.",
            submitted_at=now,
        )
        graded = Attempt(
            exercise=known_item,
            user=learner,
            status=AttemptStatus.GRADED.value,
            selected_document_ids=[documents[0].id],
            score=0.0,
            passed=False,
            feedback={"messages": ["Dit is niet de monitor."], "correct_ids": [], "wrong_ids": []},
            submitted_at=now,
            scored_at=now,
        )
        db.session.add_all([submitted, graded])
        db.session.commit()

        manager = db.session.scalar(db.select(User).where(User.username == "programmamanager"))
        level_zero = db.session.scalars(
            db.select(LevelCriterion.id).where(LevelCriterion.level_number == 0)
        ).all()
        statuses = {n: LevelStatus.NOT_STARTED for n in range(5)}
        record_assessment(
            theme,
            assessor=manager,
            assessed_on=today - dt.timedelta(days=400),
            statuses={**statuses, 0: LevelStatus.IN_PROGRESS},
            criteria_met=[],
            note="Eerste inventarisatie.",
        )
        record_assessment(
            theme,
            assessor=manager,
            assessed_on=today - dt.timedelta(days=30),
            statuses={**statuses, 0: LevelStatus.IN_ORDER, 1: LevelStatus.IN_PROGRESS},
            criteria_met=level_zero,
            evidence_text=f"Monitor zwerfafval | /zoeken/documenten/{documents[1].id}",
            note="Alle onderzoeken naar zwerfafval zijn verzameld.",
        )
        set_target(theme, level=2, target_date=today + dt.timedelta(days=365), set_by=manager)
        analysis = save_analysis(
            theme, None, name="Meldingen per wijk", level=1, status="in_gebruik", data_sources="App"
        )
        data = SweepData(
            theme=theme.code,
            module=module.slug,
            lesson=module.lessons[0].slug,
            exercise=known_item.slug,
            exercise_title=known_item.title,
            key_title=documents[1].title,
            document_id=documents[1].id,
            module_id=module.id,
            lesson_id=module.lessons[0].id,
            exercise_id=known_item.id,
            learner_id=learner.id,
            team_id=team.id,
            submitted_attempt_id=submitted.id,
            graded_attempt_id=graded.id,
            analysis_id=analysis.id,
            criterion_id=level_zero[0],
        )
        rebuild_index()  # detaches every object: read the ids above first
    return data


def _login(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/login")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welkom")


def _chrome_links(page: Page, base: str) -> list[str]:
    """Same-site pages linked from the main navigation, the header and the footer."""
    hrefs = page.eval_on_selector_all(
        'nav[aria-label="Hoofdmenu"] a[href], header a[href], footer a[href]',
        "links => links.map(a => a.href)",
    )
    paths = []
    for href in hrefs:
        parts = urlsplit(href)
        if f"{parts.scheme}://{parts.netloc}" == base and parts.path not in paths:
            paths.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return paths


def _deep_pages(data: SweepData, roles: tuple[Role, ...]) -> list[str]:
    """The pages one click further that matter, per role (what the role can open)."""
    q = SEARCH_WORD
    pages = [
        f"/themas/{data.theme}",
        f"/leren/modules/{data.module}",
        f"/leren/modules/{data.module}/lessen/{data.lesson}",
        f"/leren/oefeningen/{data.exercise}",
        f"/zoeken?q={q}",
        f"/zoeken?q={q}&type=monitor&sorteer=datum",
        "/zoeken?q=zwerfafvl",  # a typo: the "did you mean" suggestion
        "/zoeken?q=qqqxyzzy",  # no results: the empty state with tips
        f"/zoeken/documenten/{data.document_id}?" + urlencode({"terug": f"/zoeken?q={q}"}),
        "/themas/ladder",
        f"/themas/{data.theme}/vindbaarheid",
        "/profiel",
        "/wachtwoord",
        "/api",
    ]
    if {Role.PROGRAMME_MANAGER, Role.TRAINER, Role.ADMIN} & set(roles):
        pages += ["/themas/zoekgaten", f"/themas/{data.theme}/zoekgaten"]
    if Role.PROGRAMME_MANAGER in roles or Role.ADMIN in roles:
        pages += [
            "/themas/nieuw",
            f"/themas/{data.theme}/bewerken",
            f"/themas/{data.theme}/beoordelen",
            f"/themas/{data.theme}/doel",
            f"/themas/{data.theme}/analyses/nieuw",
            f"/themas/{data.theme}/analyses/{data.analysis_id}",
            f"/themas/ladder/criteria/{data.criterion_id}",
        ]
    if {Role.PROGRAMME_MANAGER, Role.TRAINER, Role.ADMIN} & set(roles):
        # findability: a key question picked from search results
        pages.append(f"/themas/{data.theme}/vindbaarheid/vragen/nieuw?zoek={q}")
    if Role.TRAINER in roles or Role.ADMIN in roles:
        pages += [
            "/opdrachten/overzicht",
            "/opdrachten/nieuw",
            f"/opdrachten/deelnemers/{data.learner_id}",
            "/leren/beheer",
            "/leren/beheer/modules/nieuw",
            f"/leren/beheer/modules/{data.module_id}",
            f"/leren/beheer/modules/{data.module_id}/lessen/nieuw",
            f"/leren/beheer/modules/{data.module_id}/oefeningen/nieuw",
            f"/leren/beheer/lessen/{data.lesson_id}",
            f"/leren/beheer/oefeningen/{data.exercise_id}",
            "/leren/beheer/beoordelen",
            f"/leren/beheer/pogingen/{data.submitted_attempt_id}",
        ]
    if Role.ADMIN in roles:
        pages += [
            "/beheer/audit",
            "/beheer/gebruikers",
            "/beheer/gebruikers/nieuw",
            f"/beheer/gebruikers/{data.learner_id}",
            "/beheer/teams",
            f"/beheer/teams/{data.team_id}",
            "/beheer/documenten",
        ]
    return pages


def _sweep(
    page: Page, base: str, paths: list[str], status: int = 200, shots: tuple[str, ...] = ()
) -> list[str]:
    """Visit each page, check its layout, run axe on it, and collect every failure (so one run
    shows them all); save a screenshot of the pages in `shots`."""
    failures = []
    for path in paths:
        response = page.goto(base + path)
        if response is None or response.status != status:
            failures.append(f"{path}: HTTP {response.status if response else 'no response'}")
            continue
        failures += [f"{path}: {problem}" for problem in layout_problems(page)]
        if path in shots:
            screenshot(page, path.split("?")[0].strip("/") or "start")
        try:
            assert_accessible(page)
        except AssertionError as error:
            failures.append(f"{path}:\n{error}")
    return failures


def _key_pages(data: SweepData) -> tuple[str, ...]:
    return (
        "/",
        f"/zoeken?q={SEARCH_WORD}&type=monitor&sorteer=datum",
        "/themas",
        f"/themas/{data.theme}",
        f"/zoeken/documenten/{data.document_id}?"
        + urlencode({"terug": f"/zoeken?q={SEARCH_WORD}"}),
        f"/leren/modules/{data.module}/lessen/{data.lesson}",
        "/opdrachten/overzicht",
        "/beheer/gebruikers",
    )


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("username", list(ROLE_USERS))
def test_every_page_is_accessible(
    browser: Browser, live_server: str, sweep_data, username: str, width: str
):
    context = browser.new_context(viewport=WIDTHS[width])
    page = context.new_page()
    page.goto(f"{live_server}/login")
    failures = _sweep(page, live_server, ["/login", "/toegankelijkheid"])
    _login(page, live_server, username)
    chrome = _chrome_links(page, live_server)
    # Every role sees the start page, the themes, the search, learning and its assignments.
    for path in ("/", "/themas", "/zoeken", "/leren", "/opdrachten", "/toegankelijkheid"):
        assert path in chrome, f"{path} missing from the navigation of {username}"
    paths = list(dict.fromkeys(chrome + _deep_pages(sweep_data, ROLE_USERS[username])))
    shots = _key_pages(sweep_data) if username == "admin" else ()
    failures += _sweep(page, live_server, paths, shots=shots)
    context.close()
    print(f"\n{username} at {width} px: {len(paths) + 2} pages swept: /login /toegankelijkheid")
    if shots:
        print(f"screenshots: {SCREENSHOT_DIR.resolve()}")
    assert not failures, f"{len(failures)} problems on {len(paths) + 2} pages:\n\n" + "\n\n".join(
        failures
    )


def test_learner_with_assigned_work_and_results(page: Page, live_server: str, sweep_data):
    """The pages only a learner with work sees (assignment cards, results), error pages, and a
    form sent back with errors."""
    _login(page, live_server, LEARNER)
    failures = _sweep(
        page,
        live_server,
        [
            "/",
            "/opdrachten",
            "/leren",
            f"/leren/modules/{sweep_data.module}",
            f"/leren/pogingen/{sweep_data.graded_attempt_id}/resultaat",
            f"/leren/pogingen/{sweep_data.submitted_attempt_id}/resultaat",
        ],
    )
    failures += _sweep(page, live_server, ["/leren/modules/bestaat-niet"], status=404)
    failures += _sweep(page, live_server, ["/beheer/gebruikers"], status=403)
    # A form sent back with errors: the error summary and the invalid fields.
    page.goto(f"{live_server}/wachtwoord")
    page.locator("main form [type=submit]").click()
    expect(page.locator("#error-summary")).to_be_visible()
    try:
        assert_accessible(page)
    except AssertionError as error:
        failures.append(f"/wachtwoord with errors:\n{error}")
    assert not failures, "\n\n".join(failures)


# --- keyboard only ----------------------------------------------------------------------------

FOCUS_INFO = r"""() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id || "",
    type: el.type || "",
    name: (el.getAttribute("aria-label") || el.textContent || el.value || "")
      .replace(/\s+/g, " ").trim().slice(0, 120),
    outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth) || 0,
    boxShadow: style.boxShadow,
    visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
      && box.top < window.innerHeight && box.left < window.innerWidth,
  };
}"""


def _focus(page: Page) -> dict:
    return page.evaluate(FOCUS_INFO)


def _assert_focus_visible(info: dict, step: str) -> None:
    ring = (info["outlineStyle"] != "none" and info["outlineWidth"] > 0) or (
        info["boxShadow"] not in ("", "none")
    )
    assert ring, f"{step}: no visible focus indicator on {info}"
    assert info["visible"], f"{step}: the focused element is off screen: {info}"


def _tab_to(page: Page, matches, step: str, *, backwards: bool = False, limit: int = 80) -> dict:
    """Press Tab (or Shift+Tab) until the focused element matches; every stop on the way must
    show a visible focus indicator."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        page.keyboard.press(key)
        info = _focus(page)
        if info["tag"] == "body":
            continue
        _assert_focus_visible(info, step)
        if matches(info):
            return info
    raise AssertionError(f"{step}: not reached with {limit} x {key}")


def _named(text: str):
    return lambda info: text in info["name"]


def _press_and_load(page: Page, key: str) -> None:
    """Activate the focused link or button and wait for the next page."""
    with page.expect_navigation():
        page.keyboard.press(key)


def test_keyboard_walk(browser: Browser, live_server: str, sweep_data):
    """Log in, reach the search through the skip link and the navigation, search, open the
    exercise, start it, add a result to the answer, hand in and read the result, with the
    keyboard only."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{live_server}/login")

    # The user name field has focus on arrival; type, Tab to the password, Enter submits.
    assert _focus(page)["id"] == "username"
    page.keyboard.type("medewerker")
    _tab_to(page, lambda info: info["id"] == "password", "login: password")
    page.keyboard.type(PASSWORD)
    _press_and_load(page, "Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welkom")

    # The first Tab stop is the skip link, and it shows itself when focused.
    skip = _tab_to(page, _named("Naar de inhoud"), "home: skip link", limit=1)
    assert skip["tag"] == "a"
    page.keyboard.press("Enter")  # an in-page link: focus moves to <main>, no page load
    assert _focus(page)["id"] == "main"
    # From the content, Shift+Tab goes back up into the navigation: Zoeken.
    _tab_to(page, lambda i: i["tag"] == "a" and i["name"] == "Zoeken", "nav", backwards=True)
    _press_and_load(page, "Enter")
    expect(page).to_have_url(re.compile(r"/zoeken$"))

    # Skip link again, then the first field in the content is the search box.
    _tab_to(page, _named("Naar de inhoud"), "search: skip link", limit=1)
    page.keyboard.press("Enter")
    _tab_to(page, lambda info: info["id"] == "q", "search: query field")
    page.keyboard.type(SEARCH_WORD)
    _press_and_load(page, "Enter")
    expect(page.locator(".result-count")).to_contain_text("4 documenten gevonden")
    assert_accessible(page)

    # To the exercise: Leren in the navigation, the module, the exercise.
    _tab_to(page, lambda i: i["tag"] == "a" and i["name"] == "Leren", "nav: Leren")
    _press_and_load(page, "Enter")
    _tab_to(page, _named("Afvalcijfers vinden"), "learning: module")
    _press_and_load(page, "Enter")
    _tab_to(page, _named(sweep_data.exercise_title), "module: exercise")
    _press_and_load(page, "Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(sweep_data.exercise_title)

    # A button is pressed with Space.
    _tab_to(page, _named("Start de oefening"), "exercise: start")
    _press_and_load(page, "Space")
    expect(page.locator(".task-banner")).to_contain_text("Zoek de monitor uit 2023")
    assert_accessible(page)

    _tab_to(page, lambda info: info["id"] == "q", "workspace: query field")
    page.keyboard.type("zwerfafval monitor")
    _press_and_load(page, "Enter")
    expect(page.locator(".result-count")).to_contain_text("gevonden")
    # Results sit inside the search form: every button must still post to its own form, and
    # the facets must still belong to the search (nested forms broke both).
    owners = page.evaluate(
        """() => ({
          buttons: [...document.querySelectorAll('.result button')].map(b => b.form?.method),
          facets: [...document.querySelectorAll('.facets input')].map(i => i.form?.id),
        })"""
    )
    assert owners["buttons"] and set(owners["buttons"]) == {"post"}, owners
    assert owners["facets"] and set(owners["facets"]) == {"search-form"}, owners
    _tab_to(page, _named(f"Toevoegen aan antwoord: {sweep_data.key_title}"), "workspace: add")
    _press_and_load(page, "Enter")
    expect(page.locator(".answer-panel")).to_contain_text(sweep_data.key_title)
    assert_accessible(page)

    # The answer panel sits above the search: from the search box, Shift+Tab back to Inleveren.
    _tab_to(page, lambda info: info["id"] == "q", "workspace: back to the query field")
    _tab_to(page, _named("Inleveren"), "workspace: hand in", backwards=True)
    _press_and_load(page, "Enter")

    expect(page.get_by_role("status").filter(has_text="Voldaan")).to_be_visible()
    expect(page.locator("main")).to_contain_text("zwerfafval type:monitor")
    assert_accessible(page)
    context.close()
