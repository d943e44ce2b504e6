"""The API's JSON: schemas (OpenAPI 3.1 components), the serialisers that fill them, and
the OpenAPI document built from the schemas and the declared operations.

Response schemas forbid properties they do not name (`additionalProperties: false`), so a
serialiser that adds or drops a field fails the contract tests and the schemathesis run.

Naming: resource fields are Dutch camelCase (`huidigNiveau`); the paging fields `page`,
`pageSize`, `total`, `totalPages` and `_links` follow the issue and the design rules' HAL
habit; the array of a page is named after the collection (`themas`, `documenten`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import urlencode

from flask import request, url_for

from academy.api import API_PREFIX, API_VERSION
from academy.api.operations import OPERATIONS, Operation
from academy.api.problems import PROBLEM_MEDIA_TYPE, PROBLEM_TYPES
from academy.api.services import Page
from academy.findability.services import HistoryPoint, ThemeFindabilityView
from academy.maturity.services import NO_LEVEL, ThemeDetail, ThemeSummary
from academy.models import (
    LEVEL_NUMBERS,
    Analysis,
    AnalysisLevel,
    AnalysisStatus,
    Assessment,
    Document,
    Exercise,
    ExerciseKind,
    LevelStatus,
    Module,
    Role,
    Team,
    User,
)
from academy.practice.explain import hint_text, understood_text
from academy.security import MAX_ID
from academy.training.services import ModuleProgress
from academy.training.trail import TrailStats
from search_module import FACET_KEYS, Hit, SearchResult, TextPart

# --- schema building blocks -------------------------------------------------------------------

STRING: dict[str, Any] = {"type": "string"}
INTEGER: dict[str, Any] = {"type": "integer"}
BOOLEAN: dict[str, Any] = {"type": "boolean"}
NUMBER: dict[str, Any] = {"type": "number"}
DATE: dict[str, Any] = {"type": "string", "format": "date", "examples": ["2025-08-01"]}
# Always UTC, always with Z: the pattern makes the schema check it, not only the format.
DATETIME: dict[str, Any] = {
    "type": "string",
    "format": "date-time",
    "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$",
    "examples": ["2025-08-01T09:30:00Z"],
}
LEVEL: dict[str, Any] = {"type": "integer", "minimum": 0, "maximum": 4}


def ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/components/schemas/{name}"}


def nullable(schema: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in schema:
        return {"anyOf": [schema, {"type": "null"}]}
    return {**schema, "type": [schema["type"], "null"]}


def array(items: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"type": "array", "items": items, **extra}


def obj(
    properties: dict[str, Any], *, optional: Iterable[str] = (), description: str = ""
) -> dict[str, Any]:
    """A closed object; every property is required unless named in `optional`."""
    schema: dict[str, Any] = {
        "type": "object",
        "properties": properties,
        "required": [name for name in properties if name not in set(optional)],
        "additionalProperties": False,
    }
    if description:
        schema["description"] = description
    return schema


def links(*names: str) -> dict[str, Any]:
    return obj({name: ref("Link") for name in names})


def paged(collection: str, item: str, description: str) -> dict[str, Any]:
    return obj(
        {
            collection: array(ref(item)),
            "page": {"type": "integer", "minimum": 1},
            "pageSize": {"type": "integer", "minimum": 1, "maximum": 100},
            "total": {"type": "integer", "minimum": 0},
            "totalPages": {"type": "integer", "minimum": 1},
            "_links": ref("PaginaLinks"),
        },
        description=description,
    )


STATUS = {"type": "string", "enum": [s.value for s in LevelStatus]}
THEMA_FIELDS: dict[str, Any] = {
    "code": STRING,
    "naam": STRING,
    "domein": STRING,
    "eigenaar": nullable(STRING),
    "gearchiveerd": BOOLEAN,
    "huidigNiveau": {
        **nullable(LEVEL),
        "description": "Het hoogste niveau L waarvoor 0..L op orde zijn; null als niveau 0 "
        "(Vinden) nog niet op orde is. Afgeleid uit de nieuwste beoordeling.",
    },
    "volgendeStap": {
        **nullable(LEVEL),
        "description": "Het niveau waar het thema nu aan werkt; null bovenaan de ladder.",
    },
    "doel": nullable(ref("Doel")),
    "achterOpDoel": BOOLEAN,
    "trend": {"type": ["string", "null"], "enum": ["nieuw", "omhoog", "omlaag", "gelijk", None]},
    "laatstBeoordeeld": nullable(DATE),
    "statussen": ref("Statussen"),
    "_links": links("self", "beoordelingen", "analyses"),
}
SOORTEN = [kind.value for kind in ExerciseKind]
VOORTGANG_FIELDS: dict[str, Any] = {
    "lessenGelezen": INTEGER,
    "lessenTotaal": INTEGER,
    "oefeningenGehaald": INTEGER,
    "oefeningenTotaal": INTEGER,
    "score": {"type": "number", "minimum": 0, "maximum": 1},
    "procent": {"type": "integer", "minimum": 0, "maximum": 100},
    "afgerond": BOOLEAN,
}
MODULE_FIELDS: dict[str, Any] = {
    "slug": STRING,
    "titel": STRING,
    "samenvatting": STRING,
    "doelen": array(STRING),
    "minuten": INTEGER,
    "gepubliceerd": BOOLEAN,
    "aantalLessen": INTEGER,
    "aantalOefeningen": INTEGER,
    "bijgewerktOp": DATETIME,
    "_links": links("self"),
}
TEXT_PARTS = array(ref("TekstDeel"))

SCHEMAS: dict[str, dict[str, Any]] = {
    "Link": obj({"href": {"type": "string", "format": "uri"}}),
    "PaginaLinks": obj(
        {name: ref("Link") for name in ("self", "first", "prev", "next", "last")},
        optional=("prev", "next"),
        description="Links naar deze, de eerste, vorige, volgende en laatste pagina.",
    ),
    "Problem": obj(
        {
            "type": {"type": "string", "format": "uri"},
            "title": STRING,
            "status": {"type": "integer", "minimum": 400, "maximum": 599},
            "detail": STRING,
            "instance": STRING,
            "invalidParams": array(ref("InvalidParam")),
        },
        optional=("invalidParams",),
        description="Een fout volgens RFC 9457 (application/problem+json).",
    ),
    "InvalidParam": obj(
        {
            "name": {
                "type": "string",
                "description": "Parameter of veld, bijvoorbeeld pageSize of bewijs[0].url.",
            },
            "reason": STRING,
        }
    ),
    "Statussen": obj(
        {str(n): STATUS for n in LEVEL_NUMBERS},
        description="De status van elk niveau van de ladder (0 Vinden .. 4 Voorschrijvend).",
    ),
    "Doel": obj({"niveau": LEVEL, "datum": DATE}),
    "Thema": obj(THEMA_FIELDS),
    "ThemaPagina": paged("themas", "Thema", "Een pagina thema's, op naam en dan code."),
    "ThemaDetail": obj(
        {
            **THEMA_FIELDS,
            "omschrijving": STRING,
            "bijgewerktOp": DATETIME,
            "niveaus": array(ref("NiveauStand")),
            "openCriteria": array(ref("OpenCriterium")),
            "geschiedenis": array(ref("GeschiedenisRegel")),
        }
    ),
    "NiveauStand": obj(
        {
            "nummer": LEVEL,
            "naam": STRING,
            "vraag": STRING,
            "status": STATUS,
            "criteria": array(obj({"id": INTEGER, "tekst": STRING, "voldaan": BOOLEAN})),
        },
        description="Een niveau volgens de nieuwste beoordeling.",
    ),
    "OpenCriterium": obj(
        {"id": INTEGER, "niveau": LEVEL, "tekst": STRING},
        description="Een criterium dat nog open staat op weg naar de volgende stap.",
    ),
    "GeschiedenisRegel": obj(
        {
            "beoordelingId": INTEGER,
            "beoordeeldOp": DATE,
            "niveau": nullable(LEVEL),
            "verandering": nullable(INTEGER),
            "_links": links("self"),
        }
    ),
    "Bewijs": obj(
        {
            "titel": {"type": "string", "maxLength": 300},
            "url": {"type": "string", "format": "uri", "maxLength": 2000},
        }
    ),
    "Beoordeling": obj(
        {
            "id": INTEGER,
            "thema": STRING,
            "beoordeeldOp": DATE,
            "niveau": nullable(LEVEL),
            "statussen": ref("Statussen"),
            "criteriaVoldaan": array(INTEGER),
            "bewijs": array(ref("Bewijs")),
            "beoordelaar": nullable(STRING),
            "toelichting": STRING,
            "aangemaaktOp": DATETIME,
            "_links": links("self", "thema"),
        }
    ),
    "BeoordelingPagina": paged(
        "beoordelingen", "Beoordeling", "Beoordelingen, nieuwste eerst (datum, dan id)."
    ),
    "NieuweBeoordeling": obj(
        {
            "beoordeeldOp": {**DATE, "description": "Niet in de toekomst, niet voor 2000."},
            "statussen": ref("Statussen"),
            "criteriaVoldaan": array(
                {"type": "integer", "minimum": 1, "maximum": MAX_ID}, uniqueItems=True, maxItems=200
            ),
            "bewijs": array(
                obj(
                    {
                        "titel": {"type": "string", "maxLength": 300},
                        "url": {"type": "string", "format": "uri", "maxLength": 2000},
                    },
                    optional=("titel",),
                ),
                maxItems=50,
            ),
            "toelichting": {"type": "string", "maxLength": 5000},
        },
        optional=("criteriaVoldaan", "bewijs", "toelichting"),
        description="Een niveau is pas op_orde als al zijn actieve criteria in "
        "criteriaVoldaan staan. Alle fouten komen in één 400-antwoord.",
    ),
    "Analyse": obj(
        {
            "id": INTEGER,
            "naam": STRING,
            "niveau": LEVEL,
            "status": {"type": "string", "enum": [s.value for s in AnalysisStatus]},
            "databronnen": STRING,
            "omschrijving": STRING,
            "bijgewerktOp": DATETIME,
        }
    ),
    "AnalysePagina": paged("analyses", "Analyse", "Analyseproducten, op naam."),
    "Criterium": obj({"id": INTEGER, "tekst": STRING, "positie": INTEGER, "actief": BOOLEAN}),
    "Niveau": obj(
        {
            "nummer": LEVEL,
            "naam": STRING,
            "vraag": STRING,
            "omschrijving": STRING,
            "criteria": array(ref("Criterium")),
        }
    ),
    "NiveauPagina": paged("niveaus", "Niveau", "De treden van de analyseladder, op nummer."),
    "TekstDeel": obj(
        {"tekst": STRING, "gemarkeerd": BOOLEAN},
        description="Een stuk tekst; gemarkeerd is true waar een zoekwoord gevonden is.",
    ),
    "ThemaVerwijzing": obj({"code": STRING, "naam": STRING}),
    "DocumentTreffer": obj(
        {
            "id": INTEGER,
            "titel": STRING,
            "titelDelen": TEXT_PARTS,
            "snippet": {"type": "string", "description": "Fragment als platte tekst."},
            "snippetDelen": {
                **TEXT_PARTS,
                "description": "Hetzelfde fragment in stukken, met de zoekwoorden gemarkeerd.",
            },
            "type": STRING,
            "thema": nullable(ref("ThemaVerwijzing")),
            "jaar": nullable(INTEGER),
            "afdeling": STRING,
            "gepubliceerdOp": nullable(DATE),
            "bron": STRING,
            "score": NUMBER,
            "_links": links("self"),
        }
    ),
    "Facet": obj({"waarde": STRING, "label": STRING, "aantal": INTEGER, "geselecteerd": BOOLEAN}),
    "Zoekresultaat": obj(
        {
            "documenten": array(ref("DocumentTreffer")),
            "page": {"type": "integer", "minimum": 1},
            "pageSize": {"type": "integer", "minimum": 1, "maximum": 100},
            "total": {"type": "integer", "minimum": 0},
            "totalPages": {"type": "integer", "minimum": 1},
            "_links": ref("PaginaLinks"),
            "facetten": obj({key: array(ref("Facet")) for key in FACET_KEYS}),
            "suggestie": nullable(STRING),
            "begrepenAls": {
                **STRING,
                "description": "Hoe de zoekvraag gelezen is (dezelfde zin als op de "
                "Nederlandse zoekpagina).",
            },
            "tips": array(
                STRING,
                description="Herstelde fouten en grenzen van de zoekvraag (dezelfde zinnen "
                "als op de Nederlandse zoekpagina).",
            ),
            "sortering": {"type": "string", "enum": ["relevantie", "datum"]},
        },
        description="Een pagina zoekresultaten met facetten (aantallen onder de andere "
        "filters), een suggestie bij weinig treffers en tips over de zoekvraag.",
    ),
    "Document": obj(
        {
            "id": INTEGER,
            "titel": STRING,
            "samenvatting": STRING,
            "tekst": STRING,
            "type": STRING,
            "thema": nullable(ref("ThemaVerwijzing")),
            "jaar": nullable(INTEGER),
            "gepubliceerdOp": nullable(DATE),
            "afdeling": STRING,
            "auteur": STRING,
            "bron": STRING,
            "bijgewerktOp": DATETIME,
            "_links": links("self"),
        }
    ),
    "Voortgang": obj(VOORTGANG_FIELDS),
    "Module": obj(MODULE_FIELDS),
    "ModulePagina": paged("modules", "Module", "Modules in cursusvolgorde."),
    "ModuleDetail": obj(
        {
            **MODULE_FIELDS,
            "lessen": array(obj({"slug": STRING, "titel": STRING})),
            "oefeningen": array(ref("OefeningVerwijzing")),
            "mijnVoortgang": ref("Voortgang"),
        }
    ),
    "OefeningVerwijzing": obj(
        {
            "slug": STRING,
            "titel": STRING,
            "soort": {"type": "string", "enum": SOORTEN},
            "_links": links("self"),
        }
    ),
    "Oefening": obj(
        {
            "slug": STRING,
            "titel": STRING,
            "soort": {"type": "string", "enum": SOORTEN},
            "module": STRING,
            "opdracht": {"type": "string", "description": "Markdown."},
            "vereisteVaardigheid": nullable(STRING),
            "slaaggrens": NUMBER,
            "maxPogingen": nullable(INTEGER),
            "gepubliceerd": BOOLEAN,
            "antwoordsleutel": {
                **ref("Antwoordsleutel"),
                "description": "Alleen voor trainers (en beheerders).",
            },
            "_links": links("self", "module"),
        },
        optional=("antwoordsleutel",),
    ),
    "Antwoordsleutel": obj(
        {
            "sleuteldocumenten": array(INTEGER),
            "geaccepteerdeAntwoorden": array(STRING),
            "rubric": array(STRING),
            "expertZoekvraag": STRING,
            "expertFilters": {"type": "object", "additionalProperties": array(STRING)},
            "hints": array(STRING),
        },
        description="De antwoorden van een oefening; nooit zichtbaar voor cursisten.",
    ),
    "OefeningPagina": paged("oefeningen", "Oefening", "Oefeningen in cursusvolgorde."),
    "Team": obj(
        {
            "id": INTEGER,
            "naam": STRING,
            "omschrijving": STRING,
            "aantalLeden": INTEGER,
            "_links": links("voortgang"),
        }
    ),
    "TeamPagina": paged("teams", "Team", "Teams op naam."),
    "Opdracht": obj(
        {
            "id": INTEGER,
            "soort": {"type": "string", "enum": ["module", "oefening"]},
            "werk": obj({"slug": STRING, "titel": STRING}),
            "uiterlijk": DATE,
            "bericht": STRING,
            "teams": array(STRING),
            "personen": array(STRING),
            "aantallen": obj(
                {
                    status: {"type": "integer", "minimum": 0}
                    for status in ("open", "bezig", "ingeleverd", "voldaan", "te_laat")
                },
                description="Aantal deelnemers per status, afgeleid van hun pogingen.",
            ),
        },
        description="Werk dat een trainer aan personen of teams gaf, met een uiterste datum.",
    ),
    "OpdrachtPagina": paged(
        "opdrachten", "Opdracht", "Actieve opdrachten op uiterste datum, dan id."
    ),
    "ModuleVoortgang": obj({"module": STRING, "titel": STRING, **VOORTGANG_FIELDS}),
    "LidVoortgang": obj(
        {
            "gebruikersnaam": STRING,
            "naam": STRING,
            "modules": array(ref("ModuleVoortgang")),
            "zoekgedrag": ref("Zoekgedrag"),
        }
    ),
    "Zoekgedrag": obj(
        {
            "zoekopdrachten": INTEGER,
            "perOefening": NUMBER,
            "zonderResultaat": INTEGER,
            "metFilters": INTEGER,
        },
        description="Zoekopdrachten in oefeningen (alleen gevraagde zoekopdrachten, niet het "
        "opnieuw tonen van dezelfde resultaten); getypte velden en aangeklikte filters tellen "
        "allebei als filter. Dezelfde cijfers als op de pagina van de deelnemer.",
    ),
    "TeamVoortgang": obj(
        {
            "team": obj({"id": INTEGER, "naam": STRING}),
            "leden": array(ref("LidVoortgang")),
            "page": {"type": "integer", "minimum": 1},
            "pageSize": {"type": "integer", "minimum": 1, "maximum": 100},
            "total": {"type": "integer", "minimum": 0},
            "totalPages": {"type": "integer", "minimum": 1},
            "_links": ref("PaginaLinks"),
        },
        description="Voortgang van de actieve teamleden (op gebruikersnaam) in elke "
        "gepubliceerde module.",
    ),
}

# Findability (level 0 measured, academy/findability): shares are 0..1, ranks 1-based.
SHARE: dict[str, Any] = {"type": "number", "minimum": 0, "maximum": 1}
SCHEMAS.update(
    {
        "VindbaarheidMeting": obj(
            {
                "scan": INTEGER,
                "tijdstip": DATETIME,
                "vindbaar": SHARE,
                "sleutelvragen": {"type": "integer", "minimum": 0},
                "vindbareSleutelvragen": {"type": "integer", "minimum": 0},
            },
            description="De vindbaarheid van het thema in één scan.",
        ),
        "MislukteZoekvraag": obj(
            {
                "zoekvraag": STRING,
                "bron": {"type": "string", "enum": ["recorded", "question", "expert", "learner"]},
                "slechtsteRang": nullable(
                    {
                        "type": "integer",
                        "minimum": 1,
                        "description": "De laagste plaats van een sleuteldocument; null: niet "
                        "in de eerste 10 resultaten.",
                    }
                ),
                "aantalResultaten": {"type": "integer", "minimum": 0},
                "_links": links("probeer"),
            }
        ),
        "NietVindbareVraag": obj(
            {
                "vraag": STRING,
                "oefening": BOOLEAN,
                "zoekvragen": {"type": "integer", "minimum": 0},
                "geslaagdeZoekvragen": {"type": "integer", "minimum": 0},
                "mislukteZoekvragen": array(ref("MislukteZoekvraag")),
            }
        ),
        "Vindbaarheid": obj(
            {
                "thema": ref("ThemaVerwijzing"),
                "vindbaar": nullable(SHARE),
                "trend": {
                    "type": ["string", "null"],
                    "enum": ["nieuw", "omhoog", "omlaag", "gelijk", None],
                },
                "criterium": nullable({"type": "integer", "minimum": 0, "maximum": 100}),
                "onderCriterium": BOOLEAN,
                "laatsteMeting": nullable(ref("VindbaarheidMeting")),
                "historie": array(ref("VindbaarheidMeting")),
                "nietVindbaar": array(ref("NietVindbareVraag")),
                "_links": links("self", "thema"),
            },
            description="Hoe vindbaar de sleuteldocumenten van een thema zijn: het aandeel "
            "sleutelvragen waarvan de documenten bij de meeste zoekvragen in de eerste 5 "
            "resultaten staan (niveau 0, Vinden). vindbaar is null zolang het thema niet "
            "gemeten is; criterium is het percentage dat een criterium van niveau 0 eist.",
        ),
    }
)

# --- serialisers ------------------------------------------------------------------------------


def iso_date(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def iso_datetime(moment: dt.datetime | None) -> str | None:
    """ISO 8601 in UTC with Z. SQLite hands timezone-aware columns back naive, in UTC."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def link(endpoint: str, **values: Any) -> dict[str, str]:
    return {"href": url_for(f"api.{endpoint}", _external=True, **values)}


