"""Portfolio and theme-history exports for management reports (CSV and Excel).

CSV uses a semicolon and a byte-order mark, which Dutch Excel opens correctly; dates are
ISO 8601. Cells that a spreadsheet would run as a formula are defused with a leading quote.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Sequence

from flask_babel import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from academy.maturity.services import NO_LEVEL, HistoryEntry, ThemeSummary
from academy.models import LEVEL_NUMBERS

Row = list[object]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SIGNED_NUMBER = re.compile(r"[+-]\d+(?:[.,]\d+)?")  # a change like "+1" is data, not a formula


def _safe(value: object) -> object:
    if (
        isinstance(value, str)
        and value.startswith(FORMULA_STARTS)
        and not SIGNED_NUMBER.fullmatch(value)
    ):
        return "'" + value
    return value


def _xlsx_cell(value: object) -> object:
    """Excel files cannot hold control characters; drop them before defusing formulas."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    return _safe(value)


def _iso(value: dt.date | dt.datetime | None) -> str:
    return value.isoformat() if value else ""


def _level(level: int | None, names: dict[int, str]) -> str:
    if level is None:
        return ""
    if level == NO_LEVEL:
        return _("nog geen niveau")
    return f"{level} {names.get(level, '')}".strip()


def portfolio_table(
    summaries: Sequence[ThemeSummary], names: dict[int, str], status_labels: dict
) -> tuple[list[str], list[Row]]:
    header = [
        _("Code"),
        _("Thema"),
        _("Domein"),
        _("Eigenaar"),
        _("Huidig niveau"),
        _("Volgende stap"),
        _("Doelniveau"),
        _("Doeldatum"),
        _("Achter op doel"),
        _("Trend"),
        _("Laatst beoordeeld"),
    ] + [_("Status niveau %(n)s", n=n) for n in LEVEL_NUMBERS]
    rows = [
        [
            s.code,
            s.name,
            s.domain,
            s.owner,
            _level(s.current_level, names),
            _level(s.next_step, names),
            _level(s.target_level, names),
            _iso(s.target_date),
            _("ja") if s.behind_target else _("nee"),
            s.trend,
            _iso(s.last_assessed),
        ]
        + [str(status_labels[status]) for status in s.statuses]
        for s in summaries
    ]
    return header, rows


def history_table(
    history: Sequence[HistoryEntry], names: dict[int, str], status_labels: dict
) -> tuple[list[str], list[Row]]:
    header = [
        _("Datum"),
        _("Niveau"),
        _("Verandering"),
        _("Beoordelaar"),
        _("Toelichting"),
        _("Bewijs"),
    ] + [_("Status niveau %(n)s", n=n) for n in LEVEL_NUMBERS]
    rows = []
    for entry in history:
        assessment = entry.assessment
        rows.append(
            [
                _iso(assessment.assessed_on),
                _level(entry.level, names),
                "" if entry.change is None else f"{entry.change:+d}",
                assessment.assessor.display_name if assessment.assessor else "",
                assessment.note,
                " ".join(e.url for e in assessment.evidence),
            ]
            + [str(status_labels[assessment.status_of(n)]) for n in LEVEL_NUMBERS]
        )
    return header, rows


def to_csv(header: list[str], rows: list[Row]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([[_safe(cell) for cell in row] for row in rows])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(header: list[str], rows: list[Row], sheet_title: str) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title[:31]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_xlsx_cell(cell) for cell in row])
    sheet.freeze_panes = "A2"
    for index, title in enumerate(header, start=1):
        width = max([len(str(title))] + [len(str(r[index - 1])) for r in rows[:200]]) + 2
        sheet.column_dimensions[get_column_letter(index)].width = min(width, 60)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
