"""The practice search page explains itself (issue 13, part 4): "Waarom dit resultaat?" per
hit, notes worded from search_module's codes, and a help page with the exact rules."""

from __future__ import annotations

import re
from html import unescape


def page(client, query: str, **params) -> str:
    response = client.get("/zoeken", query_string={"q": query, **params})
    assert response.status_code == 200
    text = re.sub(r"<(?!/?(li|p)\b)[^>]+>", "", response.get_data(as_text=True))
    return re.sub(r"\s+", " ", unescape(text))


def test_each_hit_says_why_it_was_found(client, login, documents):
    login("medewerker")
    html = page(client, "schoolverlaten type:onderzoek", jaar="2019")
    assert "Waarom dit resultaat?" in html
    assert "schoolverlaten: titel, tekst" in html
    assert "type:onderzoek: documenttype" in html
    assert "Filters: jaar = 2019" in html


def test_lowercase_operator_gets_a_hint(client, login, documents):
    login("medewerker")
    html = page(client, "armoede of kinderen")
    assert "Bedoelde je OF? Schrijf operatoren met hoofdletters." in html
    assert "Bedoelde je" not in page(client, "armoede OF kinderen")


def test_a_theme_word_is_pointed_at_thema(client, login, documents):
    login("medewerker")
    html = page(client, "funderingen")
    assert "thema:funderingen" in html and "Funderingen" in html


def test_the_help_page_lists_the_rules(client, login):
    login("medewerker")
    html = unescape(client.get("/zoeken/hulp").get_data(as_text=True))
    for rule in (
        "NIET",
        "OF",
        "thema:",
        "jaar:2015..2020",
        "hoofdletters",
        "Waarom dit resultaat?",
    ):
        assert rule in html


def test_explanations_in_english(client, login, documents):
    login("medewerker")
    client.post("/taal", data={"taal": "en"})
    html = page(client, "armoede of kinderen")
    assert "Did you mean OF? Write operators in capitals." in html
    assert "Why this result?" in page(client, "armoede")
