"""A folder of messy, real-world-like municipal documents with known-item queries.

Written for the findability test and reused by bench/import_bench.py (which adds thousands of
filler files). What makes it messy is what real shared drives and exported collections do:
every law is a ``README.md`` whose heading reads ``##Wet ...`` after a ``<meta>`` line and whose
body links to other laws by path; scans called ``scan0001.pdf`` in year folders; ``Document1.docx``
and ``naamloos.docx``; an ``index.html`` without ``<h1>``; a ``metadata.csv`` that names generic
files; and a few broken files. Deterministic for a given seed.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from pathlib import Path

from tests.documents.docfiles import pdf_bytes, write_docx

META = "<meta http-equiv='Content-Type' content='text/html; charset=utf-8' />\n\n"


@dataclass(frozen=True)
class KnownItem:
    """A question a user would type, and the one file that answers it."""

    query: str
    target: str  # path relative to the folder


# Laws: (folder, heading, words only this law uses). The folders hold the law's name, so
# any document linking to it has the name in a link target (never in its text).
LAWS: tuple[tuple[str, str, str], ...] = (
    ("wet/archiefwet/1995/BWBR0007376", "Archiefwet 1995",
     "archiefbescheiden archiefbewaarplaats overbrenging rijksarchivaris"),
    ("wet/leerplichtwet/1969/BWBR0002628", "Leerplichtwet 1969",
     "leerplichtige jongere inschrijving vrijstelling leerplichtambtenaar"),
    ("wet/wet/maatschappelijke/ondersteuning/2015/BWBR0035362",
     "Wet maatschappelijke ondersteuning 2015",
     "maatwerkvoorziening mantelzorger cliëntondersteuning beschermd wonen"),
    ("wet/participatiewet/BWBR0015703", "Participatiewet",
     "bijstand arbeidsinschakeling loonkostensubsidie re-integratie"),
    ("wet/jeugdwet/BWBR0034925", "Jeugdwet",
     "jeugdhulpaanbieder jeugdbescherming gecertificeerde instelling ouderschap"),
    ("wet/woningwet/BWBR0005181", "Woningwet",
     "woningcorporatie toegelaten instelling huurders volkshuisvesting"),
    ("wet/omgevingswet/BWBR0037885", "Omgevingswet",
     "omgevingsplan omgevingsvergunning omgevingsvisie projectbesluit"),
    ("wet/wet/van/31/oktober/1991/BWBR0005252",
     "Wet van 31 oktober 1991, houdende regelen betreffende de openbaarheid van bestuur",
     "verzoeker openbaarmaking bestuursorgaan weigeringsgrond"),
    ("AMvB/archiefbesluit/1995/BWBR0007406", "Archiefbesluit 1995",
     "selectielijst vernietiging vervanging reproductie"),
    ("circulaire/leerlingenvervoer/BWBR0013552", "Circulaire leerlingenvervoer",
     "aangepast vervoer gehandicapte leerlingen vervoersvoorziening"),
    ("beleidsregel/bijzondere/bijstand/BWBR0036960", "Beleidsregels bijzondere bijstand",
     "bijzondere bijstand draagkracht noodzakelijke kosten"),
)  # fmt: skip

LAW_QUERIES = (
    "archiefwet",
    "leerplichtwet",
    "wet maatschappelijke ondersteuning",
    "participatiewet",
    "jeugdwet",
    "woningwet",
    "omgevingswet",
    "openbaarheid van bestuur",
    "archiefbesluit",
    "circulaire leerlingenvervoer",
    "beleidsregels bijzondere bijstand",
)

#: Legal boilerplate that every law shares, so only names and topic words tell them apart.
LEGAL = (
    "Onze Minister kan nadere regels stellen omtrent de uitvoering van dit artikel.",
    "Bij of krachtens algemene maatregel van bestuur worden regels gesteld.",
    "Het college van burgemeester en wethouders draagt zorg voor de uitvoering.",
    "Deze bepaling treedt in werking op een bij koninklijk besluit te bepalen tijdstip.",
    "In afwijking van het eerste lid kan de gemeenteraad bij verordening anders bepalen.",
    "Een besluit als bedoeld in het tweede lid wordt bekendgemaakt in de Staatscourant.",
    "De in het derde lid bedoelde termijn bedraagt ten hoogste twaalf weken.",
)

#: Ordinary municipal prose for memos, reports and filler documents.
PROSE = (
    "De gemeente werkt samen met maatschappelijke partners in de wijken.",
    "Het college informeert de raad over de voortgang van het programma.",
    "In de begroting is rekening gehouden met de kosten van uitvoering.",
    "Bewoners zijn betrokken via bijeenkomsten en een digitale enquête.",
    "De afdeling stelt jaarlijks een rapportage op over de resultaten.",
    "Uit de cijfers blijkt dat de doelgroep beter wordt bereikt dan vorig jaar.",
    "Er is overleg gevoerd met de ondernemersvereniging en de wijkraad.",
    "Het budget wordt verdeeld over de vier stadsdelen naar rato van inwoners.",
    "De planning is bijgesteld omdat de aanbesteding later is afgerond.",
    "De ambtelijke organisatie heeft de risico's in kaart gebracht.",
)


def _law_link(rng: random.Random, depth: int = 4) -> str:
    folder, _heading, _words = rng.choice(LAWS)
    return f"[artikel {rng.randint(1, 40)}]({'../' * depth}{folder}/README.md)"


def _linked_prose(rng: random.Random, sentences: int, links: int = 2) -> str:
    """Prose paragraphs in which every sentence carries links to laws (only by path)."""
    parts = []
    for _ in range(sentences):
        sentence = rng.choice(PROSE)
        extra = " ".join(_law_link(rng) for _ in range(links))
        parts.append(f"{sentence} Zie {extra}.")
    return "\n\n".join(parts)


def write_law(root: Path, folder: str, heading: str, words: str, rng: random.Random) -> str:
    """A law as exported collections hold it: README.md, ``##Title`` after ``<meta>``."""
    lines = [META, f"##{heading}\n\n"]
    for number in range(1, 9):
        lines.append(f"### Artikel  {number}  \n\n")
        lines.append(f"1.  {rng.choice(LEGAL)} Dit betreft {words}.  \n\n")
        lines.append(f"2.  {rng.choice(LEGAL)} Zie ook {_law_link(rng)}.  \n\n")
    path = root / folder / "README.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(lines), encoding="utf-8")
    return f"{folder}/README.md"


