"""academy/training/services.py: attempts, grading, hints and progress."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from flask import Flask
from sqlalchemy import func, select

from academy.errors import DomainError
from academy.extensions import db
from academy.models import Attempt, AttemptStatus, LessonRead, Module
from academy.training import services
from tests.training.conftest import (
    HINTS,
    Training,
    add_query_log,
    do,
    get_exercise,
    get_module,
    get_user,
    learner,
    pass_everything,
)


@pytest.fixture
def ctx(app: Flask, training: Training) -> Iterator[Training]:
    """The fixture curriculum, inside an app context (service tests make no requests)."""
    with app.app_context():
        yield training


# --- grading per kind -------------------------------------------------------------------------


def test_known_item_attempt_is_graded_and_stored(ctx: Training) -> None:
    attempt = do("known_item", ctx, mark=[ctx.docs["armoede-monitor-2024"]])
    stored = db.session.get(Attempt, attempt.id)
    assert stored.status == AttemptStatus.GRADED.value
    assert (stored.score, stored.passed) == (1.0, True)
    assert stored.feedback["correct_ids"] == [ctx.docs["armoede-monitor-2024"]]
    assert stored.submitted_at is not None and stored.scored_at is not None


@pytest.mark.parametrize(
    ("answer", "passed"),
    [("4.312", True), ("ongeveer 4312 leerlingen", True), ("14.312", False), ("", False)],
)
def test_fact_attempt_is_graded(ctx: Training, answer: str, passed: bool) -> None:
    attempt = do("fact", ctx, answer=answer)
    assert attempt.passed is passed
    assert attempt.answer_text == answer
    assert attempt.feedback["messages"]


def test_find_all_attempt_gets_precision_and_recall(ctx: Training) -> None:
    two_of_three = ctx.vsv_ids[:2] + [ctx.docs["armoede-nota-2023"]]
    attempt = do("find_all", ctx, mark=two_of_three)
    assert attempt.feedback["precision"] == pytest.approx(0.6667)
    assert attempt.feedback["recall"] == pytest.approx(0.6667)
    assert attempt.feedback["missed_count"] == 1
    assert attempt.feedback["wrong_ids"] == [ctx.docs["armoede-nota-2023"]]
    assert attempt.score == pytest.approx(0.6667) and attempt.passed is False
    assert "Je miste er 1." in attempt.feedback["messages"]


def test_process_attempt_is_graded_from_its_own_query_log(ctx: Training) -> None:
    user = learner()
    exercise = get_exercise(ctx.exercises["process"])
    attempt = services.start_attempt(user, exercise)
    add_query_log(attempt.id, user, "schooluitval", "")
    add_query_log(None, user, "schooluitval OF thuiszitters", "or")  # outside the exercise
    add_query_log(attempt.id + 1000, user, "a OF b", "or")  # another attempt
    db.session.commit()
    assert [log.query for log in services.attempt_searches(attempt)] == ["schooluitval"]
    assert services.grade_attempt(attempt).passed is False

    add_query_log(attempt.id, user, "schooluitval OF thuiszitters", "and,or")
    db.session.commit()
    result = services.submit_attempt(attempt)
    assert result is not None and result.passed and attempt.score == 1.0


def test_process_attempt_without_searches_fails(ctx: Training) -> None:
    attempt = do("process", ctx)
    assert attempt.passed is False
    assert attempt.feedback["messages"] == ["Je hebt in deze poging nog niet gezocht."]


@pytest.mark.parametrize(
    ("filters", "passed"), [({"type": ["monitor"]}, True), ({"type": []}, False), ({}, False)]
)
def test_process_facet_skill_reads_the_logged_filters(ctx: Training, filters, passed) -> None:
    exercise = get_exercise(ctx.exercises["process"])
    exercise.required_skill = "facet"
    db.session.commit()
    user = learner()
    attempt = services.start_attempt(user, exercise)
    add_query_log(attempt.id, user, "armoede", "", **filters)
    db.session.commit()
    assert services.submit_attempt(attempt).passed is passed


# --- the best attempt counts ------------------------------------------------------------------


def test_a_worse_later_attempt_does_not_lower_progress(ctx: Training) -> None:
    first = do("known_item", ctx, mark=[ctx.docs["armoede-monitor-2024"]])
    do("known_item", ctx, mark=[ctx.docs["armoede-nota-2023"]])
    do("known_item", ctx)
    exercise = get_exercise(ctx.exercises["known_item"])
    assert len(services.attempts_of(learner(), exercise)) == 3
    assert services.best_attempts(learner())[exercise.id].id == first.id
    progress = services.module_progress(learner(), get_module(ctx.module))
    assert progress.exercises_passed == 1
    assert progress.score == pytest.approx(1.0 / 5)


def test_a_better_later_attempt_counts(ctx: Training) -> None:
    do("find_all", ctx, mark=ctx.vsv_ids[:1])
    better = do("find_all", ctx, mark=ctx.vsv_ids)
    exercise = get_exercise(ctx.exercises["find_all"])
    assert services.best_attempts(learner(), [exercise.id])[exercise.id].id == better.id


def test_open_and_submitted_attempts_are_not_best_attempts(ctx: Training) -> None:
    services.start_attempt(learner(), get_exercise(ctx.exercises["known_item"]))
    do("open", ctx, answer="Ik zocht eerst breed.")
    assert services.best_attempts(learner()) == {}


def test_best_attempts_are_per_user(ctx: Training) -> None:
    do("known_item", ctx, mark=[ctx.docs["armoede-monitor-2024"]], user=get_user("trainer"))
    assert services.best_attempts(learner()) == {}


# --- attempts: limits, locking, hints -----------------------------------------------------------


def test_start_attempt_continues_the_open_attempt(ctx: Training) -> None:
    exercise = get_exercise(ctx.exercises["known_item"])
    first = services.start_attempt(learner(), exercise)
    assert services.start_attempt(learner(), exercise).id == first.id
    assert db.session.scalar(select(func.count(Attempt.id))) == 1


def test_max_attempts_is_enforced_with_a_dutch_message(ctx: Training) -> None:
    exercise = get_exercise(ctx.exercises["fact"])
    exercise.max_attempts = 2
    db.session.commit()
    do("fact", ctx, answer="weet ik niet")
    do("fact", ctx, answer="nog steeds niet")
    with pytest.raises(DomainError) as error:
        services.start_attempt(learner(), exercise)
    assert str(error.value) == "Je hebt het maximum van 2 pogingen voor deze oefening gebruikt."
    assert len(services.attempts_of(learner(), exercise)) == 2
    # The limit is per learner.
    assert services.start_attempt(get_user("trainer"), exercise).status == "open"


def test_max_attempts_counts_the_open_attempt(ctx: Training) -> None:
    exercise = get_exercise(ctx.exercises["fact"])
    exercise.max_attempts = 1
    db.session.commit()
    attempt = services.start_attempt(learner(), exercise)
    assert services.start_attempt(learner(), exercise).id == attempt.id  # continue is fine
    services.submit_attempt(attempt, answer_text="4312")
    with pytest.raises(DomainError, match="maximum van 1 pogingen"):
        services.start_attempt(learner(), exercise)


@pytest.mark.parametrize("kind", ["known_item", "open"])
def test_a_submitted_attempt_cannot_be_changed(ctx: Training, kind: str) -> None:
    attempt = do(
        kind,
        ctx,
        mark=[ctx.docs["armoede-monitor-2024"]] * (kind == "known_item"),
        answer="Mijn verslag." if kind == "open" else "",
    )
    before = (attempt.status, list(attempt.selected_document_ids), attempt.answer_text)
    changes = [
        lambda: services.toggle_document(attempt, ctx.docs["armoede-nota-2023"]),
        lambda: services.toggle_document(attempt, ctx.docs["armoede-monitor-2024"]),
        lambda: services.use_hint(attempt),
        lambda: services.submit_attempt(attempt, answer_text="Iets anders"),
    ]
    for change in changes:
        with pytest.raises(DomainError, match="al ingeleverd"):
            change()
        db.session.rollback()
    stored = db.session.get(Attempt, attempt.id)
    assert (stored.status, stored.selected_document_ids, stored.answer_text) == before
    assert stored.hints_used == 0


def test_hints_are_recorded_and_run_out(ctx: Training) -> None:
    attempt = services.start_attempt(learner(), get_exercise(ctx.exercises["known_item"]))
    assert services.use_hint(attempt) == HINTS[0]
    assert services.use_hint(attempt) == HINTS[1]
    assert services.use_hint(attempt) is None
    assert services.use_hint(attempt) is None
    db.session.expire_all()
    assert db.session.get(Attempt, attempt.id).hints_used == 2
    services.toggle_document(attempt, ctx.docs["armoede-monitor-2024"])
    services.submit_attempt(attempt)
    assert attempt.hints_used == 2 and attempt.passed


def test_an_exercise_without_hints_has_none(ctx: Training) -> None:
    attempt = services.start_attempt(learner(), get_exercise(ctx.exercises["fact"]))
    assert services.use_hint(attempt) is None
    assert attempt.hints_used == 0


def test_a_new_attempt_starts_without_hints(ctx: Training) -> None:
    exercise = get_exercise(ctx.exercises["known_item"])
    first = services.start_attempt(learner(), exercise)
    services.use_hint(first)
    services.submit_attempt(first)
    assert services.start_attempt(learner(), exercise).hints_used == 0


# --- marking documents --------------------------------------------------------------------------


def test_toggle_document_adds_and_removes(ctx: Training) -> None:
    attempt = services.start_attempt(learner(), get_exercise(ctx.exercises["find_all"]))
    a, b = ctx.vsv_ids[:2]
    assert services.toggle_document(attempt, a) is True
    assert services.toggle_document(attempt, b) is True
    assert services.toggle_document(attempt, a) is False
    db.session.expire_all()
    assert db.session.get(Attempt, attempt.id).selected_document_ids == [b]


@pytest.mark.parametrize("document_id", [0, -1, 999_999, 2**31 - 1, 2**31, 2**63, 10**30])
def test_toggle_unknown_document_is_refused(ctx: Training, document_id: int) -> None:
    attempt = services.start_attempt(learner(), get_exercise(ctx.exercises["find_all"]))
    with pytest.raises(DomainError, match="Dat document bestaat niet."):
        services.toggle_document(attempt, document_id)
    db.session.rollback()
    assert db.session.get(Attempt, attempt.id).selected_document_ids == []


def test_toggle_has_a_limit(ctx: Training, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(services, "MAX_SELECTION", 2)
    attempt = services.start_attempt(learner(), get_exercise(ctx.exercises["find_all"]))
    for document_id in ctx.vsv_ids[:2]:
        services.toggle_document(attempt, document_id)
    with pytest.raises(DomainError, match="hoogstens 2 documenten"):
        services.toggle_document(attempt, ctx.vsv_ids[2])
    assert services.toggle_document(attempt, ctx.vsv_ids[0]) is False  # removing still works


# --- answers and open exercises -----------------------------------------------------------------


def test_too_long_answers_are_refused(ctx: Training) -> None:
    attempt = services.start_attempt(learner(), get_exercise(ctx.exercises["fact"]))
    with pytest.raises(DomainError, match="te lang"):
        services.submit_attempt(attempt, answer_text="4.312 " * 2000)  # 12 kB
    db.session.rollback()
    stored = db.session.get(Attempt, attempt.id)
    assert (stored.status, stored.answer_text) == ("open", "")
    services.submit_attempt(stored, answer_text="  4.312  " + " " * 6000)  # spaces are trimmed
    assert stored.passed and stored.answer_text == "4.312"


def test_open_exercise_waits_for_a_trainer(ctx: Training) -> None:
    attempt = services.start_attempt(learner(), get_exercise(ctx.exercises["open"]))
    with pytest.raises(DomainError, match="Schrijf eerst je antwoord."):
        services.submit_attempt(attempt, answer_text="   ")
    db.session.rollback()
    assert db.session.get(Attempt, attempt.id).status == "open"

    assert services.submit_attempt(attempt, answer_text="Ik zocht met OF.") is None
    assert attempt.status == AttemptStatus.SUBMITTED.value
    assert attempt.score is None and attempt.passed is None
    assert services.attempts_awaiting_score() == [attempt]
    with pytest.raises(ValueError):
        services.grade_attempt(attempt)


@pytest.mark.parametrize(
    "scores",
    [[], [2, 2], [2, 2, 2, 2], [2, 2, 3], [2, -1, 2], [0, 1, 5]],
    ids=["none", "too-few", "too-many", "three", "negative", "five"],
)
def test_score_open_attempt_refuses_bad_rubric_input(ctx: Training, scores) -> None:
    attempt = do("open", ctx, answer="Mijn verslag.")
    with pytest.raises(DomainError, match="Geef voor elk criterium 0, 1 of 2 punten."):
        services.score_open_attempt(
            attempt, trainer=get_user("trainer"), rubric_scores=scores, feedback="x"
        )
    db.session.rollback()
    stored = db.session.get(Attempt, attempt.id)
    assert (stored.status, stored.score, stored.rubric_scores) == ("submitted", None, [])


@pytest.mark.parametrize(
    ("scores", "score", "passed"),
    [([2, 2, 2], 1.0, True), ([2, 2, 0], 0.6667, True), ([2, 1, 0], 0.5, False)],
)
def test_score_open_attempt_grades_with_the_rubric(ctx: Training, scores, score, passed) -> None:
    attempt = do("open", ctx, answer="Mijn verslag.")
    trainer = get_user("trainer")
    result = services.score_open_attempt(
        attempt, trainer=trainer, rubric_scores=scores, feedback="  Goed gezocht.  "
    )
    assert (result.score, result.passed) == (score, passed)
    db.session.expire_all()
    stored = db.session.get(Attempt, attempt.id)
    assert stored.status == "graded"
    assert (stored.score, stored.passed) == (score, passed)
    assert stored.rubric_scores == scores
    assert stored.trainer_feedback == "Goed gezocht."
    assert stored.scored_by_id == trainer.id and stored.scored_at is not None
    assert services.attempts_awaiting_score() == []
    exercise_id = ctx.exercise_ids["open"]
    assert services.best_attempts(learner())[exercise_id].id == attempt.id


def test_score_open_attempt_only_for_handed_in_open_answers(ctx: Training) -> None:
    trainer = get_user("trainer")
    still_open = services.start_attempt(learner(), get_exercise(ctx.exercises["open"]))
    with pytest.raises(DomainError, match="nog niet ingeleverd"):
        services.score_open_attempt(
            still_open, trainer=trainer, rubric_scores=[2, 2, 2], feedback=""
        )
    fact = do("fact", ctx, answer="4312")
    with pytest.raises(DomainError, match="Alleen open opdrachten"):
        services.score_open_attempt(fact, trainer=trainer, rubric_scores=[2, 2, 2], feedback="")


def as_utc(moment: dt.datetime) -> dt.datetime:
    """SQLite hands back naive UTC datetimes, PostgreSQL aware ones."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


