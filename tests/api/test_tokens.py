"""Bearer tokens at the API: accepted, refused, revoked, and never the session."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from sqlalchemy import select

from academy.auth import services
from academy.extensions import db
from academy.models import ApiToken, User


def _user(username: str) -> User:
    return db.session.scalar(select(User).where(User.username == username))


def test_a_created_token_works_and_only_its_hash_is_stored(app, api):
    with app.app_context():
        row, token = services.create_api_token(_user("medewerker"), "dashboard")
        stored = db.session.get(ApiToken, row.id)
        assert stored.token_hash != token
        assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest()
        assert stored.prefix == token[:12] and token.startswith("da_")
        assert len(token) > 40  # 32 random bytes
        assert stored.last_used_at is None
    response = api.client.get("/api/v1/themas", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    with app.app_context():
        assert db.session.get(ApiToken, row.id).last_used_at is not None


def test_last_used_is_written_at_most_once_a_minute(app, api):
    with app.app_context():
        row, token = services.create_api_token(_user("medewerker"), "dashboard")
        row_id = row.id
    headers = {"Authorization": f"Bearer {token}"}
    api.client.get("/api/v1/niveaus", headers=headers)
    with app.app_context():
        first = db.session.get(ApiToken, row_id).last_used_at
    api.client.get("/api/v1/niveaus", headers=headers)
    with app.app_context():
        assert db.session.get(ApiToken, row_id).last_used_at == first
        db.session.get(ApiToken, row_id).last_used_at = first - dt.timedelta(minutes=5)
        db.session.commit()
    api.client.get("/api/v1/niveaus", headers=headers)
    with app.app_context():
        assert db.session.get(ApiToken, row_id).last_used_at > first - dt.timedelta(minutes=5)


def test_a_revoked_token_gets_401(app, api, data):
    token = data.tokens["medewerker"]
    assert api.get("/api/v1/themas").status_code == 200
    with app.app_context():
        row = db.session.scalar(
            select(ApiToken).where(ApiToken.token_hash == services.hash_api_token(token))
        )
        assert services.revoke_api_token(_user("medewerker"), row.id)
    response = api.get("/api/v1/themas")
    assert response.status_code == 401
    assert response.mimetype == "application/problem+json"
    assert (
        response.headers["WWW-Authenticate"]
        == 'Bearer realm="Data Academie", error="invalid_token"'
    )
    assert "ingetrokken" in response.get_json()["detail"]


def test_a_deactivated_users_token_gets_401(app, api):
    with app.app_context():
        _user("medewerker").active = False
        db.session.commit()
    assert api.get("/api/v1/themas").status_code == 401


@pytest.mark.parametrize(
    "header",
    [
        "",
        "Bearer",
        "Bearer ",
        "Basic bWVkZXdlcmtlcjphY2FkZW1pZQ==",
        "Bearer da_verzonnen",
        "Bearer niet-eens-ons-formaat",
        "Bearer " + "x" * 5000,
        "Token da_x",
    ],
)
def test_missing_or_wrong_credentials_get_401(app, api, header):
    response = api.client.get("/api/v1/themas", headers={"Authorization": header} if header else {})
    assert response.status_code == 401
    assert response.mimetype == "application/problem+json"
    assert response.headers["WWW-Authenticate"].startswith('Bearer realm="Data Academie"')


def test_the_scheme_is_case_insensitive(app, api, data):
    headers = {"Authorization": f"bearer {data.tokens['medewerker']}"}
    assert api.client.get("/api/v1/themas", headers=headers).status_code == 200


def test_a_signed_in_browser_session_is_not_an_api_credential(app, client, login):
    login("admin")
    assert client.get("/").status_code == 200  # the session works for pages
    response = client.get("/api/v1/themas")
    assert response.status_code == 401
    assert response.mimetype == "application/problem+json"


def test_api_calls_set_no_session_cookie(app, api):
    response = api.get("/api/v1/themas")
    assert "Set-Cookie" not in response.headers


def test_a_token_has_its_owners_roles(app, api):
    assert api.get("/api/v1/teams", "medewerker").status_code == 403
    with app.app_context():
        from academy.models import Role, UserRole

        user = _user("medewerker")
        db.session.add(UserRole(user_id=user.id, role=Role.TRAINER.value))
        db.session.commit()
    assert api.get("/api/v1/teams", "medewerker").status_code == 200


# --- expiry, scope, and revocation by a password change -----------------------------------


def _token_row(token: str) -> ApiToken:
    return db.session.scalar(
        select(ApiToken).where(ApiToken.token_hash == services.hash_api_token(token))
    )


def test_an_expired_token_gets_401(app, api, data):
    token = data.tokens["medewerker"]
    with app.app_context():
        _token_row(token).expires_at = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
        db.session.commit()
    response = api.get("/api/v1/themas")
    assert response.status_code == 401
    assert "verlopen" in response.get_json()["detail"]


def test_the_expiry_is_chosen_at_creation_and_at_most_a_year(app, client, login):
    login("medewerker")
    html = client.post(
        "/profiel", data={"name": "kwartaal", "lifetime": "30", "read_only": "y"}
    ).get_data(as_text=True)
    assert "da_" in html
    with app.app_context():
        row = db.session.scalar(select(ApiToken).where(ApiToken.name == "kwartaal"))
        expires = row.expires_at.replace(tzinfo=dt.UTC)
        expected = dt.datetime.now(dt.UTC) + dt.timedelta(days=30)
        assert abs(expires - expected) < dt.timedelta(minutes=1)
        assert row.read_only is True
        with pytest.raises(services.DomainError):
            services.create_api_token(_user("medewerker"), "te lang", expires_in_days=366)
    refused = client.post("/profiel", data={"name": "eeuwig", "lifetime": "36500"})
    assert refused.status_code == 200
    with app.app_context():
        assert db.session.scalar(select(ApiToken).where(ApiToken.name == "eeuwig")) is None


def test_a_read_only_token_reads_but_cannot_write(app, api):
    with app.app_context():
        _row, token = services.create_api_token(
            _user("programmamanager"), "alleen lezen", read_only=True
        )
    headers = {"Authorization": f"Bearer {token}"}
    assert api.client.get("/api/v1/themas", headers=headers).status_code == 200
    response = api.client.post("/api/v1/themas/vsv/beoordelingen", headers=headers, json={})
    assert response.status_code == 403
    assert response.mimetype == "application/problem+json"
    assert "alleen lezen" in response.get_json()["detail"]
    # The same call with a full token passes the scope check (and fails on the empty body).
    assert api.post("/api/v1/themas/vsv/beoordelingen", json={}).status_code == 400


def _change_password(client, *, keep: bool):
    data = {
        "current_password": "academie-test",
        "new_password": "nieuw-genoeg",
        "confirm": "nieuw-genoeg",
    }
    if keep:
        data["keep_tokens"] = "y"
    return client.post("/wachtwoord", data=data)


def test_a_password_change_revokes_the_users_tokens(app, api, data, client, login):
    """Old code: API tokens survived a password change."""
    login("medewerker")
    assert _change_password(client, keep=False).status_code == 302
    assert api.get("/api/v1/themas", "medewerker").status_code == 401
    assert api.get("/api/v1/themas", "trainer").status_code == 200  # others keep theirs


def test_a_password_change_can_keep_the_tokens(app, api, data, client, login):
    login("medewerker")
    assert _change_password(client, keep=True).status_code == 302
    assert api.get("/api/v1/themas", "medewerker").status_code == 200
