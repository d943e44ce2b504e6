"""Markdown written by trainers, rendered to HTML that is safe to show to learners.

Markdown lets raw HTML through, so every rendering is sanitised with nh3 (an allow-list):
no script, no style, no event handlers, no javascript: URLs; links and images stay.
"""

from __future__ import annotations

import re

import markdown as markdown_lib
import nh3
from markupsafe import Markup

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "b",
    "i",
    "code",
    "pre",
    "blockquote",
    "a",
    "img",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "dl",
    "dt",
    "dd",
    "sup",
    "sub",
    "mark",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"scope"},
    "td": set(),
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto"}


def render_markdown(text: str) -> Markup:
    """Markdown to sanitised HTML, ready for a template."""
    html = markdown_lib.markdown(text or "", extensions=["tables", "sane_lists"])
    # The page title is the only h1; a "# heading" in a lesson becomes a section heading.
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return Markup(clean)


_HEADING_END = (".", ",", ":", ";", "?", "!")
_MARKDOWN_START = re.compile(r"^(#|[-*+] |\d+[.)] |\||>)")
_SEPARATOR = re.compile(r"([/\\_])")


def document_markdown(text: str) -> str:
    """A document's plain text as Markdown: the documents separate sections with a blank line
    and start a section with a short title line, which becomes a heading. Markdown already in
    the text (imported .md files) passes unchanged."""
    blocks = []
    for block in re.split(r"\n[ \t]*\n", (text or "").strip()):
        first, _newline, rest = block.partition("\n")
        first = first.strip()
        if (
            rest.strip()
            and len(first) <= 80
            and not first.endswith(_HEADING_END)
            and not _MARKDOWN_START.match(first)
        ):
            block = f"## {first}\n\n{rest}"
        blocks.append(block)
    return "\n\n".join(blocks)


def render_document(text: str) -> Markup:
    """A document's text as sanitised HTML with its structure (headings, lists, tables).
    The text is text: any HTML in it is escaped first, so it shows as written."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return render_markdown(document_markdown(escaped))


def wrap_path(path: str) -> Markup:
    """A file path that may wrap after its separators (a <wbr> after / \\ and _)."""
    return Markup("").join(
        Markup(part + "<wbr>") if _SEPARATOR.fullmatch(part) else Markup.escape(part)
        for part in _SEPARATOR.split(path)
        if part
    )
