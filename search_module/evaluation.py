"""Evaluate a parsed query on bitsets: which documents match, what to highlight, what to
score on, and the hints that came up on the way (an unknown facet value, a capped
wildcard).

Phrases are checked on positions only in documents that contain all their words.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from whoosh.reading import TermNotFound

from search_module import whoosh_adapter
from search_module.analysis import fold, normalize, split_words
from search_module.bitsets import bits_from_ids
from search_module.query import (
    AndNode,
    FacetNode,
    FuzzyNode,
    Node,
    NotNode,
    OrNode,
    PhraseNode,
    PrefixNode,
    TermNode,
    YearNode,
)
from search_module.schema import TEXT_FIELDS
from search_module.values import Hint
from search_module.view import IndexView

#: Of the terms a wildcard/fuzzy word expands to, how many take part in scoring (all of
#: them take part in matching).
MAX_SCORING_EXPANSIONS = 12

ScoringPart = tuple[str, str, float]  # (field, term, boost)


@dataclass
class Evaluation:
    """State of one evaluation: hints and the terms to highlight."""

    view: IndexView
    hints: list[Hint] = field(default_factory=list)
    highlight: set[str] = field(default_factory=set)
    scoring: list[ScoringPart] = field(default_factory=list)

    def hint(self, hint: Hint) -> None:
        if hint not in self.hints:
            self.hints.append(hint)


def fields_for(field_name: str) -> dict[str, float]:
    return dict(TEXT_FIELDS) if field_name == "all" else {"title": TEXT_FIELDS["title"]}


def _term_positions(
    view: IndexView, fieldname: str, term: str, wanted: bytes
) -> dict[int, list[int]]:
    """Positions of ``term`` per document, decoded only for documents set in ``wanted``."""
    out: dict[int, list[int]] = {}
    for subreader, offset in view.leaf_readers:
        try:
            matcher = subreader.postings(fieldname, term)
        except TermNotFound:
            continue
        decode = subreader.schema[fieldname].format.decode_positions
        out.update(whoosh_adapter.posting_positions(matcher, offset, wanted, decode))
    return out


def phrase_bits(view: IndexView, fieldname: str, terms: tuple[str, ...]) -> int:
    """Documents with ``terms`` at consecutive positions (checked only where all occur)."""
    key = (fieldname, "\x00".join(terms))
    cached = view.cached_bits(key)
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
    view.remember_bits(key, bits)
    return bits


def match_facet_values(view: IndexView, node: FacetNode) -> list[str]:
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


def leaf_scoring(ev: Evaluation, node: Node) -> list[ScoringPart]:
    """(field, term, boost) parts used to *score* one positive text leaf.

    Matching is done on bitsets; scoring only needs the terms. A phrase is scored by its
    words: the bitset already guarantees the phrase is there.
    """
    fields = fields_for(getattr(node, "field", "all"))
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


def evaluate(ev: Evaluation, node: Node, negated: bool = False) -> int:
    """Bitset of documents matching ``node``; collects highlight terms and scoring parts."""
    view = ev.view
    if isinstance(node, AndNode):
        positives = [c for c in node.children if not isinstance(c, NotNode)]
        negatives = [c.child for c in node.children if isinstance(c, NotNode)]
        bits = view.live
        for child in positives:
            bits &= evaluate(ev, child, negated)
        for excluded in negatives:
            if bits:
                bits &= ~evaluate(ev, excluded, not negated)
        return bits
    if isinstance(node, OrNode):
        bits = 0
        for alternative in node.children:
            bits |= evaluate(ev, alternative, negated)
        return bits
    if isinstance(node, NotNode):
        return view.live & ~evaluate(ev, node.child, not negated)
    if isinstance(node, FacetNode):
        values = match_facet_values(view, node)
        if not values:
            ev.hint(Hint("unknown_facet_value", {"key": node.key, "value": node.value}))
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
    fields = fields_for(node.field)
    bits = 0
    if isinstance(node, TermNode):
        for f in fields:
            bits |= view.term_bits(f, node.term, scored=not negated)
        if not negated:
            ev.highlight.add(node.term)
    elif isinstance(node, PhraseNode):
        for f in fields:
            bits |= phrase_bits(view, f, node.terms)
        if not negated:
            ev.highlight.update(node.terms)
    elif isinstance(node, (PrefixNode, FuzzyNode)):
        expansion = view.expand(node)
        label = f"{node.prefix}*" if isinstance(node, PrefixNode) else f"{node.word}~{node.maxdist}"
        if expansion.truncated:
            ev.hint(Hint("expansion_capped", {"pattern": label, "max": expansion.cap}))
        for f, terms in expansion.terms.items():
            if f not in fields:
                continue
            for rank, term in enumerate(terms):
                scored = not negated and rank < MAX_SCORING_EXPANSIONS
                bits |= view.term_bits(f, term, scored=scored)
                if not negated:
                    ev.highlight.add(term)
    if not negated:
        ev.scoring.extend(leaf_scoring(ev, node))
    return bits
