"""Training content as files: Markdown with TOML front matter, read and written in one place.

The seeded curriculum and the hand-written corpus core live under the top-level ``content/``
folder, and a trainer's module package (a zip) uses the same layout, so what the demo ships and
what municipalities exchange is one format with one validator. TOML because Python reads it
without a new dependency (``tomllib``); the writer below covers the few value types we use.

Layout (``NN`` orders the files, the rest of the name is the slug or document key)::

    modules/NN-<module>/module.md             title, minutes, goals; body: the summary
    modules/NN-<module>/lessons/NN-<slug>.md     title; body: the lesson
    modules/NN-<module>/exercises/NN-<slug>.md   kind, title, expert query, keys...; body: prompt
    corpus/NN-<key>.md                        title, summary, doctype, theme, published...

A file starts with a line ``+++``, the TOML front matter, a line ``+++``, a blank line and then
the Markdown body. Pure Python on purpose: the seed command, the package import and the tests
read it without Flask.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, cast

ExerciseKind = Literal["known_item", "fact", "find_all", "process", "open"]

#: Search skills a process exercise can require. All but "facet" are query features reported
#: by `search_module.parse_query`; "facet" means the learner selected a filter in the sidebar.
SKILLS: tuple[str, ...] = ("phrase", "or", "not", "wildcard", "fuzzy", "field", "facet")

EXERCISE_KINDS: tuple[str, ...] = ("known_item", "fact", "find_all", "process", "open")

#: Where the shipped content lives (the repository's top-level ``content/`` folder).
CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"

FRONT_MATTER_FENCE = "+++"
SLUG_MAX = 80
NAME_RE = re.compile(r"^(\d{2,3})-([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)(\.md)?$")


@dataclass(frozen=True)
class ExerciseSeed:
    """One exercise; what counts as correct depends on `kind`, so the grader needs no guessing.

    - known_item: `key_documents` holds the one document to find.
    - fact: `key_documents` holds the document with the answer; `accepted_answers` are compared
      after normalisation (case, accents, spacing, number formats); "*" matches anything.
    - find_all: `key_documents` is the complete set; `pass_threshold` is the F1 needed.
    - process: the learner's query log must show `required_skill`.
    - open: a trainer scores each `rubric` line with 0-2 points.

    `expert_query` and `expert_filters` are shown after passing, as a model answer; the tests
    check that they actually find the key documents.
    """

    slug: str
    kind: ExerciseKind
    title: str
    prompt: str
    expert_query: str
    expert_filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    key_documents: tuple[str, ...] = ()
    accepted_answers: tuple[str, ...] = ()
    required_skill: str | None = None
    pass_threshold: float = 0.8
    rubric: tuple[str, ...] = ()
    hints: tuple[str, ...] = ()
    max_attempts: int | None = None


@dataclass(frozen=True)
class LessonSeed:
    """A short lesson in Markdown; the app sanitises it when rendering."""

    slug: str
    title: str
    body: str


@dataclass(frozen=True)
class ModuleSeed:
    """A training unit: a few lessons to read, then exercises that practise exactly that."""

    slug: str
    title: str
    summary: str
    goals: tuple[str, ...]
    minutes: int
    lessons: tuple[LessonSeed, ...]
    exercises: tuple[ExerciseSeed, ...]


@dataclass(frozen=True)
class CorpusDocument:
    """One practice document; plain data so the seed command and the benchmark can share it."""

    key: str
    title: str
    summary: str
    body: str
    doctype: str
    theme: str
    year: int
    published: dt.date
    department: str
    author: str
    source: str


class ContentError(ValueError):
    """A content file breaks the format; says which file and which field, in Dutch."""

    def __init__(self, path: str, message: str, field_name: str | None = None) -> None:
        where = f"{path}: {field_name}" if field_name else path
        super().__init__(f"{where}: {message}")
        self.path = path
        self.field_name = field_name
        self.message = message


# --------------------------------------------------------------------------- reading


def split_front_matter(text: str, path: str) -> tuple[dict[str, object], str]:
    """Return (front matter, body) of one file; the body keeps its text exactly."""
    text = text.replace("\r\n", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    first, sep, rest = text.partition("\n")
    if first.strip() != FRONT_MATTER_FENCE or not sep:
        raise ContentError(path, "begint niet met een regel '+++' (front matter ontbreekt)")
    end = rest.find(f"\n{FRONT_MATTER_FENCE}\n")
    if rest.startswith(f"{FRONT_MATTER_FENCE}\n"):
        head, body = "", rest[len(FRONT_MATTER_FENCE) + 1 :]
    elif end >= 0:
        head, body = rest[:end], rest[end + len(FRONT_MATTER_FENCE) + 2 :]
    elif rest.endswith(f"\n{FRONT_MATTER_FENCE}"):
        head, body = rest[: -len(FRONT_MATTER_FENCE) - 1], ""
    else:
        raise ContentError(path, "de front matter wordt niet afgesloten met een regel '+++'")
    try:
        data = tomllib.loads(head)
    except tomllib.TOMLDecodeError as error:
        raise ContentError(path, f"front matter is geen geldige TOML ({error})") from None
    body = body.removeprefix("\n").removesuffix("\n")
    return dict(data), body


class _Fields:
    """Typed access to one file's front matter; every problem names the file and the field."""

    def __init__(self, data: Mapping[str, object], path: str, allowed: Iterable[str]) -> None:
        self.data = data
        self.path = path
        unknown = sorted(set(data) - set(allowed))
        if unknown:
            raise ContentError(path, "onbekend veld", ", ".join(unknown))

    def _fail(self, name: str, message: str) -> ContentError:
        return ContentError(self.path, message, name)

    def text(self, name: str, *, required: bool = True, default: str = "", limit: int = 0) -> str:
        value = self.data.get(name)
        if value is None:
            if required:
                raise self._fail(name, "ontbreekt")
            return default
        if not isinstance(value, str):
            raise self._fail(name, "moet tekst zijn")
        if required and not value.strip():
            raise self._fail(name, "is leeg")
        if limit and len(value) > limit:
            raise self._fail(name, f"is langer dan {limit} tekens")
        return value

    def optional_text(self, name: str) -> str | None:
        if name not in self.data:
            return None
        return self.text(name)

    def integer(self, name: str, *, low: int, high: int) -> int:
        value = self.data.get(name)
        if value is None:
            raise self._fail(name, "ontbreekt")
        return self._int(name, value, low, high)

    def optional_integer(self, name: str, *, low: int, high: int) -> int | None:
        value = self.data.get(name)
        return None if value is None else self._int(name, value, low, high)

    def _int(self, name: str, value: object, low: int, high: int) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise self._fail(name, "moet een geheel getal zijn")
        if not low <= value <= high:
            raise self._fail(name, f"moet tussen {low} en {high} liggen")
        return value

    def number(self, name: str, *, default: float, low: float, high: float) -> float:
        value = self.data.get(name, default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self._fail(name, "moet een getal zijn")
        number = float(value)
        if not math.isfinite(number) or not low <= number <= high:
            raise self._fail(name, f"moet tussen {low} en {high} liggen")
        return number

    def texts(self, name: str, *, max_items: int = 200) -> tuple[str, ...]:
        value = self.data.get(name, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self._fail(name, "moet een lijst met teksten zijn")
        if len(value) > max_items:
            raise self._fail(name, f"heeft meer dan {max_items} regels")
        return tuple(cast(list[str], value))

    def date(self, name: str) -> dt.date:
        value = self.data.get(name)
        if value is None:
            raise self._fail(name, "ontbreekt")
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            raise self._fail(name, "moet een datum zijn (JJJJ-MM-DD, zonder aanhalingstekens)")
        return value

    def filters(self, name: str) -> dict[str, tuple[str, ...]]:
        value = self.data.get(name, {})
        if not isinstance(value, dict):
            raise self._fail(name, 'moet een tabel zijn, zoals { type = ["monitor"] }')
        result: dict[str, tuple[str, ...]] = {}
        for key, items in value.items():
            if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
                raise self._fail(f"{name}.{key}", "moet een lijst met teksten zijn")
            result[str(key)] = tuple(items)
        return result


def parse_name(name: str, path: str) -> tuple[int, str]:
    """Split ``NN-slug`` (or ``NN-slug.md``) into its order number and slug."""
    match = NAME_RE.match(name)
    if match is None or len(match.group(2)) > SLUG_MAX:
        raise ContentError(
            path,
            "naam moet de vorm NN-naam hebben (cijfers, dan kleine letters, cijfers en streepjes, "
            f"hoogstens {SLUG_MAX} tekens)",
        )
    return int(match.group(1)), match.group(2)


_MODULE_FIELDS = ("title", "minutes", "goals")
_LESSON_FIELDS = ("title",)
_EXERCISE_FIELDS = (
    "kind",
    "title",
    "expert_query",
    "expert_filters",
    "key_documents",
    "accepted_answers",
    "required_skill",
    "pass_threshold",
    "rubric",
    "hints",
    "max_attempts",
)
_CORPUS_FIELDS = (
    "title",
    "summary",
    "doctype",
    "theme",
    "published",
    "department",
    "author",
    "source",
    "fact",
)


def parse_module_head(text: str, slug: str, path: str) -> tuple[str, str, tuple[str, ...], int]:
    """(title, summary, goals, minutes) from a ``module.md``."""
    data, body = split_front_matter(text, path)
    fields = _Fields(data, path, _MODULE_FIELDS)
    title = fields.text("title", limit=200)
    minutes = fields.integer("minutes", low=1, high=10_000)
    goals = fields.texts("goals", max_items=50)
    return title, body, goals, minutes


def parse_lesson(text: str, slug: str, path: str) -> LessonSeed:
    """One lesson file."""
    data, body = split_front_matter(text, path)
    fields = _Fields(data, path, _LESSON_FIELDS)
    return LessonSeed(slug=slug, title=fields.text("title", limit=200), body=body)


def parse_exercise(text: str, slug: str, path: str) -> ExerciseSeed:
    """One exercise file; the kind decides which fields must be there."""
    data, prompt = split_front_matter(text, path)
    fields = _Fields(data, path, _EXERCISE_FIELDS)
    kind = fields.text("kind")
    if kind not in EXERCISE_KINDS:
        raise ContentError(path, f"moet een van {', '.join(EXERCISE_KINDS)} zijn", "kind")
    skill = fields.optional_text("required_skill")
    if kind == "process" and skill not in SKILLS:
        raise ContentError(path, f"moet een van {', '.join(SKILLS)} zijn", "required_skill")
    rubric = fields.texts("rubric", max_items=6)
    if kind == "open" and not rubric:
        raise ContentError(path, "ontbreekt (een open opdracht heeft 1 tot 6 regels)", "rubric")
    answers = fields.texts("accepted_answers")
    if kind == "fact" and not answers:
        raise ContentError(path, "ontbreekt (een feitvraag heeft een antwoord)", "accepted_answers")
    if not prompt.strip():
        raise ContentError(path, "de opdracht (de tekst onder de front matter) is leeg")
    return ExerciseSeed(
        slug=slug,
        kind=cast(ExerciseKind, kind),
        title=fields.text("title", limit=200),
        prompt=prompt,
        expert_query=fields.text("expert_query", required=False, limit=500),
        expert_filters=fields.filters("expert_filters"),
        key_documents=fields.texts("key_documents", max_items=500),
        accepted_answers=answers,
        required_skill=skill,
        pass_threshold=fields.number("pass_threshold", default=0.8, low=0.0, high=1.0),
        rubric=rubric,
        hints=fields.texts("hints", max_items=20),
        max_attempts=fields.optional_integer("max_attempts", low=1, high=100),
    )


def parse_corpus_document(text: str, key: str, path: str) -> tuple[CorpusDocument, str | None]:
    """One corpus document and the fact exercises rely on it to contain (or None)."""
    data, body = split_front_matter(text, path)
    fields = _Fields(data, path, _CORPUS_FIELDS)
    published = fields.date("published")
    document = CorpusDocument(
        key=key,
        title=fields.text("title"),
        summary=fields.text("summary"),
        body=body,
        doctype=fields.text("doctype"),
        theme=fields.text("theme"),
        year=published.year,
        published=published,
        department=fields.text("department"),
        author=fields.text("author"),
        source=fields.text("source"),
    )
    fact = fields.optional_text("fact")
    if fact is not None and fact not in body and fact not in document.summary:
        raise ContentError(path, "staat niet in de tekst of de samenvatting", "fact")
    return document, fact


def _numbered(names: Iterable[str], where: str) -> list[tuple[int, str, str]]:
    """(number, slug, name) for ``NN-slug`` names, sorted; refuses doubles."""
    items = sorted(
        (*parse_name(name, f"{where}/{name}"), name) for name in names if not name.startswith(".")
    )
    numbers = [str(number) for number, _slug, _name in items]
    slugs = [slug for _number, slug, _name in items]
    for values, what in ((numbers, "nummer"), (slugs, "naam")):
        doubles = sorted({value for value in values if values.count(value) > 1})
        if doubles:
            raise ContentError(where, f"dubbel {what}: {', '.join(doubles)}")
    return items


def read_module_files(files: Mapping[str, str], slug: str, where: str) -> ModuleSeed:
    """A module from its files, keyed by path relative to the module folder."""
    allowed = re.compile(r"^(module\.md|(lessons|exercises)/[^/]+\.md)$")
    for name in sorted(files):
        if not allowed.match(name):
            raise ContentError(
                f"{where}/{name}",
                "hoort niet in een module (alleen module.md, lessons/ en "
                "exercises/ met .md-bestanden)",
            )
    if "module.md" not in files:
        raise ContentError(f"{where}/module.md", "ontbreekt")
    title, summary, goals, minutes = parse_module_head(
        files["module.md"], slug, f"{where}/module.md"
    )

    def part(folder: str, parse: Callable[[str, str, str], LessonSeed | ExerciseSeed]) -> list:
        names = [name.split("/", 1)[1] for name in files if name.startswith(f"{folder}/")]
        return [
            parse(files[f"{folder}/{name}"], slug_, f"{where}/{folder}/{name}")
            for _n, slug_, name in _numbered(names, f"{where}/{folder}")
        ]

    lessons = cast(list[LessonSeed], part("lessons", parse_lesson))
    exercises = cast(list[ExerciseSeed], part("exercises", parse_exercise))
    return ModuleSeed(
        slug=slug,
        title=title,
        summary=summary,
        goals=goals,
        minutes=minutes,
        lessons=tuple(lessons),
        exercises=tuple(exercises),
    )


def _folder_files(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def load_modules(root: Path = CONTENT_DIR) -> tuple[ModuleSeed, ...]:
    """Every module under ``root/modules``, in folder-number order."""
    base = root / "modules"
    folders = [path.name for path in base.iterdir() if path.is_dir()]
    return tuple(
        read_module_files(_folder_files(base / name), slug, f"modules/{name}")
        for _number, slug, name in _numbered(folders, "modules")
    )


def load_corpus(root: Path = CONTENT_DIR) -> tuple[tuple[CorpusDocument, ...], dict[str, str]]:
    """The hand-written corpus core in file-number order, and its facts by key."""
    base = root / "corpus"
    names = [path.name for path in base.iterdir() if path.is_file()]
    documents: list[CorpusDocument] = []
    facts: dict[str, str] = {}
    for _number, key, name in _numbered(names, "corpus"):
        path = base / name
        document, fact = parse_corpus_document(
            path.read_text(encoding="utf-8"), key, f"corpus/{name}"
        )
        documents.append(document)
        if fact is not None:
            facts[key] = fact
    return tuple(documents), facts


# --------------------------------------------------------------------------- writing

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _toml_string(value: str, *, inline: bool = False) -> str:
    """A TOML string that reads back exactly; literal (no escapes) where that is possible."""
    plain = "\r" not in value and not _CONTROL.search(value)
    if plain and not inline and "\n" in value and "'''" not in value and not value.endswith("'"):
        return f"'''\n{value}'''"
    if plain and "'" not in value and "\n" not in value:
        return f"'{value}'"
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    escaped = escaped.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    escaped = _CONTROL.sub(lambda match: f"\\u{ord(match.group()):04x}", escaped)
    return f'"{escaped}"'


def _toml_value(value: object, *, inline: bool = False) -> str:
    """One TOML value; ``inline`` keeps it on one line (inside an inline table)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        return _toml_string(value, inline=inline)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        items = [_toml_value(item, inline=inline) for item in value]
        if inline or len(items) <= 1:
            return "[" + ", ".join(items) + "]"
        return "[\n" + "".join(f"    {item},\n" for item in items) + "]"
    if isinstance(value, dict):
        parts = [
            f"{_toml_key(str(key))} = {_toml_value(item, inline=True)}"
            for key, item in value.items()
        ]
        return "{ " + ", ".join(parts) + " }" if parts else "{}"
    raise TypeError(f"no TOML for {type(value).__name__}")


def _toml_key(key: str) -> str:
    return key if _BARE_KEY.match(key) else _toml_string(key, inline=True)


def render_file(front: Mapping[str, object], body: str) -> str:
    """One content file: front matter (None values left out) and the body."""
    lines = [f"{key} = {_toml_value(value)}" for key, value in front.items() if value is not None]
    return "\n".join([FRONT_MATTER_FENCE, *lines, FRONT_MATTER_FENCE, "", body]) + "\n"


def render_module_head(module: ModuleSeed) -> str:
    return render_file(
        {"title": module.title, "minutes": module.minutes, "goals": list(module.goals)},
        module.summary,
    )


def render_lesson(lesson: LessonSeed) -> str:
    return render_file({"title": lesson.title}, lesson.body)


def render_exercise(exercise: ExerciseSeed) -> str:
    """Defaults are left out so a file shows only what matters for its kind."""
    front: dict[str, object] = {
        "kind": exercise.kind,
        "title": exercise.title,
        "expert_query": exercise.expert_query,
        "expert_filters": dict(exercise.expert_filters) or None,
        "key_documents": list(exercise.key_documents) or None,
        "accepted_answers": list(exercise.accepted_answers) or None,
        "required_skill": exercise.required_skill,
        "pass_threshold": None if exercise.pass_threshold == 0.8 else exercise.pass_threshold,
        "rubric": list(exercise.rubric) or None,
        "hints": list(exercise.hints) or None,
        "max_attempts": exercise.max_attempts,
    }
    return render_file(front, exercise.prompt)


def module_files(module: ModuleSeed) -> dict[str, str]:
    """The files of one module, keyed by path relative to its folder."""
    files = {"module.md": render_module_head(module)}
    for number, lesson in enumerate(module.lessons, start=1):
        files[f"lessons/{number:02d}-{lesson.slug}.md"] = render_lesson(lesson)
    for number, exercise in enumerate(module.exercises, start=1):
        files[f"exercises/{number:02d}-{exercise.slug}.md"] = render_exercise(exercise)
    return files


def render_corpus_document(document: CorpusDocument, fact: str | None = None) -> str:
    front: dict[str, object] = {
        "title": document.title,
        "summary": document.summary,
        "doctype": document.doctype,
        "theme": document.theme,
        "published": document.published,
        "department": document.department,
        "author": document.author,
        "source": document.source,
        "fact": fact,
    }
    return render_file(front, document.body)


def write_content(
    root: Path,
    modules: Iterable[ModuleSeed],
    corpus: Iterable[CorpusDocument],
    facts: Mapping[str, str],
) -> None:
    """Write modules and corpus core under ``root`` (the conversion and round-trip tests)."""
    for number, module in enumerate(modules, start=1):
        folder = root / "modules" / f"{number:02d}-{module.slug}"
        for name, text in module_files(module).items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(text, encoding="utf-8")
    (root / "corpus").mkdir(parents=True, exist_ok=True)
    for number, document in enumerate(corpus, start=1):
        path = root / "corpus" / f"{number:02d}-{document.key}.md"
        path.write_text(render_corpus_document(document, facts.get(document.key)), "utf-8")
