"""Read .txt, .md, .html, .pdf and .docx files into plain text records for the index.

Plain Python (no flask, no academy). ``iter_files`` walks a folder tree; ``load_file`` turns
one file into a :class:`LoadedFile` or raises :class:`LoadError` with a short Dutch reason
that is safe to show to the person who ran the import. Metadata comes from sidecars:

* ``<file>.json`` next to a file (e.g. ``nota.pdf.json``): one JSON object;
* ``metadata.csv`` or ``metadata.json`` in a folder: one row/object per file name.

A malformed sidecar never stops a file from loading; it becomes a warning.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import functools
import hashlib
import io
import json
import os
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

__all__ = [
    "DEFAULT_MAX_BYTES",
    "METADATA_KEYS",
    "SUPPORTED_SUFFIXES",
    "LoadError",
    "LoadedFile",
    "is_sidecar",
    "iter_files",
    "load_file",
    "parse_date",
    "readable_name",
]

#: Files larger than this are refused unless the caller passes another ``max_bytes``.
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
#: A .docx is a zip; refuse one that unpacks to more than this many times ``max_bytes``.
DOCX_EXPANSION_LIMIT = 20
#: Longest title kept (the database column holds 500 characters).
MAX_TITLE_CHARS = 300

SUFFIX_KINDS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(SUFFIX_KINDS)

FOLDER_SIDECARS = ("metadata.csv", "metadata.json")
#: Operating-system litter that is never a document.
IGNORED_NAMES = frozenset({"thumbs.db", "desktop.ini", "__macosx"})

#: Canonical (Dutch) metadata keys, with the spellings we accept for each.
METADATA_KEYS: dict[str, tuple[str, ...]] = {
    "titel": ("titel", "title"),
    "type": ("type", "doctype", "documenttype", "soort"),
    "thema": ("thema", "theme"),
    "jaar": ("jaar", "year"),
    "afdeling": ("afdeling", "department"),
    "auteur": ("auteur", "author", "auteurs"),
    "samenvatting": ("samenvatting", "summary"),
    "datum": ("datum", "date", "publicatiedatum", "published"),
}
_KEY_ALIASES = {alias: key for key, aliases in METADATA_KEYS.items() for alias in aliases}
#: Column/field naming the file a row of a folder sidecar belongs to.
FILE_NAME_KEYS = ("bestand", "bestandsnaam", "file", "filename", "naam", "name", "pad", "path")


class LoadError(Exception):
    """A file that cannot become a document; ``reason`` is short, Dutch and user-facing."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class LoadedFile:
    """One file read into text, with its metadata and anything worth a warning."""

    title: str
    body: str
    content_hash: str  # sha256 of the file's bytes, hex
    metadata: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    encoding: str = ""  # for text formats: the encoding the bytes were read with


# --------------------------------------------------------------------------- walking


def _is_hidden(name: str) -> bool:
    # "~$..." are Office lock files; the others are OS litter.
    return name.startswith((".", "~$")) or name.casefold() in IGNORED_NAMES


def is_sidecar(path: Path) -> bool:
    """True for metadata files: ``metadata.csv``/``.json`` and ``<document>.json``."""
    name = path.name.casefold()
    if name in FOLDER_SIDECARS:
        return True
    if name.endswith(".json"):
        return Path(name[: -len(".json")]).suffix in SUPPORTED_SUFFIXES
    return False


