"""Read .txt, .md, .html, .pdf and .docx files into plain text records for the index.

Plain Python (no flask). ``iter_files`` walks a folder tree (reporting what it will not
follow); ``load_file`` turns one file into a :class:`LoadedFile` or raises :class:`LoadError`
with a short Dutch reason that is safe to show to the person who ran the import. Each file is
read once; its text is what a reader sees (no Markdown link targets, image paths, table pipes,
emphasis marks or HTML tags), and ``markup`` keeps its structure as Markdown for display.
Zip-based files are checked against bomb limits on their directory before any parsing, and
text beyond ``MAX_BODY_CHARS`` is cut off (``truncated``). Metadata comes from sidecars:

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
import stat
import unicodedata
import warnings
import zipfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from academy.documents import describe
from academy.documents.archives import ArchiveRefused, check_members

if TYPE_CHECKING:  # python-docx is imported only when a .docx is read (slow import)
    from docx.table import Table as DocxTable

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_BODY_CHARS",
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
#: Text kept per document (about 2 MB); the rest is cut off and ``truncated`` is set, so the
#: index and the document page stay responsive whatever a file holds.
MAX_BODY_CHARS = 2_000_000
#: What a .docx (a zip) may unpack to, and how many parts it may have. Checked on the zip's
#: directory before parsing; see archives.check_members for the compression ratio.
DOCX_MAX_UNPACKED_BYTES = 100 * 1024 * 1024
DOCX_MAX_MEMBERS = 2_000
#: Longest title kept (the database column holds 500 characters).
MAX_TITLE_CHARS = describe.MAX_TITLE_CHARS

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
#: Formats whose first line beats the file name as a title (no heading found).
FIRST_LINE_KINDS = frozenset({"pdf", "docx"})
#: Formats people keep next to their documents that we do not read (yet), named in Dutch.
UNSUPPORTED_KINDS: dict[str, str] = {
    ".xlsx": "Excel-werkmap",
    ".xlsm": "Excel-werkmap",
    ".xls": "Excel-werkmap",
    ".csv": "CSV-tabel",
    ".ods": "OpenDocument-rekenblad",
    ".odt": "OpenDocument-tekst",
    ".odp": "OpenDocument-presentatie",
    ".pptx": "PowerPoint-presentatie",
    ".ppt": "PowerPoint-presentatie",
    ".doc": "Word 97-2003-document",
    ".rtf": "RTF-document",
    ".msg": "Outlook-bericht",
    ".eml": "e-mailbericht",
    ".zip": "zip-archief",
}

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
    body: str  # plain text, what a reader sees; at most MAX_BODY_CHARS
    content_hash: str  # sha256 of the file's bytes, hex
    metadata: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    encoding: str = ""  # for text formats: the encoding the bytes were read with
    heading: str = ""  # the title the document gives itself ("" if none)
    markup: str | None = None  # the structure as Markdown for display (None: plain text)
    truncated: bool = False  # body (and markup) cut at MAX_BODY_CHARS
    first_line_is_title: bool = False  # e.g. a PDF: its first line beats its file name


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


#: Called with (path, Dutch reason) for every entry ``iter_files`` will not yield.
SkipReport = Callable[[Path, str], None]

_SPECIAL_FILES = (
    (stat.S_ISFIFO, "named pipe (FIFO)"),
    (stat.S_ISSOCK, "socket"),
    (stat.S_ISCHR, "apparaatbestand"),
    (stat.S_ISBLK, "apparaatbestand"),
)


def _special_kind(mode: int) -> str:
    for test, kind in _SPECIAL_FILES:
        if test(mode):
            return kind
    return "geen gewoon bestand"


def iter_files(root: Path, *, skipped: SkipReport | None = None) -> Iterator[Path]:
    """Yield every candidate file under ``root`` in sorted order.

    Skips hidden files and folders, Office lock files and sidecars quietly. Never yields
    what cannot be a document of this folder, and reports it through ``skipped`` with a
    Dutch reason: symbolic links that leave ``root`` (or are broken), links to folders (not
    followed: no loops), FIFOs, sockets and devices (opening a FIFO would block forever).
    Unsupported file types are yielded, so the caller can report them.
    """
    root = Path(root)
    try:
        real_root = root.resolve(strict=True)
    except OSError:
        return
    yield from _walk(root, real_root, skipped or (lambda _path, _reason: None))


def _walk(folder: Path, real_root: Path, skipped: SkipReport) -> Iterator[Path]:
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        if _is_hidden(entry.name):
            continue
        path = Path(entry.path)
        try:
            if entry.is_symlink():
                reason = _symlink_problem(path, real_root)
                if reason:
                    skipped(path, reason)
                    continue
            mode = entry.stat(follow_symlinks=True).st_mode
            if stat.S_ISDIR(mode):
                if entry.is_symlink():
                    skipped(path, "koppeling naar een map; niet gevolgd")
                else:
                    yield from _walk(path, real_root, skipped)
            elif stat.S_ISREG(mode):
                if not is_sidecar(Path(entry.name)):
                    yield path
            else:
                skipped(path, f"{_special_kind(mode)}, geen document; overgeslagen")
        except OSError:
            skipped(path, "niet te lezen; overgeslagen")


def _symlink_problem(path: Path, real_root: Path) -> str:
    """Why a symbolic link is not followed ("" when it stays inside the import folder)."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):  # broken, or a loop
        return "verbroken koppeling; overgeslagen"
    if not target.is_relative_to(real_root):
        return "koppeling naar buiten de importmap; overgeslagen"
    return ""


