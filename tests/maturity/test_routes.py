"""academy/maturity/routes.py: who may read and write, and what bad input does (nothing saved)."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from sqlalchemy import select

from academy.extensions import db
from academy.maturity import services
from academy.models import Analysis, Assessment, LevelCriterion, Target, Team, Theme, User
from tests.conftest import PASSWORD
from tests.maturity.conftest import criteria_ids, make_theme, row_counts

TODAY = dt.date.today()
WRITERS = ["programmamanager", "admin"]
READERS = ["admin", "programmamanager", "trainer", "medewerker"]
NON_WRITERS = ["trainer", "medewerker"]


def error_summary(response) -> str:
    """The unescaped text of the form's error summary ("" when there is none)."""
    page = response.get_data(as_text=True)
    match = re.search(r'id="error-summary">(.*?)</div>', page, re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", match.group(1))) if match else ""


def ids(app, model, **where) -> list[int]:
    with app.app_context():
        query = select(model.id).filter_by(**where).order_by(model.id)
        return list(db.session.scalars(query))


def level0_criteria(app) -> list[str]:
    with app.app_context():
        return [str(i) for i in criteria_ids([0])]


def assessment_data(app, **overrides) -> dict:
    """A valid assessment form: level 0 op orde with its criteria ticked."""
    data = {
        "assessed_on": "2025-10-01",
        "niveau_0": "op_orde",
        "niveau_1": "in_ontwikkeling",
        "niveau_2": "niet_gestart",
        "niveau_3": "niet_gestart",
        "niveau_4": "niet_gestart",
        "criterium": level0_criteria(app),
        "evidence": "Overzicht bronnen | https://example.nl/bronnen",
        "note": "Bronnen zijn in kaart.",
    }
    data.update(overrides)
    return data


THEME_DATA = {
    "code": "armoede",
    "name": "Armoede",
    "domain": "Sociaal domein",
    "owner_team_id": "0",
    "description": "Minimaregelingen en schulden.",
}
TARGET_DATA = {"level": "2", "target_date": (TODAY + dt.timedelta(days=200)).isoformat()}
ANALYSIS_DATA = {
    "name": "Armoedemonitor",
    "level": "1",
    "status": "in_gebruik",
    "data_sources": "BRP, Suwinet",
    "description": "Jaarlijks.",
}


@pytest.fixture
def analysis_id(app, vsv) -> int:
    return ids(app, Analysis)[0]


@pytest.fixture
def criterion_id(app) -> int:
    return ids(app, LevelCriterion, level_number=1)[0]


# --- reading ----------------------------------------------------------------------------------


@pytest.mark.parametrize("role", READERS)
def test_everyone_signed_in_reads_themes_charts_and_exports(client, login, vsv, role):
    login(role)
    for path in (
        "/themas",
        "/themas/vsv",
        "/themas/ladder",
        "/themas/grafieken/niveaus.svg",
        "/themas/vsv/grafiek.svg",
        "/themas/export.csv",
        "/themas/export.xlsx",
        "/themas/vsv/export.csv",
        "/themas/vsv/export.xlsx",
    ):
        assert client.get(path).status_code == 200, f"GET {path} as {role}"


@pytest.mark.parametrize("role", NON_WRITERS)
def test_readers_see_no_edit_buttons(client, login, vsv, role):
    login(role)
    write_paths = (
        "/themas/nieuw",
        "/themas/vsv/beoordelen",
        "/themas/vsv/doel",
        "/themas/vsv/bewerken",
        "/themas/vsv/archiveren",
        "/themas/vsv/analyses/",
        "/themas/ladder/criteria/",
        'name="criterium"',
    )
    for path in ("/themas", "/themas/vsv", "/themas/ladder"):
        page = client.get(path).get_data(as_text=True)
        for write_path in write_paths:
            assert write_path not in page, f"{write_path} on {path} for {role}"


@pytest.mark.parametrize(
    "path",
    [
        "/themas",
        "/themas/vsv",
        "/themas/ladder",
        "/themas/grafieken/niveaus.svg",
        "/themas/vsv/grafiek.svg",
        "/themas/export.csv",
        "/themas/vsv/export.xlsx",
        "/themas/nieuw",
        "/themas/vsv/beoordelen",
        "/themas/vsv/doel",
    ],
)
def test_anonymous_is_sent_to_login(shared_app, path):
    response = shared_app.test_client().get(path)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login")


def test_anonymous_post_is_sent_to_login_and_saves_nothing(shared_app):
    client = shared_app.test_client()
    before = row_counts(shared_app)
    for path, data in (
        ("/themas/nieuw", THEME_DATA),
        ("/themas/vsv/beoordelen", assessment_data(shared_app)),
        ("/themas/vsv/doel", TARGET_DATA),
        ("/themas/vsv/analyses/nieuw", ANALYSIS_DATA),
        ("/themas/vsv/archiveren", {}),
    ):
        response = client.post(path, data=data)
        assert response.status_code == 302, path
        assert response.headers["Location"].startswith("/login"), path
    assert row_counts(shared_app) == before


# --- writing: who may -------------------------------------------------------------------------


def _write_requests(app, analysis_id: int, criterion_id: int) -> list[tuple[str, str, dict]]:
    """Every write route with valid data: GET the form, then POST it."""
    forms = [
        ("/themas/nieuw", THEME_DATA),
        ("/themas/vsv/bewerken", THEME_DATA | {"code": "vsv"}),
        ("/themas/vsv/beoordelen", assessment_data(app)),
        ("/themas/vsv/doel", TARGET_DATA),
        ("/themas/vsv/analyses/nieuw", ANALYSIS_DATA),
        (f"/themas/vsv/analyses/{analysis_id}", ANALYSIS_DATA),
        (f"/themas/ladder/criteria/{criterion_id}", {"text": "Nieuw", "active": ""}),
    ]
    requests = [("GET", path, {}) for path, _data in forms]
    requests += [("POST", path, data) for path, data in forms]
    requests += [
        ("POST", "/themas/vsv/archiveren", {}),
        ("POST", f"/themas/vsv/analyses/{analysis_id}/verwijderen", {}),
        ("POST", "/themas/ladder/1/criteria", {"text": "Een extra criterium"}),
    ]
    return requests


@pytest.mark.parametrize("role", NON_WRITERS)
def test_non_writers_get_403_on_every_write_route(
    app, client, login, vsv, analysis_id, criterion_id, role
):
    login(role)
    before = row_counts(app)
    for method, path, data in _write_requests(app, analysis_id, criterion_id):
        response = client.open(path, method=method, data=data)
        assert response.status_code == 403, f"{method} {path} as {role}"
        assert "Geen toegang" in response.get_data(as_text=True)
    assert row_counts(app) == before
    with app.app_context():
        theme = services.get_theme("vsv")
        assert theme.name == "Vroegtijdig schoolverlaten" and not theme.archived
        assert db.session.get(LevelCriterion, criterion_id).active


@pytest.mark.parametrize("role", WRITERS)
def test_writers_may_open_every_form(client, login, vsv, analysis_id, criterion_id, role):
    login(role)
    for path in (
        "/themas/nieuw",
        "/themas/vsv/bewerken",
        "/themas/vsv/beoordelen",
        "/themas/vsv/doel",
        "/themas/vsv/analyses/nieuw",
        f"/themas/vsv/analyses/{analysis_id}",
        f"/themas/ladder/criteria/{criterion_id}",
    ):
        assert client.get(path).status_code == 200, f"GET {path} as {role}"


@pytest.mark.parametrize("role", WRITERS)
def test_writers_manage_a_theme_from_start_to_archive(app, client, login, role):
    login(role)
    response = client.post("/themas/nieuw", data=THEME_DATA)
    assert response.headers["Location"] == "/themas/armoede"
    assert "Thema Armoede is toegevoegd." in client.get("/themas/armoede").get_data(as_text=True)

    data = assessment_data(app, assessed_on="2025-09-30")
    assert client.post("/themas/armoede/beoordelen", data=data).status_code == 302
    assert client.post("/themas/armoede/doel", data=TARGET_DATA).status_code == 302
    assert client.post("/themas/armoede/analyses/nieuw", data=ANALYSIS_DATA).status_code == 302
    edited = THEME_DATA | {"name": "Armoede en schulden", "owner_team_id": "1"}
    assert client.post("/themas/armoede/bewerken", data=edited).status_code == 302

    with app.app_context():
        theme = services.get_theme("armoede")
        user = db.session.scalar(select(User).where(User.username == role))
        assessment = db.session.scalar(select(Assessment).where(Assessment.theme_id == theme.id))
        assert assessment.assessor_id == user.id
        assert assessment.assessed_on == dt.date(2025, 9, 30)
        assert assessment.note == "Bronnen zijn in kaart."
        assert [(e.title, e.url) for e in assessment.evidence] == [
            ("Overzicht bronnen", "https://example.nl/bronnen")
        ]
        target = db.session.scalar(select(Target).where(Target.theme_id == theme.id))
        assert (target.level_number, target.set_by_id) == (2, user.id)
        assert [(a.name, a.level_number, a.status) for a in theme.analyses] == [
            ("Armoedemonitor", 1, "in_gebruik")
        ]
        assert theme.name == "Armoede en schulden"
        assert theme.owner_team.name == "Team Test"
        analysis_id = theme.analyses[0].id

    page = client.get("/themas/armoede").get_data(as_text=True)
    assert "0 Vinden" in page and "Overzicht bronnen" in page

    assert client.post(f"/themas/armoede/analyses/{analysis_id}/verwijderen").status_code == 302
    assert client.post("/themas/armoede/archiveren").status_code == 302
    with app.app_context():
        theme = services.get_theme("armoede")
        assert theme.archived and theme.analyses == []


def test_assessment_form_starts_from_the_newest_assessment(app, client, login, vsv):
    login("programmamanager")
    page = client.get("/themas/vsv/beoordelen").get_data(as_text=True)
    # The newest assessment has levels 0 and 1 op orde, the rest niet gestart.
    for level, status in [(0, "op_orde"), (1, "op_orde"), (2, "niet_gestart")]:
        select_html = re.search(rf'<select id="niveau_{level}".*?</select>', page, re.S).group(0)
        assert f'selected value="{status}"' in select_html
    with app.app_context():
        met, unmet = criteria_ids([0, 1]), criteria_ids([2])
    for criterion in met:
        assert re.search(rf'value="{criterion}" id="criterium-{criterion}" checked', page)
    for criterion in unmet:
        assert not re.search(rf'value="{criterion}" id="criterium-{criterion}" checked', page)


def test_ladder_criteria_can_be_added_edited_and_retired(app, client, login, criterion_id):
    login("programmamanager")
    response = client.post("/themas/ladder/1/criteria", data={"text": "Er is een datawoordenboek"})
    assert response.headers["Location"] == "/themas/ladder#niveau-1"
    response = client.post(
        f"/themas/ladder/criteria/{criterion_id}", data={"text": "Aangepast", "active": ""}
    )
    assert response.status_code == 302
    with app.app_context():
        added = db.session.scalar(
            select(LevelCriterion).where(LevelCriterion.text == "Er is een datawoordenboek")
        )
        assert added.level_number == 1 and added.active
        edited = db.session.get(LevelCriterion, criterion_id)
        assert (edited.text, edited.active) == ("Aangepast", False)
    assert "niet meer in gebruik" in client.get("/themas/ladder").get_data(as_text=True)


def test_assessment_without_csrf_token_is_refused(csrf_app):
    client = csrf_app.test_client()
    with csrf_app.app_context():
        make_theme("vsv")
        criteria = [str(i) for i in criteria_ids([0])]
    token_of = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
    token = token_of.search(client.get("/login").get_data(as_text=True)).group(1)
    client.post(
        "/login",
        data={"username": "programmamanager", "password": PASSWORD, "csrf_token": token},
    )
    data = assessment_data(csrf_app, criterium=criteria)
    assert client.post("/themas/vsv/beoordelen", data=data).status_code == 400
    assert ids(csrf_app, Assessment) == []
    token = token_of.search(client.get("/themas/vsv/beoordelen").get_data(as_text=True)).group(1)
    response = client.post("/themas/vsv/beoordelen", data=data | {"csrf_token": token})
    assert response.status_code == 302
    assert len(ids(csrf_app, Assessment)) == 1


# --- bad input: clear Dutch errors, nothing saved ---------------------------------------------

TOO_LONG = "x" * 10_000
BAD_ASSESSMENTS = [
    pytest.param({"assessed_on": ""}, "Vul een datum in als jjjj-mm-dd.", id="no-date"),
    pytest.param({"assessed_on": "31-12-2024"}, "Ongeldige datum", id="dutch-date-order"),
    pytest.param({"assessed_on": "2024-02-30"}, "Ongeldige datum", id="impossible-date"),
    pytest.param({"assessed_on": TOO_LONG}, "Ongeldige datum", id="10kB-date"),
    pytest.param(
        {"assessed_on": (TODAY + dt.timedelta(days=1)).isoformat()},
        "De datum van een beoordeling kan niet in de toekomst liggen.",
        id="future",
    ),
    pytest.param({"assessed_on": "1999-12-31"}, "Kies een datum na 1 januari 2000.", id="old"),
    pytest.param({"niveau_2": "bogus"}, "Ongeldige keuze", id="unknown-status"),
    pytest.param({"niveau_0": ""}, "Ongeldige keuze", id="empty-status"),
    pytest.param(
        {"criterium": []},
        "Niveau 0 (Vinden) kan pas op orde zijn als alle criteria zijn afgevinkt; nog open: "
        "De toonaangevende onderzoeken",
        id="op-orde-without-criteria",
    ),
    pytest.param(
        {"niveau_1": "op_orde"}, "Niveau 1 (Beschrijvend) kan pas op orde", id="level1-unticked"
    ),
    pytest.param(
        {"criterium": ["abc"]}, "Een of meer afgevinkte criteria zijn ongeldig.", id="criterion-abc"
    ),
    pytest.param({"criterium": ["-1"]}, "zijn ongeldig", id="criterion-negative"),
    pytest.param({"criterium": ["1.5"]}, "zijn ongeldig", id="criterion-float"),
    pytest.param({"criterium": ["99999"]}, "bestaan niet (meer)", id="criterion-unknown"),
    pytest.param(
        {"criterium": ["99999999999999999999999"]}, "bestaan niet (meer)", id="criterion-huge"
    ),
    pytest.param(
        {"criterium": ["²"]},
        "zijn ongeldig",
        id="criterion-superscript-digit",
    ),
    pytest.param(
        {"evidence": "javascript:alert(document.cookie)"},
        "Bewijs regel 1: geef een webadres dat begint met http:// of https://",
        id="evidence-javascript",
    ),
    pytest.param(
        {"evidence": "https://ok.nl\nKlik hier | JavaScript:alert(1)"},
        "Bewijs regel 2",
        id="evidence-javascript-with-title",
    ),
    pytest.param({"evidence": "Map | ftp://example.nl/x"}, "http:// of https://", id="ftp"),
    pytest.param(
        {"evidence": "https://example.nl/" + TOO_LONG}, "Bewijs regel 1 is te lang.", id="10kB-url"
    ),
    pytest.param({"evidence": "x" * 20_001}, "niet langer zijn dan 20000", id="20kB-evidence"),
    pytest.param({"note": TOO_LONG}, "Veld mag niet langer zijn dan 5000 karakters.", id="note"),
]


@pytest.mark.parametrize(("overrides", "message"), BAD_ASSESSMENTS)
def test_bad_assessment_is_refused(shared_app, manager, overrides, message):
    before = row_counts(shared_app)
    data = assessment_data(shared_app, **overrides)
    response = manager.post("/themas/vsv/beoordelen", data=data)
    assert response.status_code == 200
    assert message in error_summary(response)
    assert row_counts(shared_app) == before


def test_bad_assessment_keeps_what_was_typed(shared_app, manager):
    data = assessment_data(
        shared_app, assessed_on="2025-09-30", note="Mijn toelichting", criterium=[]
    )
    page = manager.post("/themas/vsv/beoordelen", data=data).get_data(as_text=True)
    assert 'value="2025-09-30"' in page
    assert "Mijn toelichting" in page


BAD_TARGETS = [
    pytest.param({"level": "abc"}, "Ongeldige keuze", id="level-abc"),
    pytest.param({"level": "9"}, "Ongeldige keuze", id="level-9"),
    pytest.param({"level": "-1"}, "Ongeldige keuze", id="level-minus-1"),
    pytest.param({"level": ""}, "Ongeldige keuze", id="no-level"),
    pytest.param({"target_date": ""}, "Vul een datum in als jjjj-mm-dd.", id="no-date"),
    pytest.param({"target_date": "2030-13-01"}, "Ongeldige datum", id="month-13"),
    pytest.param({"target_date": TOO_LONG}, "Ongeldige datum", id="10kB-date"),
    pytest.param(
        {"target_date": (TODAY - dt.timedelta(days=1)).isoformat()},
        "Een doel ligt vandaag of in de toekomst.",
        id="past",
    ),
    pytest.param(
        {"target_date": (TODAY + dt.timedelta(days=365 * 16)).isoformat()},
        "Kies een doeldatum binnen vijftien jaar.",
        id="too-far",
    ),
]


@pytest.mark.parametrize(("overrides", "message"), BAD_TARGETS)
def test_bad_target_is_refused(shared_app, manager, overrides, message):
    before = row_counts(shared_app)
    response = manager.post("/themas/vsv/doel", data=TARGET_DATA | overrides)
    assert response.status_code == 200
    assert message in error_summary(response)
    assert row_counts(shared_app) == before


BAD_THEMES = [
    pytest.param({"code": ""}, "Geef een code.", id="no-code"),
    pytest.param({"code": "Met Spatie"}, "Gebruik kleine letters", id="code-with-space"),
    pytest.param({"code": "<script>"}, "Gebruik kleine letters", id="code-script"),
    pytest.param({"code": "a" * 40}, "niet langer zijn dan 32", id="code-too-long"),
    pytest.param({"code": "nieuw"}, "De code nieuw is gereserveerd", id="code-nieuw"),
    pytest.param({"code": "ladder"}, "De code ladder is gereserveerd", id="code-ladder"),
    pytest.param({"code": "export.csv"}, "is gereserveerd", id="code-export"),
    pytest.param({"code": "vsv"}, "De code vsv is al in gebruik.", id="code-taken"),
    pytest.param({"name": ""}, "Geef het thema een naam.", id="no-name"),
    pytest.param({"name": "   "}, "Geef het thema een naam.", id="blank-name"),
    pytest.param({"name": TOO_LONG}, "niet langer zijn dan 160", id="10kB-name"),
    pytest.param({"domain": "Onbekend"}, "Ongeldige keuze", id="unknown-domain"),
    pytest.param({"owner_team_id": "abc"}, "Ongeldige keuze", id="owner-abc"),
    pytest.param({"owner_team_id": "999"}, "Ongeldige keuze", id="owner-unknown"),
    pytest.param({"description": TOO_LONG}, "niet langer zijn dan 5000", id="10kB-description"),
]


@pytest.mark.parametrize(("overrides", "message"), BAD_THEMES)
def test_bad_new_theme_is_refused(shared_app, manager, overrides, message):
    before = row_counts(shared_app)
    response = manager.post("/themas/nieuw", data=THEME_DATA | overrides)
    assert response.status_code == 200
    assert message in error_summary(response)
    assert row_counts(shared_app) == before


def test_bad_theme_edit_changes_nothing(app, client, login, vsv):
    with app.app_context():
        make_theme("armoede", "Armoede")
    login("programmamanager")
    data = THEME_DATA | {"code": "armoede", "name": "Overgenomen"}
    response = client.post("/themas/vsv/bewerken", data=data)
    assert response.status_code == 200
    assert "De code armoede is al in gebruik." in error_summary(response)
    with app.app_context():
        assert services.get_theme("vsv").name == "Vroegtijdig schoolverlaten"
        assert services.get_theme("armoede").name == "Armoede"


BAD_ANALYSES = [
    pytest.param({"name": ""}, "Geef de analyse een naam.", id="no-name"),
    pytest.param({"name": TOO_LONG}, "niet langer zijn dan 200", id="10kB-name"),
    pytest.param({"level": "abc"}, "Ongeldige keuze", id="level-abc"),
    pytest.param({"level": "7"}, "Ongeldige keuze", id="level-7"),
    pytest.param({"status": "weg"}, "Ongeldige keuze", id="unknown-status"),
    pytest.param({"data_sources": TOO_LONG}, "niet langer zijn dan 2000", id="10kB-sources"),
    pytest.param({"description": TOO_LONG}, "niet langer zijn dan 5000", id="10kB-description"),
]


@pytest.mark.parametrize(("overrides", "message"), BAD_ANALYSES)
def test_bad_analysis_is_refused(shared_app, manager, overrides, message):
    analysis_id = ids(shared_app, Analysis)[0]
    before = row_counts(shared_app)
    for path in ("/themas/vsv/analyses/nieuw", f"/themas/vsv/analyses/{analysis_id}"):
        response = manager.post(path, data=ANALYSIS_DATA | overrides)
        assert response.status_code == 200, path
        assert message in error_summary(response), path
    assert row_counts(shared_app) == before
    with shared_app.app_context():
        assert db.session.get(Analysis, analysis_id).name == "Monitor vsv"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(
            "",
            "Beschrijf het criterium.",
            id="empty",
        ),
        pytest.param(TOO_LONG, "niet langer zijn dan 300", id="10kB"),
    ],
)
def test_bad_criterion_is_refused(shared_app, manager, text, message):
    before = row_counts(shared_app)
    response = manager.post("/themas/ladder/1/criteria", data={"text": text}, follow_redirects=True)
    assert message in html.unescape(response.get_data(as_text=True))
    assert row_counts(shared_app) == before


