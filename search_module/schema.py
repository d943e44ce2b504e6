"""The Whoosh schema, with field types that index through our cached Dutch analysis.

Whoosh's stock TEXT field runs a generator chain per token; ours calls
:func:`~search_module.analysis.term_positions` once per value, which is what makes a full
rebuild several times faster. Both classes are pickled into the index by Whoosh, so they
must stay importable under these names (see ``FORMAT_VERSION``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from whoosh import columns, fields, formats

from search_module.analysis import DutchAnalyzer, term_positions

#: Bump when the analysis or the schema changes: an index with another version is rebuilt.
FORMAT_VERSION = 1

#: Fields a plain query word is looked up in, with their score boost. The title counts
#: most: a document *about* armoede names it in the title.
TEXT_FIELDS: dict[str, float] = {"title": 3.0, "theme_name": 1.5, "content": 1.0}

#: Facet key -> indexed ID field.
FACET_FIELDS: dict[str, str] = {
    "type": "doctype",
    "thema": "theme",
    "jaar": "year",
    "afdeling": "department",
}


class DutchTextField(fields.TEXT):
    """A positional text field analysed by :func:`term_positions` in one pass."""

    def __init__(self, stored: bool = False) -> None:
        super().__init__(analyzer=DutchAnalyzer(), phrase=True, stored=stored)

    def index(self, value: str, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        encode = self.format.encode
        boost = self.format.field_boost
        for term, positions in term_positions(value).items():
            freq = len(positions)
            yield term.encode("utf-8"), freq, freq * boost, encode(positions)


class WordSetField(fields.FieldType):
    """Unstemmed words of a document (space separated), only for "bedoelde u" suggestions."""

    def __init__(self) -> None:
        super().__init__(formats.Existence(), analyzer=DutchAnalyzer(), scorable=True, stored=False)

    def index(self, value: str, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        for word in set(value.split()):
            yield word.encode("utf-8"), 1, 1.0, b""


def build_schema() -> fields.Schema:
    """Return the schema; ID fields hold the exact facet values."""
    schema = fields.Schema(
        doc_id=fields.ID(stored=True, unique=True),
        title=DutchTextField(stored=True),
        theme_name=DutchTextField(stored=True),
        content=DutchTextField(stored=False),
        spell=WordSetField(),
        doctype=fields.ID(stored=True),
        theme=fields.ID(stored=True),
        year=fields.ID(stored=True),
        department=fields.ID(stored=True),
        sortkey=fields.COLUMN(columns.NumericColumn("i", default=0)),
        summary=fields.STORED(),
        body=fields.STORED(),
        published=fields.STORED(),
        source=fields.STORED(),
    )
    # Whoosh's writer looks up a length column for every posting and, for a field without
    # one (not scorable), stats the file system each time: 40% of a rebuild. Marking
    # every indexed field scorable writes a one-byte length per document instead.
    for name in ("doc_id", "spell", "doctype", "theme", "year", "department"):
        schema[name].scorable = True
    return schema
