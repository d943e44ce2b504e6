"""CSV and Excel downloads of a table, shared by the pages that export what they show.

Rows hold typed values: text, numbers, dates, and `Level`/`Change` (numbers that read as
"2 Diagnosticerend" and "+1"). The CSV writes them as text (`;` and a byte-order mark, which
Dutch Excel opens correctly; dates ISO 8601); the .xlsx keeps them typed (dates as dates,
levels and counts as numbers shown with a number format), with a frozen header, an autofilter
and column widths. Cells that a spreadsheet would run as a formula are defused with a quote.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Sequence

from flask import Response
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from search_module.analysis import fold

Row = Sequence[object]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SIGNED_NUMBER = re.compile(r"[+-]\d+(?:[.,]\d+)?")  # a change like "+1" is data, not a formula
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE_FORMAT = "yyyy-mm-dd"


class Level(int):
    """A level number that reads as its name ("2 Diagnosticerend"); -1 reads as "no level"."""

    text: str

    def __new__(cls, number: int, text: str) -> Level:
        level = super().__new__(cls, number)
        level.text = text
        return level

    def __str__(self) -> str:
        return self.text

    @property
    def number_format(self) -> str:
        words = self.text.removeprefix(f"{int(self)}").strip().replace('"', "")
        if int(self) < 0:
            return f'"{words}"'
        return f'0" {words}"' if words else "0"


class Change(int):
    """A step up or down, written with its sign ("+1", "-1")."""

    number_format = "+0;-0;0"

    def __str__(self) -> str:
        return f"{int(self):+d}"


def safe(value: object) -> object:
    if (
        isinstance(value, str)
        and value.startswith(FORMULA_STARTS)
        and not SIGNED_NUMBER.fullmatch(value)
    ):
        return "'" + value
    return value


def _text(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Level | Change):
        return str(value)
    return safe(value)


def to_csv(header: Sequence[str], rows: Iterable[Row]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([[_text(cell) for cell in row] for row in rows])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _xlsx_value(value: object) -> object:
    """Excel files cannot hold control characters; drop them before defusing formulas."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    return safe(value)


def to_xlsx(header: Sequence[str], rows: Sequence[Row], sheet_title: str) -> bytes:
    workbook = Workbook()
    sheet = workbook.worksheets[0]  # a new workbook starts with one sheet
    sheet.title = sheet_title[:31]
    sheet.append(list(header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([int(v) if isinstance(v, Level | Change) else _xlsx_value(v) for v in row])
        for cell, value in zip(sheet[sheet.max_row], row, strict=False):
            if isinstance(value, Level | Change):
                cell.number_format = value.number_format
            elif isinstance(value, dt.date):
                cell.number_format = DATE_FORMAT
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"
    for index, title in enumerate(header, start=1):
        shown = [len(str(_text(r[index - 1]))) for r in rows[:200]]
        width = max([len(str(title)) + 3, *shown]) + 2  # + 3: the autofilter button
        sheet.column_dimensions[get_column_letter(index)].width = min(width, 60)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def slug(text: object) -> str:
    """A file-name-safe piece: lower case ASCII letters, digits and hyphens."""
    folded = fold(str(text))  # the search engine's accent fold: "Coöperatie" -> "cooperatie"
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")[:40]


def file_name(base: str, filters: Iterable[object], fmt: str, today: dt.date | None = None) -> str:
    """`<base>[-<filter>...]-<date>.<fmt>`, so a saved file says what it holds and when."""
    parts = [slug(base), *(slug(f) for f in filters if f not in (None, ""))]
    day = (today or dt.date.today()).isoformat()
    return "-".join(p for p in parts if p) + f"-{day}.{fmt}"


def download(
    header: Sequence[str], rows: Sequence[Row], fmt: str, name: str, sheet: str
) -> Response:
    """The table as a CSV or .xlsx attachment named `name` (see `file_name`)."""
    if fmt == "csv":
        body, mimetype = to_csv(header, rows), "text/csv; charset=utf-8"
    else:
        body, mimetype = to_xlsx(header, rows, sheet), XLSX_MIMETYPE
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