def write_pdf_file(path: Path, lines: list[str], title: str | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pdf_bytes(lines, title=title))


def build_messy_folder(root: Path, *, seed: int = 11) -> list[KnownItem]:
    """Write the known documents and their distractors under ``root``; return the queries."""
    rng = random.Random(seed)
    items: list[KnownItem] = []

    # -- laws: README.md everywhere
    for (folder, heading, words), query in zip(LAWS, LAW_QUERIES, strict=True):
        items.append(KnownItem(query, write_law(root, folder, heading, words, rng)))

    # -- memos and proposals as .docx, several with names that say nothing
    docx_items = [
        ("fysiek/kademuren/Document1.docx", "Nota kademuren Oudegracht",
         "De kademuren langs de Oudegracht verzakken; herstel kost acht jaar.",
         "kademuren oudegracht"),
        ("verkeer/memo-parkeren.docx", "Memo parkeerbeleid binnenstad",
         "Het parkeerbeleid in de binnenstad krijgt betaald parkeren tot middernacht.",
         "parkeerbeleid binnenstad"),
        ("duurzaamheid/laadpalen/naamloos.docx", "Notitie laadpalen elektrisch rijden",
         "Er komen driehonderd openbare laadpalen voor elektrisch rijden bij.",
         "laadpalen"),
        ("raad/2021/raadsvoorstel-markt.docx", "Raadsvoorstel herinrichting Marktplein",
         "De herinrichting van het Marktplein maakt het plein autovrij en groen.",
         "herinrichting marktplein"),
        ("sociaal/wijkteams/Document1.docx", "Evaluatie wijkteams",
         "De wijkteams zijn volgens inwoners goed bereikbaar; wachttijden zijn korter.",
         "evaluatie wijkteams"),
    ]  # fmt: skip
    for relative, heading, sentence, query in docx_items:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        write_docx(path, ["Gemeente Lindewaard", sentence, rng.choice(PROSE)], heading=heading)
        items.append(KnownItem(query, relative))

    # -- reports as PDF scans in year folders: the year tells them apart
    for year, figure in ((2021, "12,4"), (2022, "11,9"), (2023, "11,1")):
        relative = f"monitors/{year}/scan0001.pdf"
        write_pdf_file(
            root / relative,
            [f"Monitor armoede {year}", f"Het aandeel huishoudens in armoede is {figure} procent.",
             rng.choice(PROSE), rng.choice(PROSE)],
        )  # fmt: skip
        items.append(KnownItem(f"monitor armoede {year}", relative))
    for year in (2019, 2020):
        relative = f"sport/{year}/jaarverslag.pdf"
        write_pdf_file(
            root / relative,
            [f"Jaarverslag sportaccommodaties {year}", "Bezettingsgraad van sporthallen.",
             rng.choice(PROSE)],
            title=f"Microsoft Word - Jaarverslag sportaccommodaties {year}.docx",
        )  # fmt: skip
        items.append(KnownItem(f"jaarverslag sportaccommodaties {year}", relative))
    write_pdf_file(
        root / "onderwijs/Scan0002.pdf",
        ["Onderzoek laaggeletterdheid volwassenen", "Een op de negen volwassenen leest moeizaam."],
    )
    items.append(KnownItem("onderzoek laaggeletterdheid", "onderwijs/Scan0002.pdf"))

    # -- HTML exports
    html_items = [
        ("schulden/evaluatie.html", "<h1>Evaluatie schuldhulpverlening 2020</h1>",
         "Schuldhulpverlening bereikt meer jonge huishoudens.", "evaluatie schuldhulpverlening"),
        ("werk/jeugdwerkloosheid/index.html", "<h1>Factsheet jeugdwerkloosheid 2022</h1>",
         "De jeugdwerkloosheid daalde naar zes procent.", "factsheet jeugdwerkloosheid"),
        ("fysiek/brief-fundering.htm", "<h2>Raadsinformatiebrief funderingsherstel</h2>",
         "Eigenaren met paalrot krijgen een lening voor funderingsherstel.",
         "raadsinformatiebrief funderingsherstel"),
        ("belastingen/index.html", "", "De afvalstoffenheffing stijgt met drie procent.",
         "verordening afvalstoffenheffing"),
    ]  # fmt: skip
    for relative, heading, sentence, query in html_items:
        title = "Verordening afvalstoffenheffing 2020" if not heading else "Gemeente"
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            f"<!doctype html><html><head><title>{title}</title></head><body>"
            f"<nav><a href='/'>Home</a></nav>{heading}<p>{sentence}</p>"
            f"<p>{rng.choice(PROSE)}</p><footer>Gemeente Lindewaard</footer></body></html>",
            encoding="utf-8",
        )
        items.append(KnownItem(query, relative))

    # -- Markdown that is not a law
    markdown_items = [
        ("visie/README.md",
         "---\ntitle: Visie op de binnenstad 2030\nauthor: college\n---\n\n# Inleiding\n\n"
         "De binnenstad wordt in 2030 een plek om te wonen, werken en ontmoeten.\n",
         "visie binnenstad 2030"),
        ("handboeken/inkoopbeleid/README.md",
         META + "Dit handboek beschrijft hoe wij inkopen en aanbesteden. Drempelbedragen "
         "en de inkoopprocedure staan in de bijlage.\n",
         "inkoopbeleid"),
        ("cultuur/monumenten.md",
         "<!-- export -->\n###Subsidieregeling monumenten\n\nEigenaren van gemeentelijke "
         "monumenten krijgen subsidie voor onderhoud.\n",
         "subsidieregeling monumenten"),
    ]  # fmt: skip
    for relative, text, query in markdown_items:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + "\n" + _linked_prose(rng, 3), encoding="utf-8")
        items.append(KnownItem(query, relative))

    # -- a plain text note with a meaningful name
    (root / "wijken").mkdir(exist_ok=True)
    (root / "wijken" / "verslag bewonersavond Rosmolenwijk.txt").write_text(
        "Bewoners van de Rosmolenwijk vroegen om meer groen en verkeersdrempels.\n",
        encoding="utf-8",
    )
    items.append(
        KnownItem("bewonersavond rosmolenwijk", "wijken/verslag bewonersavond Rosmolenwijk.txt")
    )

    # -- generic names described by a sidecar CSV (a spreadsheet export, with ";")
    raad = root / "raad" / "2018"
    raad.mkdir(parents=True, exist_ok=True)
    write_pdf_file(
        raad / "stuk1.pdf", ["Ingekomen stuk", "Ouderen wachten lang op een passende woning."]
    )
    write_pdf_file(
        raad / "stuk2.pdf", ["Ingekomen stuk", "Het groenonderhoud in de begroting 2019."]
    )
    with (raad / "metadata.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(["bestand", "titel", "type", "datum"])
        writer.writerow(["stuk1.pdf", "Motie ouderenhuisvesting", "raadsvoorstel", "8-11-2018"])
        writer.writerow(["stuk2.pdf", "Amendement groenonderhoud", "raadsvoorstel", "8-11-2018"])
    items.append(KnownItem("motie ouderenhuisvesting", "raad/2018/stuk1.pdf"))
    items.append(KnownItem("amendement groenonderhoud", "raad/2018/stuk2.pdf"))

    write_distractors(root, rng, count=14)
    write_broken(root)
    return items


def write_distractors(root: Path, rng: random.Random, *, count: int, start: int = 0) -> None:
    """Council proposals that link to every law (by path only) and mention topics in passing."""
    topics = ("kademuren", "laadpalen", "wijkteams", "armoede", "parkeerbeleid", "monumenten")
    for number in range(start, start + count):
        folder = root / "raadsvoorstellen" / str(2015 + number % 9) / f"rv-{number:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        topic = topics[number % len(topics)]
        (folder / "README.md").write_text(
            f"{META}##Raadsvoorstel {number}: begrotingswijziging\n\n"
            f"Dit voorstel raakt ook aan {topic}.\n\n{_linked_prose(rng, 6, links=3)}\n",
            encoding="utf-8",
        )


def write_broken(root: Path) -> None:
    """What every shared drive has: empty, renamed and unreadable files."""
    broken = root / "diversen"
    broken.mkdir(exist_ok=True)
    (broken / "leeg.txt").write_bytes(b"")
    (broken / "kapot.pdf").write_bytes(b"%PDF-1.4 afgebroken")
    (broken / "begroting.xlsx").write_bytes(b"PK\x03\x04 geen echte werkmap")
    (broken / "programma.md").write_bytes(b"MZ\x90\x00\x03\x00" * 50)
