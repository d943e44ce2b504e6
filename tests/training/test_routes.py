"""The learner's and trainer's pages under /leren, driven through HTTP."""

from __future__ import annotations

import re
from html import unescape

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from academy.documents.indexing import rebuild_index
from academy.extensions import db
from academy.models import Attempt, Document, QueryLog
from tests.conftest import redirect_path
from tests.training.conftest import (
    attempt_row,
    document_ids_in,
    get_exercise,
    get_module,
    get_user,
    pass_everything,
    user_id,
)


def text(response) -> str:
    return unescape(response.get_data(as_text=True))


def workspace(client: FlaskClient, attempt_id: int, query: str = "", **filters) -> str:
    params = {"q": query, **filters} if query or filters else None
    response = client.get(f"/leren/pogingen/{attempt_id}", query_string=params)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def mark(client: FlaskClient, attempt_id: int, document_id: int | str):
    return client.post(f"/leren/pogingen/{attempt_id}/markeren", data={"document": document_id})


def submit(client: FlaskClient, attempt_id: int, answer: str | None = None) -> str:
    data = {} if answer is None else {"answer": answer}
    response = client.post(f"/leren/pogingen/{attempt_id}/inleveren", data=data)
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/leren/pogingen/{attempt_id}/resultaat")
    return text(client.get(response.headers["Location"]))


def logged_queries(app: Flask, attempt_id: int) -> list[str]:
    with app.app_context():
        return list(
            db.session.scalars(select(QueryLog.query).where(QueryLog.attempt_id == attempt_id))
        )


# --- the whole module, as a learner ---------------------------------------------------------------


def test_learner_completes_a_module_end_to_end(app, client, auth, login, start, training) -> None:
    module_url = f"/leren/modules/{training.module}"
    login("medewerker")

    overview = text(client.get("/leren"))
    assert "Leren zoeken in het archief" in overview and "0 van 2 lessen gelezen" in overview
    assert "Geheime conceptmodule" not in overview

    # Before completion the certificate sends the learner back with a message.
    response = client.get(f"{module_url}/certificaat")
    assert response.status_code == 302 and response.headers["Location"].endswith(module_url)
    assert "Het certificaat komt beschikbaar" in text(client.get(module_url))

    # Lessons: read, then "gelezen" leads to the next and finally to the exercises.
    lesson = text(client.get(f"{module_url}/lessen/waarom-zoeken"))
    assert "<h2>Vinden</h2>" in lesson and "<strong>zoeken</strong>" in lesson
    response = client.post(f"{module_url}/lessen/waarom-zoeken/gelezen")
    assert response.headers["Location"].endswith(f"{module_url}/lessen/zoeken-met-of")
    response = client.post(f"{module_url}/lessen/zoeken-met-of/gelezen")
    assert response.headers["Location"].endswith(f"{module_url}#oefeningen")
    assert "Alle lessen van deze module zijn gelezen" in text(client.get(module_url))

    # Known item: search, mark the document from the results, hand in.
    attempt = start(training.exercises["known_item"])
    monitor = training.docs["armoede-monitor-2024"]
    assert monitor in document_ids_in(workspace(client, attempt, "armoedemonitor"))
    assert mark(client, attempt, monitor).status_code == 302
    assert "in je antwoord" in workspace(client, attempt)
    result = submit(client, attempt)
    assert "Voldaan" in result and "score 100%" in result
    assert "Gevonden: dit is het gezochte document." in result

    # Fact: search, type the answer.
    attempt = start(training.exercises["fact"])
    assert "4.312 leerlingen" in workspace(client, attempt, '"zonder startkwalificatie"')
    result = submit(client, attempt, "Het waren 4.312 leerlingen")
    assert "Voldaan" in result and "Het waren 4.312 leerlingen" in result

    # Find all: a facet filter, then every result marked.
    attempt = start(training.exercises["find_all"])
    found = document_ids_in(workspace(client, attempt, thema="vsv"))
    assert sorted(found) == sorted(training.vsv_ids)
    for document_id in found:
        mark(client, attempt, document_id)
    result = submit(client, attempt)
    assert "Voldaan" in result and "Precisie 100% · volledigheid 100%" in result
    assert "Je vond 3 van de 3 relevante documenten." in result

    # Process: the workspace search is logged with the attempt and graded from that log.
    attempt = start(training.exercises["process"])
    workspace(client, attempt, "schooluitval OF thuiszitters")
    assert logged_queries(app, attempt) == ["schooluitval OF thuiszitters"]
    result = submit(client, attempt)
    assert "Voldaan" in result and "Goed: je gebruikte OF (OR) tussen zoektermen." in result
    assert "schooluitval OF thuiszitters" in result  # the search trail

    # Open: handed in, scored by a trainer.
    attempt = start(training.exercises["open"])
    result = submit(client, attempt, "Ik zocht op thema en filterde op type.")
    assert "Een trainer beoordeelt het" in result
    assert redirect_path(client.get(f"{module_url}/certificaat")) == module_url  # not yet
    auth.logout()
    login("trainer")
    response = client.post(
        f"/leren/beheer/pogingen/{attempt}",
        data={"criterium-0": "2", "criterium-1": "2", "criterium-2": "1", "feedback": "Mooi."},
    )
    assert response.status_code == 302
    auth.logout()
    login("medewerker")
    result = text(client.get(f"/leren/pogingen/{attempt}/resultaat"))
    assert "Voldaan" in result and "Mooi." in result and "Noemt de bron: 2 / 2" in result

    module = text(client.get(module_url))
    assert "100% afgerond" in module and "Je hebt deze module afgerond." in module
    certificate = client.get(f"{module_url}/certificaat")
    assert certificate.status_code == 200
    page = text(certificate)
    assert "Medewerker" in page  # the learner's name
    assert "Leren zoeken in het archief" in page
    assert "2 lessen gelezen · 5 oefeningen voldaan" in page