def _level(level: int) -> int | None:
    return None if level == NO_LEVEL else level


def page_links(page: Page) -> dict[str, dict[str, str]]:
    """self/first/last, and prev/next where they exist; other query keys are kept as sent."""
    kept = [(key, value) for key, value in request.args.items(multi=True) if key != "page"]
    base = request.base_url

    def href(number: int) -> dict[str, str]:
        return {"href": base + "?" + urlencode([*kept, ("page", number)])}

    result = {"self": href(page.page), "first": href(1), "last": href(page.pages)}
    if page.page > 1:
        result["prev"] = href(min(page.page - 1, page.pages))
    if page.page < page.pages:
        result["next"] = href(page.page + 1)
    return result


def paged_body(collection: str, page: Page, items: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        collection: items,
        "page": page.page,
        "pageSize": page.page_size,
        "total": page.total,
        "totalPages": page.pages,
        "_links": page_links(page),
    }


def statuses_json(statuses: Mapping[int, LevelStatus | str]) -> dict[str, str]:
    return {
        str(n): LevelStatus(statuses.get(n, LevelStatus.NOT_STARTED)).value for n in LEVEL_NUMBERS
    }


def theme_json(s: ThemeSummary) -> dict[str, Any]:
    target = (
        {"niveau": s.target_level, "datum": iso_date(s.target_date)}
        if s.target_level is not None and s.target_date is not None
        else None
    )
    return {
        "code": s.code,
        "naam": s.name,
        "domein": s.domain,
        "eigenaar": s.owner or None,
        "gearchiveerd": s.archived,
        "huidigNiveau": _level(s.current_level),
        "volgendeStap": s.next_step,
        "doel": target,
        "achterOpDoel": s.behind_target,
        "trend": s.trend or None,
        "laatstBeoordeeld": iso_date(s.last_assessed),
        "statussen": statuses_json(dict(zip(LEVEL_NUMBERS, s.statuses, strict=True))),
        "_links": {
            "self": link("theme", code=s.code),
            "beoordelingen": link("theme_assessments", code=s.code),
            "analyses": link("theme_analyses", code=s.code),
        },
    }


