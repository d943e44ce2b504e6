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


def test_the_same_trail_figures_on_every_page_and_the_api(
    app, client, auth, login, start, training
):
    import datetime as dt

    from sqlalchemy import select

    from academy.auth.services import create_api_token
    from academy.extensions import db
    from academy.models import Assignment, AssignmentTarget, Team
    from tests.training.conftest import get_exercise, get_user

    login("medewerker")
    attempt = start(training.exercises["find_all"])
    search(client, attempt, q="type:onderzoek schoolverlaten")
    search(client, attempt, q="schooluitvalcijfers")
    search(client, attempt, q="schoolverlaten", thema="vsv")
    result = text(
        client.post(
            f"/leren/pogingen/{attempt}/inleveren", data={"bevestigd": "1"}, follow_redirects=True
        )
    )
    result = re.sub(r"<[^>]+>", " ", result)
    assert "3 zoekopdrachten · 1 zonder resultaat · 2 met filters" in re.sub(r"\s+", " ", result)
    auth.logout()
    with app.app_context():
        trainer = get_user("trainer")
        db.session.add(
            Assignment(
                exercise_id=get_exercise(training.exercises["find_all"]).id,
                due_date=dt.date.today(),
                created_by_id=trainer.id,
                targets=[AssignmentTarget(user_id=get_user("medewerker").id)],
            )
        )
        team_id = db.session.scalar(select(Team.id).where(Team.name == "Team Test"))
        _row, token = create_api_token(trainer, "test")
        db.session.commit()
    login("trainer")
    learner = text(client.get(f"/opdrachten/deelnemers/{user_id(app, 'medewerker')}"))
    assert figure(learner, "zoekopdrachten") == "3"
    assert figure(learner, "zoekopdrachten zonder resultaat") == "1"
    assert figure(learner, "zoekopdrachten met filters") == "2"
    matrix = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text(client.get("/opdrachten/overzicht"))))
    assert "3 zoekopdrachten · 1 zonder resultaat · 2 met filters" in matrix
    body = client.get(
        f"/api/v1/teams/{team_id}/voortgang", headers={"Authorization": f"Bearer {token}"}
    ).get_json()
    member = next(m for m in body["leden"] if m["gebruikersnaam"] == "medewerker")
    assert member["zoekgedrag"] == {
        "zoekopdrachten": 3,
        "perOefening": 3.0,
        "zonderResultaat": 1,
        "metFilters": 2,
    }
