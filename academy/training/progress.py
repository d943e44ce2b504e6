"""The one place where a learner's progress is computed; every page and endpoint reads it.

Training ("Mijn leren", module pages, certificates), assignments (the learner's list and the
trainer's matrix), the theme pages and portfolio (the team share) and the API all call the
functions here, so a learner never sees 71 % on one page and 50 % on another.

The rules, decided once:
- Only published lessons and exercises count. A lesson counts when read; per exercise the
  best graded attempt counts (the first of equal scores), and it is done when that attempt
  passed.
- Progress (`percent`) is the share of lessons read and exercises passed. The `score` is
  the mean of the best scores over all exercises (0 for an exercise not tried); it is shown
  as a score, never as progress.
- A module without exercises is complete when its lessons are read; a module without
  lessons and exercises is never complete (0 %).
- A withdrawn assignment is nobody's work: not listed, not counted, not notified.
- A team's learners are its active users with the employee role: a deactivated learner or
  an admin in the team is not counted in the team share, nor shown in the matrix.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from sqlalchemy import DateTime, func, or_, select, type_coerce

from academy.extensions import db
from academy.models import (
    Assignment,
    AssignmentTarget,
    Attempt,
    AttemptStatus,
    Exercise,
    Lesson,
    LessonRead,
    Module,
    Role,
    User,
    UserRole,
)


@dataclass(frozen=True)
class ModuleProgress:
    module: Module
    lessons_total: int
    lessons_read: int
    exercises_total: int
    exercises_passed: int
    score: float  # mean of the best scores over all exercises, 0..1

    @property
    def completed(self) -> bool:
        return (
            self.lessons_read == self.lessons_total
            and self.exercises_passed == self.exercises_total
            and (self.lessons_total + self.exercises_total) > 0
        )

    @property
    def percent(self) -> int:
        total = self.lessons_total + self.exercises_total
        done = self.lessons_read + self.exercises_passed
        return round(100 * done / total) if total else 0


class AttemptFacts(NamedTuple):
    """What the progress rules read of an attempt (whole rows also load answers and feedback)."""

    user_id: int
    exercise_id: int
    status: str
    score: float | None
    passed: bool | None
    finished_at: dt.datetime | None  # scored, else handed in, else started


@dataclass
class ProgressData:
    """Everything needed to derive progress for a set of users, modules and exercises."""

    best: dict[tuple[int, int], AttemptFacts] = field(default_factory=dict)  # (user, exercise)
    submitted: set[tuple[int, int]] = field(default_factory=set)  # awaiting a trainer
    started: set[tuple[int, int]] = field(default_factory=set)  # any attempt at all
    # When each exercise was first passed: practising again later for a better score must
    # not move a completion date (certificates, late work) forward.
    first_passed: dict[tuple[int, int], dt.datetime] = field(default_factory=dict)
    reads: dict[int, dict[int, dt.datetime]] = field(default_factory=dict)  # user -> lesson
    module_lessons: dict[int, list[int]] = field(default_factory=dict)
    module_exercises: dict[int, list[int]] = field(default_factory=dict)


ATTEMPT_COLUMNS = (
    Attempt.user_id,
    Attempt.exercise_id,
    Attempt.status,
    Attempt.score,
    Attempt.passed,
    # One moment instead of three: turning stored text into datetimes was a third of the
    # matrix's time with 15k attempts.
    type_coerce(
        func.coalesce(Attempt.scored_at, Attempt.submitted_at, Attempt.started_at),
        DateTime(timezone=True),
    ).label("finished_at"),
)

SUBMITTED, GRADED = AttemptStatus.SUBMITTED.value, AttemptStatus.GRADED.value


def _chunks(values: list[int], size: int = 500) -> Iterable[list[int]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def load_progress(
    user_ids: Iterable[int],
    module_ids: Iterable[int] = (),
    exercise_ids: Iterable[int] = (),
) -> ProgressData:
    """Load, in a handful of queries, what the rules need for these users and this work."""
    users = list(set(user_ids))
    data = ProgressData()
    module_ids = set(module_ids)
    exercise_ids = set(exercise_ids)
    if module_ids:
        # Ids only, never whole rows: the navigation badge runs this on every page, and
        # lessons and exercises carry long Markdown bodies.
        for model, by_module in (
            (Lesson, data.module_lessons),
            (Exercise, data.module_exercises),
        ):
            for module_id in module_ids:
                by_module.setdefault(module_id, [])
            for module_id, item_id in db.session.execute(
                select(model.module_id, model.id)
                .where(model.module_id.in_(module_ids), model.published.is_(True))
                .order_by(model.position, model.id)
            ):
                by_module[module_id].append(item_id)
        for ids in data.module_exercises.values():
            exercise_ids.update(ids)
    if not users:
        return data
    lesson_ids = {x for ids in data.module_lessons.values() for x in ids}
    for chunk in _chunks(users):
        if exercise_ids:
            rows = db.session.execute(
                select(*ATTEMPT_COLUMNS)
                .where(Attempt.user_id.in_(chunk), Attempt.exercise_id.in_(exercise_ids))
                .order_by(Attempt.id)  # equal scores: the first attempt counts
            )
            for row in rows:
                user_id, exercise_id, status, score, passed, finished_at = row
                key = (user_id, exercise_id)
                data.started.add(key)
                if status == SUBMITTED:
                    data.submitted.add(key)
                elif status == GRADED:
                    current = data.best.get(key)
                    if current is None or (score or 0) > (current.score or 0):
                        data.best[key] = AttemptFacts(*row)
                    if passed and finished_at is not None:
                        first = data.first_passed.get(key)
                        if first is None or finished_at < first:
                            data.first_passed[key] = finished_at
        if lesson_ids:
            reads = db.session.execute(
                select(LessonRead.user_id, LessonRead.lesson_id, LessonRead.read_at).where(
                    LessonRead.user_id.in_(chunk), LessonRead.lesson_id.in_(lesson_ids)
                )
            )
            for user_id, lesson_id, read_at in reads:
                data.reads.setdefault(user_id, {})[lesson_id] = read_at
    return data


def progress_from(data: ProgressData, user_id: int, module: Module) -> ModuleProgress:
    """The rules, applied to loaded data (see the module docstring)."""
    lesson_ids = data.module_lessons.get(module.id, [])
    exercise_ids = data.module_exercises.get(module.id, [])
    read = data.reads.get(user_id, {})
    best = [data.best.get((user_id, e)) for e in exercise_ids]
    scores = [(b.score or 0.0) if b is not None else 0.0 for b in best]
    return ModuleProgress(
        module=module,
        lessons_total=len(lesson_ids),
        lessons_read=sum(1 for lesson in lesson_ids if lesson in read),
        exercises_total=len(exercise_ids),
        exercises_passed=sum(1 for b in best if b is not None and b.passed),
        score=sum(scores) / len(scores) if scores else 0.0,
    )


def module_progress(user: User, module: Module) -> ModuleProgress:
    return progress_from(load_progress([user.id], [module.id]), user.id, module)


def modules_progress(
    users: Sequence[User], modules: Sequence[Module]
) -> dict[tuple[int, int], ModuleProgress]:
    """(user id, module id) -> progress, for many users and modules in a few queries."""
    data = load_progress([u.id for u in users], [m.id for m in modules])
    return {(u.id, m.id): progress_from(data, u.id, m) for u in users for m in modules}


def completed_at(data: ProgressData, user_id: int, module_id: int) -> dt.datetime | None:
    """When the module became complete: the latest read or first pass; None if not done."""
    lesson_ids = data.module_lessons.get(module_id, [])
    exercise_ids = data.module_exercises.get(module_id, [])
    read = data.reads.get(user_id, {})
    if not (lesson_ids or exercise_ids) or any(lesson not in read for lesson in lesson_ids):
        return None
    if any((user_id, e) not in data.first_passed for e in exercise_ids):
        return None
    moments = [read[lesson] for lesson in lesson_ids]
    moments += [data.first_passed[(user_id, e)] for e in exercise_ids]
    return max(_aware(m) for m in moments)


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment


# --- who learns -------------------------------------------------------------------------------


def learners_by_team() -> dict[int, list[int]]:
    """Current learners per team: active users with the employee role."""
    members: dict[int, list[int]] = defaultdict(list)
    for user_id, team_id in db.session.execute(
        select(User.id, User.team_id)
        .join(UserRole, UserRole.user_id == User.id)
        .where(
            User.active.is_(True),
            User.team_id.is_not(None),
            UserRole.role == Role.EMPLOYEE.value,
        )
        .order_by(User.id)
    ):
        if team_id is not None:  # the query leaves teamless users out; this says so to mypy
            members[team_id].append(user_id)
    return dict(members)


def assigned_work(user: User) -> list[Assignment]:
    """Active (not withdrawn) assignments for this user, directly or through their team."""
    conditions = [AssignmentTarget.user_id == user.id]
    if user.team_id is not None and Role.EMPLOYEE in user.roles:
        conditions.append(AssignmentTarget.team_id == user.team_id)
    return list(
        db.session.scalars(
            select(Assignment)
            .join(AssignmentTarget)
            .where(Assignment.withdrawn_at.is_(None), or_(*conditions))
            .distinct()
            .order_by(Assignment.due_date, Assignment.id)
        )
    )


def core_completion_by_team() -> dict[int, tuple[int, int]]:
    """Per team: (learners who completed every core module, learners). Theme pages and the
    portfolio show it next to the level, because finding what exists comes first."""
    core = list(
        db.session.scalars(
            select(Module.id).where(Module.core.is_(True), Module.published.is_(True))
        )
    )
    members = learners_by_team()
    if not core:
        return {team_id: (0, len(ids)) for team_id, ids in members.items()}
    data = load_progress([u for ids in members.values() for u in ids], core)
    return {
        team_id: (
            sum(
                1
                for user_id in ids
                if all(completed_at(data, user_id, module_id) is not None for module_id in core)
            ),
            len(ids),
        )
        for team_id, ids in members.items()
    }
