"""Find every page, form, link and query parameter of the app by walking its URL map.

Nothing here is specific to one blueprint: URL parameters are filled from the seeded
world by argument name, pages are read with html.parser, and forms and query parameters
are taken from what the pages actually offer (plus the names routes read from
`request.args`), so a new form or filter is covered without touching these tests.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import inspect
import itertools
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urlsplit

from flask import Flask
from flask.testing import FlaskClient
from werkzeug.exceptions import HTTPException
from werkzeug.routing import Rule

from tests.reliability.world import World

VISITORS = ("anonymous", "admin", "programmamanager", "trainer", "medewerker")

# Inputs whose value the user types or the browser sends as given.
TEXT_TYPES = {"", "text", "search", "email", "url", "tel", "password", "number", "date", "hidden"}
FREE_TEXT_TYPES = {"", "text", "search", "textarea"}  # stored as typed (not parsed, hashed)
BUTTON_TYPES = {"submit", "button", "image", "reset"}
NEVER_FUZZED = {"csrf_token"}
MAX_VARIANTS = 9  # URL parameter combinations tried per rule


@dataclass
class FormField:
    name: str
    kind: str  # input type, "textarea", "select" or "button"
    value: str = ""
    checked: bool = False
    options: list[str] = field(default_factory=list)
    required: bool = False

    @property
    def fuzzable(self) -> bool:
        return self.name not in NEVER_FUZZED and self.kind != "file"

    @property
    def is_button(self) -> bool:
        return self.kind in BUTTON_TYPES or self.kind == "button"

    @property
    def free_text(self) -> bool:
        return self.kind in FREE_TEXT_TYPES


@dataclass
class Form:
    method: str
    action: str
    fields: list[FormField] = field(default_factory=list)
    enctype: str = ""

    def names(self) -> tuple[str, ...]:
        return tuple(sorted({f.name for f in self.fields}))


class PageParser(HTMLParser):
    """Collect forms (with their fields and defaults) and link targets of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self.links: list[str] = []
        self._form: Form | None = None
        self._textarea: FormField | None = None
        self._select: FormField | None = None
        self._option: tuple[str, bool] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "option" and self._select is not None:
            self._select.options.append(a.get("value", ""))
            # A browser sends the selected option, or else the first one.
            if "selected" in a or len(self._select.options) == 1:
                self._select.value = a.get("value", "")
        elif tag == "form":
            self._form = Form(
                method=(a.get("method") or "get").lower(),
                action=a.get("action", ""),
                enctype=a.get("enctype", ""),
            )
            self.forms.append(self._form)
        elif self._form is None or "name" not in a:
            return
        elif tag == "input":
            kind = a.get("type", "").lower()
            self._form.fields.append(
                FormField(
                    a["name"],
                    kind,
                    a.get("value", ""),
                    checked="checked" in a,
                    required="required" in a,
                )
            )
        elif tag == "button":
            self._form.fields.append(FormField(a["name"], "button", a.get("value", "")))
        elif tag == "textarea":
            self._textarea = FormField(a["name"], "textarea", required="required" in a)
            self._form.fields.append(self._textarea)
        elif tag == "select":
            self._select = FormField(a["name"], "select")
            self._form.fields.append(self._select)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._textarea.value += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "textarea":
            if self._textarea is not None and self._textarea.value.startswith("\n"):
                self._textarea.value = self._textarea.value[1:]  # the HTML-swallowed newline
            self._textarea = None
        elif tag == "select":
            self._select = None


def parse_page(html: str) -> tuple[list[Form], list[str]]:
    parser = PageParser()
    parser.feed(html)
    parser.close()
    return parser.forms, parser.links


# --------------------------------------------------------------------------- URL values


