"""Zip archives without surprises: uploads unpacked safely, zip-based files inspected first.

Plain Python. Every limit is checked on the archive's central directory BEFORE anything is
decompressed, so a zip bomb is refused in milliseconds and without memory. The declared sizes
may lie; that is safe because :mod:`zipfile` never returns more than a member's declared size
(it fails the CRC check instead), and extraction counts the bytes it really writes.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

__all__ = [
    "ARCHIVE_SUFFIXES",
    "MAX_COMPRESSION_RATIO",
    "RATIO_CHECK_BYTES",
    "ZIP_MAX_MEMBERS",
    "ZIP_MAX_TOTAL_BYTES",
    "ArchiveRefused",
    "check_members",
    "extract_zip",
]

#: Default cap on one member (the loaders' default file size limit).
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
#: What an uploaded zip may unpack to in total, and how many members it may have.
ZIP_MAX_TOTAL_BYTES = 512 * 1024 * 1024
ZIP_MAX_MEMBERS = 10_000
#: Real documents compress up to about 20:1 (XML) and rarely beyond 100:1; a bomb is
#: 1000:1. The ratio is only judged above RATIO_CHECK_BYTES, where it can hurt.
MAX_COMPRESSION_RATIO = 100
RATIO_CHECK_BYTES = 10 * 1024 * 1024
#: Archives inside an archive are not unpacked (nesting depth 1).
ARCHIVE_SUFFIXES = (".zip", ".7z", ".rar", ".tar", ".gz", ".tgz", ".bz2", ".xz")


class ArchiveRefused(Exception):
    """The archive breaks a limit; ``reason`` is short, Dutch and user-facing."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.0f}"


def check_members(
    members: Sequence[zipfile.ZipInfo],
    *,
    max_total_bytes: int,
    max_members: int,
    max_ratio: int = MAX_COMPRESSION_RATIO,
) -> None:
    """Raise :class:`ArchiveRefused` when the directory promises too much; reads nothing."""
    if len(members) > max_members:
        raise ArchiveRefused(f"te veel bestanden in het archief (maximum {max_members})")
    unpacked = sum(member.file_size for member in members)
    if unpacked > max_total_bytes:
        raise ArchiveRefused(f"pakt uit tot {_mb(unpacked)} MB (maximum {_mb(max_total_bytes)} MB)")
    packed = sum(member.compress_size for member in members)
    for size, compressed in [
        (unpacked, packed),
        *((m.file_size, m.compress_size) for m in members),
    ]:
        if size > RATIO_CHECK_BYTES and size > max_ratio * max(compressed, 1):
            raise ArchiveRefused(
                f"verdacht sterk ingepakt ({size // max(compressed, 1)}:1, maximum "
                f"{max_ratio}:1); mogelijk een zip-bom"
            )


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
    ``.DS_Store``), does not unpack archives inside the archive, refuses a zip bomb by its
    directory, and stops members at ``max_bytes`` and the whole archive at
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
        try:
            # The total is checked member by member below (a partial import is useful).
            check_members(members, max_total_bytes=2**63, max_members=max_members)
        except ArchiveRefused as error:
            return [(label, error.reason)]
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
            if parts[-1].casefold().endswith(ARCHIVE_SUFFIXES):
                refused.append((shown, "archief in een archief wordt niet uitgepakt"))
                continue
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
