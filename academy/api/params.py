"""Query and path parameters: one declaration gives the parser and the OpenAPI text.

The parser is strict, as the design rules ask: unknown keys, repeated single-valued keys
and malformed values are all reported at once as a 400, never silently clipped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from werkzeug.datastructures import MultiDict

from academy.api.problems import InvalidParam
from academy.security import MAX_ID

Kind = Literal["string", "integer", "boolean"]

INTEGER = re.compile(r"-?[0-9]{1,18}")  # ASCII digits only: int() also takes "١٢" and "1_0"


@dataclass(frozen=True)
class Param:
    """One query parameter."""

    name: str
    kind: Kind
    description: str
    repeatable: bool = False
    minimum: int | None = None
    maximum: int | None = None
    max_length: int | None = None
    max_items: int = 20
    enum: tuple[str, ...] | None = None
    default: Any = None

    def _schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": self.kind}
        if self.minimum is not None:
            schema["minimum"] = self.minimum
        if self.maximum is not None:
            schema["maximum"] = self.maximum
        if self.max_length is not None:
            schema["maxLength"] = self.max_length
        if self.enum is not None:
            schema["enum"] = list(self.enum)
        if self.default is not None and not self.repeatable:
            schema["default"] = self.default
        return schema

    def openapi(self) -> dict[str, Any]:
        schema = self._schema()
        if self.repeatable:
            schema = {"type": "array", "items": schema, "maxItems": self.max_items}
        spec: dict[str, Any] = {
            "name": self.name,
            "in": "query",
            "required": False,
            "description": self.description,
            "schema": schema,
        }
        if self.repeatable:
            spec.update(style="form", explode=True)
        return spec

    def _convert(self, raw: str) -> tuple[Any, str | None]:
        """One value, or the reason it is refused."""
        if self.kind == "integer":
            if not INTEGER.fullmatch(raw):
                return None, "Geef een geheel getal."
            value: Any = int(raw)
            if self.minimum is not None and value < self.minimum:
                return None, f"Geef een getal van minstens {self.minimum}."
            if self.maximum is not None and value > self.maximum:
                return None, f"Geef een getal van hoogstens {self.maximum}."
            return value, None
        if self.kind == "boolean":
            if raw not in ("true", "false"):
                return None, "Geef true of false."
            return raw == "true", None
        if self.max_length is not None and len(raw) > self.max_length:
            return None, f"Hoogstens {self.max_length} tekens."
        if self.enum is not None and raw not in self.enum:
            return None, "Kies uit: " + ", ".join(self.enum) + "."
        return raw, None

    def parse(self, raw_values: list[str]) -> tuple[Any, list[str]]:
        """The parsed value (a list when repeatable) and every reason to refuse it."""
        if not raw_values:
            return ([] if self.repeatable else self.default), []
        if not self.repeatable and len(raw_values) > 1:
            return None, ["Deze parameter mag maar één keer voorkomen."]
        if self.repeatable and len(raw_values) > self.max_items:
            return None, [f"Hoogstens {self.max_items} waarden."]
        values, reasons = [], []
        for raw in raw_values:
            value, reason = self._convert(raw)
            if reason is None:
                values.append(value)
            elif reason not in reasons:
                reasons.append(reason)
        if reasons:
            return None, reasons
        return (values if self.repeatable else values[0]), []


def parse_query(
    params: tuple[Param, ...], args: MultiDict[str, str]
) -> tuple[dict[str, Any], list[InvalidParam]]:
    """Parse the query string against `params`; returns values and every problem found."""
    known = {param.name: param for param in params}
    values: dict[str, Any] = {}
    problems: list[InvalidParam] = []
    for key in args:
        if key not in known:
            allowed = ", ".join(known) or "geen"
            problems.append(InvalidParam(key, f"Onbekende parameter. Toegestaan: {allowed}."))
    for name, param in known.items():
        value, reasons = param.parse(args.getlist(name))
        problems.extend(InvalidParam(name, reason) for reason in reasons)
        values[name] = value
    return values, problems


@dataclass(frozen=True)
class PathParam:
    """One path parameter; integers get Flask's int converter."""

    name: str
    kind: Literal["string", "integer"]
    description: str

    @property
    def converter(self) -> str:
        return f"<int:{self.name}>" if self.kind == "integer" else f"<{self.name}>"

    def openapi(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": self.kind}
        if self.kind == "integer":
            schema.update(minimum=1, maximum=MAX_ID)
        else:
            schema.update(minLength=1, maxLength=80)
        return {
            "name": self.name,
            "in": "path",
            "required": True,
            "description": self.description,
            "schema": schema,
        }

    def plausible(self, value: Any) -> bool:
        """False for values no resource can have (the view answers 404 without a query)."""
        if self.kind == "integer":
            return 0 < value <= MAX_ID
        return 0 < len(value) <= 80


def page_params(default_size: int = 20) -> tuple[Param, Param]:
    return (
        Param(
            "page",
            "integer",
            "Paginanummer, vanaf 1.",
            minimum=1,
            maximum=1000,
            default=1,
        ),
        Param(
            "pageSize",
            "integer",
            "Aantal resultaten per pagina (hoogstens 100).",
            minimum=1,
            maximum=100,
            default=default_size,
        ),
    )


def flask_path(path: str, path_params: Mapping[str, PathParam]) -> str:
    """ "/themas/{code}" -> "/themas/<code>"; "/documenten/{id}" -> "/documenten/<int:id>"."""
    return re.sub(r"\{(\w+)\}", lambda m: path_params[m.group(1)].converter, path)
