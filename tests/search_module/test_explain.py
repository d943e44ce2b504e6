"""Search that explains itself (issue 13, part 4): why each hit was found, theme names found
through thema: and the facet (not as text), and notes (codes with parameters) for lowercase
operators and for plain words that are a theme's name."""

from __future__ import annotations

from pathlib import Path

import pytest

from search_module import Note, SearchIndex, SearchRequest, parse_query
from tests.search_module.conftest import CORPUS, doc

MINIMA = doc(
    9,
    "Minimaregeling 2024",
    "Huishoudens met een laag inkomen krijgen ondersteuning tegen armoede.",
    doctype="nota",
    theme="armoede",
    theme_name="Armoede en schulden",
    year=2024,
    department="Werk en Inkomen",
)


@pytest.fixture
def index(tmp_path: Path) -> SearchIndex:
    ix = SearchIndex(tmp_path / "index", build_procs=1)
    ix.rebuild([*CORPUS, MINIMA])
    return ix


def ids(index: SearchIndex, query: str, **filters: list[str]) -> set[int]:
    result = index.search(SearchRequest(query=query, filters=filters, page_size=50))
    return {hit.doc_id for hit in result.hits}


def test_not_excludes_documents_by_their_text_not_by_their_theme_name(index) -> None:
    # "Armoede en schulden" is the theme of 1, 5 and 9, but only 1 and 5 mention schulden.
    assert ids(index, "armoede NIET schulden") == {2, 6, 9}


def test_a_theme_name_is_found_through_thema_and_the_facet(index) -> None:
    assert ids(index, "thema:armoede") == {1, 5, 9}
    assert ids(index, 'thema:"Armoede en schulden"') == {1, 5, 9}
    assert ids(index, "", thema=["armoede"]) == {1, 5, 9}
    assert 9 not in ids(index, "schulden")  # the word is not in its title or text


def test_a_plain_word_that_is_in_a_theme_name_gets_a_note(index) -> None:
    result = index.search(SearchRequest(query="schulden"))
    assert (
        Note(
            "theme_word",
            {
                "word": "schulden",
                "theme": "Armoede en schulden",
                "field": "thema:armoede",
                "count": 1,
            },
        )
        in result.notes
    )
    assert index.search(SearchRequest(query="schoolverlaters")).notes == []


@pytest.mark.parametrize(
    ("query", "word", "operator"),
    [
        ("armoede and kinderen", "and", "AND"),
        ("armoede or schulden", "or", "OR"),
        ("armoede not schulden", "not", "NOT"),
        ("armoede en kinderen", "en", "EN"),
        ("schooluitval of thuiszitters", "of", "OF"),
        ("jeugdzorg niet kosten", "niet", "NIET"),
        ('"armoede" Of schulden', "Of", "OF"),
    ],
)
def test_lowercase_operators_between_words_get_a_note(query, word, operator) -> None:
    notes = parse_query(query).notes
    assert Note("lowercase_operator", {"word": word, "operator": operator}) in notes


@pytest.mark.parametrize(
    "query", ["armoede OF schulden", "of", "armoede of", '"armoede of schulden"', "Den Haag"]
)
def test_no_operator_note_without_words_on_both_sides(query) -> None:
    assert [n for n in parse_query(query).notes if n.code == "lowercase_operator"] == []


def test_why_each_hit_was_found(index) -> None:
    result = index.search(SearchRequest(query="armoede type:onderzoek", filters={"jaar": ["2019"]}))
    (hit,) = result.hits
    assert hit.doc_id == 1
    reasons = {reason.text: reason.fields for reason in hit.why}
    assert reasons == {"armoede": ("title",), "type:onderzoek": ("type",)}
    assert result.filters == {"jaar": ["2019"]}


def test_why_names_body_matches_of_phrases_prefixes_and_years(index) -> None:
    result = index.search(SearchRequest(query='"krijgen begeleiding" school* jaar:2020'))
    (hit,) = result.hits
    reasons = {reason.text: reason.fields for reason in hit.why}
    assert reasons == {
        '"krijgen begeleiding"': ("body",),
        "school*": ("title", "body"),
        "jaar:2020": ("year",),
    }
    assert hit.why and all(reason.fields for reason in hit.why)


def test_negated_words_are_not_reasons(index) -> None:
    result = index.search(SearchRequest(query="armoede NIET schulden"))
    for hit in result.hits:
        assert [reason.text for reason in hit.why] == ["armoede"]
