"""Plain values that cross the search_module boundary; no Whoosh object ever does."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Literal

SortOrder = Literal["relevance", "date"]

#: Facet keys, in the order the UI shows them.
FACET_KEYS: tuple[str, ...] = ("type", "thema", "jaar", "afdeling")


@dataclass(frozen=True, kw_only=True)
class IndexedDocument:
    """One document as the index sees it (the app maps its Document rows onto this).

    Keyword-only, so the optional fields can sit where they belong.
    """

    doc_id: int
    title: str
    body: str
    summary: str = ""
    doctype: str
    theme: str
    theme_name: str
    year: int
    department: str
    published: datetime.date | None = None
    source: str = ""


@dataclass
class SearchRequest:
    """What the user asked: query text, facet selections, order and page.

    ``filters`` maps "type", "thema", "jaar", "afdeling" to selected values: OR within a
    key, AND across keys. Unknown keys are ignored.
    """

    query: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: SortOrder = "relevance"
    page: int = 1
    page_size: int = 10


@dataclass(frozen=True)
class Facet:
    """One facet value with its count under the current query and the other filters."""

    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Note:
    """Something the page should tell the searcher, as a code with parameters; the app
    words it in the user's language (this package stays free of any UI catalogue).

    Codes: ``lowercase_operator`` (word, operator): an operator word written in lowercase
    between two words is searched as a word; ``theme_word`` (word, theme, field, count): a
    plain word is part of a theme's name, which is found through ``thema:`` or the facet,
    and ``count`` documents of that theme do not have the word in their title or text.
    """

    code: str
    params: dict[str, str | int] = field(default_factory=dict)


@dataclass(frozen=True)
class Reason:
    """Why a hit was found: one part of the query (as the searcher could type it) and the
    fields it matched in: "title", "body", "type", "theme", "year", "department"."""

    text: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
class Hit:
    """One result; ``title_html``/``snippet_html`` are escaped text plus ``<mark>`` only."""

    doc_id: int
    title: str
    title_html: str
    snippet_html: str
    doctype: str
    theme: str
    theme_name: str
    year: int
    department: str
    published: datetime.date | None
    score: float
    source: str = ""
    why: tuple[Reason, ...] = ()


@dataclass(frozen=True)
class SearchResult:
    """One results page plus everything the page shows around it."""

    hits: list[Hit]
    total: int
    page: int
    page_size: int
    pages: int
    facets: dict[str, list[Facet]]
    suggestion: str | None
    understood: str
    hints: list[str]
    features: frozenset[str]
    elapsed_ms: float
    sort: SortOrder = "relevance"
    notes: list[Note] = field(default_factory=list)
    filters: dict[str, list[str]] = field(default_factory=dict)  # the facet filters applied
