"""Training rules: attempts, grading, progress, and the trainer's editing.

Each public write function is one unit of work and commits once. `grade_attempt` grades
with the pure functions in `grading` and stores the result on the attempt.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from flask_babel import gettext as _
from sqlalchemy import func, select

from academy.database import retry_on_conflict
from academy.errors import DomainError
from academy.extensions import db
from academy.models import (
    Attempt,
    AttemptStatus,
    Document,
    Exercise,
    ExerciseKind,
    Lesson,
    LessonRead,
    Module,
    NotificationKind,
    QueryLog,
    User,
)
from academy.notifications.notices import add_notices
from academy.security import MAX_ID
from academy.training import coaching, grading, progress, trail
from academy.training.grading import GradeResult, LoggedSearch
from academy.training.progress import ModuleProgress

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
MAX_SELECTION = 50
# The largest id an Integer key holds (PostgreSQL int4). A larger number from a form or URL
# is an unknown id; passed to the database it raised OverflowError/DataError (a 500).


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# --- reading ----------------------------------------------------------------------------------


def list_modules(*, include_drafts: bool = False) -> list[Module]:
    query = select(Module).order_by(Module.position, Module.id)
    if not include_drafts:
        query = query.where(Module.published.is_(True))
    return list(db.session.scalars(query))


def get_module(slug: str, *, include_drafts: bool = False) -> Module | None:
    module = db.session.scalar(select(Module).where(Module.slug == slug))
    if module is None or (not module.published and not include_drafts):
        return None
    return module


def get_exercise(slug: str, *, include_drafts: bool = False) -> Exercise | None:
    exercise = db.session.scalar(select(Exercise).where(Exercise.slug == slug))
    if exercise is None:
        return None
    if not include_drafts and not (exercise.published and exercise.module.published):
        return None
    return exercise


def visible_lessons(module: Module, *, include_drafts: bool = False) -> list[Lesson]:
    return [lesson for lesson in module.lessons if lesson.published or include_drafts]


def visible_exercises(module: Module, *, include_drafts: bool = False) -> list[Exercise]:
    return [e for e in module.exercises if e.published or include_drafts]


def best_attempts(user: User, exercise_ids: Iterable[int] | None = None) -> dict[int, Attempt]:
    """The best graded attempt per exercise: the one that counts."""
    query = select(Attempt).where(
        Attempt.user_id == user.id, Attempt.status == AttemptStatus.GRADED.value
    )
    if exercise_ids is not None:
        query = query.where(Attempt.exercise_id.in_(list(exercise_ids)))
    best: dict[int, Attempt] = {}
    for attempt in db.session.scalars(query.order_by(Attempt.id)):
        current = best.get(attempt.exercise_id)
        if current is None or (attempt.score or 0) > (current.score or 0):
            best[attempt.exercise_id] = attempt
    return best


def lessons_read(user: User, lesson_ids: Iterable[int]) -> set[int]:
    ids = list(lesson_ids)
    if not ids:
        return set()
    return set(
        db.session.scalars(
            select(LessonRead.lesson_id).where(
                LessonRead.user_id == user.id, LessonRead.lesson_id.in_(ids)
            )
        )
    )


def module_progress(user: User, module: Module) -> ModuleProgress:
    """A learner's progress in a module, by the rules in `progress` (the one place)."""
    return progress.module_progress(user, module)


def completion_date(user: User, module: Module) -> dt.datetime | None:
    """When the module became complete: the latest of the reads and first passing attempts
    (a better score after completion does not move the certificate's date)."""
    data = progress.load_progress([user.id], [module.id])
    return progress.completed_at(data, user.id, module.id)


# --- learning ---------------------------------------------------------------------------------


def mark_lesson_read(user: User, lesson: Lesson) -> None:
    exists = db.session.scalar(
        select(LessonRead.id).where(
            LessonRead.user_id == user.id, LessonRead.lesson_id == lesson.id
        )
    )
    if exists is None:
        db.session.add(LessonRead(user_id=user.id, lesson_id=lesson.id))
        db.session.commit()


def attempts_of(user: User, exercise: Exercise) -> list[Attempt]:
    return list(
        db.session.scalars(
            select(Attempt)
            .where(Attempt.user_id == user.id, Attempt.exercise_id == exercise.id)
            .order_by(Attempt.id.desc())
        )
    )


