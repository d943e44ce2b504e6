"""User and team administration: one transaction per action."""

from __future__ import annotations

from collections.abc import Iterable

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from academy.audit.services import AuditAction, record_event
from academy.auth.services import hash_password
from academy.auth.sessions import current_session, end_sessions
from academy.errors import DomainError
from academy.extensions import db
from academy.models import Role, Team, User, UserRole


def list_users() -> list[User]:
    return list(db.session.scalars(select(User).order_by(User.username)))


def list_teams() -> list[tuple[Team, int]]:
    """Teams with their member counts."""
    rows = db.session.execute(
        select(Team, func.count(User.id))
        .outerjoin(User, User.team_id == Team.id)
        .group_by(Team.id)
        .order_by(Team.name)
    )
    return [(team, count) for team, count in rows]


def _set_roles(user: User, roles: Iterable[str]) -> None:
    wanted = {Role(role) for role in roles}
    user.role_rows[:] = [row for row in user.role_rows if Role(row.role) in wanted]
    have = {Role(row.role) for row in user.role_rows}
    for role in sorted(wanted - have):
        user.role_rows.append(UserRole(role=role.value))


def _commit(conflict_message: str) -> None:
    try:
        db.session.commit()
    except IntegrityError as error:
        db.session.rollback()
        raise DomainError(conflict_message) from error


def create_user(
    *,
    username: str,
    password: str,
    roles: Iterable[str],
    full_name: str = "",
    email: str = "",
    team_id: int | None = None,
    active: bool = True,
) -> User:
    username = username.strip().lower()
    if db.session.scalar(select(User.id).where(User.username == username)) is not None:
        raise DomainError(_("De gebruikersnaam %(name)s is al in gebruik.", name=username))
    user = User(
        username=username,
        password_hash=hash_password(password),
        full_name=full_name.strip(),
        email=email.strip(),
        team_id=team_id or None,
        active=active,
    )
    _set_roles(user, roles)
    db.session.add(user)
    try:
        db.session.flush()
    except IntegrityError as error:
        db.session.rollback()
        raise DomainError(
            _("De gebruikersnaam %(name)s is al in gebruik.", name=username)
        ) from error
    record_event(
        AuditAction.USER_CREATED,
        target=user,
        details={
            "rollen": sorted(user.roles),
            "team": user.team.name if user.team else "",
            "actief": active,
        },
    )
    _commit(_("De gebruikersnaam %(name)s is al in gebruik.", name=username))
    return user


def _end_sessions_of(user: User, acting_user: User | None) -> int:
    """End the sessions of `user` whose rights changed; an admin acting on their own
    account keeps the session they are acting in."""
    keep = current_session() if acting_user is not None and acting_user.id == user.id else None
    return end_sessions(user, keep=keep)


def update_user(
    user: User,
    *,
    acting_user: User,
    roles: Iterable[str],
    full_name: str,
    email: str,
    team_id: int | None,
    active: bool,
) -> None:
    """Change a user's profile; an admin cannot lock themselves out."""
    roles = list(roles)
    if user.id == acting_user.id and (not active or Role.ADMIN.value not in roles):
        raise DomainError(_("Je kunt je eigen beheerdersrol of account niet uitschakelen."))
    roles_before = sorted(user.roles)
    team_before = user.team.name if user.team else ""
    active_before = user.active
    user.full_name = full_name.strip()
    user.email = email.strip()
    user.team_id = team_id or None
    user.active = active
    _set_roles(user, roles)
    db.session.flush()
    db.session.expire(user, ["team"])
    roles_after = sorted(user.roles)
    team_after = user.team.name if user.team else ""
    if roles_after != roles_before:
        record_event(
            AuditAction.USER_ROLES_CHANGED,
            target=user,
            details={"van": roles_before, "naar": roles_after},
        )
    if team_after != team_before:
        record_event(
            AuditAction.USER_TEAM_CHANGED,
            target=user,
            details={"van": team_before, "naar": team_after},
        )
    if active != active_before:
        action = AuditAction.USER_ACTIVATED if active else AuditAction.USER_DEACTIVATED
        record_event(action, target=user)
    if roles_after != roles_before or not active:
        _end_sessions_of(user, acting_user)
    _commit(_("De wijziging kon niet worden opgeslagen."))


def deactivate_user(user: User, *, acting_user: User) -> None:
    if user.id == acting_user.id:
        raise DomainError(_("Je kunt je eigen account niet uitschakelen."))
    if user.active:
        record_event(AuditAction.USER_DEACTIVATED, target=user)
    user.active = False
    _end_sessions_of(user, acting_user)
    db.session.commit()


def reset_password(user: User, new_password: str, *, acting_user: User | None = None) -> None:
    """Set a password chosen by an admin; the user's other sessions end."""
    user.password_hash = hash_password(new_password)
    ended = _end_sessions_of(user, acting_user)
    record_event(AuditAction.USER_PASSWORD_RESET, target=user, details={"sessies": ended})
    db.session.commit()


def save_team(team: Team | None, *, name: str, description: str) -> Team:
    """Create a team (team=None) or rename/describe an existing one."""
    name = name.strip()
    clash = db.session.scalar(select(Team).where(func.lower(Team.name) == name.lower()))
    if clash is not None and clash is not team:
        raise DomainError(_("Er bestaat al een team met de naam %(name)s.", name=name))
    if team is None:
        team = Team(name=name, description=description.strip())
        db.session.add(team)
    else:
        team.name = name
        team.description = description.strip()
    _commit(_("Er bestaat al een team met de naam %(name)s.", name=name))
    return team


def delete_team(team: Team) -> None:
    if team.members:
        raise DomainError(
            _("Het team %(name)s heeft nog leden; verplaats hen eerst.", name=team.name)
        )
    db.session.delete(team)
    db.session.commit()
