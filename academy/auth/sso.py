"""Single sign-on with OpenID Connect (Authlib's Flask client).

Configured by environment (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_SCOPES);
off while OIDC_ISSUER is empty. Authlib discovers the endpoints from the issuer, keeps
state and nonce in the session and checks the ID token's signature, issuer, audience,
expiry and nonce. A user is found by the subject the provider gave before, else by
username (the provider's preferred_username) and linked, else created. Roles and team follow
the groups claim on every sign-in when the group mappings are configured.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Literal

from authlib.integrations.flask_client import FlaskOAuth2App, OAuth
from flask import Flask, current_app
from sqlalchemy import func, select

from academy.audit.services import AuditAction, record_event
from academy.auth.sessions import end_sessions
from academy.extensions import db
from academy.models import Role, Team, User, UserRole

log = logging.getLogger(__name__)

CLIENT_NAME = "gemeente"
_REGISTRY = "academy.sso"
UNUSABLE_PASSWORD = "!sso"  # no hash: werkzeug's check fails on it, whatever is typed
USERNAME_CHARACTERS = re.compile(r"[^a-z0-9._@-]")


def init_sso(app: Flask) -> None:
    """Register the provider when OIDC_ISSUER is set (discovery happens on first use).

    One Authlib registry per app, not a module-level one: a registered client caches its
    provider's metadata, so a second app (another test, another provider) would otherwise
    send its users to the first app's provider.
    """
    oauth = OAuth(app)
    app.extensions[_REGISTRY] = oauth
    issuer = app.config.get("OIDC_ISSUER", "").rstrip("/")
    if not issuer:
        return
    oauth.register(
        CLIENT_NAME,
        client_id=app.config["OIDC_CLIENT_ID"],
        client_secret=app.config["OIDC_CLIENT_SECRET"],
        server_metadata_url=f"{issuer}/.well-known/openid-configuration",
        client_kwargs={"scope": app.config["OIDC_SCOPES"]},
        overwrite=True,
    )


def enabled() -> bool:
    return bool(current_app.config.get("OIDC_ISSUER"))


def client() -> FlaskOAuth2App:
    return current_app.extensions[_REGISTRY].create_client(CLIENT_NAME)


def _mapping(text: str) -> dict[str, str]:
    """ "group=value,group=value" as a dict (spaces around the parts are ignored)."""
    result = {}
    for part in text.split(","):
        group, sep, value = part.partition("=")
        if sep and group.strip() and value.strip():
            result[group.strip()] = value.strip()
    return result


@dataclass(frozen=True)
class SsoIdentity:
    subject: str
    username: str
    full_name: str
    email: str
    groups: tuple[str, ...]


def identity_from_claims(claims: dict) -> SsoIdentity | None:
    """The fields we use from the ID token (and userinfo) claims; None without a subject."""
    subject = str(claims.get("sub") or "")[:255]
    if not subject:
        return None
    raw = str(claims.get("preferred_username") or claims.get("email") or subject)
    username = USERNAME_CHARACTERS.sub("", raw.strip().lower())[:64] or None
    groups = claims.get(current_app.config["OIDC_GROUPS_CLAIM"]) or []
    if isinstance(groups, str):
        groups = [groups]
    return SsoIdentity(
        subject=subject,
        username=username or "",
        full_name=str(claims.get("name") or "")[:120],
        email=str(claims.get("email") or "")[:254],
        groups=tuple(str(group) for group in groups if isinstance(group, (str, int))),
    )


def _roles_for(groups: tuple[str, ...]) -> set[Role] | None:
    mapping = _mapping(current_app.config["OIDC_ROLE_GROUPS"])
    if not mapping:
        return None  # not configured: roles are managed in the app
    roles = set()
    for group in groups:
        value = mapping.get(group)
        if value in {role.value for role in Role}:
            roles.add(Role(value))
    return roles or {Role.EMPLOYEE}


def _team_for(groups: tuple[str, ...]) -> Team | None | Literal[False]:
    """The team the groups name (made when missing); False when no mapping is configured."""
    mapping = _mapping(current_app.config["OIDC_TEAM_GROUPS"])
    if not mapping:
        return False
    for group in groups:
        name = mapping.get(group)
        if name:
            team = db.session.scalar(select(Team).where(func.lower(Team.name) == name.lower()))
            if team is None:
                team = Team(name=name[:120], description="")
                db.session.add(team)
            return team
    return None


def user_for_identity(identity: SsoIdentity) -> User | None:
    """Find, link or create the user for `identity`, and apply roles and team from its
    groups; the caller commits. None when the account exists but is deactivated."""
    user = db.session.scalar(select(User).where(User.oidc_subject == identity.subject))
    if user is None and identity.username:
        user = db.session.scalar(
            select(User).where(User.username == identity.username, User.oidc_subject.is_(None))
        )
        if user is not None:
            user.oidc_subject = identity.subject
    if user is None:
        username = identity.username or identity.subject.lower()[:64]
        if db.session.scalar(select(User.id).where(User.username == username)) is not None:
            return None  # the name is taken by an account linked to another subject
        user = User(
            username=username,
            full_name=identity.full_name,
            email=identity.email,
            password_hash=UNUSABLE_PASSWORD,
            oidc_subject=identity.subject,
        )
        user.role_rows = [UserRole(role=Role.EMPLOYEE.value)]
        db.session.add(user)
        db.session.flush()
        record_event(AuditAction.USER_CREATED, actor=None, target=user, details={"bron": "sso"})
    if not user.active:
        return None
    if identity.full_name:
        user.full_name = identity.full_name
    if identity.email:
        user.email = identity.email
    _apply_groups(user, identity.groups)
    return user


def _apply_groups(user: User, groups: tuple[str, ...]) -> None:
    roles = _roles_for(groups)
    if roles is not None and roles != user.roles:
        before = sorted(user.roles)
        user.role_rows[:] = [row for row in user.role_rows if Role(row.role) in roles]
        have = {Role(row.role) for row in user.role_rows}
        for role in sorted(roles - have):
            user.role_rows.append(UserRole(role=role.value))
        end_sessions(user)  # a role change ends the sessions the old roles were used in
        record_event(
            AuditAction.USER_ROLES_CHANGED,
            actor=None,
            target=user,
            details={"van": before, "naar": sorted(roles), "bron": "sso"},
        )
    team = _team_for(groups)
    if team is not False and team is not user.team:
        before_name = user.team.name if user.team else ""
        user.team = team
        record_event(
            AuditAction.USER_TEAM_CHANGED,
            actor=None,
            target=user,
            details={"van": before_name, "naar": team.name if team else "", "bron": "sso"},
        )
