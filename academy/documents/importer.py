"""Import a folder tree (or an upload) of real documents into the practice corpus.

Each file becomes one Document keyed ``import:<path relative to the import root>``, so a
re-import of the same tree updates in place. Files are read by ``academy.documents.loaders``;
a file that cannot be read is reported and the import carries on. Documents are written
in batches, each batch its own transaction, and each committed batch goes into the search
index straight away, so a long import becomes searchable as it runs and a failing batch
costs only itself.
"""

from __future__ import annotations

import logging
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from academy.documents import describe
from academy.documents.archives import (
    ZIP_MAX_MEMBERS,
    ZIP_MAX_TOTAL_BYTES,
    _safe_part,
    _save_stream,
    extract_zip,
)
from academy.documents.indexing import index_documents
from academy.documents.loaders import (
    DEFAULT_MAX_BYTES,
    LoadedFile,
    LoadError,
    iter_files,
    load_file,
)
from academy.extensions import db
from academy.models import Document, Theme
from academy.models.documents import DOCUMENT_TYPES as DOCTYPES

log = logging.getLogger(__name__)

KEY_PREFIX = "import:"
ORIGIN = "import"
OTHER_DOCTYPE = "overig"
#: Documents per transaction (and per incremental index update).
DEFAULT_BATCH_SIZE = 200
#: Characters of body text used as the summary when the metadata has none.
SUMMARY_CHARS = describe.SUMMARY_CHARS
# Limits for an upload through the admin page (the request itself is capped by
# MAX_CONTENT_LENGTH; ZIP_MAX_* guard what a zip unpacks to) live in archives.py.

# Column sizes of Document, so a long value is cut instead of failing a whole batch.
_KEY_MAX = 500
_DEPARTMENT_MAX = 120
_AUTHOR_MAX = 200
_TITLE_MAX = 500

Progress = Callable[[int, int], None]


