"""Bearer-token authentication for the API: `Authorization: Bearer <token>`.

The API never reads the session cookie, so a signed-in browser cannot be made to call it
(and the API needs no CSRF protection). Tokens are made and revoked on /profiel.
"""

from __future__ import annotations

from flask import g, request

from academy.api.problems import ApiProblem
from academy.auth.services import token_for_api_request
from academy.models import Role, User

REALM = 'Bearer realm="Data Academie"'


def _unauthorized(detail: str, error: str | None = None) -> ApiProblem:
    challenge = REALM + (f', error="{error}"' if error else "")
    return ApiProblem(401, detail, headers={"WWW-Authenticate": challenge})


def authenticated_user() -> User:
    """The user behind the request's bearer token, or a 401 problem."""
    header = request.headers.get("Authorization", "")
    if not header:
        raise _unauthorized("Stuur een API-token mee: Authorization: Bearer <token>.")
    scheme, _sep, token = header.partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        raise _unauthorized(
            "Gebruik het schema Bearer: Authorization: Bearer <token>.", "invalid_request"
        )
    row = token_for_api_request(token)
    if row is None:
        raise _unauthorized(
            "Dit token is onbekend, verlopen of ingetrokken. "
            "Maak een nieuw token op je profielpagina.",
            "invalid_token",
        )
    g.api_token_read_only = row.read_only
    return row.user


def require_write_scope(method: str) -> None:
    """A read-only token may only read: any other method is a 403."""
    if method not in ("GET", "HEAD") and g.get("api_token_read_only"):
        raise ApiProblem(403, "Dit token mag alleen lezen.")


def require_role(user: User, roles: tuple[Role, ...]) -> None:
    """The same rule as @role_required on the web pages: admins may do everything."""
    if roles and not user.has_role(*roles):
        raise ApiProblem(403, "Je rol geeft geen toegang tot deze bron.")
