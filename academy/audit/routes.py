import datetime as dt
from typing import Any

from flask import Response, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from academy.audit import bp
from academy.audit.labels import ACTION_LABELS
from academy.audit.services import (
    PAGE_SIZE,
    AuditAction,
    AuditFilter,
    commit_event,
    export_events,
    list_events,
)
from academy.auth.decorators import role_required
from academy.models import Role
from academy.spreadsheets import download, file_name

FILTER_KEYS = ("actie", "gebruiker", "van", "tot")


def _date(name: str, notices: list[str]) -> dt.date | None:
    value = request.args.get(name, "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        notices.append(_("De datum %(value)s begrepen we niet; die is genegeerd.", value=value))
        return None


def _audit_filter() -> tuple[AuditFilter, list[str]]:
    """The filter from the query string; a value that makes no sense is ignored, never a 500."""
    notices: list[str] = []
    action = request.args.get("actie", "")
    if action not in {a.value for a in AuditAction}:
        action = ""
    actor = request.args.get("gebruiker", "").strip()[:64]
    return (
        AuditFilter(
            action=action,
            actor=actor,
            date_from=_date("van", notices),
            date_to=_date("tot", notices),
        ),
        notices,
    )


def _utc_moment(moment: dt.datetime) -> dt.datetime:
    """The moment in UTC to the second, without a zone (a spreadsheet date cell)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return moment.replace(microsecond=0)


def _page() -> int:
    value = request.args.get("pagina", "1")
    return int(value) if value.isdigit() and 0 < len(value) < 7 else 1


@bp.route("/beheer/audit")
@role_required(Role.ADMIN)
def events() -> ResponseReturnValue:
    filters, notices = _audit_filter()
    page = _page()
    rows, total = list_events(filters, page)
    kept: dict[str, Any] = {key: request.args[key] for key in FILTER_KEYS if request.args.get(key)}
    return render_template(
        "audit/events.html",
        events=rows,
        total=total,
        page=page,
        pages=max(1, -(-total // PAGE_SIZE)),
        filters=filters,
        notices=notices,
        kept=kept,
        labels=ACTION_LABELS,
        actions=list(AuditAction),
        csv_url=url_for("audit.export_csv", **kept),
        xlsx_url=url_for("audit.export_xlsx", **kept),
    )


@bp.route("/beheer/audit/export.csv")
@role_required(Role.ADMIN)
def export_csv() -> ResponseReturnValue:
    return _export("csv")


@bp.route("/beheer/audit/export.xlsx")
@role_required(Role.ADMIN)
def export_xlsx() -> ResponseReturnValue:
    return _export("xlsx")


def _export(fmt: str) -> Response:
    """The filtered events, as on the page, as a CSV or a typed .xlsx."""
    filters, _notices = _audit_filter()
    rows = export_events(filters)
    header = [
        _("Moment (UTC)"),
        _("Actie"),
        _("Omschrijving"),
        _("Door"),
        _("Object"),
        _("Object-id"),
        _("Naam van het object"),
        _("Adres"),
        _("Details"),
    ]
    table = [
        [
            _utc_moment(event.occurred_at),
            event.action,
            str(ACTION_LABELS.get(event.action, event.action)),
            event.actor_name,
            event.target_type,
            event.target_id,
            event.target_label,
            event.ip_address,
            "; ".join(f"{key}={value}" for key, value in sorted(event.details.items())),
        ]
        for event in rows
    ]
    # Exporting the trail is itself an event (it holds personal data).
    commit_event(AuditAction.AUDIT_EXPORTED, details={"rijen": len(rows), "formaat": fmt})
    # One defuser and one CSV dialect for every export (academy/spreadsheets.py).
    name = file_name(
        "audittrail",
        [filters.action, filters.actor, filters.date_from, filters.date_to],
        fmt,
    )
    response = download(header, table, fmt, name, _("Audittrail"))
    response.headers["Cache-Control"] = "no-store"
    return response
