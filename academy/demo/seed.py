"""Load the demo data set. Idempotent: a second run adds nothing and changes nothing."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from academy.auth.services import hash_password
from academy.demo.users import DEMO_USERS
from academy.extensions import db
from academy.models import Team, User, UserRole


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


def seed_demo(password: str) -> SeedReport:
    """Create everything missing from the demo data set in one transaction."""
    report = SeedReport()
    try:
        teams = seed_teams(report)
        seed_users(password, teams, report)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return report
