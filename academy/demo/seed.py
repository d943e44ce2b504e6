"""Load the demo data set. Idempotent: a second run adds nothing and changes nothing."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from dataclasses import dataclass, field

from sqlalchemy import insert, select

from academy.auth.services import hash_password
from academy.demo.users import DEMO_USERS
from academy.documents.feed import record_changes
from academy.extensions import db
from academy.models import (
    Analysis,
    Assessment,
    AssessmentLevel,
    Document,
    Exercise,
    KeyQuestion,
    Lesson,
    LevelCriterion,
    LevelStatus,
    Module,
    Target,
    Team,
    Theme,
    User,
    UserRole,
)
from academy.training.packages import exercise_from_seed


@dataclass
class SeedReport:
    created: dict[str, int] = field(default_factory=dict)

    def add(self, what: str, count: int = 1) -> None:
        self.created[what] = self.created.get(what, 0) + count


def demo_team_seeds() -> list[tuple[str, str]]:
    """(name, description) of every demo team: theme owners plus the demo users' teams."""
    from academy.demo.themes import TEAMS

    seeds = [(team.name, team.description) for team in TEAMS]
    names = {name for name, _d in seeds}
    seeds += [(user.team, "") for user in DEMO_USERS if user.team not in names]
    return seeds


def seed_teams(report: SeedReport) -> dict[str, Team]:
    teams = {team.name: team for team in db.session.scalars(select(Team))}
    for name, description in demo_team_seeds():
        if name not in teams:
            teams[name] = Team(name=name, description=description)
            db.session.add(teams[name])
            report.add("teams")
    return teams


def seed_users(password: str, teams: dict[str, Team], report: SeedReport) -> None:
    existing = set(db.session.scalars(select(User.username)))
    for demo in DEMO_USERS:
        if demo.username in existing:
            continue
        user = User(
            username=demo.username,
            full_name=demo.full_name,
            password_hash=hash_password(password),
            team=teams[demo.team],
        )
        user.role_rows = [UserRole(role=role.value) for role in demo.roles]
        db.session.add(user)
        report.add("users")


def seed_themes(teams: dict[str, Team], report: SeedReport) -> dict[str, Theme]:
    from academy.demo.themes import THEMES

    themes = {theme.code: theme for theme in db.session.scalars(select(Theme))}
    for seed in THEMES:
        if seed.code not in themes:
            themes[seed.code] = Theme(
                code=seed.code,
                name=seed.name,
                domain=seed.domain,
                description=seed.description,
                owner_team=teams.get(seed.team),
            )
            db.session.add(themes[seed.code])
            report.add("themes")
    return themes


def seed_maturity_history(themes: dict[str, Theme], report: SeedReport, today: dt.date) -> None:
    """Assessments, targets and analyses for demo themes that have none yet."""
    from academy.demo import maturity as plan

    assessor = db.session.scalar(select(User).where(User.username == "programmamanager"))
    criteria: dict[int, list[LevelCriterion]] = {}
    for criterion in db.session.scalars(select(LevelCriterion).where(LevelCriterion.active)):
        criteria.setdefault(criterion.level_number, []).append(criterion)
    assessed = set(db.session.scalars(select(Assessment.theme_id).distinct()))
    for code, theme in sorted(themes.items()):
        if theme.id is not None and theme.id in assessed:
            continue
        rng = random.Random(f"maturity-{code}")
        for step in plan.plan_history(code, today, rng):
            met = [
                criterion
                for number, status in step.statuses.items()
                for index, criterion in enumerate(criteria.get(number, []))
                if status == LevelStatus.IN_ORDER
                or (status == LevelStatus.IN_PROGRESS and index % 2 == 0)
            ]
            db.session.add(
                Assessment(
                    theme=theme,
                    assessor=assessor,
                    assessed_on=step.assessed_on,
                    note=step.note,
                    level_statuses=[
                        AssessmentLevel(level_number=n, status=status.value)
                        for n, status in step.statuses.items()
                    ],
                    criteria_met=met,
                )
            )
            report.add("assessments")
        level, target_date = plan.plan_target(code, today, rng)
        db.session.add(
            Target(
                theme=theme,
                level_number=level,
                target_date=target_date,
                set_by_id=assessor.id if assessor else None,
            )
        )
        report.add("targets")
        final = plan.FINAL_LEVELS.get(code, 1)
        for name, level_number, status, sources in plan.plan_analyses(theme.name, final, rng):
            db.session.add(
                Analysis(
                    theme=theme,
                    name=name,
                    level_number=level_number,
                    status=status,
                    data_sources=sources,
                )
            )
            report.add("analyses")


