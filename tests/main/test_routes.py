import pytest


@pytest.mark.parametrize(
    ("username", "expected", "absent"),
    [
        (
            "admin",
            ["Beheer", "Volwassenheid van thema's", "Trainen", "Zoekgaten", "Leren zoeken"],
            [],
        ),
        (
            "programmamanager",
            ["Volwassenheid van thema's", "Zoekgaten", "Leren zoeken"],
            ["Trainen", "Beheer gebruikers"],
        ),
        (
            "trainer",
            ["Trainen", "Zoekgaten", "Leren zoeken"],
            ["Volwassenheid van thema's", "Beheer gebruikers"],
        ),
        (
            "medewerker",
            ["Leren zoeken"],
            ["Trainen", "Volwassenheid van thema's", "Zoekgaten", "Beheer gebruikers"],
        ),
    ],
)
def test_home_fits_the_role(client, login, username, expected, absent):
    login(username)
    html = client.get("/").get_data(as_text=True)
    for text in expected:
        assert text in html, text
    for text in absent:
        assert text not in html, text


def test_navigation_shows_admin_only_to_admins(client, login):
    login("medewerker")
    assert "/beheer/gebruikers" not in client.get("/").get_data(as_text=True)
    client.post("/logout")
    login("admin")
    assert "/beheer/gebruikers" in client.get("/").get_data(as_text=True)


def test_accessibility_statement_is_public_and_linked(client):
    html = client.get("/toegankelijkheid").get_data(as_text=True)
    assert "Toegankelijkheidsverklaring" in html
    assert "WCAG 2.1" in html
    assert 'href="/toegankelijkheid"' in client.get("/login").get_data(as_text=True)


def test_base_layout_has_skip_link_and_main_landmark(client):
    html = client.get("/login").get_data(as_text=True)
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html
