"""Trainer pages: write, order and publish modules, lessons and exercises; set answer
keys from search results; score open answers."""

from decimal import Decimal
from typing import Any, TypeVar

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm

from academy.auth.decorators import role_required
from academy.errors import DomainError
from academy.extensions import Model, db
from academy.forms import ConfirmForm
from academy.markdown import render_markdown
from academy.models import Attempt, AttemptStatus, Exercise, ExerciseKind, Lesson, Module, Role
from academy.practice import services as practice
from academy.practice.urls import changed_search_url
from academy.security import MAX_ID
from academy.training import authoring, bp, packages, services
from academy.training.forms import (
    KIND_LABELS,
    ExerciseForm,
    FeedbackForm,
    LessonForm,
    ModuleForm,
    PackageImportForm,
)

TRAINERS = (Role.TRAINER,)
KEY_PICKER_PAGE_SIZE = 10


M = TypeVar("M", bound=Model)


def _get(model: type[M], object_id: int) -> M:
    if object_id > MAX_ID:
        abort(404)
    return db.session.get(model, object_id) or abort(404)


@bp.route("/beheer")
@role_required(*TRAINERS)
def manage() -> ResponseReturnValue:
    return render_template(
        "training/manage.html",
        modules=services.list_modules(include_drafts=True),
        awaiting=len(services.attempts_awaiting_score()),
        form=ConfirmForm(),
        kind_labels=KIND_LABELS,
    )


@bp.route("/beheer/modules/nieuw", methods=["GET", "POST"])
@role_required(*TRAINERS)
def new_module() -> ResponseReturnValue:
    return _module_form(None)


@bp.route("/beheer/modules/<int:module_id>", methods=["GET", "POST"])
@role_required(*TRAINERS)
def edit_module(module_id: int) -> ResponseReturnValue:
    return _module_form(_get(Module, module_id))


@bp.route("/beheer/modules/<int:module_id>/pakket")
@role_required(*TRAINERS)
def export_package(module_id: int) -> Response:
    """Download the module as a zip package that another municipality can import."""
    module = _get(Module, module_id)
    data = packages.export_module(module)
    return Response(
        data,
        mimetype="application/zip",
        headers={
            "Content-Disposition": f'attachment; filename="{packages.package_name(module)}"',
            "Cache-Control": "no-store",
        },
    )


@bp.route("/beheer/modules/importeren", methods=["GET", "POST"])
@role_required(*TRAINERS)
def import_package() -> ResponseReturnValue:
    """Import a module package as a concept; a bad package changes nothing and says why."""
    form = PackageImportForm()
    if form.validate_on_submit():
        upload = form.package.data
        data = upload.stream.read(packages.MAX_PACKAGE_BYTES + 1)
        try:
            result = packages.import_package(data)
        except packages.PackageRefused as refused:
            form.package.errors.append(str(refused))
        else:
            flash(
                _(
                    "Module %(title)s is geïmporteerd als concept.",
                    title=result.module.title,
                ),
                "success",
            )
            if result.renamed_from:
                flash(
                    _(
                        "De korte naam %(old)s bestond al; de module heet nu %(new)s.",
                        old=result.renamed_from,
                        new=result.module.slug,
                    ),
                    "info",
                )
            if result.dropped_keys:
                flash(
                    _(
                        "Deze documenten bestaan hier niet en zijn uit de antwoordsleutels "
                        "gehaald: %(keys)s. Stel de sleutels opnieuw in voordat je publiceert.",
                        keys=", ".join(result.dropped_keys),
                    ),
                    "warning",
                )
            return redirect(url_for("training.manage", _anchor=f"module-{result.module.id}"))
    return render_template(
        "training/import_package.html",
        form=form,
        max_mb=packages.MAX_PACKAGE_BYTES // (1024 * 1024),
        max_members=packages.MAX_MEMBERS,
    )


def _module_form(module: Module | None) -> ResponseReturnValue:
    form = ModuleForm(obj=module)
    if form.validate_on_submit():
        try:
            module = authoring.save_module(module, **_data(form))
        except DomainError as error:
            form.slug.errors.append(str(error))
        else:
            flash(_("Module %(title)s is opgeslagen.", title=module.title), "success")
            return redirect(url_for("training.manage", _anchor=f"module-{module.id}"))
    return render_template("training/module_form.html", form=form, module=module)


