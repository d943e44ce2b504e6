"""What a learner sees at "/": where they stand and what to do next."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from academy.assignments import services as assignments
from academy.extensions import db
from academy.models import Attempt, AttemptStatus, Exercise, User
from academy.training import progress, services, skills

RECENT_DAYS = 30


@dataclass(frozen=True)
class LearnerHome:
    open_attempt: Attempt | None  # the exercise to go back to
    module: progress.ModuleProgress | None  # the module in progress (started, not complete)
    assignments: list[assignments.MyAssignment]  # not done yet, soonest first
    recently_scored: list[Attempt]  # open answers a trainer scored lately
    profile: dict[str, int]  # skill -> passed attempts that showed it
    weakest: str
    suggestion: Exercise | None


def learner_home(user: User, today: dt.date | None = None) -> LearnerHome:
    today = today or dt.date.today()
    open_attempt = db.session.scalar(
        select(Attempt)
        .where(Attempt.user_id == user.id, Attempt.status == AttemptStatus.OPEN.value)
        .options(selectinload(Attempt.exercise))
        .order_by(Attempt.started_at.desc(), Attempt.id.desc())
        .limit(1)
    )
    modules = services.list_modules()
    found = progress.modules_progress([user], modules)
    in_progress = [
        found[(user.id, m.id)]
        for m in modules
        if found[(user.id, m.id)].percent > 0 and not found[(user.id, m.id)].completed
    ]
    waiting = {assignments.Status.OPEN, assignments.Status.STARTED, assignments.Status.OVERDUE}
    since = dt.datetime.now(dt.UTC) - dt.timedelta(days=RECENT_DAYS)
    scored = list(
        db.session.scalars(
            select(Attempt)
            .where(
                Attempt.user_id == user.id,
                Attempt.scored_by_id.is_not(None),
                Attempt.scored_at >= since,
            )
            .options(selectinload(Attempt.exercise))
            .order_by(Attempt.scored_at.desc())
            .limit(5)
        )
    )
    profile = skills.skill_profile(user)
    weakest, suggestion = skills.suggest_next(user, profile)
    return LearnerHome(
        open_attempt=open_attempt,
        module=in_progress[0] if in_progress else None,
        assignments=[
            item for item in assignments.my_assignments(user, today) if item.cell.status in waiting
        ],
        recently_scored=scored,
        profile=profile,
        weakest=weakest,
        suggestion=suggestion,
    )
