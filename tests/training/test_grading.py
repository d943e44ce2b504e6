"""The pure grading rules in academy/training/grading.py, edge case by edge case."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from academy.training.grading import (
    SKILL_NAMES,
    SKILLS,
    GradeResult,
    LoggedSearch,
    grade_fact,
    grade_find_all,
    grade_known_item,
    grade_open,
    grade_process,
    normalise_answer,
)

# --- normalise_answer -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("", ""),
        ("   ", ""),
        ("4.312", "4312"),
        ("4312", "4312"),
        ("4.312 Leerlingen", "4312 leerlingen"),
        ("1.234.567", "1234567"),
        ("12,4%", "12.4%"),
        ("12,4 procent", "12.4%"),
        ("12,4 Procent", "12.4%"),
        ("12.4 %", "12.4%"),
        ("12,4 percent", "12.4%"),
        ("12,4 pct.", "12.4%"),
        ("€ 12,5 miljoen", "€12.5 miljoen"),
        ("12,5 euro", "12.5 €"),
        ("Café", "cafe"),
        ("ÉÉN", "een"),
        ("Coördinatiepunt", "coordinatiepunt"),
        ("  veel \t  spaties\n", "veel spaties"),
        ("RMC!", "rmc"),
        ("het RMC.", "het rmc"),
        ("dienst *", "dienst *"),
    ],
)
def test_normalise_answer(raw: str, normalised: str) -> None:
    assert normalise_answer(raw) == normalised


def test_normalise_answer_accepts_none() -> None:
    assert normalise_answer(None) == ""  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "variants",
    [
        ("4.312", "4312", " 4312 "),
        ("12,4%", "12,4 procent", "12.4 %", "12,4 %", "12,4 PROCENT"),
        ("café", "cafe", "CAFÉ", "Cafe\u0301"),  # the last: e + a combining accent
    ],
)
def test_equal_answers_normalise_equal(variants: tuple[str, ...]) -> None:
    assert len({normalise_answer(v) for v in variants}) == 1


# --- grade_fact ---------------------------------------------------------------------------------

VSV = ["4.312"]
PERCENT = ["12,4%"]


@pytest.mark.parametrize(
    ("answer", "accepted"),
    [
        ("4.312", VSV),
        ("4312", VSV),
        (" 4.312 ", VSV),
        ("ongeveer 4.312 leerlingen", VSV),  # a longer answer containing the accepted one
        ("Het waren er 4312.", VSV),
        ("4.312", ["4312 leerlingen"]),  # the bare number the accepted answer gives
        ("4312 LEERLINGEN", ["4.312 leerlingen"]),
        ("12,4%", PERCENT),
        ("12,4 procent", PERCENT),
        ("12.4 %", PERCENT),
        ("12,4", PERCENT),  # a bare number is enough
        ("12.4%", ["12,4 procent"]),
        ("RMC", ["rmc"]),
        ("het rmc", ["RMC"]),
        ("Regionaal Meld- en Coördinatiepunt", ["regionaal meld- en coordinatiepunt"]),
        ("Cafe", ["Café"]),
        ("café", ["Cafe"]),
        ("Dienst Wonen", ["dienst *"]),  # a wildcard in the accepted answer
        ("Dienst Werk en Inkomen", ["dienst *"]),
        ("jeugdzorg", ["jeugd*"]),
        ("2019", ["20?9"]),
        ("iets", ["*"]),
        ("4.312", ["", "   ", "4.312"]),  # empty accepted answers are skipped
        ("vierduizend", ["4.312", "vierduizend*"]),  # any accepted answer will do
    ],
)
def test_fact_accepts(answer: str, accepted: list[str]) -> None:
    result = grade_fact(answer, accepted)
    assert result == GradeResult(1.0, True, ["Goed: dat is het antwoord uit het document."])


@pytest.mark.parametrize(
    ("answer", "accepted"),
    [
        ("14.312", VSV),  # merely contains the accepted number
        ("14312", VSV),
        ("4.3120", VSV),
        ("43.12", VSV),
        ("4.312.000", VSV),
        ("4.312,5", VSV),
        ("4312.5", VSV),
        ("312", VSV),
        ("4", VSV),
        ("ongeveer 14.312 leerlingen", VSV),
        ("4,312", VSV),  # Dutch: a decimal comma, so four and a bit
        ("12", PERCENT),
        ("12,41%", PERCENT),
        ("112,4%", PERCENT),
        ("rmcx", ["RMC"]),
        ("dienst", ["dienst *"]),  # the wildcard needs the space and something after it
        ("wonen", ["dienst *"]),
        ("4.312", []),
        ("4.312", ["", "  "]),
    ],
)
def test_fact_refuses(answer: str, accepted: list[str]) -> None:
    result = grade_fact(answer, accepted)
    assert (result.score, result.passed) == (0.0, False)
    assert result.messages[0].startswith("Dit antwoord klopt niet.")


@pytest.mark.parametrize("answer", ["", "   ", "\n\t", ".", "-", "!", "..."])
def test_fact_empty_answer_asks_for_one(answer: str) -> None:
    result = grade_fact(answer, VSV)
    assert result == GradeResult(0.0, False, ["Je hebt nog geen antwoord gegeven."])


def test_fact_star_does_not_accept_an_empty_answer() -> None:
    assert not grade_fact("", ["*"]).passed


# --- grade_known_item ---------------------------------------------------------------------------

KEY = [7]


def test_known_item_none_chosen() -> None:
    result = grade_known_item([], KEY)
    assert (result.score, result.passed, result.missed_count) == (0.0, False, 1)
    assert result.messages == ["Je hebt nog geen document gekozen."]


@pytest.mark.parametrize("selected", [[7], [7, 7], (d for d in [7])])
def test_known_item_the_key(selected) -> None:
    result = grade_known_item(selected, KEY)
    assert (result.score, result.passed) == (1.0, True)
    assert result.correct_ids == [7] and result.wrong_ids == [] and result.missed_count == 0


def test_known_item_a_wrong_one() -> None:
    result = grade_known_item([3], KEY)
    assert (result.score, result.passed) == (0.0, False)
    assert result.wrong_ids == [3] and result.correct_ids == [] and result.missed_count == 1
    assert "niet het gezochte document" in result.messages[0]


@pytest.mark.parametrize(
    ("selected", "correct", "wrong"),
    [([7, 3], [7], [3]), ([3, 7], [7], [3]), ([3, 4], [], [3, 4]), ([7, 3, 7], [7], [3])],
)
def test_known_item_several_chosen(selected, correct, wrong) -> None:
    result = grade_known_item(selected, KEY)
    assert (result.score, result.passed) == (0.0, False)
    assert (result.correct_ids, result.wrong_ids) == (correct, wrong)
    assert result.messages == ["Kies precies één document: het document waar de vraag om gaat."]


def test_known_item_without_a_key_never_passes() -> None:
    assert not grade_known_item([7], []).passed


# --- grade_find_all -----------------------------------------------------------------------------

FIVE = [1, 2, 3, 4, 5]


@pytest.mark.parametrize(
    ("selected", "precision", "recall", "f1"),
    [
        ([1, 2, 3, 4, 5], 1.0, 1.0, 1.0),
        ([1, 2, 3, 4], 1.0, 0.8, 0.8889),
        ([1, 2, 3, 4, 5, 9], 0.8333, 1.0, 0.9091),
        ([1, 2, 3, 4, 9], 0.8, 0.8, 0.8),
        ([1], 1.0, 0.2, 0.3333),
        ([8, 9], 0.0, 0.0, 0.0),
        ([], 0.0, 0.0, 0.0),
        ([1, 1, 2, 2, 3, 3, 4, 4, 5, 5], 1.0, 1.0, 1.0),  # duplicates count once
    ],
)
def test_find_all_precision_recall_f1(selected, precision, recall, f1) -> None:
    result = grade_find_all(selected, FIVE, 0.8)
    assert (result.precision, result.recall, result.score) == (precision, recall, f1)


def test_find_all_reports_each_document() -> None:
    result = grade_find_all([5, 1, 9, 2, 8], FIVE, 0.8)
    assert result.correct_ids == [1, 2, 5]
    assert result.wrong_ids == [8, 9]
    assert result.missed_count == 2


@pytest.mark.parametrize(
    ("selected", "messages"),
    [
        (
            [1, 2, 3, 4, 5],
            [
                "Je vond 5 van de 5 relevante documenten.",
                "Voldoende: je hebt de relevante documenten gevonden.",
            ],
        ),
        (
            [1, 2, 3, 4],
            [
                "Je vond 4 van de 5 relevante documenten.",
                "Je miste er 1.",
                "Voldoende: je hebt de relevante documenten gevonden.",
            ],
        ),
        (
            [1, 2, 3],
            ["Je vond 3 van de 5 relevante documenten.", "Je miste er 2."],
        ),
        (
            [1, 2, 3, 4, 5, 9],
            [
                "Je vond 5 van de 5 relevante documenten.",
                "1 gemarkeerd document hoort er niet bij.",
                "Voldoende: je hebt de relevante documenten gevonden.",
            ],
        ),
        (
            [1, 8, 9],
            [
                "Je vond 1 van de 5 relevante documenten.",
                "Je miste er 4.",
                "2 gemarkeerde documenten horen er niet bij.",
            ],
        ),
        ([], ["Je hebt nog geen documenten gemarkeerd."]),
    ],
)
def test_find_all_feedback_names_missed_and_wrong(selected, messages) -> None:
    assert grade_find_all(selected, FIVE, 0.8).messages == messages


@pytest.mark.parametrize(
    ("selected", "key", "threshold", "passed"),
    [
        ([1, 2, 3, 4, 9], FIVE, 0.8, True),  # F1 exactly 0.8
        ([1, 2, 3, 8, 9], FIVE, 0.8, False),  # F1 0.6
        ([1, 2, 3, 4, 9], FIVE, 0.81, False),
        ([1, 2], [1, 2, 3], 0.8, True),  # precision 1, recall 2/3: F1 exactly 0.8
        ([1, 2, 3], FIVE, 0.75, True),  # precision 1, recall 0.6: F1 exactly 0.75
        ([1, 2, 3], FIVE, 0.76, False),
        ([1, 2, 3, 4, 5, 6], list(range(1, 11)), 0.8, False),  # 12/16
        ([1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6, 7], 0.8, True),  # 12/13
        ([1, 2, 3, 4, 5, 6, 9, 10], [1, 2, 3, 4, 5, 6, 7], 0.8, True),  # 12/15 exactly
        ([1], [1], 1.0, True),
        ([1, 2], [1], 1.0, False),
    ],
)
def test_find_all_threshold_boundary(selected, key, threshold, passed) -> None:
    assert grade_find_all(selected, key, threshold).passed is passed


def test_find_all_passes_whenever_f1_equals_the_threshold() -> None:
    """F1 = 2·correct / (marked + key); on the threshold itself the learner passes."""
    for key_size in range(1, 16):
        for marked in range(1, 16):
            for correct in range(min(marked, key_size) + 1):
                f1 = Fraction(2 * correct, marked + key_size)
                if f1 == 0 or f1.denominator not in (1, 2, 4, 5, 10, 20, 25, 50, 100):
                    continue
                key = list(range(key_size))
                selected = list(range(correct)) + list(range(100, 100 + marked - correct))
                result = grade_find_all(selected, key, float(f1))
                assert result.passed, (correct, marked, key_size, float(f1), result.score)


@pytest.mark.parametrize("selected", [[], [1], [1, 2]])
def test_find_all_empty_key_never_passes(selected) -> None:
    result = grade_find_all(selected, [], 0.8)
    assert (result.score, result.passed, result.missed_count) == (0.0, False, 0)
    assert result.recall == 0.0


# --- grade_process ------------------------------------------------------------------------------


def search(query: str = "armoede", features: set[str] = frozenset(), **filters) -> LoggedSearch:
    return LoggedSearch(query=query, features=frozenset(features), filters=filters)


SHOWN_BY = {
    "phrase": search('"kinderen in armoede"', {"phrase"}),
    "or": search("armoede OF schulden", {"or"}),
    "not": search("armoede NIET schulden", {"not"}),
    "wildcard": search("jeugd*", {"wildcard"}),
    "fuzzy": search("armoed~", {"fuzzy"}),
    "field": search("type:monitor armoede", {"field"}),
    "facet": search("armoede", type=["monitor"]),
}


def test_every_skill_has_a_name_and_an_example() -> None:
    assert set(SKILLS) == set(SKILL_NAMES) == set(SHOWN_BY)


@pytest.mark.parametrize("skill", SKILLS)
def test_process_skill_shown(skill: str) -> None:
    trail = [search("armoede"), SHOWN_BY[skill], search("schulden")]
    result = grade_process(trail, skill)
    assert (result.score, result.passed) == (1.0, True)
    assert result.messages == [f"Goed: je gebruikte {SKILL_NAMES[skill]}."]


@pytest.mark.parametrize("skill", SKILLS)
def test_process_skill_not_shown(skill: str) -> None:
    others = [s for name, s in SHOWN_BY.items() if name != skill]
    result = grade_process(others, skill)
    assert (result.score, result.passed) == (0.0, False)
    assert result.messages == [
        f"In je {len(others)} zoekopdracht(en) zien we nog geen {SKILL_NAMES[skill]}. "
        "Probeer het opnieuw."
    ]


@pytest.mark.parametrize(
    "filters", [{}, {"type": []}, {"type": [], "jaar": []}], ids=["none", "empty", "two-empty"]
)
def test_process_facet_needs_a_non_empty_filter(filters) -> None:
    assert not grade_process([search("armoede", {"field"}, **filters)], "facet").passed


def test_process_field_in_the_query_is_not_a_facet_and_vice_versa() -> None:
    assert not grade_process([search("type:monitor", {"field"})], "facet").passed
    assert not grade_process([search("armoede", type=["monitor"])], "field").passed


@pytest.mark.parametrize("skill", SKILLS)
def test_process_without_searches(skill: str) -> None:
    result = grade_process([], skill)
    assert result == GradeResult(0.0, False, ["Je hebt in deze poging nog niet gezocht."])


def test_process_unknown_skill_never_passes() -> None:
    assert not grade_process(list(SHOWN_BY.values()), "telepathie").passed


# --- grade_open ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scores", "score", "passed", "message"),
    [
        ([2, 2, 2], 1.0, True, "6 van de 6 punten."),
        ([2, 2, 0], 0.6667, True, "4 van de 6 punten."),
        ([2, 1, 0], 0.5, False, "3 van de 6 punten."),
        ([0, 0, 0], 0.0, False, "0 van de 6 punten."),
        ([2, 2, 2, 0, 0], 0.6, True, "6 van de 10 punten."),  # exactly the 60% pass line
        ([2, 2, 1, 0, 0], 0.5, False, "5 van de 10 punten."),
        ([1], 0.5, False, "1 van de 2 punten."),
        ([2], 1.0, True, "2 van de 2 punten."),
        ([2, 1, 1, 1, 1, 0], 0.5, False, "6 van de 12 punten."),
        ([2, 2, 1, 1, 1, 1], 0.6667, True, "8 van de 12 punten."),
    ],
)
def test_open_rubric_points(scores, score, passed, message) -> None:
    assert grade_open(scores, len(scores)) == GradeResult(score, passed, [message])


def test_open_clamps_points_to_the_rubric_range() -> None:
    assert grade_open([5, -3, 2], 3) == GradeResult(0.6667, True, ["4 van de 6 punten."])


# --- properties ---------------------------------------------------------------------------------

answers = st.text(max_size=200)
accepted_lists = st.lists(st.text(max_size=40), max_size=4)


def _dutch_number(number: int, decimals: int | None, unit: str) -> str:
    text = f"{number:,}".replace(",", ".")
    if decimals is not None:
        text += f",{decimals}"
    return text + unit


number_like = st.builds(
    _dutch_number,
    st.integers(min_value=0, max_value=10**7),
    st.none() | st.integers(min_value=0, max_value=99),
    st.sampled_from(["", "%", " %", " procent", " leerlingen"]),
)


@settings(max_examples=150, deadline=None)
@given(answers)
def test_normalise_answer_never_raises(text: str) -> None:
    assert isinstance(normalise_answer(text), str)


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(answers, number_like), st.one_of(accepted_lists, st.lists(number_like, max_size=3))
)
def test_grade_fact_never_raises_and_scores_zero_or_one(answer: str, accepted: list[str]) -> None:
    result = grade_fact(answer, accepted)
    assert result.score in (0.0, 1.0)
    assert result.passed is (result.score == 1.0)
    assert result.messages


@settings(max_examples=200, deadline=None)
@given(answers)
def test_grade_fact_accepts_its_own_answer(answer: str) -> None:
    if normalise_answer(answer):
        assert grade_fact(answer, [answer]).passed


ids = st.lists(st.integers(min_value=1, max_value=30), max_size=15)


@settings(max_examples=150, deadline=None)
@given(ids, ids.filter(bool), st.floats(min_value=0.05, max_value=1.0))
def test_grade_find_all_score_is_f1(selected: list[int], key: list[int], threshold: float) -> None:
    result = grade_find_all(selected, key, threshold)
    assert 0.0 <= result.score <= 1.0
    assert (result.score == 1.0) is (set(selected) == set(key))
    if set(selected) == set(key):
        assert result.passed
    assert result.missed_count == len(set(key) - set(selected))


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=0, max_value=10**7),
    st.none() | st.integers(min_value=1, max_value=9),
    st.integers(min_value=0, max_value=10**7),
    st.none() | st.integers(min_value=1, max_value=9),
    st.sampled_from(["", "%", " procent", " leerlingen"]),
)
def test_a_number_matches_only_itself(
    number: int, decimals: int | None, key_number: int, key_decimals: int | None, unit: str
) -> None:
    """A number is not "14.312" for "4.312" or "12" for "12,4", but "4312" for "4.312 x"."""
    answer = _dutch_number(number, decimals, "")
    accepted = _dutch_number(key_number, key_decimals, unit)
    same = (number, decimals) == (key_number, key_decimals)
    assert grade_fact(answer, [accepted]).passed is same, (answer, accepted)


@pytest.mark.parametrize(
    ("answer", "accepted", "passed"),
    [
        ("4311 4312 4313", "4.312", False),  # a list of guesses is not an answer
        ("in 2019 waren het 4.312 leerlingen", "4.312", True),  # a year is context
        ("2019 of 2020", "2019", False),  # unless the year is what is asked
        ("4 312", "4.312", True),  # thousands separated by a space
    ],
)
def test_fact_answers_with_several_numbers(answer, accepted, passed):
    assert grade_fact(answer, [accepted]).passed is passed


def test_pass_threshold_accepts_a_decimal_comma(app):
    from academy.training.forms import ExerciseForm

    with app.test_request_context(method="POST", data={"pass_threshold": "0,8"}):
        form = ExerciseForm(meta={"csrf": False})
        assert float(form.pass_threshold.data) == 0.8


def test_huge_document_id_is_a_404(client, login):
    login("medewerker")
    assert client.get("/zoeken/documenten/99999999999999").status_code == 404


# --- storing a grade ---------------------------------------------------------------------------


@given(
    st.builds(
        GradeResult,
        score=st.floats(0, 1),
        passed=st.booleans(),
        messages=st.lists(st.text(max_size=20), max_size=3),
        correct_ids=st.lists(st.integers(1, 2**31 - 1), max_size=5),
        wrong_ids=st.lists(st.integers(1, 2**31 - 1), max_size=5),
        missed_count=st.integers(0, 50),
        precision=st.none() | st.floats(0, 1),
        recall=st.none() | st.floats(0, 1),
    )
)
@settings(max_examples=50)
def test_a_stored_grade_reads_back_as_the_same_grade(result: GradeResult) -> None:
    stored = json.loads(json.dumps(result.to_json()))  # as the JSON column keeps it
    assert GradeResult.from_json(stored, score=result.score, passed=result.passed) == result


@pytest.mark.parametrize(
    "details", [None, {}, {"messages": []}, {"precision": "x", "wrong_ids": 3}]
)
def test_an_older_or_odd_stored_grade_reads_as_empty_details(details) -> None:
    grade = GradeResult.from_json(details, score=0.5, passed=False)
    assert grade == GradeResult(0.5, False)
