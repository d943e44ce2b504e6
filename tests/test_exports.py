"""Every CSV and Excel export defuses cells a spreadsheet would run as a formula.

Table-driven: a hostile value with each dangerous first character is written into every text
field an export shows (theme, domain, team, people, notes, evidence, assignment titles, audit
names and details), then every export endpoint in both formats is downloaded and parsed back.
Each of those cells must come out quoted. One defuser (academy/spreadsheets.py) serves them all;
this test is what keeps a new export, or a new column, from skipping it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from flask import Flask
from flask.testing import FlaskClient
from openpyxl import load_workbook
from sqlalchemy import select

from academy.assignments import services as assignments
from academy.audit.services import AuditAction, record_event
from academy.extensions import db
from academy.maturity import services as maturity
from academy.models import (
    Assessment,
    AssessmentLevel,
    Evidence,
    LevelStatus,
    Module,
    Role,
    Team,
    Theme,
    User,
)
from tests.conftest import AuthActions, add_user

# The first characters a spreadsheet reads as the start of a formula (OWASP's list).
PREFIXES = {
    "equals": "=",
    "plus": "+",
    "minus": "-",
    "at": "@",
    "tab": "\t",
    "carriage-return": "\r",
}
MARK = "KWAAD"


def hostile(prefix: str) -> str:
    return f'{prefix}{MARK}+HYPERLINK("http://kwaad.example")'


@dataclass(frozen=True)
class Export:
    """One export endpoint and the columns that show text a user (or an import) wrote."""

    path: Callable[[str], str]  # theme code -> URL
    sheet: str
    columns: tuple[str, ...]
    role: str


EXPORTS = {
    "portfolio": Export(
        lambda code: "/themas/export", "Portfolio", ("Thema", "Domein", "Eigenaar"), "medewerker"
    ),
    "theme-history": Export(
        lambda code: f"/themas/{code}/export",
        "Historie",
        ("Beoordelaar", "Toelichting", "Bewijs"),
        "medewerker",
    ),
    "assignment-matrix": Export(
        lambda code: "/opdrachten/overzicht",
        "Voortgang",
        ("Deelnemer", "Gebruikersnaam", "Team", "Opdracht"),
        "trainer",
    ),
    "audit-trail": Export(
        lambda code: "/beheer/audit/export",
        "Audittrail",
        ("Door", "Object", "Object-id", "Naam van het object", "Details"),
        "admin",
    ),
}


def plant(prefix: str, password_hash: str) -> str:
    """Write the hostile value into every exported text field; returns the theme code.

    Rows are written directly, as an import or an older version could have stored them: the
    export must not rely on the forms having refused the value.
    """
    value = hostile(prefix)
    team = Team(name=value)
    db.session.add(team)
    learner = add_user("kwaad", (Role.EMPLOYEE,), password_hash, team=team)
    learner.username = value
    learner.full_name = value
    assessor = add_user("beoordelaar", (Role.PROGRAMME_MANAGER,), password_hash)
    assessor.full_name = value
    theme = Theme(code="kwaad", name=value, domain=value, owner_team=team)
    db.session.add(theme)
    assessment = Assessment(
        theme=theme, assessed_on=dt.date(2026, 1, 5), assessor=assessor, note=value
    )
    assessment.level_statuses = [
        AssessmentLevel(level_number=n, status=LevelStatus.NOT_STARTED.value) for n in range(5)
    ]
    assessment.evidence = [Evidence(title="bewijs", url=value)]
    db.session.add(assessment)
    module = Module(slug="kwaad", title=value, position=0, published=True, core=False)
    db.session.add(module)
    db.session.flush()
    trainer = db.session.scalar(select(User).where(User.username == "trainer"))
    assert trainer is not None
    assignments.save_assignment(
        None,
        trainer=trainer,
        module_id=module.id,
        exercise_id=None,
        user_ids=[learner.id],
        team_ids=[],
        due_date=dt.date.today() + dt.timedelta(days=7),
    )
    record_event(
        AuditAction.PERSONAL_DATA_EXPORTED,
        actor=None,
        actor_name=value,
        target_type=value,
        target_id=value,
        target_label=value,
        details={value: value},
    )
    db.session.commit()
    return theme.code


def rows_of(response, fmt: str, sheet: str) -> list[dict[str, str]]:
    assert response.status_code == 200, response.status_code
    if fmt == "csv":
        text = response.get_data(as_text=True).removeprefix("\ufeff")
        return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))
    table = load_workbook(io.BytesIO(response.data))[sheet]
    for line in table.iter_rows():
        for cell in line:
            assert cell.data_type != "f", f"{cell.coordinate} is a formula: {cell.value!r}"
    header, *data = [["" if v is None else str(v) for v in r] for r in table.values]
    return [dict(zip(header, r, strict=True)) for r in data]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("prefix", PREFIXES.values(), ids=PREFIXES.keys())
def test_every_export_defuses_every_text_field(
    app: Flask,
    client: FlaskClient,
    auth: AuthActions,
    password_hash: str,
    prefix: str,
    fmt: str,
) -> None:
    with app.app_context():
        maturity.ensure_ladder()
        code = plant(prefix, password_hash)
    for name, export in EXPORTS.items():
        assert auth.login(export.role).status_code == 302
        rows = rows_of(client.get(f"{export.path(code)}.{fmt}"), fmt, export.sheet)
        for column in export.columns:
            cells = [row[column] for row in rows if MARK in row[column]]
            assert cells, f"{name}.{fmt}: the planted value never reached column {column!r}"
            for cell in cells:
                # A spreadsheet runs a cell as a formula only when it starts with the prefix;
                # a leading quote makes it text. (Excel files turn a lone \r into \n.)
                assert cell.startswith("'"), f"{name}.{fmt} {column!r}: {cell!r} not defused"
        auth.logout()
