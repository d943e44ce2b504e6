"""The profile page: personal API tokens are made (shown once), listed and revoked."""

from __future__ import annotations

import re

from sqlalchemy import select

from academy.auth import services
from academy.extensions import db
from academy.models import ApiToken, User

TOKEN = re.compile(r'value="(da_[A-Za-z0-9_-]+)"')


def _make(client, name: str = "Dashboard sociaal domein"):
    return client.post("/profiel", data={"name": name})


def test_profile_needs_a_login(client):
    response = client.get("/profiel")
    assert response.status_code == 302 and response.headers["Location"].startswith("/login")


def test_the_header_name_links_to_the_profile_which_links_onwards(client, login):
    login("medewerker")
    home = client.get("/").get_data(as_text=True)
    assert 'href="/profiel" class="user-link"' in home
    page = client.get("/profiel").get_data(as_text=True)
    assert 'href="/wachtwoord"' in page
    assert 'href="/api"' in page
    assert "Je hebt nog geen actieve tokens." in page


def test_a_new_token_is_shown_once_and_works(app, client, login):
    login("medewerker")
    response = _make(client)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    html = response.get_data(as_text=True)
    token = TOKEN.search(html).group(1)
    assert "Kopieer het token nu" in html
    # it works as a bearer token
    api = app.test_client().get("/api/v1/themas", headers={"Authorization": f"Bearer {token}"})
    assert api.status_code == 200
    # a reload shows the token's name and prefix, never the token itself
    again = client.get("/profiel").get_data(as_text=True)
    assert token not in again
    assert "Dashboard sociaal domein" in again and token[:12] in again
    assert "Kopieer het token nu" not in again
    with app.app_context():
        row = db.session.scalar(select(ApiToken))
        assert row.token_hash == services.hash_api_token(token) != token
        assert token not in (row.name, row.prefix, row.token_hash)


def test_last_used_shows_on_the_page(app, client, login):
    login("medewerker")
    token = TOKEN.search(_make(client).get_data(as_text=True)).group(1)
    assert "nog niet" in client.get("/profiel").get_data(as_text=True)
    app.test_client().get("/api/v1/niveaus", headers={"Authorization": f"Bearer {token}"})
    assert "nog niet" not in client.get("/profiel").get_data(as_text=True)


def test_revoke_own_token(app, client, login):
    login("medewerker")
    token = TOKEN.search(_make(client).get_data(as_text=True)).group(1)
    with app.app_context():
        token_id = db.session.scalar(select(ApiToken.id))
    response = client.post(f"/profiel/tokens/{token_id}/intrekken")
    assert response.status_code == 302 and response.headers["Location"] == "/profiel"
    page = client.get("/profiel").get_data(as_text=True)
    assert "Het token is ingetrokken" in page
    assert "Dashboard sociaal domein" not in page
    api = app.test_client().get("/api/v1/themas", headers={"Authorization": f"Bearer {token}"})
    assert api.status_code == 401
    # revoking twice finds nothing
    assert client.post(f"/profiel/tokens/{token_id}/intrekken").status_code == 404


def test_nobody_revokes_someone_elses_token(app, client, login):
    with app.app_context():
        owner = db.session.scalar(select(User).where(User.username == "trainer"))
        row, token = services.create_api_token(owner, "van de trainer")
        token_id = row.id
    login("admin")  # not even an admin: tokens are personal
    assert client.post(f"/profiel/tokens/{token_id}/intrekken").status_code == 404
    assert "van de trainer" not in client.get("/profiel").get_data(as_text=True)
    api = app.test_client().get("/api/v1/themas", headers={"Authorization": f"Bearer {token}"})
    assert api.status_code == 200
    assert client.post("/profiel/tokens/99999999999999999999999/intrekken").status_code == 404


def test_a_name_is_required_and_short(client, login):
    login("medewerker")
    for name in ("", "   ", "x" * 101):
        html = _make(client, name).get_data(as_text=True)
        assert TOKEN.search(html) is None
        assert "Controleer het formulier" in html


def test_the_number_of_active_tokens_is_limited(app, client, login):
    login("medewerker")
    for number in range(services.MAX_ACTIVE_TOKENS):
        assert TOKEN.search(_make(client, f"token {number}").get_data(as_text=True))
    html = _make(client, "een te veel").get_data(as_text=True)
    assert TOKEN.search(html) is None
    assert "Trek er eerst een in" in html


def test_profile_forms_need_csrf(csrf_app):
    client = csrf_app.test_client()
    html = client.get("/login").get_data(as_text=True)
    csrf = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)
    client.post(
        "/login", data={"username": "medewerker", "password": "academie-test", "csrf_token": csrf}
    )
    assert client.post("/profiel", data={"name": "zonder token"}).status_code == 400
    page = client.get("/profiel").get_data(as_text=True)
    csrf = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    made = client.post("/profiel", data={"name": "met token", "csrf_token": csrf})
    assert TOKEN.search(made.get_data(as_text=True))
