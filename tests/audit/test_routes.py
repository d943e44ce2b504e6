"""The admin's audit page and CSV export, and the events that admin and user actions leave."""

from __future__ import annotations

import csv
import io
import re

import pytest
from sqlalchemy import select

from academy.audit.services import AuditAction, record_event
from academy.extensions import db
from academy.models import AuditEvent, Team, User


def _actions(app) -> list[str]:
    with app.app_context():
        return [e.action for e in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id))]


def _user(app, username: str) -> User:
    with app.app_context():
        return db.session.scalar(select(User).where(User.username == username))


def test_admin_actions_on_users_are_recorded(app, client, login):
    login("admin")
    client.post(
        "/beheer/gebruikers/nieuw",
        data={
            "username": "j.jansen",
            "team_id": "0",
            "roles": ["medewerker"],
            "active": "y",
            "new_password": "welkom-in-de-academie",
            "confirm": "welkom-in-de-academie",
        },
    )
    user = _user(app, "j.jansen")
    with app.app_context():
        team_id = db.session.scalar(select(Team.id))
    client.post(
        f"/beheer/gebruikers/{user.id}",
        data={"roles": ["trainer"], "team_id": str(team_id), "active": "y"},
    )
    client.post(f"/beheer/gebruikers/{user.id}/uitschakelen")
    client.post(
        f"/beheer/gebruikers/{user.id}/wachtwoord",
        data={"new_password": "nog-een-keer-nieuw", "confirm": "nog-een-keer-nieuw"},
    )
    actions = _actions(app)
    assert actions[actions.index("user.created") :] == [
        "user.created",
        "user.roles_changed",
        "user.team_changed",
        "user.deactivated",
        "user.password_reset",
    ]
    with app.app_context():
        events = db.session.scalars(select(AuditEvent).where(AuditEvent.target_id == str(user.id)))
        assert {e.actor_name for e in events} == {"admin"}
        text = repr([(e.details, e.target_label) for e in db.session.scalars(select(AuditEvent))])
    assert "welkom-in-de-academie" not in text and "nog-een-keer-nieuw" not in text


def test_token_events_and_personal_data_exports_are_recorded(app, client, login):
    login("trainer")
    html = client.post("/profiel", data={"name": "dashboard", "lifetime": "90"}).get_data(
        as_text=True
    )
    token = re.search(r'value="(da_[^"]+)"', html).group(1)
    with app.app_context():
        token_id = db.session.scalar(
            select(AuditEvent.target_id).where(AuditEvent.action == "auth.token_created")
        )
    client.post(f"/profiel/tokens/{token_id}/intrekken")
    assert client.get("/opdrachten/overzicht.csv").status_code == 200
    actions = _actions(app)
    assert [a for a in actions if not a.startswith("auth.login")] == [
        "auth.token_created",
        "auth.token_revoked",
        "export.personal_data",
    ]
    with app.app_context():
        everything = repr(
            [(e.details, e.target_label) for e in db.session.scalars(select(AuditEvent))]
        )
    assert token not in everything and token[12:] not in everything


def test_the_page_lists_and_filters_events(app, client, login):
    login("admin")
    login_other = app.test_client()
    login_other.post("/login", data={"username": "trainer", "password": "fout-wachtwoord"})
    page = client.get("/beheer/audit").get_data(as_text=True)
    assert "Audittrail" in page and "Inloggen mislukt" in page and "Ingelogd" in page
    filtered = client.get("/beheer/audit?actie=auth.login_failed").get_data(as_text=True)
    assert "Inloggen mislukt" in filtered
    assert filtered.count("<tr>") == 2  # the header and the one failure
    by_user = client.get("/beheer/audit?gebruiker=adm").get_data(as_text=True)
    assert by_user.count("<tr>") == 2  # admin's sign-in


@pytest.mark.parametrize(
    "query",
    [
        "van=gisteren",
        "tot=2026-13-45",
        "actie=%00",
        "pagina=-1",
        "pagina=99999999999999",
        "gebruiker=" + "x" * 5000,
        "van=9999-12-31&tot=0001-01-01",
    ],
)
def test_odd_filters_never_fail(client, login, query):
    login("admin")
    assert client.get(f"/beheer/audit?{query}").status_code == 200
    assert client.get(f"/beheer/audit/export.csv?{query}").status_code == 200


def test_the_csv_export_is_defused_and_itself_recorded(app, client, login):
    with app.app_context():
        record_event(
            AuditAction.USER_CREATED,
            actor=None,
            actor_name="=cmd|' /C calc'!A0",
            target_label="@SUM(1+1)",
            details={"naam": "+31 6 1234"},
        )
        db.session.commit()
    login("admin")
    response = client.get("/beheer/audit/export.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][:2] == ["Moment (UTC)", "Actie"]
    created = next(row for row in rows if row[1] == "user.created")
    assert created[3] == "'=cmd|' /C calc'!A0"
    assert created[6] == "'@SUM(1+1)"
    assert "audit.exported" in _actions(app)


def test_the_excel_export_holds_the_filtered_rows_as_typed_cells(app, client, login):
    import datetime as dt

    from openpyxl import load_workbook

    with app.app_context():
        for name in ("eerste", "tweede"):
            record_event(AuditAction.USER_CREATED, actor=None, actor_name=name)
        record_event(AuditAction.TARGET_SET, actor=None, actor_name="derde")
        db.session.commit()
    login("admin")
    response = client.get("/beheer/audit/export.xlsx?actie=user.created")
    assert response.status_code == 200
    assert "audittrail-user-created-" in response.headers["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.data)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("Moment (UTC)", "Actie")
    assert sorted(row[3] for row in rows[1:]) == ["eerste", "tweede"]  # only the filtered
    assert all(isinstance(row[0], dt.datetime) for row in rows[1:])  # a date cell, not text
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:I{len(rows)}"
    page = client.get("/beheer/audit?actie=user.created").get_data(as_text=True)
    assert 'href="/beheer/audit/export.xlsx?actie=user.created"' in page


def test_the_audit_tab_is_in_the_admin_navigation(client, login):
    login("admin")
    html = client.get("/beheer/gebruikers").get_data(as_text=True)
    assert 'href="/beheer/audit"' in html
