"""The one gate for redirect targets taken from input: `next`, the Referer, form fields.

Only a path on this site passes. Everything a browser could read as another host falls
back to a safe page: `//host`, `/\\host` (browsers treat a backslash as a slash), schemes
(`https:`, `javascript:`), encoded variants of those (`/%2F%2Fhost`, `%5C`), control
characters (a browser drops tabs and newlines, so `/\t/host` is `//host`; in a Location
header they would split the response) and anything that is not plain URL characters.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from flask import request

MAX_TARGET_LENGTH = 2000
# RFC 3986 characters (unreserved, reserved, percent): nothing else reaches a Location header.
URL_CHARACTERS = re.compile(r"[A-Za-z0-9\-._~!$&'()*+,;=:@/?#%\[\]]*")


def _looks_local(path: str) -> bool:
    return (
        path.startswith("/")
        and not path.startswith(("//", "/\\"))
        and "\\" not in path
        and not any(ord(ch) < 32 or ord(ch) == 127 for ch in path)
    )


def safe_target(target: object, fallback: str) -> str:
    """`target` when it is a same-site relative path, else `fallback`."""
    if not isinstance(target, str) or not target or len(target) > MAX_TARGET_LENGTH:
        return fallback
    if not URL_CHARACTERS.fullmatch(target) or not _looks_local(target):
        return fallback
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return fallback
    # Decoded (repeatedly, as a sloppy proxy or browser might), it must still be local.
    decoded = target
    for _round in range(3):
        decoded = unquote(decoded)
        if not _looks_local(decoded) or urlsplit(decoded).netloc:
            return fallback
    return target


def referrer_target(fallback: str) -> str:
    """The page the request came from, when it is a page of this site, else `fallback`."""
    referrer = request.referrer or ""
    host_url = request.host_url  # "http://host/"
    if not referrer.startswith(host_url):
        return fallback
    return safe_target("/" + referrer[len(host_url) :], fallback)