def test_certificate_of_a_draft_or_unknown_module_is_404(client, login, training) -> None:
    login("medewerker")
    assert client.get(f"/leren/modules/{training.draft_module}/certificaat").status_code == 404
    assert client.get("/leren/modules/bestaat-niet/certificaat").status_code == 404


def test_certificate_is_per_learner(app, client, auth, login, training) -> None:
    """Another learner's completed module gives this learner no certificate."""
    with app.app_context():
        pass_everything(training, user=get_user("trainer"))
    login("medewerker")
    module_url = f"/leren/modules/{training.module}"
    assert redirect_path(client.get(f"{module_url}/certificaat")) == module_url


# --- results --------------------------------------------------------------------------------------


def test_expert_query_only_after_passing(client, login, start, training) -> None:
    login("medewerker")
    attempt = start(training.exercises["known_item"])
    mark(client, attempt, training.docs["armoede-nota-2023"])
    result = submit(client, attempt)
    assert "Nog niet voldaan" in result
    assert "Zo zou een expert zoeken" not in result and "titel:armoedemonitor" not in result
    assert "hoort er niet bij" in result

    attempt = start(training.exercises["known_item"])
    mark(client, attempt, training.docs["armoede-monitor-2024"])
    result = submit(client, attempt)
    assert "Zo zou een expert zoeken" in result and "titel:armoedemonitor" in result


def test_result_of_an_open_attempt_redirects_to_the_workspace_and_back(
    client, login, start, training
) -> None:
    login("medewerker")
    attempt = start(training.exercises["fact"])
    response = client.get(f"/leren/pogingen/{attempt}/resultaat")
    assert response.headers["Location"].endswith(f"/leren/pogingen/{attempt}")
    submit(client, attempt, "4312")
    response = client.get(f"/leren/pogingen/{attempt}")
    assert response.headers["Location"].endswith(f"/leren/pogingen/{attempt}/resultaat")