def candidates(world: World) -> dict[str, list[object]]:
    """Values to try for each URL argument name (every one that gives a page is visited)."""
    attempts = [*world.open_attempts.values(), world.submitted_attempt]
    return {
        "code": list(world.themes),
        "slug": [world.module_slug, "concept", world.completed_module, *world.exercise_slugs],
        "lesson_slug": ["waarom", "of"],
        "attempt_id": attempts,
        "module_id": [world.module_id],
        "lesson_id": world.lesson_ids[:1],
        "exercise_id": list(world.exercises.values()),
        "user_id": [world.users["medewerker"], world.users["admin"]],
        "team_id": world.team_ids[:1],
        "analysis_id": [world.analysis_id],
        "assignment_id": [world.assignment_id],
        "criterion_id": [1],
        "question_id": [1],  # a key question (findability), when the world has one
        "scan_id": [1],  # a findability scan
        "token_id": [world.token_ids["admin"]],
        "document_id": [world.docs["vsv-2019"]],
        "run_id": [1, 2],  # the interrupted and the queued import run of build_world
        "item_id": [world.module_id],
        "kind": ["module"],
        "fmt": ["csv", "xlsx"],
        "name": ["niveaus", "heatmap"],
        "level": [1],
        "id": [1],
    }


def rule_urls(app: Flask, rule: Rule, world: World) -> list[str]:
    """Concrete paths for a rule, one per combination of candidate arguments."""
    values = candidates(world)
    choices = []
    for argument in sorted(rule.arguments):
        converter = type(rule._converters[argument]).__name__  # noqa: SLF001
        default: list[object] = [1] if "Integer" in converter else ["x"]
        choices.append([(argument, v) for v in values.get(argument, default)])
    urls = []
    with app.test_request_context():
        from flask import url_for

        for combo in itertools.islice(itertools.product(*choices), MAX_VARIANTS):
            try:
                urls.append(url_for(rule.endpoint, **dict(combo)))
            except Exception:  # noqa: BLE001 - a value the converter refuses
                continue
    return urls


def endpoint_of(app: Flask, path: str, method: str = "GET") -> str | None:
    adapter = app.url_map.bind("localhost")
    try:
        endpoint, _args = adapter.match(urlsplit(path).path, method=method)
    except HTTPException:
        return None
    except Exception:  # noqa: BLE001 - RequestRedirect and friends
        return None
    return endpoint


# --------------------------------------------------------------------------- discovery


@dataclass
class FoundForm:
    endpoint: str  # what the form posts to
    action: str  # its path
    visitor: str  # who saw it
    page: str  # where
    form: Form


@dataclass
class Site:
    """Everything the crawl found."""

    pages: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # endpoint -> (who, url)
    forms: dict[str, list[FoundForm]] = field(default_factory=dict)  # endpoint -> forms
    params: dict[str, set[str]] = field(default_factory=dict)  # endpoint -> query names


def _app_rules(app: Flask) -> list[Rule]:
    return sorted(
        (r for r in app.url_map.iter_rules() if r.endpoint != "static"),
        key=lambda r: (r.endpoint, r.rule),
    )


def get_rules(app: Flask) -> list[Rule]:
    return [r for r in _app_rules(app) if "GET" in (r.methods or ())]


def post_rules(app: Flask) -> list[Rule]:
    return [r for r in _app_rules(app) if "POST" in (r.methods or ())]


ARGS_RE = re.compile(r"""args\.(?:get|getlist)\(\s*["']([A-Za-z_][\w-]*)["']""")
NAME_RE = re.compile(r"\b([A-Za-z_]\w*)\(")


def source_params(app: Flask) -> dict[str, set[str]]:
    """Query names a view reads with request.args.get/getlist, in its own code or in a
    function of its module that it calls (one level deep, like `_portfolio_filter()`)."""
    result: dict[str, set[str]] = {}
    for endpoint, view in app.view_functions.items():
        view = inspect.unwrap(view)
        module = sys.modules.get(getattr(view, "__module__", ""))
        try:
            source = inspect.getsource(view)
        except (OSError, TypeError):
            continue
        names = set(ARGS_RE.findall(source))
        for called in set(NAME_RE.findall(source)):
            helper = getattr(module, called, None)
            if inspect.isfunction(helper) and helper.__module__ == view.__module__:
                with contextlib.suppress(OSError, TypeError):
                    names |= set(ARGS_RE.findall(inspect.getsource(helper)))
        result[endpoint] = names
    return result


