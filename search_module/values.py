"""Plain values that cross the search_module boundary; no Whoosh object ever does."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

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
    #: False: hits without title/snippet parts and reasons, and no "bedoelde u"
    #: suggestion. The cheap way to ask only for the ranking (ids, scores, total).
    highlight: bool = True


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
class Hint:
    """A repair or a limit the searcher should know about, as a code with parameters; the
    app words it (see ``HINT_CODES`` for the codes and their parameters)."""

    code: str
    params: dict[str, str | int] = field(default_factory=dict)


#: Every hint code with the parameters it carries.
HINT_CODES: dict[str, tuple[str, ...]] = {
    "query_truncated": ("max",),
    "query_unreadable": (),
    "unclosed_quote": (),
    "unclosed_field_quote": ("field",),
    "fuzzy_without_word": (),
    "fuzzy_too_wide": ("distance", "max"),
    "fuzzy_too_short": ("word",),
    "wildcard_not_at_end": (),
    "wildcard_alone": ("min",),
    "prefix_too_short": ("word", "min"),
    "year_backwards": ("value", "start", "end"),
    "year_empty": (),
    "year_invalid": ("value",),
    "field_empty": ("field", "example"),
    "stray_close_paren": (),
    "operator_at_start": ("operator",),
    "operator_without_right": ("operator",),
    "operator_without_left": ("operator",),
    "too_deep": (),
    "unclosed_paren": (),
    "only_common_words": ("words",),
    "common_words_ignored": ("words",),
    "unknown_facet_value": ("key", "value"),
    "expansion_capped": ("pattern", "max"),
    "index_unavailable": (),
}


@dataclass(frozen=True)
class Meaning:
    """What one special part of a query means, as a code with parameters: ``prefix``
    (prefix), ``fuzzy`` (word, distance) or ``phrase`` (phrase, as rendered)."""

    code: str
    params: dict[str, str | int] = field(default_factory=dict)


@dataclass(frozen=True)
class Understood:
    """How a query was read, as plain parts the app words.

    ``query`` is the query with explicit operators (EN, OF, NIET: query syntax, valid input
    in any interface language) and parentheses; empty means "every document, newest first".
    ``meanings`` explain its wildcard, fuzzy and phrase parts; ``filters`` are the facet
    selections applied, as (facet key, value labels).
    """

    query: str = ""
    meanings: tuple[Meaning, ...] = ()
    filters: tuple[tuple[str, tuple[str, ...]], ...] = ()


class TextPart(NamedTuple):
    """A piece of a title or snippet; ``marked`` when it is a query word (a highlight).

    A named tuple rather than a dataclass: a results page makes a hundred of them, and a
    tuple is made several times faster (the benchmark's p50 is a few milliseconds).
    """

    text: str
    marked: bool = False


@dataclass(frozen=True)
class Reason:
    """Why a hit was found: one part of the query (as the searcher could type it) and the
    fields it matched in: "title", "body", "type", "theme", "year", "department"."""

    text: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
class Hit:
    """One result. ``title_parts``/``snippet_parts`` are plain text cut into highlighted
    and ordinary parts (no markup: the app renders them); empty without highlighting."""

    doc_id: int
    title: str
    title_parts: tuple[TextPart, ...]
    snippet_parts: tuple[TextPart, ...]
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
    understood: Understood
    hints: list[Hint]
    features: frozenset[str]
    elapsed_ms: float
    sort: SortOrder = "relevance"
    notes: list[Note] = field(default_factory=list)
    filters: dict[str, list[str]] = field(default_factory=dict)  # the facet filters applied