def test_starting_again_continues_the_open_attempt(client, login, start, training) -> None:
    login("medewerker")
    first = start(training.exercises["fact"])
    assert start(training.exercises["fact"]) == first
    page = text(client.get(f"/leren/oefeningen/{training.exercises['fact']}"))
    assert "Verder met de oefening" in page and "bezig" in page


def test_max_attempts_through_the_pages(app, client, login, start, training) -> None:
    with app.app_context():
        get_exercise(training.exercises["fact"]).max_attempts = 1
        db.session.commit()
    login("medewerker")
    submit(client, start(training.exercises["fact"]), "fout")
    exercise_url = f"/leren/oefeningen/{training.exercises['fact']}"
    response = client.post(f"{exercise_url}/starten")
    assert response.headers["Location"].endswith(exercise_url)
    page = text(client.get(exercise_url))
    assert "Je hebt het maximum van 1 pogingen voor deze oefening gebruikt." in page
    assert "je hebt 1 poging(en) gebruikt" in page


def test_hints_through_the_pages(app, client, login, start, training) -> None:
    login("medewerker")
    attempt = start(training.exercises["known_item"])
    assert "Geef een hint" in workspace(client, attempt)
    client.post(f"/leren/pogingen/{attempt}/hint")
    page = workspace(client, attempt)
    assert "Hint 1:" in page and "Zoek op het woord armoedemonitor." in page
    client.post(f"/leren/pogingen/{attempt}/hint")
    page = workspace(client, attempt)
    assert "Filter op documenttype monitor." in page and "Geef een hint" not in page
    client.post(f"/leren/pogingen/{attempt}/hint")
    assert "Er zijn geen hints meer." in text(client.get(f"/leren/pogingen/{attempt}"))
    assert attempt_row(app, attempt)["hints_used"] == 2


def test_toggle_keeps_the_search_and_refuses_foreign_return_urls(client, login, start, training):
    login("medewerker")
    attempt = start(training.exercises["find_all"])
    back = f"/leren/pogingen/{attempt}?q=schoolverlaten&pagina=1"
    document = training.vsv_ids[0]
    response = client.post(
        f"/leren/pogingen/{attempt}/markeren", data={"document": document, "terug": back}
    )
    assert response.headers["Location"].endswith(back)
    for foreign in ("https://evil.example/", "//evil.example/x", "/leren/pogingen/999999", ""):
        response = client.post(
            f"/leren/pogingen/{attempt}/markeren", data={"document": document, "terug": foreign}
        )
        assert response.headers["Location"].endswith(f"/leren/pogingen/{attempt}")


# --- bad input ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "Kies een document uit de resultaten."),
        ("abc", "Kies een document uit de resultaten."),
        ("1.5", "Kies een document uit de resultaten."),
        ("0x10", "Kies een document uit de resultaten."),
        ("-1", "Dat document bestaat niet."),
        ("424242", "Dat document bestaat niet."),
        ("99999999999999999999999", "Dat document bestaat niet."),
    ],
)
def test_bad_document_values_are_refused(app, client, login, start, training, value, message):
    login("medewerker")
    attempt = start(training.exercises["find_all"])
    response = mark(client, attempt, value)
    assert response.status_code == 302
    assert message in text(client.get(response.headers["Location"]))
    assert attempt_row(app, attempt)["selected_document_ids"] == []


def test_a_missing_document_field_is_refused(app, client, login, start, training) -> None:
    login("medewerker")
    attempt = start(training.exercises["find_all"])
    response = client.post(f"/leren/pogingen/{attempt}/markeren")
    assert "Kies een document uit de resultaten." in text(client.get(response.headers["Location"]))


