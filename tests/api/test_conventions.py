"""The NL API Design Rules the issue names, asserted one by one."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from academy.api import API_VERSION
from academy.api.operations import OPERATIONS

# One readable GET path per operation, pointing at data the seed made.
GET_PATHS = [
    "/api/v1/themas",
    "/api/v1/themas/vsv",
    "/api/v1/themas/vsv/beoordelingen",
    "/api/v1/themas/vsv/analyses",
    "/api/v1/niveaus",
    "/api/v1/documenten?q=schoolverlaten",
    "/api/v1/modules",
    "/api/v1/modules/zoeken",
    "/api/v1/oefeningen",
    "/api/v1/oefeningen/feitvraag",
    "/api/v1/teams",
    "/api/v1/openapi.json",
]


def _walk(value: Any, path: str = ""):
    """Every (path, key, value) in a JSON document."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield path, key, item
            yield from _walk(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, f"{path}[{index}]")


# --- version in the path and in a header on every response ------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "role", "status"),
    [
        ("GET", "/api/v1/themas", "medewerker", 200),
        ("GET", "/api/v1/openapi.json", None, 200),
        ("GET", "/api/v1/themas?onbekend=1", "medewerker", 400),
        ("GET", "/api/v1/themas", None, 401),
        ("GET", "/api/v1/teams", "medewerker", 403),
        ("GET", "/api/v1/themas/bestaat-niet", "medewerker", 404),
        ("GET", "/api/v1/bestaat-niet", "medewerker", 404),
        ("GET", "/api/v2/themas", "medewerker", 404),
        ("DELETE", "/api/v1/themas", "medewerker", 405),
        ("OPTIONS", "/api/v1/themas", None, 200),
        ("HEAD", "/api/v1/themas", "medewerker", 200),
    ],
)
def test_every_response_carries_the_api_version(shared_api, method, path, role, status):
    response = shared_api.open(path, method, role)
    assert response.status_code == status
    assert response.headers["API-Version"] == API_VERSION == "1.0.0"


def test_version_is_semantic_and_its_major_is_in_the_path(openapi):
    major, _minor, _patch = (int(part) for part in openapi["info"]["version"].split("."))
    assert all(rule.startswith(f"/api/v{major}") for rule in [openapi["servers"][0]["url"]])


# --- names: plural kebab-case collections, camelCase query keys and fields --------------------


def test_paths_are_lowercase_kebab_case_and_collections_plural(openapi):
    for path in openapi["paths"]:
        for segment in path.strip("/").split("/"):
            if segment.startswith("{") or segment == "openapi.json":
                continue
            assert re.fullmatch(r"[a-z]+(-[a-z]+)*", segment), segment
    collections = {path.split("/")[1] for path in openapi["paths"] if path != "/openapi.json"}
    # Dutch plurals: thema's -> themas, niveaus, documenten, modules, oefeningen, teams, opdrachten
    assert collections == {
        "themas",
        "niveaus",
        "documenten",
        "modules",
        "oefeningen",
        "teams",
        "opdrachten",
    }


@pytest.mark.parametrize("path", GET_PATHS)
def test_response_fields_are_camel_case(shared_api, path):
    body = shared_api.get(path, "admin").get_json()
    if path.endswith("openapi.json"):
        return  # the document's own keys follow the OpenAPI specification
    for where, key, _value in _walk(body):
        if where.endswith(".statussen") or where.endswith(".expertFilters"):
            assert re.fullmatch(r"[0-9]|[a-z]+", key)  # level numbers, facet keys
            continue
        assert re.fullmatch(r"_?[a-z][a-zA-Z0-9]*", key), f"{where}.{key}"


def test_query_keys_are_camel_case(shared_api):
    assert shared_api.get("/api/v1/themas?pageSize=1").status_code == 200
    assert shared_api.get("/api/v1/themas?achterOpDoel=false").status_code == 200
    for spelling in ("page_size", "pagesize", "PageSize", "page-size"):
        problem = shared_api.get(f"/api/v1/themas?{spelling}=1").get_json()
        assert problem["status"] == 400
        assert problem["invalidParams"][0]["name"] == spelling


# --- no trailing slash: 404, never a redirect -------------------------------------------------


@pytest.mark.parametrize("path", [p.split("?")[0] for p in GET_PATHS] + ["/api/v1"])
def test_a_trailing_slash_is_a_404_problem(shared_api, path):
    response = shared_api.get(path + "/", "admin")
    assert response.status_code == 404
    assert response.mimetype == "application/problem+json"
    assert "Location" not in response.headers
    assert "schuine streep" in response.get_json()["detail"]


