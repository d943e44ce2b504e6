"""The API's resources. Each view is declared with @operation, which also describes it in
the OpenAPI document; the roles are the web pages' roles."""

from __future__ import annotations

from flask import Response, render_template, request
from flask.typing import ResponseReturnValue

from academy.api import API_PREFIX, API_VERSION, bp, services
from academy.api.operations import Call, json_response, operation
from academy.api.params import Param, PathParam, page_params
from academy.api.problems import PROBLEM_TYPES, ApiProblem, InvalidParam, invalid_input
from academy.api.schemas import (
    analysis_json,
    assessment_json,
    assignment_json,
    document_json,
    exercise_json,
    findability_json,
    level_json,
    member_progress_json,
    module_detail_json,
    module_json,
    openapi_document,
    paged_body,
    search_json,
    team_json,
    theme_detail_json,
    theme_json,
)
from academy.extensions import db
from academy.findability import services as findability
from academy.maturity import services as maturity
from academy.models import Assessment, Role, Team, Theme
from academy.practice import services as practice
from academy.training import services as training
from academy.training import trail
from search_module import SearchRequest

THEMES = "Thema's"
LADDER = "Ladder"
DOCUMENTS = "Documenten"
TRAINING = "Training"

CODE = PathParam("code", "string", "De code van het thema, bijvoorbeeld vsv.")
ID = PathParam("id", "integer", "Het id.")
SLUG = PathParam("slug", "string", "De slug, bijvoorbeeld zoeken-met-operatoren.")
PAGING = page_params()


@bp.after_app_request
def api_headers(response: Response) -> Response:
    """Every API response names the full version (design rule: API-Version header)."""
    if request.path.startswith("/api/"):
        response.headers["API-Version"] = API_VERSION
    return response


def _not_found() -> ApiProblem:
    return ApiProblem(404, "Deze bron bestaat niet.")


def _theme(code: str) -> Theme:
    theme = maturity.get_theme(code)
    if theme is None:
        raise _not_found()
    return theme


def _is_trainer(call: Call) -> bool:
    return call.user is not None and call.user.has_role(Role.TRAINER)


# --- themes -----------------------------------------------------------------------------------


@operation(
    "/themas",
    summary="Thema's met hun huidige niveau, volgende stap en doel",
    tag=THEMES,
    response="ThemaPagina",
    params=(
        Param("domein", "string", "Alleen thema's in dit domein.", max_length=80),
        Param("niveau", "integer", "Alleen thema's op dit huidige niveau.", minimum=0, maximum=4),
        Param("achterOpDoel", "boolean", "true: alleen thema's die achter liggen op hun doel."),
        Param(
            "inclusiefGearchiveerd",
            "boolean",
            "true: ook gearchiveerde thema's.",
            default=False,
        ),
        *PAGING,
    ),
)
def themes(call: Call) -> Response:
    """Op naam en dan code gesorteerd."""
    q = call.query
    rows = services.theme_list(
        domain=q["domein"],
        level=q["niveau"],
        behind=q["achterOpDoel"],
        include_archived=q["inclusiefGearchiveerd"],
    )
    page = services.page_of(rows, q["page"], q["pageSize"])
    return json_response(paged_body("themas", page, [theme_json(s) for s in page.items]))


@operation(
    "/themas/{code}",
    summary="Eén thema: niveaus met criteria, open criteria, doel en geschiedenis",
    tag=THEMES,
    response="ThemaDetail",
    path_params=(CODE,),
)
def theme(call: Call, code: str) -> Response:
    return json_response(theme_detail_json(maturity.theme_detail(_theme(code))))


@operation(
    "/themas/{code}/vindbaarheid",
    summary="De vindbaarheid van een thema: nu, trend, historie en de vragen die falen",
    tag=THEMES,
    response="Vindbaarheid",
    path_params=(CODE,),
)
def theme_findability(call: Call, code: str) -> Response:
    """Gemeten door de vindbaarheidsscan (elke nacht, of op verzoek vanaf de themapagina):
    per sleutelvraag zoekt de scan met de vastgelegde zoekvragen, de woorden van de vraag
    en de zoekvragen van cursisten, en kijkt waar de sleuteldocumenten staan. Historie:
    oudste eerst, hoogstens 24 scans. nietVindbaar komt uit de laatste scan."""
    return json_response(findability_json(findability.theme_view(_theme(code))))


@operation(
    "/themas/{code}/beoordelingen",
    summary="De beoordelingen van een thema (de geschiedenis)",
    tag=THEMES,
    response="BeoordelingPagina",
    path_params=(CODE,),
    params=PAGING,
)
def theme_assessments(call: Call, code: str) -> Response:
    """Nieuwste eerst: op datum, dan id."""
    rows = services.theme_assessments(_theme(code))
    page = services.page_of(rows, call.query["page"], call.query["pageSize"])
    items = [assessment_json(a, level, code) for a, level in page.items]
    return json_response(paged_body("beoordelingen", page, items))