@dataclass
class ImportSummary:
    """What an import did; ``failed`` holds (relative path, Dutch reason) pairs."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.added + self.updated + self.unchanged + len(self.failed)

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)


def import_folder(
    root: Path,
    *,
    progress: Progress | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> ImportSummary:
    """Import every document under ``root``; idempotent, keyed on the relative path.

    Same content and metadata as last time → unchanged (nothing written); otherwise the
    document is updated; a new path is added, unless a document with the same content
    was already imported under another path (then it is reported as a duplicate).
    ``progress(done, total)`` is called after each file.
    """
    root = Path(root).resolve()
    summary = ImportSummary()

    def skipped(path: Path, reason: str) -> None:  # symlinks out of root, FIFOs, devices
        summary.failed.append((_relative(path, root), reason))

    paths = list(iter_files(root, skipped=skipped))  # paths only: bodies come a batch at a time
    total = len(paths)
    run = _Run(themes=_theme_lookup())
    for start in range(0, total, max(1, batch_size)):
        batch: list[tuple[str, LoadedFile]] = []
        for done, path in enumerate(paths[start : start + batch_size], start=start + 1):
            loaded = _load(path, root, summary, max_bytes)
            if loaded is not None:
                batch.append(loaded)
            if progress is not None:
                progress(done, total)
        if batch:
            _store_batch(batch, summary, run)
    run.report(summary)
    return summary


def import_uploads(
    uploads: Iterable[tuple[str, IO[bytes]]],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
) -> ImportSummary:
    """Import uploaded files and zip archives; keys are relative to the upload.

    Everything is written to a temporary folder first (zip members extracted safely:
    no absolute paths or "..", per-member and total size limits) and removed afterwards.
    """
    refused: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="academy-import-") as temporary:
        root = Path(temporary)
        for filename, stream in uploads:
            name = _safe_part(filename.replace("\\", "/").rsplit("/", 1)[-1])
            if not name:
                refused.append((filename or "?", "ongeldige bestandsnaam"))
            elif name.startswith("."):
                refused.append((name, "verborgen bestand; overgeslagen"))
            elif name.casefold().endswith(".zip"):
                refused.extend(extract_zip(stream, root, label=name, max_bytes=max_bytes))
            elif (root / name).exists():
                refused.append((name, "bestandsnaam komt twee keer voor; alleen de eerste"))
            else:
                refused.extend(_save_stream(stream, root / name, name, max_bytes))
        summary = import_folder(root, max_bytes=max_bytes, progress=progress)
    summary.failed[:0] = refused
    return summary


def documents_by_origin() -> list[tuple[str, int]]:
    """How many documents each origin ("demo", "import", ...) has, largest first."""
    rows = db.session.execute(
        select(Document.origin, func.count(Document.id))
        .group_by(Document.origin)
        .order_by(func.count(Document.id).desc(), Document.origin)
    )
    return [(origin, count) for origin, count in rows]


# --------------------------------------------------------------------------- one run


@dataclass
class _Run:
    """State that lives for one import: theme lookup, hashes seen, aggregated notes."""

    themes: dict[str, int]
    seen_hashes: dict[str, str] = field(default_factory=dict)  # hash -> relative path
    unknown_themes: Counter[str] = field(default_factory=Counter)
    unknown_types: Counter[str] = field(default_factory=Counter)

    def report(self, summary: ImportSummary) -> None:
        for value, count in sorted(self.unknown_themes.items()):
            summary.warn(
                f"Thema '{value}' is onbekend ({count} bestand(en)); zonder thema geïmporteerd."
            )
        for value, count in sorted(self.unknown_types.items()):
            summary.warn(
                f"Type '{value}' is onbekend ({count} bestand(en)); "
                f"geïmporteerd als '{OTHER_DOCTYPE}'."
            )


def _theme_lookup() -> dict[str, int]:
    """Theme id by lower-cased name and code (codes win when both match)."""
    lookup: dict[str, int] = {}
    themes = db.session.execute(select(Theme.id, Theme.code, Theme.name)).all()
    for theme_id, _code, name in themes:
        lookup[name.casefold()] = theme_id
    for theme_id, code, _name in themes:
        lookup[code.casefold()] = theme_id
    return lookup


def _relative(path: Path, root: Path) -> str:
    # NFC: macOS writes decomposed names; the same file must always get the same key.
    return unicodedata.normalize("NFC", path.relative_to(root).as_posix())


def _load(
    path: Path, root: Path, summary: ImportSummary, max_bytes: int
) -> tuple[str, LoadedFile] | None:
    relative = _relative(path, root)
    if len(KEY_PREFIX + relative) > _KEY_MAX:
        summary.failed.append((relative, "pad te lang (meer dan 490 tekens)"))
        return None
    try:
        loaded = load_file(path, max_bytes=max_bytes)
    except LoadError as error:
        summary.failed.append((relative, error.reason))
        return None
    except Exception:  # a loader bug must not stop a run of thousands of files
        log.exception("unexpected error reading %s", path)
        summary.failed.append((relative, "onverwachte fout bij het lezen"))
        return None
    folder = relative.rsplit("/", 1)[0] + "/" if "/" in relative else ""
    for warning in loaded.warnings:
        summary.warn(folder + warning)
    return relative, loaded


def _store_batch(batch: list[tuple[str, LoadedFile]], summary: ImportSummary, run: _Run) -> None:
    """Write one batch in one transaction, then index it; a failure costs this batch only."""
    keys = [KEY_PREFIX + relative for relative, _loaded in batch]
    changed: list[tuple[Document, bool]] = []  # (document, is new)
    existing: dict[str, Document] = {}
    unchanged = 0
    duplicates: list[tuple[str, str]] = []
    try:
        existing = {
            document.key: document
            for document in db.session.scalars(select(Document).where(Document.key.in_(keys)))
        }
        # Files that are already imported unchanged claim their content first, so a new
        # copy elsewhere in this batch is a duplicate whatever the order.
        for relative, loaded in batch:
            document = existing.get(KEY_PREFIX + relative)
            if document is not None and document.content_hash == loaded.content_hash:
                run.seen_hashes.setdefault(loaded.content_hash, relative)
        imported_elsewhere = _imported_hashes(
            {loaded.content_hash for _relative, loaded in batch}, exclude_keys=keys
        )
        for relative, loaded in batch:
            document = existing.get(KEY_PREFIX + relative)
            fields = _document_fields(relative, loaded, run)
            if document is not None:
                if document.content_hash == loaded.content_hash and _same(document, fields):
                    unchanged += 1
                else:
                    _assign(document, fields)
                    changed.append((document, False))
                run.seen_hashes.setdefault(loaded.content_hash, relative)
                continue
            original = run.seen_hashes.get(loaded.content_hash) or imported_elsewhere.get(
                loaded.content_hash
            )
            if original is not None:
                duplicates.append((relative, f"dubbel: zelfde inhoud als {original}"))
                continue
            document = Document(key=KEY_PREFIX + relative, origin=ORIGIN)
            _assign(document, fields)
            db.session.add(document)
            changed.append((document, True))
            run.seen_hashes[loaded.content_hash] = relative
        db.session.commit()
    except Exception as error:  # database or mapping error: lose this batch, not the run
        db.session.rollback()
        log.exception("import batch of %s files failed", len(batch))
        reason = f"opslaan mislukt ({type(error).__name__}); deze reeks is teruggedraaid"
        for relative, loaded in batch:
            if run.seen_hashes.get(loaded.content_hash) == relative:
                del run.seen_hashes[loaded.content_hash]
            summary.failed.append((relative, reason))
        _forget([*existing.values()])
        return
    summary.unchanged += unchanged
    summary.failed.extend(duplicates)
    summary.added += sum(1 for _document, new in changed if new)
    summary.updated += sum(1 for _document, new in changed if not new)
    _index_batch([document for document, _new in changed], summary)
    _forget([*existing.values(), *(document for document, _new in changed)])


def _forget(documents: list[Document]) -> None:
    """Drop a batch's documents from the session: memory stays flat on large imports."""
    for document in documents:
        if document in db.session:
            db.session.expunge(document)