# --- 405 with Allow ---------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["PUT", "PATCH", "DELETE", "POST"])
@pytest.mark.parametrize("path", [p.split("?")[0] for p in GET_PATHS if "beoordelingen" not in p])
def test_other_methods_are_405_with_allow(shared_api, method, path):
    response = shared_api.open(path, method, "admin")
    assert response.status_code == 405
    assert response.mimetype == "application/problem+json"
    assert set(response.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    assert response.get_json()["status"] == 405


def test_405_allow_lists_post_where_post_exists(shared_api):
    response = shared_api.open("/api/v1/themas/vsv/beoordelingen", "DELETE", "admin")
    assert response.status_code == 405
    assert set(response.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS", "POST"}


def test_only_standard_methods_are_used():
    assert {op.method for op in OPERATIONS} <= {"get", "post", "put", "patch", "delete"}


# --- errors: problem+json, all problems at once -----------------------------------------------


def _assert_problem(response, status: int) -> dict:
    assert response.status_code == status
    assert response.mimetype == "application/problem+json"
    problem = response.get_json()
    assert problem["status"] == status
    assert problem["title"] and problem["detail"]
    assert problem["type"].startswith("http://localhost/api#probleem-")
    assert problem["instance"] == response.request.path
    return problem


def test_400_lists_every_invalid_parameter_at_once(shared_api):
    response = shared_api.get(
        "/api/v1/documenten?page=0&pageSize=500&sort=willekeurig&jaar=twintig&kleur=rood"
        "&q=" + "x" * 501
    )
    problem = _assert_problem(response, 400)
    reasons = {p["name"]: p["reason"] for p in problem["invalidParams"]}
    assert set(reasons) == {"page", "pageSize", "sort", "jaar", "kleur", "q"}
    assert "minstens 1" in reasons["page"]
    assert "hoogstens 100" in reasons["pageSize"]
    assert "relevantie, datum" in reasons["sort"]
    assert "Onbekende parameter" in reasons["kleur"]
    assert "6 parameters" in problem["detail"]


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("page=1&page=2", "page"),  # single-valued, given twice
        ("page=%D9%A1", "page"),  # an Arabic-Indic one: int() would take it
        ("page=1_0", "page"),
        ("page=%201", "page"),
        ("page=", "page"),
        ("pageSize=1e2", "pageSize"),
        ("page=99999999999999999999999", "page"),
        ("achterOpDoel=ja", "achterOpDoel"),
        ("niveau=5", "niveau"),
        ("niveau=-1", "niveau"),
    ],
)
def test_malformed_values_are_400_not_clipped(shared_api, query, name):
    problem = _assert_problem(shared_api.get(f"/api/v1/themas?{query}"), 400)
    assert [p["name"] for p in problem["invalidParams"]] == [name]


@pytest.mark.parametrize(
    ("path", "role", "status"),
    [
        ("/api/v1/themas", None, 401),
        ("/api/v1/teams", "medewerker", 403),
        ("/api/v1/themas/onbekend", "medewerker", 404),
        ("/api/v1/documenten/999999", "medewerker", 404),
        ("/api/v1/documenten/99999999999999999999999", "medewerker", 404),
        ("/api/v1/documenten/abc", "medewerker", 404),
        ("/api/v1/niets", None, 404),
        ("/api/niets", None, 404),
    ],
)
def test_errors_are_problem_json(shared_api, path, role, status):
    _assert_problem(shared_api.get(path, role), status)


