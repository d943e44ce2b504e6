"""What the practice search records for the search gaps: the theme of each search, and
opening a document from the results (a click)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from academy.extensions import db
from academy.models import Document, DocumentOpen, QueryLog


@pytest.mark.parametrize(
    ("query_string", "theme"),
    [
        ("q=laadpalen&thema=vsv", "vsv"),  # the facet, even with no results
        ("q=thema:armoede+laadpalen", "armoede"),  # a field naming the theme
        ('q=thema:"Vroegtijdig schoolverlaten"+laadpalen', "vsv"),  # ... by its name
        ("q=schoolverlaters", "vsv"),  # what it found belongs to one theme
        ("q=laadpalen", None),  # nothing found, no theme named
    ],
)
def test_a_search_is_logged_with_its_theme(app, client, login, documents, query_string, theme):
    login("medewerker")
    assert client.get(f"/zoeken?{query_string}").status_code == 200
    with app.app_context():
        entry = db.session.scalars(select(QueryLog)).one()
        assert entry.theme_code == theme
        assert entry.query_key == entry.query.lower()


@pytest.mark.parametrize(
    ("back", "recorded"),
    [
        ("/zoeken?q=armoede", True),  # opened from the results of a search
        ("", False),  # a direct link: no search to credit
        ("/leren/pogingen/1", False),
        ("https://example.org/zoeken", False),
    ],
)
def test_opening_a_document_from_the_results_is_a_click(
    app, client, login, documents, back, recorded
):
    login("medewerker")
    with app.app_context():
        document_id = db.session.scalar(select(Document.id).where(Document.key == "kern-armoede"))
    assert client.get(f"/zoeken/documenten/{document_id}?terug={back}").status_code == 200
    with app.app_context():
        opens = db.session.scalars(select(DocumentOpen)).all()
        assert [(o.document_id, o.attempt_id) for o in opens] == (
            [(document_id, None)] if recorded else []
        )
