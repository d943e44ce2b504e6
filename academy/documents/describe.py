"""What a person would write on a document: its title, date, year and type.

Pure functions over what the loaders found (sidecar metadata, the document's own heading and
opening text) and the file's path relative to the import root. No I/O, no Flask, so every rule
is a table-driven test. The rules are data (``GENERIC_NAMES``, ``DOCTYPE_RULES``) and the README
lists them ("Importing documents").
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath

__all__ = [
    "BOILERPLATE_LINES",
    "DOCTYPE_RULES",
    "GENERIC_NAMES",
    "OTHER_DOCTYPE",
    "Description",
    "choose_title",
    "citation_title",
    "describe",
    "doctype_from_title",
    "find_date",
    "find_year",
    "is_generic_name",
    "parse_year",
    "summary_from",
]

OTHER_DOCTYPE = "overig"
#: Years outside this range are page numbers, amounts or typos, not dates.
MIN_YEAR, MAX_YEAR = 1800, 2100
#: Characters of body text searched for a date ("the opening lines").
OPENING_CHARS = 1500
#: Characters of body text used as the summary when the metadata has none.
SUMMARY_CHARS = 300
#: Longest title kept (the database column holds 500 characters).
MAX_TITLE_CHARS = 300
UNTITLED = "Naamloos document"

#: File and folder names that say nothing about the document (compared case-insensitively,
#: without extension, trailing digits, brackets and separators: "Scan0001", "document (2)").
GENERIC_NAMES: frozenset[str] = frozenset(
    {
        "readme", "index", "default", "main", "home", "page", "pagina", "document",
        "documenten", "documents", "doc", "docs", "bestand", "bestanden", "file", "files",
        "scan", "scans", "img", "image", "afbeelding", "dsc", "naamloos", "untitled", "unnamed",
        "nieuw", "new", "kopie", "copy", "tekst", "text", "concept", "draft", "export",
        "download", "downloads", "bijlage", "bijlagen", "attachment", "tmp", "temp", "map",
        "folder", "nieuwe map", "new folder", "content", "inhoud", "overig", "diversen",
        "microsoft word document", "nieuw microsoft word document", "data", "src", "output",
    }
)  # fmt: skip

#: (pattern on the title, document type). The type of the EARLIEST match in the title wins
#: ("Evaluatie van de Leerplichtwet" is an evaluatie); when the application does not know that
#: type, the document is "overig". Patterns are case-insensitive whole words.
DOCTYPE_RULES: tuple[tuple[str, str], ...] = (
    (r"raadsvoorstel\w*|voorstel aan de (gemeente)?raad|raadsbesluit", "raadsvoorstel"),
    (r"factsheet\w*|feitenblad", "factsheet"),
    (r"\w*monitor\w*|barometer|dashboard", "monitor"),
    (r"jaarverslag\w*|jaarrekening|jaarstukken|jaarbericht", "jaarverslag"),
    (r"\w*evaluatie\w*|evaluatierapport|doorlichting", "evaluatie"),
    (r"\w*onderzoek\w*|rapport|rapportage|analyse|verkenning|quickscan", "onderzoek"),
    (r"nota|notitie|memo|beleidsnota|beleidsplan|beleidskader|visie|kadernota", "nota"),
    (r"circulaire", "circulaire"),
    (r"beleidsregel\w*|richtlijn\w*", "beleidsregel"),
    (r"\w*verordening", "verordening"),
    (r"\w*regeling", "regeling"),
    (r"\w*besluit|amvb", "besluit"),
    (r"\w*wet|wetboek|rijkswet", "wet"),
    (r"verdrag|\w*overeenkomst|\w*akkoord|convenant", "verdrag"),
    (r"\w*brief|raadsinformatiebrief|kamerbrief", "brief"),
)
_RULES = tuple(
    (re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.IGNORECASE), doctype)
    for pattern, doctype in DOCTYPE_RULES
)


@dataclass(frozen=True)
class Description:
    """The metadata columns of an imported document."""

    title: str
    year: int | None
    published: datetime.date | None
    doctype: str
    unknown_doctype: str = ""  # a sidecar type the application does not know (reported)


def describe(
    *,
    metadata: Mapping[str, str],
    heading: str,
    body: str,
    relative_path: str,
    doctypes: Collection[str],
    first_line_is_title: bool = False,
) -> Description:
    """Title, date, year and type of one file; the sidecar always wins over guesses.

    ``heading`` is the title the document gives itself (front matter, first heading, PDF
    title); ``first_line_is_title`` lets a PDF or plain text use its first line instead of a
    file name.
    """
    title = choose_title(
        metadata.get("titel", ""),
        heading,
        body,
        relative_path,
        first_line_is_title=first_line_is_title,
    )
    published = find_date(metadata.get("datum", "")) if metadata.get("datum") else None
    year = parse_year(metadata.get("jaar", ""))
    if year is None and published is not None:
        year = published.year
    if year is None and metadata.get("datum"):
        year = find_year(metadata["datum"])
    if year is None and published is None:
        published = find_date(title) or find_date(body[:OPENING_CHARS])
        year = published.year if published else find_year(title)
    if year is None:
        year = _folder_year(relative_path)

    unknown = ""
    doctype = metadata.get("type", "").strip().casefold()
    if doctype and doctype not in doctypes:
        unknown = "" if doctype == OTHER_DOCTYPE else doctype
        doctype = ""
    if not doctype:
        doctype = doctype_from_title(title, doctypes)
    return Description(
        title=title, year=year, published=published, doctype=doctype, unknown_doctype=unknown
    )


# --------------------------------------------------------------------------- titles


_GENERIC_TAIL = re.compile(r"[\s_\-.()\[\]0-9]+$")
_NOISE = re.compile(r"[\s_\-]+")


def _name_stem(name: str) -> str:
    stem = name
    while "." in stem and len(stem.rsplit(".", 1)[1]) <= 5:
        stem = stem.rsplit(".", 1)[0]
    return stem


def is_generic_name(name: str) -> bool:
    """True for names that say nothing: README.md, index.html, Scan0001.pdf, 2019, v2, ..."""
    stem = _name_stem(name).casefold()
    core = _NOISE.sub(" ", _GENERIC_TAIL.sub("", stem)).strip()
    if core.startswith(("kopie van ", "copy of ")):
        return is_generic_name(core.split(" ", 2)[2])
    letters = len(re.sub(r"[^a-zà-ÿ]", "", stem))
    if letters < 3 or letters < len(re.sub(r"\D", "", stem)):  # "2019", "v2", "BWBR0028445"
        return True
    return core in GENERIC_NAMES


def readable_name(name: str) -> str:
    """A title from a name: ``jaarverslag_sport-2021.pdf`` → ``Jaarverslag sport 2021``."""
    text = _name_stem(name).replace("_", " ").replace("+", " ")
    text = re.sub(r"(?<!\d)-|-(?!\d)", " ", text)  # keep 2020-2024, drop other dashes
    text = " ".join(text.split())
    if not text:
        return name
    return text[0].upper() + text[1:]


def clean_title(text: str) -> str:
    """One line, no control characters, Markdown emphasis and link syntax removed."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text or "")  # [text](target)
    text = re.sub(r"(\*\*|__|\*|`)", "", text)
    text = re.sub(r"<[^>]{1,200}>", "", text)
    text = re.sub(r"[\x00-\x1f\x7f]", " ", text)
    return " ".join(text.split()).strip(" #")


