"""The demo key questions: at least three for every demo theme, all findable on the demo
index (their documents in the top five for most of their queries)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import select

from academy.demo.corpus import CorpusDocument, generate_corpus
from academy.demo.findability import KeyQuestionSeed, load_key_questions
from academy.demo.seed import seed_demo
from academy.demo.themes import THEMES, THEMES_BY_CODE
from academy.documents.indexing import rebuild_index
from academy.extensions import db
from academy.findability.scan import (
    PlannedQuestion,
    create_scan,
    execute_scan,
    key_question_queries,
    scan_question,
)
from academy.findability.services import measurements, threshold
from academy.models import KeyQuestion, ScanQuestion, Theme
from search_module import IndexedDocument, SearchIndex

SEEDS = load_key_questions()


@pytest.fixture(scope="module")
def corpus() -> list[CorpusDocument]:
    return generate_corpus()


@pytest.fixture(scope="module")
def index(
    tmp_path_factory: pytest.TempPathFactory, corpus: list[CorpusDocument]
) -> Iterator[SearchIndex]:
    path: Path = tmp_path_factory.mktemp("findability-index")
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


def test_every_demo_theme_has_at_least_three_key_questions() -> None:
    counts = Counter(seed.theme for seed in SEEDS)
    assert {theme.code for theme in THEMES} <= set(counts)
    assert min(counts[theme.code] for theme in THEMES) >= 3


def test_every_demo_key_question_is_findable_on_the_demo_index(
    index: SearchIndex, corpus: list[CorpusDocument]
) -> None:
    ids = {document.key: position + 1 for position, document in enumerate(corpus)}
    themes = {document.key: document.theme for document in corpus}
    failing: list[str] = []
    for seed in SEEDS:
        assert seed.documents and all(key in ids for key in seed.documents), seed
        assert all(themes[key] == seed.theme for key in seed.documents), seed
        outcome = scan_question(index.search, _planned(seed, ids))
        if not outcome.findable:
            failing.append(seed.question)
    assert not failing


def _planned(seed: KeyQuestionSeed, ids: dict[str, int]) -> PlannedQuestion:
    """The queries the scan would run for the seeded question (recorded + its own words)."""
    question = KeyQuestion(question=seed.question, queries=list(seed.queries))
    return PlannedQuestion(
        theme_id=0,
        question=seed.question,
        document_ids=tuple(ids[key] for key in seed.documents),
        queries=key_question_queries(question),
    )


def test_seed_demo_loads_the_key_questions_and_a_scan_rates_every_one_findable(
    app: Flask,
) -> None:
    """The real path: `flask seed-demo`, the node's index, the scan job's code."""
    with app.app_context():
        report = seed_demo("academie")
        assert report.created["key questions"] == len(SEEDS)
        questions = db.session.scalars(select(KeyQuestion)).all()
        assert len(questions) == len(SEEDS)
        assert all(question.documents and question.queries for question in questions)
        assert report.created["measured criteria"] == 1
        again = seed_demo("academie")
        assert "key questions" not in again.created
        assert "measured criteria" not in again.created
        assert threshold() == 80
        rebuild_index()
        scan, _created = create_scan("manual")
        execute_scan(scan.id)
        results = db.session.scalars(
            select(ScanQuestion).where(ScanQuestion.key_question_id.is_not(None))
        ).all()
        assert len(results) == len(SEEDS)
        assert [r.question for r in results if not r.findable] == []
        measured = measurements()
        themes = db.session.scalars(select(Theme)).all()
        assert all(
            measured[theme.id].share == 1.0 or measured[theme.id].questions > 3 for theme in themes
        )
