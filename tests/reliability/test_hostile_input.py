"""Hostile input through every form, query parameter, upload and API field.

Forms and parameters are not listed here: `crawl.discover` walks the URL map, reads the
pages as a user who may see them and collects every <form method="post"> with its fields,
every GET form, every link's query names and the names views read from request.args. A
new form or filter is therefore covered as soon as a page shows it; a POST route that no
page offers a form for fails `test_hostile_strings_in_every_form` (seed the object that
shows it in tests/reliability/world.py).

For every request: the status is below 500 and no payload comes back unescaped. For
every form post: a refused save leaves the database exactly as it was (nothing stored
half), an accepted one stores the text as typed, and the page it leads to shows it
escaped. Finally a world full of stored hostile values is crawled page by page.
"""

from __future__ import annotations

import io
import json
import re
import tempfile
import time
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import quote, quote_from_bytes, urlencode, urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from werkzeug.datastructures import MultiDict
from werkzeug.test import TestResponse

from academy import create_app
from academy.documents.indexing import search_index
from academy.extensions import db
from academy.models import Document
from tests.conftest import make_test_config
from tests.reliability import crawl
from tests.reliability.dbstate import Tracker, changed_tables, snapshot
from tests.reliability.hostile import (
    BY_ID,
    EVALUATED,
    HOSTILE,
    INVALID_UTF8,
    SAMPLE,
    unescaped_markers,
)
from tests.reliability.world import World, build_template, copy_world, signed_in

# Only the URL map is needed to name the tests; no database is touched.
_MAP_APP = create_app(make_test_config(Path(tempfile.gettempdir())))
POST_ENDPOINTS = sorted(
    {r.endpoint for r in crawl.post_rules(_MAP_APP) if not r.endpoint.startswith("api.")}
)
GET_ENDPOINTS = sorted(
    {r.endpoint for r in crawl.get_rules(_MAP_APP) if not r.endpoint.startswith("api.")}
)

# An import reports per file: some files refused while others are saved is its design.
PARTIAL_BY_DESIGN = {"admin.import_documents"}
# An error shown to the user: a form error, a field error or an error flash.
REFUSAL = re.compile(r'alert--error"\s+role="alert"|field--error')
# For values that are looked up rather than stored (ids, choices, commands, API paths).
SHORT = (
    *SAMPLE,
    *(
        BY_ID[key]
        for key in (
            "path-traversal",
            "sql-or",
            "long-number",
            "huge-number",
            "big-int",
            "negative",
            "url-encoded",
            "crlf-header",
            "percent-00",
        )
    ),
)
# For path segments (codes, slugs, ids): what a converter or a lookup could trip over.
PATH_SHORT = tuple(
    BY_ID[key] for key in ("path-traversal", "long-number", "huge-number", "big-int", "negative")
)
# Aimed at the search query parser; a form only sees another 10 kB string.
SEARCH_ONLY = {"long-words-10k", "query-syntax"}
# A markup payload for the pages that display stored values.
MARKUP = '<script>alert(1)</script>"><img src=x onerror=alert(1)>{{1337*1337}}'


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="session")
def world_template(tmp_path_factory, password_hash) -> tuple[Path, World] | None:
    return build_template(tmp_path_factory, password_hash)


@pytest.fixture
def world_app(tmp_path, password_hash, world_template) -> Iterator[tuple[Flask, World]]:
    """A fresh app on its own copy of the world, and the world's ids."""
    yield from copy_world(tmp_path, password_hash, world_template)


@pytest.fixture(scope="session")
def crawled(tmp_path_factory, password_hash, world_template) -> Iterator[tuple[Flask, crawl.Site]]:
    """Every page, form and parameter, found once on a copy of the world. GET requests
    change nothing but the search trail, so the parameter tests share this app."""
    builder = copy_world(tmp_path_factory.mktemp("crawl"), password_hash, world_template)
    app, world = next(builder)
    clients = {
        visitor: app.test_client() if visitor == "anonymous" else signed_in(app, visitor)
        for visitor in crawl.VISITORS
    }
    yield app, crawl.discover(app, world, clients)
    next(builder, None)


@pytest.fixture(scope="session")
def site(crawled) -> crawl.Site:
    return crawled[1]