def test_a_server_error_is_problem_json_too(shared_app, shared_api, monkeypatch, caplog):
    from academy.api import routes

    def broken(**_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(routes.maturity, "list_levels", broken)
    problem = _assert_problem(shared_api.get("/api/v1/niveaus"), 500)
    assert "boom" not in problem["detail"]  # internals stay in the log
    assert "boom" in caplog.text


def test_web_pages_keep_their_html_errors(shared_app):
    response = shared_app.test_client().get("/bestaat-niet")
    assert response.status_code == 404
    assert response.mimetype == "text/html"


# --- dates: ISO 8601, UTC --------------------------------------------------------------------

DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
DATETIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")
DATE_KEYS = {"laatstBeoordeeld", "datum", "beoordeeldOp", "gepubliceerdOp"}
DATETIME_KEYS = {"bijgewerktOp", "aangemaaktOp"}


@pytest.mark.parametrize("path", GET_PATHS[:-1] + ["/api/v1/documenten/1"])
def test_dates_are_iso_8601_and_times_utc_with_z(shared_api, path):
    body = shared_api.get(path, "admin").get_json()
    seen = 0
    for where, key, value in _walk(body):
        if value is None:
            continue
        if key in DATE_KEYS:
            assert DATE.fullmatch(value), f"{where}.{key}={value}"
            dt.date.fromisoformat(value)
            seen += 1
        elif key in DATETIME_KEYS:
            assert DATETIME.fullmatch(value), f"{where}.{key}={value}"
            parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
            assert parsed.utcoffset() == dt.timedelta(0)
            seen += 1
        elif isinstance(value, str):
            # no other field smuggles a date in another format
            assert not re.search(r"\d{1,2}[-/]\d{1,2}[-/]\d{4}|GMT", value), f"{where}.{key}"
    if not any(part in path for part in ("niveaus", "teams", "oefeningen")):
        assert seen, f"{path} shows no dates at all"


def test_times_are_converted_to_utc():
    from academy.api.schemas import iso_date, iso_datetime

    summer = dt.timezone(dt.timedelta(hours=2))  # Amsterdam in summer
    assert iso_datetime(dt.datetime(2025, 6, 1, 14, 30, tzinfo=summer)) == "2025-06-01T12:30:00Z"
    # SQLite hands back timezone-aware columns naive; the app stores them in UTC
    assert iso_datetime(dt.datetime(2025, 6, 1, 14, 30, 5, 999)) == "2025-06-01T14:30:05Z"
    assert iso_datetime(None) is None
    assert iso_date(dt.date(2025, 1, 2)) == "2025-01-02"


# --- paging: page/pageSize, links, totals, stable order ---------------------------------------


def test_paging_links_walk_the_whole_collection(shared_api):
    first = shared_api.get("/api/v1/niveaus?pageSize=2").get_json()
    assert (first["page"], first["pageSize"], first["total"], first["totalPages"]) == (1, 2, 5, 3)
    links = first["_links"]
    assert "prev" not in links
    assert links["self"]["href"] == "http://localhost/api/v1/niveaus?pageSize=2&page=1"
    assert links["first"]["href"] == links["self"]["href"]
    assert links["last"]["href"] == "http://localhost/api/v1/niveaus?pageSize=2&page=3"
    numbers, page = [], first
    while True:
        numbers += [level["nummer"] for level in page["niveaus"]]
        if "next" not in page["_links"]:
            break
        page = shared_api.get(
            page["_links"]["next"]["href"].removeprefix("http://localhost")
        ).get_json()
        assert page["_links"]["prev"]["href"].endswith(f"page={page['page'] - 1}")
    assert numbers == [0, 1, 2, 3, 4]
    assert page["_links"]["self"] == page["_links"]["last"]


def test_a_page_past_the_end_is_empty_with_links_back(shared_api):
    body = shared_api.get("/api/v1/niveaus?pageSize=2&page=9").get_json()
    assert body["niveaus"] == [] and body["total"] == 5
    assert body["_links"]["prev"]["href"].endswith("page=3")
    assert "next" not in body["_links"]


def test_links_keep_the_other_query_keys(shared_api):
    query = "q=schoolverlaten&type=monitor&type=onderzoek&pageSize=1"
    body = shared_api.get(f"/api/v1/documenten?{query}").get_json()
    assert body["total"] == 2
    assert body["_links"]["next"]["href"] == f"http://localhost/api/v1/documenten?{query}&page=2"


def test_page_size_default_and_maximum(shared_api, openapi):
    assert shared_api.get("/api/v1/themas").get_json()["pageSize"] == 20
    assert shared_api.get("/api/v1/documenten").get_json()["pageSize"] == 10
    assert shared_api.get("/api/v1/themas?pageSize=100").status_code == 200
    assert shared_api.get("/api/v1/themas?pageSize=101").status_code == 400
    for methods in openapi["paths"].values():
        for operation in methods.values():
            for param in operation["parameters"]:
                if param["name"] == "pageSize":
                    assert param["schema"]["maximum"] == 100


@pytest.mark.parametrize(
    ("path", "key", "sort_key"),
    [
        ("/api/v1/themas", "themas", lambda t: (t["naam"].lower(), t["code"])),
        ("/api/v1/niveaus", "niveaus", lambda n: n["nummer"]),
        (
            "/api/v1/themas/vsv/beoordelingen",
            "beoordelingen",
            lambda b: (dt.date.fromisoformat(b["beoordeeldOp"]), b["id"]),
        ),
    ],
)
def test_ordering_is_stable_and_documented(shared_api, path, key, sort_key):
    first = shared_api.get(path).get_json()[key]
    again = shared_api.get(path).get_json()[key]
    assert first == again
    descending = key == "beoordelingen"  # newest first
    assert first == sorted(first, key=sort_key, reverse=descending)


def test_search_pages_do_not_overlap(shared_api):
    seen: list[int] = []
    for page in (1, 2, 3, 4):
        body = shared_api.get(f"/api/v1/documenten?pageSize=1&page={page}").get_json()
        seen += [hit["id"] for hit in body["documenten"]]
    assert len(seen) == len(set(seen)) == 4
    again = [
        shared_api.get(f"/api/v1/documenten?pageSize=1&page={p}").get_json()["documenten"][0]["id"]
        for p in (1, 2, 3, 4)
    ]
    assert again == seen