def _measurement_json(point: HistoryPoint) -> dict[str, Any]:
    return {
        "scan": point.scan_id,
        "tijdstip": iso_datetime(point.when),
        "vindbaar": point.share,
        "sleutelvragen": point.questions,
        "vindbareSleutelvragen": point.findable,
    }


def findability_json(view: ThemeFindabilityView) -> dict[str, Any]:
    """A theme's findability: now, trend, history and the questions that fail."""
    code = view.theme.code
    latest = view.history[-1] if view.history and view.now.share is not None else None
    return {
        "thema": {"code": code, "naam": view.theme.name},
        "vindbaar": view.now.share,
        "trend": view.now.trend or None,
        "criterium": view.threshold,
        "onderCriterium": view.below_threshold,
        "laatsteMeting": _measurement_json(latest) if latest is not None else None,
        "historie": [_measurement_json(point) for point in view.history],
        "nietVindbaar": [
            {
                "vraag": result.question,
                "oefening": result.exercise_id is not None,
                "zoekvragen": result.queries_total,
                "geslaagdeZoekvragen": result.queries_passed,
                "mislukteZoekvragen": [
                    {
                        "zoekvraag": failed.query,
                        "bron": failed.source,
                        "slechtsteRang": failed.worst_rank,
                        "aantalResultaten": failed.result_count,
                        "_links": {
                            "probeer": {
                                "href": url_for("practice.search", q=failed.query, _external=True)
                            }
                        },
                    }
                    for failed in result.failed
                ],
            }
            for result in view.failing
        ],
        "_links": {
            "self": link("theme_findability", code=code),
            "thema": link("theme", code=code),
        },
    }


