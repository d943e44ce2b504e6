"""Search gaps pages: all themes (with a theme filter), one theme, and the export."""

from __future__ import annotations

from flask import abort, render_template, request
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from sqlalchemy import select

from academy.auth.decorators import role_required
from academy.extensions import db
from academy.gaps import bp, services
from academy.gaps.forms import GapFilterForm
from academy.gaps.services import NO_THEME, READERS, GapReport, search_gaps, theme_choices
from academy.models import Theme
from academy.spreadsheets import download, file_name

#: The filter's keys that a link to another gaps page keeps.
PERIOD_KEYS = ("periode", "van", "tot")


@bp.context_processor
def _rules() -> dict[str, object]:
    """The counting rules, so the page explains the figures it shows."""
    return {
        "click_minutes": services.CLICK_SECONDS // 60,
        "reformulation_seconds": services.REFORMULATION_SECONDS,
        "min_poor_percent": services.MIN_POOR_PERCENT,
        "min_users": services.MIN_DISTINCT_USERS,
        "period_args": {k: request.args[k][:20] for k in PERIOD_KEYS if k in request.args},
    }


def _form() -> GapFilterForm:
    return GapFilterForm(request.args or None, themes=theme_choices())


def _theme_or_404(code: str) -> Theme:
    theme = db.session.scalar(select(Theme).where(Theme.code == code[:32]))
    return theme if theme is not None else abort(404)


def _page(form: GapFilterForm, theme: Theme | None) -> ResponseReturnValue:
    if not form.validate():
        page = render_template("gaps/overview.html", form=form, report=None, theme=theme)
        return page, 400
    report = search_gaps(form.gap_filter(theme.code if theme is not None else None))
    return render_template("gaps/overview.html", form=form, report=report, theme=theme)


@bp.route("/zoekgaten")
@role_required(*READERS)
def overview() -> ResponseReturnValue:
    """The failing queries of every theme, or of the theme chosen in the filter."""
    return _page(_form(), None)


@bp.route("/<code>/zoekgaten")
@role_required(*READERS)
def theme(code: str) -> ResponseReturnValue:
    """The failing queries of one theme."""
    return _page(_form(), _theme_or_404(code))


@bp.route("/zoekgaten.<fmt>")
@role_required(*READERS)
def export(fmt: str) -> ResponseReturnValue:
    """The gaps table as CSV or Excel, for the same period and theme as the page."""
    if fmt not in ("csv", "xlsx"):
        abort(404)
    form = _form()
    if not form.validate():
        return render_template("gaps/overview.html", form=form, report=None, theme=None), 400
    report = search_gaps(form.gap_filter())
    header, rows = export_table(report)
    period = f"{report.filter.date_from.isoformat()}-{report.filter.date_to.isoformat()}"
    theme_part = report.filter.theme if report.filter.theme != NO_THEME else _("zonder thema")
    name = file_name("zoekgaten", [theme_part, period], fmt)
    return download(header, rows, fmt, name, _("Zoekgaten"))


def export_table(report: GapReport) -> tuple[list[str], list[list[object]]]:
    """The export's header and rows: counts and shares (in %), no person anywhere."""
    header = [
        _("Thema"),
        _("Zoekvraag"),
        _("Zoekopdrachten"),
        _("Personen"),
        _("Zonder resultaat (%)"),
        _("Niets geopend (%)"),
        _("Direct anders gezocht (%)"),
        _("Mislukte zoekopdrachten"),
    ]
    rows: list[list[object]] = []
    for row in report.rows:
        no_click = row.no_click_share
        rows.append(
            [
                row.theme_name or _("Zonder thema"),
                row.query,
                row.searches,
                row.users,
                round(100 * row.zero_share),
                round(100 * no_click) if no_click is not None else None,
                round(100 * row.reformulation_share),
                row.poor,
            ]
        )
    return header, rows