def iter_files(root: Path) -> Iterator[Path]:
    """Yield every candidate file under ``root`` in sorted order.

    Skips hidden files and folders, Office lock files and sidecars, and does not follow
    symbolic links to folders (no loops). Unsupported file types are yielded, so the
    caller can report them instead of silently ignoring them.
    """
    try:
        entries = sorted(os.scandir(root), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        if _is_hidden(entry.name):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from iter_files(Path(entry.path))
            elif entry.is_file() and not is_sidecar(Path(entry.name)):
                yield Path(entry.path)
        except OSError:
            continue


# --------------------------------------------------------------------------- loading


def load_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> LoadedFile:
    """Read one file into a :class:`LoadedFile`; raise :class:`LoadError` when impossible."""
    kind = SUFFIX_KINDS.get(path.suffix.lower())
    if kind is None:
        suffix = path.suffix.lower() or "zonder extensie"
        raise LoadError(f"bestandstype wordt niet ondersteund ({suffix})")
    try:
        size = path.stat().st_size
    except OSError as error:
        raise LoadError(f"niet te lezen ({error.strerror or 'onbekende fout'})") from error
    if size > max_bytes:
        raise LoadError(f"te groot ({_megabytes(size)} MB, maximum {_megabytes(max_bytes)} MB)")
    if size == 0:
        raise LoadError("leeg bestand")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise LoadError(f"niet te lezen ({error.strerror or 'onbekende fout'})") from error
    if not data:
        raise LoadError("leeg bestand")
    if len(data) > max_bytes:  # grew between stat and read
        raise LoadError(
            f"te groot ({_megabytes(len(data))} MB, maximum {_megabytes(max_bytes)} MB)"
        )

    encoding = ""
    if kind == "pdf":
        heading, body = _read_pdf(data)
    elif kind == "docx":
        heading, body = _read_docx(data, max_bytes=max_bytes)
    else:
        text, encoding = _decode_text(data)
        if kind == "html":
            heading, body = _read_html(text)
        elif kind == "markdown":
            heading, body = _markdown_heading(text), text
        else:
            heading, body = "", text
    body = _clean_text(body)
    if not body.strip():
        if kind == "pdf":
            raise LoadError("geen tekst gevonden (gescande PDF?)")
        raise LoadError("geen tekst gevonden")

    metadata, sidecar_warnings = _sidecar_metadata(path)
    title = (
        metadata.get("titel")
        or _clean_title(heading)
        or (_first_line(body) if kind == "pdf" else "")
        or readable_name(path)
    )
    return LoadedFile(
        title=_truncate(_clean_title(title), MAX_TITLE_CHARS),
        body=body,
        content_hash=hashlib.sha256(data).hexdigest(),
        metadata=metadata,
        warnings=tuple(sidecar_warnings),
        encoding=encoding,
    )


def _megabytes(size: int) -> str:
    value = size / (1024 * 1024)
    text = f"{value:.0f}" if value >= 10 or value == int(value) else f"{value:.1f}"
    return text.replace(".", ",")


# --------------------------------------------------------------------------- text


_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _decode_text(data: bytes) -> tuple[str, str]:
    """Decode text bytes: a BOM decides, else UTF-8, else Windows-1252 (else Latin-1).

    Content with NUL bytes and no BOM is binary (a renamed .exe, a Word 97 file, ...).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                break  # a BOM followed by garbage: judge the bytes below
    if b"\x00" in data or _looks_binary(data):
        raise LoadError("geen tekst (binair bestand)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; Latin-1 maps every byte.
        return data.decode("latin-1"), "latin-1"


_CONTROL_BYTES = bytes(set(range(32)) - {9, 10, 12, 13, 27})


def _looks_binary(data: bytes) -> bool:
    """More than 10 % control bytes in the first 8 KB: not text in any 8-bit encoding."""
    sample = data[:8192]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls * 10 > len(sample)


_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffe\uffff]")
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def _clean_text(text: str) -> str:
    """NFC, Unix newlines, no control characters, at most one empty line in a row."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n")
    text = _CONTROL_CHARS.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _clean_title(text: str) -> str:
    return " ".join(_CONTROL_CHARS.sub("", unicodedata.normalize("NFC", text or "")).split())


def _truncate(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] or text[: limit - 1]
    return cut.rstrip(" ,.;:-") + "…"


def _first_line(body: str) -> str:
    for line in body.split("\n"):
        if len(line.strip()) >= 3:
            return _truncate(line.strip(), 200)
    return ""


def readable_name(path: Path) -> str:
    """A title from a file name: ``jaarverslag_sport-2021.pdf`` → ``Jaarverslag sport 2021``."""
    stem = path.name
    while Path(stem).suffix.lower() in SUPPORTED_SUFFIXES:
        stem = stem[: -len(Path(stem).suffix)]
    text = stem.replace("_", " ").replace("+", " ")
    text = re.sub(r"(?<!\d)-|-(?!\d)", " ", text)  # keep 2020-2024, drop other dashes
    text = " ".join(text.split())
    if not text:
        return path.name
    return text[0].upper() + text[1:]