def truncate(text: str, limit: int = MAX_TITLE_CHARS) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] or text[: limit - 1]
    return cut.rstrip(" ,.;:-") + "…"


#: Opening lines that are letterhead, not title (case-insensitive, whole line).
BOILERPLATE_LINES: tuple[str, ...] = (
    r"pagina \d+( van \d+)?",
    r"(tweede|eerste) kamer der staten-generaal",
    r"vergaderjaar .*",
    r">? ?retouradres.*",
    r"aan de (voorzitter|gemeenteraad|leden|raad).*",
    r"der staten-generaal",
    r"postbus .*",
    r"\d{4} ?[a-z]{2}\b.*",  # a postcode line
    r"(gemeente|provincie|waterschap|ministerie van) [\w' .-]+",
    r"(datum|kenmerk|uw kenmerk|ons kenmerk|bijlage\(n\)|bijlagen?|contactpersoon)\b.*",
    r"(concept|vertrouwelijk|openbaar|retouradres)",
)
_BOILERPLATE = re.compile("|".join(f"(?:{line})" for line in BOILERPLATE_LINES), re.IGNORECASE)
_SUBJECT = re.compile(r"^(?:onderwerp|betreft)\s*:?\s+(.{3,})$", re.IGNORECASE)
OPENING_LINES = 40


