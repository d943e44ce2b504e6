"""Declaring an API operation registers its Flask route and its OpenAPI description at once.

`@operation(...)` is the only way routes join the API: it adds the URL rule (under
API_PREFIX, with the method it names), wraps the view in authentication, the role check and
strict parameter parsing, and records an `Operation` from which `schemas.openapi_document`
builds the paths. So the document cannot list a route the app lacks, or the other way round.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from typing import Any

from flask import Response, g, json, request

from academy.api import API_PREFIX, bp
from academy.api.auth import authenticated_user, require_role, require_write_scope
from academy.api.params import Param, PathParam, flask_path, parse_query
from academy.api.problems import ApiProblem, InvalidParam, invalid_input
from academy.models import Role, User

JSON_MEDIA_TYPE = "application/json"


@dataclass(frozen=True)
class Call:
    """What a view gets besides its path values: the caller and the parsed input."""

    user: User | None
    query: dict[str, Any]
    body: Any = None

    @property
    def signed_in_user(self) -> User:
        """The caller; a public operation without a token answers 401 here."""
        return self.user if self.user is not None else authenticated_user()


@dataclass(frozen=True)
class Operation:
    path: str  # OpenAPI path below API_PREFIX, e.g. "/themas/{code}"
    method: str
    endpoint: str
    summary: str
    description: str
    tag: str
    response: str | None  # component schema of the success body (None: free-form object)
    status: int
    params: tuple[Param, ...]
    path_params: tuple[PathParam, ...]
    request_body: str | None
    roles: tuple[Role, ...]
    public: bool
    response_headers: tuple[str, ...] = field(default=())  # extra component headers


OPERATIONS: list[Operation] = []


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    response = Response(
        json.dumps(data, ensure_ascii=False), status=status, mimetype="application/json"
    )
    response.headers.update(headers or {})
    return response


def _read_json_body() -> Any:
    if request.mimetype != JSON_MEDIA_TYPE:
        raise ApiProblem(415, "Stuur de inhoud als application/json.")
    body = request.get_json(silent=True)
    if body is None:
        raise invalid_input([InvalidParam("body", "Geen geldige JSON.")])
    return body


def operation(
    path: str,
    method: str = "GET",
    *,
    summary: str,
    tag: str,
    response: str | None,
    description: str = "",
    status: int = 200,
    params: tuple[Param, ...] = (),
    path_params: tuple[PathParam, ...] = (),
    request_body: str | None = None,
    roles: tuple[Role, ...] = (),
    public: bool = False,
    response_headers: tuple[str, ...] = (),
) -> Callable[[Callable[..., Response]], Callable[..., Response]]:
    """Register `view` as `method path` (see the module docstring)."""
    by_name = {p.name: p for p in path_params}

    def decorator(view: Callable[..., Response]) -> Callable[..., Response]:
        @wraps(view)
        def wrapped(**path_values: Any) -> Response:
            # The API speaks Dutch, whatever language a browser session next to it chose
            # (select_locale reads g.locale first; services' messages come through gettext).
            g.locale = "nl"
            user = None if public else authenticated_user()
            if user is not None:
                require_role(user, roles)
                require_write_scope(method)
            for name, value in path_values.items():
                if not by_name[name].plausible(value):
                    raise ApiProblem(404, "Deze bron bestaat niet.")
            query, problems = parse_query(params, request.args)
            body = None
            if request_body is not None:
                body = _read_json_body()
            if problems:
                raise invalid_input(problems)
            return view(Call(user=user, query=query, body=body), **path_values)

        bp.add_url_rule(
            API_PREFIX + flask_path(path, by_name),
            view.__name__,
            wrapped,
            methods=[method],
            strict_slashes=True,
        )
        OPERATIONS.append(
            Operation(
                path=path,
                method=method.lower(),
                endpoint=f"{bp.name}.{view.__name__}",
                summary=summary,
                description=description or (view.__doc__ or "").strip(),
                tag=tag,
                response=response,
                status=status,
                params=params,
                path_params=path_params,
                request_body=request_body,
                roles=roles,
                public=public,
                response_headers=response_headers,
            )
        )
        return wrapped

    return decorator