# --------------------------------------------------------------------------- markdown

_ATX_HEADING = re.compile(r"^ {0,3}#\s+(.+?)(?:\s+#+)?\s*$")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}=+\s*$")


def _markdown_heading(text: str) -> str:
    """The first level-1 heading (``# Titel`` or a line underlined with ``===``)."""
    previous = ""
    in_fence = False
    for line in text.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
            previous = ""
            continue
        if in_fence:
            continue
        match = _ATX_HEADING.match(line)
        if match:
            return match.group(1)
        if previous.strip() and _SETEXT_UNDERLINE.match(line):
            return previous.strip()
        previous = line
    return ""


# --------------------------------------------------------------------------- html

_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "iframe"})
_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
        "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table",
        "td", "th", "tr", "ul",
    }
)  # fmt: skip
_VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


class _TextExtractor(HTMLParser):
    """Collect visible text, the first ``<h1>`` and the ``<title>``; tolerant of bad HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self._skip_stack: list[str] = []
        self._in_title = False
        self._h1_state = "before"  # before -> inside -> done

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in _SKIPPED_TAGS:
            self._skip_stack.append(tag)
        elif tag == "h1" and self._h1_state == "before" and not self._skip_stack:
            self._h1_state = "inside"
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in _SKIPPED_TAGS and tag in self._skip_stack:
            while self._skip_stack and self._skip_stack.pop() != tag:
                pass
        elif tag == "h1" and self._h1_state == "inside":
            self._h1_state = "done"
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
            return
        if self._skip_stack:
            return
        if self._h1_state == "inside":
            self.h1_parts.append(data)
        self.parts.append(data)


def _read_html(text: str) -> tuple[str, str]:
    parser = _TextExtractor()
    try:
        parser.feed(text)
        parser.close()
    except (AssertionError, ValueError) as error:  # very broken markup in old Pythons
        raise LoadError("onleesbare HTML") from error
    heading = _clean_title("".join(parser.h1_parts)) or _clean_title("".join(parser.title_parts))
    return heading, "".join(parser.parts)


# --------------------------------------------------------------------------- pdf

_USELESS_PDF_TITLES = re.compile(
    r"^(untitled|naamloos|document\d*|microsoft word|powerpoint|slide \d+|\W*)$", re.I
)


def _read_pdf(data: bytes) -> tuple[str, str]:
    """Text of every page plus the metadata title; any parser failure is 'onleesbare PDF'."""
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError

    if b"%PDF-" not in data[:1024]:
        raise LoadError("onleesbare PDF (geen PDF-bestand)")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pypdf warns about every quirk of real-world PDFs
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted and not reader.decrypt(""):
                raise LoadError("versleutelde PDF")
            title = ""
            try:
                title = str((reader.metadata or {}).get("/Title") or "")
            except Exception:  # a broken Info dictionary only costs the title
                title = ""
            pages = []
            for page in reader.pages:
                try:
                    pages.append(page.extract_text() or "")
                except Exception:  # one bad page should not lose the rest
                    pages.append("")
        except LoadError:
            raise
        except FileNotDecryptedError as error:
            raise LoadError("versleutelde PDF") from error
        except Exception as error:  # pypdf raises many types for broken files
            raise LoadError("onleesbare PDF") from error
    title = _clean_title(title)
    title = re.sub(r"^Microsoft (Word|PowerPoint) - ", "", title)
    title = re.sub(r"\.(docx?|pptx?|pdf)$", "", title, flags=re.I)
    if _USELESS_PDF_TITLES.match(title):
        title = ""
    return title, "\n\n".join(pages)


# --------------------------------------------------------------------------- docx

_HEADING_STYLE = re.compile(r"^(title|titel|heading|kop)\b", re.I)


def _read_docx(data: bytes, *, max_bytes: int) -> tuple[str, str]:
    """Paragraphs and table text in document order; title from the first heading."""
    import docx
    from docx.table import Table

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise LoadError("onleesbaar Word-bestand") from error
    if unpacked > max_bytes * DOCX_EXPANSION_LIMIT:
        raise LoadError("onleesbaar Word-bestand (uitgepakt te groot)")
    try:
        document = docx.Document(io.BytesIO(data))
        # Paragraph.style resolves a style object per paragraph (slow on long documents);
        # the style id from the XML plus a small id -> name cache is all we need.
        styles = document.styles.element
        style_names: dict[str, str] = {}

        def is_heading(style_id: str | None) -> bool:
            if not style_id:
                return False  # the default paragraph style
            if style_id not in style_names:
                style = styles.get_by_id(style_id)
                style_names[style_id] = (style.name_val or "") if style is not None else ""
            return bool(
                _HEADING_STYLE.match(style_id) or _HEADING_STYLE.match(style_names[style_id])
            )

        heading = ""
        first_paragraph = ""
        parts: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                parts.append(_docx_table_text(block))
                continue
            text = block.text.strip()
            if not text:
                continue
            if not first_paragraph:
                first_paragraph = text
            if not heading and is_heading(block._p.style):
                heading = text
            parts.append(text)
    except LoadError:
        raise
    except Exception as error:  # python-docx/lxml raise many types for broken files
        raise LoadError("onleesbaar Word-bestand") from error
    return heading or _truncate(first_paragraph, 200), "\n\n".join(parts)


def _docx_table_text(table) -> str:  # noqa: ANN001 - docx.table.Table
    rows = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = cell.text.strip()
            if text and (not cells or cells[-1] != text):  # merged cells repeat their text
                cells.append(text)
        if cells:
            rows.append(" | ".join(cells))
    return "\n".join(rows)


# --------------------------------------------------------------------------- sidecars


def _canonical(record: dict[object, object]) -> dict[str, str]:
    """Known keys only, under their Dutch names, as stripped strings."""
    result: dict[str, str] = {}
    for raw_key, raw_value in record.items():
        key = _KEY_ALIASES.get(str(raw_key).strip().casefold())
        if key is None or raw_value is None or isinstance(raw_value, (dict, list)):
            continue
        value = " ".join(str(raw_value).split())
        if value and key not in result:
            result[key] = value
    return result


def _sidecar_metadata(path: Path) -> tuple[dict[str, str], list[str]]:
    """Metadata for ``path``: its own ``<file>.json`` wins over the folder's sidecar row."""
    metadata: dict[str, str] = {}
    found_warnings: list[str] = []
    folder = path.parent
    for name in FOLDER_SIDECARS:
        sidecar = _find_case_insensitive(folder, name)
        if sidecar is None:
            continue
        try:
            stat = sidecar.stat()
        except OSError:
            continue
        rows, problems = _folder_sidecar(sidecar, stat.st_mtime_ns, stat.st_size)
        found_warnings.extend(problems)
        metadata.update(rows.get(path.name.casefold(), {}))
    own = path.with_name(path.name + ".json")
    if own.is_file():
        record, problem = _read_json_sidecar(own)
        if problem:
            found_warnings.append(problem)
        elif record is not None:
            metadata.update(record)
    return metadata, found_warnings