def open_attempt(user: User, exercise: Exercise) -> Attempt | None:
    return db.session.scalar(
        select(Attempt).where(
            Attempt.user_id == user.id,
            Attempt.exercise_id == exercise.id,
            Attempt.status == AttemptStatus.OPEN.value,
        )
    )


@retry_on_conflict
def start_attempt(user: User, exercise: Exercise) -> Attempt:
    """Continue the open attempt, or start a new one if the trainer's limit allows."""
    current = open_attempt(user, exercise)
    if current is not None:
        return current
    if exercise.max_attempts is not None:
        used = (
            db.session.scalar(
                select(func.count(Attempt.id)).where(
                    Attempt.user_id == user.id, Attempt.exercise_id == exercise.id
                )
            )
            or 0
        )
        if used >= exercise.max_attempts:
            raise DomainError(
                _(
                    "Je hebt het maximum van %(n)s pogingen voor deze oefening gebruikt.",
                    n=exercise.max_attempts,
                )
            )
    attempt = Attempt(exercise_id=exercise.id, user_id=user.id, selected_document_ids=[])
    db.session.add(attempt)
    db.session.commit()
    return attempt


def _require_open(attempt: Attempt) -> None:
    if attempt.status != AttemptStatus.OPEN.value:
        raise DomainError(_("Deze poging is al ingeleverd. Start een nieuwe poging."))


def toggle_document(attempt: Attempt, document_id: int) -> bool:
    """Add a document to the answer, or take it out again; returns whether it is in."""
    _require_open(attempt)
    if not 0 < document_id <= MAX_ID or db.session.get(Document, document_id) is None:
        raise DomainError(_("Dat document bestaat niet."))
    selected = list(attempt.selected_document_ids or [])
    if document_id in selected:
        selected.remove(document_id)
        added = False
    else:
        if len(selected) >= MAX_SELECTION:
            raise DomainError(_("Je kunt hoogstens %(n)s documenten markeren.", n=MAX_SELECTION))
        selected.append(document_id)
        added = True
    attempt.selected_document_ids = selected  # a new list, so the JSON change is saved
    db.session.commit()
    return added


def use_hint(attempt: Attempt) -> str | None:
    """Reveal the next hint and record that it was used."""
    _require_open(attempt)
    hints = attempt.exercise.hints or []
    if attempt.hints_used >= len(hints):
        return None
    attempt.hints_used += 1
    db.session.commit()
    return hints[attempt.hints_used - 1]


def attempt_searches(attempt: Attempt) -> list[QueryLog]:
    """The attempt's trail: the searches the learner asked for (not re-renders)."""
    return trail.attempt_searches([attempt.id])


def attempt_coaching(attempt: Attempt, *, reveal: bool) -> list[coaching.Advice]:
    """Coaching on how this attempt searched. Without `reveal` (a learner who has not
    passed yet) a suggestion that would give away the whole expert query is left out (the
    result page shows the expert's search only after passing); the advice itself stays."""
    exercise = attempt.exercise
    expert = coaching.Expert(
        exercise.expert_query or "",
        {key: [str(v) for v in values] for key, values in (exercise.expert_filters or {}).items()},
    )
    trail_searches = [
        coaching.TrailSearch(log.query, log.filters or {}, log.result_count)
        for log in attempt_searches(attempt)
    ]
    advice = coaching.coach(trail_searches, expert)
    if reveal or attempt.passed:
        return advice
    whole = coaching.expert_text(expert)
    return [a if not whole or whole not in a.better else replace(a, better="") for a in advice]


def is_empty_answer(attempt: Attempt, answer_text: str) -> bool:
    """Nothing to grade: no document marked, or no answer written, for this kind."""
    kind = attempt.exercise.kind
    if kind in (ExerciseKind.KNOWN_ITEM.value, ExerciseKind.FIND_ALL.value):
        return not attempt.selected_document_ids
    if kind == ExerciseKind.FACT.value:
        return not answer_text.strip()
    if kind == ExerciseKind.PROCESS.value:
        return not attempt_searches(attempt)
    return False  # an empty open answer is refused outright


