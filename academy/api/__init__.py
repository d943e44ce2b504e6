"""JSON API v1 after the NL GOV API Design Rules, with its OpenAPI document.

One blueprint holds the API (every route under API_PREFIX, declared through
`operations.operation` so the OpenAPI document is built from the same declarations) and
its human-readable page at /api.
"""

from flask import Blueprint

from academy.extensions import csrf

API_PREFIX = "/api/v1"
API_VERSION = "1.0.0"  # the full semantic version, sent as the API-Version header

bp = Blueprint("api", __name__)
# Callers authenticate with a bearer token, never with the session cookie, so there is no
# ambient credential for a cross-site request to abuse: CSRF protection does not apply.
csrf.exempt(bp)

from academy.api import routes  # noqa: E402,F401  (registers the views on bp)
