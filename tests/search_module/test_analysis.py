"""The Dutch analyzer: stemming pairs users type, accents, stop words."""

from __future__ import annotations

import pytest

from search_module.analysis import (
    DUTCH_STOP_WORDS,
    DutchAnalyzer,
    analyze,
    fold,
    normalize,
    surface_words,
    term_positions,
    tokens_with_offsets,
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("woningen", "woning"),
        ("onderzoeken", "onderzoek"),
        ("onderzoekt", "onderzoek"),
        ("gemeenteraden", "gemeenteraad"),
        ("werkloosheid", "werkloos"),
        ("werklozen", "werkloos"),
        ("jongeren", "jongere"),
        ("schoolverlaters", "schoolverlaten"),
        ("gezinnen", "gezin"),
        ("evaluaties", "evaluatie"),
        ("analyses", "analyse"),
        ("mensen", "mens"),
        ("gemeentes", "gemeenten"),
        ("kinderen", "kind"),
        ("huizen", "huis"),
        ("Woningen", "WONING"),
    ],
)
def test_word_forms_share_a_stem(a: str, b: str) -> None:
    assert normalize(a) == normalize(b)


@pytest.mark.parametrize(
    ("a", "b"), [("woning", "wonen"), ("armoede", "arm"), ("jeugd", "jeugdzorg")]
)
def test_different_words_stay_apart(a: str, b: str) -> None:
    assert normalize(a) != normalize(b)


def test_accents_fold() -> None:
    assert fold("Coöperatie") == "cooperatie"
    assert fold("café") == "cafe"
    assert normalize("financiële") == normalize("financiele")
    assert normalize("ĳs") == normalize("ijs")


def test_dutch_stop_words_and_not_english() -> None:
    for word in ("de", "het", "een", "en", "of", "niet", "van", "wij", "hen"):
        assert word in DUTCH_STOP_WORDS
        assert normalize(word) is None
    # Whoosh's nl list mixes in English stop words; ours keeps them searchable
    for word in ("data", "will", "can", "wezen"):
        assert normalize(word) is not None


def test_single_letters_are_dropped_but_numbers_kept() -> None:
    assert analyze("a 6 2019 jeugd-ggz") == ["2019", "jeugd", "ggz"]


def test_positions_skip_stop_words() -> None:
    assert term_positions("de armoede in de stad, armoede") == {"armoed": [0, 2], "stad": [1]}


def test_offsets_point_into_the_original_text() -> None:
    text = "Één Coöperatie, woningen!"
    spans = [(text[s:e], t) for s, e, t in tokens_with_offsets(text)]
    assert spans == [("Coöperatie", "cooperatie"), ("woningen", "woning")]


def test_surface_words_are_folded_and_unstemmed() -> None:
    assert surface_words("De Gemeenteraad en ARMOEDE", "financiële 2019 x") == {
        "gemeenteraad",
        "armoede",
        "financiele",
    }


def test_whoosh_analyzer_agrees_with_normalize() -> None:
    analyzer = DutchAnalyzer()
    tokens = [
        (t.text, t.pos, t.startchar)
        for t in analyzer("De woningen van Zaandam", positions=True, chars=True)
    ]
    assert tokens == [("woning", 0, 3), ("zaandam", 1, 16)]
    kept = [(t.text, t.stopped) for t in analyzer("de woning", removestops=False)]
    assert kept == [("de", True), ("woning", False)]
