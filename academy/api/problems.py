"""Errors as application/problem+json (RFC 9457), the only error format of the API."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Response, json, request, url_for
from werkzeug.exceptions import HTTPException

PROBLEM_MEDIA_TYPE = "application/problem+json"


@dataclass(frozen=True)
class ProblemType:
    slug: str  # the anchor on the API page that explains it
    status: int
    title: str


# Every problem the API answers with; the API page lists them under these anchors.
PROBLEM_TYPES: dict[int, ProblemType] = {
    problem.status: problem
    for problem in (
        ProblemType("ongeldige-invoer", 400, "Ongeldige invoer"),
        ProblemType("niet-geauthenticeerd", 401, "Niet geauthenticeerd"),
        ProblemType("geen-toegang", 403, "Geen toegang"),
        ProblemType("niet-gevonden", 404, "Niet gevonden"),
        ProblemType("methode-niet-toegestaan", 405, "Methode niet toegestaan"),
        ProblemType("te-groot", 413, "Verzoek te groot"),
        ProblemType("mediatype-niet-ondersteund", 415, "Mediatype niet ondersteund"),
        ProblemType("serverfout", 500, "Interne serverfout"),
    )
}
GENERIC_SLUG = "http-fout"


@dataclass(frozen=True)
class InvalidParam:
    name: str  # a query key, or a JSON path into the body such as "bewijs[0].url"
    reason: str


class ApiProblem(HTTPException):
    """Raised inside the API; the app's HTTPException handler turns it into problem+json."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        invalid_params: list[InvalidParam] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(description=detail)
        self.code = status
        self.invalid_params = invalid_params or []
        self.extra_headers = headers or {}


def invalid_input(problems: list[InvalidParam]) -> ApiProblem:
    count = len(problems)
    detail = (
        "Eén parameter is ongeldig."
        if count == 1
        else f"{count} parameters zijn ongeldig; ze staan allemaal in invalidParams."
    )
    return ApiProblem(400, detail, invalid_params=problems)


def problem_type_uri(slug: str) -> str:
    return url_for("api.documentation", _external=True, _anchor=f"probleem-{slug}")


def problem_response(
    status: int,
    detail: str,
    *,
    invalid_params: list[InvalidParam] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    problem = PROBLEM_TYPES.get(status)
    body: dict[str, object] = {
        "type": problem_type_uri(problem.slug if problem else GENERIC_SLUG),
        "title": problem.title if problem else "HTTP-fout",
        "status": status,
        "detail": detail,
        "instance": request.path,
    }
    if invalid_params:
        body["invalidParams"] = [{"name": p.name, "reason": p.reason} for p in invalid_params]
    response = Response(
        json.dumps(body, ensure_ascii=False), status=status, mimetype=PROBLEM_MEDIA_TYPE
    )
    response.headers.update(headers or {})
    return response


# Dutch details for the errors Flask and Werkzeug raise themselves (routing, body size).
DEFAULT_DETAILS = {
    400: "Het verzoek kon niet worden gelezen.",
    401: "Stuur een geldig API-token mee: Authorization: Bearer <token>.",
    403: "Je rol geeft geen toegang tot deze bron.",
    404: "Deze bron bestaat niet.",
    405: "Deze methode is hier niet toegestaan; de kopregel Allow noemt wat wel kan.",
    413: "Het verzoek is te groot.",
    415: "Stuur de inhoud als application/json.",
    500: "Er ging iets mis aan onze kant. Probeer het later opnieuw.",
}


def http_problem(error: HTTPException) -> Response:
    """problem+json for any HTTP error on an /api/ path (the app's handler calls this)."""
    status = error.code or 500
    if isinstance(error, ApiProblem):
        return problem_response(
            status,
            error.description or DEFAULT_DETAILS.get(status, ""),
            invalid_params=error.invalid_params,
            headers=error.extra_headers,
        )
    headers = {}
    valid_methods = getattr(error, "valid_methods", None)
    if valid_methods:  # a 405 says what is allowed
        headers["Allow"] = ", ".join(sorted(valid_methods))
    detail = DEFAULT_DETAILS.get(status) or (error.description or "")
    if status == 404 and request.path.endswith("/") and len(request.path) > 1:
        detail += " Paden eindigen nooit op een schuine streep: laat die weg."
    return problem_response(status, detail, headers=headers)
