"""A small search log to aggregate: users, themes and helpers to add searches and opens."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from flask import Flask
from sqlalchemy import select

from academy.extensions import db
from academy.models import Document, DocumentOpen, QueryLog, Role, Theme, User
from tests.conftest import add_user

T0 = dt.datetime(2026, 6, 10, 10, 0, tzinfo=dt.UTC)
SEARCHERS = ("s.bakker", "d.yilmaz", "l.jansen")


@pytest.fixture
def world(app: Flask, password_hash: str) -> Iterator[dict[str, int]]:
    """Themes vsv and armoede, one document, three named colleagues; yields user ids."""
    with app.app_context():
        vsv = Theme(code="vsv", name="Vroegtijdig schoolverlaten", domain="Onderwijs")
        armoede = Theme(code="armoede", name="Armoede en schulden", domain="Sociaal domein")
        db.session.add_all([vsv, armoede])
        db.session.add(
            Document(
                key="d1", title="Monitor vsv", doctype="monitor", theme=vsv, year=2025, body="x"
            )
        )
        for username in SEARCHERS:
            add_user(username, (Role.EMPLOYEE,), password_hash)
        db.session.commit()
        ids = {u.username: u.id for u in db.session.scalars(select(User))}
        ids["document"] = db.session.scalar(select(Document.id)) or 0
    yield ids


Search = Callable[..., None]


@pytest.fixture
def search(app: Flask, world: dict[str, int]) -> Search:
    """Log one search: search("s.bakker", "armoede", seconds=0, results=3, ...)."""

    def _search(
        user: str,
        query: str,
        seconds: float = 0,
        results: int = 3,
        *,
        at: dt.datetime = T0,
        filters: dict[str, list[str]] | None = None,
        theme: str | None = None,
        kind: str = "search",
        page: int = 1,
        attempt_id: int | None = None,
    ) -> None:
        with app.app_context():
            entry = QueryLog(
                user_id=world[user] if user else None,
                query=query,
                filters=filters or {},
                result_count=results,
                kind=kind,
                page=page,
                attempt_id=attempt_id,
                created_at=at + dt.timedelta(seconds=seconds),
            )
            if theme is not None:
                entry.theme_code = theme
            db.session.add(entry)
            db.session.commit()

    return _search


@pytest.fixture
def open_document(app: Flask, world: dict[str, int]) -> Search:
    """Log that a user opened a document from a search, `seconds` after T0."""

    def _open(user: str, seconds: float, *, at: dt.datetime = T0) -> None:
        with app.app_context():
            db.session.add(
                DocumentOpen(
                    user_id=world[user],
                    document_id=world["document"],
                    created_at=at + dt.timedelta(seconds=seconds),
                )
            )
            db.session.commit()

    return _open
