"""Tests for the practice corpus generator and its hand-written core."""

from __future__ import annotations

import collections
import datetime as dt
import re
import time

import pytest

from academy.demo.corpus import (
    CORE_DOCUMENTS,
    CORE_FACTS,
    DOCTYPES,
    EXTERNAL_BUREAUS,
    FIRST_YEAR,
    LAST_DATE,
    LAST_YEAR,
    CorpusDocument,
    generate_corpus,
)
from academy.demo.themes import DEPARTMENTS, TEAMS, THEMES

THEME_CODES = {theme.code for theme in THEMES}
ALLOWED_AUTHORS = (
    {team.name for team in TEAMS}
    | set(DEPARTMENTS)
    | {f"Afdeling {department}" for department in DEPARTMENTS}
    | set(EXTERNAL_BUREAUS)
)
SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


@pytest.fixture(scope="module")
def corpus() -> list[CorpusDocument]:
    return generate_corpus()


@pytest.fixture(scope="module")
def generated(corpus: list[CorpusDocument]) -> list[CorpusDocument]:
    return corpus[len(CORE_DOCUMENTS) :]


# --- determinism and size ---------------------------------------------------------------------


def test_same_arguments_give_identical_output() -> None:
    assert generate_corpus(400) == generate_corpus(400)


def test_different_seed_gives_different_documents() -> None:
    first = generate_corpus(400, seed=1)
    second = generate_corpus(400, seed=2)
    assert first[: len(CORE_DOCUMENTS)] == second[: len(CORE_DOCUMENTS)]
    generated_first = [(d.title, d.body) for d in first[len(CORE_DOCUMENTS) :]]
    generated_second = [(d.title, d.body) for d in second[len(CORE_DOCUMENTS) :]]
    assert generated_first != generated_second


def test_smaller_corpus_is_a_prefix_of_a_larger_one() -> None:
    assert generate_corpus(900)[:300] == generate_corpus(300)


def test_default_size_is_at_least_2500(corpus: list[CorpusDocument]) -> None:
    assert len(corpus) >= 2500


@pytest.mark.parametrize("n", [0, 1, len(CORE_DOCUMENTS), len(CORE_DOCUMENTS) + 1, 137, 3001])
def test_exactly_n_documents(n: int) -> None:
    assert len(generate_corpus(n)) == n


def test_negative_size_is_rejected() -> None:
    with pytest.raises(ValueError):
        generate_corpus(-1)


def test_generating_2600_documents_is_fast() -> None:
    started = time.perf_counter()
    generate_corpus(2600)
    assert time.perf_counter() - started < 5.0


# --- keys and field validity ------------------------------------------------------------------


def test_keys_are_unique(corpus: list[CorpusDocument]) -> None:
    keys = [doc.key for doc in corpus]
    assert len(keys) == len(set(keys))


def test_generated_keys_are_numbered_slugs(generated: list[CorpusDocument]) -> None:
    assert [doc.key for doc in generated[:3]] == ["gen-000001", "gen-000002", "gen-000003"]
    assert all(re.fullmatch(r"gen-\d{6}", doc.key) for doc in generated)


def test_fields_are_valid(corpus: list[CorpusDocument]) -> None:
    for doc in corpus:
        assert doc.doctype in DOCTYPES, doc.key
        assert doc.theme in THEME_CODES, doc.key
        assert FIRST_YEAR <= doc.year <= LAST_YEAR, doc.key
        assert isinstance(doc.published, dt.date), doc.key
        assert doc.published.year == doc.year, doc.key
        assert doc.published <= LAST_DATE, doc.key
        assert doc.department in DEPARTMENTS, doc.key
        assert doc.author in ALLOWED_AUTHORS, (doc.key, doc.author)
        assert re.fullmatch(r"[A-Z]:/[^\\]+\.(pdf|docx)", doc.source), (doc.key, doc.source)


def test_documents_are_frozen(corpus: list[CorpusDocument]) -> None:
    with pytest.raises(AttributeError):
        corpus[0].title = "Anders"  # type: ignore[misc]


# --- coverage ---------------------------------------------------------------------------------


def test_every_theme_doctype_year_and_department_is_represented(
    corpus: list[CorpusDocument],
) -> None:
    assert {doc.theme for doc in corpus} == THEME_CODES
    assert {doc.doctype for doc in corpus} == set(DOCTYPES)
    assert {doc.year for doc in corpus} == set(range(FIRST_YEAR, LAST_YEAR + 1))
    assert {doc.department for doc in corpus} == set(DEPARTMENTS)


