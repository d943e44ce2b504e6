"""Why each hit was found (the query parts it matched, and where) and notes about plain
words that are part of a theme's name."""

from __future__ import annotations

from search_module.analysis import normalize, split_words
from search_module.evaluation import fields_for, match_facet_values, phrase_bits
from search_module.query import (
    FacetNode,
    FuzzyNode,
    Node,
    PhraseNode,
    PrefixNode,
    TermNode,
    YearNode,
    iter_leaves,
    render,
)
from search_module.schema import TEXT_FIELDS
from search_module.values import Note, Reason
from search_module.view import IndexView

_REASON_FIELDS = {"title": "title", "content": "body"}
_FACET_REASONS = {"type": "type", "thema": "theme", "afdeling": "department"}


def _leaf_field_bits(view: IndexView, node: Node) -> dict[str, int]:
    """Per reported field, the documents one positive leaf matches there."""
    if isinstance(node, FacetNode):
        table = view.facet_bits(node.key)
        bits = 0
        for value in match_facet_values(view, node):
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
    for fieldname in fields_for(getattr(node, "field", "all")):
        if isinstance(node, TermNode):
            bits = view.term_bits(fieldname, node.term)
        elif isinstance(node, PhraseNode):
            bits = phrase_bits(view, fieldname, node.terms)
        elif isinstance(node, (PrefixNode, FuzzyNode)):
            bits = 0
            for term in view.expand(node).terms.get(fieldname, []):
                bits |= view.term_bits(fieldname, term)
        else:
            continue
        out[_REASON_FIELDS[fieldname]] = bits
    return out


def explain_hits(
    view: IndexView, root: Node | None, docnums: list[int]
) -> list[tuple[Reason, ...]]:
    """For each document, the positive parts of the query it matched and where."""
    leaves = [leaf for leaf, negated in iter_leaves(root) if not negated]
    per_leaf = [(render(leaf), _leaf_field_bits(view, leaf)) for leaf in leaves]
    out: list[tuple[Reason, ...]] = []
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