# --- progress -----------------------------------------------------------------------------------


def test_progress_of_a_new_learner(ctx: Training) -> None:
    progress = services.module_progress(learner(), get_module(ctx.module))
    assert (progress.lessons_total, progress.lessons_read) == (2, 0)
    assert (progress.exercises_total, progress.exercises_passed) == (5, 0)
    assert (progress.percent, progress.completed, progress.score) == (0, False, 0.0)
    assert services.completion_date(learner(), get_module(ctx.module)) is None


def test_mark_lesson_read_is_idempotent(ctx: Training) -> None:
    lesson = get_module(ctx.module).lessons[0]
    services.mark_lesson_read(learner(), lesson)
    services.mark_lesson_read(learner(), lesson)
    assert db.session.scalar(select(func.count(LessonRead.id))) == 1
    progress = services.module_progress(learner(), get_module(ctx.module))
    assert (progress.lessons_read, progress.percent) == (1, 14)  # 1 of 7


def test_progress_counts_passed_exercises_not_attempts(ctx: Training) -> None:
    module = get_module(ctx.module)
    for lesson in module.lessons:
        services.mark_lesson_read(learner(), lesson)
    do("known_item", ctx, mark=[ctx.docs["armoede-monitor-2024"]])
    do("fact", ctx, answer="fout")
    do("find_all", ctx, mark=ctx.vsv_ids[:2])  # F1 0.8: passes
    progress = services.module_progress(learner(), module)
    assert (progress.lessons_read, progress.exercises_passed) == (2, 2)
    assert progress.percent == round(100 * 4 / 7)
    assert progress.score == pytest.approx((1.0 + 0.0 + 0.8) / 5)
    assert not progress.completed


