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
from search_module.values import HINT_CODES, Hint, Meaning, Understood


def test_plain_words_are_anded() -> None:
    parsed = parse_query("armoede schulden")
    assert isinstance(parsed.root, AndNode)
    assert [c.term for c in parsed.root.children] == ["armoed", "schuld"]  # type: ignore[union-attr]
    assert parsed.understood == Understood("armoede EN schulden")
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
    assert parsed.understood.query == "armoede EN NIET schulden"


def test_lowercase_operators_are_ordinary_stop_words() -> None:
    parsed = parse_query("armoede of schulden en niet jeugd")
    assert isinstance(parsed.root, AndNode)
    assert [c.word for c in parsed.root.children] == ["armoede", "schulden", "jeugd"]  # type: ignore[union-attr]
    assert parsed.features == frozenset()
    assert parsed.ignored_words == ("of", "en", "niet")


def test_or_binds_tighter_than_and_and_understood_shows_it() -> None:
    parsed = parse_query("jeugd zorg OF hulp")
    assert parsed.understood.query == "jeugd EN (zorg OF hulp)"


def test_grouping() -> None:
    parsed = parse_query("(armoede OR schulden) jeugd")
    assert isinstance(parsed.root, AndNode)
    assert isinstance(parsed.root.children[0], OrNode)
    assert {"group", "or"} <= parsed.features
    assert parsed.understood.query == "(armoede OF schulden) EN jeugd"


def test_phrase() -> None:
    parsed = parse_query('"vroegtijdig schoolverlaten"')
    assert isinstance(parsed.root, PhraseNode)
    assert parsed.root.terms == ("vroegtijd", "schoolverlat")
    assert "phrase" in parsed.features
    assert parsed.understood.meanings == (
        Meaning("phrase", {"phrase": '"vroegtijdig schoolverlaten"'}),
    )


def test_wildcard_and_fuzzy() -> None:
    parsed = parse_query("jeugd* armoed~ werkloosheit~2")
    assert isinstance(parsed.root, AndNode)
    prefix, fuzzy1, fuzzy2 = parsed.root.children
    assert prefix == PrefixNode("jeugd", "all", (0, 6))
    assert isinstance(fuzzy1, FuzzyNode) and fuzzy1.maxdist == 1
    assert isinstance(fuzzy2, FuzzyNode) and fuzzy2.maxdist == 2
    assert {"wildcard", "fuzzy"} <= parsed.features
    assert parsed.understood.meanings == (
        Meaning("prefix", {"prefix": "jeugd"}),
        Meaning("fuzzy", {"word": "armoed", "distance": 1}),
        Meaning("fuzzy", {"word": "werkloosheit", "distance": 2}),
    )


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
    ("query", "understood", "hint"),
    [
        ('"vroegtijdig schoolverlaten', '"vroegtijdig schoolverlaten"', Hint("unclosed_quote")),
        ("(armoede OR schulden", "armoede OF schulden", Hint("unclosed_paren")),
        ("armoede)", "armoede", Hint("stray_close_paren")),
        ("armoede AND", "armoede", Hint("operator_without_right", {"operator": "AND"})),
        ("OR armoede", "armoede", Hint("operator_without_left", {"operator": "OR"})),
        ("armoede NIET", "armoede", Hint("operator_without_right", {"operator": "NIET"})),
        ("jaar:abc armoede", "armoede", Hint("year_invalid", {"value": "abc"})),
        (
            "type: armoede",
            "armoede",
            Hint("field_empty", {"field": "type", "example": "type:factsheet"}),
        ),
        ("*", "", Hint("wildcard_alone", {"min": 3})),
        ("je* armoede", "armoede", Hint("prefix_too_short", {"word": "je", "min": 3})),
        ("armoed~7", "armoed~2", Hint("fuzzy_too_wide", {"distance": 7, "max": 2})),
        ("de het", "", Hint("only_common_words", {"words": "de, het"})),
        (
            "jaar:2020..2015",
            "jaar:2015 t/m 2020",
            Hint("year_backwards", {"value": "2020..2015", "start": 2015, "end": 2020}),
        ),
        ("AND armoede", "armoede", Hint("operator_at_start", {"operator": "AND"})),
        ("armoede de", "armoede", Hint("common_words_ignored", {"words": "de"})),
        ("~ armoede", "armoede", Hint("fuzzy_without_word")),
        ("ar~ armoede", "ar EN armoede", Hint("fuzzy_too_short", {"word": "ar"})),
        ("jeu*gd armoede", "jeu* EN armoede", Hint("wildcard_not_at_end")),
        ("jaar: armoede", "armoede", Hint("year_empty")),
        ('titel:"armoede', "titel:armoede", Hint("unclosed_field_quote", {"field": "titel"})),
        ("a" * 1001, "a" * 1000, Hint("query_truncated", {"max": 1000})),
    ],
)
def test_malformed_queries_are_repaired_with_a_hint_code(
    query: str, understood: str, hint: Hint
) -> None:
    parsed = parse_query(query)
    assert parsed.understood.query.startswith(understood)
    assert hint in parsed.hints, parsed.hints
    assert set(hint.params) == set(HINT_CODES[hint.code])


def test_unknown_field_is_just_text() -> None:
    parsed = parse_query("foo:armoede")
    assert isinstance(parsed.root, PhraseNode) and parsed.root.terms == ("foo", "armoed")
    assert "field" not in parsed.features


def test_deep_nesting_is_bounded() -> None:
    parsed = parse_query("(" * 500 + "armoede" + ")" * 500)
    assert isinstance(parsed.understood, Understood)
    assert Hint("too_deep") in parsed.hints


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
    assert isinstance(parsed.understood, Understood)
    assert all(h.code in HINT_CODES for h in parsed.hints)
    assert parsed.features <= {"phrase", "or", "not", "and", "wildcard", "fuzzy", "field", "group"}
    # the parser's last-resort fallback must not be what saved us
    assert Hint("query_unreadable") not in parsed.hints, parsed.hints