@pytest.fixture(autouse=True)
def cheap_dummy_hash(monkeypatch, password_hash) -> None:
    """A failed login checks a dummy hash at full cost (so timing tells nothing); here it
    would make the login form the slowest test by far."""
    from academy.auth import services

    if hasattr(services, "_DUMMY_HASH"):
        monkeypatch.setattr(services, "_DUMMY_HASH", password_hash)


def client_as(app: Flask, visitor: str) -> FlaskClient:
    return app.test_client() if visitor == "anonymous" else signed_in(app, visitor)


# --------------------------------------------------------------------------- database


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def canonical(text: str) -> str:
    """NFC without control characters: what "stored as typed" is compared on."""
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in text if unicodedata.category(ch) != "Cc")
    )


def stored_text(rows: dict[str, list[tuple]]) -> str:
    return canonical(
        "\n".join(s for table in rows.values() for row in table for s in _strings(row))
    )


def missing_tokens(payload: str, stored: str) -> list[str]:
    return [token for token in canonical(payload).split() if token not in stored]


# --------------------------------------------------------------------------- checks


def check_response(response: TestResponse, what: str) -> str:
    """Below 500 and nothing unescaped; returns the text of the body (HTML/SVG/JSON)."""
    assert response.status_code < 500, f"{what}: {response.status_code}"
    if response.mimetype.startswith(("text/", "image/svg")) or response.is_json:
        body = response.get_data(as_text=True)
        if response.mimetype in ("text/html", "image/svg+xml"):
            found = unescaped_markers(body)
            assert not found, f"{what}: unescaped {found}"
        return body
    return ""


class FormPoster:
    """Posts into one discovered form and checks every outcome."""

    def __init__(
        self, app: Flask, client: FlaskClient, found: crawl.FoundForm, tracker: Tracker
    ) -> None:
        self.app = app
        self.client = client
        self.tracker = tracker
        self.slowest = 0.0
        self.found = found
        self.form = found.form
        self.kinds = {f.name: f.kind for f in self.form.fields}
        self.accepted = 0
        self.refused = 0

    @property
    def fields(self) -> list[str]:
        return sorted({f.name for f in self.form.fields if f.fuzzable})

    def post(
        self, data: list[tuple[str, str]], fuzzed: dict[str, str], *, files: Iterable = ()
    ) -> None:
        what = f"POST {self.found.action} {sorted(fuzzed)} {_short(fuzzed)}"
        before = self.tracker.rows()
        payload = MultiDict(data)
        for name, upload in files:
            payload.add(name, upload)
        started = time.perf_counter()
        response = self.client.post(self.found.action, data=payload)
        self.slowest = max(self.slowest, time.perf_counter() - started)
        pages = [check_response(response, what)]
        if response.status_code in (301, 302, 303, 307, 308):
            target = crawl.local_path(response.headers["Location"])
            if target is not None:
                pages.append(check_response(self.client.get(target), f"{what} -> GET {target}"))
        self._judge(what, response, pages, before, fuzzed)

    def post_raw(self, body: bytes, what: str) -> None:
        before = self.tracker.rows()
        response = self.client.post(
            self.found.action, data=body, content_type="application/x-www-form-urlencoded"
        )
        pages = [check_response(response, what)]
        if response.status_code in (301, 302, 303):
            target = crawl.local_path(response.headers["Location"])
            if target is not None:
                pages.append(check_response(self.client.get(target), f"{what} -> GET {target}"))
        self._judge(what, response, pages, before, {})

    def _judge(self, what, response, pages, before, fuzzed) -> None:
        after = self.tracker.rows()
        refused = response.status_code >= 400 or any(REFUSAL.search(page) for page in pages)
        changed = changed_tables(before, after)
        if refused:
            self.refused += 1
            if self.found.endpoint not in PARTIAL_BY_DESIGN:
                assert not changed, f"{what}: refused, yet {changed} changed (stored half)"
            return
        if not changed:
            return
        self.accepted += 1
        stored = stored_text(after)
        texts = {name: value for name, value in fuzzed.items() if self.kinds.get(name) in FREE}
        if len(texts) == 1:  # one free-text field carried the payload: it is kept as typed
            ((name, value),) = texts.items()
            missing = missing_tokens(value, stored)
            assert not missing, f"{what}: accepted, but {name} was not stored as typed"


FREE = crawl.FREE_TEXT_TYPES


