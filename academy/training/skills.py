"""The search skills: their names (through the catalogue) and a learner's skill profile.

The keys are the features `search_module` reports plus "facet" (a clicked filter). Pages,
coaching and the skill profile all name a skill with `skill_label`, never with the raw key.
The profile is read by the learner's home and the trainer's group view alike.
"""

from __future__ import annotations

from collections.abc import Iterable

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from academy.extensions import db
from academy.models import Attempt, AttemptStatus, Exercise, ExerciseKind, Module, User
from academy.training import trail
from search_module import parse_query

#: The seven skills the training teaches, in teaching order (the skill profile's rows).
SEARCH_SKILLS: tuple[str, ...] = ("phrase", "or", "not", "wildcard", "fuzzy", "field", "facet")

SKILL_LABELS = {
    "phrase": _l("exacte woordgroep"),
    "or": _l("OF"),
    "not": _l("NIET"),
    "wildcard": _l("jokerteken (*)"),
    "fuzzy": _l("fuzzy zoeken (~)"),
    "field": _l("veld (type:, jaar:, thema:, afdeling:)"),
    "facet": _l("filter"),
    "and": _l("EN"),
    "group": _l("haakjes"),
}


def skill_label(key: str) -> str:
    """The name of a skill in the user's language; an unknown key is shown as it is."""
    label = SKILL_LABELS.get(key)
    return str(label) if label is not None else key


# --- the skill profile --------------------------------------------------------------------------


def skill_profiles(user_ids: Iterable[int]) -> dict[int, dict[str, int]]:
    """Per learner and skill: how many passed attempts showed the skill in their trail.

    A skill counts only in a graded attempt that passed: trying an operator in a failed
    attempt is practice, not yet a skill. Typed fields count as "field", clicked facets as
    "facet" (see `trail.skills_of`)."""
    ids = list(set(user_ids))
    profiles = {user_id: dict.fromkeys(SEARCH_SKILLS, 0) for user_id in ids}
    if not ids:
        return profiles
    owner = dict(
        db.session.execute(
            select(Attempt.id, Attempt.user_id).where(
                Attempt.user_id.in_(ids),
                Attempt.status == AttemptStatus.GRADED.value,
                Attempt.passed.is_(True),
            )
        ).all()
    )
    shown: dict[int, set[str]] = {}
    for log in trail.attempt_searches(owner):
        if log.attempt_id is not None:  # searches of an attempt always name it
            shown.setdefault(log.attempt_id, set()).update(trail.skills_of(log))
    for attempt_id, found in shown.items():
        profile = profiles[owner[attempt_id]]
        for skill in found & set(SEARCH_SKILLS):
            profile[skill] += 1
    return profiles


def skill_profile(user: User) -> dict[str, int]:
    return skill_profiles([user.id])[user.id]


def exercise_for_skill(user: User, skill: str) -> Exercise | None:
    """A published exercise that practises the skill and the learner has not passed yet:
    a search-process exercise for it, else one whose expert search shows it."""
    passed = set(
        db.session.scalars(
            select(Attempt.exercise_id).where(Attempt.user_id == user.id, Attempt.passed.is_(True))
        )
    )
    candidates = db.session.scalars(
        select(Exercise)
        .join(Module)
        .where(Exercise.published.is_(True), Module.published.is_(True))
        .order_by(Module.position, Exercise.position, Exercise.id)
    )
    fallback = None
    for exercise in candidates:
        if exercise.id in passed:
            continue
        if exercise.kind == ExerciseKind.PROCESS.value and exercise.required_skill == skill:
            return exercise
        if fallback is None and skill in _expert_skills(exercise):
            fallback = exercise
    return fallback


def _expert_skills(exercise: Exercise) -> set[str]:
    found = set(parse_query(exercise.expert_query or "").features)
    if exercise.expert_filters:
        found.add("facet")
    return found


def suggest_next(user: User, profile: dict[str, int]) -> tuple[str, Exercise | None]:
    """The weakest skill that an exercise can practise, and that exercise."""
    order = sorted(SEARCH_SKILLS, key=lambda s: (profile.get(s, 0), SEARCH_SKILLS.index(s)))
    for skill in order:
        exercise = exercise_for_skill(user, skill)
        if exercise is not None:
            return skill, exercise
    return order[0], None


def learners_with_skill(user_ids: Iterable[int]) -> dict[str, int]:
    """Per skill, how many of these learners have it (the trainer's group view)."""
    profiles = skill_profiles(user_ids)
    return {
        skill: sum(1 for profile in profiles.values() if profile[skill] > 0)
        for skill in SEARCH_SKILLS
    }