@operation(
    "/themas/{code}/beoordelingen",
    "POST",
    summary="Een beoordeling vastleggen",
    tag=THEMES,
    response="Beoordeling",
    status=201,
    path_params=(CODE,),
    request_body="NieuweBeoordeling",
    roles=(Role.PROGRAMME_MANAGER,),
    response_headers=("Location",),
)
def create_assessment(call: Call, code: str) -> Response:
    """Eerdere beoordelingen blijven staan; het huidige niveau volgt uit de nieuwste."""
    theme = _theme(code)
    new, problems = services.read_new_assessment(call.body)
    if new is None:
        raise invalid_input(problems)
    try:
        assessment = maturity.record_assessment(
            theme,
            assessor=call.user,
            assessed_on=new.assessed_on,
            statuses=new.statuses,
            criteria_met=new.criteria_met,
            evidence_text=new.evidence_text,
            note=new.note,
        )
    except maturity.ValidationFailed as error:  # a rule the checks above did not foresee
        raise invalid_input([InvalidParam("body", m) for m in error.messages]) from None
    body = assessment_json(assessment, maturity.assessment_level(assessment), code)
    return json_response(body, 201, headers={"Location": body["_links"]["self"]["href"]})


@operation(
    "/themas/{code}/beoordelingen/{id}",
    summary="Eén beoordeling",
    tag=THEMES,
    response="Beoordeling",
    path_params=(CODE, ID),
)
def theme_assessment(call: Call, code: str, id: int) -> Response:  # noqa: A002
    theme = _theme(code)
    assessment = db.session.get(Assessment, id)
    if assessment is None or assessment.theme_id != theme.id:
        raise _not_found()
    return json_response(assessment_json(assessment, maturity.assessment_level(assessment), code))


@operation(
    "/themas/{code}/analyses",
    summary="De analyseproducten van een thema",
    tag=THEMES,
    response="AnalysePagina",
    path_params=(CODE,),
    params=PAGING,
)
def theme_analyses(call: Call, code: str) -> Response:
    """Op naam, dan id."""
    rows = services.theme_analyses(_theme(code))
    page = services.page_of(rows, call.query["page"], call.query["pageSize"])
    return json_response(paged_body("analyses", page, [analysis_json(a) for a in page.items]))


@operation(
    "/niveaus",
    summary="De analyseladder: vijf niveaus met hun criteria",
    tag=LADDER,
    response="NiveauPagina",
    params=PAGING,
)
def levels(call: Call) -> Response:
    page = services.page_of(maturity.list_levels(), call.query["page"], call.query["pageSize"])
    return json_response(paged_body("niveaus", page, [level_json(lv) for lv in page.items]))


# --- documents --------------------------------------------------------------------------------


@operation(
    "/documenten",
    summary="Zoeken in de oefenindex, met filters, facetten en paginering",
    tag=DOCUMENTS,
    response="Zoekresultaat",
    params=(
        Param(
            "q",
            "string",
            "De zoekvraag, met dezelfde syntaxis als de zoekpagina (AND, OR, NOT, "
            '"woordgroep", woord*, veld:waarde). Leeg: alle documenten, nieuwste eerst.',
            max_length=500,
        ),
        Param("type", "string", "Documenttype; herhaal voor meer (OF).", True, max_length=120),
        Param("thema", "string", "Themacode; herhaal voor meer (OF).", True, max_length=120),
        Param(
            "jaar",
            "integer",
            "Jaar; herhaal voor meer (OF).",
            True,
            minimum=1000,
            maximum=9999,
        ),
        Param("afdeling", "string", "Afdeling; herhaal voor meer (OF).", True, max_length=120),
        Param(
            "sort",
            "string",
            "relevantie (standaard) of datum (nieuwste eerst).",
            enum=("relevantie", "datum"),
            default="relevantie",
        ),
        *page_params(default_size=10),
    ),
)
def documents(call: Call) -> Response:
    """Filters werken als OF binnen een sleutel en EN tussen sleutels. Elke zoekvraag komt,
    net als op de zoekpagina, in het zoekspoor van de gebruiker."""
    q = call.query
    filters = {
        key: [str(value) for value in q[key]]
        for key in ("type", "thema", "jaar", "afdeling")
        if q[key]
    }
    search = SearchRequest(
        query=q["q"] or "",
        filters=filters,
        sort="date" if q["sort"] == "datum" else "relevance",
        page=q["page"],
        page_size=q["pageSize"],
    )
    # "api": not a search in the practice UI, where opening a result can be seen (search gaps).
    result = practice.run_search(search, user=call.user, kind="api")
    page = services.Page(result.hits, result.total, q["page"], q["pageSize"])
    return json_response(search_json(result, page))


@operation(
    "/documenten/{id}",
    summary="Eén document uit de oefenindex, met de volledige tekst",
    tag=DOCUMENTS,
    response="Document",
    path_params=(ID,),
)
def document(call: Call, id: int) -> Response:  # noqa: A002
    found = services.get_document(id)
    if found is None:
        raise _not_found()
    return json_response(document_json(found))


# --- training ---------------------------------------------------------------------------------


