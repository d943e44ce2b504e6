"""A small world for findability: two themes, a handful of documents in the index, and one
key question per theme."""

from __future__ import annotations

import datetime as dt

import pytest
from flask import Flask

from academy.documents.indexing import rebuild_index
from academy.extensions import db
from academy.models import Document, KeyQuestion, Theme

DOCUMENTS = [
    ("armoede-monitor", "Armoedemonitor 2024", "monitor", "armoede", 2024,
     "Het aandeel huishoudens met een laag inkomen in Lindewaard is gestegen naar 9 procent."),
    ("armoede-nota", "Nota minimabeleid", "nota", "armoede", 2022,
     "Het minimabeleid van de gemeente: regelingen voor huishoudens met een laag inkomen."),
    ("vsv-monitor", "Monitor voortijdig schoolverlaten 2023", "monitor", "vsv", 2023,
     "Het percentage voortijdig schoolverlaters daalde naar 1,8 procent."),
    ("vsv-onderzoek", "Uitval in beeld", "onderzoek", "vsv", 2019,
     "Onderzoek naar jongeren zonder startkwalificatie en hun begeleiding."),
]  # fmt: skip


def add_document(key: str, title: str, doctype: str, theme: Theme, year: int, body: str) -> None:
    db.session.add(
        Document(
            key=key,
            title=title,
            doctype=doctype,
            theme=theme,
            year=year,
            published=dt.date(year, 6, 1),
            department="Onderzoek en Statistiek",
            body=body,
            summary=body[:80],
        )
    )


@pytest.fixture
def world(app: Flask) -> dict[str, int]:
    """Ids by name: themes ("armoede", "vsv"), documents by key, key questions ("kq-...")."""
    with app.app_context():
        themes = {
            "armoede": Theme(code="armoede", name="Armoede", domain="Sociaal domein"),
            "vsv": Theme(code="vsv", name="Voortijdig schoolverlaten", domain="Onderwijs"),
        }
        db.session.add_all(themes.values())
        for key, title, doctype, theme, year, body in DOCUMENTS:
            add_document(key, title, doctype, themes[theme], year, body)
        db.session.flush()
        docs = {d.key: d for d in db.session.scalars(db.select(Document))}
        armoede = KeyQuestion(
            theme=themes["armoede"],
            question="Hoeveel huishoudens hebben een laag inkomen?",
            queries=["armoedemonitor", "laag inkomen huishoudens"],
        )
        armoede.documents = [docs["armoede-monitor"]]
        vsv = KeyQuestion(
            theme=themes["vsv"],
            question="Wat is het percentage voortijdig schoolverlaters?",
            queries=["voortijdig schoolverlaten monitor"],
        )
        vsv.documents = [docs["vsv-monitor"]]
        db.session.add_all([armoede, vsv])
        db.session.commit()
        rebuild_index()
        ids = {key: d.id for key, d in docs.items()}
        ids.update({code: theme.id for code, theme in themes.items()})
        ids.update({"kq-armoede": armoede.id, "kq-vsv": vsv.id})
        return ids
