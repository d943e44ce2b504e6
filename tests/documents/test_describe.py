"""academy.documents.describe: title, date, year and type rules on table-driven examples."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from academy.documents import describe as d
from academy.models.documents import CORPUS_TYPES, DOCUMENT_TYPES

#: The current types plus the ones the rules can produce once the application knows them.
ALL_TYPES = {*DOCUMENT_TYPES, *(doctype for _pattern, doctype in d.DOCTYPE_RULES)}


def describe(
    path: str,
    *,
    heading: str = "",
    body: str = "Tekst.",
    metadata: dict[str, str] | None = None,
    doctypes=ALL_TYPES,
    first_line_is_title: bool = False,
) -> d.Description:
    return d.describe(
        metadata=metadata or {},
        heading=heading,
        body=body,
        relative_path=path,
        doctypes=doctypes,
        first_line_is_title=first_line_is_title,
    )


@pytest.mark.parametrize(
    ("path", "heading", "metadata", "body", "expected"),
    [
        # the sidecar wins over everything
        ("a/nota.md", "Kop", {"titel": "Uit de sidecar"}, "", "Uit de sidecar"),
        # the document's own heading
        ("wet/leerplichtwet/README.md", "Leerplichtwet 1969", {}, "", "Leerplichtwet 1969"),
        # generic names never: nearest meaningful folder
        ("wet/leerplichtwet/1969/07-01/README.md", "", {}, "", "Leerplichtwet"),
        ("wet/leerplichtwet/BWBR0001854/README.md", "", {}, "", "Leerplichtwet"),
        ("raad/2019/index.html", "", {}, "", "Raad"),
        ("archief/scans/Scan0001.pdf", "", {}, "", "Archief"),
        ("beleid/armoede/naamloos (2).docx", "", {}, "", "Armoede"),
        ("fysiek/Document1.docx", "", {}, "", "Fysiek"),
        ("fysiek/untitled.txt", "", {}, "", "Fysiek"),
        ("sport/Kopie van README.md", "", {}, "", "Sport"),
        # a meaningful file name is fine
        ("2020/jaarverslag_sport-2020.txt", "", {}, "", "Jaarverslag sport 2020"),
        # generic all the way up: the first line of text
        ("README.md", "", {}, "\n\n12\nEerste echte regel\n", "Eerste echte regel"),
        ("docs/2019/index.md", "", {}, "", "Index"),
        # heading markup is cleaned
        ("a.md", "**Wet** van [30 mei](x.md) 1968", {}, "", "Wet van 30 mei 1968"),
    ],
)
def test_title(path, heading, metadata, body, expected):
    assert describe(path, heading=heading, metadata=metadata, body=body).title == expected


def test_first_line_beats_file_name_when_asked():
    assert describe(
        "jaarverslag.pdf", body="Armoede in de wijk\n", first_line_is_title=True
    ).title == ("Armoede in de wijk")


def test_long_title_is_cut_at_a_word():
    title = describe("a.md", heading="woord " * 100).title
    assert len(title) <= d.MAX_TITLE_CHARS and title.endswith("woord…")


@pytest.mark.parametrize(
    ("path", "heading", "metadata", "body", "year", "published"),
    [
        # sidecar first
        ("a/2001/x.md", "Wet van 30 mei 1968", {"jaar": "2021.0"}, "", 2021, None),
        ("a/x.md", "", {"datum": "5 maart 2021"}, "", 2021, dt.date(2021, 3, 5)),
        ("a/x.md", "", {"datum": "2021-03-05"}, "", 2021, dt.date(2021, 3, 5)),
        ("a/x.md", "", {"datum": "voorjaar 2020"}, "", 2020, None),
        # then the document: a date in the title or opening lines
        ("wet/2001/README.md", "Wet van 30 mei 1968", {}, "", 1968, dt.date(1968, 5, 30)),
        ("x.md", "Verordening", {}, "Vastgesteld op 12 maart 2019.", 2019, dt.date(2019, 3, 12)),
        ("x.md", "Besluit", {}, "Datum: 12-03-2019", 2019, dt.date(2019, 3, 12)),
        ("x.md", "Besluit", {}, "Wordt toegepast per 26-11-1957", 1957, dt.date(1957, 11, 26)),
        ("x.md", "Notitie", {}, "Den Haag, 1 oktober 2020", 2020, dt.date(2020, 10, 1)),
        ("x.md", "Monitor armoede 2023", {}, "", 2023, None),
        # impossible dates are no dates
        ("x.md", "Besluit van 31 februari 2019", {}, "", 2019, None),
        # then a year folder in the path, nearest first
        ("raad/2018/03/notulen.md", "Notulen", {}, "", 2018, None),
        ("2017/raad/2019-04 vergadering/notulen.md", "Notulen", {}, "", 2019, None),
        # else none: never 0, never a page number or an amount
        ("x.md", "Notulen", {}, "Pagina 0001 van 3, bedrag 12.500 euro", None, None),
        ("0000/x.md", "Notulen", {}, "", None, None),
        ("x.md", "Notulen", {"jaar": "0"}, "", None, None),
    ],
)
def test_year_and_date(path, heading, metadata, body, year, published):
    described = describe(path, heading=heading, metadata=metadata, body=body)
    assert (described.year, described.published) == (year, published)


def test_a_date_far_into_the_body_is_not_the_document_date():
    body = "Tekst zonder datum. " * 200 + "Vastgesteld op 12 maart 2019."
    assert describe("x.md", heading="Notulen", body=body).year is None


@pytest.mark.parametrize(
    ("title", "doctype"),
    [
        ("Wet van 30 mei 1968, houdende regelen", "wet"),
        ("Leerplichtwet 1969", "wet"),
        ("Archiefbesluit BES", "besluit"),
        ("Besluit van 3 juli 2019 tot wijziging van de Wet", "besluit"),
        ("Circulaire Arbeidsvoorwaarden sector Rijk", "circulaire"),
        ("Beleidsregels bijzondere bijstand", "beleidsregel"),
        ("Nota van toelichting bij het Besluit", "nota"),
        ("Notawisseling tussen Nederland en Italië", "overig"),
        ("Factsheet kinderen in armoede 2024", "factsheet"),
        ("Armoedemonitor 2023", "monitor"),
        ("Raadsvoorstel herinrichting Marktplein", "raadsvoorstel"),
        ("Evaluatie van de Leerplichtwet", "evaluatie"),
        ("Onderzoek naar vroegtijdig schoolverlaten", "onderzoek"),
        ("Jaarverslag sport 2021", "jaarverslag"),
        ("Verordening maatschappelijke ondersteuning 2020", "verordening"),
        ("Regeling vergoedingen raadsleden", "regeling"),
        ("Raadsinformatiebrief mantelzorg", "brief"),
        ("Verdrag tussen Nederland en België", "verdrag"),
        ("Notulen van de raad", "overig"),
        ("", "overig"),
    ],
)
def test_doctype_from_title(title, doctype):
    assert d.doctype_from_title(title, ALL_TYPES) == doctype


def test_a_type_the_application_does_not_know_is_overig_not_a_later_keyword():
    demo_types = CORPUS_TYPES  # an academy that only knows the demo corpus's types
    assert d.doctype_from_title("Wet op de jeugdzorg", demo_types) == "overig"
    assert d.doctype_from_title("Evaluatie Wet op de jeugdzorg", demo_types) == "evaluatie"
    assert d.doctype_from_title("Wet en nota", demo_types) == "overig"
    assert d.doctype_from_title("Regeling jaarverslaggeving onderwijs", demo_types) == "overig"
    assert d.doctype_from_title("Richtlijn onderzoek ter zitting", demo_types) == "overig"


def test_the_types_of_a_municipalitys_own_documents_are_known():
    assert d.doctype_from_title("Wet op de jeugdzorg", DOCUMENT_TYPES) == "wet"
    assert d.doctype_from_title("Wet en nota", DOCUMENT_TYPES) == "wet"
    assert (
        d.doctype_from_title("Regeling jaarverslaggeving onderwijs", DOCUMENT_TYPES) == "regeling"
    )


@pytest.mark.parametrize(
    ("metadata", "title", "doctype", "unknown"),
    [
        ({"type": "Nota"}, "Monitor", "nota", ""),
        ({"type": "beleidsplan"}, "Monitor jeugd", "monitor", "beleidsplan"),
        ({"type": "overig"}, "Monitor jeugd", "monitor", ""),
        ({}, "Monitor jeugd", "monitor", ""),
    ],
)
def test_doctype_sidecar_first_then_rules(metadata, title, doctype, unknown):
    described = describe("x.md", heading=title, metadata=metadata, doctypes=DOCUMENT_TYPES)
    assert (described.doctype, described.unknown_doctype) == (doctype, unknown)


@pytest.mark.parametrize(
    ("name", "generic"),
    [
        ("README.md", True),
        ("readme.MD", True),
        ("index.html", True),
        ("Scan0001.pdf", True),
        ("scan_0001.pdf", True),
        ("Document1.docx", True),
        ("naamloos-2.txt", True),
        ("Untitled (3).md", True),
        ("Nieuw Microsoft Word-document.docx", True),
        ("2019", True),
        ("07-01", True),
        ("BWBR0028445", True),
        ("leerplichtwet", False),
        ("nota-armoede.pdf", False),
        ("Indexcijfers huren.xlsx", False),
    ],
)
def test_generic_names(name, generic):
    assert d.is_generic_name(name) is generic


def test_summary_skips_markup_and_cuts_at_a_word():
    assert d.summary_from("## Kop\n- punt een\n1. punt twee") == "Kop punt een punt twee"
    summary = d.summary_from("woord " * 200)
    assert summary.endswith("woord…") and len(summary) <= d.SUMMARY_CHARS + 1


def test_the_readme_lists_every_type_rule():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for pattern, doctype in d.DOCTYPE_RULES:
        assert f"| `{doctype}` | `{pattern.replace('|', chr(92) + '|')}` |" in readme


@pytest.mark.parametrize(
    ("body", "title"),
    [
        # a Kamerstuk: letterhead, page number and session year are not the title
        (
            "Tweede Kamer der Staten-Generaal\n2\nVergaderjaar 2020–2021\n"
            "32 545 Wet- en regelgeving financiële markten\nNr. 143 MOTIE",
            "32 545 Wet- en regelgeving financiële markten",
        ),
        # a minister's letter: the subject line is
        (
            "Pagina 1 van 3\n> Retouradres Postbus 20301 2500 EH Den Haag\n"
            "Aan de Voorzitter van de Tweede Kamer\nder Staten-Generaal\nPostbus 20018\n"
            "2500 EA DEN HAAG\nDatum 1 maart 2011\nOnderwerp Draagmoederschap\nTekst.",
            "Draagmoederschap",
        ),
        ("Gemeente Lindewaard\nOnderwerp: herinrichting Marktplein\n", "herinrichting Marktplein"),
        ("Pagina 1 van 15\nFiche 5: Herziening verordening\n", "Fiche 5: Herziening verordening"),
    ],
)
def test_first_line_skips_letterheads_and_prefers_the_subject(body, title):
    assert describe("scan0001.pdf", body=body, first_line_is_title=True).title == title


@pytest.mark.parametrize(
    ("heading", "body", "title"),
    [
        # a law's formal long title gives way to the name it is cited by
        (
            "Wet van 1 maart 2014 inzake regels over de gemeentelijke verantwoordelijkheid",
            "Artikel 12.5\n\nDeze wet wordt aangehaald als: Jeugdwet.\n",
            "Jeugdwet",
        ),
        (
            "Wet van 30 mei 1968, houdende vaststelling Leerplichtwet 1969",
            'Deze wet kan worden aangehaald als "Leerplichtwet 1969".',
            "Leerplichtwet 1969",
        ),
        (
            "Wet van 28 april 1995, houdende vervanging van de Archiefwet 1962",
            "Deze wet kan worden aangehaald als Archiefwet met vermelding van het jaartal.",
            "Archiefwet",
        ),
        (
            "Wet van 12 mei 1928, tot vaststelling van bepalingen betreffende het opium",
            'Deze wet kan worden aangehaald onder de titel "Opiumwet".',
            "Opiumwet",
        ),
        # an ordinary heading stays, whatever the text cites
        ("Nota jeugdhulp", "De wet wordt aangehaald als: Jeugdwet.", "Nota jeugdhulp"),
        # no citation: the long title stays
        ("Wet van 31 oktober 1991, regelen", "Artikel 1.", "Wet van 31 oktober 1991, regelen"),
    ],
)  # fmt: skip
def test_a_formal_long_title_gives_way_to_the_citation_title(heading, body, title):
    described = describe("wet/x/README.md", heading=heading, body=heading + "\n\n" + body)
    assert described.title == title
    if heading.startswith("Wet van"):
        assert described.year is not None and described.doctype == "wet"