def _first_line(body: str) -> str:
    """The subject line of a letter, else the first line that is not letterhead."""
    lines = [clean_title(line) for line in body.split("\n", OPENING_LINES)[:OPENING_LINES]]
    for line in lines:
        match = _SUBJECT.match(line)
        if match:
            return truncate(match.group(1), 200)
    for line in lines:
        if len(line) >= 3 and re.search(r"[^\W\d_]{2}", line) and not _BOILERPLATE.fullmatch(line):
            return truncate(line, 200)
    return ""


def choose_title(
    sidecar_title: str,
    heading: str,
    body: str,
    relative_path: str,
    *,
    first_line_is_title: bool = False,
) -> str:
    """Sidecar title, else the document's own heading, else a meaningful name.

    A generic file name (README, index, scan0001, ...) is never the title: the nearest
    meaningful folder name is, else the first line of text.
    """
    parts = [part for part in PurePosixPath(relative_path).parts if part not in ("", "/")]
    name = parts[-1] if parts else ""
    heading = clean_title(heading)
    if _FORMAL_TITLE.match(heading):
        heading = citation_title(body) or heading
    candidates: list[str] = [clean_title(sidecar_title), heading]
    if first_line_is_title:
        candidates.append(_first_line(body))
    if name and not is_generic_name(name):
        candidates.append(readable_name(name))
    candidates.extend(
        readable_name(folder) for folder in reversed(parts[:-1]) if not is_generic_name(folder)
    )
    candidates.append(_first_line(body))
    for candidate in candidates:
        if candidate:
            return truncate(candidate)
    return readable_name(name) if name else UNTITLED


#: A law's formal long title ("Wet van 28 april 1995, houdende ..."): nobody searches for it.
_FORMAL_TITLE = re.compile(
    r"^(rijkswet|wet|besluit|koninklijk besluit|regeling|beschikking)\s+van\s+\d", re.I
)
#: "Deze wet wordt aangehaald als: Jeugdwet." — the name a law is cited by (its citeertitel).
_CITATION = re.compile(
    r"(?:kan|kunnen|wordt|worden)\s+(?:worden\s+)?aangehaald\s+"
    r"(?:als|onder\s+de\s+(?:titel|naam)):?\s+[\"“']?"
    r"([^\n\"”';.]{3,120}?)[\"”']?(?:\s+met vermelding\b|[.;]|\n|$)",
    re.I,
)


def citation_title(body: str) -> str:
    """The citation title a law gives itself, usually in its last article ("" if none)."""
    match = _CITATION.search(body)
    return clean_title(match.group(1)) if match else ""


# --------------------------------------------------------------------------- dates