@pytest.mark.parametrize(
    "path",
    [
        "/leren/pogingen/424242",
        "/leren/pogingen/424242/resultaat",
        "/leren/pogingen/99999999999999999999999",
        "/leren/pogingen/99999999999999999999999/resultaat",
        "/leren/oefeningen/bestaat-niet",
        "/leren/modules/bestaat-niet",
        "/leren/modules/leren-zoeken/lessen/bestaat-niet",
    ],
)
def test_unknown_ids_and_slugs_are_404(client, login, training, path: str) -> None:
    login("medewerker")
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("action", ["markeren", "hint", "inleveren"])
@pytest.mark.parametrize("attempt_id", ["424242", "99999999999999999999999"])
def test_posting_to_unknown_attempts_is_404(client, login, training, action, attempt_id) -> None:
    login("medewerker")
    response = client.post(f"/leren/pogingen/{attempt_id}/{action}", data={"document": "1"})
    assert response.status_code == 404


def test_starting_an_unknown_exercise_is_404(client, login, training) -> None:
    login("medewerker")
    assert client.post("/leren/oefeningen/bestaat-niet/starten").status_code == 404


def test_a_10_kb_answer_is_refused(app, client, login, start, training) -> None:
    login("medewerker")
    attempt = start(training.exercises["open"])
    response = client.post(f"/leren/pogingen/{attempt}/inleveren", data={"answer": "x" * 10_240})
    assert response.headers["Location"].endswith(f"/leren/pogingen/{attempt}")
    assert "5000" in text(client.get(response.headers["Location"]))
    row = attempt_row(app, attempt)
    assert (row["status"], row["answer_text"]) == ("open", "")


def test_an_empty_open_answer_is_refused(app, client, login, start, training) -> None:
    login("medewerker")
    attempt = start(training.exercises["open"])
    response = client.post(f"/leren/pogingen/{attempt}/inleveren", data={"answer": "  "})
    assert "Schrijf eerst je antwoord." in text(client.get(response.headers["Location"]))
    assert attempt_row(app, attempt)["status"] == "open"


SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_script_in_a_fact_answer_is_escaped_on_the_result_page(client, login, start, training):
    login("medewerker")
    attempt = start(training.exercises["fact"])
    html = client.get(f"/leren/pogingen/{attempt}/resultaat")  # still open: a redirect
    assert html.status_code == 302
    response = client.post(f"/leren/pogingen/{attempt}/inleveren", data={"answer": SCRIPT})
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert SCRIPT not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html


def test_script_in_an_open_answer_is_escaped_for_the_trainer(
    app, client, auth, login, start, training
):
    login("medewerker")
    attempt = start(training.exercises["open"])
    client.post(f"/leren/pogingen/{attempt}/inleveren", data={"answer": SCRIPT})
    html = client.get(f"/leren/pogingen/{attempt}/resultaat").get_data(as_text=True)
    assert SCRIPT not in html and "&lt;script&gt;" in html
    auth.logout()
    login("trainer")
    html = client.get(f"/leren/beheer/pogingen/{attempt}").get_data(as_text=True)
    assert SCRIPT not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    response = client.post(
        f"/leren/beheer/pogingen/{attempt}",
        data={"criterium-0": "0", "criterium-1": "0", "criterium-2": "0", "feedback": SCRIPT},
    )
    assert response.status_code == 302
    auth.logout()
    login("medewerker")
    html = client.get(f"/leren/pogingen/{attempt}/resultaat").get_data(as_text=True)
    assert SCRIPT not in html and "Nog niet voldaan" in html


# --- trainer: scoring and a new exercise ----------------------------------------------------------


@pytest.mark.parametrize(
    "form",
    [
        {},
        {"criterium-0": "2", "criterium-1": "2"},
        {"criterium-0": "2", "criterium-1": "2", "criterium-2": "drie"},
        {"criterium-0": "2", "criterium-1": "2", "criterium-2": "3"},
        {"criterium-0": "2", "criterium-1": "-1", "criterium-2": "2"},
        {"criterium-0": "2", "criterium-1": "1.5", "criterium-2": "2"},
    ],
)
def test_scoring_refuses_bad_rubric_input(app, client, auth, login, start, training, form):
    login("medewerker")
    attempt = start(training.exercises["open"])
    submit(client, attempt, "Mijn verslag")
    auth.logout()
    login("trainer")
    response = client.post(f"/leren/beheer/pogingen/{attempt}", data={**form, "feedback": "x"})
    assert response.status_code == 200
    assert "Geef voor elk criterium 0, 1 of 2 punten." in text(response)
    row = attempt_row(app, attempt)
    assert (row["status"], row["score"], row["trainer_feedback"]) == ("submitted", None, "")


