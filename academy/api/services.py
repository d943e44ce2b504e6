"""Glue between the API and the feature services: reading what the web pages do not need.

Everything here reads through models or the feature services; the API adds no rules of
its own (an assessment is still recorded by `maturity.services.record_assessment`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from academy.api.problems import InvalidParam
from academy.extensions import db
from academy.maturity import services as maturity
from academy.models import (
    LEVEL_NUMBERS,
    Analysis,
    Assessment,
    Document,
    Exercise,
    LevelCriterion,
    LevelStatus,
    Module,
    Team,
    Theme,
    User,
)
from academy.security import MAX_ID
from academy.training import progress
from academy.training import services as training

# --- paging -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    items: Sequence[Any]
    total: int
    page: int
    page_size: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))


def page_of(rows: Sequence[Any], page: int, page_size: int) -> Page:
    """Slice an already ordered list (the collections here are small: tens of rows)."""
    start = (page - 1) * page_size
    return Page(rows[start : start + page_size], len(rows), page, page_size)


# --- themes -----------------------------------------------------------------------------------


def theme_list(
    *, domain: str | None, level: int | None, behind: bool | None, include_archived: bool
) -> list[maturity.ThemeSummary]:
    """Themes ordered by name, then code (names need not be unique): a stable order."""
    rows = [
        s
        for s in maturity.theme_summaries(include_archived=include_archived)
        if (domain is None or s.domain == domain)
        and (level is None or s.current_level == level)
        and (behind is None or s.behind_target == behind)
    ]
    return sorted(rows, key=lambda s: (s.name.lower(), s.code))


def theme_assessments(theme: Theme) -> list[tuple[Assessment, int]]:
    """The theme's assessments, newest first, each with its level: the theme page's query."""
    return maturity.assessment_history(theme)


def theme_analyses(theme: Theme) -> list[Analysis]:
    return list(
        db.session.scalars(
            select(Analysis)
            .where(Analysis.theme_id == theme.id)
            .order_by(Analysis.name, Analysis.id)
        )
    )


# --- a new assessment -------------------------------------------------------------------------

STATUS_VALUES = tuple(status.value for status in LevelStatus)
NEW_ASSESSMENT_FIELDS = ("beoordeeldOp", "statussen", "criteriaVoldaan", "bewijs", "toelichting")
MAX_CRITERIA = 200
MAX_EVIDENCE = 50
MAX_NOTE = 5000
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass(frozen=True)
class NewAssessment:
    assessed_on: dt.date
    statuses: dict[int, LevelStatus]
    criteria_met: list[int]
    evidence_text: str
    note: str


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _read_date(value: Any, problems: list[InvalidParam]) -> dt.date | None:
    if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
        problems.append(InvalidParam("beoordeeldOp", "Geef een datum als JJJJ-MM-DD."))
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        problems.append(InvalidParam("beoordeeldOp", "Deze datum bestaat niet."))
        return None


def _read_statuses(value: Any, problems: list[InvalidParam]) -> dict[int, LevelStatus] | None:
    if not isinstance(value, dict):
        problems.append(
            InvalidParam("statussen", "Geef een object met een status voor niveau 0 tot en met 4.")
        )
        return None
    statuses: dict[int, LevelStatus] = {}
    for key in value:
        if key not in {str(n) for n in LEVEL_NUMBERS}:
            problems.append(
                InvalidParam(f"statussen.{key}", "Onbekend niveau; kies 0 tot en met 4.")
            )
    for number in LEVEL_NUMBERS:
        status = value.get(str(number))
        if status is None:
            problems.append(InvalidParam(f"statussen.{number}", "Geef een status."))
        elif status not in STATUS_VALUES:
            problems.append(
                InvalidParam(f"statussen.{number}", "Kies uit: " + ", ".join(STATUS_VALUES) + ".")
            )
        else:
            statuses[number] = LevelStatus(status)
    return statuses if len(statuses) == len(LEVEL_NUMBERS) else None


def _read_criteria(value: Any, problems: list[InvalidParam]) -> list[int]:
    if not isinstance(value, list) or len(value) > MAX_CRITERIA:
        problems.append(
            InvalidParam("criteriaVoldaan", f"Geef een lijst van hoogstens {MAX_CRITERIA} ids.")
        )
        return []
    ids: list[int] = []
    for index, item in enumerate(value):
        if not _is_int(item) or not 0 < item <= MAX_ID:  # an Integer key (PostgreSQL int4)
            problems.append(InvalidParam(f"criteriaVoldaan[{index}]", "Geef een criterium-id."))
        elif item in ids:
            problems.append(InvalidParam(f"criteriaVoldaan[{index}]", "Dit id staat er al."))
        else:
            ids.append(item)
    known = set(db.session.scalars(select(LevelCriterion.id).where(LevelCriterion.id.in_(ids))))
    for index, item in enumerate(value):
        if _is_int(item) and item in ids and item not in known:
            problems.append(
                InvalidParam(f"criteriaVoldaan[{index}]", "Dit criterium bestaat niet.")
            )
    return ids


def _read_evidence(value: Any, problems: list[InvalidParam]) -> str:
    """Evidence as the service reads it: one "title | url" line per link."""
    if not isinstance(value, list) or len(value) > MAX_EVIDENCE:
        problems.append(
            InvalidParam("bewijs", f"Geef een lijst van hoogstens {MAX_EVIDENCE} links.")
        )
        return ""
    lines = []
    for index, item in enumerate(value):
        name = f"bewijs[{index}]"
        if not isinstance(item, dict):
            problems.append(InvalidParam(name, "Geef een object met titel en url."))
            continue
        for key in item:
            if key not in ("titel", "url"):
                problems.append(InvalidParam(f"{name}.{key}", "Onbekend veld."))
        title, url = item.get("titel", ""), item.get("url")
        if not isinstance(title, str) or len(title) > 300 or any(c in title for c in "\r\n"):
            problems.append(
                InvalidParam(f"{name}.titel", "Een titel is één regel van hoogstens 300 tekens.")
            )
            continue
        if not isinstance(url, str) or any(c.isspace() or c == "|" for c in url):
            problems.append(InvalidParam(f"{name}.url", "Geef een webadres zonder spaties."))
            continue
        _links, link_problems = maturity.parse_evidence_lines(url)
        if link_problems or not url:
            problems.append(
                InvalidParam(
                    f"{name}.url",
                    "Geef een webadres dat begint met http:// of https:// (hoogstens 2000 tekens).",
                )
            )
            continue
        lines.append(f"{title.strip()} | {url}" if title.strip() else url)
    return "\n".join(lines)


def read_new_assessment(
    body: Any, today: dt.date | None = None
) -> tuple[NewAssessment | None, list[InvalidParam]]:
    """Check an assessment sent to the API; returns it, or every problem at once.

    The shape is checked here; the ladder's rules come from `validate_assessment`, asked
    once about the date alone and once about the statuses alone, so each of its messages
    lands on the field it is about.
    """
    problems: list[InvalidParam] = []
    if not isinstance(body, dict):
        return None, [InvalidParam("body", "Stuur een JSON-object.")]
    for key in body:
        if key not in NEW_ASSESSMENT_FIELDS:
            problems.append(InvalidParam(key, "Onbekend veld."))
    for key in ("beoordeeldOp", "statussen"):
        if key not in body:
            problems.append(InvalidParam(key, "Dit veld is verplicht."))
    assessed_on = _read_date(body["beoordeeldOp"], problems) if "beoordeeldOp" in body else None
    statuses = _read_statuses(body["statussen"], problems) if "statussen" in body else None
    criteria = _read_criteria(body.get("criteriaVoldaan", []), problems)
    evidence_text = _read_evidence(body.get("bewijs", []), problems)
    note = body.get("toelichting", "")
    if not isinstance(note, str) or len(note) > MAX_NOTE:
        problems.append(InvalidParam("toelichting", f"Geef tekst van hoogstens {MAX_NOTE} tekens."))
        note = ""

    today = today or dt.date.today()
    not_started = dict.fromkeys(LEVEL_NUMBERS, LevelStatus.NOT_STARTED)
    if assessed_on is not None:
        for message in maturity.validate_assessment(not_started, set(), assessed_on, today):
            problems.append(InvalidParam("beoordeeldOp", message))
    if statuses is not None:
        for message in maturity.validate_assessment(statuses, set(criteria), today, today):
            problems.append(InvalidParam("criteriaVoldaan", message))
    if problems or assessed_on is None or statuses is None:
        return None, problems
    return NewAssessment(assessed_on, statuses, criteria, evidence_text, note), []


# --- documents --------------------------------------------------------------------------------


def get_document(document_id: int) -> Document | None:
    return db.session.scalar(
        select(Document).where(Document.id == document_id).options(selectinload(Document.theme))
    )


# --- training ---------------------------------------------------------------------------------


def exercise_list(*, module_slug: str | None, include_drafts: bool) -> list[Exercise]:
    """Exercises in course order: module position, exercise position, id."""
    query = (
        select(Exercise)
        .join(Module, Module.id == Exercise.module_id)
        .order_by(Module.position, Module.id, Exercise.position, Exercise.id)
    )
    if module_slug is not None:
        query = query.where(Module.slug == module_slug)
    if not include_drafts:
        query = query.where(Exercise.published.is_(True), Module.published.is_(True))
    return list(db.session.scalars(query))


def team_list() -> list[tuple[Team, int]]:
    """Teams by name, with their number of active members."""
    members = (
        select(func.count(User.id))
        .where(User.team_id == Team.id, User.active.is_(True))
        .scalar_subquery()
    )
    return [
        (team, count)
        for team, count in db.session.execute(select(Team, members).order_by(Team.name, Team.id))
    ]


def team_members(team: Team) -> list[User]:
    return list(
        db.session.scalars(
            select(User)
            .where(User.team_id == team.id, User.active.is_(True))
            .order_by(User.username)
        )
    )


def member_progress(members: Sequence[User]) -> list[tuple[User, list[training.ModuleProgress]]]:
    """Progress of each member in every published module, by the one set of rules
    (`academy.training.progress`), for a whole page of members in a few queries."""
    modules = training.list_modules()
    found = progress.modules_progress(members, modules)
    return [(user, [found[(user.id, module.id)] for module in modules]) for user in members]
