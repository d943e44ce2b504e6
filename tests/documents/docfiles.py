"""Small real documents for loader and importer tests: a hand-written PDF, a .docx, bombs."""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib
from pathlib import Path

import docx


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def pdf_bytes(lines: list[str], *, title: str | None = None) -> bytes:
    """A valid one-page PDF showing ``lines`` (Helvetica, WinAnsi), with an optional title."""
    text_ops = [b"BT", b"/F1 12 Tf", b"14 TL", b"72 720 Td"]
    for line in lines:
        text_ops.append(_pdf_string(line) + b" Tj T*")
    text_ops.append(b"ET")
    stream = b"\n".join(text_ops)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Title " + _pdf_string(title) + b" >>" if title is not None else b"<< >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def write_pdf(path: Path, lines: list[str], *, title: str | None = None) -> Path:
    path.write_bytes(pdf_bytes(lines, title=title))
    return path


def write_docx(
    path: Path,
    paragraphs: list[str],
    *,
    heading: str | None = None,
    table: list[list[str]] | None = None,
) -> Path:
    document = docx.Document()
    for text in paragraphs[:1]:
        document.add_paragraph(text)
    if heading is not None:
        document.add_heading(heading, level=1)
    for text in paragraphs[1:]:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    document.save(str(path))
    return path


# --------------------------------------------------------------------------- zip bombs


def _deflated_repeat(parts: list[tuple[bytes, int]]) -> tuple[bytes, int, int]:
    """Raw deflate of each (chunk, times) in turn, without ever holding the inflated bytes.

    Each chunk is compressed once and ended with a full flush (which resets the compressor),
    so its compressed block can simply be repeated. Returns (data, crc32, inflated size).
    """
    out = bytearray()
    crc = 0
    size = 0
    for chunk, times in parts:
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
        out += block * times
        for _ in range(times):
            crc = zlib.crc32(chunk, crc)
        size += len(chunk) * times
    out += zlib.compressobj(9, zlib.DEFLATED, -15).flush()  # the final (empty) block
    return bytes(out), crc, size


def zip_bytes(members: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """A zip from (name, raw data, method, crc32, inflated size) members, written by hand."""
    out = bytearray()
    directory = bytearray()
    for name, data, method, crc, size in members:
        encoded = name.encode()
        offset = len(out)
        out += struct.pack(
            "<4s5H3L2H", b"PK\x03\x04", 20, 0, method, 0, 0x21, crc, len(data), size,
            len(encoded), 0,
        )  # fmt: skip
        out += encoded + data
        directory += struct.pack(
            "<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, method, 0, 0x21, crc, len(data), size,
            len(encoded), 0, 0, 0, 0, 0, offset,
        )  # fmt: skip
        directory += encoded
    start = len(out)
    out += directory
    out += struct.pack(
        "<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members), len(directory), start, 0
    )
    return bytes(out)


def docx_bomb_bytes(inflated_mb: int = 600, file_mb: float = 1.8) -> bytes:
    """A .docx (a real one's parts) whose word/document.xml inflates to ``inflated_mb`` MB.

    A stored, incompressible picture pads the file to ``file_mb`` MB.
    """
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    members = []
    with zipfile.ZipFile(buffer) as real:
        for info in real.infolist():
            if info.filename == "word/document.xml":
                continue
            raw = real.read(info)
            data, crc, size = _deflated_repeat([(raw, 1)])
            members.append((info.filename, data, 8, crc, size))
    head = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w='
        b'"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    )
    paragraph = b"<w:p><w:r><w:t>bom bom bom bom bom</w:t></w:r></w:p>" * 80_000  # ~4 MB
    repeat = inflated_mb * 1024 * 1024 // len(paragraph)
    data, crc, size = _deflated_repeat(
        [(head, 1), (paragraph, repeat), (b"</w:body></w:document>", 1)]
    )
    members.append(("word/document.xml", data, 8, crc, size))
    packed = sum(len(member[1]) + 100 for member in members)
    padding = random.Random(11).randbytes(max(0, int(file_mb * 1024 * 1024) - packed))
    members.append(("word/media/image1.png", padding, 0, zlib.crc32(padding), len(padding)))
    return zip_bytes(members)


def zip_bomb_bytes(members: int = 3, inflated_mb: int = 40) -> bytes:
    """A zip of ``members`` text files of ``inflated_mb`` MB of spaces each (~1000:1)."""
    entries = []
    for number in range(members):
        data, crc, size = _deflated_repeat([(b" " * 1024 * 1024, inflated_mb)])
        entries.append((f"deel{number}.txt", data, 8, crc, size))
    return zip_bytes(entries)