def seed_documents(themes: dict[str, Theme], report: SeedReport) -> None:
    """The practice corpus: hand-written core documents plus generated ones (by key)."""
    from academy.demo.corpus import generate_corpus

    existing = set(db.session.scalars(select(Document.key).where(Document.origin == "demo")))
    rows = []
    for item in generate_corpus():
        if item.key in existing:
            continue
        theme = themes.get(item.theme)
        rows.append(
            {
                "key": item.key,
                "title": item.title,
                "summary": item.summary,
                "body": item.body,
                "doctype": item.doctype,
                "theme_id": theme.id if theme is not None else None,
                "year": item.year,
                "published": item.published,
                "department": item.department,
                "author": item.author,
                "source": item.source,
                "content_hash": hashlib.sha256(item.body.encode()).hexdigest(),
                "origin": "demo",
            }
        )
    if rows:
        db.session.execute(insert(Document), rows)
        # A bulk insert bypasses the ORM hook: feed entries for the new rows by key.
        record_changes(select(Document.id).where(Document.key.in_([r["key"] for r in rows])))
        report.add("documents", len(rows))


def seed_curriculum(report: SeedReport) -> None:
    """The seeded modules, lessons and exercises (published), keyed by slug."""
    from academy.demo.curriculum import MODULES

    existing = set(db.session.scalars(select(Module.slug)))
    exercise_slugs = set(db.session.scalars(select(Exercise.slug)))
    keys = {
        key: document_id
        for key, document_id in db.session.execute(select(Document.key, Document.id))
    }
    position = len(existing)
    for seed in MODULES:
        if seed.slug in existing:
            continue
        module = Module(
            slug=seed.slug,
            title=seed.title,
            summary=seed.summary,
            goals="\n".join(seed.goals),
            minutes=seed.minutes,
            position=position,
            published=True,
        )
        position += 1
        module.lessons = [
            Lesson(slug=lesson.slug, title=lesson.title, body=lesson.body, position=index)
            for index, lesson in enumerate(seed.lessons)
        ]
        for index, item in enumerate(seed.exercises):
            if item.slug in exercise_slugs:
                continue
            exercise = exercise_from_seed(item, item.slug, index)
            exercise.key_documents = [
                document
                for key in item.key_documents
                if key in keys and (document := db.session.get(Document, keys[key])) is not None
            ]
            module.exercises.append(exercise)
            report.add("exercises")
        db.session.add(module)
        report.add("modules")


def seed_key_questions(themes: dict[str, Theme], report: SeedReport) -> None:
    """Key questions per theme (findability), by theme and question text."""
    from academy.demo.findability import load_key_questions

    existing = set(db.session.execute(select(KeyQuestion.theme_id, KeyQuestion.question)))
    keys = {key: doc_id for key, doc_id in db.session.execute(select(Document.key, Document.id))}
    for seed in load_key_questions():
        theme = themes.get(seed.theme)
        if theme is None or (theme.id, seed.question) in existing:
            continue
        question = KeyQuestion(
            theme_id=theme.id, question=seed.question, queries=list(seed.queries)
        )
        question.documents = [
            document
            for key in seed.documents
            if key in keys and (document := db.session.get(Document, keys[key])) is not None
        ]
        db.session.add(question)
        report.add("key questions")


#: The demo's level-0 criterion met by measurement: findability at least this (percent).
DEMO_FINDABILITY_THRESHOLD = 80


def seed_findability_threshold(report: SeedReport) -> None:
    """Let the first level-0 criterion ("... vindbaar in de zoekomgeving") be met by
    measurement, unless some level-0 criterion already has a threshold."""
    criteria = list(
        db.session.scalars(
            select(LevelCriterion)
            .where(LevelCriterion.level_number == 0, LevelCriterion.active.is_(True))
            .order_by(LevelCriterion.position, LevelCriterion.id)
        )
    )
    if criteria and all(c.findability_threshold is None for c in criteria):
        criteria[0].findability_threshold = DEMO_FINDABILITY_THRESHOLD
        report.add("measured criteria")


def seed_demo(password: str, today: dt.date | None = None) -> SeedReport:
    """Create everything missing from the demo data set in one transaction."""
    from academy.maturity.services import ensure_ladder

    report = SeedReport()
    try:
        ensure_ladder()
        teams = seed_teams(report)
        seed_users(password, teams, report)
        db.session.flush()
        themes = seed_themes(teams, report)
        db.session.flush()
        seed_maturity_history(themes, report, today or dt.date.today())
        seed_documents(themes, report)
        db.session.flush()
        seed_curriculum(report)
        db.session.flush()
        seed_key_questions(themes, report)
        seed_findability_threshold(report)
        db.session.flush()
        from academy.demo.learning import seed_colleagues, seed_learning

        seed_colleagues(hash_password(password), teams, report)
        db.session.flush()
        trainer = db.session.scalar(select(User).where(User.username == "trainer"))
        seed_learning(trainer, today or dt.date.today(), report)
        from academy.demo.gaps import seed_search_gaps

        seed_search_gaps(today or dt.date.today(), report)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return report