def test_awaiting_list_shows_handed_in_answers(client, auth, login, start, training) -> None:
    login("trainer")
    assert "Er wacht niets op een beoordeling." in text(client.get("/leren/beheer/beoordelen"))
    auth.logout()
    login("medewerker")
    attempt = start(training.exercises["open"])
    submit(client, attempt, "Mijn verslag")
    auth.logout()
    login("trainer")
    page = text(client.get("/leren/beheer/beoordelen"))
    assert "Medewerker" in page and f'href="/leren/beheer/pogingen/{attempt}"' in page
    assert 'Te beoordelen <span class="badge">1</span>' in text(client.get("/leren/beheer"))


def test_trainer_builds_a_find_all_exercise_and_a_learner_is_graded(
    app, client, auth, login, start, training
) -> None:
    with app.app_context():
        module_id = get_module(training.module).id
    login("trainer")
    response = client.post(
        f"/leren/beheer/modules/{module_id}/oefeningen/nieuw",
        data={
            "title": "Alles over armoede",
            "slug": "alles-over-armoede",
            "kind": "find_all",
            "prompt": "Vind alle documenten over **armoede**.",
            "expert_query": "thema:armoede",
            "required_skill": "",
            "pass_threshold": "0.8",  # a number input posts a dot
        },
    )
    assert response.status_code == 302, text(response)
    edit_url = response.headers["Location"]
    with app.app_context():
        exercise = get_exercise("alles-over-armoede")
        exercise_id, threshold = exercise.id, exercise.pass_threshold
    assert edit_url.endswith(f"/leren/beheer/oefeningen/{exercise_id}")
    assert threshold == 0.8

    # The key picker: search, then add documents from the results.
    page = client.get(edit_url, query_string={"q": "thema:armoede"}).get_data(as_text=True)
    assert "De sleutel is nog leeg." in page
    offered = document_ids_in(page)
    armoede = [
        training.docs[k]
        for k in ("armoede-monitor-2024", "armoede-onderzoek-2022", "armoede-nota-2023")
    ]
    assert sorted(offered) == sorted(armoede)
    for document_id in offered + [training.docs["funderingen-2021"]]:
        response = client.post(
            f"/leren/beheer/oefeningen/{exercise_id}/sleutel",
            data={"document": document_id, "q": "thema:armoede"},
        )
        assert response.status_code == 302
        assert "q=thema" in response.headers["Location"]
    page = text(client.get(edit_url, query_string={"q": "thema:armoede"}))
    assert page.count("in de sleutel") == 3
    # One too many: take it out again.
    response = client.post(
        f"/leren/beheer/oefeningen/{exercise_id}/sleutel",
        data={"document": training.docs["funderingen-2021"], "actie": "verwijderen"},
        follow_redirects=True,
    )
    assert "De antwoordsleutel is bijgewerkt." in text(response)
    with app.app_context():
        assert sorted(d.id for d in get_exercise("alles-over-armoede").key_documents) == sorted(
            armoede
        )
    # A new exercise starts as concept; with its key set and found, it can be published.
    client.post(f"/leren/beheer/oefening/{exercise_id}/publiceren")
    with app.app_context():
        assert get_exercise("alles-over-armoede").published is True
    auth.logout()

    # The learner finds two of the three and one wrong document: F1 2/3, not enough.
    login("medewerker")
    attempt = start("alles-over-armoede")
    results = document_ids_in(workspace(client, attempt, "armoede OF schulden OF minimabeleid"))
    assert set(armoede) <= set(results)
    for document_id in armoede[:2] + [training.docs["vsv-nota-2022"]]:
        mark(client, attempt, document_id)
    result = submit(client, attempt)
    assert "Nog niet voldaan" in result and "score 67%" in result
    assert "Precisie 67% · volledigheid 67%" in result
    assert "Je vond 2 van de 3 relevante documenten." in result and "Je miste er 1." in result
    assert "1 gemarkeerd document hoort er niet bij." in result
    assert "thema:armoede" not in result.split("Jouw zoekopdrachten")[0]

    # A second try with all three passes, and the expert query appears.
    attempt = start("alles-over-armoede")
    for document_id in armoede:
        mark(client, attempt, document_id)
    result = submit(client, attempt)
    assert "Voldaan" in result and "score 100%" in result and "thema:armoede" in result
    with app.app_context():
        attempts = db.session.scalars(
            select(Attempt).where(Attempt.user_id == user_id(app, "medewerker"))
        ).all()
        assert sorted(a.score for a in attempts) == [pytest.approx(0.6667), 1.0]


