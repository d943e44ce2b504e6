"""The findability rule, table-driven: a query passes with its documents in the top five, a
question is findable when most of its queries pass, a theme's share is of its questions."""

from __future__ import annotations

import pytest

from academy.findability import rule


@pytest.mark.parametrize(
    ("ranks", "passes"),
    [
        ({1: 1}, True),
        ({1: 5}, True),
        ({1: 6}, False),
        ({1: None}, False),
        ({1: 1, 2: 5}, True),
        ({1: 1, 2: 6}, False),
        ({1: 2, 2: None}, False),
        # more key documents than places: the top five must all be key documents
        ({n: n for n in range(1, 8)}, True),
        ({1: 1, 2: 2, 3: 3, 4: 4, 5: 6, 6: 7}, False),
        ({}, False),
    ],
)
def test_a_query_passes_when_its_documents_are_in_the_top_five(
    ranks: dict[int, int | None], passes: bool
) -> None:
    assert rule.query_passes(ranks) is passes


@pytest.mark.parametrize(
    ("ranks", "worst"),
    [({1: 3}, 3), ({1: 3, 2: 9}, 9), ({1: 3, 2: None}, None), ({}, None)],
)
def test_worst_rank(ranks: dict[int, int | None], worst: int | None) -> None:
    assert rule.worst_rank(ranks) == worst


@pytest.mark.parametrize(
    ("passes", "findable"),
    [
        ([True], True),
        ([False], False),
        ([True, False], False),  # half is not most
        ([True, True, False], True),
        ([True, False, False], False),
        ([True, True, False, False], False),
        ([True, True, True, False], True),
        ([], False),
    ],
)
def test_a_question_is_findable_when_most_queries_pass(passes: list[bool], findable: bool) -> None:
    assert rule.question_findable(passes) is findable


@pytest.mark.parametrize(
    ("flags", "share"),
    [([True, True], 1.0), ([True, False], 0.5), ([False, False, False], 0.0), ([], None)],
)
def test_theme_share(flags: list[bool], share: float | None) -> None:
    assert rule.theme_share(flags) == share


@pytest.mark.parametrize(
    ("share", "threshold", "met"),
    [
        (0.8, 80, True),
        (0.79, 80, False),
        (1.0, 100, True),
        (2 / 3, 67, False),
        (2 / 3, 66, True),
        (None, 80, None),
        (0.9, None, None),
    ],
)
def test_meets_threshold(share: float | None, threshold: int | None, met: bool | None) -> None:
    assert rule.meets_threshold(share, threshold) is met
