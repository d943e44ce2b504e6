"""academy/training/authoring.py: what trainers do to the curriculum (and its pages)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from sqlalchemy import func, select

from academy.errors import DomainError
from academy.extensions import db
from academy.models import Exercise, Lesson, Module
from academy.training import authoring
from tests.training.conftest import Training, get_exercise, get_module

SLUG_MESSAGE = "Gebruik voor de korte naam kleine letters"


@pytest.fixture
def ctx(app: Flask, training: Training) -> Iterator[Training]:
    with app.app_context():
        yield training


def exercise_fields(kind: str = "find_all", **overrides) -> dict:
    """What the exercise form hands to save_exercise."""
    fields = {
        "slug": f"nieuw-{kind.replace('_', '-')}",
        "kind": kind,
        "title": "Nieuwe oefening",
        "prompt": "Zoek **alles**.",
        "expert_query": "",
        "accepted_answers": "",
        "required_skill": "",
        "pass_threshold": 0.8,
        "rubric": "",
        "hints": "",
        "max_attempts": None,
        "published": False,  # a new exercise starts as concept
    }
    fields.update(overrides)
    return fields


VALID = {
    "known_item": {},
    "fact": {"accepted_answers": "4.312\n\n  4312 leerlingen  \n"},
    "find_all": {"pass_threshold": 0.75},
    "process": {"required_skill": "facet"},
    "open": {"rubric": "Bron\nStrategie"},
}


# --- slugs --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "slug",
    [
        "",
        "   ",
        "-begint-met-streep",
        "met spatie",
        "met_underscore",
        "é-accent",
        "a/b",
        "../x",
        "a" * 81,
        "punt.in.naam",
        "<script>",
    ],
)
def test_bad_slugs_are_refused_everywhere(ctx: Training, slug: str) -> None:
    module = get_module(ctx.module)
    counts = [db.session.scalar(select(func.count(m.id))) for m in (Module, Lesson, Exercise)]
    with pytest.raises(DomainError, match=SLUG_MESSAGE):
        authoring.save_module(None, slug=slug, title="x")
    with pytest.raises(DomainError, match=SLUG_MESSAGE):
        authoring.save_lesson(module, None, slug=slug, title="x")
    if slug.strip():  # an exercise without a slug gets one from its title (issue 13)
        with pytest.raises(DomainError, match=SLUG_MESSAGE):
            authoring.save_exercise(module, None, **exercise_fields(slug=slug))
    db.session.rollback()
    assert [
        db.session.scalar(select(func.count(m.id))) for m in (Module, Lesson, Exercise)
    ] == counts


@pytest.mark.parametrize(
    ("slug", "stored"),
    [
        ("zoeken-met-of", "zoeken-met-of"),
        ("  Zoeken-Met-OF2 ", "zoeken-met-of2"),
        ("a" * 80, "a" * 80),
    ],
)
def test_good_slugs_are_normalised(ctx: Training, slug: str, stored: str) -> None:
    assert authoring.save_module(None, slug=slug, title=" Titel ").slug == stored


def test_module_slugs_are_unique(ctx: Training) -> None:
    with pytest.raises(DomainError, match="Er is al een module met de korte naam leren-zoeken."):
        authoring.save_module(None, slug="Leren-Zoeken", title="Dubbel")
    draft = get_module(ctx.draft_module)
    with pytest.raises(DomainError, match="al een module"):
        authoring.save_module(draft, slug=ctx.module, title="Dubbel")
    db.session.rollback()
    assert db.session.scalar(select(func.count(Module.id))) == 2
    # Saving a module under its own slug is fine.
    module = get_module(ctx.module)
    saved = authoring.save_module(module, slug=ctx.module, title="Nieuwe titel", minutes=45)
    assert (saved.id, saved.title, saved.minutes) == (module.id, "Nieuwe titel", 45)


def test_lesson_slugs_are_unique_within_a_module(ctx: Training) -> None:
    module, draft = get_module(ctx.module), get_module(ctx.draft_module)
    with pytest.raises(DomainError, match="al een les met de korte naam waarom-zoeken"):
        authoring.save_lesson(module, None, slug="waarom-zoeken", title="Dubbel")
    db.session.rollback()
    other = authoring.save_lesson(draft, None, slug="waarom-zoeken", title="Mag wel", body="*x*")
    assert other.module_id == draft.id and other.position == 1
    lesson = module.lessons[0]
    assert authoring.save_lesson(module, lesson, slug=lesson.slug, title="Anders").id == lesson.id


def test_exercise_slugs_are_unique_across_modules(ctx: Training) -> None:
    draft = get_module(ctx.draft_module)
    fields = exercise_fields(slug=ctx.exercises["find_all"])
    with pytest.raises(DomainError, match="Er is al een oefening met de korte naam"):
        authoring.save_exercise(draft, None, **fields)
    db.session.rollback()
    exercise = get_exercise(ctx.exercises["find_all"])
    assert authoring.save_exercise(exercise.module, exercise, **fields).id == exercise.id


# --- kinds ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(VALID))
def test_each_kind_is_saved(ctx: Training, kind: str) -> None:
    module = get_module(ctx.module)
    exercise = authoring.save_exercise(
        module, None, **exercise_fields(kind, hints="Eén\n\n Twee ", max_attempts=0, **VALID[kind])
    )
    assert exercise.kind == kind and exercise.position == 5
    assert exercise.hints == ["Eén", "Twee"]
    assert exercise.max_attempts is None  # 0 or empty: no limit
    if kind == "fact":
        assert exercise.accepted_answers == ["4.312", "4312 leerlingen"]
    assert exercise.required_skill == ("facet" if kind == "process" else None)
    if kind == "open":
        assert exercise.rubric == ["Bron", "Strategie"]


@pytest.mark.parametrize(
    ("kind", "fields", "message"),
    [
        ("fact", {}, "Een feitvraag heeft minstens één goed antwoord nodig."),
        ("fact", {"accepted_answers": " \n \n"}, "minstens één goed antwoord"),
        ("process", {}, "Kies welke zoekvaardigheid"),
        ("process", {"required_skill": "telepathie"}, "Kies welke zoekvaardigheid"),
        ("open", {}, "Een open opdracht heeft 1 tot 6 beoordelingscriteria"),
        ("open", {"rubric": "\n".join("abcdefg")}, "1 tot 6 beoordelingscriteria"),
        ("find_all", {"pass_threshold": None}, "De drempel ligt tussen 0 en 1"),
        ("find_all", {"pass_threshold": 0}, "De drempel ligt tussen 0 en 1"),
        ("find_all", {"pass_threshold": -0.5}, "De drempel ligt tussen 0 en 1"),
        ("find_all", {"pass_threshold": 1.01}, "De drempel ligt tussen 0 en 1"),
    ],
)
def test_kind_specific_validation(ctx: Training, kind: str, fields: dict, message: str) -> None:
    with pytest.raises(DomainError, match=message):
        authoring.save_exercise(get_module(ctx.module), None, **exercise_fields(kind, **fields))
    db.session.rollback()
    assert db.session.scalar(select(func.count(Exercise.id))) == 6


def test_all_problems_are_named_at_once(ctx: Training) -> None:
    with pytest.raises(DomainError) as error:
        authoring.save_exercise(
            get_module(ctx.module),
            None,
            **exercise_fields("fact", slug=ctx.exercises["fact"], pass_threshold=2),
        )
    message = str(error.value)
    assert "al een oefening" in message and "goed antwoord" in message and "drempel" in message


def test_an_unknown_kind_is_refused(ctx: Training) -> None:
    with pytest.raises(ValueError):
        authoring.save_exercise(get_module(ctx.module), None, **exercise_fields("raden"))


# --- answer keys --------------------------------------------------------------------------------


def key_of(slug: str) -> list[int]:
    return [d.id for d in get_exercise(slug).key_documents]


def test_known_item_keeps_exactly_one_key_document(ctx: Training) -> None:
    slug = ctx.exercises["known_item"]
    monitor, nota = ctx.docs["armoede-monitor-2024"], ctx.docs["armoede-nota-2023"]
    with pytest.raises(DomainError, match="precies één sleuteldocument"):
        authoring.set_key_document(get_exercise(slug), nota, in_key=True)
    db.session.rollback()
    assert key_of(slug) == [monitor]
    authoring.set_key_document(get_exercise(slug), monitor, in_key=True)  # already in: no-op
    assert key_of(slug) == [monitor]
    authoring.set_key_document(get_exercise(slug), monitor, in_key=False)
    assert key_of(slug) == []
    authoring.set_key_document(get_exercise(slug), nota, in_key=True)
    assert key_of(slug) == [nota]


def test_find_all_key_grows_and_shrinks(ctx: Training) -> None:
    slug = ctx.exercises["find_all"]
    extra = ctx.docs["armoede-nota-2023"]
    authoring.set_key_document(get_exercise(slug), extra, in_key=True)
    assert key_of(slug) == sorted(ctx.vsv_ids + [extra])
    authoring.set_key_document(get_exercise(slug), extra, in_key=True)
    assert len(key_of(slug)) == 4
    for document_id in ctx.vsv_ids:
        authoring.set_key_document(get_exercise(slug), document_id, in_key=False)
    authoring.set_key_document(get_exercise(slug), ctx.docs["funderingen-2021"], in_key=False)
    assert key_of(slug) == [extra]


@pytest.mark.parametrize("document_id", [0, -3, 424242, 2**40])
def test_unknown_key_document_is_refused(ctx: Training, document_id: int) -> None:
    with pytest.raises(DomainError, match="Dat document bestaat niet."):
        authoring.set_key_document(
            get_exercise(ctx.exercises["find_all"]), document_id, in_key=True
        )


def test_changing_the_kind_to_known_item_keeps_one_key_document(ctx: Training) -> None:
    exercise = get_exercise(ctx.exercises["find_all"])
    fields = exercise_fields("known_item", slug=exercise.slug)
    with pytest.raises(DomainError, match="precies één sleuteldocument"):
        authoring.save_exercise(exercise.module, exercise, **fields)
    db.session.rollback()
    assert get_exercise(ctx.exercises["find_all"]).kind == "find_all"
    for document_id in ctx.vsv_ids[1:]:
        authoring.set_key_document(get_exercise(exercise.slug), document_id, in_key=False)
    saved = authoring.save_exercise(get_module(ctx.module), get_exercise(exercise.slug), **fields)
    assert saved.kind == "known_item" and len(saved.key_documents) == 1


# --- order and publishing -----------------------------------------------------------------------


def slugs(items) -> list[str]:
    return [item.slug for item in sorted(items, key=lambda i: (i.position, i.id))]


def test_move_exercises_up_and_down(ctx: Training) -> None:
    module = get_module(ctx.module)
    order = slugs(module.exercises)
    authoring.move(get_exercise(order[2]), -1)
    expected = [order[0], order[2], order[1], *order[3:]]
    assert slugs(get_module(ctx.module).exercises) == expected
    authoring.move(get_exercise(order[2]), +1)
    assert slugs(get_module(ctx.module).exercises) == order
    authoring.move(get_exercise(order[0]), -1)  # the first cannot go up
    authoring.move(get_exercise(order[-1]), +1)  # the last cannot go down
    assert slugs(get_module(ctx.module).exercises) == order


def test_move_lessons_and_modules(ctx: Training) -> None:
    module = get_module(ctx.module)
    authoring.move(module.lessons[1], -1)
    assert slugs(get_module(ctx.module).lessons) == ["zoeken-met-of", "waarom-zoeken"]
    authoring.move(get_module(ctx.module), +1)
    assert slugs(db.session.scalars(select(Module))) == [ctx.draft_module, ctx.module]


def test_move_sorts_out_equal_positions(ctx: Training) -> None:
    for exercise in get_module(ctx.module).exercises:
        exercise.position = 0
    db.session.commit()
    order = slugs(get_module(ctx.module).exercises)  # by id when positions tie
    authoring.move(get_exercise(order[-1]), -1)
    assert slugs(get_module(ctx.module).exercises) == [*order[:3], order[4], order[3]]
    assert sorted(e.position for e in get_module(ctx.module).exercises) == [0, 1, 2, 3, 4]


def test_set_published(ctx: Training) -> None:
    draft = get_module(ctx.draft_module)
    authoring.set_published(draft, True)
    assert get_module(ctx.draft_module).published
    authoring.set_published(get_module(ctx.draft_module), False)
    assert not get_module(ctx.draft_module).published


# --- through the trainer pages ------------------------------------------------------------------


def module_id(app: Flask, slug: str) -> int:
    with app.app_context():
        return get_module(slug).id


def test_publish_toggles_visibility_for_learners(app, client, login, auth, training) -> None:
    draft_url = f"/leren/modules/{training.draft_module}"
    exercise_url = f"/leren/oefeningen/{training.draft_exercise}"
    login("medewerker")
    assert client.get(draft_url).status_code == 404
    assert client.get(exercise_url).status_code == 404
    assert "Geheime conceptmodule" not in client.get("/leren").get_data(as_text=True)
    auth.logout()

    login("trainer")
    page = client.get(draft_url)
    assert page.status_code == 200 and "nog niet gepubliceerd" in page.get_data(as_text=True)
    assert client.get(exercise_url).status_code == 200
    draft_id = module_id(app, training.draft_module)
    response = client.post(f"/leren/beheer/module/{draft_id}/publiceren", follow_redirects=True)
    assert "Geheime conceptmodule is gepubliceerd." in response.get_data(as_text=True)
    auth.logout()

    login("medewerker")
    assert client.get(draft_url).status_code == 200
    assert client.get(exercise_url).status_code == 200
    assert "Geheime conceptmodule" in client.get("/leren").get_data(as_text=True)
    auth.logout()

    login("trainer")
    response = client.post(f"/leren/beheer/module/{draft_id}/publiceren", follow_redirects=True)
    assert "teruggezet naar concept" in response.get_data(as_text=True)
    auth.logout()
    login("medewerker")
    assert client.get(draft_url).status_code == 404


def test_unpublished_exercise_and_lesson_are_hidden_from_learners(app, client, login, training):
    with app.app_context():
        get_exercise(training.exercises["fact"]).published = False
        get_module(training.module).lessons[1].published = False
        db.session.commit()
    login("medewerker")
    assert client.get(f"/leren/oefeningen/{training.exercises['fact']}").status_code == 404
    assert client.post(f"/leren/oefeningen/{training.exercises['fact']}/starten").status_code == 404
    lesson_url = f"/leren/modules/{training.module}/lessen/zoeken-met-of"
    assert client.get(lesson_url).status_code == 404
    assert client.post(f"{lesson_url}/gelezen").status_code == 404
    draft_lesson = f"/leren/modules/{training.draft_module}/lessen/concept-les"
    assert client.get(draft_lesson).status_code == 404
    assert client.post(f"{draft_lesson}/gelezen").status_code == 404
    page = client.get(f"/leren/modules/{training.module}").get_data(as_text=True)
    assert "Zoeken met OF" not in page and "Hoeveel schoolverlaters" not in page


@pytest.mark.parametrize(
    ("form", "error"),
    [
        ({"slug": "Met Spatie", "title": "Nieuw"}, "kleine letters, cijfers en streepjes"),
        ({"slug": "leren-zoeken", "title": "Nieuw"}, "Er is al een module"),
        ({"slug": "nieuw", "title": ""}, "Geef een titel."),
        ({"slug": "nieuw", "title": "Nieuw", "minutes": "0"}, "tussen 1 en 600 minuten"),
    ],
)
def test_module_form_refuses_bad_input(app, client, login, training, form, error) -> None:
    login("trainer")
    response = client.post("/leren/beheer/modules/nieuw", data={"minutes": "30", **form})
    assert response.status_code == 200
    assert error in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count(Module.id))) == 2


def test_module_and_lesson_forms_save(app, client, login, training) -> None:
    login("trainer")
    response = client.post(
        "/leren/beheer/modules/nieuw",
        data={"slug": "nieuwe-module", "title": "Nieuwe module", "minutes": "20"},
    )
    assert response.status_code == 302
    new_id = module_id(app, "nieuwe-module")
    response = client.post(
        f"/leren/beheer/modules/{new_id}/lessen/nieuw",
        data={"slug": "les-1", "title": "Les 1", "body": "**vet**", "published": "y"},
    )
    assert response.status_code == 302
    with app.app_context():
        module = get_module("nieuwe-module")
        assert (module.title, module.minutes, module.published) == ("Nieuwe module", 20, False)
        assert [(lesson.slug, lesson.body) for lesson in module.lessons] == [("les-1", "**vet**")]


def test_lesson_preview_renders_sanitised_markdown_and_saves_nothing(app, client, login, training):
    login("trainer")
    new_id = module_id(app, training.module)
    response = client.post(
        f"/leren/beheer/modules/{new_id}/lessen/nieuw",
        data={
            "slug": "voorbeeld",
            "title": "Voorbeeld",
            "body": "**vet** <script>alert(1)</script> [x](javascript:alert(1))",
            "preview": "y",
        },
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<strong>vet</strong>" in html
    assert (
        "<script>alert(1)</script>" not in html
        and "javascript:alert" not in html.split("</textarea>")[-1]
    )
    with app.app_context():
        assert len(get_module(training.module).lessons) == 2


def test_move_through_the_page(app, client, login, training) -> None:
    login("trainer")
    with app.app_context():
        known_id = get_exercise(training.exercises["known_item"]).id
    response = client.post(
        f"/leren/beheer/oefening/{known_id}/verplaatsen", data={"richting": "omlaag"}
    )
    assert response.status_code == 302
    with app.app_context():
        assert slugs(get_module(training.module).exercises)[:2] == [
            training.exercises["fact"],
            training.exercises["known_item"],
        ]
    assert client.post("/leren/beheer/ding/1/verplaatsen").status_code == 404
    assert client.post("/leren/beheer/oefening/999999/verplaatsen").status_code == 404
