"""Assignments: who has to do what by when, and how far each learner is.

Statuses are derived from the learners' attempts and lesson reads, never stored, so an
edited or withdrawn assignment can't lose anyone's work. Everything for the trainer's
matrix is loaded in a handful of queries, whatever the number of learners.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar, overload

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import lazyload, selectinload

from academy.database import retry_on_conflict
from academy.errors import ValidationFailed
from academy.extensions import Model, db
from academy.models import (
    Assignment,
    AssignmentTarget,
    Attempt,
    Exercise,
    Module,
    NotificationKind,
    Role,
    Team,
    User,
    UserRole,
)
from academy.notifications.notices import add_notices
from academy.security import MAX_ID
from academy.training import progress, trail
from academy.training.progress import ProgressData

MAX_MESSAGE = 2000


class Status(StrEnum):
    OPEN = "open"  # nothing started yet
    STARTED = "bezig"
    SUBMITTED = "ingeleverd"  # handed in, waiting for a trainer
    DONE = "voldaan"
    OVERDUE = "te_laat"  # not done and the due date has passed


STATUS_ORDER = [Status.OVERDUE, Status.OPEN, Status.STARTED, Status.SUBMITTED, Status.DONE]


@dataclass(frozen=True)
class Cell:
    """One learner's state on one assignment."""

    status: Status
    score: float | None  # 0..1, best attempt (exercise) or mean of best scores (module)
    late: bool = False  # done, but after the due date
    done_at: dt.datetime | None = None
    percent: int | None = None  # module assignments: the module's progress (progress.py)


# --- who is assigned --------------------------------------------------------------------------


def active_assignments() -> list[Assignment]:
    return list(
        db.session.scalars(
            select(Assignment)
            .where(Assignment.withdrawn_at.is_(None))
            .options(selectinload(Assignment.module), selectinload(Assignment.exercise))
            .order_by(Assignment.due_date, Assignment.id)
        )
    )


def assignments_for(user: User) -> list[Assignment]:
    """Active assignments for this user, directly or (as a learner) through their team."""
    return progress.assigned_work(user)


def learners_of(assignment: Assignment, team_members: dict[int, list[int]]) -> set[int]:
    users = set()
    for target in assignment.targets:
        if target.user_id is not None:
            users.add(target.user_id)
        if target.team_id is not None:
            users.update(team_members.get(target.team_id, []))
    return users


# --- progress, in bulk (the rules live in academy/training/progress.py) ---------------------


def load_progress(user_ids: Iterable[int], assignments: Sequence[Assignment]) -> ProgressData:
    return progress.load_progress(
        user_ids,
        {a.module_id for a in assignments if a.module_id is not None},
        {a.exercise_id for a in assignments if a.exercise_id is not None},
    )


@overload
def _aware(moment: dt.datetime) -> dt.datetime: ...
@overload
def _aware(moment: None) -> None: ...
def _aware(moment: dt.datetime | None) -> dt.datetime | None:
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment


def cell_for(user_id: int, assignment: Assignment, data: ProgressData, today: dt.date) -> Cell:
    """The status rules: done beats everything; not done after the due date is late
    (the due date itself still counts as on time)."""
    exercise_ids: list[int] = []
    lesson_ids: list[int] = []
    if assignment.exercise_id is not None:
        exercise_ids = [assignment.exercise_id]
    elif assignment.module_id is not None:
        exercise_ids = data.module_exercises.get(assignment.module_id, [])
        lesson_ids = data.module_lessons.get(assignment.module_id, [])
    percent = None
    if assignment.module is not None:
        percent = progress.progress_from(data, user_id, assignment.module).percent
    read = data.reads.get(user_id, {})
    best = [data.best.get((user_id, e)) for e in exercise_ids]
    passed = [b for b in best if b is not None and b.passed]
    scores = [(b.score or 0.0) if b is not None else 0.0 for b in best]
    score = sum(scores) / len(scores) if any(b is not None for b in best) else None
    all_read = all(lesson in read for lesson in lesson_ids)
    if (exercise_ids or lesson_ids) and len(passed) == len(exercise_ids) and all_read:
        moments = [data.first_passed.get((user_id, b.exercise_id)) for b in passed]
        moments += [read[x] for x in lesson_ids]
        done_at = max((_aware(m) for m in moments if m is not None), default=None)
        late = done_at is not None and done_at.date() > assignment.due_date
        return Cell(Status.DONE, score, late=late, done_at=done_at, percent=percent)
    waiting = [e for e in exercise_ids if (user_id, e) in data.submitted]
    passed_ids = {b.exercise_id for b in passed}
    if waiting and all(e in passed_ids or e in waiting for e in exercise_ids) and all_read:
        return Cell(Status.SUBMITTED, score, percent=percent)
    if assignment.due_date < today:
        return Cell(Status.OVERDUE, score, percent=percent)
    touched = any((user_id, e) in data.started for e in exercise_ids) or any(
        x in read for x in lesson_ids
    )
    return Cell(Status.STARTED if touched else Status.OPEN, score, percent=percent)