_MONTH_NAMES = {
    "januari": 1, "jan": 1, "january": 1, "februari": 2, "feb": 2, "february": 2,
    "maart": 3, "mrt": 3, "mar": 3, "march": 3, "april": 4, "apr": 4, "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6, "juli": 7, "jul": 7, "july": 7, "augustus": 8,
    "aug": 8, "august": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10,
    "oct": 10, "october": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_MONTH = "|".join(sorted(_MONTH_NAMES, key=len, reverse=True))
_DATE_PATTERNS = (
    # 30 mei 1968, 1 januari 2019, 12 mrt. 2019
    (
        re.compile(rf"(?<!\d)(\d{{1,2}})(?:e|ste|de)?\s+({_MONTH})\.?,?\s+(\d{{4}})(?!\d)", re.I),
        "dmy",
    ),
    # 2019-03-12
    (re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)"), "ymd"),
    # 12-03-2019, 12/03/2019, 12.03.2019
    (re.compile(r"(?<![\d.])(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)"), "dmy-num"),
)  # fmt: skip
_YEAR = re.compile(r"(?<![\d,.])(\d{4})(?![\d,])")


def find_date(text: str) -> datetime.date | None:
    """The first real calendar date in ``text`` ("Wet van 30 mei 1968", "2019-03-12")."""
    best: tuple[int, datetime.date] | None = None
    for pattern, order in _DATE_PATTERNS:
        for match in pattern.finditer(text or ""):
            a, b, c = match.groups()
            try:
                if order == "dmy":
                    date = datetime.date(int(c), _MONTH_NAMES[b.casefold()], int(a))
                elif order == "ymd":
                    date = datetime.date(int(a), int(b), int(c))
                else:
                    date = datetime.date(int(c), int(b), int(a))
            except ValueError:
                continue
            if MIN_YEAR <= date.year <= MAX_YEAR:
                if best is None or match.start() < best[0]:
                    best = (match.start(), date)
                break
    return best[1] if best else None


def parse_year(value: str) -> int | None:
    """A year from a sidecar value: "2021" or "2021.0" (a spreadsheet's float)."""
    match = re.fullmatch(r"\s*(\d{4})(?:\.0+)?\s*", value or "")
    if match and MIN_YEAR <= int(match.group(1)) <= MAX_YEAR:
        return int(match.group(1))
    return None


def find_year(text: str) -> int | None:
    """The first plausible year anywhere in ``text`` ("Monitor armoede 2023")."""
    for match in _YEAR.finditer(text or ""):
        if MIN_YEAR <= int(match.group(1)) <= MAX_YEAR:
            return int(match.group(1))
    return None


_FOLDER_YEAR = re.compile(r"^(\d{4})(?:[-_ ]\d{1,2}){0,2}(?:[-_ ].*)?$")


def _folder_year(relative_path: str) -> int | None:
    """The nearest folder named after a year ("2019", "2019-03", "2019 raad")."""
    for folder in reversed(PurePosixPath(relative_path).parts[:-1]):
        match = _FOLDER_YEAR.match(folder)
        if match and MIN_YEAR <= int(match.group(1)) <= MAX_YEAR:
            return int(match.group(1))
    return None


# --------------------------------------------------------------------------- types


def doctype_from_title(title: str, doctypes: Collection[str]) -> str:
    """The type of the earliest rule that matches the title; "overig" when the application
    does not know that type (a later keyword must not decide: "Regeling jaarverslaggeving"
    is a regeling, not a jaarverslag)."""
    best: tuple[int, int, str] | None = None
    for order, (pattern, doctype) in enumerate(_RULES):
        match = pattern.search(title)
        if match and (best is None or (match.start(), order) < best[:2]):
            best = (match.start(), order, doctype)
    return best[2] if best and best[2] in doctypes else OTHER_DOCTYPE


# --------------------------------------------------------------------------- summary

_MARKUP_START = re.compile(r"^\s*(#{1,6}|[-*+>]|\d+\.)\s*", re.M)


def summary_from(body: str, limit: int = SUMMARY_CHARS) -> str:
    """The first ~300 characters of the body, cut at a word."""
    text = " ".join(_MARKUP_START.sub("", body[: limit * 8]).split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] or text[:limit]
    return cut.rstrip(" ,.;:-") + "…"
