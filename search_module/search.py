"""Run a SearchRequest against one open searcher: hits, highlights, facets, suggestions.

How it stays fast (the pitfalls in RECIPES.md, measured):

* Matching is set algebra on document *bitsets* (Python ints, one bit per document).
  A term's bitset is read from its postings once and cached for the life of the searcher;
  AND/OR/NOT are single C-level operations on those ints, and the TRUE total is a
  ``bit_count()`` — never Whoosh's ``len(results)`` estimate or a second run of the query.
* Facets are "disjunctive": each facet's counts apply the query and every *other*
  facet's selection. Each facet value has its own bitset, so a count is one AND plus one
  ``bit_count()``: about a hundred of those per page, microseconds each.
* Ranking is BM25F with Whoosh's own statistics (idf, average field length, B=0.75,
  K1=1.2) but computed here, per term, over whole posting blocks, and cached: Whoosh's
  per-document matcher loop cost ~10 µs a document, and its block skipping rarely helps
  when a word is spread evenly over thousands of documents. Only the page's documents
  are taken from a heap.
* Wildcard and fuzzy words expand to at most ``MAX_EXPANSIONS`` index terms, most
  frequent first, and the user is told when the list was cut; a prefix needs 3 letters.
* Phrases are checked on positions only in documents that contain all their words.
* Only the hits on the page are highlighted, by our own escaping highlighter.
"""

from __future__ import annotations

import heapq
import html
import math
import re
import time
from array import array
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher, _lenfield
from whoosh.matching import ListMatcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import TermNotFound
from whoosh.searching import Searcher
from whoosh.util.numeric import byte_to_length

from search_module.analysis import fold, normalize, split_words, stem, tokens_with_offsets
from search_module.query import (
    AndNode,
    FacetNode,
    FuzzyNode,
    Node,
    NotNode,
    OrNode,
    ParsedQuery,
    PhraseNode,
    PrefixNode,
    TermNode,
    YearNode,
    iter_leaves,
    parse_query,
    render,
)
from search_module.schema import FACET_FIELDS, TEXT_FIELDS, VOCABULARY_DOC_ID
from search_module.values import (
    FACET_KEYS,
    Facet,
    Hit,
    Note,
    Reason,
    SearchRequest,
    SearchResult,
)

#: Most index terms a ``jeugd*`` or ``armoed~`` may stand for (most frequent kept).
MAX_EXPANSIONS = 50
#: Of those, how many take part in scoring (all of them take part in matching).
MAX_SCORING_EXPANSIONS = 12
#: Stop reading the vocabulary after this many prefix matches (protects "ver*").
MAX_PREFIX_SCAN = 5000
#: Below this many hits, the result set is scored document by document.
CANDIDATE_SCORING_LIMIT = 3000
#: Suggest a corrected query ("bedoelde u") when the query finds fewer documents.
SUGGEST_BELOW = 3
MAX_PAGE_SIZE = 100
SNIPPET_CHARS = 220
TERM_CACHE_SIZE = 2048
#: Postings kept in the score cache (8 bytes each, so about 32 MB).
SCORE_CACHE_ENTRIES = 4_000_000

ScoringPart = tuple[str, str, float]  # (field, term, boost)

_BIT = tuple(1 << i for i in range(8))
_LENGTH_TABLE = tuple(byte_to_length(b) for b in range(256))
_BYTE_POSITIONS = tuple(tuple(i for i in range(8) if byte & (1 << i)) for byte in range(256))
_TYPE_LABELS = {
    "onderzoek": "Onderzoek",
    "factsheet": "Factsheet",
    "nota": "Nota",
    "raadsvoorstel": "Raadsvoorstel",
    "monitor": "Monitor",
    "evaluatie": "Evaluatie",
    "jaarverslag": "Jaarverslag",
}


# --------------------------------------------------------------------------- bitsets


def _matcher_ids(matcher: Any) -> Iterable[int]:
    """All doc ids of a fresh posting matcher; reads whole blocks when it can."""
    if isinstance(matcher, FilterMatcher):
        matcher = matcher.child  # deletions are removed with the live bitset instead
    if isinstance(matcher, W3LeafMatcher):
        out: list[int] = []
        try:
            while matcher.is_active():
                if matcher._ids is None:
                    matcher._read_ids()
                out.extend(matcher._ids[matcher._i :])
                matcher._next_block()
            return out
        except AttributeError:  # pragma: no cover - Whoosh internals changed; go slow
            matcher.reset()
    if isinstance(matcher, ListMatcher):
        return matcher.all_ids()
    return list(matcher.all_ids())


def _matcher_items(matcher: Any) -> Iterable[tuple[int, float]]:
    """(doc id, term weight) for every posting of a fresh matcher, block by block."""
    if isinstance(matcher, FilterMatcher):
        matcher = matcher.child
    if isinstance(matcher, W3LeafMatcher):
        out: list[tuple[int, float]] = []
        try:
            while matcher.is_active():
                if matcher._ids is None:
                    matcher._read_ids()
                if matcher._weights is None:
                    matcher._read_weights()
                i = matcher._i
                out.extend(zip(matcher._ids[i:], matcher._weights[i:], strict=False))
                matcher._next_block()
            return out
        except AttributeError:  # pragma: no cover - Whoosh internals changed; go slow
            matcher.reset()
    items: list[tuple[int, float]] = []
    while matcher.is_active():
        items.append((matcher.id(), matcher.weight()))
        matcher.next()
    return items