# --- the learner's view -------------------------------------------------------------------------


@dataclass(frozen=True)
class MyAssignment:
    assignment: Assignment
    cell: Cell


def my_assignments(user: User, today: dt.date | None = None) -> list[MyAssignment]:
    today = today or dt.date.today()
    assignments = assignments_for(user)
    data = load_progress([user.id], assignments)
    return [MyAssignment(a, cell_for(user.id, a, data, today)) for a in assignments]


def open_count(user: User, today: dt.date | None = None) -> int:
    """For the badge in the navigation: assigned work that is not done or handed in."""
    return sum(
        1
        for item in my_assignments(user, today)
        if item.cell.status in (Status.OPEN, Status.STARTED, Status.OVERDUE)
    )


# --- the trainer's matrix -----------------------------------------------------------------------


@dataclass(frozen=True)
class MatrixFilter:
    team_id: int | None = None
    module_id: int | None = None
    status: Status | None = None


@dataclass
class Matrix:
    assignments: list[Assignment]
    learners: list[User]
    cells: dict[tuple[int, int], Cell]  # (user id, assignment id) -> cell; absent = not assigned
    counts: dict[Status, int]


def team_members() -> dict[int, list[int]]:
    """Current learners per team (see `progress.learners_by_team`)."""
    return progress.learners_by_team()


def assignment_matrix(filters: MatrixFilter, today: dt.date | None = None) -> Matrix:
    today = today or dt.date.today()
    assignments = active_assignments()
    if filters.module_id is not None:
        assignments = [
            a
            for a in assignments
            if a.module_id == filters.module_id
            or (a.exercise is not None and a.exercise.module_id == filters.module_id)
        ]
    members = team_members()
    assigned = {a.id: learners_of(a, members) for a in assignments}
    user_ids = set().union(*assigned.values()) if assigned else set()
    query = select(User).where(User.id.in_(user_ids), User.active.is_(True))
    if filters.team_id is not None:
        query = query.where(User.team_id == filters.team_id)
    learners = list(
        db.session.scalars(
            query.options(selectinload(User.team), lazyload(User.role_rows)).order_by(
                User.full_name, User.username
            )
        )
    )
    learner_ids = {u.id for u in learners}
    data = load_progress(learner_ids, assignments)
    cells = {}
    for assignment in assignments:  # (20,000 learner x assignment pairs, 3,000 assigned)
        for user_id in assigned[assignment.id] & learner_ids:
            cells[(user_id, assignment.id)] = cell_for(user_id, assignment, data, today)
    if filters.status is not None:
        keep = {user for (user, _a), cell in cells.items() if cell.status == filters.status}
        learners = [u for u in learners if u.id in keep]
        cells = {k: c for k, c in cells.items() if k[0] in keep}
    counts = {status: 0 for status in Status}
    for cell in cells.values():
        counts[cell.status] += 1
    return Matrix(assignments, learners, cells, counts)


# --- writing ----------------------------------------------------------------------------------


def check_assignment(
    assignment: Assignment | None,
    *,
    module_id: int | None,
    exercise_id: int | None,
    user_ids: Iterable[int],
    team_ids: Iterable[int],
    due_date: dt.date | None,
    message: str = "",
    today: dt.date | None = None,
) -> dict[str, str]:
    """Every rule the input breaks, keyed by what it is about ("work", "people",
    "unknown_people", "due_date", "message"), so a form can leave out what its own fields
    already reported."""
    today = today or dt.date.today()
    user_ids, team_ids = set(user_ids), set(team_ids)
    problems = {}
    if (module_id is None) == (exercise_id is None):
        problems["work"] = _("Kies een module of een oefening (één van beide).")
    elif module_id is not None and _get(Module, module_id) is None:
        problems["work"] = _("Die module bestaat niet.")
    elif exercise_id is not None and _get(Exercise, exercise_id) is None:
        problems["work"] = _("Die oefening bestaat niet.")
    known_users = set(db.session.scalars(select(User.id).where(User.id.in_(_valid(user_ids)))))
    known_teams = set(db.session.scalars(select(Team.id).where(Team.id.in_(_valid(team_ids)))))
    if not user_ids and not team_ids:
        problems["people"] = _("Kies minstens één persoon of team.")
    elif user_ids - known_users or team_ids - known_teams:
        problems["unknown_people"] = _("Een of meer gekozen personen of teams bestaan niet (meer).")
    if due_date is None:
        problems["due_date"] = _("Kies een uiterste datum.")
    elif assignment is None and due_date < today:
        problems["due_date"] = _("De uiterste datum ligt vandaag of later.")
    if len(message or "") > MAX_MESSAGE:
        problems["message"] = _("Het bericht is te lang (hoogstens %(n)s tekens).", n=MAX_MESSAGE)
    return problems


