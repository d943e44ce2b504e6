"""Search behaviour on the hand-made corpus in conftest.py."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from search_module import Hint, SearchIndex, SearchRequest, SearchResult, TextPart, Understood

from .conftest import CORPUS, doc


def ids(result: SearchResult) -> list[int]:
    return [hit.doc_id for hit in result.hits]


def search(index: SearchIndex, query: str = "", **kwargs: object) -> SearchResult:
    return index.search(SearchRequest(query=query, **kwargs))  # type: ignore[arg-type]


def test_title_match_ranks_above_body_match(index: SearchIndex) -> None:
    result = search(index, "armoede")
    assert set(ids(result)) == {1, 2, 5, 6}
    assert ids(result)[0] == 1  # "Armoede" in the title
    assert result.hits[0].score > result.hits[-1].score > 0


def test_stemming_finds_other_word_forms(index: SearchIndex) -> None:
    assert ids(search(index, "woning")) == [3]
    # "onderzoekt" (doc 8) is stemmed with "onderzoek"; the past tense "onderzocht" is not
    assert set(ids(search(index, "onderzoek"))) == {1, 8}
    assert ids(search(index, "schoolverlaters", sort="date")) == [5, 4]


def test_default_operator_is_and(index: SearchIndex) -> None:
    assert ids(search(index, "armoede schulden", sort="date")) == [5, 1]


def test_phrase_is_stricter_than_its_words(index: SearchIndex) -> None:
    words = search(index, "vroegtijdig schoolverlaten")
    phrase = search(index, '"vroegtijdig schoolverlaten"')
    assert set(ids(words)) == {4}
    assert set(ids(search(index, "schoolverlaten"))) == {4, 5}
    assert ids(phrase) == [4]
    assert ids(search(index, '"schoolverlaten vroegtijdig"')) == []
    assert "phrase" in phrase.features


def test_or_and_not(index: SearchIndex) -> None:
    assert set(ids(search(index, "jeugdzorg OF fietspaden"))) == {2, 7}
    assert set(ids(search(index, "armoede NIET schulden"))) == {2, 6}
    assert set(ids(search(index, "armoede -jeugdzorg -sport"))) == {1, 5}
    only_not = search(index, "NIET armoede")
    assert only_not.total == 4 and 1 not in ids(only_not)


def test_grouping_changes_the_meaning(index: SearchIndex) -> None:
    assert set(ids(search(index, "(armoede OR fietspaden) NOT schulden"))) == {2, 6, 7}


def test_wildcard_finds_compounds(index: SearchIndex) -> None:
    result = search(index, "jeugd*")
    assert set(ids(result)) == {2, 6}  # jeugdzorg, jeugdhulp, jeugdsport
    marked = {
        p.text.lower() for h in result.hits for p in h.title_parts + h.snippet_parts if p.marked
    }
    assert "jeugdzorg" in marked


def test_wildcard_expansion_is_capped_with_a_hint(
    index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    import search_module.view as view

    monkeypatch.setattr(view, "MAX_EXPANSIONS", 1)
    result = search(index, "sch*")
    assert Hint("expansion_capped", {"pattern": "sch*", "max": 1}) in result.hints


def test_fuzzy(index: SearchIndex) -> None:
    assert set(ids(search(index, "armoed~"))) == {1, 2, 5, 6}
    assert ids(search(index, "werkloosheit")) == []
    assert ids(search(index, "werkloosheit~")) == [8]
    assert ids(search(index, "fietspadden~2")) == [7]


def test_field_filters_in_the_query(index: SearchIndex) -> None:
    assert ids(search(index, "type:factsheet")) == [2]
    assert set(ids(search(index, "thema:armoede"))) == {1, 5}
    assert ids(search(index, "thema:jeugdzorg")) == [2]  # by theme name
    assert set(ids(search(index, 'afdeling:"Werk en Inkomen" armoede'))) == {1, 5}
    assert set(ids(search(index, "jaar:2019..2021"))) == {1, 2, 4}
    assert set(ids(search(index, "jaar:2019-2021"))) == {1, 2, 4}
    assert set(ids(search(index, "jaar:>=2022"))) == {5, 7}
    assert ids(search(index, "titel:armoede")) == [1]
    unknown = search(index, "type:roman")
    assert unknown.total == 0
    assert Hint("unknown_facet_value", {"key": "type", "value": "roman"}) in unknown.hints


def test_true_total_when_text_and_year_range_are_combined(index: SearchIndex) -> None:
    # all 4 "armoede" documents fall in 2017..2022; page size 1 must not shrink the count
    result = search(index, "armoede jaar:2017..2022", page_size=1)
    assert result.total == 4
    assert result.pages == 4
    assert len(result.hits) == 1


def test_facets_respond_to_query_and_other_filters(index: SearchIndex) -> None:
    result = search(index, "armoede", filters={"type": ["onderzoek"]})
    assert ids(result) == [1]
    facets = {k: {f.value: (f.count, f.selected) for f in v} for k, v in result.facets.items()}
    # the type facet ignores its own selection (disjunctive): all types among "armoede" hits
    assert facets["type"] == {
        "onderzoek": (1, True),
        "factsheet": (1, False),
        "evaluatie": (1, False),
        "jaarverslag": (1, False),
    }
    # other facets apply the type selection
    assert facets["thema"] == {"armoede": (1, False)}
    assert facets["jaar"] == {"2019": (1, False)}
    assert [f.label for f in result.facets["thema"]] == ["Armoede en schulden"]


def test_filters_or_within_a_key_and_across_keys(index: SearchIndex) -> None:
    both_types = search(index, "", filters={"type": ["onderzoek", "factsheet"]})
    assert set(ids(both_types)) == {1, 2, 4}
    narrowed = search(index, "", filters={"type": ["onderzoek", "factsheet"], "jaar": ["2020"]})
    assert ids(narrowed) == [4]
    assert search(index, "", filters={"jaar": ["1999"]}).total == 0
    years = search(index, "", filters={"jaar": ["1999"]}).facets["jaar"]
    # a selected value with no documents is still listed (so it can be unselected), and the
    # year facet ignores its own selection, so the other years keep their counts
    assert ("1999", 0, True) in [(f.value, f.count, f.selected) for f in years]
    assert ("2020", 1, False) in [(f.value, f.count, f.selected) for f in years]


def test_empty_query_lists_newest_first(index: SearchIndex) -> None:
    result = search(index, "")
    assert result.total == 8
    # doc 6 has no date: it sorts by its year (2017)
    assert ids(result) == [7, 5, 2, 4, 1, 3, 6, 8]
    assert result.understood == Understood()  # every document, newest first


def test_sort_by_date(index: SearchIndex) -> None:
    result = search(index, "armoede", sort="date")
    assert ids(result) == [5, 2, 1, 6]
    dates = [h.published or datetime.date(h.year, 1, 1) for h in result.hits]
    assert dates == sorted(dates, reverse=True)


def test_paging(index: SearchIndex) -> None:
    first = search(index, "", page=1, page_size=3)
    second = search(index, "", page=2, page_size=3)
    last = search(index, "", page=3, page_size=3)
    beyond = search(index, "", page=9, page_size=3)
    assert first.pages == 3 and len(last.hits) == 2
    assert ids(first) + ids(second) + ids(last) == ids(search(index, "", page_size=10))
    assert beyond.hits == [] and beyond.total == 8
    assert search(index, "", page=0, page_size=0).page == 1  # clamped, no error


def test_relevance_paging_is_consistent(index: SearchIndex) -> None:
    pages = [ids(search(index, "armoede", page=p, page_size=1)) for p in range(1, 5)]
    assert sum(pages, []) == ids(search(index, "armoede"))


def test_suggestion_for_a_typo(index: SearchIndex) -> None:
    result = search(index, "armoda schulden")
    assert result.total == 0
    assert result.suggestion == "armoede schulden"
    assert search(index, "armoede").suggestion is None


def test_no_suggestion_when_nothing_better(index: SearchIndex) -> None:
    assert search(index, "xylofoon").suggestion is None


def test_highlights_are_escaped(index: SearchIndex) -> None:
    result = search(index, "fietspaden")
    hit = result.hits[0]
    # plain text in parts: nothing escaped, nothing marked up; the app renders the parts
    assert hit.title_parts == (
        TextPart("Raadsvoorstel <script>alert('x')</script> "),
        TextPart("fietspaden", marked=True),
    )
    assert hit.snippet_parts == (
        TextPart("Veilige "),
        TextPart("fietspaden", marked=True),
        TextPart(" <script>alert(1)</script> & verkeer in Zaandam."),
    )


def test_searching_for_script_does_not_unescape(index: SearchIndex) -> None:
    hit = search(index, "script")
    assert hit.total == 1
    assert TextPart("script", marked=True) in hit.hits[0].title_parts
    assert "".join(p.text for p in hit.hits[0].title_parts) == hit.hits[0].title


def test_negated_words_are_not_highlighted(index: SearchIndex) -> None:
    result = search(index, "armoede NIET jeugdzorg")
    marked = {
        p.text.lower() for h in result.hits for p in h.title_parts + h.snippet_parts if p.marked
    }
    assert marked == {"armoede"}


def test_result_metadata(index: SearchIndex) -> None:
    result = search(index, "jeugd* OR armoed~ type:factsheet")
    assert {"wildcard", "fuzzy", "or", "field"} <= result.features
    assert 0 < result.elapsed_ms < 10_000  # measured (the unavailable fallback says 0.0)
    hit = result.hits[0]
    assert (hit.doc_id, hit.doctype, hit.theme, hit.year) == (2, "factsheet", "jeugd", 2021)
    assert hit.published == datetime.date(2021, 9, 15)
    assert hit.theme_name == "Jeugdzorg" and hit.department == "Onderwijs en Jeugd"


def test_malformed_query_searches_what_was_understood(index: SearchIndex) -> None:
    result = search(index, '(armoede OR "schulden')
    assert result.total == 4
    assert len(result.hints) == 2


def test_understood_mentions_filters(index: SearchIndex) -> None:
    result = search(index, "armoede", filters={"thema": ["armoede"]})
    assert result.understood == Understood(
        "armoede", filters=(("thema", ("Armoede en schulden",)),)
    )


@pytest.mark.parametrize("query", ["armoede", "armoede OR jeugd*", '"vroegtijdig schoolverlaten"'])
def test_all_scoring_paths_rank_alike(
    index: SearchIndex, monkeypatch: pytest.MonkeyPatch, query: str
) -> None:
    """Small result sets are scored per candidate, large ones per posting list: same order."""
    import search_module.scoring as engine

    def ranking() -> list[tuple[int, float]]:
        fresh = SearchIndex(index.path)  # empty caches
        return [(h.doc_id, h.score) for h in search(fresh, query).hits]

    per_candidate = ranking()
    monkeypatch.setattr(engine, "CANDIDATE_SCORING_LIMIT", 0)
    per_posting_list = ranking()
    assert per_candidate == per_posting_list
    assert per_candidate and all(score > 0 for _id, score in per_candidate)


def test_filtered_score_equals_unfiltered_score(tmp_path: Path) -> None:
    # 40 extra "armoede" documents make the posting list long enough for binary search
    extra = [
        doc(100 + i, f"Extra {i}", "Armoede en nog eens armoede.", doctype="factsheet")
        for i in range(40)
    ]
    ix = SearchIndex(tmp_path / "ix", build_procs=1)
    ix.rebuild([*CORPUS, *extra])
    everything = {h.doc_id: h.score for h in search(ix, "armoede", page_size=100).hits}
    only = search(ix, "armoede", filters={"type": ["onderzoek"]})
    assert [(h.doc_id, h.score) for h in only.hits] == [(1, everything[1])]


def test_snippets_are_plain_text_without_markdown_marks():
    from search_module.highlight import make_snippet

    text = "## Aanleiding\nDe **gemeente** vroeg om een _beeld_.\n\n- eerste punt\n| a | b |"
    parts = make_snippet(text, {"gemeent"})
    assert parts[:3] == (
        TextPart("Aanleiding De "),
        TextPart("gemeente", marked=True),
        TextPart(" vroeg om een beeld. eerste punt a b"),
    )
    snippet = "".join(p.text for p in parts)
    assert "#" not in snippet and "**" not in snippet and "|" not in snippet
    assert "- eerste" not in snippet and "_beeld_" not in snippet
    assert snippet.startswith("Aanleiding De gemeente vroeg")


def test_without_highlighting_the_ranking_is_the_same(index: SearchIndex) -> None:
    """highlight=False is the cheap ranking: same ids, scores and total, no parts."""
    for query in ["armoede", "jeugd* OR armoed~", '"vroegtijdig schoolverlaten"', ""]:
        full = search(index, query)
        bare = search(index, query, highlight=False)
        assert [(h.doc_id, h.score) for h in bare.hits] == [(h.doc_id, h.score) for h in full.hits]
        assert bare.total == full.total
        assert all(h.title_parts == () == h.snippet_parts and h.why == () for h in bare.hits)


def test_snippet_marks_left_out_text(index: SearchIndex) -> None:
    from search_module.highlight import make_snippet

    text = ("woord " * 80) + "armoede " + ("woord " * 80)
    parts = make_snippet(text, {"armoed"})
    assert parts[0] == TextPart("… " + parts[0].text[2:]) and parts[0].text.startswith("… ")
    assert parts[-1].text.endswith(" …") and not parts[-1].marked
    assert TextPart("armoede", marked=True) in parts


def test_a_word_typed_twice_counts_once(index: SearchIndex) -> None:
    """As in Whoosh, whose queries drop duplicates (see test_differential.py)."""
    once = [(h.doc_id, h.score) for h in search(index, "armoede").hits]
    assert [(h.doc_id, h.score) for h in search(index, "armoede armoede").hits] == once
    assert [(h.doc_id, h.score) for h in search(index, "armoede OR armoede").hits] == once
