"""An open searcher plus everything derived from it: term bitsets, BM25F score tables,
field lengths, facet values and wildcard/fuzzy expansions, all cached for its lifetime.

Ranking is BM25F with Whoosh's own statistics (idf, average field length, B=0.75, K1=1.2)
computed here per term over whole posting blocks and cached: Whoosh's per-document matcher
loop costs about 10 µs a document, and its block skipping rarely helps when a word is
spread evenly over thousands of documents. Wildcard and fuzzy words expand to at most
``MAX_EXPANSIONS`` index terms, most frequent first, and say when the list was cut.
"""

from __future__ import annotations

import heapq
from array import array
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from whoosh.reading import TermNotFound
from whoosh.searching import Searcher

from search_module import whoosh_adapter
from search_module.analysis import fold, normalize, stem
from search_module.bitsets import BIT, bits_from_ids
from search_module.query import FuzzyNode, PrefixNode
from search_module.schema import FACET_FIELDS, TEXT_FIELDS, VOCABULARY_DOC_ID

#: Most index terms a ``jeugd*`` or ``armoed~`` may stand for (most frequent kept).
MAX_EXPANSIONS = 50
#: Stop reading the vocabulary after this many prefix matches (protects "ver*").
MAX_PREFIX_SCAN = 5000
TERM_CACHE_SIZE = 2048
#: Postings kept in the score cache (8 bytes each, so about 32 MB).
SCORE_CACHE_ENTRIES = 4_000_000
#: BM25F's parameters, as Whoosh's default ``BM25F()`` has them.
BM25_K1 = 1.2
BM25_B = 0.75


@dataclass
class Expansion:
    """The index terms one wildcard/fuzzy word stands for, per field."""

    terms: dict[str, list[str]]
    total_terms: int
    truncated: bool
    cap: int = 0  # the MAX_EXPANSIONS it was cut at


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
            self._live = live & ~self.posting_bits("doc_id", VOCABULARY_DOC_ID)
        return self._live

    def doc_count(self) -> int:
        return self.live.bit_count()

    def posting_bits(self, fieldname: str, term: str) -> int:
        """Bitset of every document in a term's postings (deleted ones included)."""
        buf = bytearray(self.nbytes)
        bit = BIT
        for subreader, offset in self.leaf_readers:
            try:
                matcher = subreader.postings(fieldname, term)
            except TermNotFound:
                continue
            for docnum in whoosh_adapter.posting_ids(matcher):
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
            bits = self.posting_bits(fieldname, term) & self.live
        self._term_bits[key] = bits
        if len(self._term_bits) > TERM_CACHE_SIZE:
            self._term_bits.popitem(last=False)
        return bits

    def cached_bits(self, key: tuple[str, str]) -> int | None:
        """A bitset computed before under ``key`` (a phrase, say), or None."""
        return self._term_bits.get(key)

    def remember_bits(self, key: tuple[str, str], bits: int) -> None:
        """Keep a derived bitset (a phrase's, say) with the term bitsets."""
        self._term_bits[key] = bits
        if len(self._term_bits) > TERM_CACHE_SIZE:
            self._term_bits.popitem(last=False)

    def field_lengths(self, fieldname: str) -> list[int]:
        """Length (in terms) of ``fieldname`` for every document, as BM25 sees it."""
        lengths = self._lengths.get(fieldname)
        if lengths is None:
            lengths = []
            for subreader, _offset in self.leaf_readers:
                lengths.extend(whoosh_adapter.segment_lengths(subreader, fieldname))
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
        k1, b = BM25_K1, BM25_B
        docs = array("i")
        scores = array("f")
        for subreader, offset in self.leaf_readers:
            try:
                matcher = subreader.postings(fieldname, term)
            except TermNotFound:
                continue
            for docnum, tf in whoosh_adapter.posting_weights(matcher):
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
            cap=MAX_EXPANSIONS,
        )
        self._expansions[key] = expansion
        if len(self._expansions) > 256:
            self._expansions.popitem(last=False)
        return expansion
