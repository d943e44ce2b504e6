"""The search gaps pages: who may read them, what they show (never a person), bad input."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from academy.gaps.services import MIN_DISTINCT_USERS
from tests.gaps.conftest import SEARCHERS

TODAY = dt.datetime.now(dt.UTC).replace(hour=9, minute=0, second=0, microsecond=0)


@pytest.fixture
def gaps_log(search):
    """'laadpalen' failed for two people, 'schulden buurman' for one; all about vsv."""
    for user in SEARCHERS[:2]:
        search(user, "Laadpalen", results=0, at=TODAY, filters={"thema": ["vsv"]})
    search(SEARCHERS[2], "schulden buurman", results=0, at=TODAY, filters={"thema": ["vsv"]})
    search(SEARCHERS[2], "schulden buurman", 100, results=0, at=TODAY, filters={"thema": ["vsv"]})


NAMES = [*SEARCHERS, *(name.title() for name in SEARCHERS)]


@pytest.mark.parametrize("path", ["/themas/zoekgaten", "/themas/vsv/zoekgaten"])
@pytest.mark.parametrize("role", ["programmamanager", "trainer", "admin"])
def test_readers_see_counts_but_never_who(client, login, gaps_log, role, path):
    login(role)
    response = client.get(path)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "laadpalen" in page
    assert 'href="/zoeken?q=laadpalen"' in page  # try it in the practice search
    assert "schulden buurman" not in page  # one person's query: not shown as typed
    assert "1 zoekvraag van minder dan 2 personen is niet getoond." in page
    for name in NAMES:
        assert name not in page


@pytest.mark.parametrize(
    "path",
    [
        "/themas/zoekgaten",
        "/themas/vsv/zoekgaten",
        "/themas/zoekgaten.csv",
        "/themas/zoekgaten.xlsx",
    ],
)
def test_a_medewerker_is_refused(client, login, world, path):
    login("medewerker")
    assert client.get(path).status_code == 403


def test_the_theme_page_shows_its_gaps_to_readers_only(client, login, gaps_log):
    login("trainer")
    page = client.get("/themas/vsv").get_data(as_text=True)
    assert 'id="zoekgaten-title"' in page and "laadpalen" in page
    client.post("/logout")
    login("medewerker")
    page = client.get("/themas/vsv").get_data(as_text=True)
    assert 'id="zoekgaten-title"' not in page and "laadpalen" not in page


def test_the_csv_export_holds_counts_only(client, login, gaps_log):
    login("programmamanager")
    response = client.get("/themas/zoekgaten.csv?periode=7&thema=vsv")
    assert response.status_code == 200
    assert "zoekgaten-vsv-" in response.headers["Content-Disposition"]
    text = response.get_data().decode("utf-8-sig")
    lines = text.strip().splitlines()
    assert lines[0].startswith("Thema;Zoekvraag;Zoekopdrachten;Personen;")
    assert lines[1:] == ["Vroegtijdig schoolverlaten;laadpalen;2;2;100;;0;2"]
    for name in NAMES:
        assert name not in text


def test_the_excel_export_defuses_formulas(client, login, search, world):
    for user in SEARCHERS[:MIN_DISTINCT_USERS]:
        search(user, "=HYPERLINK(1)", results=0, at=TODAY)
    login("programmamanager")
    response = client.get("/themas/zoekgaten.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.data)).active
    assert sheet["B2"].value == "'=hyperlink(1)"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("periode=eigen", "Vul een datum in (jjjj-mm-dd)."),
        (
            "periode=eigen&van=gisteren&tot=2026-01-01",
            "Dit is geen geldige datum; schrijf jjjj-mm-dd.",
        ),
        ("periode=eigen&van=2026-02-30&tot=2026-03-01", "Dit is geen geldige datum"),
        ("periode=eigen&van=2026-03-01&tot=2026-02-01", "De einddatum ligt vóór de begindatum."),
        (
            "periode=eigen&van=1999-12-31&tot=2026-02-01",
            "Kies een datum tussen 2000 en volgend jaar.",
        ),
        ("periode=eigen&van=" + "9" * 400 + "&tot=2026-02-01", "Dit is geen geldige datum"),
        ("periode=365", "Kies een periode uit de lijst."),
        ("thema=bestaat-niet", "Dit thema bestaat niet"),
        ("thema=%00", "Dit thema bestaat niet"),
    ],
)
@pytest.mark.parametrize("path", ["/themas/zoekgaten", "/themas/zoekgaten.csv"])
def test_bad_input_is_explained_never_a_500(client, login, world, query, message, path):
    login("trainer")
    response = client.get(f"{path}?{query}")
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("query", "searches"),
    [
        ("", 4),  # the last 30 days
        ("periode=7", 4),
        ("periode=eigen&van=2000-01-01&tot=2000-12-31", 0),
        (f"periode=eigen&van={TODAY.date().isoformat()}&tot={TODAY.date().isoformat()}", 4),
        ("periode=7&van=onzin", 4),  # dates only count for an own period
        ("thema=-", 0),
        ("thema=vsv", 4),
        ("code=x&thema=vsv", 4),  # an unknown key is ignored
    ],
)
def test_the_period_and_theme_filter(client, login, gaps_log, query, searches):
    login("trainer")
    response = client.get(f"/themas/zoekgaten?{query}")
    assert response.status_code == 200
    counted = f"{searches} zoekopdrachten geteld."
    assert counted in response.get_data(as_text=True)


def test_an_unknown_theme_is_404(client, login, world):
    login("trainer")
    assert client.get("/themas/bestaat-niet/zoekgaten").status_code == 404


def test_a_trainers_key_search_is_no_gap(app, client, login, world):
    """Choosing an exercise's key documents is authoring, not a need for information."""
    from sqlalchemy import select

    from academy.extensions import db
    from academy.models import Exercise, Module, QueryLog

    with app.app_context():
        module = Module(slug="zoeken", title="Zoeken")
        module.exercises = [Exercise(slug="vind", kind="known_item", title="Vind")]
        db.session.add(module)
        db.session.commit()
        exercise_id = module.exercises[0].id
    login("trainer")
    assert client.get(f"/leren/beheer/oefeningen/{exercise_id}?q=laadpalen").status_code == 200
    with app.app_context():
        assert db.session.scalars(select(QueryLog.kind)).all() == ["key"]
