"""Findability pages: key questions by programme managers and trainers, the scan from the
page, the theme page and the portfolio showing findability, charts, and no 500 on bad input."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from academy.extensions import db
from academy.maturity.services import save_criterion
from academy.models import FindabilityScan, KeyQuestion, LevelCriterion, ScanState

Login = Callable[[str], None]


def scan(client: FlaskClient) -> FindabilityScan:
    response = client.post("/themas/vindbaarheid/scans")
    assert response.status_code == 302
    assert "/themas/vindbaarheid/scans/" in response.headers["Location"]
    latest = db.session.scalar(select(FindabilityScan).order_by(FindabilityScan.id.desc()))
    assert latest is not None
    return latest


def test_a_programme_manager_adds_a_key_question_picked_from_search_results(
    app: Flask, client: FlaskClient, login: Login, world: dict[str, int]
) -> None:
    login("programmamanager")
    page = client.get("/themas/armoede/vindbaarheid/vragen/nieuw")
    assert page.status_code == 200
    found = client.post(
        "/themas/armoede/vindbaarheid/vragen/nieuw",
        data={"question": "Welk minimabeleid is er?", "search": "minimabeleid", "find": "Zoeken"},
    )
    html = found.get_data(as_text=True)
    assert found.status_code == 200
    assert "Nota minimabeleid" in html and f'value="{world["armoede-nota"]}"' in html
    saved = client.post(
        "/themas/armoede/vindbaarheid/vragen/nieuw",
        data={
            "question": "Welk minimabeleid is er?",
            "queries": "regelingen laag inkomen\nregelingen laag inkomen",
            "search": "minimabeleid",
            "documents": [str(world["armoede-nota"])],
            "submit": "Opslaan",
        },
    )
    assert saved.status_code == 302
    with app.app_context():
        question = db.session.scalar(
            select(KeyQuestion).where(KeyQuestion.question == "Welk minimabeleid is er?")
        )
        assert question is not None
        # the search the documents were picked with is recorded too (once)
        assert question.queries == ["regelingen laag inkomen", "minimabeleid"]
        assert [d.key for d in question.documents] == ["armoede-nota"]


@pytest.mark.parametrize(
    "data",
    [
        {"question": "", "documents": ["1"]},
        {"question": "Vraag zonder documenten"},
        {"question": "Onzin", "documents": ["abc"]},
        {"question": "Te groot", "documents": ["9" * 400]},
        {"question": "x" * 600, "documents": ["1"]},
        {"question": "Te veel", "queries": "\n".join(f"q{n}" for n in range(12))},
    ],
)
def test_bad_key_question_input_is_a_form_error_not_a_500(
    client: FlaskClient, login: Login, world: dict[str, int], data: dict[str, object]
) -> None:
    login("trainer")
    response = client.post(
        "/themas/armoede/vindbaarheid/vragen/nieuw", data={**data, "submit": "Opslaan"}
    )
    assert response.status_code == 400


def test_edit_and_delete_a_key_question(
    app: Flask, client: FlaskClient, login: Login, world: dict[str, int]
) -> None:
    login("trainer")
    url = f"/themas/armoede/vindbaarheid/vragen/{world['kq-armoede']}"
    assert "armoedemonitor" in client.get(url).get_data(as_text=True)
    # The question belongs to another theme than the URL says: not found.
    assert client.get(f"/themas/vsv/vindbaarheid/vragen/{world['kq-armoede']}").status_code == 404
    assert client.get("/themas/armoede/vindbaarheid/vragen/99999999999").status_code == 404
    response = client.post(
        url,
        data={
            "question": "Hoeveel armoede is er?",
            "queries": "armoedemonitor",
            "documents": [str(world["armoede-monitor"])],
            "submit": "Opslaan",
        },
    )
    assert response.status_code == 302
    assert client.post(f"{url}/verwijderen").status_code == 302
    with app.app_context():
        assert db.session.get(KeyQuestion, world["kq-armoede"]) is None


def test_an_employee_reads_findability_but_cannot_change_it(
    client: FlaskClient, login: Login, world: dict[str, int]
) -> None:
    login("medewerker")
    assert client.get("/themas/armoede/vindbaarheid").status_code == 200
    assert client.get("/themas/armoede/vindbaarheid/vragen/nieuw").status_code == 403
    assert client.post("/themas/vindbaarheid/scans").status_code == 403


def test_a_scan_from_the_page_shows_on_the_theme_page_and_the_portfolio(
    app: Flask, client: FlaskClient, login: Login, world: dict[str, int]
) -> None:
    login("programmamanager")
    assert "nog niet gemeten" in client.get("/themas/armoede/vindbaarheid").get_data(as_text=True)
    with app.app_context():
        done = scan(client)
        assert done.state == ScanState.DONE
        progress = client.get(f"/themas/vindbaarheid/scans/{done.id}/voortgang").get_json()
        assert progress["finished"] is True and progress["done"] == 2
    page = client.get("/themas/armoede/vindbaarheid").get_data(as_text=True)
    assert "100%" in page
    theme = client.get("/themas/armoede").get_data(as_text=True)
    assert 'id="vindbaarheid"' in theme and "100%" in theme
    portfolio = client.get("/themas?sorteer=vindbaarheid&vindbaarheid=gemeten")
    assert portfolio.status_code == 200
    assert "100%" in portfolio.get_data(as_text=True)
    assert client.get("/themas?vindbaarheid=raar").status_code == 200
    csv = client.get("/themas/export.csv?vindbaarheid=gemeten").get_data(as_text=True)
    assert "Vindbaarheid (%)" in csv.splitlines()[0]
    for url in ("/themas/armoede/vindbaarheid/grafiek.svg", "/themas/vindbaarheid/grafiek.svg"):
        chart = client.get(url)
        assert chart.status_code == 200 and chart.mimetype == "image/svg+xml"
        assert b"<title>" in chart.data


def test_a_theme_below_its_level_zero_criterion_is_flagged(
    app: Flask, client: FlaskClient, login: Login, world: dict[str, int]
) -> None:
    login("programmamanager")
    with app.app_context():
        criterion = db.session.scalar(
            select(LevelCriterion).where(LevelCriterion.level_number == 0)
        )
        assert criterion is not None
        save_criterion(criterion, level=0, text=criterion.text, findability_threshold=80)
        question = db.session.get(KeyQuestion, world["kq-vsv"])
        assert question is not None
        # Findable only through a document that does not answer it: the vsv theme fails.
        question.documents = [db.session.get(type(question.documents[0]), world["vsv-onderzoek"])]  # type: ignore[list-item]
        question.queries = ["armoedemonitor"]
        db.session.commit()
        scan(client)
    portfolio = client.get("/themas?vindbaarheid=onder").get_data(as_text=True)
    assert "Voortijdig schoolverlaten" in portfolio and "Armoede</a>" not in portfolio
    assert "onder criterium" in portfolio
    assert "onder criterium" in client.get("/themas/vsv").get_data(as_text=True)
    form = client.get("/themas/vsv/beoordelen").get_data(as_text=True)
    assert "niet voldaan volgens de meting" in form


def test_the_criterion_form_sets_a_threshold_on_level_zero_only(
    app: Flask, client: FlaskClient, login: Login
) -> None:
    login("programmamanager")
    with app.app_context():
        ids = {c.level_number: c.id for c in db.session.scalars(select(LevelCriterion)).all()}
    response = client.post(
        f"/themas/ladder/criteria/{ids[0]}",
        data={"text": "Vindbaar", "active": "y", "findability_threshold": "80"},
    )
    assert response.status_code == 302
    assert "gemeten: vindbaarheid ≥ 80%" in client.get("/themas/ladder").get_data(as_text=True)
    bad = client.post(
        f"/themas/ladder/criteria/{ids[0]}",
        data={"text": "Vindbaar", "active": "y", "findability_threshold": "9" * 400},
    )
    assert bad.status_code == 200  # the form again, with an error
    client.post(
        f"/themas/ladder/criteria/{ids[1]}",
        data={"text": "Iets", "active": "y", "findability_threshold": "50"},
    )
    with app.app_context():
        assert db.session.get(LevelCriterion, ids[0]).findability_threshold == 80  # type: ignore[union-attr]
        assert db.session.get(LevelCriterion, ids[1]).findability_threshold is None  # type: ignore[union-attr]


def test_an_assessment_keeps_the_measured_findability_and_its_scan(
    app: Flask, client: FlaskClient, login: Login, world: dict[str, int]
) -> None:
    import datetime as dt

    from academy.maturity.services import get_theme, record_assessment
    from academy.models import LEVEL_NUMBERS, LevelStatus

    login("programmamanager")
    with app.app_context():
        done = scan(client)
        theme = get_theme("armoede")
        assert theme is not None
        assessment = record_assessment(
            theme,
            assessor=None,
            assessed_on=dt.date.today(),
            statuses=dict.fromkeys(LEVEL_NUMBERS, LevelStatus.NOT_STARTED),
            criteria_met=[],
        )
        assert (assessment.findability_share, assessment.findability_scan_id) == (1.0, done.id)
    page = client.get("/themas/armoede").get_data(as_text=True)
    assert "Vindbaarheid gemeten: 100%" in page
