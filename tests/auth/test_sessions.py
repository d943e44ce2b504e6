"""Sessions that end on the server: logout, "overal uitloggen", password and role changes,
and remember cookies that are random per login, stored hashed, rotated and short-lived."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from flask.testing import FlaskClient
from sqlalchemy import select

from academy.extensions import db
from academy.models import User, UserSession
from tests.conftest import PASSWORD

REMEMBER = "remember_token"


def _login(client: FlaskClient, username: str = "medewerker", *, remember: bool = False):
    data = {"username": username, "password": PASSWORD}
    if remember:
        data["remember"] = "y"
    response = client.post("/login", data=data)
    assert response.status_code == 302, f"login as {username} failed"
    return response


def _signed_in(client: FlaskClient) -> bool:
    return client.get("/").status_code == 200


def _cookie(client: FlaskClient, name: str) -> str | None:
    cookie = client.get_cookie(name)
    return cookie.value if cookie is not None else None


def _replay(app, name: str, value: str) -> FlaskClient:
    """A fresh browser that holds only a copied cookie."""
    thief = app.test_client()
    thief.set_cookie(name, value)
    return thief


def _user(app, username: str = "medewerker") -> User:
    with app.app_context():
        return db.session.scalar(select(User).where(User.username == username))


def test_a_session_cookie_copied_before_logout_is_dead_after_it(app, client):
    _login(client)
    copied = _cookie(client, "session")
    assert _signed_in(_replay(app, "session", copied))
    client.post("/logout")
    assert not _signed_in(client)
    assert not _signed_in(_replay(app, "session", copied))


def test_the_remember_cookie_differs_per_login(app):
    first, second = app.test_client(), app.test_client()
    _login(first, remember=True)
    _login(second, remember=True)
    assert _cookie(first, REMEMBER) and _cookie(second, REMEMBER)
    assert _cookie(first, REMEMBER) != _cookie(second, REMEMBER)


def test_only_a_hash_of_the_session_token_is_stored(app, client):
    _login(client, remember=True)
    cookie = _cookie(client, REMEMBER)
    token = cookie.split("|")[0].split(":", 1)[1]
    with app.app_context():
        rows = list(db.session.scalars(select(UserSession)))
        assert [row.token_hash for row in rows] == [hashlib.sha256(token.encode()).hexdigest()]
        assert all(token not in repr(row.__dict__) for row in rows)


def test_the_remember_cookie_lives_at_most_thirty_days(app, client):
    _login(client, remember=True)
    cookie = client.get_cookie(REMEMBER)
    limit = dt.datetime.now(dt.UTC) + dt.timedelta(days=30, minutes=1)
    assert cookie.expires is not None and cookie.expires <= limit
    with app.app_context():
        row = db.session.scalar(select(UserSession))
        expires = (
            row.expires_at.replace(tzinfo=dt.UTC)
            if row.expires_at.tzinfo is None
            else row.expires_at
        )
        assert expires <= limit


def test_the_remember_cookie_is_rotated_on_use(app, client):
    _login(client, remember=True)
    old = _cookie(client, REMEMBER)
    browser = _replay(app, REMEMBER, old)  # the session cookie is gone: browser restarted
    assert _signed_in(browser)
    assert _signed_in(browser)  # and stays signed in on the next request
    new = _cookie(browser, REMEMBER)
    assert new and new != old
    # Tabs reopened at the same moment still carry the old cookie: it works for a grace
    # period, without forking another session ...
    assert _signed_in(_replay(app, REMEMBER, old))
    with app.app_context():
        assert db.session.scalar(select(db.func.count(UserSession.id))) == 2
        for row in db.session.scalars(
            select(UserSession).where(UserSession.revoked_at.is_not(None))
        ):
            row.revoked_at = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
        db.session.commit()
    # ... and after it the used cookie is spent: a copy of it no longer signs anyone in.
    assert not _signed_in(_replay(app, REMEMBER, old))
    assert _signed_in(_replay(app, REMEMBER, new))


def test_logout_everywhere_also_ends_a_rotated_cookie_in_its_grace(app, client):
    _login(client, remember=True)
    old = _cookie(client, REMEMBER)
    browser = _replay(app, REMEMBER, old)
    assert _signed_in(browser)
    assert browser.post("/profiel/overal-uitloggen").status_code == 302
    assert not _signed_in(_replay(app, REMEMBER, old))


def test_the_remember_cookie_dies_at_logout(app, client):
    _login(client, remember=True)
    copied = _cookie(client, REMEMBER)
    client.post("/logout")
    assert not _signed_in(_replay(app, REMEMBER, copied))


def test_the_remember_cookie_dies_after_a_password_change(app, client):
    other = app.test_client()
    _login(other, remember=True)
    copied = _cookie(other, REMEMBER)
    _login(client)
    response = client.post(
        "/wachtwoord",
        data={
            "current_password": PASSWORD,
            "new_password": "een-nieuw-ww",
            "confirm": "een-nieuw-ww",
        },
    )
    assert response.status_code == 302
    assert _signed_in(client)  # the session that changed it goes on
    assert not _signed_in(other)
    assert not _signed_in(_replay(app, REMEMBER, copied))


def test_logout_everywhere_ends_every_session_and_remember_cookie(app, client):
    laptop, phone = app.test_client(), app.test_client()
    _login(laptop, remember=True)
    _login(phone)
    copied = _cookie(laptop, REMEMBER)
    _login(client)
    profile = client.get("/profiel").get_data(as_text=True)
    assert "Overal uitloggen" in profile
    response = client.post("/profiel/overal-uitloggen")
    assert response.status_code == 302 and response.headers["Location"] == "/login"
    for browser in (client, laptop, phone, _replay(app, REMEMBER, copied)):
        assert not _signed_in(browser)
    # Other users keep their sessions.
    trainer = app.test_client()
    _login(trainer, "trainer")
    assert _signed_in(trainer)


def test_a_role_change_ends_the_users_sessions(app, client):
    target = app.test_client()
    _login(target, remember=True)
    copied = _cookie(target, REMEMBER)
    _login(client, "admin")
    user = _user(app)
    response = client.post(
        f"/beheer/gebruikers/{user.id}",
        data={"roles": ["medewerker", "trainer"], "team_id": user.team_id, "active": "y"},
    )
    assert response.status_code == 302
    assert not _signed_in(target)
    assert not _signed_in(_replay(app, REMEMBER, copied))
    assert _signed_in(client)


def test_an_edit_without_role_change_keeps_the_sessions(app, client):
    target = app.test_client()
    _login(target)
    _login(client, "admin")
    user = _user(app)
    response = client.post(
        f"/beheer/gebruikers/{user.id}",
        data={"roles": ["medewerker"], "team_id": user.team_id, "active": "y", "full_name": "M"},
    )
    assert response.status_code == 302
    assert _signed_in(target)


def test_deactivation_ends_the_users_sessions(app, client):
    target = app.test_client()
    _login(target, remember=True)
    copied = _cookie(target, REMEMBER)
    _login(client, "admin")
    client.post(f"/beheer/gebruikers/{_user(app).id}/uitschakelen")
    assert not _signed_in(target)
    with app.app_context():
        db.session.scalar(select(User).where(User.username == "medewerker")).active = True
        db.session.commit()
    assert not _signed_in(_replay(app, REMEMBER, copied))  # reactivating does not revive it


def test_an_admin_password_reset_ends_the_users_sessions(app, client):
    target = app.test_client()
    _login(target)
    _login(client, "admin")
    client.post(
        f"/beheer/gebruikers/{_user(app).id}/wachtwoord",
        data={"new_password": "opnieuw-beginnen", "confirm": "opnieuw-beginnen"},
    )
    assert not _signed_in(target)


def _csrf(html: str) -> str:
    return re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', html).group(1)


def test_session_and_csrf_token_are_renewed_at_login(csrf_app):
    client = csrf_app.test_client()
    anonymous_token = _csrf(client.get("/login").get_data(as_text=True))
    before = _cookie(client, "session")
    response = client.post(
        "/login",
        data={"username": "medewerker", "password": PASSWORD, "csrf_token": anonymous_token},
    )
    assert response.status_code == 302
    assert _cookie(client, "session") != before
    # The token from the anonymous page no longer counts: a fixated token is useless.
    refused = client.post("/taal", data={"taal": "en", "csrf_token": anonymous_token})
    assert refused.status_code == 400
    fresh = _csrf(client.get("/profiel").get_data(as_text=True))
    assert fresh != anonymous_token
    assert client.post("/taal", data={"taal": "en", "csrf_token": fresh}).status_code == 302


def test_a_session_ends_on_the_server_after_its_lifetime(app, client):
    _login(client)
    with app.app_context():
        row = db.session.scalar(select(UserSession))
        assert not row.remember
        row.expires_at = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
        db.session.commit()
    assert not _signed_in(client)


def test_ended_sessions_are_pruned_at_the_next_sign_in(app, client):
    _login(client)
    client.post("/logout")
    with app.app_context():
        row = db.session.scalar(select(UserSession))
        row.revoked_at = dt.datetime.now(dt.UTC) - dt.timedelta(days=2)
        db.session.commit()
    _login(client)
    with app.app_context():
        rows = list(db.session.scalars(select(UserSession)))
        assert len(rows) == 1 and rows[0].revoked_at is None
