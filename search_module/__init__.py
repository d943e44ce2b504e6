"""Practice search engine for the Data Academie, on Whoosh; plain Python.

Never imports flask or academy, and no Whoosh object leaves this package: callers pass
an :class:`IndexedDocument` or a :class:`SearchRequest` and get plain dataclasses back.
"""

from search_module.index import CheckpointMismatchError, IndexUnavailableError, SearchIndex
from search_module.query import ParsedQuery, parse_query
from search_module.values import (
    FACET_KEYS,
    Facet,
    Hit,
    IndexedDocument,
    Note,
    Reason,
    SearchRequest,
    SearchResult,
)

__all__ = [
    "FACET_KEYS",
    "Facet",
    "Hit",
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