def _find_case_insensitive(folder: Path, name: str) -> Path | None:
    exact = folder / name
    if exact.is_file():
        return exact
    names = _folder_listing(folder, _mtime_ns(folder))
    match = names.get(name)
    return folder / match if match else None


def _mtime_ns(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


@functools.lru_cache(maxsize=64)
def _folder_listing(folder: Path, mtime_ns: int) -> dict[str, str]:
    """Lower-cased sidecar names in a folder (cached per folder change)."""
    try:
        return {
            entry.name.casefold(): entry.name
            for entry in os.scandir(folder)
            if entry.name.casefold() in FOLDER_SIDECARS
        }
    except OSError:
        return {}


def _read_json_sidecar(path: Path) -> tuple[dict[str, str] | None, str]:
    try:
        raw = json.loads(_decode_sidecar(path.read_bytes()))
    except (OSError, ValueError) as error:
        return None, f"{path.name}: geen geldige JSON ({_short_error(error)}); genegeerd"
    if not isinstance(raw, dict):
        return None, f"{path.name}: verwacht een JSON-object; genegeerd"
    return _canonical(raw), ""


def _decode_sidecar(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _short_error(error: Exception) -> str:
    if isinstance(error, json.JSONDecodeError):
        return f"regel {error.lineno}"
    if isinstance(error, csv.Error):
        return str(error)[:80]
    return type(error).__name__


@functools.lru_cache(maxsize=32)
def _folder_sidecar(
    sidecar: Path, mtime_ns: int, size: int
) -> tuple[dict[str, dict[str, str]], tuple[str, ...]]:
    """Rows of a folder sidecar by lower-cased file name, plus its problems.

    Cached on (path, mtime, size): a folder with thousands of files reads it once.
    """
    try:
        text = _decode_sidecar(sidecar.read_bytes())
    except OSError as error:
        return {}, (f"{sidecar.name}: niet te lezen ({_short_error(error)}); genegeerd",)
    if sidecar.suffix.lower() == ".json":
        return _folder_json(sidecar.name, text)
    return _folder_csv(sidecar.name, text)


def _file_name_of(record: dict[object, object]) -> str:
    lowered = {str(key).strip().casefold(): value for key, value in record.items()}
    for key in FILE_NAME_KEYS:
        value = lowered.get(key)
        if isinstance(value, str) and value.strip():
            # A path in the sidecar still names a file in this folder.
            return value.strip().replace("\\", "/").rsplit("/", 1)[-1].casefold()
    return ""


def _folder_json(name: str, text: str) -> tuple[dict[str, dict[str, str]], tuple[str, ...]]:
    try:
        raw = json.loads(text)
    except ValueError as error:
        return {}, (f"{name}: geen geldige JSON ({_short_error(error)}); genegeerd",)
    rows: dict[str, dict[str, str]] = {}
    problems: list[str] = []
    if isinstance(raw, dict):  # {"nota.pdf": {...}, ...}
        items = [
            {**value, "bestand": key} if isinstance(value, dict) else None
            for key, value in raw.items()
        ]
    elif isinstance(raw, list):  # [{"bestand": "nota.pdf", ...}, ...]
        items = [item if isinstance(item, dict) else None for item in raw]
    else:
        return {}, (f"{name}: verwacht een lijst of object; genegeerd",)
    skipped = 0
    for item in items:
        file_name = _file_name_of(item) if item is not None else ""
        if not file_name:
            skipped += 1
            continue
        rows[file_name] = _canonical(item)  # type: ignore[arg-type]
    if skipped:
        problems.append(f"{name}: {skipped} item(s) zonder bestandsnaam overgeslagen")
    return rows, tuple(problems)


def _folder_csv(name: str, text: str) -> tuple[dict[str, dict[str, str]], tuple[str, ...]]:
    first_line = text.split("\n", 1)[0]
    # Dutch spreadsheets export with ";"; pick whichever separator the header uses most.
    delimiter = max(";,\t|", key=first_line.count)
    rows: dict[str, dict[str, str]] = {}
    problems: list[str] = []
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
        header = [str(column).strip().casefold() for column in reader.fieldnames or []]
        if not any(column in FILE_NAME_KEYS for column in header):
            return {}, (f"{name}: geen kolom 'bestand' gevonden; genegeerd",)
        skipped = 0
        for record in reader:
            file_name = _file_name_of(record)
            if not file_name:
                skipped += 1
                continue
            record.pop(None, None)  # type: ignore[call-overload]  # surplus cells
            rows[file_name] = _canonical(record)  # type: ignore[arg-type]
    except csv.Error as error:
        return rows, (f"{name}: onleesbare CSV ({_short_error(error)}); deels gebruikt",)
    if skipped:
        problems.append(f"{name}: {skipped} regel(s) zonder bestandsnaam overgeslagen")
    return rows, tuple(problems)


def parse_date(value: str) -> datetime.date | None:
    """A date from ``2021-03-05``, ``5-3-2021``, ``05/03/2021`` or ``5 maart 2021``."""
    value = value.strip().casefold()
    match = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})", value)
    if match:
        year, month, day = (int(part) for part in match.groups())
    else:
        match = re.match(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$", value)
        if match:
            day, month, year = (int(part) for part in match.groups())
        else:
            match = re.match(r"^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$", value)
            if not match or match.group(2)[:3] not in _MONTHS:
                return None
            day, month, year = (
                int(match.group(1)),
                _MONTHS[match.group(2)[:3]],
                int(match.group(3)),
            )
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "maa", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
        start=1,
    )
}
_MONTHS.update({"mrt": 3, "mar": 3, "may": 5, "oct": 10})