def grade_attempt(attempt: Attempt) -> GradeResult:
    """Grade an attempt by its exercise's kind (open exercises wait for a trainer)."""
    exercise = attempt.exercise
    kind = ExerciseKind(exercise.kind)
    key_ids = [d.id for d in exercise.key_documents]
    selected = list(attempt.selected_document_ids or [])
    if kind is ExerciseKind.KNOWN_ITEM:
        return grading.grade_known_item(selected, key_ids)
    if kind is ExerciseKind.FIND_ALL:
        return grading.grade_find_all(selected, key_ids, exercise.pass_threshold)
    if kind is ExerciseKind.FACT:
        return grading.grade_fact(attempt.answer_text, exercise.accepted_answers or [])
    if kind is ExerciseKind.PROCESS:
        searches = [
            LoggedSearch(
                query=log.query,
                features=log.features,
                filters=log.filters or {},
            )
            for log in attempt_searches(attempt)
        ]
        return grading.grade_process(searches, exercise.required_skill or "")
    raise ValueError(f"{kind} is graded by a trainer")


@retry_on_conflict
def submit_attempt(attempt: Attempt, *, answer_text: str = "") -> GradeResult | None:
    """Hand in an attempt: graded at once, or queued for a trainer (open exercises)."""
    _require_open(attempt)
    answer_text = (answer_text or "").strip()
    if len(answer_text) > 5000:
        raise DomainError(_("Je antwoord is te lang (hoogstens 5000 tekens)."))
    attempt.answer_text = answer_text
    attempt.submitted_at = _now()
    if attempt.exercise.kind == ExerciseKind.OPEN.value:
        if not answer_text:
            raise DomainError(_("Schrijf eerst je antwoord."))
        attempt.status = AttemptStatus.SUBMITTED.value
        db.session.commit()
        return None
    result = grade_attempt(attempt)
    _store_grade(attempt, result)
    db.session.commit()
    return result


def _store_grade(attempt: Attempt, result: GradeResult) -> None:
    attempt.status = AttemptStatus.GRADED.value
    attempt.score = result.score
    attempt.passed = result.passed
    attempt.scored_at = _now()
    attempt.feedback = result.to_json()


def attempt_grade(attempt: Attempt) -> GradeResult | None:
    """The attempt's stored grade, typed; None until it has been graded."""
    if attempt.score is None or attempt.passed is None:
        return None
    return GradeResult.from_json(attempt.feedback, score=attempt.score, passed=attempt.passed)


@retry_on_conflict
def score_open_attempt(
    attempt: Attempt, *, trainer: User, rubric_scores: Sequence[int], feedback: str
) -> GradeResult:
    """A trainer scores a written answer with the exercise's rubric."""
    if attempt.exercise.kind != ExerciseKind.OPEN.value:
        raise DomainError(_("Alleen open opdrachten worden door een trainer beoordeeld."))
    if attempt.status == AttemptStatus.OPEN.value:
        raise DomainError(_("Deze poging is nog niet ingeleverd."))
    rubric = attempt.exercise.rubric or []
    if len(rubric_scores) != len(rubric) or any(s not in (0, 1, 2) for s in rubric_scores):
        raise DomainError(_("Geef voor elk criterium 0, 1 of 2 punten."))
    result = grading.grade_open(rubric_scores, len(rubric))
    _store_grade(attempt, result)
    attempt.rubric_scores = list(rubric_scores)
    attempt.trainer_feedback = (feedback or "").strip()
    attempt.scored_by_id = trainer.id
    add_notices(
        [attempt.user_id],
        NotificationKind.SCORED,
        f"scored:{attempt.id}:{(attempt.scored_at or _now()).isoformat()}",
        {"attempt_id": attempt.id, "title": attempt.exercise.title},
    )
    db.session.commit()
    return result


def attempts_awaiting_score() -> list[Attempt]:
    return list(
        db.session.scalars(
            select(Attempt)
            .where(Attempt.status == AttemptStatus.SUBMITTED.value)
            .order_by(Attempt.submitted_at)
        )
    )


def core_completion_by_team() -> dict[int, tuple[int, int]]:
    """Per team: (learners who completed every core module, learners); see `progress`."""
    return progress.core_completion_by_team()