def _segment_lengths(subreader: Any, fieldname: str) -> list[int]:
    """Field lengths of one segment; reads the length column in one go when it can."""
    count = subreader.doc_count_all()
    try:
        column = subreader._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
        if column is None:
            return [0] * count
        raw = column._dbfile.get(column._basepos, column._count)
        table = _LENGTH_TABLE
        lengths = [table[byte] for byte in raw]
        lengths.extend([0] * (count - len(lengths)))
        return lengths
    except AttributeError:  # pragma: no cover - Whoosh internals changed; go slow
        return [subreader.doc_field_length(d, fieldname) for d in range(count)]


def bits_from_ids(ids: Iterable[int], nbytes: int) -> int:
    """Build a bitset (an int) from document numbers."""
    buf = bytearray(nbytes)
    bit = _BIT
    for i in ids:
        buf[i >> 3] |= bit[i & 7]
    return int.from_bytes(buf, "little")


def bits_to_list(bits: int) -> list[int]:
    """Document numbers set in a bitset, ascending."""
    if not bits:
        return []
    raw = bits.to_bytes((bits.bit_length() + 7) // 8, "little")
    out: list[int] = []
    positions = _BYTE_POSITIONS
    for index, byte in enumerate(raw):
        if byte:
            base = index << 3
            out.extend(base + p for p in positions[byte])
    return out


# --------------------------------------------------------------------------- the view


@dataclass
class Expansion:
    """The index terms one wildcard/fuzzy word stands for, per field."""

    terms: dict[str, list[str]]
    total_terms: int
    truncated: bool


class IndexView:
    """An open searcher plus caches derived from it; replaced as a whole on refresh."""

    def __init__(self, searcher: Searcher) -> None:
        self.searcher = searcher
        self.reader = searcher.reader()
        self.n = self.reader.doc_count_all()
        self.nbytes = max(1, (self.n + 7) // 8)
        self.leaf_readers: list[tuple[Any, int]] = list(self.reader.leaf_readers())
        self._term_bits: OrderedDict[tuple[str, str], int] = OrderedDict()
        self._facet_bits: dict[str, dict[str, int]] = {}
        self._live: int | None = None
        self._sortkeys: list[int] | None = None
        self._date_order: list[int] | None = None
        self._theme_names: dict[str, str] | None = None
        self._expansions: OrderedDict[tuple[str, str, int], Expansion] = OrderedDict()
        self._lengths: dict[str, list[int]] = {}
        self._scores: OrderedDict[tuple[str, str], tuple[array, array]] = OrderedDict()
        self._score_entries = 0

    # -- basic sets

    @property
    def live(self) -> int:
        """Bitset of real documents that are not deleted (no vocabulary pseudo-document)."""
        if self._live is None:
            if self.reader.has_deletions():
                live = bits_from_ids(self.reader.all_doc_ids(), self.nbytes)
            else:
                live = (1 << self.n) - 1
            self._live = live & ~self._posting_bits("doc_id", VOCABULARY_DOC_ID)
        return self._live

    def doc_count(self) -> int:
        return self.live.bit_count()

    def _posting_bits(self, fieldname: str, term: str) -> int:
        """Bitset of every document in a term's postings (deleted ones included)."""
        buf = bytearray(self.nbytes)
        bit = _BIT
        for subreader, offset in self.leaf_readers:
            try:
                matcher = subreader.postings(fieldname, term)
            except TermNotFound:
                continue
            for docnum in _matcher_ids(matcher):
                docnum += offset
                buf[docnum >> 3] |= bit[docnum & 7]
        return int.from_bytes(buf, "little")

    def term_bits(self, fieldname: str, term: str, scored: bool = False) -> int:
        """Bitset of live documents containing ``term`` in ``fieldname`` (cached).

        ``scored``: the term will be ranked on too, so read postings once for both.
        """
        key = (fieldname, term)
        cached = self._term_bits.get(key)
        if cached is not None:
            self._term_bits.move_to_end(key)
            return cached
        if scored or (fieldname, term) in self._scores:
            bits = bits_from_ids(self.term_scores(fieldname, term)[0], self.nbytes) & self.live
        else:
            bits = self._posting_bits(fieldname, term) & self.live
        self._term_bits[key] = bits
        if len(self._term_bits) > TERM_CACHE_SIZE:
            self._term_bits.popitem(last=False)
        return bits

    def field_lengths(self, fieldname: str) -> list[int]:
        """Length (in terms) of ``fieldname`` for every document, as BM25 sees it."""
        lengths = self._lengths.get(fieldname)
        if lengths is None:
            lengths = []
            for subreader, _offset in self.leaf_readers:
                lengths.extend(_segment_lengths(subreader, fieldname))
            self._lengths[fieldname] = lengths
        return lengths

    def term_scores(self, fieldname: str, term: str) -> tuple[array, array]:
        """(docnums, BM25F scores) of every posting of a term, computed once and cached.

        Scoring whole posting blocks here costs well under a microsecond per document;
        Whoosh's matcher-per-document loop costs about ten, and block skipping rarely helps
        when a word appears about equally often in most documents.
        """
        key = (fieldname, term)
        cached = self._scores.get(key)
        if cached is not None:
            self._scores.move_to_end(key)
            return cached
        searcher = self.searcher
        idf = searcher.idf(fieldname, term)
        avg = searcher.avg_field_length(fieldname) or 1.0
        lengths = self.field_lengths(fieldname)
        k1, b = 1.2, 0.75
        docs = array("i")
        scores = array("f")
        for subreader, offset in self.leaf_readers:
            try:
                matcher = subreader.postings(fieldname, term)
            except TermNotFound:
                continue
            for docnum, tf in _matcher_items(matcher):
                docnum += offset
                length = lengths[docnum]
                docs.append(docnum)
                scores.append(idf * (tf * (k1 + 1)) / (tf + k1 * ((1 - b) + b * length / avg)))
        result = (docs, scores)
        self._scores[key] = result
        self._score_entries += len(docs)
        while self._score_entries > SCORE_CACHE_ENTRIES and len(self._scores) > 1:
            _key, (old_docs, _old) = self._scores.popitem(last=False)
            self._score_entries -= len(old_docs)
        return result

    def facet_bits(self, key: str) -> dict[str, int]:
        """Value -> bitset for one facet key (type, thema, jaar, afdeling)."""
        values = self._facet_bits.get(key)
        if values is None:
            fieldname = FACET_FIELDS[key]
            values = {}
            for btext in self.reader.lexicon(fieldname):
                value = btext.decode("utf-8")
                bits = self.term_bits(fieldname, value)
                if bits:
                    values[value] = bits
            self._facet_bits[key] = values
        return values

    @property
    def theme_names(self) -> dict[str, str]:
        """Theme code -> Dutch theme name, read from one document per theme."""
        if self._theme_names is None:
            names: dict[str, str] = {}
            for code, bits in self.facet_bits("thema").items():
                first = (bits & -bits).bit_length() - 1
                names[code] = self.reader.stored_fields(first).get("theme_name") or code
            self._theme_names = names
        return self._theme_names

    @property
    def date_order(self) -> list[int]:
        """All document numbers, newest first (published date, else the year)."""
        if self._date_order is None:
            keys = self.sortkeys
            self._date_order = sorted(range(self.n), key=lambda d: (keys[d], d), reverse=True)
        return self._date_order

    @property
    def sortkeys(self) -> list[int]:
        if self._sortkeys is None:
            # An empty index (no documents yet) has no column at all.
            columns = self.reader.column_reader("sortkey") if self.n else ()
            self._sortkeys = [int(v or 0) for v in columns]
        return self._sortkeys

    # -- expansions

    def _with_frequencies(self, fieldname: str, terms: dict[str, int]) -> dict[str, int]:
        """Document frequency per term, dropping terms this field does not have."""
        out = {}
        for term in terms:
            freq = self.reader.doc_frequency(fieldname, term)
            if freq > 0:
                out[term] = freq
        return out

    def expand(self, node: PrefixNode | FuzzyNode) -> Expansion:
        """Index terms for a wildcard or fuzzy word, capped at MAX_EXPANSIONS."""
        fields = list(TEXT_FIELDS) if node.field == "all" else ["title"]
        if isinstance(node, PrefixNode):
            key = (node.field, "*" + node.prefix, 0)
        else:
            key = (node.field, "~" + node.term, node.maxdist)
        cached = self._expansions.get(key)
        if cached is not None:
            return cached
        found: dict[str, dict[str, int]] = {}
        scanned = 0
        if isinstance(node, PrefixNode):
            for fieldname in fields:
                terms: dict[str, int] = {}
                for subreader, _offset in self.leaf_readers:
                    for raw in subreader.expand_prefix(fieldname, node.prefix):
                        term = raw.decode("utf-8") if isinstance(raw, bytes) else raw
                        if term not in terms:
                            terms[term] = 0
                            scanned += 1
                            if scanned >= MAX_PREFIX_SCAN:
                                break
                # "woningen*" should still find "woning": the stems are shorter
                terms.setdefault(stem(node.prefix), 0)
                found[fieldname] = self._with_frequencies(fieldname, terms)
        else:
            # Fuzzy matching runs on the words as written (armoed~ -> armoede), then maps
            # them to index terms; on stems, typos stem unpredictably.
            words: set[str] = set()
            for subreader, _offset in self.leaf_readers:
                for raw in subreader.terms_within("spell", fold(node.word), node.maxdist, prefix=1):
                    words.add(raw.decode("utf-8") if isinstance(raw, bytes) else raw)
            stems = {t for t in (normalize(w) for w in words) if t}
            stems.add(node.term)
            scanned = len(stems)
            for fieldname in fields:
                found[fieldname] = self._with_frequencies(fieldname, dict.fromkeys(stems, 0))
        weight: dict[str, int] = {}
        for terms in found.values():
            for term, freq in terms.items():
                weight[term] = weight.get(term, 0) + freq
        keep = set(heapq.nlargest(MAX_EXPANSIONS, weight, key=lambda t: (weight[t], t)))
        expansion = Expansion(
            terms={
                f: sorted((t for t in terms if t in keep), key=lambda t: -terms[t])
                for f, terms in found.items()
            },
            total_terms=len(weight),
            truncated=len(weight) > MAX_EXPANSIONS or scanned >= MAX_PREFIX_SCAN,
        )
        self._expansions[key] = expansion
        if len(self._expansions) > 256:
            self._expansions.popitem(last=False)
        return expansion


# --------------------------------------------------------------------------- evaluation


@dataclass
class _Eval:
    """State of one evaluation: hints and the terms to highlight."""

    view: IndexView
    hints: list[str] = field(default_factory=list)
    highlight: set[str] = field(default_factory=set)
    scoring: list[ScoringPart] = field(default_factory=list)

    def hint(self, message: str) -> None:
        if message not in self.hints:
            self.hints.append(message)


def _fields_for(field_name: str) -> dict[str, float]:
    return dict(TEXT_FIELDS) if field_name == "all" else {"title": TEXT_FIELDS["title"]}


def _term_positions(
    view: IndexView, fieldname: str, term: str, wanted: bytes
) -> dict[int, list[int]]:
    """Positions of ``term`` per document, decoded only for documents set in ``wanted``."""
    out: dict[int, list[int]] = {}
    bit = _BIT
    for subreader, offset in view.leaf_readers:
        try:
            matcher = subreader.postings(fieldname, term)
        except TermNotFound:
            continue
        if isinstance(matcher, FilterMatcher):
            matcher = matcher.child
        decode = subreader.schema[fieldname].format.decode_positions
        while matcher.is_active():
            if isinstance(matcher, W3LeafMatcher):
                # a whole block at a time: decode values only where a candidate sits
                if matcher._ids is None:
                    matcher._read_ids()
                ids = matcher._ids
                start = matcher._i
                values = None
                for i in range(start, len(ids)):
                    docnum = ids[i] + offset
                    if wanted[docnum >> 3] & bit[docnum & 7]:
                        if values is None:
                            matcher._read_values()
                            values = matcher._values
                        out[docnum] = decode(values[i])
                matcher._next_block()
            else:
                docnum = matcher.id() + offset
                if wanted[docnum >> 3] & bit[docnum & 7]:
                    out[docnum] = list(matcher.value_as("positions"))
                matcher.next()
    return out


def _phrase_bits(view: IndexView, fieldname: str, terms: tuple[str, ...]) -> int:
    """Documents with ``terms`` at consecutive positions (checked only where all occur)."""
    key = (fieldname, "\x00".join(terms))
    cached = view._term_bits.get(key)
    if cached is not None:
        return cached
    candidates = view.live
    for term in terms:
        candidates &= view.term_bits(fieldname, term, scored=True)
        if not candidates:
            break
    bits = 0
    if candidates:
        wanted = candidates.to_bytes(view.nbytes, "little")
        per_term = [_term_positions(view, fieldname, term, wanted) for term in terms]
        first, rest = per_term[0], per_term[1:]
        found: list[int] = []
        for docnum, starts in first.items():
            later = [set(positions.get(docnum, ())) for positions in rest]
            if any(all(p + i in later[i - 1] for i in range(1, len(terms))) for p in starts):
                found.append(docnum)
        bits = bits_from_ids(found, view.nbytes) & candidates
    view._term_bits[key] = bits
    return bits


def _match_facet_values(view: IndexView, node: FacetNode) -> list[str]:
    """Facet values a typed ``type:``/``thema:``/``afdeling:`` value refers to."""
    wanted = fold(node.value.strip())
    wanted_terms = [t for t in (normalize(w) for w in split_words(node.value)) if t]
    values = view.facet_bits(node.key)
    exact = [v for v in values if fold(v) == wanted]
    if node.key == "thema":
        exact += [
            c for c, name in view.theme_names.items() if fold(name) == wanted and c not in exact
        ]
    if exact:
        return exact
    if not wanted_terms:
        return []
    matched = []
    for value in values:
        label = view.theme_names.get(value, value) if node.key == "thema" else value
        label_terms = set(t for t in (normalize(w) for w in split_words(label)) if t)
        if node.key == "thema":
            label_terms |= {t for t in (normalize(w) for w in split_words(value)) if t}
        if all(t in label_terms for t in wanted_terms):
            matched.append(value)
    return matched


def _leaf_scoring(ev: _Eval, node: Node) -> list[ScoringPart]:
    """(field, term, boost) parts used to *score* one positive text leaf.

    Matching is done on bitsets; scoring only needs the terms. A phrase is scored by its
    words: the bitset already guarantees the phrase is there.
    """
    fields = _fields_for(getattr(node, "field", "all"))
    if isinstance(node, TermNode):
        return [(f, node.term, b) for f, b in fields.items()]
    if isinstance(node, PhraseNode):
        return [(f, t, b) for f, b in fields.items() for t in dict.fromkeys(node.terms)]
    if isinstance(node, (PrefixNode, FuzzyNode)):
        expansion = ev.view.expand(node)
        return [
            (f, term, b)
            for f, b in fields.items()
            for term in expansion.terms.get(f, [])[:MAX_SCORING_EXPANSIONS]
        ]
    return []


def _evaluate(ev: _Eval, node: Node, negated: bool = False) -> int:
    """Bitset of documents matching ``node``; collects highlight terms and scoring parts."""
    view = ev.view
    if isinstance(node, AndNode):
        positives = [c for c in node.children if not isinstance(c, NotNode)]
        negatives = [c for c in node.children if isinstance(c, NotNode)]
        bits = view.live
        for child in positives:
            bits &= _evaluate(ev, child, negated)
        for child in negatives:
            if bits:
                bits &= ~_evaluate(ev, child.child, not negated)
        return bits
    if isinstance(node, OrNode):
        bits = 0
        for child in node.children:
            bits |= _evaluate(ev, child, negated)
        return bits
    if isinstance(node, NotNode):
        return view.live & ~_evaluate(ev, node.child, not negated)
    if isinstance(node, FacetNode):
        values = _match_facet_values(view, node)
        if not values:
            names = {"type": "type", "thema": "thema", "afdeling": "afdeling"}
            ev.hint(
                f'Geen {names[node.key]} "{node.value}" gevonden; kies een waarde uit de '
                "lijst aan de zijkant."
            )
            return 0
        table = view.facet_bits(node.key)
        bits = 0
        for value in values:
            bits |= table.get(value, 0)
        return bits
    if isinstance(node, YearNode):
        bits = 0
        for value, value_bits in view.facet_bits("jaar").items():
            if not value.isdigit():
                continue
            year = int(value)
            if (node.start is None or year >= node.start) and (
                node.end is None or year <= node.end
            ):
                bits |= value_bits
        return bits
    # text leaves
    fields = _fields_for(node.field)
    bits = 0
    if isinstance(node, TermNode):
        for f in fields:
            bits |= view.term_bits(f, node.term, scored=not negated)
        if not negated:
            ev.highlight.add(node.term)
    elif isinstance(node, PhraseNode):
        for f in fields:
            bits |= _phrase_bits(view, f, node.terms)
        if not negated:
            ev.highlight.update(node.terms)
    elif isinstance(node, (PrefixNode, FuzzyNode)):
        expansion = view.expand(node)
        label = f"{node.prefix}*" if isinstance(node, PrefixNode) else f"{node.word}~{node.maxdist}"
        if expansion.truncated:
            ev.hint(
                f"{label} past bij meer dan {MAX_EXPANSIONS} woorden; alleen de "
                f"{MAX_EXPANSIONS} meest voorkomende zijn gebruikt. Maak het woord langer "
                "voor een preciezer resultaat."
            )
        for f, terms in expansion.terms.items():
            if f not in fields:
                continue
            for rank, term in enumerate(terms):
                scored = not negated and rank < MAX_SCORING_EXPANSIONS
                bits |= view.term_bits(f, term, scored=scored)
                if not negated:
                    ev.highlight.add(term)
    if not negated:
        ev.scoring.extend(_leaf_scoring(ev, node))
    return bits


# --------------------------------------------------------------------------- explanations

#: Index field -> the field name a Reason reports.
_REASON_FIELDS = {"title": "title", "content": "body"}
_FACET_REASONS = {"type": "type", "thema": "theme", "afdeling": "department"}


def _leaf_field_bits(view: IndexView, node: Node) -> dict[str, int]:
    """Per reported field, the documents one positive leaf matches there."""
    if isinstance(node, FacetNode):
        table = view.facet_bits(node.key)
        bits = 0
        for value in _match_facet_values(view, node):
            bits |= table.get(value, 0)
        return {_FACET_REASONS[node.key]: bits}
    if isinstance(node, YearNode):
        bits = 0
        for value, value_bits in view.facet_bits("jaar").items():
            year = int(value) if value.isdigit() else None
            if year is not None and (node.start or year) <= year <= (node.end or year):
                bits |= value_bits
        return {"year": bits}
    out: dict[str, int] = {}
    for fieldname in _fields_for(getattr(node, "field", "all")):
        if isinstance(node, TermNode):
            bits = view.term_bits(fieldname, node.term)
        elif isinstance(node, PhraseNode):
            bits = _phrase_bits(view, fieldname, node.terms)
        elif isinstance(node, (PrefixNode, FuzzyNode)):
            bits = 0
            for term in view.expand(node).terms.get(fieldname, []):
                bits |= view.term_bits(fieldname, term)
        else:
            continue
        out[_REASON_FIELDS[fieldname]] = bits
    return out


def explain_hits(view: IndexView, root: Node | None, docnums: list[int]) -> list[tuple]:
    """For each document, the positive parts of the query it matched and where."""
    leaves = [leaf for leaf, negated in iter_leaves(root) if not negated]
    per_leaf = [(render(leaf), _leaf_field_bits(view, leaf)) for leaf in leaves]
    out = []
    for docnum in docnums:
        reasons: list[Reason] = []
        for text, by_field in per_leaf:
            fields = tuple(f for f, bits in by_field.items() if bits >> docnum & 1)
            if fields and all(r.text != text for r in reasons):
                reasons.append(Reason(text, fields))
        out.append(tuple(reasons))
    return out


def theme_notes(view: IndexView, root: Node | None) -> list[Note]:
    """Notes for plain words that are part of a theme's name: the theme is found through
    thema: (or the facet), and some of its documents do not have the word in their text."""
    notes: list[Note] = []
    names = view.theme_names
    themes = view.facet_bits("thema")
    for leaf, negated in iter_leaves(root):
        if not isinstance(leaf, TermNode) or leaf.field != "all":
            continue
        text_bits = 0
        for fieldname in TEXT_FIELDS:
            text_bits |= view.term_bits(fieldname, leaf.term)
        for code, name in sorted(names.items()):
            name_terms = {t for t in (normalize(w) for w in split_words(name)) if t}
            if leaf.term not in name_terms:
                continue
            count = (themes.get(code, 0) & view.live & ~text_bits).bit_count()
            if count:
                notes.append(
                    Note(
                        "theme_word_not" if negated else "theme_word",
                        {
                            "word": leaf.word,
                            "theme": name,
                            "field": f"thema:{code}",
                            "count": count,
                        },
                    )
                )
    return notes


# --------------------------------------------------------------------------- highlighting


def _mark(text: str, spans: list[tuple[int, int]], start: int, end: int) -> str:
    """Escape ``text[start:end]`` and wrap the spans in <mark>; nothing else is markup."""
    out: list[str] = []
    pos = start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        out.append(html.escape(text[pos:s]))
        out.append("<mark>" + html.escape(text[s:e]) + "</mark>")
        pos = e
    out.append(html.escape(text[pos:end]))
    return "".join(out)


def highlight_title(title: str, terms: set[str]) -> str:
    spans = [(s, e) for s, e, t in tokens_with_offsets(title) if t in terms] if terms else []
    return _mark(title, spans, 0, len(title))


def _best_window(matches: list[tuple[int, int, str]], width: int) -> int:
    """Start offset of the window with the most distinct matched terms."""
    best_start, best_score = matches[0][0], (0, 0)
    j = 0
    for i, (start, _end, _term) in enumerate(matches):
        j = max(j, i)
        while j + 1 < len(matches) and matches[j + 1][1] - start <= width:
            j += 1
        window = matches[i : j + 1]
        score = (len({t for _, _, t in window}), len(window))
        if score > best_score:
            best_score, best_start = score, start
    return best_start


_MD_LINE_MARKS = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|[-*+][ \t]+|\d+[.)][ \t]+|>[ \t]?)", re.M)
_MD_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}[-|: \t]*$", re.M)
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(?<!\w)[*_`]+(?=\S)|(?<=\S)[*_`]+(?!\w)")