def _data(form: FlaskForm) -> dict[str, Any]:
    return {
        name: field.data
        for name, field in form._fields.items()
        if name not in ("csrf_token", "submit", "preview")
    }


@bp.route("/beheer/modules/<int:module_id>/lessen/nieuw", methods=["GET", "POST"])
@role_required(*TRAINERS)
def new_lesson(module_id: int) -> ResponseReturnValue:
    return _lesson_form(_get(Module, module_id), None)


@bp.route("/beheer/lessen/<int:lesson_id>", methods=["GET", "POST"])
@role_required(*TRAINERS)
def edit_lesson(lesson_id: int) -> ResponseReturnValue:
    lesson = _get(Lesson, lesson_id)
    return _lesson_form(lesson.module, lesson)


def _lesson_form(module: Module, lesson: Lesson | None) -> ResponseReturnValue:
    form = LessonForm(obj=lesson)
    preview = None
    if form.validate_on_submit():
        if form.preview.data:
            preview = render_markdown(form.body.data or "")
        else:
            try:
                lesson = authoring.save_lesson(module, lesson, **_data(form))
            except DomainError as error:
                form.slug.errors.append(str(error))
            else:
                flash(_("Les %(title)s is opgeslagen.", title=lesson.title), "success")
                return redirect(url_for("training.manage", _anchor=f"module-{module.id}"))
    return render_template(
        "training/lesson_form.html", form=form, module=module, lesson=lesson, preview=preview
    )


@bp.route("/beheer/modules/<int:module_id>/oefeningen/nieuw", methods=["GET", "POST"])
@role_required(*TRAINERS)
def new_exercise(module_id: int) -> ResponseReturnValue:
    return _exercise_form(_get(Module, module_id), None)


@bp.route("/beheer/oefeningen/<int:exercise_id>", methods=["GET", "POST"])
@role_required(*TRAINERS)
def edit_exercise(exercise_id: int) -> ResponseReturnValue:
    exercise = _get(Exercise, exercise_id)
    return _exercise_form(exercise.module, exercise)


def _exercise_form(module: Module, exercise: Exercise | None) -> ResponseReturnValue:
    form = ExerciseForm(obj=exercise)
    if exercise is not None and not form.is_submitted():
        form.accepted_answers.data = "\n".join(exercise.accepted_answers or [])
        form.rubric.data = "\n".join(exercise.rubric or [])
        form.hints.data = "\n".join(exercise.hints or [])
        form.required_skill.data = exercise.required_skill or ""
        form.pass_threshold.data = Decimal(str(exercise.pass_threshold))
    if form.validate_on_submit():
        data = _data(form)
        data["pass_threshold"] = (
            float(data["pass_threshold"]) if data["pass_threshold"] is not None else 0.8
        )
        try:
            exercise = authoring.save_exercise(module, exercise, **data)
        except DomainError as error:
            form.form_errors.append(str(error))
        else:
            flash(_("Oefening %(title)s is opgeslagen.", title=exercise.title), "success")
            return redirect(url_for("training.edit_exercise", exercise_id=exercise.id))
    results = None
    query = request.args.get("q", "")[:500]
    if exercise is not None and query:
        search_request, _truncated = practice.build_request(
            {"q": [query], "pagina": request.args.getlist("pagina")}
        )
        search_request.page_size = KEY_PICKER_PAGE_SIZE
        # "key": a trainer choosing an exercise's key documents, no need for information.
        results = practice.run_search(search_request, user=current_user, kind="key")
    return render_template(
        "training/exercise_form.html",
        form=form,
        module=module,
        exercise=exercise,
        results=results,
        query=query,
        key_ids={d.id for d in exercise.key_documents} if exercise else set(),
        uses_key=exercise is not None
        and exercise.kind
        in (ExerciseKind.KNOWN_ITEM.value, ExerciseKind.FIND_ALL.value, ExerciseKind.FACT.value),
        confirm=ConfirmForm(),
        page_url=lambda page=None, **changes: (
            changed_search_url("training.edit_exercise", page, **changes) + "#sleutel"
        ),
    )


