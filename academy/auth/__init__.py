"""Signing in and out, changing one's password, and role checks for routes."""

from flask import Blueprint

bp = Blueprint("auth", __name__)

from academy.auth import routes  # noqa: E402,F401  (registers the views on bp)
