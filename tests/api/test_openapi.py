"""The OpenAPI document: valid, public, complete, and the same API as the Flask routes."""

from __future__ import annotations

import re

import pytest
from openapi_spec_validator import validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

from academy.api import API_PREFIX
from academy.api.problems import PROBLEM_TYPES

AUTOMATIC = {"HEAD", "OPTIONS"}  # Flask answers these for every route itself


def test_document_is_valid_openapi(openapi):
    validate(openapi)  # raises on any violation of the OpenAPI 3.1 schema
    assert openapi["openapi"].startswith("3.1")


def test_validator_rejects_a_broken_document(openapi):
    """The check above has teeth: a response without a description is refused."""
    broken = {**openapi, "paths": {"/x": {"get": {"responses": {"200": {}}}}}}
    with pytest.raises(OpenAPIValidationError):
        validate(broken)


def test_document_is_public_with_cors_and_version(shared_app):
    response = shared_app.test_client().get("/api/v1/openapi.json")  # no token
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert response.headers["API-Version"] == "1.0.0"


def test_info_has_contact_version_and_bearer_security(openapi):
    info = openapi["info"]
    assert info["contact"]["name"] and info["contact"]["url"].startswith("http")
    assert info["version"] == "1.0.0"
    assert openapi["components"]["securitySchemes"]["bearerAuth"] == {
        "type": "http",
        "scheme": "bearer",
        "description": "Een persoonlijk API-token van /profiel.",
    }
    assert openapi["security"] == [{"bearerAuth": []}]
    assert openapi["servers"][0]["url"] == API_PREFIX
    assert openapi["paths"]["/openapi.json"]["get"]["security"] == []


def _flask_operations(app) -> set[tuple[str, str]]:
    operations = set()
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith(API_PREFIX + "/") and rule.rule != API_PREFIX:
            continue
        path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule.removeprefix(API_PREFIX))
        operations |= {(path, method) for method in rule.methods - AUTOMATIC}
    return operations


def _documented_operations(document) -> set[tuple[str, str]]:
    return {
        (path, method.upper()) for path, methods in document["paths"].items() for method in methods
    }


def test_every_route_is_documented_and_every_documented_route_exists(shared_app, openapi):
    routes = _flask_operations(shared_app)
    documented = _documented_operations(openapi)
    assert routes - documented == set(), "routes missing from the OpenAPI document"
    assert documented - routes == set(), "documented operations without a route"
    assert len(routes) >= 15


def test_path_parameters_match_the_routes(shared_app, openapi):
    for path, methods in openapi["paths"].items():
        in_path = set(re.findall(r"\{(\w+)\}", path))
        for method, operation in methods.items():
            declared = {p["name"] for p in operation["parameters"] if p["in"] == "path"}
            assert declared == in_path, f"{method} {path}"
    # integer path parameters use Flask's int converter, so "abc" never reaches a view
    for rule in shared_app.url_map.iter_rules():
        if rule.rule.startswith(API_PREFIX) and "{id}" in re.sub(
            r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule
        ):
            assert "<int:id>" in rule.rule


def test_every_operation_documents_its_errors(openapi):
    for path, methods in openapi["paths"].items():
        for method, operation in methods.items():
            responses = operation["responses"]
            assert "500" in responses, f"{method} {path}"
            if operation.get("security") != []:
                assert "401" in responses, f"{method} {path}"
            assert "400" in responses, f"{method} {path}"  # unknown query keys, at least
            if any(p["in"] == "path" for p in operation["parameters"]):
                assert "404" in responses, f"{method} {path}"
            success = [s for s in responses if s.startswith("2")]
            assert len(success) == 1
            assert "API-Version" in responses[success[0]]["headers"]
            assert operation["summary"] and operation["operationId"] and operation["tags"]


def test_query_parameters_are_camel_case_and_collections_are_paged(openapi):
    for path, methods in openapi["paths"].items():
        assert path == path.lower() or "{" in path, path  # lowercase kebab-case segments
        assert not path.endswith("/")
        for operation in methods.values():
            for param in operation["parameters"]:
                assert re.fullmatch(r"[a-z][a-zA-Z0-9]*", param["name"]), param["name"]
            names = {p["name"] for p in operation["parameters"] if p["in"] == "query"}
            ref = operation["responses"].get("200", {}).get("content", {})
            schema = ref.get("application/json", {}).get("schema", {}).get("$ref", "")
            if schema.endswith("Pagina") or schema.endswith("Zoekresultaat"):
                assert {"page", "pageSize"} <= names, path


def test_problem_responses_use_problem_json(openapi):
    for name, response in openapi["components"]["responses"].items():
        assert list(response["content"]) == ["application/problem+json"], name
    problem = openapi["components"]["schemas"]["Problem"]
    assert set(problem["required"]) == {"type", "title", "status", "detail", "instance"}
    assert "invalidParams" in problem["properties"]


def test_human_readable_page_lists_every_operation_and_links_the_document(shared_app, openapi):
    response = shared_app.test_client().get("/api")  # public, like the document
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert 'href="/api/v1/openapi.json"' in html
    for path, methods in openapi["paths"].items():
        for method in methods:
            assert f"{method.upper()} {API_PREFIX}{path}" in html
    for problem in PROBLEM_TYPES.values():
        assert f'id="probleem-{problem.slug}"' in html
    assert "<script" not in html.replace(
        '<script src="/static/js/academy.js" defer></script>', ""
    )  # no Swagger UI or CDN


def test_problem_types_point_at_the_page(shared_api):
    problem = shared_api.get("/api/v1/onbekend").get_json()
    assert problem["type"] == "http://localhost/api#probleem-niet-gevonden"
