from typing import Any, TypeVar

from flask import (
    Response,
    abort,
    flash,
    get_template_attribute,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user, login_required
from markupsafe import Markup
from sqlalchemy import select
from wtforms import SelectChoice

from academy.assignments import bp, services
from academy.assignments.forms import AssignmentForm
from academy.assignments.services import MatrixFilter, Status
from academy.audit.services import AuditAction, commit_event
from academy.auth.decorators import role_required
from academy.errors import ValidationFailed
from academy.extensions import Model, db
from academy.forms import ConfirmForm
from academy.models import Assignment, Module, Role, Team, User
from academy.security import MAX_ID
from academy.spreadsheets import download, file_name
from academy.training import services as training_services
from academy.training import skills, trail

TRAINERS = (Role.TRAINER,)
FILTER_KEYS = ("team", "module", "status")


def status_labels() -> dict[Status, str]:
    return {
        Status.OPEN: _("open"),
        Status.STARTED: _("bezig"),
        Status.SUBMITTED: _("ingeleverd"),
        Status.DONE: _("voldaan"),
        Status.OVERDUE: _("te laat"),
    }


@bp.route("")
@login_required
def mine() -> ResponseReturnValue:
    return render_template(
        "assignments/mine.html",
        items=services.my_assignments(current_user),
        labels=status_labels(),
    )


def _matrix_filter() -> tuple[MatrixFilter, list[str]]:
    notices = []

    def number(name: str) -> int | None:
        raw = request.args.get(name, "")
        if not raw:
            return None
        if raw.isascii() and raw.isdecimal() and len(raw) < 10:
            return int(raw)
        notices.append(_("Een filter is niet herkend en genegeerd."))
        return None

    raw_status = request.args.get("status", "")
    status = None
    if raw_status:
        try:
            status = Status(raw_status)
        except ValueError:
            notices.append(_("Een filter is niet herkend en genegeerd."))
    return MatrixFilter(team_id=number("team"), module_id=number("module"), status=status), notices


@bp.route("/overzicht")
@role_required(*TRAINERS)
def overview() -> ResponseReturnValue:
    filters, notices = _matrix_filter()
    matrix = services.assignment_matrix(filters)
    labels = status_labels()
    # The same filters for the downloads; built from the known keys only, because other
    # query arguments (`_method`, `_scheme`, ...) would steer url_for (a 500).
    export_args: dict[str, Any] = {
        key: request.args[key] for key in FILTER_KEYS if key in request.args
    }
    return render_template(
        "assignments/overview.html",
        matrix=matrix,
        rows=_matrix_rows(matrix, labels),
        group_skills=skills.learners_with_skill(u.id for u in matrix.learners),
        trail_stats=trail.trail_stats_by_learner(u.id for u in matrix.learners),
        filters=filters,
        notices=notices,
        labels=labels,
        teams=list(db.session.scalars(select(Team).order_by(Team.name))),
        modules=list(db.session.scalars(select(Module).order_by(Module.position))),
        statuses=list(Status),
        confirm=ConfirmForm(),
        # The same filters for the download; built from the known keys only, because other
        # query arguments (`_method`, `_scheme`, ...) would steer url_for (a 500).
        csv_url=url_for("assignments.overview_csv", **export_args),
        xlsx_url=url_for("assignments.overview_xlsx", **export_args),
    )


def _matrix_rows(matrix: services.Matrix, labels: dict) -> list[tuple[User, Markup]]:
    """Each learner with the HTML of their row of cells. A cell is rendered by the
    `matrix_cell` macro once per distinct look (status, late, percent) and reused: 500
    learners x 40 assignments are 20,000 cells but only a few dozen different ones, and
    rendering each one in the template took seconds."""
    render_cell = get_template_attribute("assignments/_macros.html", "matrix_cell")
    rendered: dict[tuple | None, str] = {}
    rows = []
    assignment_ids = [a.id for a in matrix.assignments]
    for learner in matrix.learners:
        parts = []
        for assignment_id in assignment_ids:
            cell = matrix.cells.get((learner.id, assignment_id))
            look = None
            if cell is not None:
                percent = None if cell.score is None else round(cell.score * 100)
                look = (cell.status, cell.late, percent, cell.percent)
            html = rendered.get(look)
            if html is None:
                html = rendered[look] = str(render_cell(cell, labels))
            parts.append(html)
        # Every part is the macro's (safe) output: join as plain text, mark safe once
        # (Markup.join would escape-check all 20,000 parts again).
        rows.append((learner, Markup("".join(parts))))
    return rows


@bp.route("/overzicht.csv")
@role_required(*TRAINERS)
def overview_csv() -> ResponseReturnValue:
    return _overview_export("csv")


@bp.route("/overzicht.xlsx")
@role_required(*TRAINERS)
def overview_xlsx() -> ResponseReturnValue:
    return _overview_export("xlsx")


def _overview_export(fmt: str) -> Response:
    """The matrix as rows (one per learner and assignment with work), with the page's filters."""
    filters, _notices = _matrix_filter()
    matrix = services.assignment_matrix(filters)
    labels = status_labels()
    header = [
        _("Deelnemer"),
        _("Gebruikersnaam"),
        _("Team"),
        _("Opdracht"),
        _("Uiterste datum"),
        _("Status"),
        _("Score"),
        _("Te laat afgerond"),
        _("Afgerond op"),
    ]
    # Texts per learner and per assignment once, not per row (3,000 rows at size).
    yes, no = _("ja"), _("nee")
    columns = [(a.id, a.title, a.due_date) for a in matrix.assignments]
    rows = []
    for learner in matrix.learners:
        person = (learner.display_name, learner.username, learner.team.name if learner.team else "")
        for assignment_id, title, due in columns:
            cell = matrix.cells.get((learner.id, assignment_id))
            if cell is None:
                continue
            rows.append(
                [
                    *person,
                    title,
                    due,
                    labels[cell.status],
                    None if cell.score is None else round(cell.score * 100),
                    yes if cell.late else no,
                    cell.done_at.date() if cell.done_at else None,
                ]
            )
    team = db.session.get(Team, filters.team_id) if filters.team_id else None
    module = db.session.get(Module, filters.module_id) if filters.module_id else None
    name = file_name(
        "opdrachten-overzicht",
        [
            team.name if team else None,
            module.slug if module else None,
            labels[filters.status] if filters.status else None,
        ],
        fmt,
    )
    commit_event(  # the matrix names people: who took it home goes into the audit trail
        AuditAction.PERSONAL_DATA_EXPORTED,
        details={"export": "voortgangsmatrix", "formaat": fmt, "deelnemers": len(matrix.learners)},
    )
    return download(header, rows, fmt, name, _("Voortgang"))


def _form(assignment: Assignment | None) -> AssignmentForm:
    form = AssignmentForm(obj=assignment)
    # Only published work can be assigned: learners cannot open a draft.
    modules = list(
        db.session.scalars(
            select(Module).where(Module.published.is_(True)).order_by(Module.position, Module.id)
        )
    )
    choices = [SelectChoice("", _("— kies —"))]
    for module in modules:
        choices.append(
            SelectChoice(f"module-{module.id}", _("Module: %(title)s", title=module.title))
        )
        for exercise in (e for e in module.exercises if e.published):
            choices.append(
                SelectChoice(f"oefening-{exercise.id}", f"   {module.title} › {exercise.title}")
            )
    form.work.choices = choices
    form.users.choices = [
        SelectChoice(u.id, f"{u.display_name} ({u.team.name if u.team else _('geen team')})")
        for u in services.learners()
    ]
    form.teams.choices = [
        SelectChoice(t.id, t.name) for t in db.session.scalars(select(Team).order_by(Team.name))
    ]
    if assignment is not None and not form.is_submitted():
        form.work.data = (
            f"module-{assignment.module_id}"
            if assignment.module_id
            else f"oefening-{assignment.exercise_id}"
        )
        form.users.data = [t.user_id for t in assignment.targets if t.user_id]
        form.teams.data = [t.team_id for t in assignment.targets if t.team_id]
    return form


def _work(form: AssignmentForm) -> dict[str, int | None]:
    kind, _sep, raw_id = (form.work.data or "").partition("-")
    work_id = int(raw_id) if raw_id.isascii() and raw_id.isdecimal() else None
    return {
        "module_id": work_id if kind == "module" else None,
        "exercise_id": work_id if kind == "oefening" else None,
    }


def _save(assignment: Assignment | None) -> ResponseReturnValue:
    form = _form(assignment)
    if not form.is_submitted():
        return render_template("assignments/form.html", form=form, assignment=assignment)
    values = dict(
        _work(form),
        user_ids=form.users.data or [],
        team_ids=form.teams.data or [],
        due_date=form.due_date.data,
        message=form.message.data or "",
    )
    if not form.validate():
        # Report the rules only the service checks too, so every problem shows at once;
        # leave out the ones a field has already reported in its own words.
        fields = {
            "work": [form.work],
            "people": [form.users, form.teams],  # "none chosen" is wrong if one was garbled
            "unknown_people": [],
            "due_date": [form.due_date],
            "message": [form.message],
        }
        problems = services.check_assignment(assignment, **values)
        form.form_errors.extend(
            message
            for key, message in problems.items()
            if not any(field.errors for field in fields[key])
        )
        return render_template("assignments/form.html", form=form, assignment=assignment)
    try:
        assignment = services.save_assignment(assignment, trainer=current_user, **values)
    except ValidationFailed as error:
        form.form_errors.extend(error.messages)
        return render_template("assignments/form.html", form=form, assignment=assignment)
    flash(_("De opdracht %(title)s is opgeslagen.", title=assignment.title), "success")
    return redirect(url_for("assignments.overview"))


M = TypeVar("M", bound=Model)


def _get(model: type[M], model_id: int) -> M | None:
    """A row by the id in the URL; an id beyond the Integer range is unknown (not a 500)."""
    return db.session.get(model, model_id) if model_id <= MAX_ID else None


@bp.route("/nieuw", methods=["GET", "POST"])
@role_required(*TRAINERS)
def new() -> ResponseReturnValue:
    return _save(None)


@bp.route("/<int:assignment_id>/bewerken", methods=["GET", "POST"])
@role_required(*TRAINERS)
def edit(assignment_id: int) -> ResponseReturnValue:
    assignment = _get(Assignment, assignment_id)
    if assignment is None or assignment.withdrawn_at is not None:
        abort(404)
    return _save(assignment)


@bp.route("/<int:assignment_id>/intrekken", methods=["POST"])
@role_required(*TRAINERS)
def withdraw(assignment_id: int) -> ResponseReturnValue:
    assignment = _get(Assignment, assignment_id) or abort(404)
    services.withdraw(assignment)
    flash(
        _(
            "De opdracht %(title)s is ingetrokken; gemaakt werk blijft bewaard.",
            title=assignment.title,
        ),
        "success",
    )
    return redirect(url_for("assignments.overview"))


@bp.route("/deelnemers/<int:user_id>")
@role_required(*TRAINERS)
def learner(user_id: int) -> ResponseReturnValue:
    learner = _get(User, user_id) or abort(404)
    attempts = services.learner_attempts(learner)
    return render_template(
        "assignments/learner.html",
        learner=learner,
        items=services.my_assignments(learner),
        labels=status_labels(),
        attempts=attempts,
        trails={attempt.id: services.search_trail(attempt) for attempt in attempts},
        coaching={
            attempt.id: training_services.attempt_coaching(attempt, reveal=True)
            for attempt in attempts
        },
        indicators=trail.trail_stats(attempts),
    )