def test_module_completed_and_its_date(ctx: Training) -> None:
    module = get_module(ctx.module)
    pass_everything(ctx)
    assert services.completion_date(learner(), module) is None  # the open answer is missing
    attempt = do("open", ctx, answer="Verslag")
    assert services.completion_date(learner(), module) is None  # submitted, not yet scored
    services.score_open_attempt(
        attempt, trainer=get_user("trainer"), rubric_scores=[2, 2, 1], feedback=""
    )
    progress = services.module_progress(learner(), module)
    assert progress.completed and progress.percent == 100
    completed = services.completion_date(learner(), module)
    db.session.expire_all()
    scored_at = db.session.get(Attempt, attempt.id).scored_at
    assert completed == scored_at.replace(tzinfo=completed.tzinfo)  # the last step (SQLite: naive)
    # A worse attempt afterwards changes neither completion nor its date.
    do("known_item", ctx, mark=[ctx.docs["armoede-nota-2023"]])
    assert services.module_progress(learner(), module).completed
    assert services.completion_date(learner(), module) == completed


def test_completion_date_is_the_latest_step(ctx: Training) -> None:
    module = get_module(ctx.module)
    pass_everything(ctx)
    attempt = do("open", ctx, answer="Verslag")
    services.score_open_attempt(
        attempt, trainer=get_user("trainer"), rubric_scores=[2, 2, 2], feedback=""
    )
    later = dt.datetime(2099, 1, 1, tzinfo=dt.UTC)
    read = db.session.scalar(select(LessonRead).order_by(LessonRead.id))
    read.read_at = later
    db.session.commit()
    completed = services.completion_date(learner(), module)
    assert as_utc(completed) == later