def theme_detail_json(detail: ThemeDetail) -> dict[str, Any]:
    code = detail.theme.code
    return {
        **theme_json(detail.summary),
        "omschrijving": detail.theme.description or "",
        "bijgewerktOp": iso_datetime(detail.theme.updated_at),
        "niveaus": [
            {
                "nummer": view.number,
                "naam": view.name,
                "vraag": view.question,
                "status": LevelStatus(view.status).value,
                "criteria": [
                    {"id": c.id, "tekst": c.text, "voldaan": met} for c, met in view.criteria
                ],
            }
            for view in detail.levels
        ],
        "openCriteria": [
            {"id": c.id, "niveau": c.level_number, "tekst": c.text} for c in detail.open_criteria
        ],
        "geschiedenis": [
            {
                "beoordelingId": entry.assessment.id,
                "beoordeeldOp": iso_date(entry.assessment.assessed_on),
                "niveau": _level(entry.level),
                "verandering": entry.change,
                "_links": {"self": link("theme_assessment", code=code, id=entry.assessment.id)},
            }
            for entry in detail.history
        ],
    }


def assessment_json(assessment: Assessment, level: int, code: str) -> dict[str, Any]:
    assessor: User | None = assessment.assessor
    return {
        "id": assessment.id,
        "thema": code,
        "beoordeeldOp": iso_date(assessment.assessed_on),
        "niveau": _level(level),
        "statussen": statuses_json({r.level_number: r.status for r in assessment.level_statuses}),
        "criteriaVoldaan": sorted(c.id for c in assessment.criteria_met),
        "bewijs": [{"titel": e.title, "url": e.url} for e in assessment.evidence],
        "beoordelaar": assessor.display_name if assessor is not None else None,
        "toelichting": assessment.note or "",
        "aangemaaktOp": iso_datetime(assessment.created_at),
        "_links": {
            "self": link("theme_assessment", code=code, id=assessment.id),
            "thema": link("theme", code=code),
        },
    }


