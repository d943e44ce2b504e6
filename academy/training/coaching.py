"""Coaching from the search trail: how someone searched, not only whether they were right.

The rules are data: `RULES` is a table of (code, check, message). A check reads the trail
and the expert's search and returns findings, each with the learner's own query and what
would have worked; the message words it (Dutch, English through the catalogue). Adding a
rule is adding a row; the table is tested row by row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l

from academy.training.trail import all_filters
from search_module import parse_query
from search_module.query import PhraseNode, iter_leaves


@dataclass(frozen=True)
class TrailSearch:
    """One search on the trail, as coaching reads it."""

    query: str
    filters: dict[str, list[str]] = field(default_factory=dict)  # clicked facets
    result_count: int = 0


@dataclass(frozen=True)
class Expert:
    """How an expert would search for this exercise."""

    query: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Finding:
    """One thing a check found: the learner's query next to what would have worked."""

    yours: str
    better: str = ""
    params: dict[str, str | int] = field(default_factory=dict)


@dataclass(frozen=True)
class Rule:
    code: str
    check: Callable[[Sequence[TrailSearch], Expert], list[Finding]]
    message: object  # a lazy string with %(yours)s, %(better)s and the finding's params


@dataclass(frozen=True)
class Advice:
    code: str
    text: str
    yours: str
    better: str


def _shown(search: TrailSearch) -> str:
    """A search as the learner would type it: the query plus clicked filters as fields."""
    parts = [search.query.strip()] if search.query.strip() else []
    for key, values in sorted(search.filters.items()):
        parts += [f"{key}:{_quoted(value)}" for value in values]
    return " ".join(parts)


def _quoted(value: str) -> str:
    return f'"{value}"' if " " in value else value


def _same(a: TrailSearch, b: TrailSearch) -> bool:
    return " ".join(a.query.split()).lower() == " ".join(b.query.split()).lower() and all_filters(
        a.query, a.filters
    ) == all_filters(b.query, b.filters)


def expert_text(expert: Expert) -> str:
    return _shown(TrailSearch(expert.query, expert.filters))


# --- the checks ---------------------------------------------------------------------------------


def repeated_searches(trail: Sequence[TrailSearch], expert: Expert) -> list[Finding]:
    """The same search more than once: nothing new to learn from it."""
    findings: list[Finding] = []
    for index, search in enumerate(trail):
        if any(_same(search, earlier) for earlier in trail[:index]):
            continue
        times = sum(1 for other in trail if _same(search, other))
        if times > 1:
            findings.append(Finding(_shown(search), expert_text(expert), {"times": times}))
    return findings


def zero_results_given_up(trail: Sequence[TrailSearch], expert: Expert) -> list[Finding]:
    """A search without results that was not followed by a different search."""
    findings: list[Finding] = []
    for index, search in enumerate(trail):
        if search.result_count != 0:
            continue
        later = trail[index + 1 :]
        if all(_same(search, other) for other in later):
            findings.append(Finding(_shown(search), expert_text(expert)))
    return findings[:1]


def _features(query: str) -> frozenset[str]:
    return parse_query(query or "").features


def synonyms_without_or(trail: Sequence[TrailSearch], expert: Expert) -> list[Finding]:
    """The expert searched synonyms with OF; the learner never did."""
    if "or" not in _features(expert.query) or not trail:
        return []
    if any("or" in _features(search.query) for search in trail):
        return []
    return [Finding(_shown(trail[-1]), expert.query)]


def missing_filters(trail: Sequence[TrailSearch], expert: Expert) -> list[Finding]:
    """Filters the expert used (typed or clicked) that the learner never used."""
    if not trail:
        return []
    wanted = all_filters(expert.query, expert.filters)
    used: set[str] = set()
    for search in trail:
        used.update(all_filters(search.query, search.filters))
    last = trail[-1]
    findings = []
    for key, values in wanted.items():
        if key in used:
            continue
        typed = " ".join(f"{key}:{_quoted(value)}" for value in values)
        findings.append(Finding(_shown(last), f"{_shown(last)} {typed}".strip(), {"filter": key}))
    return findings


def _phrases(query: str) -> list[PhraseNode]:
    return [
        leaf
        for leaf, negated in iter_leaves(parse_query(query or "").root)
        if isinstance(leaf, PhraseNode) and leaf.quoted and not negated
    ]


def phrase_would_help(trail: Sequence[TrailSearch], expert: Expert) -> list[Finding]:
    """The learner typed the words of the expert's phrase loose, never between quotes."""
    if any(_phrases(search.query) for search in trail):
        return []
    findings = []
    for phrase in _phrases(expert.query):
        for search in trail:
            words = {w.lower() for w in search.query.replace('"', " ").split()}
            if all(word.lower() in words for word in phrase.words):
                quoted = '"' + " ".join(phrase.words) + '"'
                findings.append(Finding(_shown(search), quoted))
                break
    return findings


RULES: tuple[Rule, ...] = (
    Rule(
        "repeated",
        repeated_searches,
        _l(
            "Je zocht %(times)s keer hetzelfde. Verander steeds iets: een ander woord, een "
            "synoniem met OF of een filter."
        ),
    ),
    Rule(
        "zero_given_up",
        zero_results_given_up,
        _l(
            "Deze zoekopdracht gaf 0 resultaten en daarna zocht je niet anders. Gebruik minder "
            "woorden, een synoniem of een jokerteken."
        ),
    ),
    Rule(
        "synonyms_or",
        synonyms_without_or,
        _l("Zoek synoniemen tegelijk met OF. Zo vind je documenten die een ander woord gebruiken."),
    ),
    Rule(
        "missing_filter",
        missing_filters,
        _l("Een filter op %(filter)s maakt de lijst korter en preciezer."),
    ),
    Rule(
        "phrase",
        phrase_would_help,
        _l("Zet woorden die bij elkaar horen tussen aanhalingstekens: dan zoek je de woordgroep."),
    ),
)


def coach(trail: Sequence[TrailSearch], expert: Expert) -> list[Advice]:
    """Every rule over the trail, in the table's order."""
    advice = []
    for rule in RULES:
        for finding in rule.check(trail, expert):
            params = {"yours": finding.yours, "better": finding.better, **finding.params}
            advice.append(
                Advice(rule.code, str(rule.message) % params, finding.yours, finding.better)
            )
    return advice