def _short(values: dict[str, str]) -> str:
    text = next(iter(values.values()), "")
    return repr(text[:40] + ("…" if len(text) > 40 else ""))


def _upload(text: str) -> tuple[io.BytesIO, str]:
    name = re.sub(r"[/\\]", "_", text)[:60] or "leeg"
    return io.BytesIO(f"Titel {text}\n\n{text}\n".encode()), f"{name}.txt"


def _raw_body(data: list[tuple[str, str]], fields: list[str], bad: bytes, *, encode: bool) -> bytes:
    parts = []
    for name, value in data:
        if name in fields:
            continue
        parts.append(f"{quote(name)}={quote(value)}".encode())
    for name in fields:
        parts.append(
            quote(name).encode() + b"=" + (quote_from_bytes(bad).encode() if encode else bad)
        )
    return b"&".join(parts)


# --------------------------------------------------------------------------- forms


# A form whose every post costs this much (the login's deliberate password hashing) gets
# the short corpus instead of the whole one.
SLOW_POST_SECONDS = 0.15


@pytest.mark.parametrize("endpoint", POST_ENDPOINTS)
def test_hostile_strings_in_every_form(endpoint, site, world_app):
    """Every field of every form, with every hostile string: all at once, then one field
    at a time (the others valid), then as invalid UTF-8."""
    app, _world = world_app
    forms = site.forms.get(endpoint)
    assert forms, (
        f"no page shows a form that posts to {endpoint}; add the object that offers it "
        "to build_world in tests/reliability/world.py"
    )
    tracker = Tracker(app)
    clients: dict[str, FlaskClient] = {}
    try:
        for found in forms:
            client = clients.get(found.visitor) or clients.setdefault(
                found.visitor, client_as(app, found.visitor)
            )
            _fuzz_form(FormPoster(app, client, found, tracker))
    finally:
        tracker.close()


def _fuzz_form(poster: FormPoster) -> None:
    form = poster.form
    files = [f.name for f in form.fields if f.kind == "file"]
    fields = poster.fields
    valid = crawl.filled(form)
    if not fields and not files:  # a button: post it once with a stray hostile field
        poster.post(valid + [("x", BY_ID["script"].text)], {})
        return
    # Text fields get the whole corpus; a form of ids, choices and buttons only (hidden
    # inputs, selects) the short one: what it does with a value is look it up.
    free = any(poster.kinds[name] in FREE for name in fields) or files
    corpus = [i for i in HOSTILE if i.id not in SEARCH_ONLY] if free else list(SHORT)
    while corpus:
        item = corpus.pop(0)
        poster.post(
            crawl.with_values(valid, dict.fromkeys(fields, item.text)),
            dict.fromkeys(fields, item.text),
            files=[(name, _upload(item.text)) for name in files],
        )
        if poster.slowest > SLOW_POST_SECONDS:
            corpus = [i for i in corpus if i in SAMPLE or i.id in ("script", "huge-number")]
    salt = 0
    for name in fields:  # free text gets all three; a choice, id or button the markup one
        for item in SAMPLE if poster.kinds[name] in FREE else SAMPLE[:1]:
            salt += 1  # fresh fillers: a saved code or slug does not block the next save
            data = crawl.with_values(crawl.filled(form, salt), {name: item.text})
            poster.post(data, {name: item.text})
    text_fields = [n for n in fields if poster.kinds[n] in crawl.TEXT_TYPES | {"textarea"}]
    if text_fields and not files:
        for encode in (True, False):
            poster.post_raw(
                _raw_body(valid, text_fields, INVALID_UTF8[0] + INVALID_UTF8[2], encode=encode),
                f"POST {poster.found.action} invalid UTF-8 (percent-encoded={encode})",
            )


# --------------------------------------------------------------------------- parameters


