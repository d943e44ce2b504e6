"""POST /themas/{code}/beoordelingen: who may, what is stored, and every problem at once."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from academy.extensions import db
from academy.models import Assessment, LevelCriterion
from tests.api.conftest import assert_conforms

PATH = "/api/v1/themas/vsv/beoordelingen"
SPEC_PATH = "/themas/{code}/beoordelingen"


def statuses(level: int) -> dict[str, str]:
    return {str(n): "op_orde" if n <= level else "niet_gestart" for n in range(5)}


def criteria(app, levels: range) -> list[int]:
    with app.app_context():
        return list(
            db.session.scalars(
                select(LevelCriterion.id).where(
                    LevelCriterion.level_number.in_(list(levels)), LevelCriterion.active
                )
            )
        )


def count(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count(Assessment.id)))


@pytest.mark.parametrize("role", ["programmamanager", "admin"])
def test_programme_managers_record_an_assessment(app, api, openapi, role):
    body = {
        "beoordeeldOp": dt.date.today().isoformat(),
        "statussen": statuses(2),
        "criteriaVoldaan": criteria(app, range(3)),
        "bewijs": [
            {"titel": "Dashboard | wijken", "url": "https://example.nl/dashboard"},
            {"url": "https://example.nl/zonder-titel"},
        ],
        "toelichting": "Via de API",
    }
    response = api.post(PATH, role, json=body)
    assert response.status_code == 201
    assert_conforms(openapi, SPEC_PATH, "post", response)
    created = response.get_json()
    assert response.headers["Location"] == created["_links"]["self"]["href"]
    assert created["niveau"] == 2 and created["statussen"] == statuses(2)
    assert created["beoordelaar"] == role.title()
    assert created["bewijs"] == [
        {"titel": "Dashboard | wijken", "url": "https://example.nl/dashboard"},
        {"titel": "https://example.nl/zonder-titel", "url": "https://example.nl/zonder-titel"},
    ]
    # the new assessment is the theme's newest: the level is derived from it
    assert (
        api.get(response.headers["Location"].removeprefix("http://localhost")).get_json() == created
    )
    theme = api.get("/api/v1/themas/vsv").get_json()
    assert (theme["huidigNiveau"], theme["volgendeStap"], theme["trend"]) == (2, 3, "omhoog")
    assert theme["geschiedenis"][0]["beoordelingId"] == created["id"]


@pytest.mark.parametrize("role", ["medewerker", "trainer"])
def test_others_get_403_and_nothing_is_stored(app, api, openapi, role):
    before = count(app)
    body = {"beoordeeldOp": "2025-01-01", "statussen": statuses(-1)}
    response = api.post(PATH, role, json=body)
    assert response.status_code == 403
    assert_conforms(openapi, SPEC_PATH, "post", response)
    assert count(app) == before


def test_without_a_token_401(app, api, openapi):
    response = api.post(PATH, None, json={})
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert_conforms(openapi, SPEC_PATH, "post", response)


def test_every_validation_problem_is_listed_at_once(app, api, openapi):
    before = count(app)
    future = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    body = {
        "beoordeeldOp": future,
        "statussen": {**statuses(1), "4": "klaar", "9": "op_orde"},
        "criteriaVoldaan": [999999, "een", 999999],
        "bewijs": [
            {"titel": "Intranet", "url": "javascript:alert(1)"},
            "los",
            {"x": 1, "url": "ftp://a"},
        ],
        "toelichting": "x" * 5001,
        "kleur": "rood",
    }
    response = api.post(PATH, json=body)
    assert response.status_code == 400
    assert_conforms(openapi, SPEC_PATH, "post", response)
    problems = [(p["name"], p["reason"]) for p in response.get_json()["invalidParams"]]
    names = [name for name, _reason in problems]
    assert names.count("beoordeeldOp") == 1 and "toekomst" in dict(problems)["beoordeeldOp"]
    for name in (
        "kleur",
        "statussen.9",
        "statussen.4",
        "criteriaVoldaan[0]",
        "criteriaVoldaan[1]",
        "criteriaVoldaan[2]",
        "bewijs[0].url",
        "bewijs[1]",
        "bewijs[2].x",
        "bewijs[2].url",
        "toelichting",
    ):
        assert name in names, name
    assert count(app) == before


def test_op_orde_needs_every_criterion(app, api):
    body = {"beoordeeldOp": "2025-09-01", "statussen": statuses(1), "criteriaVoldaan": []}
    problems = api.post(PATH, json=body).get_json()["invalidParams"]
    assert [p["name"] for p in problems] == ["criteriaVoldaan", "criteriaVoldaan"]
    assert "Niveau 0 (Vinden)" in problems[0]["reason"]


@pytest.mark.parametrize(
    ("body", "names"),
    [
        ({}, ["beoordeeldOp", "statussen"]),
        ([], ["body"]),
        ({"beoordeeldOp": "1-2-2025", "statussen": []}, ["beoordeeldOp", "statussen"]),
        ({"beoordeeldOp": "2025-02-30", "statussen": statuses(-1)}, ["beoordeeldOp"]),
        ({"beoordeeldOp": "1999-12-31", "statussen": statuses(-1)}, ["beoordeeldOp"]),
        ({"beoordeeldOp": 20250101, "statussen": statuses(-1)}, ["beoordeeldOp"]),
        (
            {"beoordeeldOp": "2025-01-01", "statussen": {"0": "op_orde"}},
            ["statussen.1", "statussen.2", "statussen.3", "statussen.4"],
        ),
        (
            {"beoordeeldOp": "2025-01-01", "statussen": statuses(-1), "criteriaVoldaan": [True]},
            ["criteriaVoldaan[0]"],
        ),
        (
            {"beoordeeldOp": "2025-01-01", "statussen": statuses(-1), "criteriaVoldaan": [2**70]},
            ["criteriaVoldaan[0]"],
        ),
        ({"beoordeeldOp": "2025-01-01", "statussen": statuses(-1), "bewijs": {}}, ["bewijs"]),
        (
            {"beoordeeldOp": "2025-01-01", "statussen": statuses(-1), "toelichting": None},
            ["toelichting"],
        ),
        (
            {
                "beoordeeldOp": "2025-01-01",
                "statussen": statuses(-1),
                "bewijs": [{"titel": "a\nb", "url": "https://x.nl"}],
            },
            ["bewijs[0].titel"],
        ),
        (
            {
                "beoordeeldOp": "2025-01-01",
                "statussen": statuses(-1),
                "bewijs": [{"url": "https://x.nl/a b"}],
            },
            ["bewijs[0].url"],
        ),
    ],
)
def test_shape_problems(app, api, body, names):
    response = api.post(PATH, json=body)
    assert response.status_code == 400
    assert [p["name"] for p in response.get_json()["invalidParams"]] == names


def test_not_json_is_415_and_broken_json_400(app, api):
    form = api.post(PATH, data={"beoordeeldOp": "2025-01-01"})
    assert form.status_code == 415
    assert form.mimetype == "application/problem+json"
    broken = api.post(PATH, data="{niet: json", content_type="application/json")
    assert broken.status_code == 400
    assert broken.get_json()["invalidParams"] == [{"name": "body", "reason": "Geen geldige JSON."}]


def test_unknown_theme_is_404(app, api):
    body = {"beoordeeldOp": "2025-01-01", "statussen": statuses(-1)}
    assert api.post("/api/v1/themas/onbekend/beoordelingen", json=body).status_code == 404


def test_no_csrf_token_needed_with_a_bearer_token(csrf_app):
    """The API is CSRF-exempt because only the bearer token authenticates it."""
    from tests.api.conftest import seed

    data = seed(csrf_app)
    response = csrf_app.test_client().post(
        PATH,
        json={"beoordeeldOp": "2025-09-01", "statussen": statuses(-1)},
        headers={"Authorization": f"Bearer {data.tokens['programmamanager']}"},
    )
    assert response.status_code == 201


def test_messages_stay_dutch_when_the_browser_chose_english(app, api, login, client):
    """A token holder whose browser session is in English still gets the API in Dutch."""
    login("programmamanager")
    client.post("/taal", data={"taal": "en"})
    headers = {"Authorization": f"Bearer {api.tokens['programmamanager']}"}
    body = {"beoordeeldOp": "2999-01-01", "statussen": statuses(-1)}
    problem = client.post(PATH, json=body, headers=headers).get_json()
    assert "toekomst" in problem["invalidParams"][0]["reason"]
