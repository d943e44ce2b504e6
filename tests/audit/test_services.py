"""record_event: one row per event, in the caller's transaction, never a secret."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from academy.audit.services import AuditAction, AuditFilter, list_events, record_event
from academy.extensions import db
from academy.maturity.services import record_assessment, set_target
from academy.models import LEVEL_NUMBERS, AuditEvent, LevelStatus, Theme, User


def _user(username: str) -> User:
    return db.session.scalar(select(User).where(User.username == username))


def _events() -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).order_by(AuditEvent.id)))


def test_an_event_names_actor_target_and_details(app):
    with app.test_request_context(environ_base={"REMOTE_ADDR": "10.0.0.7"}):
        admin, target = _user("admin"), _user("medewerker")
        record_event(
            AuditAction.USER_ROLES_CHANGED,
            actor=admin,
            target=target,
            details={"van": ["medewerker"], "naar": ["trainer", "medewerker"]},
        )
        db.session.commit()
        (event,) = _events()
        assert (event.action, event.actor_name, event.actor_id) == (
            "user.roles_changed",
            "admin",
            admin.id,
        )
        assert (event.target_type, event.target_id, event.target_label) == (
            "users",
            str(target.id),
            "medewerker",
        )
        assert event.ip_address == "10.0.0.7"
        assert event.details == {"van": "medewerker", "naar": "medewerker, trainer"}


def test_secret_values_are_never_stored(app):
    with app.app_context():
        record_event(
            AuditAction.TOKEN_CREATED,
            actor=None,
            details={
                "password": "geheim-1",
                "nieuw_wachtwoord": "geheim-2",
                "token": "da_geheim-3",
                "token_hash": "abc",
                "client_secret": "geheim-4",
                "begin": "da_abcdefghi",
            },
        )
        db.session.commit()
        (event,) = _events()
        assert event.details == {"begin": "da_abcdefghi"}


def test_the_event_is_part_of_the_callers_transaction(app):
    with app.app_context():
        record_event(AuditAction.LOGOUT, actor=None)
        db.session.rollback()
        assert _events() == []


def test_assessments_and_targets_are_recorded(app):
    with app.app_context():
        theme = Theme(code="vsv", name="Vroegtijdig schoolverlaten", domain="Onderwijs")
        db.session.add(theme)
        db.session.commit()
        manager = _user("programmamanager")
        record_assessment(
            theme,
            assessor=manager,
            assessed_on=dt.date.today(),
            statuses=dict.fromkeys(LEVEL_NUMBERS, LevelStatus.IN_PROGRESS),
            criteria_met=[],
        )
        set_target(theme, level=2, target_date=dt.date.today(), set_by=manager)
        events = [(e.action, e.actor_name, e.target_label) for e in _events()]
    assert events == [
        ("maturity.assessment_recorded", "programmamanager", "vsv"),
        ("maturity.target_set", "programmamanager", "vsv"),
    ]


def test_filters(app):
    with app.app_context():
        record_event(AuditAction.LOGIN, actor=_user("admin"))
        record_event(AuditAction.LOGIN, actor=_user("trainer"))
        record_event(AuditAction.LOGOUT, actor=_user("trainer"))
        db.session.commit()
        assert list_events(AuditFilter(action="auth.login"))[1] == 2
        rows, total = list_events(AuditFilter(actor="train"))
        assert total == 2 and {e.actor_name for e in rows} == {"trainer"}
        tomorrow = dt.date.today() + dt.timedelta(days=1)
        assert list_events(AuditFilter(date_from=tomorrow))[1] == 0
        assert list_events(AuditFilter(date_to=dt.date.today()))[1] == 3
        assert list_events(AuditFilter(actor="%"))[1] == 3  # a wildcard is just text
