import datetime as dt

import pytest

from academy.documents.indexing import rebuild_index
from academy.extensions import db
from academy.models import Document, Theme

DOCUMENTS = [
    (
        "kern-vsv",
        "Uitval in beeld: onderzoek naar vroegtijdig schoolverlaten",
        "onderzoek",
        "vsv",
        2019,
        "Onderzoek en Statistiek",
        "Het percentage vroegtijdig schoolverlaters daalde naar 1,8%. Jongeren zonder "
        "startkwalificatie krijgen begeleiding van het RMC.",
    ),
    (
        "kern-armoede",
        "Armoedemonitor 2024",
        "monitor",
        "armoede",
        2024,
        "Werk en Inkomen",
        "Het aandeel huishoudens met een laag inkomen is gestegen. Kinderen in armoede "
        "doen minder vaak mee aan sport.",
    ),
    (
        "kern-fundering",
        "Funderingsrisico's in de oude wijken",
        "onderzoek",
        "funderingen",
        2021,
        "Ruimte en Wonen",
        "Ongeveer 1.240 woningen lopen risico op funderingsschade door paalrot.",
    ),
    (
        "kern-script",
        "Veilige webformulieren",
        "nota",
        "vsv",
        2022,
        "Bestuur en Dienstverlening",
        "Een voorbeeld van onveilige invoer is <script>alert(1)</script> in een naamveld.",
    ),
]


@pytest.fixture
def documents(app):
    """A handful of documents in the database, and in the index (as the worker would)."""
    with app.app_context():
        themes = {
            code: Theme(code=code, name=name, domain="Onderwijs")
            for code, name in (
                ("vsv", "Vroegtijdig schoolverlaten"),
                ("armoede", "Armoede"),
                ("funderingen", "Funderingen"),
            )
        }
        db.session.add_all(themes.values())
        for key, title, doctype, theme, year, department, body in DOCUMENTS:
            db.session.add(
                Document(
                    key=key,
                    title=title,
                    doctype=doctype,
                    theme=themes[theme],
                    year=year,
                    published=dt.date(year, 6, 1),
                    department=department,
                    body=body,
                    summary=body[:80],
                    source=f"S:/Beleid/{key}.pdf",
                )
            )
        db.session.commit()
        rebuild_index()
        return {d.key: d.id for d in db.session.scalars(db.select(Document))}
