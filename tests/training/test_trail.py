"""The search trail: one search the learner asked for is one trail entry (issue 13, part 1).

Re-rendering the workspace after marking a document, using a hint, returning from a
document or opening the exercise is not a search. Typed fields and clicked facets both count
as filters, skill names come from the catalogue, and every page shows the same figures.
"""

from __future__ import annotations

import re
from html import unescape

from flask.testing import FlaskClient

from tests.training.conftest import user_id


def text(response) -> str:
    return unescape(response.get_data(as_text=True))


def search(client: FlaskClient, attempt_id: int, **params) -> str:
    response = client.get(f"/leren/pogingen/{attempt_id}", query_string=params or None)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def figure(page: str, label: str) -> str:
    """The number in front of a key figure's label on the trainer's learner page."""
    match = re.search(r"<strong>([\d.,]+)</strong>\s*" + re.escape(label), page)
    assert match, label
    return match.group(1)


def trail_items(page: str) -> list[str]:
    """The learner's own trail on the result page."""
    block = page.split("Jouw zoekopdrachten in deze poging", 1)[1].split("</ol>", 1)[0]
    return re.findall(r"<li>(.*?)</li>", block, re.S)


def test_marking_a_hint_and_reloads_are_not_searches(app, client, auth, login, start, training):
    login("medewerker")
    attempt = start(training.exercises["find_all"])
    search(client, attempt)  # opening the exercise: no search
    back = f"/leren/pogingen/{attempt}?q=schoolverlaten"
    search(client, attempt, q="schoolverlaten")
    for document in training.vsv_ids[:2]:
        response = client.post(
            f"/leren/pogingen/{attempt}/markeren", data={"document": document, "terug": back}
        )
        client.get(response.headers["Location"])  # the re-render after marking
    client.post(f"/leren/pogingen/{attempt}/hint", data={"terug": back})
    client.get(back)  # back from the hint
    client.get(f"/zoeken/documenten/{training.vsv_ids[0]}?poging={attempt}")
    client.get(back)  # back from a document
    search(client, attempt, q="schooluitval")
    search(client, attempt, q="schoolverlaten")  # going back to an earlier query is a search
    page = text(client.post(f"/leren/pogingen/{attempt}/inleveren", follow_redirects=True))
    items = trail_items(page)
    assert len(items) == 3, items
    assert "(leeg)" not in " ".join(items)


def test_typed_fields_and_facets_count_as_filters_and_skills_are_named_in_dutch(
    app, client, auth, login, start, training
):
    login("medewerker")
    attempt = start(training.exercises["find_all"])
    search(client, attempt, q="type:onderzoek jaar:2019 schoolverlaten")
    search(client, attempt, q="schoolverlaten", type="monitor")
    search(client, attempt, q="schoolverlaten OF schooluitval")
    client.post(f"/leren/pogingen/{attempt}/inleveren")
    auth.logout()
    login("trainer")
    page = text(client.get(f"/opdrachten/deelnemers/{user_id(app, 'medewerker')}"))
    assert figure(page, "zoekopdrachten met filters") == "2"
    assert figure(page, "zoekopdrachten per oefening") == "3"
    assert "field ×" not in page and "or ×" not in page
    assert "veld (type:, jaar:, thema:, afdeling:) × 1" in page
    assert "OF × 1" in page
    assert "filter × 1" in page


def test_skill_names_are_english_in_english(app, client, auth, login, start, training):
    login("medewerker")
    attempt = start(training.exercises["find_all"])
    search(client, attempt, q="type:onderzoek schoolverlaten")
    auth.logout()
    login("trainer")
    client.post("/taal", data={"taal": "en"})
    page = text(client.get(f"/opdrachten/deelnemers/{user_id(app, 'medewerker')}"))
    assert "field (type:, jaar:, thema:, afdeling:) × 1" in page
