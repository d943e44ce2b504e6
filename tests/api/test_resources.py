"""Contract tests: every resource for every role, checked against the OpenAPI document
(status, media type, headers, body schema), plus what each resource must say."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from tests.api.conftest import ROLES, assert_conforms

# (spec path, concrete path, roles that get 200; the others get 403)
EVERYONE = ROLES
TRAINING_LEADS = ("admin", "trainer", "programmamanager")
TRAINERS = ("admin", "trainer")
RESOURCES = [
    ("/themas", "/api/v1/themas", EVERYONE),
    ("/themas/{code}", "/api/v1/themas/vsv", EVERYONE),
    ("/themas/{code}/beoordelingen", "/api/v1/themas/vsv/beoordelingen", EVERYONE),
    ("/themas/{code}/analyses", "/api/v1/themas/vsv/analyses", EVERYONE),
    ("/themas/{code}/vindbaarheid", "/api/v1/themas/vsv/vindbaarheid", EVERYONE),
    ("/niveaus", "/api/v1/niveaus", EVERYONE),
    ("/documenten", "/api/v1/documenten?q=schoolverlaten", EVERYONE),
    ("/modules", "/api/v1/modules", EVERYONE),
    ("/modules/{slug}", "/api/v1/modules/zoeken", EVERYONE),
    ("/oefeningen", "/api/v1/oefeningen", EVERYONE),
    ("/oefeningen/{slug}", "/api/v1/oefeningen/feitvraag", EVERYONE),
    ("/teams", "/api/v1/teams", TRAINING_LEADS),
    ("/opdrachten", "/api/v1/opdrachten", TRAINERS),
    ("/openapi.json", "/api/v1/openapi.json", EVERYONE),
]


@pytest.mark.parametrize("role", [*ROLES, None], ids=lambda r: r or "anonymous")
@pytest.mark.parametrize(("spec_path", "path", "allowed"), RESOURCES, ids=[r[0] for r in RESOURCES])
def test_every_resource_for_every_role(shared_api, openapi, spec_path, path, allowed, role):
    response = shared_api.get(path, role)
    if spec_path == "/openapi.json":
        expected = 200
    elif role is None:
        expected = 401
    else:
        expected = 200 if role in allowed else 403
    assert response.status_code == expected
    assert_conforms(openapi, spec_path, "get", response)


@pytest.mark.parametrize("role", [*ROLES, None], ids=lambda r: r or "anonymous")
def test_parametrised_resources_for_every_role(shared_api, shared_data, openapi, role):
    """The paths with numeric ids, which the seed decides."""
    cases = [
        (
            "/themas/{code}/beoordelingen/{id}",
            f"/api/v1/themas/vsv/beoordelingen/{shared_data.assessment_ids[0]}",
            EVERYONE,
        ),
        (
            "/documenten/{id}",
            f"/api/v1/documenten/{shared_data.document_ids['vsv-2019']}",
            EVERYONE,
        ),
        ("/teams/{id}/voortgang", f"/api/v1/teams/{shared_data.team_id}/voortgang", TRAINING_LEADS),
    ]
    for spec_path, path, allowed in cases:
        response = shared_api.get(path, role)
        expected = 401 if role is None else 200 if role in allowed else 403
        assert response.status_code == expected, path
        assert_conforms(openapi, spec_path, "get", response)


# --- themes -----------------------------------------------------------------------------------


def test_themes_show_level_next_step_target_and_links(shared_api):
    body = shared_api.get("/api/v1/themas").get_json()
    assert [t["code"] for t in body["themas"]] == ["armoede", "vsv"]  # by name
    armoede, vsv = body["themas"]
    assert vsv["huidigNiveau"] == 1 and vsv["volgendeStap"] == 2
    assert vsv["doel"]["niveau"] == 3
    assert vsv["trend"] == "omhoog" and vsv["laatstBeoordeeld"] == "2025-08-01"
    assert vsv["statussen"] == {
        "0": "op_orde",
        "1": "op_orde",
        "2": "niet_gestart",
        "3": "niet_gestart",
        "4": "niet_gestart",
    }
    assert vsv["eigenaar"] == "Team Test"
    assert vsv["_links"]["self"]["href"] == "http://localhost/api/v1/themas/vsv"
    # never assessed: no level yet, level 0 is the next step
    assert armoede["huidigNiveau"] is None and armoede["volgendeStap"] == 0
    assert armoede["trend"] is None and armoede["doel"] is None and armoede["eigenaar"] is None


@pytest.mark.parametrize(
    ("query", "codes"),
    [
        ("domein=Onderwijs", ["vsv"]),
        ("niveau=1", ["vsv"]),
        ("niveau=0", []),
        ("achterOpDoel=true", []),
        ("achterOpDoel=false", ["armoede", "vsv"]),
        ("pageSize=1&page=2", ["vsv"]),
    ],
)
def test_theme_filters(shared_api, query, codes):
    body = shared_api.get(f"/api/v1/themas?{query}").get_json()
    assert [t["code"] for t in body["themas"]] == codes


def test_archived_themes_only_on_request(app, api):
    from academy.extensions import db
    from academy.maturity import services

    with app.app_context():
        services.set_archived(services.get_theme("armoede"), True)
        db.session.commit()
    assert [t["code"] for t in api.get("/api/v1/themas").get_json()["themas"]] == ["vsv"]
    body = api.get("/api/v1/themas?inclusiefGearchiveerd=true").get_json()
    assert [(t["code"], t["gearchiveerd"]) for t in body["themas"]] == [
        ("armoede", True),
        ("vsv", False),
    ]
    assert api.get("/api/v1/themas/armoede").status_code == 200  # as on the web page


def test_theme_detail_has_levels_open_criteria_and_history(shared_api, shared_data):
    body = shared_api.get("/api/v1/themas/vsv").get_json()
    assert body["omschrijving"] == "Jongeren zonder startkwalificatie."
    assert [level["nummer"] for level in body["niveaus"]] == [0, 1, 2, 3, 4]
    assert all(c["voldaan"] for c in body["niveaus"][1]["criteria"])
    assert not any(c["voldaan"] for c in body["niveaus"][2]["criteria"])
    assert body["openCriteria"] and {c["niveau"] for c in body["openCriteria"]} == {2}
    history = body["geschiedenis"]
    assert [h["beoordelingId"] for h in history] == shared_data.assessment_ids[::-1]
    assert [(h["niveau"], h["verandering"]) for h in history] == [(1, 1), (0, None)]


def test_assessments_list_newest_first_with_evidence(shared_api, shared_data):
    body = shared_api.get("/api/v1/themas/vsv/beoordelingen").get_json()
    newest = body["beoordelingen"][0]
    assert newest["id"] == shared_data.assessment_ids[-1]
    assert newest["niveau"] == 1 and newest["toelichting"] == "Niveau 1"
    assert newest["bewijs"] == [{"titel": "Monitor", "url": "https://example.nl/monitor"}]
    assert newest["beoordelaar"] is None
    assert newest["criteriaVoldaan"] == sorted(newest["criteriaVoldaan"])
    assert newest["aangemaaktOp"].endswith("Z")


def test_an_assessment_of_another_theme_is_not_found(app, api, data):
    from academy.maturity import services

    with app.app_context():
        services.save_theme(None, code="wonen", name="Wonen", domain="Fysiek", owner_team_id=None)
    assessment = data.assessment_ids[0]
    assert api.get(f"/api/v1/themas/vsv/beoordelingen/{assessment}").status_code == 200
    assert api.get(f"/api/v1/themas/wonen/beoordelingen/{assessment}").status_code == 404


def test_analyses_and_ladder(shared_api):
    analyses = shared_api.get("/api/v1/themas/vsv/analyses").get_json()["analyses"]
    assert [(a["naam"], a["niveau"], a["status"]) for a in analyses] == [
        ("Monitor vsv", 1, "in_gebruik")
    ]
    levels = shared_api.get("/api/v1/niveaus").get_json()["niveaus"]
    assert [level["naam"] for level in levels][0] == "Vinden"
    assert all(level["criteria"] for level in levels)
    positions = [c["positie"] for c in levels[0]["criteria"]]
    assert positions == sorted(positions)


# --- documents --------------------------------------------------------------------------------


def test_search_gives_plain_text_with_marked_parts(shared_api, shared_data):
    body = shared_api.get("/api/v1/documenten?q=dankzij").get_json()
    assert body["total"] == 1
    hit = body["documenten"][0]
    assert hit["id"] == shared_data.document_ids["vsv-2019"]
    # the body's "<b>" is text, never markup: no HTML in the JSON at all
    assert "<b>dankzij</b>" in hit["snippet"]
    assert "<mark>" not in hit["snippet"] and "&lt;" not in hit["snippet"]
    assert "".join(part["tekst"] for part in hit["snippetDelen"]) == hit["snippet"]
    assert {"tekst": "dankzij", "gemarkeerd": True} in hit["snippetDelen"]
    assert hit["thema"] == {"code": "vsv", "naam": "Vroegtijdig schoolverlaten"}
    assert hit["_links"]["self"]["href"].endswith(f"/api/v1/documenten/{hit['id']}")


def test_search_filters_and_facets(shared_api):
    body = shared_api.get("/api/v1/documenten?q=schoolverlaten&jaar=2024&jaar=2019").get_json()
    assert {hit["jaar"] for hit in body["documenten"]} == {2019, 2024}
    years = {f["waarde"]: f for f in body["facetten"]["jaar"]}
    assert years["2024"]["geselecteerd"] and years["2019"]["geselecteerd"]
    assert years["2022"]["aantal"] == 1 and not years["2022"]["geselecteerd"]
    assert list(body["facetten"]) == ["afdeling", "jaar", "thema", "type"]  # sorted keys
    body = shared_api.get("/api/v1/documenten?afdeling=Onderwijs&sort=datum").get_json()
    assert [hit["jaar"] for hit in body["documenten"]] == [2024, 2022]
    assert body["sortering"] == "datum"
    assert body["begrepenAls"]


def test_search_is_logged_in_the_users_search_trail(app, api):
    from academy.extensions import db
    from academy.models import QueryLog, User

    api.get("/api/v1/documenten?q=armoede&type=monitor", "trainer")
    with app.app_context():
        entry = db.session.scalar(select(QueryLog).order_by(QueryLog.id.desc()))
        assert entry.query == "armoede" and entry.filters == {"type": ["monitor"]}
        assert entry.kind == "api"  # left out of the search gaps: no click can be seen
        assert db.session.get(User, entry.user_id).username == "trainer"


def test_a_bad_query_is_a_hint_not_an_error(shared_api):
    response = shared_api.get('/api/v1/documenten?q="open zin AND (')
    assert response.status_code == 200
    body = response.get_json()
    assert isinstance(body["total"], int)
    # worded by the academy from search_module's hint code, as on the practice page
    assert body["tips"] == [
        'Het aanhalingsteken (") is niet gesloten; de rest van de zoekvraag is als exacte '
        "woordgroep gelezen."
    ]


def test_document_detail(shared_api, shared_data):
    body = shared_api.get(f"/api/v1/documenten/{shared_data.document_ids['nota-2022']}").get_json()
    assert body["titel"] == "Nota onderwijshuisvesting"
    assert body["thema"] is None and body["jaar"] == 2022
    assert body["gepubliceerdOp"] == "2022-06-01"
    assert body["bron"] == "S:/Beleid/nota-2022.pdf"


# --- training ---------------------------------------------------------------------------------


ANSWER_KEYS = ("medewerker", False), ("programmamanager", False), ("trainer", True), ("admin", True)


@pytest.mark.parametrize(("role", "sees_key"), ANSWER_KEYS)
def test_answer_keys_only_for_trainers(shared_api, shared_data, role, sees_key):
    exercise = shared_api.get("/api/v1/oefeningen/feitvraag", role).get_json()
    assert ("antwoordsleutel" in exercise) is sees_key
    listed = shared_api.get("/api/v1/oefeningen", role).get_json()["oefeningen"]
    assert all(("antwoordsleutel" in e) is sees_key for e in listed)
    for path in ("/api/v1/oefeningen/feitvraag", "/api/v1/oefeningen"):
        text = shared_api.get(path, role).get_data(as_text=True)
        assert ("1,8%" in text) is sees_key  # the accepted answer, anywhere in the JSON
        assert ("Zoek op vroegtijdig" in text) is sees_key  # hints are part of the key
    module_text = shared_api.get("/api/v1/modules/zoeken", role).get_data(as_text=True)
    assert "1,8%" not in module_text  # the module lists exercises without their keys
    if sees_key:
        key = exercise["antwoordsleutel"]
        assert key["geaccepteerdeAntwoorden"] == ["1,8%", "1.8"]
        assert key["expertFilters"] == {"type": ["onderzoek"]}
        find_all = shared_api.get("/api/v1/oefeningen/alles-vinden", role).get_json()
        assert sorted(find_all["antwoordsleutel"]["sleuteldocumenten"]) == sorted(
            [shared_data.document_ids["vsv-monitor-2024"], shared_data.document_ids["armoede-2024"]]
        )


@pytest.mark.parametrize(("role", "sees_drafts"), ANSWER_KEYS)
def test_drafts_only_for_trainers(shared_api, role, sees_drafts):
    slugs = [m["slug"] for m in shared_api.get("/api/v1/modules", role).get_json()["modules"]]
    assert slugs == (["zoeken", "concept"] if sees_drafts else ["zoeken"])
    assert shared_api.get("/api/v1/modules/concept", role).status_code == (
        200 if sees_drafts else 404
    )
    exercise = shared_api.get("/api/v1/oefeningen/concept-oefening", role)
    assert exercise.status_code == (200 if sees_drafts else 404)


def test_module_detail_has_lessons_exercises_and_own_progress(shared_api):
    learner = shared_api.get("/api/v1/modules/zoeken", "medewerker").get_json()
    assert [lesson["slug"] for lesson in learner["lessen"]] == ["waarom"]
    assert [e["slug"] for e in learner["oefeningen"]] == ["feitvraag", "alles-vinden"]
    assert learner["doelen"] == ["Zoeken", "Filteren"]
    assert learner["mijnVoortgang"] == {
        "lessenGelezen": 1,
        "lessenTotaal": 1,
        "oefeningenGehaald": 1,
        "oefeningenTotaal": 2,
        "score": 0.5,
        "procent": 67,
        "afgerond": False,
    }
    trainer = shared_api.get("/api/v1/modules/zoeken", "trainer").get_json()
    assert trainer["mijnVoortgang"]["lessenGelezen"] == 0


def test_exercises_filter_by_module(shared_api):
    body = shared_api.get("/api/v1/oefeningen?module=zoeken", "trainer").get_json()
    assert [e["slug"] for e in body["oefeningen"]] == ["feitvraag", "alles-vinden"]
    assert shared_api.get("/api/v1/oefeningen?module=bestaat-niet").get_json()["total"] == 0


@pytest.mark.parametrize("role", ["trainer", "programmamanager", "admin"])
def test_team_progress_for_trainers_and_programme_managers(shared_api, shared_data, role):
    body = shared_api.get(f"/api/v1/teams/{shared_data.team_id}/voortgang", role).get_json()
    assert body["team"]["naam"] == "Team Test"
    members = {m["gebruikersnaam"]: m for m in body["leden"]}
    assert list(members) == sorted(members)
    (progress,) = members["medewerker"]["modules"]  # published modules only
    assert progress["module"] == "zoeken"
    assert (progress["lessenGelezen"], progress["oefeningenGehaald"]) == (1, 1)
    assert members["trainer"]["modules"][0]["procent"] == 0


def test_team_progress_is_forbidden_for_employees(shared_api, shared_data):
    response = shared_api.get(f"/api/v1/teams/{shared_data.team_id}/voortgang", "medewerker")
    assert response.status_code == 403
    assert response.mimetype == "application/problem+json"
    assert response.get_json()["title"] == "Geen toegang"
    assert "leden" not in response.get_data(as_text=True)


def test_inactive_members_are_left_out(app, api, data):
    from academy.extensions import db
    from academy.models import User

    with app.app_context():
        user = db.session.scalar(select(User).where(User.username == "medewerker"))
        user.active = False
        db.session.commit()
        count = db.session.scalar(select(func.count(User.id)).where(User.active))
    body = api.get(f"/api/v1/teams/{data.team_id}/voortgang", "trainer").get_json()
    assert body["total"] == count == 3
    assert "medewerker" not in [m["gebruikersnaam"] for m in body["leden"]]
    assert api.get("/api/v1/teams", "trainer").get_json()["teams"][0]["aantalLeden"] == 3


def test_unknown_team_is_404(shared_api):
    assert shared_api.get("/api/v1/teams/999/voortgang", "trainer").status_code == 404


def test_assignments_with_status_counts_for_trainers(app, api, data, openapi):
    import datetime as dt

    from academy.extensions import db
    from academy.models import Assignment, AssignmentTarget, Exercise, Module, User

    with app.app_context():
        module = Module(slug="api-opdracht", title="Opdracht via de API", published=True)
        module.exercises = [
            Exercise(slug="api-feit", kind="fact", title="Feit", accepted_answers=["42"])
        ]
        learner = db.session.scalar(select(User).where(User.username == "medewerker"))
        db.session.add(module)
        db.session.flush()
        db.session.add(
            Assignment(
                module_id=module.id,
                due_date=dt.date.today() - dt.timedelta(days=1),
                message="Graag afronden",
                targets=[AssignmentTarget(user_id=learner.id)],
            )
        )
        db.session.commit()
    response = api.get("/api/v1/opdrachten", "trainer")
    assert response.status_code == 200
    assert_conforms(openapi, "/opdrachten", "get", response)
    (item,) = [a for a in response.get_json()["opdrachten"] if a["werk"]["slug"] == "api-opdracht"]
    assert item["soort"] == "module"
    assert item["personen"] == ["medewerker"]
    assert item["bericht"] == "Graag afronden"
    assert item["aantallen"] == {"open": 0, "bezig": 0, "ingeleverd": 0, "voldaan": 0, "te_laat": 1}
    assert api.get("/api/v1/opdrachten", "medewerker").status_code == 403


def test_tips_and_reading_are_the_pages_dutch_sentences(app, api):
    """The API words search_module's codes with the page's wording; it speaks Dutch, also to
    a user who chose English for the pages."""
    from academy.extensions import db
    from academy.models import User

    query = {"q": "armoede AND jeugd* AND"}
    dutch = api.get("/api/v1/documenten", query_string=query).get_json()
    assert dutch["tips"] == ["AND zonder woord erachter is genegeerd."]
    assert dutch["begrepenAls"] == ('armoede EN jeugd* (jeugd* = woorden die beginnen met "jeugd")')
    with app.app_context():
        db.session.scalar(select(User).filter_by(username="medewerker")).locale = "en"
        db.session.commit()
    assert api.get("/api/v1/documenten", query_string=query).get_json() == dutch