@pytest.mark.parametrize("endpoint", GET_ENDPOINTS)
def test_hostile_query_parameters(endpoint, crawled):
    """Every query parameter a page links to, has a GET form for, or reads from
    request.args, with every hostile string; repeated; and as invalid UTF-8."""
    app, site = crawled
    pages = site.pages.get(endpoint)
    if not pages:
        pytest.skip(f"{endpoint} shows no page in the seeded world (see test_access)")
    visitor, url = pages[0]
    client = client_as(app, visitor)
    own = sorted(site.params.get(endpoint, ()))
    every = sorted({name for names in site.params.values() for name in names})

    def get(pairs: list[tuple[str, str]], label: str) -> None:
        check_response(client.get(f"{url}?{urlencode(pairs)}"), f"GET {url} {label}")

    # A page that reads no parameter still gets every known name, in case it starts to.
    for item in HOSTILE if own else SAMPLE[:1]:
        get([(name, item.text) for name in own or every], item.id)
    for name in own:
        for item in SAMPLE:
            get([(name, item.text)], f"{name}={item.id}")
    if own:
        get(
            [(name, f"{item.text}-{n}") for name in own for n, item in enumerate(HOSTILE)],
            "repeated",
        )
    for bad in (INVALID_UTF8[0], INVALID_UTF8[1] + INVALID_UTF8[2])[: 2 if own else 1]:
        names = own or every
        encoded = "&".join(f"{name}={quote_from_bytes(bad)}" for name in names)
        check_response(client.get(f"{url}?{encoded}"), f"GET {url} %-encoded {bad!r}")
        raw = b"&".join(name.encode() + b"=" + bad for name in names)
        response = client.get(url, environ_overrides={"QUERY_STRING": raw.decode("latin-1")})
        check_response(response, f"GET {url} raw {bad!r}")


def test_hostile_path_segments(crawled):
    """Every URL argument of every page (codes, slugs, ids) with hostile strings, and with
    raw invalid UTF-8 in the path: a 404 or a page, never a 500."""
    app, site = crawled
    clients: dict[str, FlaskClient] = {}
    failures = []
    targets = [("GET", *pages[0]) for pages in site.pages.values()]
    targets += [("POST", forms[0].visitor, forms[0].action) for forms in site.forms.values()]
    for method, visitor, url in targets:
        values = {str(v) for v in _arguments(app, url, method)}
        if not values or url.startswith("/api/"):
            continue
        client = clients.get(visitor) or clients.setdefault(visitor, client_as(app, visitor))
        send = client.get if method == "GET" else client.post
        parts = url.split("/")
        for position, part in enumerate(parts):
            if part not in values:
                continue
            for item in SHORT[:1] + PATH_SHORT:
                value = quote(item.text, safe="")
                path = "/".join([*parts[:position], value, *parts[position + 1 :]])
                status = send(path).status_code
                if status >= 500:
                    failures.append(f"{status} {method} {path[:90]}")
            raw = "/".join([*parts[:position], "caf\xe9\xff", *parts[position + 1 :]])
            status = send("/", environ_overrides={"PATH_INFO": raw}).status_code
            if status >= 500:
                failures.append(f"{status} {method} raw {raw!r}")
    assert not failures, "\n".join(failures)


def _arguments(app: Flask, url: str, method: str = "GET") -> list[object]:
    adapter = app.url_map.bind("localhost")
    return list(adapter.match(urlsplit(url).path, method=method)[1].values())


# --------------------------------------------------------------------------- uploads


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _multipart(files: list[tuple[bytes, bytes]]) -> tuple[bytes, str]:
    """A multipart body built by hand, so a filename can carry invalid UTF-8."""
    boundary = "grens4711"
    body = b""
    for filename, content in files:
        body += (
            f"--{boundary}\r\n".encode()
            + b'Content-Disposition: form-data; name="files"; filename="'
            + filename
            + b'"\r\nContent-Type: application/octet-stream\r\n\r\n'
            + content
            + b"\r\n"
        )
    body += f"--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def hostile_uploads() -> list[tuple[str, bytes]]:
    random = bytes((n * 7919 + 13) % 256 for n in range(4096))
    uploads = [
        (f"{item.id}.txt", f"{item.text}\n\n{item.text}\n".encode()) for item in HOSTILE[:20]
    ]
    uploads += [
        (f"ongeldig-{n}.txt", b"Titel " + bad + b"\n\n" + bad * 50)
        for n, bad in enumerate(INVALID_UTF8)
    ]
    uploads += [
        (
            "html-xss.html",
            b"<html><head><title><script>alert(1)</script></title></head>"
            b"<body onload=alert(1)><p>Tekst<img src=x onerror=alert(1)></p></body></html>",
        ),
        ("latin1.md", "# Café coöperatie\n\nÉén tekst in Latin-1.".encode("latin-1")),
        ("binair.txt", random),
        ("nul.txt", b"\x00" * 2048),
        ("nep.pdf", b"%PDF-1.7\n" + random),
        ("nep.docx", b"PK\x03\x04" + random),
        ("kapot.zip", b"PK\x03\x04" + random),
        ("leeg.txt", b""),
        ("utf16.txt", "Tekst in UTF-16 met een BOM".encode("utf-16")),
        ("bom.txt", b"\xef\xbb\xbfTitel met BOM\n\nTekst."),
        (
            "paden.zip",
            _zip(
                {
                    "../../etc/passwd": b"root:x:0:0",
                    "/absoluut.txt": b"absoluut",
                    "map/../../uit.txt": b"uit",
                    "map/<script>alert(1)<script>.txt": b"naam",
                    "map/\u202egnp.txt": b"rtl",
                    "map/goed.txt": b"Goed document\n\nIn een zip.",
                }
            ),
        ),
        ("../../etc/passwd", b"root:x:0:0"),
        ("<img src=x onerror=alert(1)>.txt", b"naam met markup"),
        ("\u202etxt.exe", b"rtl"),
        (".verborgen.txt", b"verborgen"),
        ("x" * 300 + ".txt", b"lange naam"),
    ]
    return uploads