def analysis_json(analysis: Analysis) -> dict[str, Any]:
    return {
        "id": analysis.id,
        "naam": analysis.name,
        "niveau": analysis.level_number,
        "status": analysis.status,
        "databronnen": analysis.data_sources or "",
        "omschrijving": analysis.description or "",
        "bijgewerktOp": iso_datetime(analysis.updated_at),
    }


def level_json(level: AnalysisLevel) -> dict[str, Any]:
    return {
        "nummer": level.number,
        "naam": level.name,
        "vraag": level.question,
        "omschrijving": level.description or "",
        "criteria": [
            {"id": c.id, "tekst": c.text, "positie": c.position, "actief": c.active}
            for c in level.criteria
        ],
    }


def _parts_json(parts: Iterable[TextPart]) -> list[dict[str, Any]]:
    return [{"tekst": part.text, "gemarkeerd": part.marked} for part in parts]


def _theme_ref(code: str, name: str) -> dict[str, str] | None:
    return {"code": code, "naam": name} if code else None


def hit_json(hit: Hit) -> dict[str, Any]:
    snippet = _parts_json(hit.snippet_parts)
    return {
        "id": hit.doc_id,
        "titel": hit.title,
        "titelDelen": _parts_json(hit.title_parts),
        "snippet": "".join(part["tekst"] for part in snippet),
        "snippetDelen": snippet,
        "type": hit.doctype,
        "thema": _theme_ref(hit.theme, hit.theme_name),
        "jaar": hit.year or None,
        "afdeling": hit.department,
        "gepubliceerdOp": iso_date(hit.published),
        "bron": hit.source,
        "score": hit.score,
        "_links": {"self": link("document", id=hit.doc_id)},
    }


