"""Notification e-mail against a real SMTP server (aiosmtpd on a loopback port)."""

from __future__ import annotations

import datetime as dt
import socket
from email import message_from_bytes

import pytest
from sqlalchemy import select

from academy.extensions import db
from academy.models import Notification
from academy.notifications import services
from tests.notifications.conftest import NOW, assign, user

aiosmtpd_controller = pytest.importorskip("aiosmtpd.controller")


class Inbox:
    def __init__(self) -> None:
        self.messages: list = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.messages.append((envelope.rcpt_tos, message_from_bytes(envelope.content)))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server(app):
    inbox = Inbox()
    controller = aiosmtpd_controller.Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    app.config.update(
        NOTIFY_EMAIL=True,
        SMTP_HOST="127.0.0.1",
        SMTP_PORT=controller.port,
        SMTP_FROM="academie@lindewaard.example",
        APP_URL="https://academie.lindewaard.example",
    )
    yield inbox
    controller.stop()


def test_pending_notices_are_mailed_once(ctx, smtp_server):
    assign(ctx, NOW.date() + dt.timedelta(days=10), users=[user("medewerker").id])
    assign(ctx, NOW.date() + dt.timedelta(days=12), users=[user("trainer").id])  # no address
    assert services.send_pending_emails(NOW) == 1
    ((recipients, message),) = smtp_server.messages
    assert recipients == ["medewerker@lindewaard.example"]
    assert message["From"] == "academie@lindewaard.example"
    assert "Nieuwe opdracht: Zoeken leren" in message["Subject"]
    due = NOW.date() + dt.timedelta(days=10)
    body = message.get_payload(decode=True).decode()
    assert f"uiterlijk {due.day} juni 2030" in body  # Dutch long form
    assert "https://academie.lindewaard.example/opdrachten" in body
    assert services.send_pending_emails(NOW) == 0  # sent ones are not sent again
    assert len(smtp_server.messages) == 1
    sent = db.session.scalar(
        select(Notification.emailed_at).where(Notification.user_id == user("medewerker").id)
    )
    assert sent is not None


def test_the_cli_job_creates_and_sends(app, ctx, smtp_server):
    assign(ctx, dt.date.today() + dt.timedelta(days=2), users=[user("medewerker").id])
    result = app.test_cli_runner().invoke(args=["notifications", "run"])
    assert result.exit_code == 0, result.output
    assert "1 notifications created, 2 e-mails sent" in result.output
    subjects = [message["Subject"] for _rcpt, message in smtp_server.messages]
    assert any("Over twee dagen" in subject for subject in subjects)
