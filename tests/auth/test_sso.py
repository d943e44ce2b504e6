"""Single sign-on against a real OpenID Connect provider started by the tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from academy.extensions import db
from academy.models import AuditEvent, Role, User, UserSession
from tests.conftest import PASSWORD, build_app
from tests.oidc import approve, running_provider, set_claims

SSO_BUTTON = "Inloggen met je gemeenteaccount"


@pytest.fixture(scope="module")
def issuer() -> Iterator[str]:
    with running_provider() as url:
        yield url


def sso_config(issuer: str, **overrides) -> dict:
    return {
        "OIDC_ISSUER": issuer,
        "OIDC_CLIENT_ID": "data-academie",
        "OIDC_CLIENT_SECRET": "client-geheim",
        "OIDC_ROLE_GROUPS": "academie-trainers=trainer, academie-beheer=admin",
        "OIDC_TEAM_GROUPS": "afd-onderzoek=Team Data en Onderzoek",
        **overrides,
    }


@pytest.fixture
def sso_app(tmp_path: Path, password_hash: str, issuer: str) -> Iterator[Flask]:
    yield from build_app(tmp_path, password_hash, **sso_config(issuer))


def sign_in_with_sso(client: FlaskClient, subject: str, next_url: str | None = None):
    start = client.get("/login/gemeente", query_string={"next": next_url} if next_url else {})
    assert start.status_code == 302
    back = urlsplit(approve(start.headers["Location"], subject))
    assert back.path == "/login/gemeente/terug"
    return client.get(f"{back.path}?{back.query}")


def _user(app: Flask, username: str) -> User | None:
    with app.app_context():
        user = db.session.scalar(select(User).where(User.username == username))
        if user is not None:
            _ = user.team, user.roles
        return user


def _actions(app: Flask) -> list[str]:
    with app.app_context():
        return [e.action for e in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id))]


def test_the_login_page_offers_sso_only_when_configured(sso_app, app):
    assert SSO_BUTTON in sso_app.test_client().get("/login").get_data(as_text=True)
    assert SSO_BUTTON not in app.test_client().get("/login").get_data(as_text=True)
    assert app.test_client().get("/login/gemeente").status_code == 404


def test_first_sign_in_creates_the_user_with_roles_and_team_from_groups(sso_app, issuer):
    set_claims(
        issuer,
        "sub-jdv",
        preferred_username="J.deVries",
        name="Jan de Vries",
        email="j.devries@gemeente.example",
        groups=["academie-trainers", "afd-onderzoek", "iets-anders"],
    )
    client = sso_app.test_client()
    response = sign_in_with_sso(client, "sub-jdv")
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert "Welkom, Jan de Vries" in client.get("/").get_data(as_text=True)
    user = _user(sso_app, "j.devries")
    assert user.oidc_subject == "sub-jdv" and user.full_name == "Jan de Vries"
    assert user.roles == {Role.TRAINER}
    assert user.team.name == "Team Data en Onderzoek"
    assert user.password_hash == "!sso"  # no password: this account signs in with SSO
    actions = _actions(sso_app)
    assert actions.index("user.created") < actions.index("auth.login_sso")
    with sso_app.app_context():
        assert db.session.scalar(select(UserSession.user_id)) == user.id


def test_the_next_sign_in_matches_the_subject_and_follows_group_changes(sso_app, issuer):
    set_claims(issuer, "sub-pb", preferred_username="p.bakker", groups=["academie-trainers"])
    assert sign_in_with_sso(sso_app.test_client(), "sub-pb").status_code == 302
    set_claims(issuer, "sub-pb", preferred_username="p.bakker", groups=["academie-beheer"])
    assert sign_in_with_sso(sso_app.test_client(), "sub-pb").status_code == 302
    assert _user(sso_app, "p.bakker").roles == {Role.ADMIN}
    assert "user.roles_changed" in _actions(sso_app)
    with sso_app.app_context():
        assert (
            db.session.scalar(select(db.func.count(User.id)).where(User.username == "p.bakker"))
            == 1
        )


def test_no_group_gives_the_employee_role(sso_app, issuer):
    set_claims(issuer, "sub-kaal", preferred_username="kaal")
    assert sign_in_with_sso(sso_app.test_client(), "sub-kaal").status_code == 302
    user = _user(sso_app, "kaal")
    assert user.roles == {Role.EMPLOYEE} and user.team is None


def test_an_existing_local_account_is_linked_on_first_sign_in(sso_app, issuer):
    set_claims(issuer, "sub-mw", preferred_username="medewerker", groups=[])
    before = _user(sso_app, "medewerker")
    client = sso_app.test_client()
    assert sign_in_with_sso(client, "sub-mw").status_code == 302
    after = _user(sso_app, "medewerker")
    assert after.id == before.id and after.oidc_subject == "sub-mw"


def test_a_deactivated_account_cannot_sign_in_with_sso(sso_app, issuer):
    set_claims(issuer, "sub-uit", preferred_username="trainer")
    with sso_app.app_context():
        db.session.scalar(select(User).where(User.username == "trainer")).active = False
        db.session.commit()
    client = sso_app.test_client()
    response = sign_in_with_sso(client, "sub-uit")
    assert response.headers["Location"] == "/login"
    assert client.get("/").status_code == 302
    assert "auth.login_sso_failed" in _actions(sso_app)


@pytest.mark.parametrize(
    "query",
    ["", "code=verzonnen&state=verzonnen", "error=access_denied", "state=%00&code=" + "x" * 3000],
)
def test_a_forged_or_failed_callback_is_a_failed_sign_in_not_a_500(sso_app, query):
    client = sso_app.test_client()
    client.get("/login/gemeente")  # a state in the session, which the forgery does not match
    response = client.get(f"/login/gemeente/terug?{query}")
    assert response.status_code == 302 and response.headers["Location"] == "/login"
    assert client.get("/").status_code == 302
    assert "niet gelukt" in client.get("/login").get_data(as_text=True)
    assert _actions(sso_app)[-1] == "auth.login_sso_failed"


def test_next_survives_the_round_trip_but_only_on_this_site(sso_app, issuer):
    set_claims(issuer, "sub-next", preferred_username="volger")
    response = sign_in_with_sso(sso_app.test_client(), "sub-next", "/themas?domein=x")
    assert response.headers["Location"] == "/themas?domein=x"
    response = sign_in_with_sso(sso_app.test_client(), "sub-next", "//evil.example")
    assert response.headers["Location"] == "/"


@pytest.fixture
def sso_only_app(tmp_path, password_hash, issuer) -> Iterator[Flask]:
    config = sso_config(issuer, LOCAL_LOGIN=False, LOCAL_LOGIN_USERS="admin")
    yield from build_app(tmp_path, password_hash, **config)


def test_local_passwords_can_be_switched_off_except_break_glass(sso_only_app):
    client = sso_only_app.test_client()
    refused = client.post("/login", data={"username": "medewerker", "password": PASSWORD})
    assert refused.status_code == 200
    assert "Inloggen is niet gelukt" in refused.get_data(as_text=True)
    admin = sso_only_app.test_client()
    assert admin.post("/login", data={"username": "admin", "password": PASSWORD}).status_code == 302
    with sso_only_app.app_context():
        reasons = [
            e.details.get("reden")
            for e in db.session.scalars(
                select(AuditEvent).where(AuditEvent.action == "auth.login_failed")
            )
        ]
    assert reasons == ["local_disabled"]


def test_each_app_talks_to_its_own_provider(tmp_path):
    """A client caches its provider's metadata: a registry shared between apps sent the
    second app's users to the first app's provider (seen when two apps ran in one process)."""
    from academy import create_app
    from academy.auth import sso
    from tests.conftest import make_test_config

    urls = []
    for number in (1, 2):
        app = create_app(
            make_test_config(
                tmp_path / str(number),
                OIDC_ISSUER=f"http://127.0.0.1:{9000 + number}",
                OIDC_CLIENT_ID=f"academie-{number}",
                OIDC_CLIENT_SECRET="y",
            )
        )
        with app.app_context():
            urls.append(sso.client().client_id)
    assert urls == ["academie-1", "academie-2"]
