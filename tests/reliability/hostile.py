"""A corpus of hostile strings for pushing through every form, parameter and API field.

Each entry has an id (for test names) and the text. `MARKERS` are fragments that must
never appear in a response body as they are: they only get there when a payload is
rendered without escaping (or a template expression is evaluated).

Lone surrogates cannot travel in an HTTP request as text, so invalid UTF-8 is covered
separately, as bytes (`INVALID_UTF8`), in uploads, form bodies and raw query strings.
"""

from __future__ import annotations

from dataclasses import dataclass


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

# A handful that covers the main risks, for the per-field (slower) passes.
SAMPLE: tuple[Hostile, ...] = tuple(
    BY_ID[key] for key in ("script", "img-onerror", "nul", "long-10k", "emoji", "template-jinja")
)

# Substrings of the rendered page that mean a payload was not escaped.
MARKERS: tuple[str, ...] = (
    "<script>alert(1)",
    "<img src=x onerror",
    "<svg/onload",
    '" autofocus onfocus=alert(1)',
    'href="javascript:',
    "href='javascript:",
    EVALUATED,
)

# Bytes that are not valid UTF-8 (a lone surrogate encoded, overlong, truncated, stray).
INVALID_UTF8: tuple[bytes, ...] = (
    b"\xff\xfe\xfd",
    b"caf\xe9",  # Latin-1
    b"\xed\xa0\x80",  # UTF-8 of the lone surrogate U+D800
    b"\xc0\xaf",  # overlong "/"
    b"\xe2\x82",  # truncated
    b"ok\x00\x80\xbf",
)


def unescaped_markers(body: str) -> list[str]:
    """The markers found in a response body (empty when everything was escaped)."""
    return [marker for marker in MARKERS if marker in body]
