"""Findability per theme: key questions, the findability scan and its history."""

from flask import Blueprint

bp = Blueprint("findability", __name__, url_prefix="/themas")

from academy.findability import routes  # noqa: E402,F401
