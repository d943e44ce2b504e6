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
        # Column sizes of academy.models.Document (title 500, author 200, source 1000).
        assert len(doc.title) <= 200 and len(doc.author) <= 200 and len(doc.source) <= 300, doc.key


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
        assert 0 < len(SENTENCE_END.findall(doc.summary)) <= 2, (doc.key, doc.summary)
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


CORE_BY_KEY = {doc.key: doc for doc in CORE_DOCUMENTS}


def test_core_has_25_to_35_documents_of_200_to_450_words() -> None:
    assert 25 <= len(CORE_DOCUMENTS) <= 35
    for doc in CORE_DOCUMENTS:
        assert 200 <= len(doc.body.split()) <= 450, (doc.key, len(doc.body.split()))


def test_core_facts_cover_at_least_15_documents_and_are_distinctive() -> None:
    assert len(CORE_FACTS) >= 15
    for key, fact in CORE_FACTS.items():
        # A fact question only works if the answer is not also in every other core document.
        others = [doc.key for doc in CORE_DOCUMENTS if doc.key != key and fact in doc.body]
        assert len(others) <= 2, (key, fact, others)


@pytest.mark.parametrize(
    ("key", "doctype", "theme", "year"),
    [
        ("kern-vsv-onderzoek-2019", "onderzoek", "vsv", 2019),
        ("kern-vsv-monitor-2024", "monitor", "vsv", 2024),
        ("kern-vsv-factsheet-2025", "factsheet", "vsv", 2025),
        ("kern-funderingen-risico-2020", "onderzoek", "funderingen", 2020),
        ("kern-funderingsherstelregeling-2023", "raadsvoorstel", "funderingen", 2023),
        ("kern-armoedemonitor-2023", "monitor", "armoede", 2023),
        ("kern-schuldhulp-evaluatie-2022", "evaluatie", "armoede", 2022),
        ("kern-kinderen-armoede-factsheet-2024", "factsheet", "armoede", 2024),
        ("kern-jeugdzorg-kosten-2022", "onderzoek", "jeugdzorg", 2022),
        ("kern-jeugdzorg-raadsvoorstel-2023", "raadsvoorstel", "jeugdzorg", 2023),
        ("kern-woningbouwprogramma-2022", "raadsvoorstel", "woningbouw", 2022),
        ("kern-woningbehoefte-2021", "onderzoek", "woningbouw", 2021),
        ("kern-ondermijningsbeeld-2021", "onderzoek", "ondermijning", 2021),
        ("kern-werkgelegenheidsmonitor-2024", "monitor", "werkgelegenheid", 2024),
        ("kern-transitievisie-warmte-2021", "nota", "energietransitie", 2021),
        ("kern-laaggeletterdheid-factsheet-2023", "factsheet", "laaggeletterdheid", 2023),
        ("kern-eenzaamheid-onderzoek-2022", "onderzoek", "eenzaamheid", 2022),
    ],
)
def test_required_core_documents(key: str, doctype: str, theme: str, year: int) -> None:
    doc = CORE_BY_KEY[key]
    assert (doc.doctype, doc.theme, doc.year) == (doctype, theme, year)


def test_core_covers_every_doctype() -> None:
    assert {doc.doctype for doc in CORE_DOCUMENTS} == set(DOCTYPES)


def test_vsv_study_has_its_distinctive_facts() -> None:
    body = CORE_BY_KEY["kern-vsv-onderzoek-2019"].body
    assert "2,8%" in body
    assert "4.312 leerlingen" in body


def test_armoedemonitor_reports_share_below_120_percent_of_social_minimum() -> None:
    body = CORE_BY_KEY["kern-armoedemonitor-2023"].body
    assert "120% van het sociaal minimum" in body
    assert "12,4%" in body


def test_funderingen_study_names_houses_and_wijken() -> None:
    body = CORE_BY_KEY["kern-funderingen-risico-2020"].body
    assert "3.870 woningen" in body
    for wijk in ("Oud-Lindewaard", "Kerkebuurt", "Vaartkant"):
        assert wijk in body


def test_synonyms_for_school_dropout_appear_in_core_titles() -> None:
    titles = " ".join(doc.title.lower() for doc in CORE_DOCUMENTS)
    for synonym in ("vroegtijdig schoolverlaten", "voortijdig schoolverlaten", "schooluitval"):
        assert synonym in titles, synonym
    assert "thuiszitters" in titles


def test_compound_word_is_only_in_one_document_of_the_whole_corpus(
    corpus: list[CorpusDocument],
) -> None:
    word = "funderingsherstelregeling"
    holders = [doc.key for doc in corpus if word in (doc.title + doc.summary + doc.body).lower()]
    assert holders == ["kern-funderingsherstelregeling-2023"]


def test_near_duplicates_differ_only_in_year() -> None:
    old = CORE_BY_KEY["kern-laaggeletterdheid-factsheet-2016"]
    new = CORE_BY_KEY["kern-laaggeletterdheid-factsheet-2023"]
    assert old.title.replace("2016", "2023") == new.title
    assert old.year < new.year
    assert old.body != new.body


def test_newer_document_names_and_replaces_the_older_one() -> None:
    old = CORE_BY_KEY["kern-woningbehoefte-2016"]
    new = CORE_BY_KEY["kern-woningbehoefte-2021"]
    assert f"Dit onderzoek vervangt het {old.title}" in new.body
    assert old.year < new.year


def test_external_and_internal_document_on_the_same_subject() -> None:
    external = CORE_BY_KEY["kern-funderingen-risico-2020"]
    internal = CORE_BY_KEY["kern-funderingen-adresanalyse-2021"]
    assert external.theme == internal.theme
    assert external.author in EXTERNAL_BUREAUS
    assert internal.author in {team.name for team in TEAMS}
    assert external.author != internal.author


def test_script_example_is_quoted_literally(corpus: list[CorpusDocument]) -> None:
    holders = [doc.key for doc in corpus if "<script>alert(1)</script>" in doc.body]
    assert holders == ["kern-veilige-webformulieren-2024"]


def test_core_documents_are_written_about_the_fictional_city() -> None:
    for doc in CORE_DOCUMENTS:
        assert "Zaanstad" not in doc.body, doc.key
    assert (
        sum("Lindewaard" in doc.body or "Lindewaard" in doc.title for doc in CORE_DOCUMENTS) >= 15
    )


def test_annual_reports_are_published_in_the_first_half_year(
    generated: list[CorpusDocument],
) -> None:
    reports = [doc for doc in generated if doc.doctype == "jaarverslag"]
    assert reports
    assert all(doc.published.month <= 6 for doc in reports)