def test_unpublished_lessons_and_exercises_do_not_count(ctx: Training) -> None:
    module = get_module(ctx.module)
    module.lessons[1].published = False
    get_exercise(ctx.exercises["open"]).published = False
    db.session.commit()
    progress = services.module_progress(learner(), module)
    assert (progress.lessons_total, progress.exercises_total) == (1, 4)
    pass_everything(ctx)
    assert services.module_progress(learner(), module).completed
    assert services.completion_date(learner(), module) is not None


def test_an_empty_module_is_never_completed(ctx: Training) -> None:
    empty = Module(slug="leeg", title="Leeg", published=True)
    db.session.add(empty)
    db.session.commit()
    progress = services.module_progress(learner(), empty)
    assert (progress.percent, progress.completed) == (0, False)
    assert services.completion_date(learner(), empty) is None


def test_drafts_are_hidden_from_learner_lookups(ctx: Training) -> None:
    assert [m.slug for m in services.list_modules()] == [ctx.module]
    assert {m.slug for m in services.list_modules(include_drafts=True)} == {
        ctx.module,
        ctx.draft_module,
    }
    assert services.get_module(ctx.draft_module) is None
    assert services.get_module(ctx.draft_module, include_drafts=True) is not None
    assert services.get_exercise(ctx.draft_exercise) is None
    assert services.get_exercise(ctx.draft_exercise, include_drafts=True) is not None
    assert services.get_module("bestaat-niet", include_drafts=True) is None


