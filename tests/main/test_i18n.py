from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from sqlalchemy import select

from academy.extensions import db
from academy.models import User

ROOT = Path(__file__).resolve().parents[2]


def _ui_strings() -> set[str]:
    """Every translatable string in the code and templates, as `make extract-messages` sees it."""
    found: set[str] = set()
    for folder, method in (("academy", "python"), ("templates", "jinja2")):
        pattern = "**.py" if method == "python" else "**.html"
        for _file, _line, message, _comments, _ctx in extract_from_dir(
            ROOT / folder,
            method_map=[(pattern, method)],
            keywords={
                "_": None,
                "gettext": None,
                "_l": None,
                "lazy_gettext": None,
                "ngettext": (1, 2),
            },
            directory_filter=lambda path: "__pycache__" not in path,
        ):
            found.add(message if isinstance(message, str) else message[0])
    return found


def test_english_catalogue_translates_every_ui_string():
    with open(ROOT / "translations/en/LC_MESSAGES/messages.po", "rb") as handle:
        catalogue = read_po(handle)
    translated = {
        m.id[0] if isinstance(m.id, tuple) else m.id
        for m in catalogue
        if m.id
        and (all(m.string) if isinstance(m.string, tuple) else m.string)
        and "fuzzy" not in m.flags
    }
    missing = sorted(_ui_strings() - translated)
    assert not missing, f"run `make extract-messages` and translate: {missing[:10]}"


def test_dutch_is_the_default(client):
    html = client.get("/login").get_data(as_text=True)
    assert '<html lang="nl">' in html
    assert "Inloggen bij de Data Academie" in html


def test_switch_to_english_and_back(client):
    response = client.post(
        "/taal", data={"taal": "en"}, headers={"Referer": "http://localhost/login"}
    )
    assert response.headers["Location"] == "/login"
    html = client.get("/login").get_data(as_text=True)
    assert '<html lang="en">' in html
    assert "Sign in to the Data Academie" in html
    client.post("/taal", data={"taal": "nl"})
    assert "Inloggen bij de Data Academie" in client.get("/login").get_data(as_text=True)


def test_language_is_remembered_on_the_account(app, client, login):
    login("medewerker")
    client.post("/taal", data={"taal": "en"})
    with app.app_context():
        assert db.session.scalar(select(User.locale).where(User.username == "medewerker")) == "en"
    # A new browser session picks the saved language up after signing in.
    other = app.test_client()
    other.post("/login", data={"username": "medewerker", "password": "academie-test"})
    assert "Welcome, Medewerker" in other.get("/").get_data(as_text=True)


def test_unknown_language_is_refused_with_a_message(client):
    client.post("/taal", data={"taal": "xx"})
    html = client.get("/login").get_data(as_text=True)
    assert "Die taal is niet beschikbaar." in html
    assert '<html lang="nl">' in html


def test_referrer_from_another_site_is_not_followed(client):
    response = client.post(
        "/taal", data={"taal": "en"}, headers={"Referer": "https://evil.example/x"}
    )
    assert response.headers["Location"] == "/"


def test_error_pages_are_dutch_with_a_way_back(client, login):
    response = client.get("/bestaat-niet")
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert "Pagina niet gevonden" in html and 'href="/login"' in html
    login("medewerker")
    response = client.get("/beheer/gebruikers")
    assert response.status_code == 403
    assert "Geen toegang" in response.get_data(as_text=True)
    assert 'href="/"' in response.get_data(as_text=True)


def test_unexpected_error_gives_dutch_500_and_rolls_back(app, client):
    @app.route("/kapot")
    def broken():
        raise RuntimeError("boom")

    response = client.get("/kapot")
    assert response.status_code == 500
    assert "Er ging iets mis" in response.get_data(as_text=True)