def plain_text(text: str) -> str:
    """Text without Markdown marks (headings, list bullets, table pipes, emphasis, link
    targets), on one line: what a snippet shows."""
    text = _MD_TABLE_RULE.sub(" ", text)
    text = _MD_LINE_MARKS.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_EMPHASIS.sub("", text.replace("|", " "))
    return " ".join(text.split())


def make_snippet(text: str, terms: set[str], width: int = SNIPPET_CHARS) -> str:
    """A safe HTML snippet of ``text`` (as plain text) around the densest group of query
    terms."""
    text = plain_text(text[:50_000]) if text else ""
    if not text:
        return ""
    scan = text[:50_000]
    matches = [m for m in tokens_with_offsets(scan) if m[2] in terms] if terms else []
    if matches:
        anchor = _best_window(matches, width)
        start = max(0, anchor - width // 4)
        if start > 0:
            space = text.rfind(" ", 0, start + 1)
            start = space + 1 if space >= 0 and start - space < 30 else start
    else:
        start = 0
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        if space > start + width // 2:
            end = space
    spans = [(s, e) for s, e, _t in matches if s >= start and e <= end]
    body = _mark(text, spans, start, end).strip()
    return ("… " if start > 0 else "") + body + (" …" if end < len(text) else "")


# --------------------------------------------------------------------------- suggestions


def _vocabulary_frequency(view: IndexView, word: str) -> int:
    return int(view.reader.frequency("spell", word))


def _correct_word(view: IndexView, word: str) -> str | None:
    """Best vocabulary word within 1-2 edits of ``word``, most frequent first."""
    folded = fold(word)
    if len(folded) < 3 or not folded.isalpha():
        return None
    own = _vocabulary_frequency(view, folded)
    maxdist = 1 if len(folded) <= 5 else 2
    best: tuple[int, int, str] | None = None
    for subreader, _offset in view.leaf_readers:
        for raw in subreader.terms_within("spell", folded, maxdist, prefix=1):
            candidate = raw.decode("utf-8") if isinstance(raw, bytes) else raw
            if candidate == folded:
                continue
            freq = _vocabulary_frequency(view, candidate)
            if freq <= own:
                continue
            dist = _edit_distance(candidate, folded)
            key = (dist, -freq, candidate)
            if best is None or key < best:
                best = key
    return best[2] if best else None


def _edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def suggest(view: IndexView, parsed: ParsedQuery, total: int) -> str | None:
    """A whole corrected query ("bedoelde u ...") when a correction finds more documents."""
    if parsed.root is None:
        return None
    replacements: list[tuple[int, int, str]] = []
    for leaf, negated in iter_leaves(parsed.root):
        if negated:
            continue
        if isinstance(leaf, TermNode):
            words = [(leaf.word, leaf.span)]
        elif isinstance(leaf, PhraseNode):
            words = [(w, leaf.span) for w in leaf.words]
        else:
            continue
        for word, (start, end) in words:
            if _vocabulary_frequency(view, fold(word)) >= 2:
                continue
            better = _correct_word(view, word)
            if better is None:
                continue
            segment = parsed.text[start:end]
            at = segment.find(word)
            if at < 0:
                continue
            replacements.append((start + at, start + at + len(word), better))
    if not replacements:
        return None
    text = parsed.text
    for start, end, word in sorted(set(replacements), reverse=True):
        text = text[:start] + word + text[end:]
    if text == parsed.text:
        return None
    corrected = parse_query(text)
    if corrected.root is None:
        return None
    new_total = (_evaluate(_Eval(view), corrected.root)).bit_count()
    return text if new_total > total else None


# --------------------------------------------------------------------------- running


def _filters_description(filters: dict[str, list[str]], view: IndexView) -> str:
    parts = []
    names = {"type": "type", "thema": "thema", "jaar": "jaar", "afdeling": "afdeling"}
    for key in FACET_KEYS:
        values = filters.get(key) or []
        if not values:
            continue
        labels = [view.theme_names.get(v, v) if key == "thema" else v for v in values]
        parts.append(f"{names[key]} {' of '.join(labels)}")
    return "; ".join(parts)


def _facet_label(key: str, value: str, view: IndexView) -> str:
    if key == "thema":
        return view.theme_names.get(value, value)
    if key == "type":
        return _TYPE_LABELS.get(value, value[:1].upper() + value[1:])
    return value


def _scored_top(
    view: IndexView, parts: list[ScoringPart], allowed: int, total: int, limit: int
) -> list[tuple[float, int]]:
    """(score, docnum) of the best ``limit`` allowed documents, best first (BM25F)."""
    raw = allowed.to_bytes(view.nbytes, "little")
    bit = _BIT
    merged: dict[tuple[str, str], float] = {}
    for fieldname, term, boost in parts:
        merged[(fieldname, term)] = merged.get((fieldname, term), 0.0) + boost
    if total <= CANDIDATE_SCORING_LIMIT and len(merged) > 1:
        # few candidates: look each one up in every term's score table
        docs = bits_to_list(allowed)
        acc = dict.fromkeys(docs, 0.0)
        for (fieldname, term), boost in merged.items():
            docs_arr, scores_arr = view.term_scores(fieldname, term)
            if len(docs_arr) > 8 * len(docs):
                # a long posting list: binary-search the few candidates (postings are sorted)
                size = len(docs_arr)
                for docnum in docs:
                    at = bisect_left(docs_arr, docnum)
                    if at < size and docs_arr[at] == docnum:
                        acc[docnum] += scores_arr[at] * boost
            else:
                get = dict(zip(docs_arr, scores_arr, strict=False)).get
                for docnum in docs:
                    score = get(docnum)
                    if score is not None:
                        acc[docnum] += score * boost
        scored: Iterable[tuple[float, int]] = ((s, d) for d, s in acc.items() if s > 0.0)
    elif len(merged) == 1:
        (((fieldname, term), boost),) = merged.items()
        docs_arr, scores_arr = view.term_scores(fieldname, term)
        pairs = zip(docs_arr, scores_arr, strict=False)
        scored = ((s * boost, d) for d, s in pairs if raw[d >> 3] & bit[d & 7])
    else:
        acc2: dict[int, float] = {}
        for (fieldname, term), boost in merged.items():
            docs_arr, scores_arr = view.term_scores(fieldname, term)
            get = acc2.get
            for d, s in zip(docs_arr, scores_arr, strict=False):
                acc2[d] = get(d, 0.0) + s * boost
        scored = ((s, d) for d, s in acc2.items() if raw[d >> 3] & bit[d & 7])
    return heapq.nlargest(limit, scored, key=lambda item: (item[0], -item[1]))


def _newest(view: IndexView, bits: int, limit: int, exclude: set[int] | None = None) -> list[int]:
    """The ``limit`` newest documents in ``bits``, skipping ``exclude``."""
    exclude = exclude or set()
    count = bits.bit_count()
    if count * 8 < view.n:
        docs = [d for d in bits_to_list(bits) if d not in exclude]
        keys = view.sortkeys
        return heapq.nlargest(limit, docs, key=lambda d: (keys[d], d))
    raw = bits.to_bytes(view.nbytes, "little")
    out: list[int] = []
    for docnum in view.date_order:
        if raw[docnum >> 3] & _BIT[docnum & 7] and docnum not in exclude:
            out.append(docnum)
            if len(out) >= limit:
                break
    return out


def _to_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _make_hit(view: IndexView, docnum: int, score: float, terms: set[str]) -> Hit:
    stored = view.reader.stored_fields(docnum)
    title = stored.get("title") or ""
    body = stored.get("body") or ""
    summary = stored.get("summary") or ""
    body_matches = bool(terms) and any(
        t in terms for _s, _e, t in tokens_with_offsets(body[:50_000])
    )
    # show the summary when the body has no query word to show (or no text at all)
    snippet_source = summary if summary and (not body or (terms and not body_matches)) else body
    try:
        year = int(stored.get("year") or 0)
    except ValueError:
        year = 0
    return Hit(
        doc_id=int(stored.get("doc_id") or 0),
        title=title,
        title_html=highlight_title(title, terms),
        snippet_html=make_snippet(snippet_source, terms),
        doctype=stored.get("doctype") or "",
        theme=stored.get("theme") or "",
        theme_name=stored.get("theme_name") or "",
        year=year,
        department=stored.get("department") or "",
        published=_to_date(stored.get("published")),
        score=round(score, 4),
        source=stored.get("source") or "",
    )


def run_search(view: IndexView, request: SearchRequest) -> SearchResult:
    """Answer one request; never raises for odd input (only for a broken index)."""
    started = time.perf_counter()
    page_size = max(1, min(int(request.page_size or 10), MAX_PAGE_SIZE))
    page = max(1, int(request.page or 1))
    parsed = parse_query(request.query or "")
    ev = _Eval(view)
    hints = list(parsed.hints)

    base = view.live if parsed.root is None else _evaluate(ev, parsed.root)

    # facet selections: OR within a key, AND across keys
    filters = {
        k: [str(v) for v in (request.filters or {}).get(k) or [] if str(v)] for k in FACET_KEYS
    }
    selections: dict[str, int] = {}
    for key, values in filters.items():
        if values:
            table = view.facet_bits(key)
            bits = 0
            for value in values:
                bits |= table.get(value, 0)
            selections[key] = bits
    final = base
    for bits in selections.values():
        final &= bits
    total = final.bit_count()

    facets: dict[str, list[Facet]] = {}
    for key in FACET_KEYS:
        scope = base
        for other, bits in selections.items():
            if other != key:
                scope &= bits
        chosen = set(filters[key])
        items = []
        for value, bits in view.facet_bits(key).items():
            count = (scope & bits).bit_count() if scope else 0
            if count or value in chosen:
                items.append(Facet(value, _facet_label(key, value, view), count, value in chosen))
        for value in chosen - {f.value for f in items}:
            items.append(Facet(value, _facet_label(key, value, view), 0, True))
        if key == "jaar":
            items.sort(key=lambda f: f.value, reverse=True)
        else:
            items.sort(key=lambda f: (-f.count, f.label.lower()))
        facets[key] = items

    sort = request.sort if request.sort in ("relevance", "date") else "relevance"
    if not ev.scoring:
        sort = "date"  # nothing to rank on (empty query, only fields or NOT): newest first
    start = (page - 1) * page_size
    needed = start + page_size
    ranked: list[tuple[float, int]] = []
    if start < total:
        if sort == "relevance" and ev.scoring:
            ranked = _scored_top(view, ev.scoring, final, total, needed)
            if len(ranked) < needed:
                seen = {d for _s, d in ranked}
                ranked += [(0.0, d) for d in _newest(view, final, needed - len(ranked), seen)]
        else:
            ranked = [(0.0, d) for d in _newest(view, final, needed)]
    page_docs = [docnum for _score, docnum in ranked[start:needed]]
    reasons = explain_hits(view, parsed.root, page_docs)
    hits = [
        replace(_make_hit(view, docnum, score, ev.highlight), why=why)
        for (score, docnum), why in zip(ranked[start:needed], reasons, strict=True)
    ]

    hints.extend(h for h in ev.hints if h not in hints)
    suggestion = None
    if total < SUGGEST_BELOW and parsed.root is not None:
        suggestion = suggest(view, parsed, total)

    understood = parsed.understood
    described = _filters_description(filters, view)
    if described:
        understood += f"; filters: {described}"
    return SearchResult(
        hits=hits,
        total=total,
        page=page,
        page_size=page_size,
        pages=max(1, math.ceil(total / page_size)),
        facets=facets,
        suggestion=suggestion,
        understood=understood,
        hints=hints,
        features=parsed.features,
        elapsed_ms=round((time.perf_counter() - started) * 1000, 2),
        sort=sort,
        notes=[*parsed.notes, *theme_notes(view, parsed.root)],
        filters={key: values for key, values in filters.items() if values},
    )


UNAVAILABLE_HINT = (
    "De zoekindex is op dit moment niet beschikbaar; probeer het later opnieuw of vraag "
    "een beheerder de index opnieuw op te bouwen."
)


def unavailable_result(request: SearchRequest) -> SearchResult:
    """The empty page shown when there is no usable index."""
    parsed = parse_query(request.query or "")
    return SearchResult(
        hits=[],
        total=0,
        page=max(1, int(request.page or 1)),
        page_size=max(1, min(int(request.page_size or 10), MAX_PAGE_SIZE)),
        pages=1,
        facets={key: [] for key in FACET_KEYS},
        suggestion=None,
        understood=parsed.understood,
        hints=[UNAVAILABLE_HINT, *parsed.hints],
        features=parsed.features,
        elapsed_ms=0.0,
    )
