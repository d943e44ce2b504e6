"""The findability scan against a small index: ranks recorded per query, history per scan,
and a change in the corpus that pushes a key document down makes its question fail."""

from __future__ import annotations

from flask import Flask
from sqlalchemy import select

from academy.documents.indexing import catch_up_index
from academy.extensions import db
from academy.findability import scan as scans
from academy.findability.scan import question_words
from academy.models import (
    FindabilityScan,
    KeyQuestion,
    ScanQuestion,
    ScanState,
    Theme,
    ThemeFindability,
)
from tests.findability.conftest import add_document


def run_scan() -> FindabilityScan:
    scan, created = scans.create_scan("manual")
    assert created
    scans.execute_scan(scan.id)
    db.session.expire_all()
    done = db.session.get(FindabilityScan, scan.id)
    assert done is not None
    return done


def shares(scan: FindabilityScan) -> dict[str, float]:
    rows = db.session.execute(
        select(Theme.code, ThemeFindability.share)
        .join(Theme, Theme.id == ThemeFindability.theme_id)
        .where(ThemeFindability.scan_id == scan.id)
    )
    return {code: share for code, share in rows}


def test_question_words_drop_punctuation_and_operators() -> None:
    assert question_words('Wat is het "percentage" OF niet?') == "wat is het percentage of niet"
    assert question_words("Kosten (2023), per wijk?") == "kosten 2023 per wijk"
    assert question_words("???") == ""


def test_a_scan_records_ranks_per_query_and_findability_per_theme(
    app: Flask, world: dict[str, int]
) -> None:
    with app.app_context():
        scan = run_scan()
        assert scan.state == ScanState.DONE
        assert scan.total == 2 and scan.done == 2
        assert scan.searches == 5  # 2 + 1 recorded queries, plus each question's own words
        assert shares(scan) == {"armoede": 1.0, "vsv": 1.0}
        question = db.session.scalar(
            select(ScanQuestion).where(ScanQuestion.key_question_id == world["kq-armoede"])
        )
        assert question is not None and question.findable
        first = question.queries[0]
        assert (first.query, first.source, first.worst_rank) == ("armoedemonitor", "recorded", 1)
        assert first.ranks == {str(world["armoede-monitor"]): 1}


def test_a_document_pushed_down_by_new_documents_makes_its_question_fail(
    app: Flask, world: dict[str, int]
) -> None:
    with app.app_context():
        first = run_scan()
        assert shares(first)["armoede"] == 1.0
        theme = db.session.get(Theme, world["armoede"])
        assert theme is not None
        # Six newer documents that match every armoede query better than the key document.
        for n in range(6):
            add_document(
                f"armoede-extra-{n}",
                f"Armoedemonitor wijk {n}: laag inkomen huishoudens",
                "monitor",
                theme,
                2025,
                "Armoedemonitor. Huishoudens met een laag inkomen, laag inkomen, per wijk. "
                "Hoeveel huishoudens hebben een laag inkomen? Armoedemonitor.",
            )
        db.session.commit()
        catch_up_index()
        second = run_scan()
        assert shares(second) == {"armoede": 0.0, "vsv": 1.0}
        failed = db.session.scalar(
            select(ScanQuestion).where(
                ScanQuestion.scan_id == second.id,
                ScanQuestion.key_question_id == world["kq-armoede"],
            )
        )
        assert failed is not None and not failed.findable
        assert all(q.worst_rank is None or q.worst_rank > 5 for q in failed.queries)
        # History: both scans keep their own rows.
        assert len(db.session.scalars(select(ThemeFindability)).all()) == 4


def test_only_one_scan_waits_at_a_time(app: Flask, world: dict[str, int]) -> None:
    with app.app_context():
        scan, created = scans.create_scan("manual")
        again, created_again = scans.create_scan("nightly")
        assert created and not created_again and again.id == scan.id


def test_a_question_without_documents_is_not_scanned(app: Flask, world: dict[str, int]) -> None:
    with app.app_context():
        question = db.session.get(KeyQuestion, world["kq-vsv"])
        assert question is not None
        question.documents = []
        db.session.commit()
        assert [p.key_question_id for p in scans.plan_questions()] == [world["kq-armoede"]]


def test_published_exercise_keys_count_with_expert_and_learner_queries(
    app: Flask, world: dict[str, int]
) -> None:
    from academy.models import Attempt, Document, Exercise, Module, QueryLog, User

    with app.app_context():
        learner = db.session.scalar(select(User).where(User.username == "medewerker"))
        assert learner is not None
        monitor = db.session.get(Document, world["armoede-monitor"])
        module = Module(slug="vinden", title="Vinden", published=True)
        exercise = Exercise(
            slug="armoede-cijfers",
            kind="fact",
            title="Hoeveel huishoudens?",
            expert_query="armoedemonitor 2024",
        )
        exercise.key_documents = [monitor]  # type: ignore[list-item]
        draft = Exercise(
            slug="concept", kind="fact", title="Concept", expert_query="x", published=False
        )
        draft.key_documents = [monitor]  # type: ignore[list-item]
        module.exercises = [exercise, draft]
        db.session.add(module)
        db.session.flush()
        attempts = [Attempt(exercise=exercise, user_id=learner.id) for _ in range(2)]
        db.session.add_all(attempts)
        db.session.flush()
        typed = [
            (attempts[0], "Laag inkomen", "search"),
            (attempts[1], "laag inkomen ", "search"),
            (attempts[1], "minima", "search"),
            (attempts[1], "ARMOEDEMONITOR 2024", "search"),  # the expert's own: once
            (attempts[0], "genegeerd", "view"),  # a re-render, not a search
        ]
        db.session.add_all(
            QueryLog(user_id=learner.id, query=q, attempt_id=a.id, kind=kind)
            for a, q, kind in typed
        )
        db.session.commit()
        (planned,) = [p for p in scans.plan_questions() if p.exercise_id is not None]
        assert planned.exercise_id == exercise.id
        assert planned.theme_id == world["armoede"]  # the theme of its key document
        assert [(q.text, q.source) for q in planned.queries] == [
            ("armoedemonitor 2024", "expert"),
            ("laag inkomen", "learner"),
            ("minima", "learner"),
        ]


def test_a_scan_left_running_by_a_dead_worker_does_not_block_the_next(
    app: Flask, world: dict[str, int]
) -> None:
    import datetime as dt

    with app.app_context():
        stuck, _created = scans.create_scan("nightly")
        stuck.state = ScanState.RUNNING
        stuck.started_at = dt.datetime.now(dt.UTC) - scans.STALE_AFTER - dt.timedelta(minutes=1)
        db.session.commit()
        fresh, created = scans.create_scan("manual")
        assert created and fresh.id != stuck.id
        db.session.expire_all()
        old = db.session.get(FindabilityScan, stuck.id)
        assert old is not None and old.state == ScanState.FAILED and old.finished_at is not None