def search_json(result: SearchResult, page: Page) -> dict[str, Any]:
    return {
        **paged_body("documenten", page, [hit_json(hit) for hit in result.hits]),
        "facetten": {
            key: [
                {"waarde": f.value, "label": f.label, "aantal": f.count, "geselecteerd": f.selected}
                for f in result.facets.get(key, [])
            ]
            for key in FACET_KEYS
        },
        "suggestie": result.suggestion,
        "begrepenAls": understood_text(result.understood),
        "tips": [text for text in map(hint_text, result.hints) if text],
        "sortering": "datum" if result.sort == "date" else "relevantie",
    }


def document_json(document: Document) -> dict[str, Any]:
    theme = document.theme
    return {
        "id": document.id,
        "titel": document.title,
        "samenvatting": document.summary or "",
        "tekst": document.body or "",
        "type": document.doctype,
        "thema": _theme_ref(theme.code, theme.name) if theme is not None else None,
        "jaar": document.year,
        "gepubliceerdOp": iso_date(document.published),
        "afdeling": document.department or "",
        "auteur": document.author or "",
        "bron": document.source or "",
        "bijgewerktOp": iso_datetime(document.updated_at),
        "_links": {"self": link("document", id=document.id)},
    }


def progress_json(progress: ModuleProgress) -> dict[str, Any]:
    return {
        "lessenGelezen": progress.lessons_read,
        "lessenTotaal": progress.lessons_total,
        "oefeningenGehaald": progress.exercises_passed,
        "oefeningenTotaal": progress.exercises_total,
        "score": round(progress.score, 4),
        "procent": progress.percent,
        "afgerond": progress.completed,
    }


