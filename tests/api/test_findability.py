"""GET /api/v1/themas/{code}/vindbaarheid: a theme's findability, validated against the
OpenAPI document before and after a scan (with a failing question)."""

from __future__ import annotations

from typing import Any

from flask import Flask

from academy.extensions import db
from academy.findability.scan import create_scan, execute_scan
from academy.maturity.services import get_theme
from academy.models import Document, KeyQuestion
from tests.api.conftest import ApiClient, ApiData, assert_conforms

PATH = "/themas/{code}/vindbaarheid"


def test_not_measured_yet(api: ApiClient, openapi: dict[str, Any]) -> None:
    response = api.get("/api/v1/themas/vsv/vindbaarheid")
    assert response.status_code == 200
    assert_conforms(openapi, PATH, "get", response)
    body = response.get_json()
    assert (body["vindbaar"], body["laatsteMeting"], body["historie"]) == (None, None, [])
    assert body["thema"] == {"code": "vsv", "naam": "Vroegtijdig schoolverlaten"}


def test_after_a_scan_with_a_failing_question(
    app: Flask, api: ApiClient, data: ApiData, openapi: dict[str, Any]
) -> None:
    with app.app_context():
        theme = get_theme("vsv")
        assert theme is not None
        found = KeyQuestion(theme=theme, question="Uitval in beeld", queries=["uitval in beeld"])
        found.documents = [db.session.get(Document, data.document_ids["vsv-2019"])]  # type: ignore[list-item]
        lost = KeyQuestion(
            theme=theme, question="Hoeveel kost het zwembad?", queries=["zwembad kosten"]
        )
        lost.documents = [db.session.get(Document, data.document_ids["vsv-2019"])]  # type: ignore[list-item]
        db.session.add_all([found, lost])
        db.session.commit()
        scan, _created = create_scan("manual")
        execute_scan(scan.id)
    response = api.get("/api/v1/themas/vsv/vindbaarheid")
    assert response.status_code == 200
    assert_conforms(openapi, PATH, "get", response)
    body = response.get_json()
    assert body["vindbaar"] == 0.5
    assert body["trend"] == "nieuw"
    assert body["laatsteMeting"]["sleutelvragen"] == 2
    assert len(body["historie"]) == 1
    (failing,) = body["nietVindbaar"]
    assert failing["vraag"] == "Hoeveel kost het zwembad?"
    first = failing["mislukteZoekvragen"][0]
    assert first["zoekvraag"] == "zwembad kosten" and first["slechtsteRang"] is None
    assert first["_links"]["probeer"]["href"].endswith("/zoeken?q=zwembad+kosten")


def test_unknown_theme_is_a_problem(api: ApiClient) -> None:
    response = api.get("/api/v1/themas/bestaat-niet/vindbaarheid")
    assert response.status_code == 404
    assert response.mimetype == "application/problem+json"