@retry_on_conflict
def save_assignment(
    assignment: Assignment | None,
    *,
    trainer: User,
    module_id: int | None,
    exercise_id: int | None,
    user_ids: Iterable[int],
    team_ids: Iterable[int],
    due_date: dt.date | None,
    message: str = "",
    today: dt.date | None = None,
) -> Assignment:
    """Create or change an assignment; every problem is reported at once."""
    user_ids, team_ids = sorted(set(user_ids)), sorted(set(team_ids))
    problems = check_assignment(
        assignment,
        module_id=module_id,
        exercise_id=exercise_id,
        user_ids=user_ids,
        team_ids=team_ids,
        due_date=due_date,
        message=message,
        today=today,
    )
    if problems:
        raise ValidationFailed(problems.values())
    if due_date is None:  # check_assignment reports a missing date; this tells mypy
        raise ValidationFailed([_("Kies een uiterste datum.")])
    if assignment is None:
        assignment = Assignment(created_by_id=trainer.id)
        db.session.add(assignment)
    assignment.module_id = module_id
    assignment.exercise_id = exercise_id
    assignment.due_date = due_date
    assignment.message = (message or "").strip()
    assignment.targets = [AssignmentTarget(user_id=u) for u in user_ids] + [
        AssignmentTarget(team_id=t) for t in team_ids
    ]
    db.session.flush()
    # Everyone the work is for hears of it, in the same transaction (once per person).
    work = assignment.module or assignment.exercise
    add_notices(
        learners_of(assignment, team_members()),
        NotificationKind.NEW_ASSIGNMENT,
        f"new:{assignment.id}",
        {
            "assignment_id": assignment.id,
            "title": work.title if work is not None else "",
            "due_date": assignment.due_date.isoformat(),
        },
    )
    db.session.commit()
    return assignment


def _valid(ids: Iterable[int]) -> list[int]:
    """Ids a key column can hold; a larger number from a form is simply unknown (passed to
    the database it raised OverflowError, a 500)."""
    return [i for i in ids if 0 < i <= MAX_ID]


M = TypeVar("M", bound=Model)


def _get(model: type[M], model_id: int) -> M | None:
    return db.session.get(model, model_id) if _valid([model_id]) else None


def withdraw(assignment: Assignment) -> None:
    """Withdraw: learners no longer see it; their attempts stay untouched."""
    if assignment.withdrawn_at is None:
        assignment.withdrawn_at = dt.datetime.now(dt.UTC)
        db.session.commit()


def learners() -> list[User]:
    """People who can be given work: active users with the employee role."""
    return list(
        db.session.scalars(
            select(User)
            .join(UserRole)
            .where(User.active.is_(True), UserRole.role == Role.EMPLOYEE.value)
            .order_by(User.full_name, User.username)
        )
    )


# --- coaching: the search trail -------------------------------------------------------------


@dataclass(frozen=True)
class TrailStep:
    """One step of a learner's search: a query (with filters and hits) or an opened document."""

    at: dt.datetime
    kind: str  # "zoekopdracht" | "document" | "hint"
    query: str = ""
    filters: dict | None = None
    result_count: int | None = None
    features: tuple[str, ...] = ()
    document_title: str = ""
    seconds_since_previous: float | None = None


def search_trail(attempt: Attempt) -> list[TrailStep]:
    """The searches the learner asked for, the documents opened and the hints used, in order
    (re-renders of the same results are not steps; see academy/training/trail.py)."""
    from academy.models import DocumentOpen, QueryLog

    logs = db.session.scalars(
        select(QueryLog).where(
            QueryLog.attempt_id == attempt.id, QueryLog.kind.in_((trail.SEARCH, trail.HINT))
        )
    )
    steps = [
        TrailStep(
            at=_aware(log.created_at),
            kind="zoekopdracht",
            query=log.query,
            filters=log.filters or {},
            result_count=log.result_count,
            features=tuple(sorted(log.features)),
        )
        if log.kind == trail.SEARCH
        else TrailStep(at=_aware(log.created_at), kind="hint")
        for log in logs
    ]
    steps += [
        TrailStep(
            at=_aware(opened.created_at), kind="document", document_title=opened.document.title
        )
        for opened in db.session.scalars(
            select(DocumentOpen)
            .where(DocumentOpen.attempt_id == attempt.id)
            .options(selectinload(DocumentOpen.document))
        )
    ]
    steps.sort(key=lambda step: step.at)
    timed = []
    previous = _aware(attempt.started_at)
    for step in steps:
        gap = (step.at - previous).total_seconds() if previous else None
        timed.append(TrailStep(**{**step.__dict__, "seconds_since_previous": gap}))
        previous = step.at
    return timed


def learner_attempts(user: User) -> list[Attempt]:
    return list(
        db.session.scalars(
            select(Attempt)
            .where(Attempt.user_id == user.id)
            .options(selectinload(Attempt.exercise))
            .order_by(Attempt.started_at.desc(), Attempt.id.desc())
        )
    )
