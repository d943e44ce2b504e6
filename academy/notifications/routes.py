"""Notification pages (/meldingen) and the `flask notifications run` command."""

from __future__ import annotations

import datetime as dt

import click
from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user, login_required

from academy.forms import ConfirmForm
from academy.notifications import services

bp = Blueprint("notifications", __name__, url_prefix="/meldingen", cli_group="notifications")


@bp.app_context_processor
def _notification_count() -> dict:
    """The header's count, computed only when a template asks for it."""

    def notification_count() -> int:
        if not current_user or not current_user.is_authenticated:
            return 0
        return services.unread_count_for_header(current_user)

    return {"notification_count": notification_count}


@bp.route("")
@login_required
def index() -> ResponseReturnValue:
    notices = services.notifications_for(current_user)
    return render_template(
        "notifications/index.html",
        notices=[(n, services.notice_text(n), services.notice_url(n)) for n in notices],
        form=ConfirmForm(),
    )


@bp.route("/gelezen", methods=["POST"])
@login_required
def mark_read() -> ResponseReturnValue:
    raw = request.form.get("melding", "")
    notification_id = int(raw) if raw.isascii() and raw.isdecimal() and len(raw) < 10 else None
    if services.mark_read(current_user, notification_id):
        flash(_("Gemarkeerd als gelezen."), "success")
    return redirect(url_for("notifications.index"))


@bp.cli.command("run")
def run_command() -> None:
    """Create due and overdue notices, then send pending e-mail (what the periodic job does)."""
    now = dt.datetime.now(dt.UTC)
    created = services.create_due_notifications(now)
    sent = services.send_pending_emails(now)
    click.echo(f"{created} notifications created, {sent} e-mails sent")
