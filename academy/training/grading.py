"""Automatic grading of exercises: pure functions, no database, easy to test exhaustively."""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from search_module.analysis import fold

SKILLS = ("phrase", "or", "not", "wildcard", "fuzzy", "field", "facet")


@dataclass(frozen=True)
class GradeResult:
    """A grade with everything the learner's feedback page shows."""

    score: float  # 0..1
    passed: bool
    messages: list[str] = field(default_factory=list)  # Dutch, shown as they are
    correct_ids: list[int] = field(default_factory=list)  # marked and in the key
    wrong_ids: list[int] = field(default_factory=list)  # marked but not in the key
    missed_count: int = 0  # in the key but not marked
    precision: float | None = None
    recall: float | None = None

    def to_json(self) -> dict[str, object]:
        """The details an attempt stores (its score and passed have columns of their own)."""
        return {
            "messages": list(self.messages),
            "correct_ids": list(self.correct_ids),
            "wrong_ids": list(self.wrong_ids),
            "missed_count": self.missed_count,
            "precision": self.precision,
            "recall": self.recall,
        }

    @classmethod
    def from_json(
        cls, details: Mapping[str, object] | None, *, score: float, passed: bool
    ) -> GradeResult:
        """Read back what `to_json` stored; a key an older row lacks reads as empty."""
        details = details or {}
        return cls(
            score=score,
            passed=passed,
            messages=[str(m) for m in _items(details.get("messages"))],
            correct_ids=[i for i in _items(details.get("correct_ids")) if isinstance(i, int)],
            wrong_ids=[i for i in _items(details.get("wrong_ids")) if isinstance(i, int)],
            missed_count=int(_float(details.get("missed_count")) or 0),
            precision=_float(details.get("precision")),
            recall=_float(details.get("recall")),
        )


def _items(value: object) -> list[object]:
    return list(value) if isinstance(value, list | tuple) else []


