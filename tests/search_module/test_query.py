"""The query language: operators, Dutch operators, fields, ranges and malformed input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from search_module.query import (
    AndNode,
    FacetNode,
    FuzzyNode,
    NotNode,
    OrNode,
    PhraseNode,
    PrefixNode,
    TermNode,
    YearNode,
    parse_query,
)


def test_plain_words_are_anded() -> None:
    parsed = parse_query("armoede schulden")
    assert isinstance(parsed.root, AndNode)
    assert [c.term for c in parsed.root.children] == ["armoed", "schuld"]  # type: ignore[union-attr]
    assert parsed.understood == "armoede EN schulden"
    assert parsed.features == frozenset()


@pytest.mark.parametrize(
    ("op", "feature"), [("AND", "and"), ("EN", "and"), ("OR", "or"), ("OF", "or")]
)
def test_binary_operators_english_and_dutch(op: str, feature: str) -> None:
    parsed = parse_query(f"armoede {op} schulden")
    expected = AndNode if feature == "and" else OrNode
    assert isinstance(parsed.root, expected)
    assert feature in parsed.features
    assert parsed.hints == ()


@pytest.mark.parametrize(
    "query", ["armoede NOT schulden", "armoede NIET schulden", "armoede -schulden"]
)
def test_not_operators(query: str) -> None:
    parsed = parse_query(query)
    assert isinstance(parsed.root, AndNode)
    assert isinstance(parsed.root.children[1], NotNode)
    assert parsed.features == frozenset({"not"})
    assert parsed.understood == "armoede EN NIET schulden"


def test_lowercase_operators_are_ordinary_stop_words() -> None:
    parsed = parse_query("armoede of schulden en niet jeugd")
    assert isinstance(parsed.root, AndNode)
    assert [c.word for c in parsed.root.children] == ["armoede", "schulden", "jeugd"]  # type: ignore[union-attr]
    assert parsed.features == frozenset()
    assert parsed.ignored_words == ("of", "en", "niet")


def test_or_binds_tighter_than_and_and_understood_shows_it() -> None:
    parsed = parse_query("jeugd zorg OF hulp")
    assert parsed.understood == "jeugd EN (zorg OF hulp)"


def test_grouping() -> None:
    parsed = parse_query("(armoede OR schulden) jeugd")
    assert isinstance(parsed.root, AndNode)
    assert isinstance(parsed.root.children[0], OrNode)
    assert {"group", "or"} <= parsed.features
    assert parsed.understood == "(armoede OF schulden) EN jeugd"


def test_phrase() -> None:
    parsed = parse_query('"vroegtijdig schoolverlaten"')
    assert isinstance(parsed.root, PhraseNode)
    assert parsed.root.terms == ("vroegtijd", "schoolverlat")
    assert "phrase" in parsed.features
    assert "precies deze woorden" in parsed.understood


def test_wildcard_and_fuzzy() -> None:
    parsed = parse_query("jeugd* armoed~ werkloosheit~2")
    assert isinstance(parsed.root, AndNode)
    prefix, fuzzy1, fuzzy2 = parsed.root.children
    assert prefix == PrefixNode("jeugd", "all", (0, 6))
    assert isinstance(fuzzy1, FuzzyNode) and fuzzy1.maxdist == 1
    assert isinstance(fuzzy2, FuzzyNode) and fuzzy2.maxdist == 2
    assert {"wildcard", "fuzzy"} <= parsed.features
    assert 'beginnen met "jeugd"' in parsed.understood


def test_fields() -> None:
    parsed = parse_query('type:factsheet thema:vsv afdeling:"Onderwijs en Jeugd" titel:armoede')
    assert isinstance(parsed.root, AndNode)
    assert parsed.root.children[:3] == (
        FacetNode("type", "factsheet", (0, 14)),
        FacetNode("thema", "vsv", (15, 24)),
        FacetNode("afdeling", "Onderwijs en Jeugd", (25, 54)),
    )
    title = parsed.root.children[3]
    assert isinstance(title, TermNode) and title.field == "title"
    assert parsed.features == frozenset({"field"})


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("2019", 2019, 2019),
        ("2015..2020", 2015, 2020),
        ("2015-2020", 2015, 2020),
        ("2020..2015", 2015, 2020),
        (">=2018", 2018, None),
        ("<2018", None, 2017),
        ("2018..", 2018, None),
    ],
)
def test_year_ranges(value: str, start: int | None, end: int | None) -> None:
    parsed = parse_query(f"jaar:{value}")
    assert isinstance(parsed.root, YearNode)
    assert (parsed.root.start, parsed.root.end) == (start, end)


@pytest.mark.parametrize(
    ("query", "understood", "hint_part"),
    [
        ('"vroegtijdig schoolverlaten', '"vroegtijdig schoolverlaten"', "niet gesloten"),
        ("(armoede OR schulden", "armoede OF schulden", "niet gesloten"),
        ("armoede)", "armoede", ") zonder"),
        ("armoede AND", "armoede", "zonder woord erachter"),
        ("OR armoede", "armoede", "zonder woord ervoor"),
        ("armoede NIET", "armoede", "zonder woord erachter"),
        ("jaar:abc armoede", "armoede", "geen jaartal"),
        ("type: armoede", "armoede", "zonder waarde"),
        ("*", "alle documenten (nieuwste eerst)", "Een * alleen"),
        ("je* armoede", "armoede", "te kort"),
        ("armoed~7", "armoed~2", "te ruim"),
        ("de het", "alle documenten (nieuwste eerst)", "veelvoorkomende woorden"),
    ],
)
def test_malformed_queries_are_repaired_with_a_dutch_hint(
    query: str, understood: str, hint_part: str
) -> None:
    parsed = parse_query(query)
    assert parsed.understood.startswith(understood)
    assert any(hint_part in hint for hint in parsed.hints), parsed.hints


def test_unknown_field_is_just_text() -> None:
    parsed = parse_query("foo:armoede")
    assert isinstance(parsed.root, PhraseNode) and parsed.root.terms == ("foo", "armoed")
    assert "field" not in parsed.features


def test_deep_nesting_is_bounded() -> None:
    parsed = parse_query("(" * 500 + "armoede" + ")" * 500)
    assert isinstance(parsed.understood, str)
    assert any("haakjes" in hint for hint in parsed.hints)


def test_empty_query() -> None:
    parsed = parse_query("   ")
    assert parsed.root is None and parsed.is_empty
    assert parsed.hints == ()


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list('ab ()"*~:-_AND OR NOT EN OF NIET jaar: type: 2019..é\x00')),
        max_size=60,
    )
    | st.text(max_size=80)
)
def test_parse_never_raises(text: str) -> None:
    parsed = parse_query(text)
    assert isinstance(parsed.understood, str)
    assert all(isinstance(h, str) for h in parsed.hints)
    assert parsed.features <= {"phrase", "or", "not", "and", "wildcard", "fuzzy", "field", "group"}
    # the parser's last-resort fallback must not be what saved us
    assert not any("niet helemaal" in hint for hint in parsed.hints), parsed.hints
