"""academy/maturity/exports.py through the export routes: files parsed back and compared."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from academy.extensions import db
from academy.maturity import exports, services
from academy.models import Target, User
from tests.maturity.conftest import assess, criteria_ids, make_theme

TODAY = dt.date.today()
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
STATUS_HEADERS = [f"Status niveau {n}" for n in range(5)]
PORTFOLIO_HEADER = [
    "Code",
    "Thema",
    "Domein",
    "Eigenaar",
    "Huidig niveau",
    "Volgende stap",
    "Doelniveau",
    "Doeldatum",
    "Achter op doel",
    "Trend",
    "Laatst beoordeeld",
    *STATUS_HEADERS,
    "Vindbaarheid (%)",
    "Vindbaarheid onder criterium",
]
HISTORY_HEADER = [
    "Datum",
    "Niveau",
    "Verandering",
    "Beoordelaar",
    "Toelichting",
    "Bewijs",
    *STATUS_HEADERS,
]
FORMULA = '=HYPERLINK("http://kwaad.example","klik")'
ODD_NAME = 'Werk; inkomen & één "citaat"'


def parse_csv(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.mimetype_params["charset"] == "utf-8"
    assert response.data.startswith(b"\xef\xbb\xbf")  # BOM, for Dutch Excel
    text = response.data.decode("utf-8").removeprefix("\ufeff")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def parse_xlsx(response, sheet_title: str) -> list[list[str]]:
    assert response.status_code == 200
    assert response.mimetype == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    workbook = load_workbook(io.BytesIO(response.data))
    assert workbook.sheetnames == [sheet_title]
    sheet = workbook[sheet_title]
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f", f"{cell.coordinate} is a formula: {cell.value!r}"
    return [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]


def shown(response, sheet_title: str) -> list[list[str]]:
    """The sheet as Excel shows it: dates ISO, numbers through their number format."""
    sheet = load_workbook(io.BytesIO(response.data))[sheet_title]
    rows = []
    for row in sheet.iter_rows():
        texts = []
        for cell in row:
            value, fmt = cell.value, cell.number_format
            if value is None:
                texts.append("")
            elif isinstance(value, dt.datetime):
                texts.append(value.date().isoformat())
            elif isinstance(value, int) and fmt == "+0;-0;0":
                texts.append(f"{value:+d}")
            elif isinstance(value, int) and fmt.startswith('0"'):
                texts.append(f"{value}{fmt[2:-1]}")
            elif isinstance(value, int) and fmt.startswith('"'):
                texts.append(fmt.strip('"'))
            else:
                texts.append(str(value))
        rows.append(texts)
    return rows


def by_code(rows: list[list[str]]) -> dict[str, dict[str, str]]:
    header, *data = rows
    return {row[0]: dict(zip(header, row, strict=True)) for row in data}


@pytest.fixture
def portfolio(app, vsv):
    """vsv (levels 0 then 1, a future target), a formula-named theme behind its target,
    a theme never assessed with an odd name, and an archived theme."""
    with app.app_context():
        vsv_theme = services.get_theme("vsv")
        services.set_target(vsv_theme, level=3, target_date=dt.date(2030, 6, 30), set_by=None)
        formula = make_theme("formule", FORMULA, "Bestuur", owner=None)
        assess(formula, 0, dt.date(2025, 3, 3))
        db.session.add(Target(theme=formula, level_number=2, target_date=dt.date(2025, 6, 1)))
        make_theme("werk", ODD_NAME, "Economie")
        archived = make_theme("oud", "Oud thema")
        assess(archived, 2, dt.date(2025, 1, 1))
        services.set_archived(archived, True)
        db.session.commit()


@pytest.fixture
def reader(client, login):
    login("medewerker")
    return client


def test_portfolio_csv(app, reader, portfolio):
    response = reader.get("/themas/export.csv")
    assert response.headers["Content-Disposition"] == (
        f'attachment; filename="portfolio-themas-{TODAY}.csv"'
    )
    rows = parse_csv(response)
    assert rows[0] == PORTFOLIO_HEADER
    assert all(len(row) == len(PORTFOLIO_HEADER) for row in rows)
    table = by_code(rows)
    assert sorted(table) == ["formule", "vsv", "werk"]  # one row per live theme

    assert table["vsv"] == {
        "Code": "vsv",
        "Thema": "Vroegtijdig schoolverlaten",
        "Domein": "Onderwijs",
        "Eigenaar": "Team Test",
        "Huidig niveau": "1 Beschrijvend",
        "Volgende stap": "2 Diagnosticerend",
        "Doelniveau": "3 Voorspellend",
        "Doeldatum": "2030-06-30",
        "Achter op doel": "nee",
        "Trend": "omhoog",
        "Laatst beoordeeld": "2025-08-01",
        "Status niveau 0": "Op orde",
        "Status niveau 1": "Op orde",
        "Status niveau 2": "Niet gestart",
        "Status niveau 3": "Niet gestart",
        "Status niveau 4": "Niet gestart",
        "Vindbaarheid (%)": "",
        "Vindbaarheid onder criterium": "nee",
    }
    assert table["formule"]["Thema"] == "'" + FORMULA  # defused
    assert table["formule"]["Achter op doel"] == "ja"
    assert table["formule"]["Trend"] == "nieuw"
    never = table["werk"]
    assert never["Thema"] == ODD_NAME
    assert (never["Huidig niveau"], never["Volgende stap"]) == ("nog geen niveau", "0 Vinden")
    assert (never["Doelniveau"], never["Doeldatum"], never["Laatst beoordeeld"]) == ("", "", "")
    assert never["Trend"] == ""


def test_portfolio_export_matches_the_portfolio(app, reader, portfolio):
    rows = by_code(parse_csv(reader.get("/themas/export.csv")))
    with app.app_context():
        summaries = services.theme_summaries()
        names = services.level_names()
    assert len(rows) == len(summaries)
    for summary in summaries:
        row = rows[summary.code]
        assert row["Thema"].removeprefix("'") == summary.name
        assert row["Domein"] == summary.domain
        assert row["Eigenaar"] == summary.owner
        assert row["Huidig niveau"].startswith(
            "nog geen niveau" if summary.current_level < 0 else f"{summary.current_level} "
        )
        if summary.current_level >= 0:
            assert row["Huidig niveau"].endswith(names[summary.current_level])
        assert row["Laatst beoordeeld"] == (
            summary.last_assessed.isoformat() if summary.last_assessed else ""
        )
        assert row["Achter op doel"] == ("ja" if summary.behind_target else "nee")
        for column in ("Doeldatum", "Laatst beoordeeld"):
            assert row[column] == "" or ISO_DATE.match(row[column]), (summary.code, column)


def test_portfolio_xlsx_holds_the_same_table_as_the_csv(reader, portfolio):
    response = reader.get("/themas/export.xlsx")
    assert response.headers["Content-Disposition"] == (
        f'attachment; filename="portfolio-themas-{TODAY}.xlsx"'
    )
    sheet = parse_xlsx(response, "Portfolio")
    assert sheet[0] == PORTFOLIO_HEADER
    assert shown(response, "Portfolio") == parse_csv(reader.get("/themas/export.csv"))
    assert by_code(sheet)["formule"]["Thema"] == "'" + FORMULA


@pytest.fixture
def history(app, vsv):
    """vsv gets a third assessment by the programme manager, a step down, with a hostile note."""
    with app.app_context():
        manager = db.session.scalar(select(User).where(User.username == "programmamanager"))
        services.record_assessment(
            services.get_theme("vsv"),
            assessor=manager,
            assessed_on=dt.date(2025, 11, 3),
            statuses={0: "op_orde", 1: "in_ontwikkeling", 2: "niet_gestart", 3: "niet_gestart",
                      4: "in_ontwikkeling"},
            criteria_met=criteria_ids([0]),
            note="=1+2; en verder\nTweede regel",
            evidence_text="A | https://example.nl/a\nhttps://example.nl/b",
        )  # fmt: skip
        return manager.display_name


def test_history_csv(reader, history):
    response = reader.get("/themas/vsv/export.csv")
    assert response.headers["Content-Disposition"] == (
        f'attachment; filename="historie-vsv-{TODAY}.csv"'
    )
    rows = parse_csv(response)
    assert rows[0] == HISTORY_HEADER
    assert rows[1:] == [
        ["2025-11-03", "0 Vinden", "-1", history, "'=1+2; en verder\nTweede regel",
         "https://example.nl/a https://example.nl/b",
         "Op orde", "In ontwikkeling", "Niet gestart", "Niet gestart", "In ontwikkeling"],
        ["2025-08-01", "1 Beschrijvend", "+1", "", "", "https://example.nl/monitor",
         "Op orde", "Op orde", "Niet gestart", "Niet gestart", "Niet gestart"],
        ["2025-02-01", "0 Vinden", "", "", "Eerste beoordeling", "",
         "Op orde", "Niet gestart", "Niet gestart", "Niet gestart", "Niet gestart"],
    ]  # fmt: skip


def test_history_xlsx_holds_the_same_table_as_the_csv(reader, history):
    response = reader.get("/themas/vsv/export.xlsx")
    assert response.headers["Content-Disposition"] == (
        f'attachment; filename="historie-vsv-{TODAY}.xlsx"'
    )
    assert shown(response, "Historie") == parse_csv(reader.get("/themas/vsv/export.csv"))


def test_history_of_a_theme_never_assessed_is_just_the_header(app, reader):
    with app.app_context():
        make_theme("leeg")
    assert parse_csv(reader.get("/themas/leeg/export.csv")) == [HISTORY_HEADER]
    assert parse_xlsx(reader.get("/themas/leeg/export.xlsx"), "Historie") == [HISTORY_HEADER]


def test_empty_portfolio_exports_only_the_header(reader):
    assert parse_csv(reader.get("/themas/export.csv")) == [PORTFOLIO_HEADER]
    assert parse_xlsx(reader.get("/themas/export.xlsx"), "Portfolio") == [PORTFOLIO_HEADER]


def test_control_characters_in_a_note_do_not_break_the_excel_export(app, reader, vsv):
    with app.app_context():
        assess(services.get_theme("vsv"), 1, dt.date(2025, 9, 1), note="Kop\x0bregel\x1b[1m\x00!")
    sheet = parse_xlsx(reader.get("/themas/vsv/export.xlsx"), "Historie")
    assert sheet[1][HISTORY_HEADER.index("Toelichting")] == "Kopregel[1m!"


def test_exports_need_a_login(client):
    for path in ("/themas/export.csv", "/themas/export.xlsx"):
        response = client.get(path)
        assert response.status_code == 302
        assert response.headers["Location"].startswith("/login")


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+1", "'=1+1"),
        ('=HYPERLINK("x")', '\'=HYPERLINK("x")'),
        ("+31 20 123", "'+31 20 123"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("+1", "+1"),  # a signed number is data, not a formula
        ("-1", "-1"),
        ("gewoon", "gewoon"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_formulas_are_defused_in_both_formats(app, value, written):
    with app.test_request_context():
        text = exports.to_csv(["Kop"], [[value]]).decode("utf-8").removeprefix("\ufeff")
        workbook = load_workbook(io.BytesIO(exports.to_xlsx(["Kop"], [[value]], "Blad")))
    assert list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))[1] == [written]
    cell = workbook["Blad"]["A2"]
    assert (cell.value or "") == written
    assert cell.data_type != "f"


def test_control_characters_cannot_hide_a_formula_from_excel(app):
    with app.test_request_context():
        data = exports.to_xlsx(["Kop"], [["\x01=1+1"]], "Blad")
    cell = load_workbook(io.BytesIO(data))["Blad"]["A2"]
    assert (cell.value, cell.data_type) == ("'=1+1", "s")


def test_portfolio_exports_follow_the_filters_and_the_sort(app, reader, portfolio):
    page = reader.get("/themas?domein=Onderwijs&sorteer=naam&richting=af").get_data(as_text=True)
    links = re.findall(r'href="(/themas/export\.(?:csv|xlsx)[^"]*)"', page)
    assert [link.replace("&amp;", "&") for link in links] == [
        "/themas/export.csv?domein=Onderwijs&sorteer=naam&richting=af",
        "/themas/export.xlsx?domein=Onderwijs&sorteer=naam&richting=af",
    ]
    with app.app_context():
        make_theme("vsv2", "Voortijdig schoolverlaten in het mbo", "Onderwijs")
    for link in links:
        response = reader.get(link.replace("&amp;", "&"))
        fmt = link.split("?")[0].rsplit(".", 1)[1]
        assert response.headers["Content-Disposition"] == (
            f'attachment; filename="portfolio-themas-onderwijs-{TODAY}.{fmt}"'
        )
        rows = parse_csv(response) if fmt == "csv" else parse_xlsx(response, "Portfolio")
        assert [row[0] for row in rows[1:]] == ["vsv", "vsv2"]  # only Onderwijs, name Z-A
    behind = reader.get("/themas/export.csv?achter=1&niveau=0")
    assert [row[0] for row in parse_csv(behind)[1:]] == ["formule"]
    assert "portfolio-themas-niveau-0-achter-op-doel-" in behind.headers["Content-Disposition"]


def test_portfolio_xlsx_has_typed_cells_a_frozen_header_and_an_autofilter(reader, portfolio):
    response = reader.get("/themas/export.xlsx")
    sheet = load_workbook(io.BytesIO(response.data))["Portfolio"]
    header = [cell.value for cell in sheet[1]]
    vsv = next(row for row in sheet.iter_rows(min_row=2) if row[0].value == "vsv")
    cell = dict(zip(header, vsv, strict=True))
    assert cell["Huidig niveau"].value == 1 and cell["Huidig niveau"].data_type == "n"
    assert cell["Huidig niveau"].number_format == '0" Beschrijvend"'
    assert cell["Doelniveau"].value == 3
    assert cell["Laatst beoordeeld"].is_date
    assert cell["Laatst beoordeeld"].value.date() == dt.date(2025, 8, 1)
    assert cell["Doeldatum"].value.date() == dt.date(2030, 6, 30)
    never = next(row for row in sheet.iter_rows(min_row=2) if row[0].value == "werk")
    assert never[header.index("Huidig niveau")].value == -1  # shown as "nog geen niveau"
    assert never[header.index("Laatst beoordeeld")].value is None
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:R{sheet.max_row}"
    assert all(sheet.column_dimensions[c].width >= 8 for c in "ABCDEFGHIJKLMNOPQR")


def test_history_xlsx_has_typed_cells(reader, history):
    sheet = load_workbook(io.BytesIO(reader.get("/themas/vsv/export.xlsx").data))["Historie"]
    newest = [cell for cell in sheet[2]]
    assert newest[0].is_date and newest[0].value.date() == dt.date(2025, 11, 3)
    assert (newest[1].value, newest[2].value) == (0, -1)
    assert sheet.auto_filter.ref == f"A1:K{sheet.max_row}"
