"""Dutch text analysis shared by indexing, querying, highlighting and suggestions.

One function, :func:`normalize`, turns a raw token into the term that is stored in the
index (or ``None`` for a stop word), so the index, the query and the highlighter can never
disagree about what a word means.

Pipeline per token: split on letters/digits -> lowercase -> fold accents (``ë`` -> ``e``,
``é`` -> ``e``, ``ĳ`` -> ``ij``) -> drop Dutch stop words and 1-letter tokens -> stem.

Stemming is Whoosh's classic Snowball Dutch stemmer plus a few measured corrections.
What we found when testing the pairs users actually type (raw Snowball / ours):

==================  ===================  ==========================================
pair                raw Snowball          ours
==================  ===================  ==========================================
woningen/woning     woning = woning       unchanged
onderzoeken/-oek    onderzoek = onderzoek unchanged
onderzoekt          onderzoekt (no -t)    override -> onderzoek
gemeenteraad/-raden gemeenterad = same    unchanged (odd stem, but consistent)
werkloosheid        werklos               unchanged; werkloos -> werklos as well
werklozen           werkloz (!= werklos)  final z -> s, so werklozen -> werklos
jongeren/jongere    jonger = jonger       unchanged
mensen/mens         mens != men           keep a short list of singulars ending in -s
gemeentes/gemeente  gemeentes != gemeent  plural -tes/-ges/-des -> drop the s first
schoolverlaters     schoolverlater        override -> schoolverlat (= schoolverlaten)
gezinnen/gezin      gezinn != gezin       undouble a final double consonant
evaluaties          evaluaties (no -s)    plural -ies -> drop the s first
analyses            analyses (no -s)      plural -yses -> drop the s first
brieven/brief       briev != brief        final v -> f
kinderen/kind       kinder != kind        override
==================  ===================  ==========================================

Whoosh's own ``LanguageAnalyzer('nl')`` also unions its *English* default stop list into
the Dutch one (``StopFilter(lang=...)`` adds to ``STOP_WORDS``), so words like "we", "us"
or "will" vanish while Dutch function words such as "wij" or "hen" stay. We use our own
Dutch list below (function words only; content words like "wezen" = orphans are kept).

Stemming and folding are cached per raw token: Dutch reports repeat their vocabulary, and
the cache makes analysis several times faster than Whoosh's generator chain.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from whoosh.analysis import Analyzer, Token
from whoosh.lang.snowball.dutch import DutchStemmer

__all__ = [
    "DUTCH_STOP_WORDS",
    "DutchAnalyzer",
    "fold",
    "normalize",
    "stem",
    "term_positions",
    "tokens_with_offsets",
    "surface_words",
]

#: Dutch function words (articles, pronouns, prepositions, conjunctions, auxiliaries).
#: Based on the Snowball Dutch list, without content words, plus common forms it lacks.
DUTCH_STOP_WORDS: frozenset[str] = frozenset(
    """
    aan al alle alles als altijd andere ben bij daar daarom dan dat de der deze die dit
    doch doen door dus een eens en enz er etc ge geen geweest haar had heb hebben heeft
    hem hen het hier hij hoe hun iemand iets ik in is ja je jij jou jouw jullie kan kon
    kunnen maar me meer men met mij mijn moet moeten na naar niet niets nog nu of om
    omdat onder ons onze ook op over reeds te tegen toch toen tot u uit uw van veel voor
    want waren was wat we wel werd wie wij wil worden wordt zal ze zelf zich zij zijn zo
    zonder zou zouden
    """.split()  # noqa: SIM905 - a readable block of words
)

#: Corrections for word forms the Snowball stemmer leaves apart (see module docstring).
STEM_OVERRIDES: dict[str, str] = {
    "onderzoekt": "onderzoek",
    "schoolverlater": "schoolverlat",
    "schoolverlaters": "schoolverlat",
    "kinderen": "kind",
}

#: Singular nouns whose final -s Snowball strips (mens -> men, while mensen -> mens).
_KEEP_FINAL_S: frozenset[str] = frozenset(
    {"mens", "fiets", "kans", "grens", "wens", "dans", "beurs", "koers", "pols", "hals"}
    | {"gans", "krans", "lens", "kaars", "vers", "kers", "mars", "fonds", "wijs"}
)
#: Plural endings in -s after a vowel, which Snowball leaves alone (gemeentes, analyses).
_PLURAL_VOWEL_S = ("ties", "ies", "yses", "tes", "ges", "des")

_TOKEN_RE = re.compile(r"[^\W_]+")
_WORD_TOKEN_RE = re.compile(r"[^\W\d_]{3,}")
_STEMMER = DutchStemmer()
_VOWELS = frozenset("aeiouy")
_CACHE_LIMIT = 400_000
# raw token (any case) -> indexed term, or "" for a dropped token
_TERM_CACHE: dict[str, str] = {}
_FOLD_CACHE: dict[str, str] = {}


def fold(text: str) -> str:
    """Lowercase and strip accents, so "Coöperatie" and "cooperatie" are one word."""
    low = text.lower()
    if low.isascii():
        return low
    cached = _FOLD_CACHE.get(low)
    if cached is None:
        decomposed = unicodedata.normalize("NFKD", low)
        cached = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        if len(_FOLD_CACHE) > _CACHE_LIMIT:
            _FOLD_CACHE.clear()
        _FOLD_CACHE[low] = cached
    return cached


def stem(word: str) -> str:
    """Stem one folded, lowercase word (Snowball Dutch plus the corrections above)."""
    override = STEM_OVERRIDES.get(word)
    if override is not None:
        return override
    if word.isdigit() or len(word) < 4 or word in _KEEP_FINAL_S:
        return word
    if len(word) > 5 and word.endswith(_PLURAL_VOWEL_S):
        word = word[:-1]
    stemmed: str = _STEMMER.stem(word)
    if len(stemmed) >= 3:
        last = stemmed[-1]
        if last == stemmed[-2] and last not in _VOWELS:
            stemmed = stemmed[:-1]
        elif last == "z":
            stemmed = stemmed[:-1] + "s"
        elif last == "v":
            stemmed = stemmed[:-1] + "f"
    return stemmed


def normalize(raw: str) -> str | None:
    """Return the index term for one raw token, or None for stop words and 1-letter tokens."""
    term = _TERM_CACHE.get(raw)
    if term is None:
        folded = fold(raw)
        term = "" if len(folded) < 2 or folded in DUTCH_STOP_WORDS else stem(folded)
        if len(_TERM_CACHE) > _CACHE_LIMIT:
            _TERM_CACHE.clear()
        _TERM_CACHE[raw] = term
    return term or None


def is_stop_word(raw: str) -> bool:
    """True when a word carries no meaning for search (and is dropped from queries)."""
    return fold(raw) in DUTCH_STOP_WORDS


def split_words(text: str) -> list[str]:
    """Split text into raw tokens the same way the index does."""
    return _TOKEN_RE.findall(text)


def analyze(text: str) -> list[str]:
    """Return the index terms of a text, in order (stop words removed)."""
    out = []
    for raw in _TOKEN_RE.findall(text):
        term = normalize(raw)
        if term:
            out.append(term)
    return out


def term_positions(text: str) -> dict[str, list[int]]:
    """Map each index term of ``text`` to its positions (stop words do not take a slot)."""
    positions: dict[str, list[int]] = {}
    pos = 0
    cache_get = _TERM_CACHE.get
    for raw in _TOKEN_RE.findall(text):
        term = cache_get(raw)
        if term is None:
            term = normalize(raw) or ""
        if term:
            bucket = positions.get(term)
            if bucket is None:
                positions[term] = [pos]
            else:
                bucket.append(pos)
            pos += 1
    return positions


def tokens_with_offsets(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, term) for every non-stop token; offsets index the original text."""
    for match in _TOKEN_RE.finditer(text):
        term = normalize(match.group())
        if term:
            yield match.start(), match.end(), term


