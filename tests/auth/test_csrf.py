import re

import pytest

from tests.conftest import PASSWORD, redirect_path


def _token(html: str) -> str:
    return re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', html).group(1)


def test_login_without_csrf_token_is_rejected(csrf_app):
    client = csrf_app.test_client()
    response = client.post("/login", data={"username": "medewerker", "password": PASSWORD})
    assert response.status_code == 400
    assert "Dat begrepen we niet" in response.get_data(as_text=True)
    assert redirect_path(client.get("/")) == "/login"  # not signed in


def test_login_with_csrf_token_works(csrf_app):
    client = csrf_app.test_client()
    token = _token(client.get("/login").get_data(as_text=True))
    response = client.post(
        "/login", data={"username": "medewerker", "password": PASSWORD, "csrf_token": token}
    )
    assert redirect_path(response) == "/"  # signed in, home


@pytest.mark.parametrize("path", ["/logout", "/taal"])
def test_bare_posts_without_token_get_dutch_400(csrf_app, path):
    client = csrf_app.test_client()
    response = client.post(path, data={"taal": "en"})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Dat begrepen we niet" in html
    assert 'lang="nl"' in html