def _imported_hashes(hashes: set[str], *, exclude_keys: list[str]) -> dict[str, str]:
    """Relative path of an earlier import with each content hash, outside this batch."""
    rows = db.session.execute(
        select(Document.content_hash, Document.key).where(
            Document.origin == ORIGIN,
            Document.content_hash.in_(hashes),
            Document.key.not_in(exclude_keys),
        )
    )
    return {content_hash: key.removeprefix(KEY_PREFIX) for content_hash, key in rows}


def _index_batch(documents: list[Document], summary: ImportSummary) -> None:
    if not documents:
        return
    ids = [document.id for document in documents]
    try:
        # One query reloads the committed rows with their themes (not one per document).
        fresh = list(
            db.session.scalars(
                select(Document).where(Document.id.in_(ids)).options(selectinload(Document.theme))
            )
        )
        index_documents(fresh)
    except Exception:  # the rows are saved; the index can always be rebuilt from them
        log.exception("indexing an import batch failed")
        summary.warn(
            f"{len(ids)} document(en) opgeslagen maar niet in de zoekindex gezet; "
            "bouw de zoekindex opnieuw op."
        )


# --------------------------------------------------------------------------- mapping


def _document_fields(relative: str, loaded: LoadedFile, run: _Run) -> dict[str, Any]:
    """The Document columns for a loaded file, from its text, sidecar metadata and path."""
    metadata = loaded.metadata
    described = describe.describe(
        metadata=metadata,
        heading=loaded.heading,
        body=loaded.body,
        relative_path=relative,
        doctypes=DOCTYPES,
        first_line_is_title=loaded.first_line_is_title,
    )
    if described.unknown_doctype:
        run.unknown_types[described.unknown_doctype] += 1
    theme_id = None
    if metadata.get("thema"):
        theme_id = run.themes.get(metadata["thema"].casefold())
        if theme_id is None:
            run.unknown_themes[metadata["thema"]] += 1
    return {
        "title": described.title[:_TITLE_MAX],
        "summary": metadata.get("samenvatting") or _summary_from(loaded.body),
        "body": loaded.body,
        "doctype": described.doctype,
        "theme_id": theme_id,
        "year": described.year,
        "published": described.published,
        "department": metadata.get("afdeling", "")[:_DEPARTMENT_MAX],
        "author": metadata.get("auteur", "")[:_AUTHOR_MAX],
        "source": relative,
        "content_hash": loaded.content_hash,
    }


_COMPARED = (
    "title",
    "summary",
    "doctype",
    "theme_id",
    "year",
    "published",
    "department",
    "author",
)


def _same(document: Document, fields: dict[str, Any]) -> bool:
    """Equal metadata (the body is covered by the content hash)."""
    return all(getattr(document, name) == fields[name] for name in _COMPARED)


def _assign(document: Document, fields: dict[str, Any]) -> None:
    for name, value in fields.items():
        setattr(document, name, value)


def _year(value: str, *, anywhere: bool = False) -> int | None:
    """A year from "2021" or "2021.0" (or anywhere in the text); see describe.py."""
    return describe.find_year(value) if anywhere else describe.parse_year(value)


def _summary_from(body: str) -> str:
    """The first ~300 characters of the body, cut at a word."""
    return describe.summary_from(body, SUMMARY_CHARS)


__all__ = [
    "DEFAULT_BATCH_SIZE",
    "DEFAULT_MAX_BYTES",
    "ZIP_MAX_MEMBERS",
    "ZIP_MAX_TOTAL_BYTES",
    "ImportSummary",
    "documents_by_origin",
    "extract_zip",
    "import_folder",
    "import_uploads",
]