def test_small_corpus_still_covers_every_theme() -> None:
    small = generate_corpus(len(CORE_DOCUMENTS) + len(THEMES))
    assert {doc.theme for doc in small} == THEME_CODES
    assert {doc.doctype for doc in small} == set(DOCTYPES)


def test_big_themes_get_more_documents(generated: list[CorpusDocument]) -> None:
    per_theme = collections.Counter(doc.theme for doc in generated)
    for big in ("jeugdzorg", "armoede", "vsv", "woningbouw", "8.3", "6.72"):
        assert per_theme[big] > per_theme["5.4"], big


def test_external_and_internal_authors_both_occur(generated: list[CorpusDocument]) -> None:
    authors = collections.Counter(doc.author for doc in generated)
    assert sum(authors[bureau] for bureau in EXTERNAL_BUREAUS) > 50
    assert sum(authors[team.name] for team in TEAMS) > 500


# --- text quality -----------------------------------------------------------------------------


def test_generated_titles_are_mostly_distinct(generated: list[CorpusDocument]) -> None:
    titles = collections.Counter(doc.title for doc in generated)
    duplicates = sum(count - 1 for count in titles.values())
    assert duplicates <= 0.15 * len(generated)


def test_title_templates_are_varied(generated: list[CorpusDocument]) -> None:
    # The first word of a title reflects its template; dozens of distinct openings expected.
    openings = {doc.title.split()[0] for doc in generated}
    assert len(openings) >= 25


def test_bodies_have_sentences_and_a_realistic_length(corpus: list[CorpusDocument]) -> None:
    for doc in corpus:
        assert len(SENTENCE_END.findall(doc.body)) >= 3, doc.key
        assert 100 <= len(doc.body.split()) <= 800, (doc.key, len(doc.body.split()))
        assert "\n\n" in doc.body, doc.key


def test_generated_bodies_stay_within_150_to_600_words(generated: list[CorpusDocument]) -> None:
    lengths = [len(doc.body.split()) for doc in generated]
    assert min(lengths) >= 150
    assert max(lengths) <= 600


def test_summaries_are_one_or_two_sentences(corpus: list[CorpusDocument]) -> None:
    for doc in corpus:
        assert 1 <= len(SENTENCE_END.findall(doc.summary)) <= 2, (doc.key, doc.summary)
        assert doc.summary.rstrip()[-1] in ".!?", doc.key


def test_no_unfilled_placeholders(corpus: list[CorpusDocument]) -> None:
    for doc in corpus:
        for text in (doc.title, doc.summary, doc.body, doc.source):
            assert "{" not in text and "}" not in text, doc.key
            assert "None" not in text, doc.key


def test_sentences_start_with_a_capital(generated: list[CorpusDocument]) -> None:
    starts = re.compile(r"[.!?] +(\S)")
    for doc in generated:
        for text in (doc.summary, doc.body):
            for first in starts.findall(text):
                assert first.isupper() or first.isdigit() or first == "€", (doc.key, first)
        assert doc.title[0].isupper(), doc.key


def test_no_doubled_articles(generated: list[CorpusDocument]) -> None:
    doubled = re.compile(r"\b(de|het|een) (de|het|een)\b", re.IGNORECASE)
    for doc in generated:
        assert not doubled.search(doc.title + " " + doc.summary + " " + doc.body), doc.key


def test_numbers_use_dutch_notation(generated: list[CorpusDocument]) -> None:
    english = re.compile(r"\d,\d{3}\b|\d\.\d%|\d\.\d\b(?!\d)")
    for doc in generated:
        assert not english.search(doc.summary + " " + doc.body), doc.key


# --- hand-written core ------------------------------------------------------------------------


def test_core_documents_come_first(corpus: list[CorpusDocument]) -> None:
    assert tuple(corpus[: len(CORE_DOCUMENTS)]) == CORE_DOCUMENTS
    assert all(doc.key.startswith("kern-") for doc in CORE_DOCUMENTS)
    assert not any(doc.key.startswith("kern-") for doc in corpus[len(CORE_DOCUMENTS) :])


def test_core_facts_occur_literally_in_their_document() -> None:
    by_key = {doc.key: doc for doc in CORE_DOCUMENTS}
    for key, fact in CORE_FACTS.items():
        assert key in by_key, key
        assert fact in by_key[key].body, (key, fact)
