"""Demo colleagues, their learning progress and assignments in various states, so the
trainer's overview tells a story on first start. Deterministic for a given date."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from academy.extensions import db
from academy.models import (
    Assignment,
    AssignmentTarget,
    Attempt,
    Exercise,
    ExerciseKind,
    Lesson,
    LessonRead,
    Module,
    QueryLog,
    Role,
    Team,
    User,
    UserRole,
)
from academy.training.grading import GradeResult
from search_module import parse_query

if TYPE_CHECKING:  # the seed command imports this module
    from academy.demo.seed import SeedReport

# Modules whose completion counts as "trained in finding" next to a theme's maturity.
CORE_MODULE_SLUGS = (
    "waarom-vinden-eerst-komt",
    "van-vraag-naar-zoektermen",
    "en-of-niet-en-exacte-zinnen",
)


@dataclass(frozen=True)
class Colleague:
    username: str
    full_name: str
    team: str
    diligence: float  # 0..1: how far this person gets in the demo


COLLEAGUES: tuple[Colleague, ...] = (
    Colleague("s.bakker", "Sanne Bakker", "Team Jeugd en Onderwijs", 0.95),
    Colleague("d.yilmaz", "Deniz Yılmaz", "Team Jeugd en Onderwijs", 0.6),
    Colleague("l.jansen", "Lotte Jansen", "Team Jeugd en Onderwijs", 0.2),
    Colleague("m.elamrani", "Mohamed El Amrani", "Team Werk en Inkomen", 0.9),
    Colleague("e.devries", "Eva de Vries", "Team Werk en Inkomen", 0.4),
    Colleague("r.visser", "Ruben Visser", "Team Werk en Inkomen", 0.0),
    Colleague("a.smit", "Anna Smit", "Team Wonen", 0.8),
    Colleague("k.mulder", "Kees Mulder", "Team Wonen", 0.5),
    Colleague("f.degroot", "Fatima de Groot", "Team Zorg en Welzijn", 0.7),
    Colleague("t.bos", "Thomas Bos", "Team Zorg en Welzijn", 0.1),
    Colleague("i.kaya", "Isa Kaya", "Team Veiligheid", 0.85),
    Colleague("j.vandijk", "Jeroen van Dijk", "Team Veiligheid", 0.3),
    Colleague("n.hendriks", "Noor Hendriks", "Team Data en Onderzoek", 1.0),
    Colleague("p.dekker", "Pim Dekker", "Team Openbare Ruimte", 0.45),
)


def seed_colleagues(password_hash: str, teams: dict[str, Team], report: SeedReport) -> None:
    existing = set(db.session.scalars(select(User.username)))
    for colleague in COLLEAGUES:
        if colleague.username in existing:
            continue
        user = User(
            username=colleague.username,
            full_name=colleague.full_name,
            password_hash=password_hash,
            team=teams.get(colleague.team),
        )
        user.role_rows = [UserRole(role=Role.EMPLOYEE.value)]
        db.session.add(user)
        report.add("users")


def mark_core_modules() -> None:
    for module in db.session.scalars(select(Module).where(Module.slug.in_(CORE_MODULE_SLUGS))):
        module.core = True


def _progress_for(
    user: User,
    modules: list[Module],
    diligence: float,
    rng: random.Random,
    now: dt.datetime,
    report: SeedReport,
) -> None:
    """Lessons read and attempts made, in module order, as far as `diligence` reaches."""
    steps = [(m, "lesson", x) for m in modules for x in m.lessons] + [
        (m, "exercise", x) for m in modules for x in m.exercises
    ]
    steps.sort(key=lambda s: (s[0].position, s[1] == "exercise"))
    reach = int(len(steps) * diligence)
    moment = now - dt.timedelta(days=40)
    for _module, _kind, item in steps[:reach]:
        moment += dt.timedelta(hours=rng.randint(2, 30))
        if isinstance(item, Lesson):
            db.session.add(LessonRead(user_id=user.id, lesson_id=item.id, read_at=moment))
            report.add("lesson reads")
            continue
        if item.kind == ExerciseKind.OPEN.value:
            attempt = Attempt(
                exercise_id=item.id,
                user_id=user.id,
                status="submitted",
                answer_text="Ik heb de monitor en het onderzoek uit 2019 gebruikt; "
                "die zijn actueel en door de gemeente zelf gemaakt.",
                started_at=moment,
                submitted_at=moment + dt.timedelta(minutes=9),
            )
        else:
            passed = rng.random() < 0.85
            score = 1.0 if passed else round(rng.uniform(0.2, 0.7), 2)
            attempt = Attempt(
                exercise_id=item.id,
                user_id=user.id,
                status="graded",
                score=score,
                passed=passed,
                hints_used=rng.choice((0, 0, 1)),
                started_at=moment,
                submitted_at=moment + dt.timedelta(minutes=6),
                scored_at=moment + dt.timedelta(minutes=6),
                feedback=GradeResult(score, passed).to_json(),
            )
        db.session.add(attempt)
        db.session.flush()
        good = attempt.passed is not False
        for index, (query, filters, count) in enumerate(_demo_trail(item, good, rng)):
            db.session.add(
                QueryLog(
                    user_id=user.id,
                    query=query,
                    filters=filters,
                    result_count=count,
                    elapsed_ms=12.0,
                    features=parse_query(query).features,
                    attempt_id=attempt.id,
                    created_at=moment + dt.timedelta(minutes=index + 1),
                )
            )
        report.add("attempts")


def _first_word(query: str) -> str:
    """The first plain word of a query: what a beginner types."""
    for word in query.replace('"', " ").replace("(", " ").replace(")", " ").split():
        if ":" not in word and word not in ("OF", "OR", "EN", "AND", "NIET", "NOT"):
            return word.rstrip("*~")
    return "zoeken"


def _demo_trail(
    item: Exercise, good: bool, rng: random.Random
) -> list[tuple[str, dict[str, list[str]], int]]:
    """A search trail for a demo attempt. A passed attempt searches like the expert after a
    first try; a failed one shows what the coaching points at: one loose word, the same
    search again, and a misspelling with no results that was not followed up."""
    expert = item.expert_query or ""
    filters = {key: list(values) for key, values in (item.expert_filters or {}).items()}
    word = _first_word(expert) if expert else "armoede"
    if good:
        if item.kind == ExerciseKind.PROCESS.value and item.required_skill:
            expert = expert or _SKILL_EXAMPLES.get(item.required_skill, word)
            if item.required_skill == "facet":
                filters = filters or {"type": ["onderzoek"]}
        trail: list[tuple[str, dict[str, list[str]], int]] = [(word, {}, rng.randint(20, 300))]
        if expert or filters:
            trail.append((expert, filters, rng.randint(1, 15)))
        return trail
    return [
        (word, {}, rng.randint(40, 300)),
        (f"{word} {word[:4]}", {}, rng.randint(20, 120)),
        (word, {}, rng.randint(40, 300)),
        (word + "cijferz", {}, 0),
    ]


_SKILL_EXAMPLES = {
    "phrase": '"vroegtijdig schoolverlaten"',
    "or": "schooluitval OF thuiszitters",
    "not": "jeugdzorg NIET kosten",
    "wildcard": "jeugd*",
    "fuzzy": "armoed~",
    "field": "type:onderzoek schoolverlaten",
    "facet": "schoolverlaten",
}


def seed_learning(trainer: User | None, today: dt.date, report: SeedReport) -> None:
    """Progress for the demo colleagues and assignments in every state."""
    if db.session.scalar(select(Assignment.id).limit(1)) is not None:
        return  # already seeded (or real assignments exist): leave them alone
    mark_core_modules()
    modules = list(db.session.scalars(select(Module).order_by(Module.position)))
    if len(modules) < 4:
        return
    users = {u.username: u for u in db.session.scalars(select(User))}
    teams = {t.name: t for t in db.session.scalars(select(Team))}
    now = dt.datetime.combine(today, dt.time(9, 0), tzinfo=dt.UTC)
    for colleague in COLLEAGUES:
        user = users.get(colleague.username)
        if user is not None:
            rng = random.Random(f"learning-{colleague.username}")
            _progress_for(user, modules[:4], colleague.diligence, rng, now, report)
    plan = [
        (
            modules[0],
            None,
            ["Team Jeugd en Onderwijs"],
            [],
            14,
            "Start hier: waarom vinden eerst komt.",
        ),
        (modules[1], None, ["Team Werk en Inkomen", "Team Wonen"], [], -10, ""),
        (modules[2], None, ["Team Veiligheid", "Team Data en Onderzoek"], [], 30, ""),
        (
            None,
            modules[3].exercises[0] if modules[3].exercises else None,
            [],
            ["f.degroot", "t.bos", "medewerker"],
            0,
            "Even oefenen met jokertekens, graag vandaag.",
        ),
        (modules[0], None, ["Team Zorg en Welzijn", "Team Openbare Ruimte"], [], -3, ""),
    ]
    for module, exercise, team_names, usernames, days, message in plan:
        if module is None and exercise is None:
            continue
        assignment = Assignment(
            module_id=module.id if module else None,
            exercise_id=exercise.id if exercise else None,
            due_date=today + dt.timedelta(days=days),
            message=message,
            created_by_id=trainer.id if trainer else None,
            created_at=now - dt.timedelta(days=45),
        )
        assignment.targets = [
            AssignmentTarget(team_id=teams[name].id) for name in team_names if name in teams
        ] + [AssignmentTarget(user_id=users[name].id) for name in usernames if name in users]
        db.session.add(assignment)
        report.add("assignments")
