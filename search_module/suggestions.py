"""Spelling: "bedoelde u ..." suggestions from the vocabulary of unstemmed words."""

from __future__ import annotations

from search_module.analysis import fold
from search_module.evaluation import Evaluation, evaluate
from search_module.query import ParsedQuery, PhraseNode, TermNode, iter_leaves, parse_query
from search_module.view import IndexView

#: Suggest a corrected query ("bedoelde u") when the query finds fewer documents.
SUGGEST_BELOW = 3


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
            words: list[tuple[str, tuple[int, int]]] = [(leaf.word, leaf.span)]
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
    new_total = evaluate(Evaluation(view), corrected.root).bit_count()
    return text if new_total > total else None