@bp.route("/beheer/oefeningen/<int:exercise_id>/sleutel", methods=["POST"])
@role_required(*TRAINERS)
def set_key(exercise_id: int) -> ResponseReturnValue:
    exercise = _get(Exercise, exercise_id)
    try:
        document_id = int(request.form.get("document", ""))
        authoring.set_key_document(
            exercise, document_id, in_key=request.form.get("actie") != "verwijderen"
        )
    except ValueError:
        flash(_("Kies een document uit de resultaten."), "error")
    except DomainError as error:
        flash(str(error), "error")
    else:
        flash(_("De antwoordsleutel is bijgewerkt."), "success")
    query = request.form.get("q", "")[:500]
    page = request.form.get("pagina", "")
    return redirect(
        url_for(
            "training.edit_exercise",
            exercise_id=exercise.id,
            q=query or None,
            pagina=page if page.isdecimal() and page != "1" and len(page) < 5 else None,
            _anchor="sleutel",
        )
    )


ITEMS: dict[str, type[Module | Lesson | Exercise]] = {
    "module": Module,
    "les": Lesson,
    "oefening": Exercise,
}


@bp.route("/beheer/<kind>/<int:item_id>/verplaatsen", methods=["POST"])
@role_required(*TRAINERS)
def move(kind: str, item_id: int) -> ResponseReturnValue:
    item = _get(ITEMS.get(kind) or abort(404), item_id)
    authoring.move(item, -1 if request.form.get("richting") == "omhoog" else 1)
    module_id = item.id if isinstance(item, Module) else item.module_id
    return redirect(url_for("training.manage", _anchor=f"module-{module_id}"))


@bp.route("/beheer/<kind>/<int:item_id>/publiceren", methods=["POST"])
@role_required(*TRAINERS)
def publish(kind: str, item_id: int) -> ResponseReturnValue:
    item = _get(ITEMS.get(kind) or abort(404), item_id)
    module_id = item.id if isinstance(item, Module) else item.module_id
    try:
        authoring.set_published(item, not item.published)
    except DomainError as error:
        flash(str(error), "error")
        return redirect(url_for("training.manage", _anchor=f"module-{module_id}"))
    if item.published:
        flash(_("%(title)s is gepubliceerd.", title=item.title), "success")
    else:
        flash(_("%(title)s is teruggezet naar concept.", title=item.title), "success")
    module_id = item.id if isinstance(item, Module) else item.module_id
    return redirect(url_for("training.manage", _anchor=f"module-{module_id}"))


@bp.route("/beheer/beoordelen")
@role_required(*TRAINERS)
def awaiting_score() -> ResponseReturnValue:
    return render_template("training/awaiting.html", attempts=services.attempts_awaiting_score())


@bp.route("/beheer/pogingen/<int:attempt_id>", methods=["GET", "POST"])
@role_required(*TRAINERS)
def score_attempt(attempt_id: int) -> ResponseReturnValue:
    attempt = _get(Attempt, attempt_id)
    if (
        attempt.exercise.kind != ExerciseKind.OPEN.value
        or attempt.status == AttemptStatus.OPEN.value
    ):
        abort(404)
    form = FeedbackForm(feedback=attempt.trainer_feedback)
    rubric = attempt.exercise.rubric or []
    scores = list(attempt.rubric_scores or [])
    if form.validate_on_submit():
        raw = [request.form.get(f"criterium-{index}", "") for index in range(len(rubric))]
        try:
            scores = [int(value) for value in raw]
            services.score_open_attempt(
                attempt, trainer=current_user, rubric_scores=scores, feedback=form.feedback.data
            )
        except ValueError:
            form.form_errors.append(_("Geef voor elk criterium 0, 1 of 2 punten."))
        except DomainError as error:
            form.form_errors.append(str(error))
        else:
            flash(_("De beoordeling is opgeslagen; de deelnemer ziet haar nu."), "success")
            return redirect(url_for("training.awaiting_score"))
    return render_template(
        "training/score_attempt.html",
        attempt=attempt,
        rubric=rubric,
        scores=scores,
        form=form,
        searches=services.attempt_searches(attempt),
    )
