"""Every read of Whoosh's private internals, in one place, each with a public-API twin.

Reading postings and field lengths a whole block at a time (``W3LeafMatcher._ids``,
``_read_ids``, ``_next_block``, ``_read_weights``, ``_read_values``, and the length column
behind ``_perdoc._cached_reader``) is what makes ranking fast; Whoosh's public API walks one
document at a time. The internals belong to the pinned Whoosh (requirements.txt): when an
upgrade changes them, :func:`missing_internals` names what is gone (a test fails loudly on
it) and every function here takes its public path, which gives the same answers, slower.
Set :data:`use_internals` to False to force the public path (the tests run both).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching import Matcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.util.numeric import byte_to_length

#: The Whoosh distribution and version the internals were read from (see requirements.txt).
PINNED_WHOOSH = ("whoosh-reloaded", "2.7.5")

#: Document length byte -> length, as Whoosh stores field lengths (one byte per document).
LENGTH_TABLE: tuple[int, ...] = tuple(byte_to_length(b) for b in range(256))

_BIT = tuple(1 << i for i in range(8))

#: Attributes of a live posting matcher and of a length column reader that are read here.
MATCHER_ATTRIBUTES = ("_ids", "_i", "_weights", "_values")
COLUMN_ATTRIBUTES = ("_dbfile", "_basepos", "_count")
_MATCHER_METHODS = ("_read_ids", "_read_weights", "_read_values", "_next_block")


def missing_internals() -> list[str]:
    """Names of the Whoosh internals this module reads that the installed Whoosh lacks."""
    missing = [
        f"W3LeafMatcher.{name}" for name in _MATCHER_METHODS if not hasattr(W3LeafMatcher, name)
    ]
    try:
        from whoosh.codec import whoosh3

        for name in ("LENGTHS_COLUMN", "_lenfield", "W3PerDocReader"):
            if not hasattr(whoosh3, name):
                missing.append(f"whoosh.codec.whoosh3.{name}")
        if not hasattr(getattr(whoosh3, "W3PerDocReader", None), "_cached_reader"):
            missing.append("W3PerDocReader._cached_reader")
    except ImportError:  # the module moved
        missing.append("whoosh.codec.whoosh3")
    return missing


def missing_segment_internals(subreader: Any, fieldname: str, term: str) -> list[str]:
    """Like :func:`missing_internals`, for what only an open segment has: the attributes
    of a live posting matcher (for ``term``) and of the field's length column."""
    from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield

    matcher = _leaf(subreader.postings(fieldname, term))
    matcher._read_ids()
    matcher._read_weights()
    matcher._read_values()
    missing = [f"matcher.{a}" for a in MATCHER_ATTRIBUTES if not hasattr(matcher, a)]
    column = subreader._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
    missing += [f"length column.{a}" for a in COLUMN_ATTRIBUTES if not hasattr(column, a)]
    return missing


#: Whether the internals are there; computed once, at import.
INTERNALS_AVAILABLE: bool = not missing_internals()
#: Take the block-at-a-time paths (when available); False forces the public API.
use_internals: bool = True


def _fast() -> bool:
    return INTERNALS_AVAILABLE and use_internals


def _leaf(matcher: Matcher) -> Matcher:
    # Deletions are removed with the live bitset instead of per posting.
    return matcher.child if isinstance(matcher, FilterMatcher) else matcher


def posting_ids(matcher: Matcher) -> list[int]:
    """All document numbers of a fresh posting matcher (deleted ones included)."""
    matcher = _leaf(matcher)
    if _fast() and isinstance(matcher, W3LeafMatcher):
        out: list[int] = []
        while matcher.is_active():
            if matcher._ids is None:
                matcher._read_ids()
            out.extend(matcher._ids[matcher._i :])
            matcher._next_block()
        return out
    return list(matcher.all_ids())


def posting_weights(matcher: Matcher) -> list[tuple[int, float]]:
    """(document number, term weight) for every posting of a fresh matcher."""
    matcher = _leaf(matcher)
    out: list[tuple[int, float]] = []
    if _fast() and isinstance(matcher, W3LeafMatcher):
        while matcher.is_active():
            if matcher._ids is None:
                matcher._read_ids()
            if matcher._weights is None:
                matcher._read_weights()
            i = matcher._i
            out.extend(zip(matcher._ids[i:], matcher._weights[i:], strict=False))
            matcher._next_block()
        return out
    while matcher.is_active():
        out.append((matcher.id(), matcher.weight()))
        matcher.next()
    return out


def posting_positions(
    matcher: Matcher,
    offset: int,
    wanted: bytes,
    decode: Callable[[Any], list[int]],
) -> dict[int, list[int]]:
    """Positions per document (``offset`` added), decoded only for documents set in the
    bitset bytes ``wanted``; ``decode`` is the field format's ``decode_positions``."""
    matcher = _leaf(matcher)
    out: dict[int, list[int]] = {}
    bit = _BIT
    if _fast() and isinstance(matcher, W3LeafMatcher):
        while matcher.is_active():
            # a whole block at a time: decode values only where a candidate sits
            if matcher._ids is None:
                matcher._read_ids()
            ids = matcher._ids
            values = None
            for i in range(matcher._i, len(ids)):
                docnum = ids[i] + offset
                if wanted[docnum >> 3] & bit[docnum & 7]:
                    if values is None:
                        matcher._read_values()
                        values = matcher._values
                    out[docnum] = decode(values[i])
            matcher._next_block()
        return out
    while matcher.is_active():
        docnum = matcher.id() + offset
        if wanted[docnum >> 3] & bit[docnum & 7]:
            out[docnum] = list(matcher.value_as("positions"))
        matcher.next()
    return out


def segment_lengths(subreader: Any, fieldname: str) -> list[int]:
    """Length (in terms) of ``fieldname`` for every document of one segment."""
    count: int = subreader.doc_count_all()
    if _fast():
        from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield

        perdoc = getattr(subreader, "_perdoc", None)
        if perdoc is not None and hasattr(perdoc, "_cached_reader"):
            column = perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
            if column is None:
                return [0] * count
            if all(hasattr(column, name) for name in ("_dbfile", "_basepos", "_count")):
                raw = column._dbfile.get(column._basepos, column._count)
                table = LENGTH_TABLE
                lengths = [table[byte] for byte in raw]
                lengths.extend([0] * (count - len(lengths)))
                return lengths
    return [subreader.doc_field_length(d, fieldname, 0) for d in range(count)]
