"""What trainers do to the curriculum: write, order, publish, and set answer keys."""

from __future__ import annotations

import re
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import func, select

from academy.database import retry_on_conflict
from academy.errors import DomainError
from academy.extensions import db
from academy.models import Document, Exercise, ExerciseKind, Lesson, Module
from academy.practice import services as practice
from academy.security import MAX_ID
from academy.training.grading import SKILLS
from academy.training.services import SLUG
from search_module import SearchRequest
from search_module.analysis import fold


def _check_slug(slug: str) -> str:
    slug = (slug or "").strip().lower()
    if not SLUG.match(slug) or len(slug) > 80:
        raise DomainError(
            _(
                "Gebruik voor de korte naam kleine letters, cijfers en streepjes "
                "(zoals zoeken-met-of)."
            )
        )
    return slug


def slugify(title: str) -> str:
    """A slug from a title: "Vind de Armoedemonitor 2024!" -> "vind-de-armoedemonitor-2024"."""
    words = re.findall(r"[a-z0-9]+", fold(title or "").lower())
    slug = "-".join(words)[:72].strip("-")
    return slug or "oefening"


def _free_slug(model: type[Exercise], base: str, current: Exercise | None) -> str:
    """`base`, or `base-2`, `base-3`, ... when another row has it (a generated slug only)."""
    slug, number = base, 1
    while True:
        clash = db.session.scalar(select(model).where(model.slug == slug))
        if clash is None or clash is current:
            return slug
        number += 1
        slug = f"{base}-{number}"


def _next_position(model: type[Module | Lesson | Exercise], **where: object) -> int:
    query = select(func.coalesce(func.max(model.position), -1))
    for column, value in where.items():
        query = query.where(getattr(model, column) == value)
    return (db.session.scalar(query) or 0) + 1


@retry_on_conflict
def save_module(module: Module | None, **fields: Any) -> Module:
    slug = _check_slug(fields["slug"])
    clash = db.session.scalar(select(Module).where(Module.slug == slug))
    if clash is not None and clash is not module:
        raise DomainError(_("Er is al een module met de korte naam %(slug)s.", slug=slug))
    if module is None:
        module = Module(position=_next_position(Module))
        db.session.add(module)
    module.slug = slug
    module.title = fields["title"].strip()
    module.summary = (fields.get("summary") or "").strip()
    module.goals = (fields.get("goals") or "").strip()
    module.minutes = fields.get("minutes") or 30
    module.published = bool(fields.get("published"))
    db.session.commit()
    return module


@retry_on_conflict
def save_lesson(module: Module, lesson: Lesson | None, **fields: Any) -> Lesson:
    slug = _check_slug(fields["slug"])
    clash = db.session.scalar(
        select(Lesson).where(Lesson.module_id == module.id, Lesson.slug == slug)
    )
    if clash is not None and clash is not lesson:
        raise DomainError(_("Deze module heeft al een les met de korte naam %(slug)s.", slug=slug))
    if lesson is None:
        lesson = Lesson(module_id=module.id, position=_next_position(Lesson, module_id=module.id))
        db.session.add(lesson)
    lesson.slug = slug
    lesson.title = fields["title"].strip()
    lesson.body = fields.get("body") or ""
    lesson.published = bool(fields.get("published"))
    db.session.commit()
    return lesson


def parse_lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


