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
from whoosh.system import pack_uint

from search_module.analysis import DutchAnalyzer, term_positions

#: Bump when the analysis or the schema changes: an index with another version is rebuilt.
FORMAT_VERSION = 2

#: Fields a plain query word is looked up in, with their score boost. The title counts
#: most: a document *about* armoede names it in the title. The theme's name is not among
#: them: it is found through ``thema:`` and the theme facet, so ``armoede NIET schulden``
#: does not drop every document of the theme "Armoede en schulden" (the result page
#: notes when a plain word is part of a theme's name).
TEXT_FIELDS: dict[str, float] = {"title": 3.0, "content": 1.0}

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


#: doc_id of the one pseudo-document that carries the rebuild's whole vocabulary.
VOCABULARY_DOC_ID = "__vocabulary__"


class WordSetField(fields.FieldType):
    """Unstemmed words with document counts, only for "bedoelde u" and fuzzy matching.

    A value is ``"word word:count ..."`` (count 1 when left out). A full rebuild counts the
    words itself and stores them once, in one pseudo-document (``VOCABULARY_DOC_ID``):
    per-document word postings were almost half of all postings and slowed the build
    down. Documents added later carry their own words. ``reader.frequency("spell", w)``
    is then the number of documents with that word either way.
    """

    def __init__(self) -> None:
        super().__init__(formats.Frequency(), analyzer=DutchAnalyzer(), scorable=True, stored=False)

    def index(self, value: str, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        for token in value.split():
            word, _sep, count_text = token.partition(":")
            count = int(count_text) if count_text.isdigit() else 1
            if word:
                yield word.encode("utf-8"), count, float(count), pack_uint(count)


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
