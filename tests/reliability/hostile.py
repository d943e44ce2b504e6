"""A corpus of hostile strings for pushing through every form, parameter and API field.

Each entry has an id (for test names) and the text. `unescaped_markers` reads a response
body and reports what only an unescaped payload (or an evaluated template expression)
can have put there.

Lone surrogates cannot travel in an HTTP request as text, so invalid UTF-8 is covered
separately, as bytes (`INVALID_UTF8`), in uploads, form bodies and raw query strings.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser


@dataclass(frozen=True)
class Hostile:
    id: str
    text: str


# The product 1337 * 1337, which only shows up when a template expression is evaluated.
EVALUATED = "1787569"

HOSTILE: tuple[Hostile, ...] = (
    Hostile("script", "<script>alert(1)</script>"),
    Hostile("img-onerror", '"><img src=x onerror=alert(1)>'),
    Hostile("svg-onload", "'><svg/onload=alert(1)>"),
    Hostile("attribute-break", '" autofocus onfocus=alert(1) x="'),
    Hostile("javascript-url", "javascript:alert(1)"),
    Hostile("markdown-js-link", '[klik](javascript:alert(1)) <a href="javascript:alert(1)">a</a>'),
    Hostile("sql-or", "' OR 1=1 --"),
    Hostile("sql-drop", "'; DROP TABLE users; --"),
    Hostile("sql-union", "1 UNION SELECT username, password_hash FROM users"),
    Hostile("percent-00", "%00"),
    Hostile("nul", "voor\x00na"),
    Hostile("control", "".join(chr(c) for c in range(1, 32)) + "\x7f\x85\x9b"),
    Hostile("crlf-header", "naam\r\nSet-Cookie: x=1\r\n\r\n<b>body</b>"),
    Hostile("long-10k", "a" * 10_240),
    Hostile("long-words-10k", ("schoolverlaten OR armoede* " * 400)[:10_240]),
    Hostile("rtl-override", "\u202egnp.exe\u202c \u202bأهلا\u202c \u200f"),
    Hostile("zero-width", "zero\u200bwidth\u200c\u200d\u2060\ufeffjoiner"),
    Hostile("emoji", "😀 👩‍👩‍👧‍👦 🏳️‍🌈 👍🏽 🇳🇱"),
    Hostile("combining", "Z̴̡̨̛̛̗̺͍̜̤̮̦̖̫͍̘͔̱̝͓a̵̢̢̪̜̫̲͖̯͓̟̫̜͚͇͍l̶g̸o" + "e\u0301\u0301\u0301" * 50),
    Hostile("template-jinja", "{{1337*1337}} {% raw %}x{% endraw %} {{ config }}"),
    Hostile("template-format", "%(x)s %s {0} ${1337*1337} #{1337*1337}"),
    Hostile("path-traversal", "../../etc/passwd"),
    Hostile("path-traversal-win", "..\\..\\windows\\win.ini"),
    Hostile("long-number", "9" * 400),
    Hostile("huge-number", "9" * 5000),  # beyond int()'s default 4300-digit limit
    Hostile("big-int", "18446744073709551616"),
    Hostile("negative", "-1"),
    Hostile("float-ish", "1e308"),
    Hostile("nan", "NaN"),
    Hostile("query-syntax", '"((( OR NOT AND jaar:2019..abc type:* thema:"" ~~ * -'),
    Hostile("url-encoded", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
    Hostile("html-entities", "&lt;script&gt;alert(1)&lt;/script&gt; &#0; &#x110000;"),
    Hostile("whitespace", " \t\u00a0\u2028\u2029\u3000 "),
    Hostile("unicode-nonchar", "\ufffe\uffff\U0010ffff\U000e0001"),
    Hostile("dutch", "Ĳsselmeer café coöperatie € 1.234,56"),
)

BY_ID = {item.id: item for item in HOSTILE}

# Three that cover the main risks, for the passes that go field by field: markup and text
# that must be stored exactly as typed, control characters, and a 10 kB string.
SAMPLE: tuple[Hostile, ...] = (
    Hostile(
        "markup-mix",
        '<script>alert(1)</script>"><img src=x onerror=alert(1)>{{1337*1337}} '
        "😀 👩‍👩‍👧‍👦 \u202egnp.exe\u202c zero\u200bwidth e\u0301 ' OR 1=1 --",
    ),
    Hostile("nul-control", "voor\x00na\x01\x08\x1b[31m\x7f\r\nregel"),
    BY_ID["long-10k"],
)

# Attributes that take a URL: a javascript: URL there runs when followed.
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data"}


class _Finder(HTMLParser):
    """Finds markup that only a payload rendered without escaping can have produced."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._script = tag == "script"
        for name, value in attrs:
            value = (value or "").strip().lower()
            handler = name.startswith("on") and "alert(1)" in value
            url = name in URL_ATTRIBUTES and value.replace("\x00", "").startswith("javascript:")
            if handler or url:
                self.found.append(f"<{tag} {name}={value!r}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self._script = False

    def handle_endtag(self, tag: str) -> None:
        self._script = False

    def handle_data(self, data: str) -> None:
        if self._script and "alert(1)" in data:
            self.found.append(f"<script>{data[:40]}")


def unescaped_markers(body: str) -> list[str]:
    """What in an HTML (or SVG) body shows that a payload was not escaped: a script or an
    event handler running alert(1), a javascript: URL, or an evaluated template expression.
    Quotes and brackets that are only text (escaped, or harmless in a text node) pass."""
    found = [EVALUATED] if EVALUATED in body else []
    if "alert(1)" not in body and "javascript:" not in body.lower():
        return found  # nothing to look for (and no need to parse)
    finder = _Finder()
    finder.feed(body)
    finder.close()
    return found + finder.found


# Bytes that are not valid UTF-8 (a lone surrogate encoded, overlong, truncated, stray).
INVALID_UTF8: tuple[bytes, ...] = (
    b"\xff\xfe\xfd",
    b"caf\xe9",  # Latin-1
    b"\xed\xa0\x80",  # UTF-8 of the lone surrogate U+D800
    b"\xc0\xaf",  # overlong "/"
    b"\xe2\x82",  # truncated
    b"ok\x00\x80\xbf",
)
