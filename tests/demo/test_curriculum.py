"""The seeded curriculum is checked against the corpus: no exercise may be impossible.

For every exercise the expert query runs against an index of `generate_corpus()`, so a change to
the corpus generator that breaks an answer key fails here instead of in front of a learner.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from academy.demo.corpus import CorpusDocument, generate_corpus
from academy.demo.curriculum import (
    EXERCISE_KINDS,
    MODULES,
    SKILLS,
    ExerciseSeed,
    LessonSeed,
)
from academy.demo.themes import THEMES_BY_CODE
from search_module import IndexedDocument, SearchIndex, SearchRequest, SearchResult, parse_query

EXERCISES: list[ExerciseSeed] = [exercise for module in MODULES for exercise in module.exercises]
LESSONS = [lesson for module in MODULES for lesson in module.lessons]
FIELD_PREFIXES = ("type:", "thema:", "jaar:", "afdeling:")

MIN_EXERCISES_PER_KIND = {"known_item": 6, "fact": 6, "find_all": 5, "process": 6, "open": 3}


def by_kind(kind: str) -> list[ExerciseSeed]:
    return [exercise for exercise in EXERCISES if exercise.kind == kind]


def params(kind: str) -> list:
    return [pytest.param(exercise, id=exercise.slug) for exercise in by_kind(kind)]


# --- normalising answers the way a grader would ------------------------------------------------

_NUMBER_WORDS = {
    "een": "1",
    "twee": "2",
    "drie": "3",
    "vier": "4",
    "vijf": "5",
    "zes": "6",
    "zeven": "7",
    "acht": "8",
    "negen": "9",
    "tien": "10",
}


def normalise(text: str) -> str:
    """Lowercase, strip accents, unify number formats and collapse spaces."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"(?<=\d)\.(?=\d{3}(?!\d))", "", text)  # thousands dots: 4.312 -> 4312
    text = re.sub(r"(?<=\d),(?=\d)", ".", text)  # decimal comma: 2,8 -> 2.8
    text = re.sub(r"\s+(?=%)", "", text)  # 12,4 % -> 12.4%
    text = re.sub(r"(?<=€)\s+", "", text)  # € 12,5 -> €12.5
    text = re.sub(
        r"\b(" + "|".join(_NUMBER_WORDS) + r")\b", lambda m: _NUMBER_WORDS[m.group(1)], text
    )
    return " ".join(text.split())


def occurs(answer: str, body: str) -> bool:
    """Whether a normalised answer (with "*" as wildcard) occurs in the normalised body."""
    pattern = ".*?".join(re.escape(part) for part in normalise(answer).split("*"))
    return re.search(pattern, normalise(body)) is not None


def numbers(text: str) -> list[str]:
    return re.findall(r"\d+(?:\.\d+)?", normalise(text))


def test_normalise_folds_case_accents_spacing_and_number_formats() -> None:
    assert normalise("  4.312  Leerlingen ") == "4312 leerlingen"
    assert normalise("€ 12,5 miljoen") == "€12.5 miljoen"
    assert normalise("12,4 %") == "12.4%"
    assert normalise("Geëscaleerde  zorg") == "geescaleerde zorg"
    assert normalise("vier uur") == "4 uur"
    assert occurs("3.870*woningen", "daarvan hebben 3.870 woningen een risico")
    assert not occurs("3.871", "daarvan hebben 3.870 woningen een risico")


# --- the demo index ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus() -> list[CorpusDocument]:
    return generate_corpus()


@pytest.fixture(scope="module")
def documents(corpus: list[CorpusDocument]) -> dict[str, CorpusDocument]:
    return {document.key: document for document in corpus}


@pytest.fixture(scope="module")
def keys_by_id(corpus: list[CorpusDocument]) -> dict[int, str]:
    return {position + 1: document.key for position, document in enumerate(corpus)}


@pytest.fixture(scope="module")
def index(
    tmp_path_factory: pytest.TempPathFactory, corpus: list[CorpusDocument]
) -> Iterator[SearchIndex]:
    path: Path = tmp_path_factory.mktemp("curriculum-index")
    search_index = SearchIndex(path, build_procs=1)
    search_index.rebuild(
        IndexedDocument(
            doc_id=position + 1,
            title=document.title,
            body=document.body,
            summary=document.summary,
            doctype=document.doctype,
            theme=document.theme,
            theme_name=THEMES_BY_CODE[document.theme].name,
            year=document.year,
            department=document.department,
            published=document.published,
            source=document.source,
        )
        for position, document in enumerate(corpus)
    )
    yield search_index
    search_index.close()


def run_expert_search(index: SearchIndex, exercise: ExerciseSeed, page_size: int) -> SearchResult:
    filters = {key: list(values) for key, values in exercise.expert_filters.items()}
    return index.search(
        SearchRequest(query=exercise.expert_query, filters=filters, page_size=page_size)
    )


def found_keys(result: SearchResult, keys_by_id: dict[int, str]) -> list[str]:
    return [keys_by_id[hit.doc_id] for hit in result.hits]


# --- answer keys, per exercise -----------------------------------------------------------------


@pytest.mark.parametrize("exercise", params("known_item"))
def test_known_item_is_in_the_top_ten(
    exercise: ExerciseSeed, index: SearchIndex, keys_by_id: dict[int, str]
) -> None:
    assert len(exercise.key_documents) == 1
    top = found_keys(run_expert_search(index, exercise, 10), keys_by_id)
    assert exercise.key_documents[0] in top, top


