"""The content folder: the same data as the Python literals it replaced, and a faithful format.

`content_snapshot.json` was written from the Python data (`academy/demo/curriculum.py` and
`corpus_core.py` as they were) before that data moved to `content/`: one digest per module,
lesson, exercise and core document over every field, so any change to the seeded text fails here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest

from academy.content import (
    CONTENT_DIR,
    ContentError,
    load_corpus,
    load_modules,
    parse_corpus_document,
    parse_exercise,
    parse_lesson,
    write_content,
)

SNAPSHOT = json.loads((Path(__file__).parent / "content_snapshot.json").read_text("utf-8"))


def _canon(obj: object) -> object:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _canon(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, list | tuple):
        return [_canon(item) for item in obj]
    if isinstance(obj, dict):
        return {key: _canon(value) for key, value in obj.items()}
    if isinstance(obj, dt.date):
        return obj.isoformat()
    return obj


def _digest(obj: object) -> str:
    text = json.dumps(_canon(obj), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def test_modules_equal_the_snapshot_of_the_python_data() -> None:
    modules = load_modules()
    assert [m.slug for m in modules] == [m["slug"] for m in SNAPSHOT["modules"]]
    for module, snap in zip(modules, SNAPSHOT["modules"], strict=True):
        assert [[lesson.slug, _digest(lesson)] for lesson in module.lessons] == snap["lessons"]
        assert [[ex.slug, _digest(ex)] for ex in module.exercises] == snap["exercises"]
        assert _digest(module) == snap["digest"], module.slug


def test_corpus_core_equals_the_snapshot_of_the_python_data() -> None:
    documents, facts = load_corpus()
    assert [[doc.key, _digest(doc)] for doc in documents] == SNAPSHOT["corpus"]
    assert facts == SNAPSHOT["facts"]


def test_counts_slugs_keys_and_a_few_exact_fields() -> None:
    modules = load_modules()
    assert len(modules) == 10
    assert sum(len(m.lessons) for m in modules) == sum(
        len(s["lessons"]) for s in SNAPSHOT["modules"]
    )
    assert sum(len(m.exercises) for m in modules) == 41
    last = modules[-1]
    assert (last.slug, last.minutes, last.title) == (
        "eindopdrachten",
        60,
        "Eindopdrachten per domein",
    )
    banen = last.exercises[-1]
    assert banen.slug == "eindopdracht-economie-banen"
    assert banen.kind == "fact"
    assert banen.expert_query == 'banen "1 april 2023"'
    assert banen.expert_filters == {"type": ("monitor",)}
    assert banen.key_documents == ("kern-werkgelegenheidsmonitor-2024",)
    assert banen.accepted_answers == ("61.400", "61400", "61.400 banen", "61400 banen")
    assert banen.max_attempts == 3 and banen.required_skill is None and banen.pass_threshold == 0.8
    documents, facts = load_corpus()
    assert len(documents) == 28 and len(facts) == 27
    first = documents[0]
    assert first.key == "kern-vsv-onderzoek-2019"
    assert first.published == dt.date(2019, 5, 14) and first.year == 2019
    assert first.body.startswith("Aanleiding\nDe gemeenteraad vroeg in 2018")
    assert facts["kern-vsv-onderzoek-2019"] == "4.312 leerlingen"


def test_round_trip_load_write_load_is_identical(tmp_path: Path) -> None:
    modules = load_modules()
    documents, facts = load_corpus()
    write_content(tmp_path, modules, documents, facts)
    assert load_modules(tmp_path) == modules
    assert load_corpus(tmp_path) == (documents, facts)
    originals = sorted(p.relative_to(CONTENT_DIR) for p in CONTENT_DIR.rglob("*.md"))
    written = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.md"))
    assert written == [p for p in originals if p.parts[0] in ("modules", "corpus")]
    for relative in written:
        assert (tmp_path / relative).read_text("utf-8") == (CONTENT_DIR / relative).read_text(
            "utf-8"
        ), relative


@pytest.mark.parametrize(
    "value",
    [
        "plain",
        'it\'s "quoted"',
        "line\nnext\n",
        "ends with '",
        "three ''' quotes\nand more",
        "tab\tcontrol\x01 and \\backslash\r\n",
        "",
    ],
)
def test_strings_of_every_shape_survive_the_writer(tmp_path: Path, value: str) -> None:
    from academy.content import LessonSeed, render_lesson

    lesson = LessonSeed(slug="les", title=value or "x", body="Tekst")
    assert parse_lesson(render_lesson(lesson), "les", "les.md") == lesson


EXERCISE = "+++\nkind = 'known_item'\ntitle = 'Zoek'\nexpert_query = 'a'\n+++\n\nVind het.\n"


@pytest.mark.parametrize(
    ("text", "field", "message"),
    [
        ("no front matter", None, "begint niet met"),
        ("+++\ntitle = 'x'\n", None, "niet afgesloten"),
        ("+++\ntitle = \n+++\n\nx\n", None, "geen geldige TOML"),
        (EXERCISE.replace("known_item", "guess"), "kind", "moet een van"),
        (EXERCISE.replace("title = 'Zoek'\n", ""), "title", "ontbreekt"),
        (EXERCISE.replace("title = 'Zoek'", "title = 3"), "title", "moet tekst zijn"),
        (EXERCISE.replace("title = 'Zoek'", "titel = 'Zoek'"), "titel", "onbekend veld"),
        (EXERCISE.replace("'known_item'", "'fact'"), "accepted_answers", "ontbreekt"),
        (EXERCISE.replace("'known_item'", "'open'"), "rubric", "ontbreekt"),
        (EXERCISE.replace("'known_item'", "'process'"), "required_skill", "moet een van"),
        (EXERCISE + "max_attempts = 0\n", None, None),
        (EXERCISE.replace("+++\n\n", "max_attempts = 0\n+++\n\n"), "max_attempts", "tussen"),
        (EXERCISE.replace("+++\n\n", "pass_threshold = 2.0\n+++\n\n"), "pass_threshold", "tussen"),
        (EXERCISE.replace("+++\n\n", "key_documents = 'kern'\n+++\n\n"), "key_documents", "lijst"),
        (EXERCISE.replace("Vind het.", " "), None, "is leeg"),
    ],
)
def test_a_bad_exercise_names_the_file_and_the_field(
    text: str, field: str | None, message: str | None
) -> None:
    if message is None:  # a body line that merely looks like a field is body, not front matter
        assert parse_exercise(text, "zoek", "x/01-zoek.md").prompt.endswith("max_attempts = 0")
        return
    with pytest.raises(ContentError) as caught:
        parse_exercise(text, "zoek", "x/01-zoek.md")
    assert caught.value.path == "x/01-zoek.md"
    assert caught.value.field_name == field
    assert message in str(caught.value)
    assert str(caught.value).startswith("x/01-zoek.md")


def test_a_corpus_document_needs_a_real_date_and_its_fact_in_the_text() -> None:
    documents, facts = load_corpus()
    from academy.content import render_corpus_document

    text = render_corpus_document(documents[0], facts[documents[0].key])
    with pytest.raises(ContentError, match="published: moet een datum"):
        parse_corpus_document(text.replace("2019-05-14", "'2019-05-14'"), "k", "c.md")
    with pytest.raises(ContentError, match="fact: staat niet in de tekst"):
        parse_corpus_document(text.replace("4.312 leerlingen'", "999 leerlingen'"), "k", "c.md")


def test_bad_file_names_and_doubles_are_refused(tmp_path: Path) -> None:
    write_content(tmp_path, load_modules()[:1], [], {})
    lessons = next((tmp_path / "modules").iterdir()) / "lessons"
    first = sorted(lessons.iterdir())[0]
    (lessons / ("01-" + first.name[3:].replace(".md", "-kopie.md"))).write_text(
        first.read_text("utf-8"), "utf-8"
    )
    with pytest.raises(ContentError, match="dubbel nummer: 1"):
        load_modules(tmp_path)
    for path in lessons.iterdir():
        path.unlink()
    (lessons / "Les Een.md").write_text("+++\ntitle = 'x'\n+++\n\nx\n", "utf-8")
    with pytest.raises(ContentError, match="Les Een.md: naam moet de vorm NN-naam"):
        load_modules(tmp_path)
