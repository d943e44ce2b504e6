"""Known-item search on a messy, real-world-like folder: every target in the top 3.

The folder (tests/documents/messy_files.py) is what made the first real import fail: laws as
README.md files with ``##Wet ...`` headings after a ``<meta>`` line and bodies full of links to
other laws, scans and Word files with names that say nothing, year folders and a sidecar.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from academy.documents.importer import import_folder
from academy.documents.indexing import search_index
from academy.extensions import db
from academy.models import Document
from search_module import SearchRequest
from tests.conftest import build_app
from tests.documents.messy_files import LAWS, build_messy_folder


@pytest.fixture(scope="module")
def messy(tmp_path_factory, password_hash):
    """One app with the messy folder imported (searching changes nothing)."""
    root = tmp_path_factory.mktemp("messy")
    items = build_messy_folder(root)
    builder = build_app(tmp_path_factory.mktemp("messy-app"), password_hash)
    app = next(builder)
    with app.app_context():
        summary = import_folder(root)
    yield app, items, summary
    builder.close()


def _sources(app, query: str, size: int = 10) -> list[str]:
    with app.app_context():
        result = search_index().search(SearchRequest(query=query, page_size=size))
        return [hit.source for hit in result.hits]


def _documents(app) -> dict[str, Document]:
    with app.app_context():
        rows = db.session.scalars(select(Document)).all()
        db.session.expunge_all()
        return {row.source: row for row in rows}


def test_the_folder_is_big_and_messy_enough(messy):
    _app, items, summary = messy
    assert len(items) >= 30
    assert summary.added >= 40
    assert dict(summary.failed) == {
        "diversen/begroting.xlsx": (
            "Excel-werkmap (.xlsx) wordt niet ondersteund; sla het op als PDF of .docx"
        ),
        "diversen/kapot.pdf": "onleesbare PDF",
        "diversen/leeg.txt": "leeg bestand",
        "diversen/programma.md": "geen tekst (binair bestand)",
    }


def test_every_known_item_is_in_the_top_3(messy):
    app, items, _summary = messy
    misses = {}
    for item in items:
        top = _sources(app, item.query, size=3)
        if item.target not in top:
            misses[item.query] = (item.target, top)
    assert misses == {}


def test_no_imported_document_is_called_readme_or_index(messy):
    app, _items, _summary = messy
    titles = {document.title.casefold() for document in _documents(app).values()}
    generic = {"readme", "index", "document1", "naamloos", "scan0001", "scan0002", "stuk1"}
    assert not titles & generic


@pytest.mark.parametrize(
    ("source", "title", "year", "doctype"),
    [
        ("wet/leerplichtwet/1969/BWBR0002628/README.md", "Leerplichtwet 1969", 1969, "wet"),
        (
            "wet/wet/van/31/oktober/1991/BWBR0005252/README.md",
            "Wet van 31 oktober 1991, houdende regelen betreffende de openbaarheid van bestuur",
            1991,
            "wet",
        ),
        ("fysiek/kademuren/Document1.docx", "Nota kademuren Oudegracht", None, "nota"),
        ("monitors/2022/scan0001.pdf", "Monitor armoede 2022", 2022, "monitor"),
        ("sport/2019/jaarverslag.pdf", "Jaarverslag sportaccommodaties 2019", 2019, "jaarverslag"),
        ("werk/jeugdwerkloosheid/index.html", "Factsheet jeugdwerkloosheid 2022", 2022,
         "factsheet"),
        ("belastingen/index.html", "Verordening afvalstoffenheffing 2020", 2020, "verordening"),
        ("visie/README.md", "Visie op de binnenstad 2030", 2030, "nota"),
        ("handboeken/inkoopbeleid/README.md", "Inkoopbeleid", None, "overig"),
        ("cultuur/monumenten.md", "Subsidieregeling monumenten", None, "regeling"),
        ("raad/2018/stuk1.pdf", "Motie ouderenhuisvesting", 2018, "raadsvoorstel"),
        ("raadsvoorstellen/2016/rv-0001/README.md", "Raadsvoorstel 1: begrotingswijziging", 2016,
         "raadsvoorstel"),
    ],
)  # fmt: skip
def test_titles_years_and_types_look_like_what_a_person_would_write(
    messy, source, title, year, doctype
):
    app, _items, _summary = messy
    document = _documents(app)[source]
    assert (document.title, document.year, document.doctype) == (title, year, doctype)


def test_link_targets_are_not_searchable(messy):
    """Every distractor links to every law by path; only the law itself has its name."""
    app, _items, _summary = messy
    for folder, _heading, _words in LAWS:
        name = folder.split("/")[1]  # archiefwet, leerplichtwet, ...
        if name in ("wet",):  # "wet/wet/...": the folder name is not the law's name
            continue
        hits = _sources(app, name, size=50)
        assert not [hit for hit in hits if hit.startswith("raadsvoorstellen/")], name
    assert _sources(app, "BWBR0007376") == []
    assert _sources(app, "readme") == []


def test_snippets_show_text_not_markdown(messy):
    app, _items, _summary = messy
    with app.app_context():
        result = search_index().search(SearchRequest(query="begrotingswijziging"))
    assert result.hits
    for hit in result.hits:
        snippet = "".join(part.text for part in hit.snippet_parts)
        assert "](" not in snippet and "README" not in snippet
