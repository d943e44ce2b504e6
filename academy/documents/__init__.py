"""The organisation's documents: import runs, the change feed, document management (admin)."""

from flask import Blueprint

bp = Blueprint("documents", __name__, url_prefix="/beheer/documenten")

from academy.documents import routes  # noqa: E402,F401
