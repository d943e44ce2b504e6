"""Property-based tests (hypothesis) for what tests/search_module and tests/training do not
cover yet: a full search on a real (tiny) index with any request, the query parser on the
hostile corpus, and the known-item, process and open graders plus the spacing rules of
fact answers. (parse_query never raising, grade_fact, grade_find_all's F1 and number
matching have their properties in tests/search_module/test_query.py and
tests/training/test_grading.py.)

Example counts and deadlines keep the whole module to a few seconds.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from academy.training.grading import (
    SKILLS,
    LoggedSearch,
    grade_fact,
    grade_find_all,
    grade_known_item,
    grade_open,
    grade_process,
    normalise_answer,
    shows_skill,
)
from search_module import (
    FACET_KEYS,
    HINT_CODES,
    IndexedDocument,
    SearchIndex,
    SearchRequest,
    Understood,
    parse_query,
)
from search_module.search import UNAVAILABLE_HINT
from tests.reliability.hostile import HOSTILE

FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --------------------------------------------------------------------------- search

TITLES = [
    "Armoedemonitor 2024",
    "Onderzoek naar vroegtijdig schoolverlaten",
    "Nota funderingsherstel <script>alert(1)</script>",
    "Jeugdzorg in de wijk & de buurt",
    "Café-cijfers: coöperatie en ĳsselmeer",
    "Schulden bij jonge huishoudens",
]


def _document(number: int) -> IndexedDocument:
    title = TITLES[number % len(TITLES)]
    return IndexedDocument(
        doc_id=number,
        title=f"{title} {number}",
        body=f"{title}. Tekst {number} over armoede, jeugd en wonen in wijk {number % 4}.",
        summary=f"Samenvatting {number}",
        doctype=("monitor", "nota", "onderzoek")[number % 3],
        theme=("armoede", "jeugd", "")[number % 3],
        theme_name=("Armoede", "Jeugd", "")[number % 3],
        year=2015 + number % 8 if number % 5 else 0,
        department=("Onderzoek", "Sociaal domein")[number % 2],
        published=datetime.date(2015 + number % 8, 1 + number % 12, 1) if number % 7 else None,
    )


CORPUS = [_document(n) for n in range(1, 25)]
IDS = {d.doc_id for d in CORPUS}


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    index = SearchIndex(Path(tmp_path_factory.mktemp("tiny-index")), build_procs=1)
    index.rebuild(CORPUS)
    yield index
    index.close()


SYNTAX = list('armoede jeugd wijk ()"*~:-_ AND OR NOT EN OF NIET jaar: type: thema: 2019..é\x00')
queries = (
    st.text(alphabet=st.sampled_from(SYNTAX), max_size=60)
    | st.text(max_size=80)
    | st.sampled_from([item.text for item in HOSTILE])
)
facet_values = st.sampled_from(["monitor", "nota", "armoede", "2019", "Onderzoek", ""]) | st.text(
    max_size=30
)
filters = st.dictionaries(
    st.sampled_from([*FACET_KEYS, "onbekend"]) | st.text(max_size=8),
    st.lists(facet_values, max_size=4),
    max_size=5,
)
requests = st.builds(
    SearchRequest,
    query=queries,
    filters=filters,
    sort=st.sampled_from(["relevance", "date"]),
    page=st.integers(min_value=-3, max_value=10**12),
    page_size=st.integers(min_value=-3, max_value=10**4),
)


@FAST
@given(request=requests)
@example(request=SearchRequest(query="", page=10**12))
@example(request=SearchRequest(query="*", filters={"jaar": ["9" * 400]}))
def test_search_answers_any_request(index: SearchIndex, request: SearchRequest) -> None:
    result = index.search(request)
    assert UNAVAILABLE_HINT not in result.hints, "an exception was swallowed"
    assert isinstance(result.understood, Understood)
    assert all(hint.code in HINT_CODES for hint in result.hints)
    assert 0 <= result.total <= len(CORPUS)
    assert len(result.hits) <= result.page_size and result.pages >= 1 and result.page >= 1
    ids = [hit.doc_id for hit in result.hits]
    assert len(ids) == len(set(ids)) and set(ids) <= IDS
    for hit in result.hits:  # plain text parts: the title's parts are the whole title
        assert "".join(part.text for part in hit.title_parts) == hit.title, hit
    for facets in result.facets.values():
        # a listed value has results or is selected; in a facet with nothing selected
        # the counts are counts within this result (they narrow, never widen it)
        assert all(facet.count >= 1 or facet.selected for facet in facets)
        if not any(facet.selected for facet in facets):
            assert all(facet.count <= result.total for facet in facets)


@FAST
@given(query=queries, chosen=filters)
def test_filters_only_narrow_a_search(index: SearchIndex, query: str, chosen) -> None:
    """OR within a key and AND across keys: adding filters never finds more."""
    unfiltered = index.search(SearchRequest(query=query)).total
    assert index.search(SearchRequest(query=query, filters=chosen)).total <= unfiltered


def test_an_empty_search_lists_everything(index: SearchIndex) -> None:
    assert index.search(SearchRequest(query="")).total == len(CORPUS)


@pytest.mark.parametrize("item", HOSTILE, ids=[item.id for item in HOSTILE])
def test_parser_reads_every_hostile_string(item) -> None:
    parsed = parse_query(item.text)
    assert isinstance(parsed.understood, Understood)
    assert parse_query(item.text) == parsed  # the same text, the same reading


# --------------------------------------------------------------------------- graders

ids = st.lists(st.integers(min_value=-3, max_value=40), max_size=12)


@FAST
@given(selected=ids, key=ids)
def test_known_item(selected: list[int], key: list[int]) -> None:
    result = grade_known_item(selected, key)
    chosen = set(selected)
    assert result.score in (0.0, 1.0) and result.passed is (result.score == 1.0)
    assert result.passed is (len(chosen) == 1 and chosen <= set(key))
    assert set(result.correct_ids) <= set(key) & chosen
    assert not set(result.wrong_ids) & set(key) and set(result.wrong_ids) <= chosen
    assert result.messages and all(isinstance(m, str) for m in result.messages)


@FAST
@given(selected=ids, key=ids, threshold=st.floats(min_value=0.01, max_value=1.0))
def test_find_all_partitions_the_selection(selected, key, threshold) -> None:
    result = grade_find_all(selected, key, threshold)
    assert set(result.correct_ids) | set(result.wrong_ids) == set(selected)
    assert set(result.correct_ids) == set(selected) & set(key)
    assert 0.0 <= result.precision <= 1.0 and 0.0 <= result.recall <= 1.0
    if result.passed:  # a lower bar is passed too
        assert grade_find_all(selected, key, threshold / 2).passed


searches = st.lists(
    st.builds(
        LoggedSearch,
        query=st.text(max_size=30),
        features=st.frozensets(st.sampled_from([*SKILLS, "and", "group", "x"])),
        filters=st.dictionaries(
            st.sampled_from(FACET_KEYS), st.lists(st.text(max_size=8), max_size=2), max_size=2
        ),
    ),
    max_size=6,
)


@FAST
@given(trail=searches, skill=st.sampled_from([*SKILLS, "onbekend", ""]))
def test_process_passes_exactly_when_a_search_shows_the_skill(trail, skill) -> None:
    result = grade_process(trail, skill)
    assert result.passed is any(shows_skill(search, skill) for search in trail)
    assert result.score == (1.0 if result.passed else 0.0)
    assert grade_process(list(reversed(trail)), skill).passed is result.passed
    assert result.messages and all(isinstance(m, str) for m in result.messages)


@FAST
@given(
    scores=st.lists(st.integers(min_value=-(10**20), max_value=10**20), min_size=1, max_size=6),
    data=st.data(),
)
def test_open_rubric(scores: list[int], data) -> None:
    result = grade_open(scores, len(scores))
    assert 0.0 <= result.score <= 1.0
    assert result.passed is (sum(max(0, min(2, s)) for s in scores) / (2 * len(scores)) >= 0.6)
    index = data.draw(st.integers(min_value=0, max_value=len(scores) - 1))
    better = [*scores]
    better[index] = max(0, min(2, better[index])) + 1
    assert grade_open(better, len(scores)).score >= result.score  # more points never lower


spacing = st.text(alphabet=st.sampled_from([" ", "\t", "\u00a0", "\u2009"]), min_size=1, max_size=3)
amounts = st.builds(
    lambda whole, decimals: f"{whole:,}".replace(",", ".") + (f",{decimals}" if decimals else ""),
    st.integers(min_value=0, max_value=10**7),
    st.none() | st.integers(min_value=1, max_value=99),
)


@FAST
@given(amount=amounts, unit=st.sampled_from(["%", "procent", "leerlingen", "miljoen"]), gap=spacing)
@example(amount="12,4", unit="%", gap="  ")
def test_spacing_never_changes_a_fact_grade(amount: str, unit: str, gap: str) -> None:
    """ "12,4  %" (two spaces, a tab, a thin space) is the answer "12,4 %"."""
    accepted = f"{amount} {unit}"
    assert grade_fact(f"{amount}{gap}{unit}", [accepted]).passed
    assert grade_fact(f"€{gap}{amount}", [f"€ {amount}"]).passed


words = st.lists(
    st.text(alphabet=st.sampled_from(list("0123456789.,%€-*?abcéIJ")), min_size=1, max_size=8),
    min_size=1,
    max_size=5,
)


@FAST
@given(parts=words, data=st.data())
@example(parts=["4", "312"], data=None)
def test_extra_spacing_never_changes_an_answer(parts: list[str], data) -> None:
    """Two spaces, a tab or a thin space where one space was: the same answer."""
    gaps = [data.draw(spacing) if data else "\t" for _ in parts[1:]]
    spaced = parts[0] + "".join(gap + part for gap, part in zip(gaps, parts[1:], strict=True))
    assert normalise_answer(spaced) == normalise_answer(" ".join(parts))