def test_key_picker_refuses_bad_documents(app, client, login, training) -> None:
    login("trainer")
    exercise_id = training.exercise_ids["known_item"]
    for value, message in [
        ("abc", "Kies een document uit de resultaten."),
        ("", "Kies een document uit de resultaten."),
        ("424242", "Dat document bestaat niet."),
        ("99999999999999999999999", "Dat document bestaat niet."),
        (str(training.docs["armoede-nota-2023"]), "precies één sleuteldocument"),
    ]:
        response = client.post(
            f"/leren/beheer/oefeningen/{exercise_id}/sleutel",
            data={"document": value},
            follow_redirects=True,
        )
        assert response.status_code == 200 and message in text(response), value
    with app.app_context():
        key = [d.id for d in get_exercise(training.exercises["known_item"]).key_documents]
    assert key == [training.docs["armoede-monitor-2024"]]
    assert (
        client.post("/leren/beheer/oefeningen/424242/sleutel", data={"document": "1"}).status_code
        == 404
    )


def test_hostile_names_and_titles_are_escaped(app, client, auth, login, start, training) -> None:
    """Names, titles and document titles come from people and imports; none become markup."""
    with app.app_context():
        get_user("medewerker").full_name = f"Mede {SCRIPT}"
        get_exercise(training.exercises["open"]).title = f"Open {SCRIPT}"
        module = get_module(training.module)
        module.title = f"Module {SCRIPT}"
        module.goals = f"Doel {SCRIPT}"
        db.session.add(
            Document(key="vijandig", title=f"Vijandig {SCRIPT}", doctype="nota", body="vijandig")
        )
        db.session.commit()
        rebuild_index()
    login("medewerker")
    attempt = start(training.exercises["open"])
    pages = [
        client.get("/leren"),
        client.get(f"/leren/modules/{training.module}"),
        client.get(f"/leren/oefeningen/{training.exercises['open']}"),
        client.get(f"/leren/pogingen/{attempt}", query_string={"q": "vijandig"}),
    ]
    submit(client, attempt, "Mijn verslag")
    pages.append(client.get(f"/leren/pogingen/{attempt}/resultaat"))
    auth.logout()
    login("trainer")
    pages += [
        client.get("/leren/beheer"),
        client.get("/leren/beheer/beoordelen"),
        client.get(f"/leren/beheer/pogingen/{attempt}"),
        client.get(
            f"/leren/beheer/oefeningen/{training.exercise_ids['find_all']}",
            query_string={"q": "vijandig"},
        ),
    ]
    for response in pages:
        html = response.get_data(as_text=True)
        assert response.status_code == 200, response.request.path
        assert "<script>alert" not in html and "<img src=x" not in html, response.request.path
    for response in (pages[3], pages[-1]):  # the workspace and the key picker found it
        assert re.search(r"Vijandig(</mark>)? &lt;script&gt;", response.get_data(as_text=True))
    assert "Mede &lt;script&gt;" in pages[-2].get_data(as_text=True)
