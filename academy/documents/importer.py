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
import re
import tempfile
import unicodedata
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from academy.documents.indexing import index_documents
from academy.documents.loaders import (
    DEFAULT_MAX_BYTES,
    LoadedFile,
    LoadError,
    iter_files,
    load_file,
    parse_date,
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
SUMMARY_CHARS = 300
#: Limits for an upload through the admin page (the request itself is capped by
#: MAX_CONTENT_LENGTH; these guard what a zip unpacks to).
ZIP_MAX_TOTAL_BYTES = 512 * 1024 * 1024
ZIP_MAX_MEMBERS = 10_000

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
    paths = list(iter_files(root))  # paths only: bodies are read a batch at a time
    total = len(paths)
    summary = ImportSummary()
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
    """The Document columns for a loaded file, from its text and sidecar metadata."""
    metadata = loaded.metadata
    doctype = metadata.get("type", "").casefold()
    if doctype not in DOCTYPES:
        if doctype and doctype != OTHER_DOCTYPE:
            run.unknown_types[doctype] += 1
        doctype = OTHER_DOCTYPE
    theme_id = None
    if metadata.get("thema"):
        theme_id = run.themes.get(metadata["thema"].casefold())
        if theme_id is None:
            run.unknown_themes[metadata["thema"]] += 1
    published = parse_date(metadata["datum"]) if metadata.get("datum") else None
    year = _year(metadata.get("jaar", ""))
    if year is None and published is not None:
        year = published.year
    if year is None:
        year = _year(metadata.get("datum", ""), anywhere=True)
    return {
        "title": loaded.title[:_TITLE_MAX],
        "summary": metadata.get("samenvatting") or _summary_from(loaded.body),
        "body": loaded.body,
        "doctype": doctype,
        "theme_id": theme_id,
        "year": year,
        "published": published,
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
    """A year between 1900 and 2100 from "2021" or "2021.0" (or anywhere in the text)."""
    pattern = r"(?<!\d)(\d{4})(?!\d)" if anywhere else r"^\s*(\d{4})(?:\.0+)?\s*$"
    match = re.search(pattern, value or "")
    if match and 1900 <= int(match.group(1)) <= 2100:
        return int(match.group(1))
    return None


_MARKUP_START = re.compile(r"^\s*(#{1,6}|[-*+>]|\d+\.)\s+", re.M)


def _summary_from(body: str) -> str:
    """The first ~300 characters of the body, cut at a word."""
    text = " ".join(_MARKUP_START.sub("", body).split())
    if len(text) <= SUMMARY_CHARS:
        return text
    cut = text[:SUMMARY_CHARS].rsplit(" ", 1)[0] or text[:SUMMARY_CHARS]
    return cut.rstrip(" ,.;:-") + "…"


# --------------------------------------------------------------------------- uploads

_UNSAFE_CHARS = re.compile(r'[\x00-\x1f\x7f<>:"|?*]')


def _safe_part(name: str) -> str:
    """One path component without control or Windows-reserved characters ("" if unusable)."""
    name = unicodedata.normalize("NFC", _UNSAFE_CHARS.sub("_", name)).strip()
    if name in ("", ".", "..") or len(name.encode("utf-8")) > 240:
        return ""
    return name


def _member_parts(name: str) -> list[str] | None:
    """The path parts of a zip member, or None when it points outside the folder."""
    name = name.replace("\\", "/")
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return None
    parts = [part for part in name.split("/") if part not in ("", ".")]
    if not parts or ".." in parts:
        return None
    safe = [_safe_part(part) for part in parts]
    return safe if all(safe) else None


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.0f}"


def extract_zip(
    stream: IO[bytes],
    root: Path,
    *,
    label: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_total_bytes: int = ZIP_MAX_TOTAL_BYTES,
    max_members: int = ZIP_MAX_MEMBERS,
) -> list[tuple[str, str]]:
    """Extract a zip archive under ``root`` safely; return the members refused, with why.

    Refuses absolute paths and "..", skips folders and hidden members (``__MACOSX``,
    ``.DS_Store``), stops members at ``max_bytes`` and the whole archive at
    ``max_total_bytes`` even when the sizes in the archive lie.
    """
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return [(label, "onleesbaar zip-bestand")]
    refused: list[tuple[str, str]] = []
    root = root.resolve()
    with archive:
        members = archive.infolist()
        if len(members) > max_members:
            return [(label, f"te veel bestanden in het zip-bestand (maximum {max_members})")]
        budget = max_total_bytes
        for member in members:
            if member.is_dir():
                continue
            parts = _member_parts(member.filename)
            if parts is None:
                refused.append((member.filename, "onveilig pad in zip-bestand; overgeslagen"))
                continue
            if any(part.startswith((".", "~$")) or part == "__MACOSX" for part in parts):
                continue
            target = root.joinpath(*parts)
            if not target.resolve().is_relative_to(root):  # belt and braces
                refused.append((member.filename, "onveilig pad in zip-bestand; overgeslagen"))
                continue
            shown = "/".join(parts)
            if member.file_size > max_bytes:
                refused.append(
                    (shown, f"te groot ({_mb(member.file_size)} MB, maximum {_mb(max_bytes)} MB)")
                )
                continue
            if member.file_size > budget:
                refused.append(
                    (label, f"pakt uit tot meer dan {_mb(max_total_bytes)} MB; rest overgeslagen")
                )
                break
            if target.exists():
                refused.append((shown, "bestandsnaam komt twee keer voor; alleen de eerste"))
                continue
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                with archive.open(member) as source:
                    problems = _save_stream(source, target, shown, max_bytes)
            except (
                zipfile.BadZipFile,
                RuntimeError,  # encrypted member
                NotImplementedError,  # unsupported compression
                zlib.error,
                OSError,
                EOFError,
            ):
                target.unlink(missing_ok=True)
                refused.append((shown, "onleesbaar in het zip-bestand"))
                continue
            refused.extend(problems)
            if not problems:
                budget -= target.stat().st_size
    return refused


def _save_stream(source: IO[bytes], target: Path, shown: str, max_bytes: int) -> list[tuple]:
    """Copy at most ``max_bytes``; a larger stream is removed and reported."""
    written = 0
    with target.open("xb") as out:
        for chunk in _chunks(source):
            written += len(chunk)
            if written > max_bytes:
                break
            out.write(chunk)
    if written > max_bytes:
        target.unlink(missing_ok=True)
        return [(shown, f"te groot (maximum {_mb(max_bytes)} MB)")]
    return []


def _chunks(source: IO[bytes], size: int = 1024 * 1024) -> Iterator[bytes]:
    while chunk := source.read(size):
        yield chunk


__all__ = [
    "DEFAULT_BATCH_SIZE",
    "DEFAULT_MAX_BYTES",
    "ImportSummary",
    "documents_by_origin",
    "extract_zip",
    "import_folder",
    "import_uploads",
]