@retry_on_conflict
def save_exercise(module: Module, exercise: Exercise | None, **fields: Any) -> Exercise:
    """Create or change an exercise; the kind decides which fields must be filled. Without
    a slug one is made from the title. Publishing is refused while the key is not right."""
    if (fields.get("slug") or "").strip():
        slug = _check_slug(fields["slug"])
    else:
        slug = _free_slug(Exercise, slugify(fields.get("title") or ""), exercise)
    kind = ExerciseKind(fields["kind"])
    problems = []
    clash = db.session.scalar(select(Exercise).where(Exercise.slug == slug))
    if clash is not None and clash is not exercise:
        problems.append(_("Er is al een oefening met de korte naam %(slug)s.", slug=slug))
    accepted = parse_lines(fields.get("accepted_answers"))
    rubric = parse_lines(fields.get("rubric"))
    skill = fields.get("required_skill") or None
    if kind is ExerciseKind.FACT and not accepted:
        problems.append(_("Een feitvraag heeft minstens één goed antwoord nodig."))
    if kind is ExerciseKind.PROCESS and skill not in SKILLS:
        problems.append(_("Kies welke zoekvaardigheid de zoekopdrachten moeten laten zien."))
    if kind is ExerciseKind.KNOWN_ITEM and exercise is not None and len(exercise.key_documents) > 1:
        # Also when a find-all exercise becomes a known-item one, not only when adding a key.
        problems.append(_("Een oefening 'bekend document' heeft precies één sleuteldocument."))
    if kind is ExerciseKind.OPEN and not 1 <= len(rubric) <= 6:
        problems.append(_("Een open opdracht heeft 1 tot 6 beoordelingscriteria (één per regel)."))
    threshold: float = fields.get("pass_threshold") or 0.0
    if not 0 < threshold <= 1:
        problems.append(_("De drempel ligt tussen 0 en 1 (bijvoorbeeld 0,8)."))
    if problems:
        raise DomainError(" ".join(problems))
    if exercise is None:
        exercise = Exercise(
            module_id=module.id, position=_next_position(Exercise, module_id=module.id)
        )
        db.session.add(exercise)
    exercise.slug = slug
    exercise.kind = kind.value
    exercise.title = fields["title"].strip()
    exercise.prompt = fields.get("prompt") or ""
    exercise.expert_query = (fields.get("expert_query") or "").strip()
    exercise.accepted_answers = accepted
    exercise.required_skill = skill if kind is ExerciseKind.PROCESS else None
    exercise.pass_threshold = float(threshold)  # checked above: 0 < threshold <= 1
    exercise.rubric = rubric
    exercise.hints = parse_lines(fields.get("hints"))
    exercise.max_attempts = fields.get("max_attempts") or None
    exercise.published = bool(fields.get("published"))
    if exercise.published:
        db.session.flush()
        problems = publication_problems(exercise)
        if problems:
            raise DomainError(" ".join(problems))
    db.session.commit()
    return exercise


KEYED_KINDS = (ExerciseKind.KNOWN_ITEM.value, ExerciseKind.FACT.value, ExerciseKind.FIND_ALL.value)
EXPERT_CHECK_SIZE = 100


def publication_problems(exercise: Exercise) -> list[str]:
    """Why an exercise cannot be published yet: a known-item, fact or find-all exercise
    needs an answer key, and its expert query must find the key documents on the index as
    it is now (so the corpus cannot drift away from the exercise unnoticed)."""
    if exercise.kind not in KEYED_KINDS:
        return []
    keys = {document.id for document in exercise.key_documents}
    if not keys:
        return [_("Deze oefening heeft een antwoordsleutel nodig voordat je haar publiceert.")]
    if not exercise.expert_query.strip() and not exercise.expert_filters:
        return [_("Geef een voorbeeldzoekvraag van een expert die de sleutel vindt.")]
    filters = {
        key: [str(v) for v in values] for key, values in (exercise.expert_filters or {}).items()
    }
    result = practice.search_unlogged(
        SearchRequest(query=exercise.expert_query, filters=filters, page_size=EXPERT_CHECK_SIZE)
    )
    found = {hit.doc_id for hit in result.hits}
    missing = len(keys - found)
    if missing:
        return [
            _(
                "De voorbeeldzoekvraag vindt niet alle sleuteldocumenten (%(n)s ontbreken in "
                "de eerste %(size)s resultaten). Pas de zoekvraag of de sleutel aan.",
                n=missing,
                size=EXPERT_CHECK_SIZE,
            )
        ]
    return []


def set_key_document(exercise: Exercise, document_id: int, *, in_key: bool) -> None:
    document = db.session.get(Document, document_id) if 0 < document_id <= MAX_ID else None
    if document is None:
        raise DomainError(_("Dat document bestaat niet."))
    keys = exercise.key_documents
    if in_key and document not in keys:
        if exercise.kind == ExerciseKind.KNOWN_ITEM.value and keys:
            raise DomainError(
                _("Een oefening 'bekend document' heeft precies één sleuteldocument.")
            )
        keys.append(document)
    elif not in_key and document in keys:
        keys.remove(document)
    db.session.commit()


def move(item: Module | Lesson | Exercise, direction: int) -> None:
    """Swap an item with its neighbour (direction -1 up, +1 down) within its list."""
    siblings: list[Module | Lesson | Exercise]
    if isinstance(item, Module):
        siblings = list(db.session.scalars(select(Module).order_by(Module.position, Module.id)))
    elif isinstance(item, Lesson):
        siblings = list(item.module.lessons)
    else:
        siblings = list(item.module.exercises)
    for position, sibling in enumerate(siblings):
        sibling.position = position  # normalise gaps and ties first
    index = siblings.index(item)
    other = index + direction
    if 0 <= other < len(siblings):
        siblings[index].position, siblings[other].position = other, index
    db.session.commit()


@retry_on_conflict
def set_published(item: Module | Lesson | Exercise, published: bool) -> None:
    """Publish or withdraw; an exercise is only published when its key checks out."""
    if published and isinstance(item, Exercise):
        problems = publication_problems(item)
        if problems:
            raise DomainError(" ".join(problems))
    item.published = published
    db.session.commit()
