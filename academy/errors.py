"""Error pages and the domain error that services raise for a user's mistake."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from flask import Flask, make_response, render_template, request
from flask.typing import ResponseReturnValue
from werkzeug.exceptions import HTTPException, InternalServerError

from academy.extensions import db

log = logging.getLogger(__name__)


class DomainError(Exception):
    """A rule the user broke; its message is safe and meant to be shown (in Dutch)."""


class ValidationFailed(DomainError):
    """Several rules broken at once; `messages` lists every one, in Dutch."""

    def __init__(self, messages: Iterable[str]) -> None:
        messages = list(messages)
        super().__init__(" ".join(messages))
        self.messages = list(messages)


ERROR_PAGES = {400, 403, 404, 405, 413, 500}


def register_error_handlers(app: Flask) -> None:
    """Render friendly Dutch pages for HTTP errors; roll back and log unexpected ones."""

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> ResponseReturnValue:
        if request.path.startswith("/api/"):  # unknown API paths and 405s included
            from academy.api.problems import http_problem  # (lazy: the API imports services)

            return http_problem(error)
        code = error.code or 500
        template = f"errors/{code}.html" if code in ERROR_PAGES else "errors/generic.html"
        response = make_response(render_template(template, error=error), code)
        valid_methods = getattr(error, "valid_methods", None)
        if valid_methods:  # a 405 must say what is allowed
            response.headers["Allow"] = ", ".join(valid_methods)
        return response

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception) -> ResponseReturnValue:
        db.session.rollback()
        log.exception("Unhandled error on %s %s", request.method, request.path)
        if request.path.startswith("/api/"):
            from academy.api.problems import http_problem

            return http_problem(InternalServerError())
        return render_template("errors/500.html"), 500