# --------------------------------------------------------------------------- loading


def load_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> LoadedFile:
    """Read one file into a :class:`LoadedFile`; raise :class:`LoadError` when impossible."""
    suffix = path.suffix.lower()
    kind = SUFFIX_KINDS.get(suffix)
    if kind is None:
        raise LoadError(_unsupported(suffix))
    try:
        info = path.stat()
    except OSError as error:
        raise LoadError(f"niet te lezen ({error.strerror or 'onbekende fout'})") from error
    if not stat.S_ISREG(info.st_mode):  # never open a FIFO or a device: it may block
        raise LoadError(f"{_special_kind(info.st_mode)}, geen document; overgeslagen")
    size = info.st_size
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
    markup: str | None = None
    front: dict[str, str] = {}
    if kind == "pdf":
        heading, body = _read_pdf(data)
    elif kind == "docx":
        heading, body, markup = _read_docx(data)
    else:
        text, encoding = _decode_text(data)
        # A little slack: cleaning shrinks text, and the exact cut happens below.
        text = text[: MAX_BODY_CHARS + MAX_BODY_CHARS // 4]
        if kind == "html":
            heading, body, markup = _read_html(text)
        elif kind == "markdown":
            heading, body, markup, front = _read_markdown(text)
        else:
            heading, body = "", text
    content_hash = hashlib.sha256(data).hexdigest()
    del data
    body, truncated = _cut(_clean_text(body))
    if not body.strip():
        if kind == "pdf":
            raise LoadError("geen tekst gevonden (gescande PDF?)")
        raise LoadError("geen tekst gevonden")
    if markup is not None:
        markup, markup_cut = _cut(markup.strip())
        truncated = truncated or markup_cut

    metadata, sidecar_warnings = _sidecar_metadata(path)
    metadata = {**front, **metadata}  # the sidecar wins over front matter
    heading = _clean_title(heading)
    title = describe.choose_title(
        metadata.get("titel", ""),
        heading,
        body,
        path.name,  # the importer knows the import root and adds meaningful folders
        first_line_is_title=kind in FIRST_LINE_KINDS,
    )
    return LoadedFile(
        title=_truncate(_clean_title(title), MAX_TITLE_CHARS),
        body=body,
        content_hash=content_hash,
        metadata=metadata,
        warnings=tuple(sidecar_warnings),
        encoding=encoding,
        heading=heading,
        markup=markup,
        truncated=truncated,
        first_line_is_title=kind in FIRST_LINE_KINDS,
    )


def _unsupported(suffix: str) -> str:
    name = UNSUPPORTED_KINDS.get(suffix)
    if name:
        return f"{name} ({suffix}) wordt niet ondersteund; sla het op als PDF of .docx"
    return f"bestandstype wordt niet ondersteund ({suffix or 'zonder extensie'})"


def _cut(text: str) -> tuple[str, bool]:
    """At most MAX_BODY_CHARS characters, cut at a line (or word) end; and whether it was cut."""
    limit = MAX_BODY_CHARS
    if len(text) <= limit:
        return text, False
    head = text[:limit]
    for separator in ("\n", " "):
        position = head.rfind(separator, limit // 2)
        if position > 0:
            return head[:position].rstrip(), True
    return head, True


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
# Runs of blanks, but not the single spaces between words (matching those costs time).
_SPACES = re.compile(r"[\t\f\v\u00a0][ \t\f\v\u00a0]*| [ \t\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n{3,}")
_LINE_EDGES = re.compile(r" \n ?|\n ")  # after _SPACES, at most one space at a line's ends


def _clean_text(text: str) -> str:
    """NFC, Unix newlines, no control characters, at most one empty line in a row."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n")
    text = _CONTROL_CHARS.sub("", text)
    # Whole-text substitutions, not a regex per line: this runs over every byte imported.
    text = _LINE_EDGES.sub("\n", _SPACES.sub(" ", text))
    return _BLANK_LINES.sub("\n\n", text).strip()


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

_MARKDOWN = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_FRONT_MATTER_LINE = re.compile(r"^([A-Za-z_][\w -]*):[ \t]*(.*?)[ \t]*$", re.M)
#: Tags and comments before the first text (``<meta charset>`` lines of exported pages).
_LEADING_HTML = re.compile(r"\A(?:\s*(?:<!--.*?-->|<[!?/]?[A-Za-z][^<>]{0,2000}>))+\s*", re.S)
#: ``##Wet van ...``: real files leave out the space CommonMark requires after the hashes.
_TIGHT_HEADING = re.compile(r"^( {0,3}#{1,6})(?=[^\s#])", re.M)
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
# For the display Markdown: links keep their text, images and link targets go.
_MD_IMAGE = re.compile(r"!\[([^\[\]]*)\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+\"[^\"]*\")?\)")
_MD_LINK = re.compile(r"\[([^\[\]]*)\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+\"[^\"]*\")?\)")
_MD_REF_LINK = re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]")
_MD_REF_DEFINITION = re.compile(r"^ {0,3}\[[^\[\]]+\]:[ \t]*\S+.*$", re.M)
_HTML_TAG = re.compile(r"<!--.*?-->|</?[A-Za-z][^<>]{0,2000}>", re.S)


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """YAML front matter's simple ``key: value`` lines (canonical keys) and the rest."""
    match = _FRONT_MATTER.match(text[:65536])
    if not match:
        return {}, text
    record = {
        key: value.strip().strip("\"'")
        for key, value in _FRONT_MATTER_LINE.findall(match.group(1))
        if value.strip() not in ("", "|", ">")
    }
    return _canonical(record), text[match.end() :]


def _loosen_headings(text: str) -> str:
    """Put the missing space after ``#`` marks, outside fenced code."""
    if not _TIGHT_HEADING.search(text):
        return text
    lines = text.split("\n")
    in_fence = False
    for number, line in enumerate(lines):
        if _FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and line[:1] in (" ", "#"):
            lines[number] = _TIGHT_HEADING.sub(r"\1 ", line, count=1)
    return "\n".join(lines)


def _read_markdown(text: str) -> tuple[str, str, str, dict[str, str]]:
    """(first heading, plain text, display Markdown, front matter) of a Markdown file."""
    text = text.replace("\r\n", "\n")
    front, text = _front_matter(text.lstrip("\ufeff"))
    markup = _display_markdown(_loosen_headings(_LEADING_HTML.sub("", text, count=1)))
    # Parsing the display version is the same text and much faster: markdown-it spends most
    # of its time on link destinations, and those are gone.
    heading, plain = _markdown_text(_MARKDOWN.parse(markup))
    return front.pop("titel", "") or heading, plain, markup, front


_FENCED_CODE = re.compile(r"^ {0,3}(```|~~~).*?(?:^ {0,3}\1[^\n]*$|\Z)", re.M | re.S)


def _display_markdown(text: str) -> str:
    """The source without link targets, image paths, reference definitions or HTML tags.

    Fenced code is left as it is (``#include <stdio.h>`` is not a tag).
    """
    if "```" not in text and "~~~" not in text:
        return _strip_targets(text)
    out: list[str] = []
    position = 0
    for match in _FENCED_CODE.finditer(text):
        out.append(_strip_targets(text[position : match.start()]))
        out.append(match.group(0))
        position = match.end()
    out.append(_strip_targets(text[position:]))
    return "".join(out)


def _strip_targets(text: str) -> str:
    if "]:" in text:
        text = _MD_REF_DEFINITION.sub("", text)
    text = _MD_LINK.sub(r"\1", _MD_IMAGE.sub(r"\1", text))  # an image keeps its description
    return _HTML_TAG.sub("", _MD_REF_LINK.sub(r"\1", text))


_BLOCK_ENDS = frozenset(
    {"paragraph_close", "heading_close", "tr_close", "blockquote_close", "table_close", "hr"}
)


def _markdown_text(tokens: list[Token]) -> tuple[str, str]:
    """The first heading and the text a reader sees, from markdown-it's token stream."""
    parts: list[str] = []
    heading = ""
    in_heading = in_cell = False
    for token in tokens:
        kind = token.type
        if kind == "inline":
            text = _inline_text(token.children or ())
            if in_heading and not heading and re.search(r"\w", text):
                heading = text
            parts.append(text + (" " if in_cell else "\n"))
        elif kind in ("fence", "code_block"):
            parts.append(token.content + "\n")
        elif kind == "heading_open":
            in_heading = True
        elif kind in ("th_open", "td_open"):
            in_cell = True
        elif kind in ("th_close", "td_close"):
            in_cell = False
        elif kind in _BLOCK_ENDS:
            in_heading = False
            parts.append("\n")
    return heading, "".join(parts)


def _inline_text(children: list[Token] | tuple[()]) -> str:
    parts: list[str] = []
    for child in children:
        kind = child.type
        if kind in ("text", "code_inline"):
            parts.append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif kind == "image":  # its description, never its path
            parts.append(_inline_text(child.children or ()))
    return "".join(parts)


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


_HEADING_TAGS = {f"h{level}": level for level in range(1, 7)}
_WHITESPACE = re.compile(r"\s+")


class _TextExtractor(HTMLParser):
    """Collect visible text, the first ``<h1>`` and the ``<title>``; tolerant of bad HTML.

    Alongside the text it writes a simple Markdown rendering (headings, paragraphs, lists,
    tables) for the document page; links keep their text, never their target.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.markdown: list[str] = []
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self._skip_stack: list[str] = []
        self._in_title = False
        self._h1_state = "before"  # before -> inside -> done
        self._lists: list[str] = []  # "ul"/"ol" nesting
        self._row_cells = 0  # cells in the current table row
        self._rows = 0  # rows written in the current table
        self._in_pre = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in _SKIPPED_TAGS:
            self._skip_stack.append(tag)
        elif tag == "h1" and self._h1_state == "before" and not self._skip_stack:
            self._h1_state = "inside"
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")
        if not self._skip_stack:
            self._markdown_start(tag)

    def _markdown_start(self, tag: str) -> None:
        out = self.markdown
        if tag in _HEADING_TAGS:
            out.append("\n\n" + "#" * _HEADING_TAGS[tag] + " ")
        elif tag in ("ul", "ol"):
            self._lists.append(tag)
            out.append("\n")
        elif tag == "li":
            marker = "1. " if self._lists and self._lists[-1] == "ol" else "- "
            out.append("\n" + "  " * max(0, len(self._lists) - 1) + marker)
        elif tag == "table":
            self._rows = 0
            out.append("\n\n")
        elif tag == "tr":
            self._row_cells = 0
            out.append("\n|")
        elif tag in ("td", "th"):
            self._row_cells += 1
            out.append(" ")
        elif tag == "br":
            out.append("\n")
        elif tag == "pre":
            self._in_pre = True
            out.append("\n\n```\n")
        elif tag in _BLOCK_TAGS:
            out.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")
            if not self._skip_stack:
                self.markdown.append("\n" if tag == "br" else "\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in _SKIPPED_TAGS and tag in self._skip_stack:
            while self._skip_stack and self._skip_stack.pop() != tag:
                pass
            return
        elif tag == "h1" and self._h1_state == "inside":
            self._h1_state = "done"
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")
        if self._skip_stack:
            return
        out = self.markdown
        if tag in ("ul", "ol") and self._lists:
            self._lists.pop()
            out.append("\n\n")
        elif tag in ("td", "th"):
            out.append(" |")
        elif tag == "tr":
            self._rows += 1
            if self._rows == 1 and self._row_cells:
                out.append("\n|" + " --- |" * self._row_cells)
        elif tag == "pre":
            self._in_pre = False
            out.append("\n```\n\n")
        elif tag in _BLOCK_TAGS and tag not in ("li", "td", "th"):
            out.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
            return
        if self._skip_stack:
            return
        if self._h1_state == "inside":
            self.h1_parts.append(data)
        self.parts.append(data)
        if self._in_pre:
            self.markdown.append(data)
        else:
            self.markdown.append(_WHITESPACE.sub(" ", data))


def _read_html(text: str) -> tuple[str, str, str]:
    parser = _TextExtractor()
    try:
        parser.feed(text)
        parser.close()
    except (AssertionError, ValueError) as error:  # very broken markup in old Pythons
        raise LoadError("onleesbare HTML") from error
    heading = _clean_title("".join(parser.h1_parts)) or _clean_title("".join(parser.title_parts))
    return heading, "".join(parser.parts), _tidy_markdown("".join(parser.markdown))


_TRAILING_SPACES = re.compile(r"[ \t]+\n")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")


def _tidy_markdown(text: str) -> str:
    return _MANY_BLANK_LINES.sub("\n\n", _TRAILING_SPACES.sub("\n", text)).strip()


# --------------------------------------------------------------------------- pdf

#: A title that is really a file name: underscores, or a leading date/number code.
_FILE_NAME_TITLE = re.compile(r"_|^\d{6,}")
_USELESS_PDF_TITLES = re.compile(
    r"^(untitled|naamloos|document\d*|document title|title|titel|microsoft word|powerpoint"
    r"|slide \d+|\W*)$",
    re.I,
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
                title = str(reader.metadata.get("/Title") or "") if reader.metadata else ""
            except Exception:  # a broken Info dictionary only costs the title
                title = ""
            pages = []
            size = 0
            for page in reader.pages:
                if size > MAX_BODY_CHARS:
                    break  # the rest would be cut off anyway
                try:
                    pages.append(page.extract_text() or "")
                except Exception:  # one bad page should not lose the rest
                    pages.append("")
                size += len(pages[-1])
        except LoadError:
            raise
        except FileNotDecryptedError as error:
            raise LoadError("versleutelde PDF") from error
        except Exception as error:  # pypdf raises many types for broken files
            raise LoadError("onleesbare PDF") from error
    title = _clean_title(title)
    title = re.sub(r"^Microsoft (Word|PowerPoint) - ", "", title)
    title = re.sub(r"\.(docx?|pptx?|pdf)$", "", title, flags=re.I)
    if _USELESS_PDF_TITLES.match(title) or _FILE_NAME_TITLE.search(title):
        title = ""
    return title, "\n\n".join(pages)


# --------------------------------------------------------------------------- docx

_HEADING_STYLE = re.compile(r"^(title|titel|heading|kop)\b", re.I)
_HEADING_LEVEL = re.compile(r"(\d)\s*$")
_LIST_STYLE = re.compile(r"list|lijst|opsomming", re.I)


def _check_docx(data: bytes) -> None:
    """Refuse a .docx whose zip directory promises a bomb, before python-docx reads it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise LoadError("onleesbaar Word-bestand") from error
    try:
        check_members(
            members, max_total_bytes=DOCX_MAX_UNPACKED_BYTES, max_members=DOCX_MAX_MEMBERS
        )
    except ArchiveRefused as error:
        raise LoadError(f"Word-bestand geweigerd: {error.reason}") from error


def _read_docx(data: bytes) -> tuple[str, str, str]:
    """Paragraphs and table text in document order; title from the first heading.

    Also a Markdown rendering (headings by style level, list items, tables) for display.
    """
    _check_docx(data)
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
        # Paragraph.style resolves a style object per paragraph (slow on long documents);
        # the style id from the XML plus a small id -> name cache is all we need.
        styles = document.styles.element
        style_names: dict[str, str] = {}

        def style_name(style_id: str | None) -> str:
            if not style_id:
                return ""  # the default paragraph style
            if style_id not in style_names:
                style = styles.get_by_id(style_id)
                style_names[style_id] = (style.name_val or "") if style is not None else ""
            return style_names[style_id]

        heading = ""
        parts: list[str] = []
        markdown: list[str] = []
        size = 0
        for block in document.iter_inner_content():
            if size > MAX_BODY_CHARS:
                break  # the rest would be cut off anyway
            if isinstance(block, Table):
                text, table_markdown = _docx_table(block)
                parts.append(text)
                markdown.append(table_markdown)
                size += len(text)
                continue
            text = block.text.strip()
            if not text:
                continue
            size += len(text)
            style_id = block._p.style
            name = style_name(style_id)
            if style_id and (_HEADING_STYLE.match(style_id) or _HEADING_STYLE.match(name)):
                if not heading:
                    heading = text
                level = _HEADING_LEVEL.search(name or style_id)
                hashes = "#" * min(6, int(level.group(1))) if level else "#"
                markdown.append(f"{hashes} {text}")
            elif style_id and (_LIST_STYLE.search(style_id) or _LIST_STYLE.search(name)):
                markdown.append(f"- {text}")
            else:
                markdown.append(text)
            parts.append(text)
    except LoadError:
        raise
    except Exception as error:  # python-docx/lxml raise many types for broken files
        raise LoadError("onleesbaar Word-bestand") from error
    # Consecutive list items form one list; everything else is a paragraph of its own.
    joined = "\n\n".join(markdown)
    joined = re.sub(r"(?m)^(- .*)\n\n(?=- )", r"\1\n", joined)
    joined = re.sub(r"(?m)^(- .*)\n\n(?=- )", r"\1\n", joined)
    # Without a heading style the first line stands in (describe skips letterheads).
    return heading, "\n\n".join(parts), joined


def _docx_table(table: DocxTable) -> tuple[str, str]:
    """The table as text (cells separated by spaces) and as a Markdown pipe table."""
    rows: list[list[str]] = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            if text and (not cells or cells[-1] != text):  # merged cells repeat their text
                cells.append(text)
        if cells:
            rows.append(cells)
    text = "\n".join(" ".join(cells) for cells in rows)
    if not rows:
        return "", ""
    width = max(len(cells) for cells in rows)
    lines = []
    for number, cells in enumerate(rows):
        padded = [cell.replace("|", "\\|") for cell in cells] + [""] * (width - len(cells))
        lines.append("| " + " | ".join(padded) + " |")
        if number == 0:
            lines.append("|" + " --- |" * width)
    return text, "\n".join(lines)


# --------------------------------------------------------------------------- sidecars


def _canonical(record: Mapping[Any, object]) -> dict[str, str]:
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
        if item is None or not file_name:
            skipped += 1
            continue
        rows[file_name] = _canonical(item)
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
            # Surplus cells sit under the key None (DictReader's restkey); they are dropped.
            cells = {key: value for key, value in record.items() if isinstance(key, str)}
            rows[file_name] = _canonical(cells)
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