def test_hostile_document_uploads(world_app):
    """Uploads with hostile names and contents, invalid UTF-8, binary and broken files:
    no 500, whatever is saved is whole, searchable and shown escaped."""
    app, _world = world_app
    client = signed_in(app, "admin")
    with app.app_context():
        before = {d.id for d in db.session.scalars(select(Document))}
    for name, content in hostile_uploads():
        response = client.post(
            "/beheer/documenten/imports", data={"files": [(io.BytesIO(content), name)]}
        )
        check_response(response, f"upload {name!r}")
    body, content_type = _multipart(
        [(b"caf\xe9-\xff.txt", b"Naam in Latin-1"), (b"\xed\xa0\x80.md", b"# Surrogaat")]
    )
    response = client.post("/beheer/documenten/imports", data=body, content_type=content_type)
    check_response(response, "upload with invalid UTF-8 file names")

    with app.app_context():
        documents = [d for d in db.session.scalars(select(Document)) if d.id not in before]
        total = db.session.query(Document).count()
        assert documents, "nothing was imported at all"
        for document in documents:
            assert document.title and document.content_hash and document.key, document.key
            for value in (document.title, document.body, document.summary, document.source):
                value.encode("utf-8")  # no lone surrogates smuggled in from bytes
        ids = [d.id for d in documents]
        assert search_index().document_count() == total
        db.session.remove()
    for document_id in ids:
        check_response(client.get(f"/zoeken/documenten/{document_id}"), f"document {document_id}")
    for query in ("alert", "script", "onerror", "goed document", "passwd", "café"):
        check_response(client.get(f"/zoeken?q={quote(query)}"), f"search {query}")
    check_response(client.get("/beheer/documenten"), "documents page")


# --------------------------------------------------------------------------- display


def _links(html: str) -> list[str]:
    return crawl.parse_page(html)[1]


def test_stored_hostile_values_are_escaped_on_every_page(world_app):
    """Store MARKUP through every free-text field the forms offer, then read every page
    (following links, so new objects' pages are read too) as every role."""
    app, world = world_app
    site = crawl.discover(
        app, world, {v: client_as(app, v) for v in ("anonymous", "admin", "medewerker")}
    )
    clients: dict[str, FlaskClient] = {}
    stored = 0
    for endpoint, forms in sorted(site.forms.items()):
        if endpoint.startswith("api.") or endpoint in ("auth.login", "auth.logout"):
            continue
        for found in forms:
            client = clients.get(found.visitor) or clients.setdefault(
                found.visitor, client_as(app, found.visitor)
            )
            free = [f.name for f in found.form.fields if f.free_text and f.fuzzable]
            for name in free:
                data = crawl.with_values(crawl.filled(found.form), {name: f"{MARKUP} {name}"})
                response = client.post(found.action, data=MultiDict(data))
                check_response(response, f"POST {found.action} {name}")
                stored += response.status_code == 302
    assert stored >= 10, f"only {stored} hostile values were accepted; the crawl proves little"
    with app.app_context():
        text = stored_text(snapshot(app))
        assert "<script>alert(1)</script>" in text  # they are stored as typed...
        db.session.remove()
    for visitor in ("admin", "medewerker"):  # every page, and the learner's own pages
        client = signed_in(app, visitor)
        start = [url for pages in site.pages.values() for _who, url in pages]
        start += ["/zoeken?q=alert", "/zoeken?q=script", "/leren/beheer/beoordelen"]
        seen: set[str] = set()
        queue = list(dict.fromkeys(start))
        while queue and len(seen) < 250:
            url = queue.pop(0)
            if url in seen:
                continue
            seen.add(url)
            response = client.get(url)
            body = check_response(response, f"GET {url} as {visitor}")  # ...shown escaped
            if response.status_code != 200 or response.mimetype != "text/html":
                continue
            for link in _links(body):
                parts = urlsplit(link)
                if parts.netloc or not parts.path.startswith("/") or parts.path in seen:
                    continue
                if crawl.endpoint_of(app, parts.path) in (None, "static"):
                    continue
                queue.append(parts.path)  # the path; query variants are tested above


