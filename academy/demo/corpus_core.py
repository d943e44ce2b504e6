"""Hand-written core of the practice corpus.

Training exercises point at these documents by key, so their keys, titles and the facts listed in
CORE_FACTS must stay stable. The generator in `academy.demo.corpus` puts them first and fills the
rest of the corpus around them. The document type lives here rather than in `corpus.py` so that
the generator can import the core without an import cycle.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

DOCTYPES: tuple[str, ...] = (
    "onderzoek",
    "factsheet",
    "nota",
    "raadsvoorstel",
    "monitor",
    "evaluatie",
    "jaarverslag",
)


@dataclass(frozen=True)
class CorpusDocument:
    """One practice document; plain data so the seed command and the benchmark can share it."""

    key: str
    title: str
    summary: str
    body: str
    doctype: str
    theme: str
    year: int
    published: dt.date
    department: str
    author: str
    source: str


def _doc(
    key: str,
    title: str,
    summary: str,
    body: str,
    *,
    doctype: str,
    theme: str,
    published: dt.date,
    department: str,
    author: str,
    source: str,
) -> CorpusDocument:
    """Build a core document; the year always follows the publication date."""
    return CorpusDocument(
        key=key,
        title=title,
        summary=summary,
        body=_paragraphs(body),
        doctype=doctype,
        theme=theme,
        year=published.year,
        published=published,
        department=department,
        author=author,
        source=source,
    )


def _paragraphs(text: str) -> str:
    """Normalise a triple-quoted text: trim lines, keep blank lines between paragraphs."""
    blocks = [block.strip() for block in text.strip().split("\n\n")]
    return "\n\n".join(
        "\n".join(line.strip() for line in block.splitlines()) for block in blocks if block
    )


_MO = "Maatschappelijke Ontwikkeling"
_RW = "Ruimte en Wonen"
_WI = "Werk en Inkomen"
_VH = "Veiligheid en Handhaving"
_OR = "Openbare Ruimte"
_EC = "Economie en Cultuur"
_OS = "Onderzoek en Statistiek"
_BD = "Bestuur en Dienstverlening"

# ---------------------------------------------------------------------------------------------
# Vroegtijdig schoolverlaten
# ---------------------------------------------------------------------------------------------

_VSV_ONDERZOEK_2019 = _doc(
    "kern-vsv-onderzoek-2019",
    "Uitval in beeld: onderzoek naar vroegtijdig schoolverlaten in Lindewaard",
    "Onderzoek onder 4.312 leerlingen naar de achtergronden van vroegtijdig schoolverlaten. "
    "In het schooljaar 2017-2018 verliet 2,8% van de jongeren de school zonder startkwalificatie.",
    """
    Aanleiding
    De gemeenteraad vroeg in 2018 om een beter beeld van de jongeren die zonder startkwalificatie
    de school verlaten. Tot dan toe kende de gemeente alleen het jaarlijkse percentage uit de
    landelijke cijfers, maar niet de achtergronden: wie vallen uit, op welk moment en waarom?

    Onderzoeksvraag en aanpak
    De centrale vraag luidde: welke factoren in de schoolloopbaan en de thuissituatie voorspellen
    vroegtijdig schoolverlaten, en op welke momenten kan de gemeente het best ingrijpen? Het
    onderzoek volgde een cohort van 4.312 leerlingen die tussen 2013 en 2018 in het voortgezet
    onderwijs of het mbo zaten. Daarvoor zijn gegevens uit de RMC-registratie, het
    leerplichtregister en DUO gekoppeld en geanonimiseerd. Daarnaast zijn 26 jongeren en
    19 professionals van scholen, het RMC en de wijkteams geïnterviewd.

    Bevindingen
    In het schooljaar 2017-2018 verliet 2,8% van de jongeren tussen 12 en 23 jaar de school
    zonder startkwalificatie; landelijk was dat 2,0%. Twee op de drie vsv'ers vielen uit in het
    eerste jaar van een mbo-opleiding op niveau 1 of 2. De sterkste voorspeller bleek langdurig
    verzuim in de onderbouw van het voortgezet onderwijs: leerlingen met meer dan 16 uur
    ongeoorloofd verzuim per jaar vielen drie keer zo vaak uit. Een verkeerde studiekeuze,
    schulden en problemen thuis werden in de interviews het vaakst genoemd. In Oostereiland en de
    Vlinderbuurt lag het aandeel vsv'ers ruim boven het stedelijk gemiddelde.

    Conclusies en aanbevelingen
    Uitval is zelden een plotselinge beslissing; het is het eindpunt van een proces dat jaren
    eerder zichtbaar wordt. De onderzoekers bevelen aan om verzuim in de onderbouw eerder op te
    pakken, de overstap van vmbo naar mbo warm te begeleiden en de gegevens van leerplicht en RMC
    voortaan in één registratie bij te houden. Dit onderzoek geldt sindsdien als het
    basisonderzoek voor het vsv-beleid van de gemeente.
    """,
    doctype="onderzoek",
    theme="vsv",
    published=dt.date(2019, 5, 14),
    department=_OS,
    author="Onderzoeksbureau Noordzijde",
    source="S:/Beleid/Jeugd en Onderwijs/2019/onderzoek-vroegtijdig-schoolverlaten.pdf",
)

CORE_DOCUMENTS: tuple[CorpusDocument, ...] = (_VSV_ONDERZOEK_2019,)

CORE_FACTS: dict[str, str] = {
    "kern-vsv-onderzoek-2019": "4.312 leerlingen",
}
