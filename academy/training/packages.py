"""Module packages: a module as a zip of content files, to share training between municipalities.

The zip holds one folder ``NN-<module-slug>/`` in exactly the layout of ``content/modules`` (see
`academy.content`), so a package, the shipped curriculum and the validator are one format. A
package is small and bounded (``MAX_PACKAGE_BYTES``, ``MAX_MEMBERS``), so checking and importing
it takes milliseconds and runs inside the request; nothing is written unless all of it is valid.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlalchemy import select

from academy.audit.services import AuditAction, record_event
from academy.content import (
    ContentError,
    ExerciseKind,
    ExerciseSeed,
    LessonSeed,
    ModuleSeed,
    module_files,
    parse_name,
    read_module_files,
)
from academy.documents.archives import ArchiveRefused, check_members
from academy.errors import DomainError
from academy.extensions import db
from academy.models import Document, Exercise, Lesson, Module
from academy.training.authoring import _next_position

MAX_PACKAGE_BYTES = 5 * 1024 * 1024
MAX_UNPACKED_BYTES = 10 * 1024 * 1024
MAX_MEMBERS = 300
MAX_FILE_BYTES = 1024 * 1024
_SAFE_MEMBER = re.compile(r"^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*/?$")
_ZIP_DATE = (2026, 1, 1, 0, 0, 0)  # fixed, so the same module always gives the same bytes


class PackageRefused(DomainError):
    """The package cannot be imported; the message says why, for the trainer."""


@dataclass
class ImportResult:
    """What an import did, for the trainer's confirmation message."""

    module: Module
    dropped_keys: list[str] = field(default_factory=list)
    renamed_from: str | None = None


def module_seed(module: Module) -> ModuleSeed:
    """A database module as content data (all lessons and exercises, drafts included)."""
    return ModuleSeed(
        slug=module.slug,
        title=module.title,
        summary=module.summary or "",
        goals=tuple(line for line in (module.goals or "").splitlines() if line.strip()),
        minutes=module.minutes,
        lessons=tuple(
            LessonSeed(slug=lesson.slug, title=lesson.title, body=lesson.body or "")
            for lesson in module.lessons
        ),
        exercises=tuple(_exercise_seed(exercise) for exercise in module.exercises),
    )


def _exercise_seed(exercise: Exercise) -> ExerciseSeed:
    filters = exercise.expert_filters or {}
    return ExerciseSeed(
        slug=exercise.slug,
        kind=_kind(exercise.kind),
        title=exercise.title,
        prompt=exercise.prompt or "",
        expert_query=exercise.expert_query or "",
        expert_filters={str(k): tuple(str(v) for v in values) for k, values in filters.items()},
        key_documents=tuple(document.key for document in exercise.key_documents),
        accepted_answers=tuple(str(answer) for answer in exercise.accepted_answers or []),
        required_skill=exercise.required_skill,
        pass_threshold=float(exercise.pass_threshold),
        rubric=tuple(str(line) for line in exercise.rubric or []),
        hints=tuple(str(hint) for hint in exercise.hints or []),
        max_attempts=exercise.max_attempts,
    )


def _kind(value: str) -> ExerciseKind:
    kinds: dict[str, ExerciseKind] = {
        "known_item": "known_item",
        "fact": "fact",
        "find_all": "find_all",
        "process": "process",
        "open": "open",
    }
    return kinds[value]


def package_name(module: Module) -> str:
    return f"module-{module.slug}.zip"


