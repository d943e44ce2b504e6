"""Markdown written by trainers, rendered to HTML that is safe to show to learners.

Markdown lets raw HTML through, so every rendering is sanitised with nh3 (an allow-list):
no script, no style, no event handlers, no javascript: URLs; links and images stay.
"""

from __future__ import annotations

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