def module_json(module: Module, lessons: Sequence[Any], exercises: Sequence[Exercise]) -> dict:
    return {
        "slug": module.slug,
        "titel": module.title,
        "samenvatting": module.summary or "",
        "doelen": module.goal_list,
        "minuten": module.minutes,
        "gepubliceerd": module.published,
        "aantalLessen": len(lessons),
        "aantalOefeningen": len(exercises),
        "bijgewerktOp": iso_datetime(module.updated_at),
        "_links": {"self": link("module", slug=module.slug)},
    }


def module_detail_json(
    module: Module,
    lessons: Sequence[Any],
    exercises: Sequence[Exercise],
    progress: ModuleProgress,
) -> dict[str, Any]:
    return {
        **module_json(module, lessons, exercises),
        "lessen": [{"slug": lesson.slug, "titel": lesson.title} for lesson in lessons],
        "oefeningen": [
            {
                "slug": e.slug,
                "titel": e.title,
                "soort": e.kind,
                "_links": {"self": link("exercise", slug=e.slug)},
            }
            for e in exercises
        ],
        "mijnVoortgang": progress_json(progress),
    }


def exercise_json(exercise: Exercise, *, with_key: bool) -> dict[str, Any]:
    """An exercise; the answer key only when `with_key` (trainers and admins)."""
    data: dict[str, Any] = {
        "slug": exercise.slug,
        "titel": exercise.title,
        "soort": exercise.kind,
        "module": exercise.module.slug,
        "opdracht": exercise.prompt or "",
        "vereisteVaardigheid": exercise.required_skill or None,
        "slaaggrens": float(exercise.pass_threshold),
        "maxPogingen": exercise.max_attempts,
        "gepubliceerd": exercise.published,
        "_links": {
            "self": link("exercise", slug=exercise.slug),
            "module": link("module", slug=exercise.module.slug),
        },
    }
    if with_key:
        data["antwoordsleutel"] = {
            "sleuteldocumenten": [d.id for d in exercise.key_documents],
            "geaccepteerdeAntwoorden": [str(a) for a in exercise.accepted_answers or []],
            "rubric": [str(r) for r in exercise.rubric or []],
            "expertZoekvraag": exercise.expert_query or "",
            "expertFilters": {
                str(key): [str(v) for v in values]
                for key, values in (exercise.expert_filters or {}).items()
            },
            "hints": [str(h) for h in exercise.hints or []],
        }
    return data


def team_json(team: Team, members: int) -> dict[str, Any]:
    return {
        "id": team.id,
        "naam": team.name,
        "omschrijving": team.description or "",
        "aantalLeden": members,
        "_links": {"voortgang": link("team_progress", id=team.id)},
    }


def assignment_json(assignment: Any, counts: dict[str, int]) -> dict[str, Any]:
    work = assignment.module if assignment.module is not None else assignment.exercise
    return {
        "id": assignment.id,
        "soort": "module" if assignment.module is not None else "oefening",
        "werk": {"slug": work.slug, "titel": work.title},
        "uiterlijk": assignment.due_date.isoformat(),
        "bericht": assignment.message or "",
        "teams": sorted(t.team.name for t in assignment.targets if t.team is not None),
        "personen": sorted(t.user.username for t in assignment.targets if t.user is not None),
        "aantallen": counts,
    }


def member_progress_json(
    user: User, progress: list[ModuleProgress], stats: TrailStats
) -> dict[str, Any]:
    return {
        "gebruikersnaam": user.username,
        "naam": user.display_name,
        "modules": [
            {"module": p.module.slug, "titel": p.module.title, **progress_json(p)} for p in progress
        ],
        "zoekgedrag": {
            "zoekopdrachten": stats.searches,
            "perOefening": stats.per_exercise,
            "zonderResultaat": stats.zero_results,
            "metFilters": stats.filtered,
        },
    }


# --- the OpenAPI document ---------------------------------------------------------------------

ROLE_NAMES = {
    Role.ADMIN: "beheerder",
    Role.PROGRAMME_MANAGER: "programmamanager",
    Role.TRAINER: "trainer",
    Role.EMPLOYEE: "medewerker",
}
API_VERSION_HEADER = {
    "description": "De volledige versie van de API (semantic versioning).",
    "schema": {"type": "string", "pattern": r"^[0-9]+\.[0-9]+\.[0-9]+$"},
    "required": True,
}
ERROR_DESCRIPTIONS = {
    400: "Ongeldige invoer: invalidParams noemt elke fout, alle tegelijk.",
    401: "Geen, een onbekend, een verlopen of een ingetrokken token.",
    403: "Je rol geeft geen toegang, of het token mag alleen lezen.",
    404: "De bron bestaat niet.",
    415: "De inhoud is geen application/json.",
    500: "Fout aan de kant van de server.",
}
SUCCESS_DESCRIPTIONS = {200: "Gelukt.", 201: "Aangemaakt; Location wijst naar de nieuwe bron."}


