"""The audit trail: who did what and when, and the admin's page to read it."""

from flask import Blueprint

bp = Blueprint("audit", __name__)

from academy.audit import routes  # noqa: E402,F401  (registers the views on bp)
