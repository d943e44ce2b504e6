"""A small hand-made corpus, indexed once per test that asks for it (no Flask here)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from search_module import IndexedDocument, SearchIndex


def doc(doc_id: int, title: str, body: str, **fields: object) -> IndexedDocument:
    defaults: dict[str, object] = {
        "doctype": "nota",
        "theme": "bestuur",
        "theme_name": "Bestuur",
        "year": 2020,
        "department": "Concern",
        "published": datetime.date(2020, 6, 1),
    }
    defaults.update(fields)
    return IndexedDocument(doc_id=doc_id, title=title, body=body, **defaults)  # type: ignore[arg-type]


CORPUS: list[IndexedDocument] = [
    doc(
        1,
        "Armoede in Zaanstad",
        "Een onderzoek naar huishoudens met schulden en weinig inkomen.",
        doctype="onderzoek",
        theme="armoede",
        theme_name="Armoede en schulden",
        year=2019,
        department="Werk en Inkomen",
        published=datetime.date(2019, 3, 1),
    ),
    doc(
        2,
        "Factsheet jeugdzorg",
        "Cijfers over jeugdzorg en jeugdhulp per wijk. Armoede speelt mee "
        "bij een deel van de gezinnen.",
        doctype="factsheet",
        theme="jeugd",
        theme_name="Jeugdzorg",
        year=2021,
        department="Onderwijs en Jeugd",
        published=datetime.date(2021, 9, 15),
    ),
    doc(
        3,
        "Monitor woningbouw",
        "Het aantal woningen groeit. Nieuwe woning in elke wijk.",
        doctype="monitor",
        theme="wonen",
        theme_name="Wonen",
        year=2018,
        department="Ruimte",
        published=datetime.date(2018, 1, 10),
    ),
    doc(
        4,
        "Vroegtijdig schoolverlaten 2020",
        "Jongeren die vroegtijdig de school verlaten zonder "
        "startkwalificatie. Schoolverlaters krijgen begeleiding.",
        doctype="onderzoek",
        theme="vsv",
        theme_name="Vroegtijdig schoolverlaten",
        year=2020,
        department="Onderwijs en Jeugd",
        published=datetime.date(2020, 11, 2),
    ),
    doc(
        5,
        "Evaluatie schuldhulpverlening",
        "De schuldhulp werkt: minder armoede, minder schulden. "
        "Schoolverlaten werd niet onderzocht.",
        doctype="evaluatie",
        theme="armoede",
        theme_name="Armoede en schulden",
        year=2022,
        department="Werk en Inkomen",
        published=datetime.date(2022, 4, 20),
    ),
    doc(
        6,
        "Jaarverslag sport",
        "Sportverenigingen en beweging; jeugdsport groeit. Over armoede gaat dit verslag niet.",
        doctype="jaarverslag",
        theme="sport",
        theme_name="Sport",
        year=2017,
        department="Maatschappelijke Ontwikkeling",
        published=None,
    ),
    doc(
        7,
        "Raadsvoorstel <script>alert('x')</script> fietspaden",
        "Veilige fietspaden <script>alert(1)</script> & verkeer in Zaandam.",
        doctype="raadsvoorstel",
        theme="verkeer",
        theme_name="Verkeer en vervoer",
        year=2023,
        department="Ruimte",
        published=datetime.date(2023, 2, 1),
    ),
    doc(
        8,
        "Nota gemeenteraad over werkloosheid",
        "De gemeenteraad bespreekt werkloosheid en werklozen; de gemeente onderzoekt de oorzaken.",
        doctype="nota",
        theme="werk",
        theme_name="Werk",
        year=2016,
        department="Werk en Inkomen",
        published=datetime.date(2016, 5, 5),
    ),
]


@pytest.fixture
def corpus() -> list[IndexedDocument]:
    return list(CORPUS)


@pytest.fixture
def index(tmp_path: Path, corpus: list[IndexedDocument]) -> SearchIndex:
    """A fresh index of the hand-made corpus (in-process writer: faster for 8 documents)."""
    ix = SearchIndex(tmp_path / "index", build_procs=1)
    ix.rebuild(corpus)
    return ix
