"""Practice search engine for the Data Academie, on Whoosh; plain Python.

Never imports flask or academy, and no Whoosh object leaves this package: callers pass
an :class:`IndexedDocument` or a :class:`SearchRequest` and get plain dataclasses back:
no HTML and no sentences (highlights are text parts, hints and notes are codes with
parameters), so the app renders and words them in the user's language.
"""

from search_module.index import CheckpointMismatchError, IndexUnavailableError, SearchIndex
from search_module.query import ParsedQuery, parse_query
from search_module.values import (
    FACET_KEYS,
    HINT_CODES,
    Facet,
    Hint,
    Hit,
    IndexedDocument,
    Meaning,
    Note,
    Reason,
    SearchRequest,
    SearchResult,
    TextPart,
    Understood,
)

__all__ = [
    "FACET_KEYS",
    "HINT_CODES",
    "Facet",
    "Hint",
    "Hit",
    "Meaning",
    "TextPart",
    "Understood",
    "CheckpointMismatchError",
    "IndexUnavailableError",
    "IndexedDocument",
    "Note",
    "Reason",
    "ParsedQuery",
    "SearchIndex",
    "SearchRequest",
    "SearchResult",
    "parse_query",
]
