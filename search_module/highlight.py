"""Highlights as plain values: a title or snippet cut into ordinary and marked parts.

No markup is made here; the app renders the parts (escaping the text) in its own way.
Only the hits on the page are highlighted.
"""

from __future__ import annotations

import re

from search_module.analysis import tokens_with_offsets
from search_module.values import TextPart

SNIPPET_CHARS = 220


def _parts(text: str, spans: list[tuple[int, int]], start: int, end: int) -> list[TextPart]:
    """``text[start:end]`` cut at the spans, which become the marked parts."""
    out: list[TextPart] = []
    pos = start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        out.append(TextPart(text[pos:s]))
        out.append(TextPart(text[s:e], marked=True))
        pos = e
    out.append(TextPart(text[pos:end]))
    return [part for part in out if part.text]


def highlight_title(title: str, terms: set[str]) -> tuple[TextPart, ...]:
    """The title in parts, the words whose analysed form is in ``terms`` marked."""
    spans = [(s, e) for s, e, t in tokens_with_offsets(title) if t in terms] if terms else []
    return tuple(_parts(title, spans, 0, len(title)))


def _best_window(matches: list[tuple[int, int, str]], width: int) -> int:
    """Start offset of the window with the most distinct matched terms."""
    best_start, best_score = matches[0][0], (0, 0)
    j = 0
    for i, (start, _end, _term) in enumerate(matches):
        j = max(j, i)
        while j + 1 < len(matches) and matches[j + 1][1] - start <= width:
            j += 1
        window = matches[i : j + 1]
        score = (len({t for _, _, t in window}), len(window))
        if score > best_score:
            best_score, best_start = score, start
    return best_start


_MD_LINE_MARKS = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|[-*+][ \t]+|\d+[.)][ \t]+|>[ \t]?)", re.M)
_MD_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}[-|: \t]*$", re.M)
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(?<!\w)[*_`]+(?=\S)|(?<=\S)[*_`]+(?!\w)")


def plain_text(text: str) -> str:
    """Text without Markdown marks (headings, list bullets, table pipes, emphasis, link
    targets), on one line: what a snippet shows."""
    text = _MD_TABLE_RULE.sub(" ", text)
    text = _MD_LINE_MARKS.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_EMPHASIS.sub("", text.replace("|", " "))
    return " ".join(text.split())


def make_snippet(text: str, terms: set[str], width: int = SNIPPET_CHARS) -> tuple[TextPart, ...]:
    """A snippet of ``text`` (as plain text) around the densest group of query terms, in
    parts; "… " and " …" say that text was left out."""
    text = plain_text(text[:50_000]) if text else ""
    if not text:
        return ()
    scan = text[:50_000]
    matches = [m for m in tokens_with_offsets(scan) if m[2] in terms] if terms else []
    if matches:
        anchor = _best_window(matches, width)
        start = max(0, anchor - width // 4)
        if start > 0:
            space = text.rfind(" ", 0, start + 1)
            start = space + 1 if space >= 0 and start - space < 30 else start
    else:
        start = 0
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        if space > start + width // 2:
            end = space
    spans = [(s, e) for s, e, _t in matches if s >= start and e <= end]
    parts = _parts(text, spans, start, end)
    before = "… " if start > 0 else ""
    after = " …" if end < len(text) else ""
    if parts and not parts[0].marked:
        parts[0] = TextPart(before + parts[0].text.lstrip())
    elif before:
        parts.insert(0, TextPart(before))
    if parts and not parts[-1].marked:
        parts[-1] = TextPart(parts[-1].text.rstrip() + after)
    elif after:
        parts.append(TextPart(after))
    return tuple(part for part in parts if part.text)