HOSTILE = '<script>alert("xss")</script>'
HOSTILE_IMG = "<img src=x onerror=alert(1)>"


def test_hostile_strings_are_shown_escaped(app, client, login):
    login("programmamanager")
    data = THEME_DATA | {"code": "kwaad", "name": HOSTILE, "description": HOSTILE_IMG}
    assert client.post("/themas/nieuw", data=data).status_code == 302
    evidence = f"{HOSTILE_IMG} | https://example.nl/?q=<b>"
    data = assessment_data(app, note=HOSTILE, evidence=evidence)
    assert client.post("/themas/kwaad/beoordelen", data=data).status_code == 302
    data = ANALYSIS_DATA | {"name": HOSTILE, "data_sources": HOSTILE_IMG}
    assert client.post("/themas/kwaad/analyses/nieuw", data=data).status_code == 302

    for path in ("/themas/kwaad", "/themas", "/themas/kwaad/beoordelen"):
        page = client.get(path).get_data(as_text=True)
        assert "<script>alert" not in page, path
        assert "<img src=x" not in page, path
        assert "&lt;script&gt;alert(" in page, path
    page = client.get("/themas/kwaad").get_data(as_text=True)
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_unknown_theme_is_404(manager):
    client = manager
    for path in (
        "/themas/bestaat-niet",
        "/themas/bestaat-niet/bewerken",
        "/themas/bestaat-niet/beoordelen",
        "/themas/bestaat-niet/doel",
        "/themas/bestaat-niet/analyses/nieuw",
        "/themas/bestaat-niet/analyses/1",
        "/themas/bestaat-niet/export.csv",
        "/themas/bestaat-niet/export.xlsx",
        "/themas/bestaat-niet/grafiek.svg",
        "/themas/%3Cscript%3E",
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "Pagina niet gevonden" in response.get_data(as_text=True)
    assert client.post("/themas/bestaat-niet/archiveren").status_code == 404
    assert client.post("/themas/bestaat-niet/beoordelen", data={}).status_code == 404


def test_non_numeric_and_unknown_ids_are_404(app, client, login, vsv, analysis_id):
    with app.app_context():
        other = make_theme("armoede")
        foreign = services.save_analysis(other, None, name="X", level=1, status="in_gebruik").id
    login("programmamanager")
    before = row_counts(app)
    for method, path in (
        ("GET", "/themas/vsv/analyses/abc"),
        ("GET", "/themas/vsv/analyses/99999"),
        ("GET", f"/themas/vsv/analyses/{foreign}"),  # belongs to another theme
        ("GET", "/themas/ladder/criteria/abc"),
        ("GET", "/themas/ladder/criteria/99999"),
        ("POST", "/themas/ladder/abc/criteria"),
        ("POST", "/themas/ladder/9/criteria"),
        ("POST", "/themas/vsv/analyses/abc/verwijderen"),
        ("POST", f"/themas/vsv/analyses/{foreign}/verwijderen"),
        ("GET", "/themas/grafieken/bestaat-niet.svg"),
        ("GET", "/themas/export.pdf"),
        ("GET", "/themas/vsv/export.pdf"),
    ):
        data = {"text": "Nieuw criterium"} if method == "POST" else None
        response = client.open(path, method=method, data=data)
        assert response.status_code == 404, f"{method} {path}"
    assert row_counts(app) == before


# --- the portfolio page -----------------------------------------------------------------------


@pytest.fixture
def two_themes(app, vsv):
    with app.app_context():
        db.session.add(Team(name="Team Sociaal", description=""))
        db.session.commit()
        make_theme("armoede", "Armoede", "Sociaal domein", owner="Team Sociaal")


def _listed(response) -> list[str]:
    """Theme codes in the portfolio table, in order."""
    table = response.get_data(as_text=True).split('class="data-table portfolio"')[1]
    return re.findall(r'<a href="/themas/([^"/]+)">', table.split("</table>")[0])


def test_portfolio_lists_live_themes(client, login, two_themes):
    login("medewerker")
    response = client.get("/themas")
    assert _listed(response) == ["armoede", "vsv"]
    assert "2 van 2 thema" in response.get_data(as_text=True)


PORTFOLIO_QUERIES = [
    ("domein=Sociaal+domein", ["armoede"]),
    ("domein=Onbekend", []),
    ("niveau=1", ["vsv"]),
    ("niveau=-1", ["armoede"]),
    ("eigenaar=Team+Test", ["vsv"]),
    ("achter=1", []),
    ("domein=Onderwijs&niveau=-1", []),
    ("sorteer=niveau&richting=af", ["vsv", "armoede"]),
    ("sorteer=naam&richting=af", ["vsv", "armoede"]),
    ("sorteer=naam&richting=op", ["armoede", "vsv"]),
    ("sorteer=xyz&richting=zz&achter=ja", ["armoede", "vsv"]),  # unknown sort: by name
    (f"domein={'x' * 10_000}", []),
]


def test_portfolio_filters_and_sorts_from_the_query_string(client, login, two_themes):
    # One loop instead of a parametrised test: each case needs the same app and login.
    login("medewerker")
    for query, codes in PORTFOLIO_QUERIES:
        response = client.get(f"/themas?{query}")
        assert response.status_code == 200, query[:80]
        assert _listed(response) == codes, query[:80]
        assert "niet herkend" not in response.get_data(as_text=True), query[:80]


def test_portfolio_query_string_garbage_gives_a_notice(client, login, two_themes):
    login("medewerker")
    for query in (
        "niveau=abc&sorteer=xyz&richting=zz",
        "niveau=7",
        "niveau=1.0",
        "niveau=%00",
        "niveau=" + "9" * 5000,
    ):
        response = client.get(f"/themas?{query}")
        assert response.status_code == 200, query[:80]
        page = response.get_data(as_text=True)
        assert "Het filter op niveau is niet herkend en genegeerd." in page, query[:80]
        assert _listed(response) == ["armoede", "vsv"], query[:80]  # unfiltered, by name


def test_archived_theme_leaves_the_portfolio_but_its_page_works(app, client, login, two_themes):
    login("programmamanager")
    response = client.post("/themas/vsv/archiveren")
    assert response.headers["Location"] == "/themas/vsv"
    assert _listed(client.get("/themas")) == ["armoede"]
    page = client.get("/themas/vsv").get_data(as_text=True)
    assert "Dit thema is gearchiveerd" in page
    assert "1 Beschrijvend" in page  # its history is still there
    assert client.get("/themas/vsv/export.csv").status_code == 200
    client.post("/themas/vsv/archiveren")  # and back
    assert _listed(client.get("/themas")) == ["armoede", "vsv"]


def test_portfolio_follows_a_renamed_owner_team(app, client, login, vsv):
    login("admin")
    assert "Team Test" in client.get("/themas").get_data(as_text=True)  # fills the caches
    with app.app_context():
        team_id = ids(app, Team)[0]
    response = client.post(f"/beheer/teams/{team_id}", data={"name": "Team Onderzoek"})
    assert response.status_code == 302
    client.get("/beheer/teams")  # show the flash message here, not on the portfolio
    page = client.get("/themas").get_data(as_text=True)
    assert "Team Test" not in page
    assert "Team Onderzoek" in page
    assert _listed(client.get("/themas?eigenaar=Team+Onderzoek")) == ["vsv"]


def test_theme_page_shows_level_next_step_and_open_criteria(app, client, login, vsv):
    login("medewerker")
    page = html.unescape(client.get("/themas/vsv").get_data(as_text=True))
    assert "Vroegtijdig schoolverlaten" in page
    assert "2025-08-01" in page and "2025-02-01" in page  # both assessments in the history
    assert "Wat is nodig voor de volgende stap?" in page
    with app.app_context():
        open_texts = [db.session.get(LevelCriterion, i).text for i in criteria_ids([2])]
    for text in open_texts:
        assert f"2 Diagnosticerend: {text}" in page
    assert "https://example.nl/monitor" in page
    assert "Monitor vsv" in page


def test_targets_behind_are_flagged_on_the_portfolio(app, client, login, vsv):
    with app.app_context():
        theme = services.get_theme("vsv")
        db.session.add(
            Target(theme=theme, level_number=3, target_date=TODAY - dt.timedelta(days=10))
        )
        db.session.commit()
    login("medewerker")
    response = client.get("/themas?achter=1")
    assert _listed(response) == ["vsv"]
    assert "achter op doel" in response.get_data(as_text=True)


def test_theme_model_is_untouched_by_reads(app, client, login, vsv):
    with app.app_context():
        before = db.session.scalar(select(Theme.updated_at).where(Theme.code == "vsv"))
    login("medewerker")
    client.get("/themas/vsv")
    client.get("/themas")
    with app.app_context():
        assert db.session.scalar(select(Theme.updated_at).where(Theme.code == "vsv")) == before