@operation(
    "/modules",
    summary="Trainingsmodules",
    tag=TRAINING,
    response="ModulePagina",
    params=PAGING,
)
def modules(call: Call) -> Response:
    """Gepubliceerde modules in cursusvolgorde; trainers zien ook concepten."""
    rows = training.list_modules(include_drafts=_is_trainer(call))
    page = services.page_of(rows, call.query["page"], call.query["pageSize"])
    items = [
        module_json(m, training.visible_lessons(m), training.visible_exercises(m))
        for m in page.items
    ]
    return json_response(paged_body("modules", page, items))


@operation(
    "/modules/{slug}",
    summary="Eén module met lessen, oefeningen en je eigen voortgang",
    tag=TRAINING,
    response="ModuleDetail",
    path_params=(SLUG,),
)
def module(call: Call, slug: str) -> Response:
    found = training.get_module(slug, include_drafts=_is_trainer(call))
    if found is None:
        raise _not_found()
    return json_response(
        module_detail_json(
            found,
            training.visible_lessons(found),
            training.visible_exercises(found),
            training.module_progress(call.signed_in_user, found),
        )
    )


@operation(
    "/oefeningen",
    summary="Oefeningen",
    tag=TRAINING,
    response="OefeningPagina",
    params=(
        Param("module", "string", "Alleen oefeningen van deze module (slug).", max_length=80),
        *PAGING,
    ),
)
def exercises(call: Call) -> Response:
    """In cursusvolgorde. Alleen trainers krijgen de antwoordsleutel mee."""
    trainer = _is_trainer(call)
    rows = services.exercise_list(module_slug=call.query["module"], include_drafts=trainer)
    page = services.page_of(rows, call.query["page"], call.query["pageSize"])
    items = [exercise_json(e, with_key=trainer) for e in page.items]
    return json_response(paged_body("oefeningen", page, items))


@operation(
    "/oefeningen/{slug}",
    summary="Eén oefening",
    tag=TRAINING,
    response="Oefening",
    path_params=(SLUG,),
)
def exercise(call: Call, slug: str) -> Response:
    """De antwoordsleutel staat er alleen in voor trainers (en beheerders)."""
    trainer = _is_trainer(call)
    found = training.get_exercise(slug, include_drafts=trainer)
    if found is None:
        raise _not_found()
    return json_response(exercise_json(found, with_key=trainer))


@operation(
    "/teams",
    summary="Teams",
    tag=TRAINING,
    response="TeamPagina",
    params=PAGING,
    roles=(Role.TRAINER, Role.PROGRAMME_MANAGER),
)
def teams(call: Call) -> Response:
    page = services.page_of(services.team_list(), call.query["page"], call.query["pageSize"])
    return json_response(paged_body("teams", page, [team_json(t, n) for t, n in page.items]))


@operation(
    "/opdrachten",
    summary="Actieve opdrachten met het aantal deelnemers per status",
    tag=TRAINING,
    response="OpdrachtPagina",
    params=PAGING,
    roles=(Role.TRAINER,),
)
def assignments(call: Call) -> Response:
    from academy.assignments import services as assignment_services

    matrix = assignment_services.assignment_matrix(assignment_services.MatrixFilter())
    counts = {
        a.id: dict.fromkeys(("open", "bezig", "ingeleverd", "voldaan", "te_laat"), 0)
        for a in matrix.assignments
    }
    for (_user, assignment_id), cell in matrix.cells.items():
        counts[assignment_id][cell.status.value] += 1
    page = services.page_of(matrix.assignments, call.query["page"], call.query["pageSize"])
    items = [assignment_json(a, counts[a.id]) for a in page.items]
    return json_response(paged_body("opdrachten", page, items))


@operation(
    "/teams/{id}/voortgang",
    summary="Trainingsvoortgang per teamlid",
    tag=TRAINING,
    response="TeamVoortgang",
    path_params=(ID,),
    params=PAGING,
    roles=(Role.TRAINER, Role.PROGRAMME_MANAGER),
)
def team_progress(call: Call, id: int) -> Response:  # noqa: A002
    team = db.session.get(Team, id)
    if team is None:
        raise _not_found()
    page = services.page_of(services.team_members(team), call.query["page"], call.query["pageSize"])
    stats = trail.trail_stats_by_learner(u.id for u in page.items)
    members = [
        member_progress_json(u, p, stats[u.id]) for u, p in services.member_progress(page.items)
    ]
    return json_response(
        {"team": {"id": team.id, "naam": team.name}, **paged_body("leden", page, members)}
    )


# --- the document about all of the above ------------------------------------------------------


@operation(
    "/openapi.json",
    summary="Dit OpenAPI-document",
    tag="API",
    response=None,
    public=True,
)
def openapi(call: Call) -> Response:
    response = json_response(openapi_document())
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


@bp.route("/api")
def documentation() -> ResponseReturnValue:
    """The human-readable page: every operation from the document, and the problem types."""
    return render_template(
        "api/documentation.html",
        document=openapi_document(),
        api_prefix=API_PREFIX,
        problem_types=list(PROBLEM_TYPES.values()),
    )