def _problem_response(status: int) -> dict[str, Any]:
    response: dict[str, Any] = {
        "description": ERROR_DESCRIPTIONS[status],
        "headers": {"API-Version": {"$ref": "#/components/headers/API-Version"}},
        "content": {PROBLEM_MEDIA_TYPE: {"schema": ref("Problem")}},
    }
    if status == 401:
        response["headers"]["WWW-Authenticate"] = {
            "description": 'De uitdaging, bijvoorbeeld Bearer realm="Data Academie".',
            "schema": STRING,
            "required": True,
        }
    return response


ERROR_RESPONSE_NAMES = {
    400: "OngeldigeInvoer",
    401: "NietGeauthenticeerd",
    403: "GeenToegang",
    404: "NietGevonden",
    415: "MediatypeNietOndersteund",
    500: "Serverfout",
}


def _errors_of(op: Operation) -> list[int]:
    statuses = [400]  # every operation refuses unknown query parameters
    if not op.public:
        statuses.append(401)
    if op.roles:
        statuses.append(403)
    if op.path_params:
        statuses.append(404)
    if op.request_body:
        statuses.append(415)
    statuses.append(500)
    return statuses


def _roles_text(op: Operation) -> str:
    if op.public:
        return "Openbaar: geen token nodig."
    if not op.roles:
        return "Voor iedereen met een geldig token."
    names = [ROLE_NAMES[role] for role in op.roles] + [ROLE_NAMES[Role.ADMIN]]
    return "Alleen voor: " + ", ".join(dict.fromkeys(names)) + "."


def _operation_spec(op: Operation) -> dict[str, Any]:
    success: dict[str, Any] = {
        "description": SUCCESS_DESCRIPTIONS[op.status],
        "headers": {"API-Version": {"$ref": "#/components/headers/API-Version"}},
        "content": {
            "application/json": {"schema": ref(op.response) if op.response else {"type": "object"}}
        },
    }
    for header in op.response_headers:
        success["headers"][header] = {"$ref": f"#/components/headers/{header}"}
    spec: dict[str, Any] = {
        "operationId": op.endpoint.removeprefix("api."),
        "summary": op.summary,
        "description": " ".join(part for part in (op.description, _roles_text(op)) if part),
        "tags": [op.tag],
        "parameters": [p.openapi() for p in op.path_params] + [p.openapi() for p in op.params],
        "responses": {
            str(op.status): success,
            **{
                str(status): {"$ref": f"#/components/responses/{ERROR_RESPONSE_NAMES[status]}"}
                for status in _errors_of(op)
            },
        },
    }
    if op.public:
        spec["security"] = []
    if op.request_body:
        spec["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": ref(op.request_body)}},
        }
    return spec


TAGS = [
    ("Thema's", "Volwassenheid van beleidsthema's op de analyseladder."),
    ("Ladder", "De vijf niveaus en hun criteria."),
    ("Documenten", "Zoeken in de oefenindex."),
    ("Training", "Modules, oefeningen en voortgang."),
    ("API", "Het OpenAPI-document zelf."),
]


def openapi_document() -> dict[str, Any]:
    """The OpenAPI 3.1 document, built from OPERATIONS and SCHEMAS."""
    paths: dict[str, dict[str, Any]] = {}
    for op in OPERATIONS:
        paths.setdefault(op.path, {})[op.method] = _operation_spec(op)
    problem_list = "; ".join(
        f"{p.status} {p.title} (#probleem-{p.slug})" for p in PROBLEM_TYPES.values()
    )
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Data Academie API",
            "version": API_VERSION,
            "description": (
                "Open data-API van de Data Academie, volgens de NL API Design Rules: thema's "
                "met hun niveau op de analyseladder, beoordelingen, analyses, de ladder, zoeken "
                "in de oefenindex, modules, oefeningen en teamvoortgang. Authenticatie met een "
                "persoonlijk API-token (Authorization: Bearer <token>), te maken op /profiel; "
                "dezelfde rollen als in de webapplicatie. Collecties hebben page/pageSize "
                "(hoogstens 100) en _links; onbekende queryparameters geven 400. Datums zijn "
                "ISO 8601, tijdstippen in UTC met Z. Fouten zijn application/problem+json; het "
                "type verwijst naar de uitleg op /api: " + problem_list + "."
            ),
            "contact": {
                "name": "Data Academie, team Data en Onderzoek",
                "url": url_for("api.documentation", _external=True),
            },
        },
        "servers": [{"url": API_PREFIX, "description": "Deze server"}],
        "security": [{"bearerAuth": []}],
        "tags": [{"name": name, "description": text} for name, text in TAGS],
        "paths": paths,
        "components": {
            "schemas": SCHEMAS,
            "securitySchemes": {
                "bearerAuth": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "Een persoonlijk API-token van /profiel.",
                }
            },
            "headers": {
                "API-Version": API_VERSION_HEADER,
                "Location": {
                    "description": "Het adres van de nieuwe bron.",
                    "schema": {"type": "string", "format": "uri"},
                    "required": True,
                },
            },
            "responses": {
                ERROR_RESPONSE_NAMES[status]: _problem_response(status)
                for status in ERROR_RESPONSE_NAMES
            },
        },
    }
