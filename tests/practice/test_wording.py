"""search_module's plain values worded and marked up in one place (academy.practice.explain),
in Dutch and in English."""

from __future__ import annotations

import pytest
from flask_babel import force_locale

from academy.practice.explain import hint_text, marked_html, understood_text
from search_module import HINT_CODES, Hint, Meaning, TextPart, Understood

SAMPLE = {
    "max": 50,
    "field": "titel",
    "distance": 7,
    "word": "armoed",
    "min": 3,
    "value": "2020..2015",
    "start": 2015,
    "end": 2020,
    "example": "type:factsheet",
    "operator": "AND",
    "words": "de, het",
    "key": "type",
    "pattern": "sch*",
}


@pytest.mark.parametrize("code", sorted(HINT_CODES))
def test_every_hint_code_is_worded_in_dutch_and_english(app, code: str) -> None:
    hint = Hint(code, {name: SAMPLE[name] for name in HINT_CODES[code]})
    with app.test_request_context():
        with force_locale("nl"):
            dutch = hint_text(hint)
        with force_locale("en"):
            english = hint_text(hint)
    assert dutch and english and dutch != english, (dutch, english)
    for name in HINT_CODES[code]:
        assert str(SAMPLE[name]) in dutch and str(SAMPLE[name]) in english, name


def test_an_unknown_hint_code_says_nothing(app) -> None:
    with app.test_request_context():
        assert hint_text(Hint("no_such_code")) == ""


def test_understood_in_both_languages(app) -> None:
    understood = Understood(
        "jeugd* EN armoed~2",
        (
            Meaning("prefix", {"prefix": "jeugd"}),
            Meaning("fuzzy", {"word": "armoed", "distance": 2}),
        ),
        (("thema", ("Armoede", "Jeugd")),),
    )
    with app.test_request_context():
        with force_locale("nl"):
            assert understood_text(understood) == (
                'jeugd* EN armoed~2 (jeugd* = woorden die beginnen met "jeugd"; armoed~2 = '
                'woorden die op "armoed" lijken (2 letters verschil)); filters: thema Armoede '
                "of Jeugd"
            )
            assert understood_text(Understood()) == "alle documenten (nieuwste eerst)"
        with force_locale("en"):
            assert understood_text(understood) == (
                'jeugd* EN armoed~2 (jeugd* = words starting with "jeugd"; armoed~2 = words '
                'that look like "armoed" (2 letters different)); filters: theme Armoede or Jeugd'
            )
            assert understood_text(Understood()) == "all documents (newest first)"


def test_marked_html_escapes_every_part() -> None:
    parts = (TextPart("a <b> & "), TextPart("<script>", marked=True), TextPart(" z"))
    assert str(marked_html(parts)) == "a &lt;b&gt; &amp; <mark>&lt;script&gt;</mark> z"
    assert str(marked_html(())) == ""


def test_the_page_marks_and_escapes(client, login, documents) -> None:
    login("medewerker")
    html = client.get("/zoeken", query_string={"q": "script"}).get_data(as_text=True)
    assert "&lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt;" in html
    assert "<script>alert" not in html


def test_hints_and_understood_follow_the_language(client, login, documents) -> None:
    login("medewerker")
    html = client.get("/zoeken", query_string={"q": "armoede AND jeugd*"}).get_data(as_text=True)
    assert "woorden die beginnen met" in html
    html = client.get("/zoeken", query_string={"q": "armoede AND"}).get_data(as_text=True)
    assert "AND zonder woord erachter is genegeerd." in html
    client.post("/taal", data={"taal": "en"})
    html = client.get("/zoeken", query_string={"q": "armoede AND"}).get_data(as_text=True)
    assert "AND without a word after it is ignored." in html
    assert "zonder woord" not in html
    html = client.get("/zoeken", query_string={"q": "armoede AND jeugd*"}).get_data(as_text=True)
    assert "words starting with" in html and "woorden die beginnen met" not in html