# --------------------------------------------------------------------------- API


def _openapi(app: Flask) -> dict | None:
    response = app.test_client().get("/api/v1/openapi.json")
    if response.status_code != 200 or not response.is_json:
        return None
    return response.get_json()


def _path_value(parameter: dict, world) -> str:
    name = parameter["name"]
    schema = parameter.get("schema", {})
    if name == "code":
        return "vsv"
    if name == "slug":
        return world.module_slug
    if schema.get("type") == "integer":
        return "1"
    return "x"


def test_hostile_api_parameters(world_app):
    """Every documented parameter of every GET operation of the API, with every hostile
    string, for a token of every role; skipped while the API is not there."""
    app, world = world_app
    spec = _openapi(app)
    if spec is None:
        pytest.skip("no /api/v1/openapi.json yet")
    client = app.test_client()
    prefix = spec.get("servers", [{}])[0].get("url", "")
    prefix = urlsplit(prefix).path.rstrip("/") if prefix else "/api/v1"
    operations = []
    for template, item in spec.get("paths", {}).items():
        common = item.get("parameters", [])
        get = item.get("get")
        if get is None:
            continue
        operations.append((template, common + get.get("parameters", [])))
    assert operations, "the OpenAPI document lists no GET operations"
    for role, token in world.tokens.items():
        headers = {"Authorization": f"Bearer {token}"}
        payloads = HOSTILE if role == "admin" else SAMPLE[:1]
        for template, parameters in operations:
            parameters = [p for p in parameters if "$ref" not in p]
            path_params = [p for p in parameters if p.get("in") == "path"]
            query_params = [p["name"] for p in parameters if p.get("in") == "query"]
            path = template
            for parameter in path_params:
                path = path.replace("{" + parameter["name"] + "}", _path_value(parameter, world))
            base = prefix + path if not path.startswith(prefix) else path
            for item in payloads:
                what = f"GET {base} as {role} with {item.id}"
                if query_params:
                    response = client.get(
                        f"{base}?{urlencode([(n, item.text) for n in query_params])}",
                        headers=headers,
                    )
                    _check_api(response, what)
                for parameter in path_params if item in SHORT else ():
                    hostile_path = template
                    for other in path_params:
                        value = (
                            quote(item.text, safe="")
                            if other is parameter
                            else _path_value(other, world)
                        )
                        hostile_path = hostile_path.replace("{" + other["name"] + "}", value)
                    response = client.get(prefix + hostile_path, headers=headers)
                    _check_api(response, f"{what} in {parameter['name']}")
            if query_params:
                for bad in INVALID_UTF8[:3]:
                    raw = b"&".join(n.encode() + b"=" + bad for n in query_params)
                    response = client.get(
                        base,
                        headers=headers,
                        environ_overrides={"QUERY_STRING": raw.decode("latin-1")},
                    )
                    _check_api(response, f"GET {base} raw {bad!r}")


def _check_api(response: TestResponse, what: str) -> None:
    assert response.status_code < 500, f"{what}: {response.status_code}"
    assert response.is_json, f"{what}: {response.mimetype}"
    json.dumps(response.get_json())
    assert EVALUATED not in response.get_data(as_text=True), what


def test_the_corpus_has_unique_readable_ids():
    assert len(BY_ID) == len(HOSTILE)
    assert all(re.fullmatch(r"[a-z0-9-]+", item.id) for item in HOSTILE)
