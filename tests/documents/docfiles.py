"""Small real documents for loader and importer tests: a hand-written PDF and a .docx."""

from __future__ import annotations

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
