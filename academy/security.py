"""HTTP security headers applied to every response, and guards against malformed URLs."""

from collections.abc import Iterable
from wsgiref.types import StartResponse, WSGIApplication, WSGIEnvironment

from flask import Response, current_app
from werkzeug.routing import IntegerConverter, Map

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


def apply_security_headers(response: Response) -> Response:
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
    hsts = current_app.config.get("HSTS_SECONDS") or 0
    if hsts > 0:  # production: browsers then refuse plain HTTP to this host for a year
        response.headers.setdefault(
            "Strict-Transport-Security", f"max-age={hsts}; includeSubDomains"
        )
    return response


#: The largest id an Integer key holds (PostgreSQL int4); larger ones cannot exist.
MAX_ID = 2**31 - 1


def percent_encode_query_string(wsgi_app: WSGIApplication) -> WSGIApplication:
    """Percent-encode raw non-ASCII bytes in the query string before Werkzeug reads it.

    Browsers always encode them, but any client can send a raw byte such as 0xFF, and
    Werkzeug decodes the raw query string as strict UTF-8 for ``request.args`` and
    ``request.full_path``: every page that reads a parameter answered 500. Encoded, valid
    UTF-8 reads as before and invalid bytes stay visible as ``%FF``, as Werkzeug does for
    an invalid ``%FF`` escape.
    """

    def app(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        query = environ.get("QUERY_STRING", "")
        if not query.isascii():  # WSGI strings carry the raw bytes as Latin-1 characters
            environ["QUERY_STRING"] = "".join(
                ch if ch.isascii() else f"%{ord(ch):02X}" for ch in query
            )
        return wsgi_app(environ, start_response)

    return app


class IdConverter(IntegerConverter):
    """``<int:...>`` that only matches numbers an Integer id column can hold.

    A longer number used to reach ``db.session.get`` and fail there with an OverflowError
    (SQLite, beyond 64 bits) or "integer out of range" (PostgreSQL int4): a 500 for
    ``/beheer/teams/18446744073709551616``. Now the URL simply does not match: a 404.
    """

    def __init__(
        self,
        map: Map,
        fixed_digits: int = 0,
        min: int | None = None,
        max: int | None = MAX_ID,
        signed: bool = False,
    ) -> None:
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)
