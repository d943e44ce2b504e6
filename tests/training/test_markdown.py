"""academy/markdown.py: trainers' Markdown becomes HTML that is safe to show to learners."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from markupsafe import Markup

from academy.markdown import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, render_markdown

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</script>",
    "<!--<script>alert(1)//-->",
    "Tekst <script>\nalert(document.cookie)\n</script> meer tekst",
    "<img src=x onerror=alert(1)>",
    "<IMG SRC=x OnErRoR=alert(1)>",
    '<img src="x" onerror="alert(1)" alt="ok">',
    "![plaatje](javascript:alert(1))",
    "[klik](javascript:alert(1))",
    "[klik](JaVaScRiPt:alert(1))",
    "[klik]( javascript:alert(1) )",
    "[klik](<javascript:alert(1)>)",
    "[klik](jav&#x09;ascript:alert(1))",
    "[klik](&#106;avascript:alert(1))",
    "[klik][1]\n\n[1]: javascript:alert(1)",
    "<javascript:alert(1)>",
    '<a href="javascript:alert(1)">klik</a>',
    '<a href="JAVASCRIPT:alert(1)">klik</a>',
    '<a href=" javascript:alert(1)">klik</a>',
    '<a href="java\nscript:alert(1)">klik</a>',
    '<a href="java\tscript:alert(1)">klik</a>',
    '<a href="&#106;avascript:alert(1)">klik</a>',
    '<a href="&#x6A;&#x61;&#x76;&#x61;script:alert(1)">klik</a>',
    '<a href="javascript&colon;alert(1)">klik</a>',
    '<a href="vbscript:msgbox(1)">klik</a>',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<iframe src="https://evil.example"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "<style>body { display: none }</style>",
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">klik</a>',
    "[klik](data:text/html,<script>alert(1)</script>)",
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<p onclick="alert(1)">klik</p>',
    '<a href="https://example.nl" onmouseover="alert(1)">klik</a>',
    '<strong onmouseover="alert(1)">vet</strong>',
    '<td onclick="alert(1)">cel</td>',
    "<details open ontoggle=alert(1)>",
    '<object data="https://evil.example/x.swf"></object>',
    '<embed src="https://evil.example/x.swf">',
    '<form action="https://evil.example"><button>verstuur</button></form>',
    '<input autofocus onfocus="alert(1)">',
    '<base href="javascript:alert(1)//">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '[klik](https://example.nl "titel" onclick="alert(1)")',
    '<a href="https://example.nl" target="_blank" rel="opener">klik</a>',
]

SAFE_SCHEMES = {"", "http", "https", "mailto"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def tags_of(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Collector()
    parser.feed(html)
    parser.close()
    return parser.tags


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_xss_payload_is_defused(payload: str) -> None:
    html = str(render_markdown(payload))
    for tag, attributes in tags_of(html):
        assert tag in ALLOWED_TAGS, tag
        allowed = ALLOWED_ATTRIBUTES.get(tag, set()) | ({"rel"} if tag == "a" else set())
        assert set(attributes) <= allowed, (tag, attributes)
        for name in ("href", "src"):
            url = (attributes.get(name) or "").strip()
            assert urlsplit(url).scheme.lower() in SAFE_SCHEMES, url
        if tag == "a":
            assert attributes.get("rel") == "noopener noreferrer"
            assert "target" not in attributes
    # Whatever is left of the payload is text: no tag can start inside it.
    text = re.sub(r"<[^>]*>", "", html)
    assert "<" not in text and ">" not in text.replace("&gt;", "")
    lowered = html.lower()
    for needle in ("<script", "<svg", "<iframe", "<style", "<object", "<embed", "<form"):
        assert needle not in lowered


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_sanitised_output_rendered_again_is_still_safe(payload: str) -> None:
    """A lesson saved from a preview is rendered a second time; that must not revive it."""
    twice = str(render_markdown(str(render_markdown(payload))))
    assert all(tag in ALLOWED_TAGS for tag, _ in tags_of(twice))
    assert "javascript:" not in twice.lower() and "onerror" not in twice.lower()


def test_script_text_is_shown_as_text_in_code() -> None:
    html = render_markdown("Typ nooit `<script>alert(1)</script>` in een formulier.")
    assert "<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>" in html


def test_result_is_markup_and_empty_input_is_fine() -> None:
    assert isinstance(render_markdown("*hoi*"), Markup)
    assert render_markdown("") == Markup("")
    assert render_markdown(None) == Markup("")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "[Data Academie](https://example.nl/pad?a=1&b=2)",
            '<a href="https://example.nl/pad?a=1&amp;b=2" rel="noopener noreferrer">'
            "Data Academie</a>",
        ),
        (
            '[titel](https://example.nl "Meer lezen")',
            '<a href="https://example.nl" title="Meer lezen" rel="noopener noreferrer">titel</a>',
        ),
        (
            "[les](/leren/modules/leren-zoeken)",
            '<a href="/leren/modules/leren-zoeken" rel="noopener noreferrer">les</a>',
        ),
        (
            "[mail](mailto:academie@example.nl)",
            '<a href="mailto:academie@example.nl" rel="noopener noreferrer">mail</a>',
        ),
        ("- een\n- twee", "<ul>\n<li>een</li>\n<li>twee</li>\n</ul>"),
        ("1. een\n2. twee", "<ol>\n<li>een</li>\n<li>twee</li>\n</ol>"),
        ("3. drie\n4. vier", '<ol start="3">'),
        ("**vet** en *schuin*", "<strong>vet</strong> en <em>schuin</em>"),
        ("`type:onderzoek`", "<code>type:onderzoek</code>"),
        ("    armoede OF schulden", "<pre><code>armoede OF schulden\n</code></pre>"),
        ("> citaat", "<blockquote>\n<p>citaat</p>\n</blockquote>"),
        ("# Kop", "<h2>Kop</h2>"),  # the page title is the only h1
        ("### Kleine kop", "<h3>Kleine kop</h3>"),
        ("regel<br>breuk", "regel<br>breuk"),
        ("<mark>gemarkeerd</mark> en H<sub>2</sub>O", "<mark>gemarkeerd</mark> en H<sub>2</sub>O"),
    ],
)
def test_ordinary_markdown_survives(source: str, expected: str) -> None:
    assert expected in render_markdown(source)


@pytest.mark.parametrize(
    ("source", "attributes"),
    [
        (
            "![Zoekscherm](/static/img/zoeken.png)",
            {"src": "/static/img/zoeken.png", "alt": "Zoekscherm"},
        ),
        (
            '![x](https://example.nl/a.png "Titel")',
            {"src": "https://example.nl/a.png", "alt": "x", "title": "Titel"},
        ),
        (
            '<img src="https://example.nl/a.png" alt="x" width="20" height="10">',
            {"src": "https://example.nl/a.png", "alt": "x", "width": "20", "height": "10"},
        ),
    ],
)
def test_images_survive(source: str, attributes: dict[str, str]) -> None:
    assert tags_of(str(render_markdown(source))) == [("p", {}), ("img", attributes)]


def test_tables_survive() -> None:
    html = str(render_markdown("| Je typt | Je vindt |\n|---|---|\n| `jeugd*` | jeugdzorg |"))
    assert "<table>" in html and "<thead>" in html and "<tbody>" in html
    assert "<th>Je typt</th>" in html
    assert "<td><code>jeugd*</code></td>" in html


def test_a_lesson_mixing_markdown_and_a_payload_keeps_the_markdown() -> None:
    source = (
        "# Zoeken met OF\n\n"
        "Gebruik **OF** tussen synoniemen:\n\n"
        "- schooluitval OF thuiszitters\n"
        '- <img src=x onerror="alert(1)">\n\n'
        "[Meer](javascript:alert(1)) of [de spiekbrief](https://example.nl/spiek)."
    )
    html = str(render_markdown(source))
    assert "<h2>Zoeken met OF</h2>" in html
    assert "<strong>OF</strong>" in html
    assert "<li>schooluitval OF thuiszitters</li>" in html
    assert 'href="https://example.nl/spiek"' in html
    assert "onerror" not in html and "javascript" not in html