def test_a_better_score_after_completion_keeps_the_completion_date(ctx: Training) -> None:
    """The certificate date is when the module became complete, not the last improvement."""
    module = get_module(ctx.module)
    for lesson in module.lessons:
        services.mark_lesson_read(learner(), lesson)
    do("known_item", ctx, mark=[ctx.docs["armoede-monitor-2024"]])
    do("fact", ctx, answer="4.312")
    do("find_all", ctx, mark=ctx.vsv_ids[:2])  # F1 0.8: passed, but not the best possible
    process = services.start_attempt(learner(), get_exercise(ctx.exercises["process"]))
    add_query_log(process.id, learner(), "a OF b", "or")
    services.submit_attempt(process)
    services.score_open_attempt(
        do("open", ctx, answer="Verslag"),
        trainer=get_user("trainer"),
        rubric_scores=[2, 2, 1],
        feedback="",
    )
    earlier = dt.datetime(2024, 3, 1, 12, 0, tzinfo=dt.UTC)
    for attempt in db.session.scalars(select(Attempt)):
        attempt.scored_at = attempt.submitted_at = attempt.started_at = earlier
    for read in db.session.scalars(select(LessonRead)):
        read.read_at = earlier
    db.session.commit()
    assert as_utc(services.completion_date(learner(), module)) == earlier
    do("find_all", ctx, mark=ctx.vsv_ids)  # a perfect score today
    assert services.module_progress(learner(), module).score > 0.9
    assert as_utc(services.completion_date(learner(), module)) == earlier