def export_module(module: Module) -> bytes:
    """The module as a zip package; records the export in the audit trail."""
    folder = f"01-{module.slug}"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in module_files(module_seed(module)).items():
            info = zipfile.ZipInfo(f"{folder}/{name}", date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
    try:
        record_event(AuditAction.MODULE_EXPORTED, target=module)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return buffer.getvalue()


def read_package(data: bytes) -> ModuleSeed:
    """Check a package completely and return its module; raises PackageRefused in Dutch."""
    if len(data) > MAX_PACKAGE_BYTES:
        raise PackageRefused(
            _("Het pakket is groter dan %(mb)s MB.", mb=MAX_PACKAGE_BYTES // (1024 * 1024))
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise PackageRefused(_("Dit is geen geldig zip-bestand.")) from None
    with archive:
        members = archive.infolist()
        try:
            check_members(members, max_total_bytes=MAX_UNPACKED_BYTES, max_members=MAX_MEMBERS)
        except ArchiveRefused as refused:
            raise PackageRefused(
                _("Het pakket is geweigerd: %(reason)s.", reason=refused.reason)
            ) from None
        files = _member_texts(archive, members)
    folders = {name.split("/", 1)[0] for name in files}
    if len(folders) != 1:
        raise PackageRefused(
            _("Een pakket bevat precies één map met één module (gevonden: %(n)s).", n=len(folders))
        )
    folder = folders.pop()
    try:
        _number, slug = parse_name(folder, folder)
        return read_module_files(
            {name.split("/", 1)[1]: text for name, text in files.items() if "/" in name},
            slug,
            folder,
        )
    except ContentError as error:
        raise PackageRefused(_("Fout in het pakket: %(error)s", error=str(error))) from None


def _member_texts(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]) -> dict[str, str]:
    """Every file of the zip as text, refusing unsafe names, links and oversized members."""
    texts: dict[str, str] = {}
    for member in members:
        name = member.filename
        if not _SAFE_MEMBER.match(name) or ".." in name.split("/") or name.startswith("."):
            raise PackageRefused(
                _("Onveilige bestandsnaam in het pakket: %(name)s", name=name[:80])
            )
        if (member.external_attr >> 16) & 0o170000 == 0o120000:
            raise PackageRefused(_("Het pakket bevat een snelkoppeling: %(name)s", name=name))
        if member.is_dir():
            continue
        if member.file_size > MAX_FILE_BYTES:
            raise PackageRefused(_("Bestand %(name)s is te groot.", name=name))
        with archive.open(member) as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            raise PackageRefused(_("Bestand %(name)s is te groot.", name=name))
        try:
            texts[name] = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise PackageRefused(_("Bestand %(name)s is geen UTF-8-tekst.", name=name)) from None
    if not texts:
        raise PackageRefused(_("Het pakket is leeg."))
    return texts


def import_package(data: bytes) -> ImportResult:
    """Add the package's module as a concept, in one transaction; never overwrites a module.

    Document keys that this index does not have are dropped from the exercises (and listed in
    the result), so a package from another municipality still arrives; the trainer then sets
    the missing answer keys with the key picker before publishing.
    """
    seed = read_package(data)
    try:
        result = _add_module(seed)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return result


def _free(model: type[Module] | type[Exercise], slug: str, taken: set[str]) -> str:
    """`slug`, or `slug-2`, `slug-3`, ... (within 80 characters) when it is in use."""
    candidate, number = slug, 1
    while candidate in taken or db.session.scalar(select(model.id).where(model.slug == candidate)):
        number += 1
        candidate = f"{slug[: 79 - len(str(number))]}-{number}"
    return candidate


def _add_module(seed: ModuleSeed) -> ImportResult:
    wanted = sorted({key for item in seed.exercises for key in item.key_documents})
    documents = {
        document.key: document
        for document in db.session.scalars(select(Document).where(Document.key.in_(wanted)))
    }
    slug = _free(Module, seed.slug, set())
    module = Module(
        slug=slug,
        title=seed.title,
        summary=seed.summary,
        goals="\n".join(seed.goals),
        minutes=seed.minutes,
        position=_next_position(Module),
        published=False,
    )
    module.lessons = [
        Lesson(slug=lesson.slug, title=lesson.title, body=lesson.body, position=index)
        for index, lesson in enumerate(seed.lessons)
    ]
    taken: set[str] = set()
    for index, item in enumerate(seed.exercises):
        exercise_slug = _free(Exercise, item.slug, taken)
        taken.add(exercise_slug)
        exercise = exercise_from_seed(item, exercise_slug, index)
        exercise.key_documents = [documents[k] for k in item.key_documents if k in documents]
        # An exercise that lost a key stays a concept itself, so it is published only through
        # the trainer's usual check that its key is set and found.
        exercise.published = len(exercise.key_documents) == len(item.key_documents)
        module.exercises.append(exercise)
    db.session.add(module)
    db.session.flush()
    dropped = [key for key in wanted if key not in documents]
    record_event(
        AuditAction.MODULE_IMPORTED,
        target=module,
        details={"exercises": len(seed.exercises), "missing_documents": len(dropped)},
    )
    return ImportResult(
        module=module, dropped_keys=dropped, renamed_from=seed.slug if slug != seed.slug else None
    )


def exercise_from_seed(item: ExerciseSeed, slug: str, position: int) -> Exercise:
    """A new exercise from its content form (key documents are the caller's: they are looked
    up in this database, by the seed and by a package import each in its own way)."""
    return Exercise(
        slug=slug,
        kind=item.kind,
        title=item.title,
        prompt=item.prompt,
        position=position,
        expert_query=item.expert_query,
        expert_filters={k: list(v) for k, v in item.expert_filters.items()},
        accepted_answers=list(item.accepted_answers),
        required_skill=item.required_skill,
        pass_threshold=item.pass_threshold,
        rubric=list(item.rubric),
        hints=list(item.hints),
        max_attempts=item.max_attempts,
    )
