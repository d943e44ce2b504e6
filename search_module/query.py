"""The query language a trainer can teach, parsed into a small tree of our own nodes.

Syntax (operators must be written in capitals; lowercase "en", "of", "niet" are ordinary
words, and stop words, so they are ignored):

* ``armoede schulden``          both words (the default operator between terms is **AND**,
  like an intranet portal: every extra word narrows the result)
* ``armoede AND schulden``      explicit AND, also ``EN``
* ``armoede OR schulden``       either word, also ``OF``
* ``armoede NOT schulden``      without a word, also ``NIET`` or ``-schulden``
* ``"vroegtijdig schoolverlaten"``  exact phrase
* ``jeugd*``                    words starting with "jeugd" (at least 3 letters before ``*``)
* ``armoed~`` / ``armoed~2``    words that look like "armoed" (1 or 2 letters different)
* ``(armoede OR schulden) jeugd``  grouping with parentheses
* ``type:factsheet``, ``thema:vsv``, ``afdeling:onderwijs``, ``titel:armoede``
* ``jaar:2019``, ``jaar:2015..2020``, ``jaar:2015-2020``, ``jaar:>=2018``, ``jaar:2018..``

Precedence, tightest first: NOT, OR, AND. So ``a b OR c`` means ``a AND (b OR c)`` — the
same as Whoosh and web search engines. ``understood.query`` always shows the parentheses, so a
learner sees how the query was read.

:func:`parse_query` never raises: malformed input (unbalanced quotes or parentheses, a
dangling operator, ``jaar:abc``, ``type:`` with nothing, a lone ``*``) is repaired, and the
repair is explained in a hint (a code with parameters, see ``values.HINT_CODES``). The
training feature uses ``features`` to see which search skills a learner's query shows:
"phrase", "or", "not", "and" (only when AND/EN is typed; the implicit AND is no skill),
"wildcard", "fuzzy", "field" and "group".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal, TypeAlias

from search_module.analysis import fold, normalize, split_words
from search_module.values import Hint, Meaning, Note, Understood

__all__ = [
    "AndNode",
    "FacetNode",
    "FuzzyNode",
    "Node",
    "NotNode",
    "OrNode",
    "ParsedQuery",
    "PhraseNode",
    "PrefixNode",
    "TermNode",
    "YearNode",
    "parse_query",
    "MIN_PREFIX_LENGTH",
    "MAX_FUZZY_DISTANCE",
]

#: Shortest prefix allowed before ``*``; shorter prefixes expand to half the vocabulary.
MIN_PREFIX_LENGTH = 3
#: Largest edit distance for ``~``; 3 edits turn most Dutch words into other words.
MAX_FUZZY_DISTANCE = 2
#: Deepest parenthesis nesting we follow; deeper "(" are ignored (keeps recursion bounded).
MAX_DEPTH = 16
#: Longest query we read; the rest is ignored with a hint.
MAX_QUERY_LENGTH = 1000

TextField = Literal["all", "title"]
FacetKey = Literal["type", "thema", "afdeling"]

FIELD_ALIASES: dict[str, str] = {
    "type": "type",
    "soort": "type",
    "doctype": "type",
    "thema": "thema",
    "theme": "thema",
    "jaar": "jaar",
    "year": "jaar",
    "afdeling": "afdeling",
    "department": "afdeling",
    "titel": "titel",
    "title": "titel",
}

_AND_WORDS = frozenset({"AND", "EN", "&&"})
_OR_WORDS = frozenset({"OR", "OF", "||"})
_NOT_WORDS = frozenset({"NOT", "NIET"})
#: Operator words a searcher may type in lowercase, meaning the operator (they are searched
#: as words, or dropped as stop words): the note says to write them in capitals.
_LOWERCASE_OPERATORS = {
    "and": "AND",
    "en": "EN",
    "or": "OR",
    "of": "OF",
    "not": "NOT",
    "niet": "NIET",
}


@dataclass(frozen=True)
class TermNode:
    """One word; ``term`` is the analysed (stemmed) form looked up in the index."""

    word: str
    term: str
    field: TextField = "all"
    span: tuple[int, int] = (0, 0)


@dataclass(frozen=True)
class PhraseNode:
    """Words that must appear next to each other, in this order."""

    words: tuple[str, ...]
    terms: tuple[str, ...]
    field: TextField = "all"
    span: tuple[int, int] = (0, 0)
    quoted: bool = True


@dataclass(frozen=True)
class PrefixNode:
    """``jeugd*``: every indexed word starting with ``prefix`` (folded, not stemmed)."""

    prefix: str
    field: TextField = "all"
    span: tuple[int, int] = (0, 0)


@dataclass(frozen=True)
class FuzzyNode:
    """``armoed~``: indexed words within ``maxdist`` edits of ``term``."""

    word: str
    term: str
    maxdist: int = 1
    field: TextField = "all"
    span: tuple[int, int] = (0, 0)


@dataclass(frozen=True)
class FacetNode:
    """``type:nota``, ``thema:vsv``, ``afdeling:onderwijs``: a structured field value."""

    key: FacetKey
    value: str
    span: tuple[int, int] = (0, 0)


@dataclass(frozen=True)
class YearNode:
    """``jaar:2015..2020``; either end may be open (None)."""

    start: int | None
    end: int | None
    span: tuple[int, int] = (0, 0)


@dataclass(frozen=True)
class AndNode:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class OrNode:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class NotNode:
    child: Node


Node: TypeAlias = (
    TermNode | PhraseNode | PrefixNode | FuzzyNode | FacetNode | YearNode | AndNode | OrNode
) | NotNode


@dataclass(frozen=True)
class ParsedQuery:
    """What we made of a query: the tree, how it was read, hints and the skills used."""

    text: str
    root: Node | None
    understood: Understood
    hints: tuple[Hint, ...] = ()
    features: frozenset[str] = frozenset()
    ignored_words: tuple[str, ...] = ()
    notes: tuple[Note, ...] = ()

    @property
    def is_empty(self) -> bool:
        return self.root is None


# --------------------------------------------------------------------------- tokenising


@dataclass
class _Tok:
    kind: Literal["word", "phrase", "field", "lparen", "rparen", "and", "or", "not"]
    text: str
    start: int
    end: int
    field: str = ""
    quoted_value: bool = False


_FIELD_RE = re.compile(r"^([A-Za-z]+):(.*)$", re.DOTALL)


@dataclass
class _State:
    hints: list[Hint] = field(default_factory=list)
    features: set[str] = field(default_factory=set)
    ignored: list[str] = field(default_factory=list)

    def hint(self, hint: Hint) -> None:
        if hint not in self.hints:
            self.hints.append(hint)


def _operator_notes(tokens: list[_Tok]) -> list[Note]:
    """Notes for operator words written in lowercase between two search words."""
    notes: list[Note] = []
    for before, tok, after in zip(tokens, tokens[1:], tokens[2:], strict=False):
        operator = _LOWERCASE_OPERATORS.get(tok.text.lower())
        if (
            tok.kind == "word"
            and operator is not None
            and before.kind in ("word", "phrase", "field", "rparen")
            and after.kind in ("word", "phrase", "field", "lparen", "not")
        ):
            note = Note("lowercase_operator", {"word": tok.text, "operator": operator})
            if note not in notes:
                notes.append(note)
    return notes


def _tokenise(text: str, state: _State) -> list[_Tok]:
    tokens: list[_Tok] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if ch == "(":
            tokens.append(_Tok("lparen", ch, i, i + 1))
            i += 1
            continue
        if ch == ")":
            tokens.append(_Tok("rparen", ch, i, i + 1))
            i += 1
            continue
        if ch == '"':
            close = text.find('"', i + 1)
            if close < 0:
                state.hint(Hint("unclosed_quote"))
                close = n
            tokens.append(_Tok("phrase", text[i + 1 : close], i, min(close + 1, n)))
            i = close + 1
            continue
        j = i
        while j < n and not text[j].isspace() and text[j] not in '()"':
            j += 1
        chunk = text[i:j]
        match = _FIELD_RE.match(chunk)
        if match and match.group(1).lower() in FIELD_ALIASES:
            name = FIELD_ALIASES[match.group(1).lower()]
            value = match.group(2)
            quoted = False
            if not value and j < n and text[j] == '"':
                close = text.find('"', j + 1)
                if close < 0:
                    state.hint(Hint("unclosed_field_quote", {"field": match.group(1)}))
                    close = n
                value = text[j + 1 : close]
                quoted = True
                j = min(close + 1, n)
            tokens.append(_Tok("field", value, i, j, field=name, quoted_value=quoted))
        elif chunk in _AND_WORDS:
            tokens.append(_Tok("and", chunk, i, j))
        elif chunk in _OR_WORDS:
            tokens.append(_Tok("or", chunk, i, j))
        elif chunk in _NOT_WORDS:
            tokens.append(_Tok("not", chunk, i, j))
        elif chunk.startswith("-") and len(chunk) > 1 and chunk[1] not in "-":
            tokens.append(_Tok("not", "-", i, i + 1))
            tokens.append(_Tok("word", chunk[1:], i + 1, j))
        else:
            tokens.append(_Tok("word", chunk.lstrip("+"), i, j))
        i = j
    return tokens


# --------------------------------------------------------------------------- leaves

_FUZZY_RE = re.compile(r"^(.*?)~(\d*)$", re.DOTALL)


def _words_to_node(
    words: list[str],
    field_name: TextField,
    span: tuple[int, int],
    state: _State,
    quoted: bool,
) -> Node | None:
    """Turn the words of a plain chunk or a phrase into a term or phrase node."""
    kept: list[str] = []
    terms: list[str] = []
    for word in words:
        term = normalize(word)
        if term:
            kept.append(word)
            terms.append(term)
        elif not quoted:
            state.ignored.append(word)
    if not terms:
        return None
    if len(terms) == 1:
        return TermNode(kept[0], terms[0], field_name, span)
    return PhraseNode(tuple(words), tuple(terms), field_name, span, quoted)


def _word_leaf(
    chunk: str, field_name: TextField, span: tuple[int, int], state: _State
) -> Node | None:
    """Interpret one unquoted chunk: plain word(s), ``prefix*`` or ``fuzzy~N``."""
    fuzzy = _FUZZY_RE.match(chunk)
    if fuzzy and "*" not in chunk:
        base, digits = fuzzy.group(1), fuzzy.group(2)
        words = split_words(base)
        if not words:
            state.hint(Hint("fuzzy_without_word"))
            return None
        dist = int(digits[:3]) if digits else 1
        if dist > MAX_FUZZY_DISTANCE:
            state.hint(Hint("fuzzy_too_wide", {"distance": dist, "max": MAX_FUZZY_DISTANCE}))
            dist = MAX_FUZZY_DISTANCE
        if len(words) > 1 or dist == 0:
            return _words_to_node(words, field_name, span, state, quoted=False)
        word = words[0]
        folded = fold(word)
        if len(folded) < MIN_PREFIX_LENGTH:
            state.hint(Hint("fuzzy_too_short", {"word": word}))
            return _words_to_node(words, field_name, span, state, quoted=False)
        state.features.add("fuzzy")
        term = normalize(word) or folded
        return FuzzyNode(word, term, dist, field_name, span)
    if "*" in chunk or "?" in chunk:
        star = min(p for p in (chunk.find("*"), chunk.find("?")) if p >= 0)
        base = chunk[:star]
        if star < len(chunk) - 1 and chunk[star + 1 :].strip("*?"):
            state.hint(Hint("wildcard_not_at_end"))
        words = split_words(base)
        if not words:
            state.hint(Hint("wildcard_alone", {"min": MIN_PREFIX_LENGTH}))
            return None
        head, last = words[:-1], words[-1]
        prefix = fold(last)
        if len(prefix) < MIN_PREFIX_LENGTH:
            state.hint(Hint("prefix_too_short", {"word": last, "min": MIN_PREFIX_LENGTH}))
            return _words_to_node(words, field_name, span, state, quoted=False)
        state.features.add("wildcard")
        node: Node = PrefixNode(prefix, field_name, span)
        if head:
            first = _words_to_node(head, field_name, span, state, quoted=False)
            if first is not None:
                node = AndNode((first, node))
        return node
    words = split_words(chunk)
    if not words:
        return None
    return _words_to_node(words, field_name, span, state, quoted=False)


_YEAR_RE = re.compile(r"^\d{4}$")
_RANGE_RE = re.compile(r"^(\d{4})?\s*(?:\.\.|-|t/m|tm)\s*(\d{4})?$")
_CMP_RE = re.compile(r"^(>=|<=|>|<)\s*(\d{4})$")


def _year_leaf(value: str, span: tuple[int, int], state: _State) -> Node | None:
    raw = value.strip()
    if _YEAR_RE.match(raw):
        year = int(raw)
        return YearNode(year, year, span)
    cmp = _CMP_RE.match(raw)
    if cmp:
        op, year = cmp.group(1), int(cmp.group(2))
        if op == ">=":
            return YearNode(year, None, span)
        if op == ">":
            return YearNode(year + 1, None, span)
        if op == "<=":
            return YearNode(None, year, span)
        return YearNode(None, year - 1, span)
    rng = _RANGE_RE.match(raw)
    if rng and (rng.group(1) or rng.group(2)):
        start = int(rng.group(1)) if rng.group(1) else None
        end = int(rng.group(2)) if rng.group(2) else None
        if start is not None and end is not None and start > end:
            state.hint(Hint("year_backwards", {"value": raw, "start": end, "end": start}))
            start, end = end, start
        return YearNode(start, end, span)
    if not raw:
        state.hint(Hint("year_empty"))
    else:
        state.hint(Hint("year_invalid", {"value": raw}))
    return None


def _field_leaf(tok: _Tok, state: _State) -> Node | None:
    span = (tok.start, tok.end)
    name = tok.field
    value = tok.text
    if name == "jaar":
        node = _year_leaf(value, span, state)
    elif not value.strip():
        state.hint(Hint("field_empty", {"field": name, "example": _EXAMPLES[name]}))
        return None
    elif name == "titel":
        if tok.quoted_value:
            node = _words_to_node(split_words(value), "title", span, state, quoted=True)
            if isinstance(node, PhraseNode):
                state.features.add("phrase")
        else:
            node = _word_leaf(value, "title", span, state)
    else:
        key: FacetKey = "type" if name == "type" else "thema" if name == "thema" else "afdeling"
        node = FacetNode(key, value.strip(), span)
    if node is not None:
        state.features.add("field")
    return node


_EXAMPLES = {
    "type": "type:factsheet",
    "thema": "thema:armoede",
    "afdeling": "afdeling:onderwijs",
    "titel": "titel:armoede",
    "jaar": "jaar:2019",
}


# --------------------------------------------------------------------------- parser


class _Parser:
    """Recursive descent over the tokens; every error is repaired and explained."""

    def __init__(self, tokens: list[_Tok], state: _State) -> None:
        self.tokens = tokens
        self.pos = 0
        self.state = state

    def peek(self) -> _Tok | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> _Tok:
        tok = self.tokens[self.pos]
        self.pos += 1
        return tok

    def _ends_operand(self) -> bool:
        nxt = self.peek()
        return nxt is None or nxt.kind in ("rparen", "and", "or")

    def parse(self) -> Node | None:
        node = self.parse_and(0)
        return node

    def parse_and(self, depth: int) -> Node | None:
        items: list[Node] = []
        while True:
            tok = self.peek()
            if tok is None:
                break
            if tok.kind == "rparen":
                if depth > 0:
                    break
                self.take()
                self.state.hint(Hint("stray_close_paren"))
                continue
            if tok.kind == "and":
                self.take()
                if not items:
                    self.state.hint(Hint("operator_at_start", {"operator": tok.text}))
                elif self._ends_operand():
                    self.state.hint(Hint("operator_without_right", {"operator": tok.text}))
                else:
                    self.state.features.add("and")
                continue
            if tok.kind == "or":
                self.take()
                self.state.hint(Hint("operator_without_left", {"operator": tok.text}))
                continue
            node = self.parse_or(depth)
            if node is not None:
                items.append(node)
        if not items:
            return None
        if len(items) == 1:
            return items[0]
        return AndNode(tuple(items))

    def parse_or(self, depth: int) -> Node | None:
        children: list[Node] = []
        first = self.parse_unary(depth)
        if first is not None:
            children.append(first)
        while True:
            tok = self.peek()
            if tok is None or tok.kind != "or":
                break
            self.take()
            if self._ends_operand():
                self.state.hint(Hint("operator_without_right", {"operator": tok.text}))
                continue
            nxt = self.parse_unary(depth)
            if nxt is not None:
                if children:
                    self.state.features.add("or")
                children.append(nxt)
        if not children:
            return None
        if len(children) == 1:
            return children[0]
        return OrNode(tuple(children))

    def parse_unary(self, depth: int) -> Node | None:
        tok = self.peek()
        if tok is not None and tok.kind == "not":
            self.take()
            if self._ends_operand():
                self.state.hint(Hint("operator_without_right", {"operator": tok.text}))
                return None
            child = self.parse_unary(depth)
            if child is None:
                return None
            self.state.features.add("not")
            return NotNode(child)
        return self.parse_primary(depth)

    def parse_primary(self, depth: int) -> Node | None:
        tok = self.peek()
        if tok is None or tok.kind in ("rparen", "and", "or"):
            return None
        self.take()
        if tok.kind == "lparen":
            if depth >= MAX_DEPTH:
                self.state.hint(Hint("too_deep"))
                return None
            inner = self.parse_and(depth + 1)
            closing = self.peek()
            if closing is not None and closing.kind == "rparen":
                self.take()
            else:
                self.state.hint(Hint("unclosed_paren"))
            if inner is not None:
                self.state.features.add("group")
            return inner
        span = (tok.start, tok.end)
        if tok.kind == "phrase":
            words = split_words(tok.text)
            node = _words_to_node(words, "all", span, self.state, quoted=True)
            if isinstance(node, PhraseNode):
                self.state.features.add("phrase")
            elif node is None and words:
                self.state.ignored.extend(words)
            return node
        if tok.kind == "field":
            return _field_leaf(tok, self.state)
        if tok.kind == "not":  # only reachable via NOT NOT x handled in parse_unary
            return self.parse_unary(depth)
        return _word_leaf(tok.text, "all", span, self.state)


# --------------------------------------------------------------------------- rendering


def _quote(text: str) -> str:
    return '"' + text.replace('"', "") + '"'


def render(node: Node, top: bool = True) -> str:
    """Render a node as Dutch query text with explicit operators and parentheses."""
    if isinstance(node, TermNode):
        return ("titel:" if node.field == "title" else "") + node.word.lower()
    if isinstance(node, PhraseNode):
        text = _quote(" ".join(w.lower() for w in node.words))
        return ("titel:" if node.field == "title" else "") + text
    if isinstance(node, PrefixNode):
        return ("titel:" if node.field == "title" else "") + node.prefix + "*"
    if isinstance(node, FuzzyNode):
        return ("titel:" if node.field == "title" else "") + f"{node.word.lower()}~{node.maxdist}"
    if isinstance(node, FacetNode):
        value = node.value if re.fullmatch(r"[^\s\"]+", node.value) else _quote(node.value)
        return f"{node.key}:{value}"
    if isinstance(node, YearNode):
        if node.start is not None and node.start == node.end:
            return f"jaar:{node.start}"
        if node.start is not None and node.end is not None:
            return f"jaar:{node.start} t/m {node.end}"
        if node.start is not None:
            return f"jaar:vanaf {node.start}"
        return f"jaar:t/m {node.end}"
    if isinstance(node, NotNode):
        return "NIET " + render(node.child, top=False)
    if isinstance(node, (AndNode, OrNode)):
        joiner = " EN " if isinstance(node, AndNode) else " OF "
        text = joiner.join(render(child, top=False) for child in node.children)
        return text if top else f"({text})"
    return ""


def _meanings(node: Node, out: list[Meaning]) -> None:
    if isinstance(node, PrefixNode):
        out.append(Meaning("prefix", {"prefix": node.prefix}))
    elif isinstance(node, FuzzyNode):
        out.append(Meaning("fuzzy", {"word": node.word.lower(), "distance": node.maxdist}))
    elif isinstance(node, PhraseNode) and node.quoted:
        out.append(Meaning("phrase", {"phrase": render(node)}))
    elif isinstance(node, (AndNode, OrNode)):
        for child in node.children:
            _meanings(child, out)
    elif isinstance(node, NotNode):
        _meanings(node.child, out)


def describe(node: Node | None) -> Understood:
    """How the query was read ("zo begrepen"): the rendering plus what its special parts
    mean; an empty query means every document, newest first."""
    if node is None:
        return Understood()
    found: list[Meaning] = []
    _meanings(node, found)
    meanings: list[Meaning] = []
    for meaning in found:
        if meaning not in meanings:
            meanings.append(meaning)
    return Understood(render(node), tuple(meanings))


# --------------------------------------------------------------------------- entry point


def parse_query(text: str) -> ParsedQuery:
    """Parse a user query; never raises, whatever the input."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    state = _State()
    source = text
    if len(source) > MAX_QUERY_LENGTH:
        source = source[:MAX_QUERY_LENGTH]
        state.hint(Hint("query_truncated", {"max": MAX_QUERY_LENGTH}))
    notes: list[Note] = []
    try:
        tokens = _tokenise(source, state)
        notes = _operator_notes(tokens)
        root = _Parser(tokens, state).parse()
    except Exception:  # noqa: BLE001 - the promise is "never raises"; fall back to words
        state = _State()
        state.hint(Hint("query_unreadable"))
        words = [w for w in split_words(source) if normalize(w)]
        leaves: list[Node] = [TermNode(w, normalize(w) or w) for w in words]
        root = None if not leaves else leaves[0] if len(leaves) == 1 else AndNode(tuple(leaves))
    ignored = tuple(dict.fromkeys(w.lower() for w in state.ignored))
    if ignored:
        listed = ", ".join(ignored[:8])
        if root is None:
            state.hint(Hint("only_common_words", {"words": listed}))
        else:
            state.hint(Hint("common_words_ignored", {"words": listed}))
    return ParsedQuery(
        text=text,
        root=root,
        understood=describe(root),
        hints=tuple(state.hints),
        features=frozenset(state.features),
        ignored_words=ignored,
        notes=tuple(notes),
    )


def iter_leaves(node: Node | None, negated: bool = False) -> Iterator[tuple[Node, bool]]:
    """Yield (leaf, negated) for every leaf, so callers can skip NOT parts."""
    if node is None:
        return
    if isinstance(node, (AndNode, OrNode)):
        for child in node.children:
            yield from iter_leaves(child, negated)
    elif isinstance(node, NotNode):
        yield from iter_leaves(node.child, not negated)
    else:
        yield node, negated