@pytest.mark.parametrize("exercise", params("fact"))
def test_fact_document_is_found_and_holds_the_answer(
    exercise: ExerciseSeed,
    index: SearchIndex,
    keys_by_id: dict[int, str],
    documents: dict[str, CorpusDocument],
) -> None:
    assert len(exercise.key_documents) == 1
    assert exercise.accepted_answers
    key = exercise.key_documents[0]
    top = found_keys(run_expert_search(index, exercise, 10), keys_by_id)
    assert key in top, top
    body = documents[key].body
    first, *variants = exercise.accepted_answers
    assert occurs(first, body), f"{first!r} not in {key}"
    for variant in variants:
        # A variant either occurs itself or spells the same number(s) differently.
        assert occurs(variant, body) or numbers(variant) == numbers(first), variant


@pytest.mark.parametrize("exercise", params("find_all"))
def test_find_all_expert_search_returns_exactly_the_key_set(
    exercise: ExerciseSeed, index: SearchIndex, keys_by_id: dict[int, str]
) -> None:
    assert 2 <= len(exercise.key_documents) <= 12
    assert len(set(exercise.key_documents)) == len(exercise.key_documents)
    assert 0 < exercise.pass_threshold <= 1
    result = run_expert_search(index, exercise, 100)
    assert result.total <= 100
    assert set(found_keys(result, keys_by_id)) == set(exercise.key_documents)


@pytest.mark.parametrize("exercise", params("process"))
def test_process_expert_query_shows_the_skill_and_finds_something(
    exercise: ExerciseSeed, index: SearchIndex
) -> None:
    skill = exercise.required_skill
    assert skill in SKILLS
    if skill == "facet":
        assert exercise.expert_filters, "a facet exercise needs expert filters"
    else:
        assert skill in parse_query(exercise.expert_query).features
    if skill == "field":
        assert any(prefix in exercise.expert_query for prefix in FIELD_PREFIXES)
    assert run_expert_search(index, exercise, 10).total >= 1


@pytest.mark.parametrize("exercise", params("open"))
def test_open_exercise_has_a_rubric(exercise: ExerciseSeed) -> None:
    assert 2 <= len(exercise.rubric) <= 4
    assert all(criterion.strip() for criterion in exercise.rubric)


@pytest.mark.parametrize("exercise", [pytest.param(e, id=e.slug) for e in EXERCISES])
def test_exercise_fields_fit_its_kind(exercise: ExerciseSeed) -> None:
    assert exercise.kind in EXERCISE_KINDS
    assert exercise.title.strip() and exercise.prompt.strip() and exercise.expert_query.strip()
    assert 0 < len(exercise.hints) <= 3 or exercise.kind == "open"
    assert len(exercise.hints) <= 3
    assert (exercise.required_skill is not None) == (exercise.kind == "process")
    assert bool(exercise.rubric) == (exercise.kind == "open")
    assert bool(exercise.accepted_answers) == (exercise.kind == "fact")
    if exercise.kind in ("process", "open"):
        assert not exercise.key_documents
    assert set(exercise.expert_filters) <= {"type", "thema", "jaar", "afdeling"}
    assert all(isinstance(values, tuple) and values for values in exercise.expert_filters.values())


# --- structure ---------------------------------------------------------------------------------


def test_enough_modules_and_exercises() -> None:
    assert len(MODULES) >= 8
    assert len(EXERCISES) >= 30


def test_slugs_are_unique_and_url_safe() -> None:
    for slugs in (
        [module.slug for module in MODULES],
        [lesson.slug for lesson in LESSONS],
        [exercise.slug for exercise in EXERCISES],
    ):
        assert len(slugs) == len(set(slugs)), [s for s, n in Counter(slugs).items() if n > 1]
        for slug in slugs:
            assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug), slug


def test_every_kind_is_practised_often_enough() -> None:
    counts = Counter(exercise.kind for exercise in EXERCISES)
    for kind, minimum in MIN_EXERCISES_PER_KIND.items():
        assert counts[kind] >= minimum, (kind, counts[kind])


def test_every_skill_is_required_by_a_process_exercise() -> None:
    required = {exercise.required_skill for exercise in by_kind("process")}
    assert set(SKILLS) <= required, set(SKILLS) - required


def test_key_documents_exist_in_the_corpus(documents: dict[str, CorpusDocument]) -> None:
    missing = [
        (exercise.slug, key)
        for exercise in EXERCISES
        for key in exercise.key_documents
        if key not in documents
    ]
    assert not missing


def test_modules_have_goals_minutes_lessons_and_exercises() -> None:
    for module in MODULES:
        assert module.title.strip() and module.summary.strip(), module.slug
        assert module.goals and all(goal.strip() for goal in module.goals), module.slug
        assert module.minutes > 0, module.slug
        assert 2 <= len(module.lessons) <= 3, module.slug
        assert 3 <= len(module.exercises) <= 5, module.slug
        assert len({exercise.kind for exercise in module.exercises}) >= 2, module.slug


@pytest.mark.parametrize("lesson", [pytest.param(lesson, id=lesson.slug) for lesson in LESSONS])
def test_lesson_body_is_markdown_without_raw_html(lesson: LessonSeed) -> None:
    body = lesson.body
    assert lesson.title.strip()
    assert "<script" not in body.lower()
    assert not re.search(r"</?[a-zA-Z][^>]*>", body), "raw HTML tag in lesson"
    assert re.search(r"^#{2,3} \S", body, re.MULTILINE), "no heading"
    assert "`" in body, "no example query in `code`"
    words = len(re.findall(r"\w+", body))
    assert 150 <= words <= 350, words
