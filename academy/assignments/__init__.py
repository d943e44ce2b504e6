"""Assignments: trainers give work to people and teams; learners see "Mijn opdrachten"."""

from flask import Blueprint

bp = Blueprint("assignments", __name__, url_prefix="/opdrachten")

from academy.assignments import routes  # noqa: E402,F401