def surface_words(*texts: str) -> set[str]:
    """Return the folded, unstemmed words (3+ letters, no stop words) used for suggestions."""
    words: set[str] = set()
    for text in texts:
        for raw in _WORD_TOKEN_RE.findall(text):
            folded = fold(raw)
            if folded not in DUTCH_STOP_WORDS:
                words.add(folded)
    return words


class DutchAnalyzer(Analyzer):
    """A Whoosh analyzer running :func:`normalize`, so Whoosh and our code agree.

    Whoosh pickles the schema (and so this object) into the index; it holds no state.
    """

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        pos = start_pos
        if not tokenize:
            term = normalize(value)
            if term:
                token.text = term
                token.boost = 1.0
                token.stopped = False
                if positions:
                    token.pos = pos
                if chars:
                    token.startchar = start_char
                    token.endchar = start_char + len(value)
                yield token
            return
        for match in _TOKEN_RE.finditer(value):
            raw = match.group()
            term = normalize(raw)
            if not term:
                if removestops:
                    continue
                token.stopped = True
                term = fold(raw)
            else:
                token.stopped = False
            token.text = term
            token.boost = 1.0
            if keeporiginal:
                token.original = raw
            if positions:
                token.pos = pos
                if not token.stopped:
                    pos += 1
            if chars:
                token.startchar = start_char + match.start()
                token.endchar = start_char + match.end()
            yield token