def _float(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


# --- fact answers -------------------------------------------------------------------------------

_THOUSANDS = re.compile(r"(?<=\d)[. \u00a0](?=\d{3}(?!\d))")
_DECIMAL_COMMA = re.compile(r"(?<=\d),(?=\d)")
_PERCENT_WORDS = re.compile(r"\s*(procent|percent|pct\.?)\b")
_EURO_WORDS = re.compile(r"\b(euro|eur)\b")
_PUNCTUATION = re.compile(r"[^\w%€.*?\s-]")
_SPACES = re.compile(r"\s+")


def normalise_answer(text: str) -> str:
    """Fold case, accents, spacing and Dutch number formats so equal answers compare equal.

    "4.312 Leerlingen" -> "4312 leerlingen"; "12,4 procent" -> "12.4%"; "€ 12,5 miljoen" ->
    "€12.5 miljoen". A dot between digits with three digits after it is a thousands separator.
    """
    text = fold(text or "")  # the search engine's fold (NFKD): accents and full-width digits
    text = _SPACES.sub(" ", text)  # "4<tab>312" and "4  312" are "4 312": a thousands gap
    text = _THOUSANDS.sub("", text)
    text = _DECIMAL_COMMA.sub(".", text)
    text = _PERCENT_WORDS.sub("%", text)
    text = _EURO_WORDS.sub("€", text)
    # Collapse spacing before joining "%" and "€" to their number: "12,4  %" is "12.4%".
    text = _SPACES.sub(" ", _PUNCTUATION.sub(" ", text))
    text = text.replace(" %", "%").replace("€ ", "€")
    return text.strip(" .-")


def _matches(answer: str, accepted: str) -> bool:
    if "*" in accepted or "?" in accepted:
        return fnmatch.fnmatchcase(answer, accepted)
    if answer == accepted:
        return True
    # The accepted answer as a whole phrase inside a longer answer ("ongeveer 4312 leerlingen"),
    # but a list of guesses ("4311 4312 4313") is not an answer: one number at most, not
    # counting years ("in 2019 waren het 4312") unless a year is what is asked.
    numbers = set(_NUMBERS.findall(answer))
    if not _YEAR.fullmatch(accepted):
        numbers = {number for number in numbers if not _YEAR.fullmatch(number)}
    if len(numbers) <= 1 and _contains_phrase(answer, accepted):
        return True
    # A bare number is enough when it is the number the accepted answer gives ("4312").
    return _NUMBER_ONLY.fullmatch(answer) is not None and _contains_phrase(accepted, answer)


_NUMBER_ONLY = re.compile(r"€?\d+(\.\d+)?%?")
_NUMBERS = re.compile(r"\d+(?:\.\d+)?")
_YEAR = re.compile(r"(19|20)\d\d")


def _contains_phrase(text: str, phrase: str) -> bool:
    pattern = r"(?<![\w.])" + re.escape(phrase) + r"(?![\w]|\.\d)"
    return re.search(pattern, text) is not None


def grade_fact(answer: str, accepted_answers: Sequence[str]) -> GradeResult:
    normalised = normalise_answer(answer)
    if not normalised:
        return GradeResult(0.0, False, ["Je hebt nog geen antwoord gegeven."])
    if any(_matches(normalised, normalise_answer(a)) for a in accepted_answers if a.strip()):
        return GradeResult(1.0, True, ["Goed: dat is het antwoord uit het document."])
    return GradeResult(
        0.0,
        False,
        [
            "Dit antwoord klopt niet. Zoek het document dat over deze vraag gaat en lees het "
            "cijfer of de naam precies over."
        ],
    )


# --- documents ---------------------------------------------------------------------------------


def grade_known_item(selected_ids: Iterable[int], key_ids: Iterable[int]) -> GradeResult:
    selected = list(dict.fromkeys(selected_ids))
    keys = set(key_ids)
    if not selected:
        return GradeResult(0.0, False, ["Je hebt nog geen document gekozen."], missed_count=1)
    if len(selected) > 1:
        correct = [d for d in selected if d in keys]
        return GradeResult(
            0.0,
            False,
            ["Kies precies één document: het document waar de vraag om gaat."],
            correct_ids=correct,
            wrong_ids=[d for d in selected if d not in keys],
        )
    if selected[0] in keys:
        return GradeResult(1.0, True, ["Gevonden: dit is het gezochte document."], [selected[0]])
    return GradeResult(
        0.0,
        False,
        ["Dit is niet het gezochte document. Kijk nog eens naar titel, jaar en type."],
        wrong_ids=selected,
        missed_count=1,
    )


def grade_find_all(
    selected_ids: Iterable[int], key_ids: Iterable[int], threshold: float
) -> GradeResult:
    """Precision and recall against the key; passed when F1 reaches the threshold."""
    selected = set(selected_ids)
    keys = set(key_ids)
    correct = selected & keys
    wrong = selected - keys
    missed = keys - selected
    precision = len(correct) / len(selected) if selected else 0.0
    recall = len(correct) / len(keys) if keys else 0.0
    # F1 from the counts in one division: via precision and recall, an F1 that equals the
    # threshold (3 of 5 found, threshold 0.75) came out a hair below it and failed.
    f1 = 2 * len(correct) / (len(selected) + len(keys)) if selected or keys else 0.0
    passed = f1 >= threshold
    messages = []
    if not selected:
        messages.append("Je hebt nog geen documenten gemarkeerd.")
    else:
        messages.append(f"Je vond {len(correct)} van de {len(keys)} relevante documenten.")
    if missed and selected:
        messages.append("Je miste er 1." if len(missed) == 1 else f"Je miste er {len(missed)}.")
    if wrong:
        messages.append(
            "1 gemarkeerd document hoort er niet bij."
            if len(wrong) == 1
            else f"{len(wrong)} gemarkeerde documenten horen er niet bij."
        )
    if passed:
        messages.append("Voldoende: je hebt de relevante documenten gevonden.")
    return GradeResult(
        round(f1, 4),
        passed,
        messages,
        correct_ids=sorted(correct),
        wrong_ids=sorted(wrong),
        missed_count=len(missed),
        precision=round(precision, 4),
        recall=round(recall, 4),
    )


# --- the search process ------------------------------------------------------------------------


@dataclass(frozen=True)
class LoggedSearch:
    """The part of a QueryLog row the process grader looks at."""

    query: str
    features: frozenset[str]
    filters: dict[str, list[str]]


SKILL_NAMES = {
    "phrase": "een exacte zin tussen aanhalingstekens",
    "or": "OF (OR) tussen zoektermen",
    "not": "NIET (NOT) om iets uit te sluiten",
    "wildcard": "een jokerteken (*)",
    "fuzzy": "fuzzy zoeken (~)",
    "field": "een veld zoals type:, thema:, jaar: of afdeling:",
    "facet": "een filter in de kolom met filters",
}


def shows_skill(search: LoggedSearch, skill: str) -> bool:
    if skill == "facet":
        return any(search.filters.values())
    return skill in search.features


def grade_process(searches: Sequence[LoggedSearch], required_skill: str) -> GradeResult:
    name = SKILL_NAMES.get(required_skill, required_skill)
    if not searches:
        return GradeResult(0.0, False, ["Je hebt in deze poging nog niet gezocht."])
    if any(shows_skill(s, required_skill) for s in searches):
        return GradeResult(1.0, True, [f"Goed: je gebruikte {name}."])
    return GradeResult(
        0.0,
        False,
        [f"In je {len(searches)} zoekopdracht(en) zien we nog geen {name}. Probeer het opnieuw."],
    )


def grade_open(rubric_scores: Sequence[int], rubric_size: int) -> GradeResult:
    """A trainer's rubric: each criterion 0, 1 or 2 points; 60% of the points passes."""
    points = sum(max(0, min(2, int(s))) for s in rubric_scores)
    maximum = 2 * rubric_size or 1
    score = points / maximum
    return GradeResult(round(score, 4), score >= 0.6, [f"{points} van de {maximum} punten."])