def discover(app: Flask, world: World, clients: dict[str, FlaskClient]) -> Site:
    """GET every rule; collect pages, forms and query parameters.

    Each URL is read by the first visitor it answers with a page: the admin may do
    everything, the medewerker owns the attempts, anonymous visitors see the login page.
    """
    site = Site()
    seen_forms: set[tuple] = set()
    site.params = source_params(app)
    for rule in get_rules(app):
        if rule.endpoint.startswith("api."):  # bearer tokens, not pages: see the API test
            continue
        for url in rule_urls(app, rule, world):
            for visitor in ("admin", "medewerker", "anonymous"):
                response = clients[visitor].get(url)
                if response.status_code != 200:
                    continue
                site.pages.setdefault(rule.endpoint, []).append((visitor, url))
                if response.mimetype.startswith("text/html"):
                    forms, links = parse_page(response.get_data(as_text=True))
                    _collect(app, site, seen_forms, visitor, url, forms, links)
                break
    return site


def _collect(app, site, seen_forms, visitor, url, forms, links) -> None:
    for form in forms:
        action = form.action or url
        if form.method == "post":
            endpoint = endpoint_of(app, action, "POST")
            key = (endpoint, form.names())  # one of each shape per endpoint
            if endpoint is None or key in seen_forms:
                continue
            seen_forms.add(key)
            site.forms.setdefault(endpoint, []).append(
                FoundForm(endpoint, action, visitor, url, form)
            )
        else:
            endpoint = endpoint_of(app, action)
            if endpoint is not None:
                names = {f.name for f in form.fields if f.name not in NEVER_FUZZED}
                site.params.setdefault(endpoint, set()).update(names)
    for link in links:
        parts = urlsplit(link)
        if parts.netloc or not parts.query:
            continue
        endpoint = endpoint_of(app, link)
        if endpoint is not None:
            names = {name for name, _value in parse_qsl(parts.query, keep_blank_values=True)}
            site.params.setdefault(endpoint, set()).update(names)


# --------------------------------------------------------------------------- requests


def baseline(form: Form) -> list[tuple[str, str]]:
    """What a browser sends for the form untouched (no button pressed)."""
    data = []
    for f in form.fields:
        if f.is_button or f.kind == "file":
            continue
        if f.kind in ("checkbox", "radio") and not f.checked:
            continue
        data.append((f.name, f.value))
    return data


def filled(form: Form, salt: int = 0) -> list[tuple[str, str]]:
    """The baseline with plausible valid values where it is empty, so that a form for a new
    object can be saved when one field carries a hostile value: a filler in empty required
    text fields (unique per `salt`, for codes and slugs), a date a month ahead, the first
    real option of a select left on "— kies —", the first choice of a checkbox or radio
    group with none ticked."""
    data = []
    for number, (name, value) in enumerate(baseline(form)):
        spec = next(f for f in form.fields if f.name == name)
        kind = spec.kind
        if kind == "select" and not value:
            data.append((name, next((option for option in spec.options if option), "")))
        elif value.strip() or kind not in TEXT_TYPES | {"textarea"} or kind == "hidden":
            data.append((name, value))
        elif not spec.required and kind not in ("date", "password"):
            data.append((name, value))  # optional: empty is valid
        elif kind == "date":
            data.append((name, (dt.date.today() + dt.timedelta(days=30)).isoformat()))
        elif kind == "password":
            data.append((name, "Veilig-wachtwoord-2024"))
        elif kind == "number":
            data.append((name, "1"))
        elif kind != "email":
            data.append((name, f"veilig-{number}-{salt}"))
    sent = {name for name, _value in data}
    for field_ in form.fields:
        if field_.kind in ("checkbox", "radio") and field_.name not in sent:
            data.append((field_.name, field_.value))  # the first box of an empty group
            sent.add(field_.name)
    return data


def with_values(data: list[tuple[str, str]], values: dict[str, str]) -> list[tuple[str, str]]:
    """`data` with some fields replaced (a replaced checkbox is sent once)."""
    return [(name, value) for name, value in data if name not in values] + list(values.items())


def local_path(location: str) -> str | None:
    parts = urlsplit(location)
    if parts.netloc and parts.netloc != "localhost":
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def query(pairs: Iterable[tuple[str, str]]) -> str:
    return urlencode(list(pairs))


def chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
