"""Trainer safeguards (issue 13, part 7): concept first, publishing checks the key, the form
shows the chosen kind's fields, slugs from titles, a key picker with pages and snippets, and
a confirmation before an empty answer is graded."""

from __future__ import annotations

import re
from html import unescape

import pytest
from flask import Flask

from academy.errors import DomainError
from academy.extensions import db
from academy.training import authoring
from tests.training.conftest import Training, get_exercise, get_module


def text(response) -> str:
    return re.sub(r"\s+", " ", unescape(response.get_data(as_text=True)))


def module_id(app: Flask, training: Training) -> int:
    with app.app_context():
        return get_module(training.module).id


def new_exercise(client, module: int, **fields):
    data = {"title": "Vind", "kind": "known_item", "pass_threshold": "0.8", "required_skill": ""}
    data.update(fields)
    return client.post(f"/leren/beheer/modules/{module}/oefeningen/nieuw", data=data)


def test_a_new_exercise_starts_as_concept_with_a_slug_from_its_title(app, client, login, training):
    login("trainer")
    page = text(client.get(f"/leren/beheer/modules/{module_id(app, training)}/oefeningen/nieuw"))
    assert 'name="published" type="checkbox" value="y">' in page  # not checked
    response = new_exercise(client, module_id(app, training), title="Vind de Armoedemonitor 2024!")
    assert response.status_code == 302, text(response)
    with app.app_context():
        exercise = get_exercise("vind-de-armoedemonitor-2024")
        assert exercise is not None and exercise.published is False
    # The same title again gets a slug of its own.
    again = new_exercise(client, module_id(app, training), title="Vind de Armoedemonitor 2024!")
    assert again.status_code == 302
    with app.app_context():
        assert get_exercise("vind-de-armoedemonitor-2024-2") is not None


@pytest.mark.parametrize("kind", ["known_item", "fact", "find_all"])
def test_publishing_needs_a_key_and_an_expert_query_that_finds_it(app, training, kind):
    with app.app_context():
        module = get_module(training.module)
        fields = {
            "slug": "nieuw",
            "kind": kind,
            "title": "Nieuw",
            "pass_threshold": 0.8,
            "accepted_answers": "4.312",
            "expert_query": "titel:armoedemonitor",
            "published": False,
        }
        exercise = authoring.save_exercise(module, None, **fields)
        with pytest.raises(DomainError, match="sleutel"):
            authoring.set_published(exercise, True)
        db.session.rollback()
        authoring.set_key_document(exercise, training.docs["vsv-onderzoek-2019"], in_key=True)
        with pytest.raises(DomainError, match="vindt niet alle"):
            authoring.set_published(exercise, True)  # the expert query misses the key
        db.session.rollback()
        exercise = get_exercise("nieuw")
        authoring.save_exercise(module, exercise, **{**fields, "expert_query": "schoolverlaten"})
        authoring.set_published(exercise, True)
        assert get_exercise("nieuw").published is True


def test_publishing_through_the_page_says_why_not(app, client, login, training):
    login("trainer")
    new_exercise(client, module_id(app, training), title="Zonder sleutel")
    with app.app_context():
        exercise_id = get_exercise("zonder-sleutel").id
    page = text(
        client.post(f"/leren/beheer/oefening/{exercise_id}/publiceren", follow_redirects=True)
    )
    assert "heeft een antwoordsleutel nodig" in page
    with app.app_context():
        assert get_exercise("zonder-sleutel").published is False


def test_the_form_shows_only_the_fields_of_the_chosen_kind(app, client, login, training):
    login("trainer")
    with app.app_context():
        fact_id = get_exercise(training.exercises["fact"]).id
    page = client.get(f"/leren/beheer/oefeningen/{fact_id}").get_data(as_text=True)
    visible = re.findall(r'<div class="kind-fields" data-kinds="([^"]+)">', page)
    hidden = re.findall(r'<div class="kind-fields" data-kinds="([^"]+)" hidden>', page)
    assert all("fact" in kinds for kinds in visible) and visible
    assert all("fact" not in kinds for kinds in hidden) and hidden
    blocks = re.findall(
        r'<div class="kind-fields" data-kinds="[^"]+"( hidden)?>(.*?)</div>\s*</div>', page, re.S
    )
    shown = " ".join(body for hidden_attr, body in blocks if not hidden_attr)
    not_shown = " ".join(body for hidden_attr, body in blocks if hidden_attr)
    assert 'name="accepted_answers"' in shown and 'name="rubric"' in not_shown


def test_the_key_picker_pages_and_shows_snippets(app, client, login, training, monkeypatch):
    from academy.training import trainer_routes

    monkeypatch.setattr(trainer_routes, "KEY_PICKER_PAGE_SIZE", 3)
    login("trainer")
    with app.app_context():
        find_all_id = get_exercise(training.exercises["find_all"]).id
    url = f"/leren/beheer/oefeningen/{find_all_id}"
    first = client.get(url, query_string={"q": "jaar:2010..2030"}).get_data(as_text=True)
    assert first.count('class="result__snippet"') == 3
    assert "pagina=2" in first
    second = client.get(url, query_string={"q": "jaar:2010..2030", "pagina": "2"})
    second = second.get_data(as_text=True)

    def offered(html: str) -> set[str]:
        block = html.split('<ol class="results">', 1)[1]
        return set(re.findall(r'id="hit-(\d+)"', block))

    firsts, seconds = offered(first), offered(second)
    assert seconds and not firsts & seconds


def test_an_empty_answer_asks_for_confirmation(app, client, login, start, training):
    login("medewerker")
    attempt = start(training.exercises["known_item"])
    response = client.post(f"/leren/pogingen/{attempt}/inleveren", data={"answer": ""})
    assert response.status_code == 200
    page = text(response)
    assert "Je hebt nog niets gekozen of ingevuld." in page
    with app.app_context():
        from academy.models import Attempt

        assert db.session.get(Attempt, attempt).status == "open"
    response = client.post(
        f"/leren/pogingen/{attempt}/inleveren", data={"answer": "", "bevestigd": "1"}
    )
    assert response.status_code == 302
    with app.app_context():
        from academy.models import Attempt

        assert db.session.get(Attempt, attempt).status == "graded"
