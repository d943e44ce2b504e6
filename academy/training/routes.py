"""Learner pages: Mijn leren, modules, lessons, the exercise workspace and results."""

from flask import abort, flash, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user, login_required

from academy.errors import DomainError
from academy.extensions import db
from academy.forms import ConfirmForm
from academy.markdown import render_markdown
from academy.models import (
    Attempt,
    AttemptStatus,
    Document,
    Exercise,
    ExerciseKind,
    Lesson,
    Module,
    Role,
)
from academy.practice import services as practice
from academy.practice.urls import changed_search_url, new_query_redirect
from academy.security import MAX_ID
from academy.training import bp, services, trail
from academy.training.forms import KIND_LABELS, AnswerForm
from academy.training.grading import SKILL_NAMES
from search_module import FACET_KEYS


def _is_trainer() -> bool:
    return current_user.has_role(Role.TRAINER)


@bp.route("")
@login_required
def my_learning() -> ResponseReturnValue:
    modules = services.list_modules(include_drafts=False)
    progress = [services.module_progress(current_user, module) for module in modules]
    return render_template("training/my_learning.html", progress=progress)


@bp.route("/modules/<slug>")
@login_required
def module(slug: str) -> ResponseReturnValue:
    module = services.get_module(slug, include_drafts=_is_trainer()) or abort(404)
    exercises = services.visible_exercises(module)
    return render_template(
        "training/module.html",
        module=module,
        lessons=services.visible_lessons(module),
        exercises=exercises,
        progress=services.module_progress(current_user, module),
        read=services.lessons_read(current_user, (lesson.id for lesson in module.lessons)),
        best=services.best_attempts(current_user, (e.id for e in exercises)),
        kind_labels=KIND_LABELS,
        goals=module.goal_list,
    )


def _lesson_or_404(slug: str, lesson_slug: str) -> tuple[Module, list[Lesson], int]:
    module = services.get_module(slug, include_drafts=_is_trainer()) or abort(404)
    lessons = services.visible_lessons(module, include_drafts=_is_trainer())
    for index, lesson in enumerate(lessons):
        if lesson.slug == lesson_slug:
            return module, lessons, index
    abort(404)


@bp.route("/modules/<slug>/lessen/<lesson_slug>")
@login_required
def lesson(slug: str, lesson_slug: str) -> ResponseReturnValue:
    module, lessons, index = _lesson_or_404(slug, lesson_slug)
    return render_template(
        "training/lesson.html",
        module=module,
        lesson=lessons[index],
        body=render_markdown(lessons[index].body),
        previous=lessons[index - 1] if index > 0 else None,
        next=lessons[index + 1] if index + 1 < len(lessons) else None,
        is_read=lessons[index].id in services.lessons_read(current_user, [lessons[index].id]),
        form=ConfirmForm(),
    )


@bp.route("/modules/<slug>/lessen/<lesson_slug>/gelezen", methods=["POST"])
@login_required
def mark_read(slug: str, lesson_slug: str) -> ResponseReturnValue:
    module, lessons, index = _lesson_or_404(slug, lesson_slug)
    services.mark_lesson_read(current_user, lessons[index])
    if index + 1 < len(lessons):
        return redirect(
            url_for("training.lesson", slug=module.slug, lesson_slug=lessons[index + 1].slug)
        )
    flash(_("Alle lessen van deze module zijn gelezen. Tijd voor de oefeningen!"), "success")
    return redirect(url_for("training.module", slug=module.slug, _anchor="oefeningen"))


@bp.route("/modules/<slug>/certificaat")
@login_required
def certificate(slug: str) -> ResponseReturnValue:
    module = services.get_module(slug) or abort(404)
    completed_at = services.completion_date(current_user, module)
    if completed_at is None:
        flash(
            _("Het certificaat komt beschikbaar als je alle lessen en oefeningen hebt afgerond."),
            "info",
        )
        return redirect(url_for("training.module", slug=module.slug))
    return render_template(
        "training/certificate.html",
        module=module,
        completed_at=completed_at,
        progress=services.module_progress(current_user, module),
    )


@bp.route("/oefeningen/<slug>")
@login_required
def exercise(slug: str) -> ResponseReturnValue:
    exercise = services.get_exercise(slug, include_drafts=_is_trainer()) or abort(404)
    attempts = services.attempts_of(current_user, exercise)
    return render_template(
        "training/exercise.html",
        exercise=exercise,
        prompt=render_markdown(exercise.prompt),
        attempts=attempts,
        best=services.best_attempts(current_user, [exercise.id]).get(exercise.id),
        kind_labels=KIND_LABELS,
        form=ConfirmForm(),
    )


@bp.route("/oefeningen/<slug>/starten", methods=["POST"])
@login_required
def start(slug: str) -> ResponseReturnValue:
    exercise = services.get_exercise(slug, include_drafts=_is_trainer()) or abort(404)
    try:
        attempt = services.start_attempt(current_user, exercise)
    except DomainError as error:
        flash(str(error), "error")
        return redirect(url_for("training.exercise", slug=exercise.slug))
    return redirect(url_for("training.workspace", attempt_id=attempt.id))


def _own_attempt(attempt_id: int) -> Attempt:
    """Learners only ever reach their own attempts; another id is a plain 404."""
    attempt = db.session.get(Attempt, attempt_id) if attempt_id <= MAX_ID else None
    if attempt is None or attempt.user_id != current_user.id:
        abort(404)
    return attempt


@bp.route("/pogingen/<int:attempt_id>")
@login_required
def workspace(attempt_id: int) -> ResponseReturnValue:
    attempt = _own_attempt(attempt_id)
    if attempt.status != AttemptStatus.OPEN.value:
        return redirect(url_for("training.result", attempt_id=attempt.id))
    if new_query := new_query_redirect("training.workspace"):
        return new_query
    exercise = attempt.exercise
    search_request, truncated = practice.build_request(
        {key: request.args.getlist(key) for key in request.args}
    )
    reason = session.pop("trail_event", None)
    kind = trail.render_kind(
        attempt.id,
        search_request,
        reason[1] if isinstance(reason, list) and reason[:1] == [attempt.id] else None,
    )
    result = practice.run_search(
        search_request, user=current_user, attempt_id=attempt.id, kind=kind
    )
    selected_ids = list(attempt.selected_document_ids or [])
    selected = {
        d.id: d
        for d in db.session.scalars(db.select(Document).where(Document.id.in_(selected_ids)))
    }
    return render_template(
        "training/workspace.html",
        attempt=attempt,
        exercise=exercise,
        prompt=render_markdown(exercise.prompt),
        kind_labels=KIND_LABELS,
        marks_documents=exercise.kind
        in (ExerciseKind.KNOWN_ITEM.value, ExerciseKind.FIND_ALL.value),
        writes_answer=exercise.kind in (ExerciseKind.FACT.value, ExerciseKind.OPEN.value),
        selected=[selected[i] for i in selected_ids if i in selected],
        selected_ids=set(selected_ids),
        hints=(exercise.hints or [])[: attempt.hints_used],
        more_hints=attempt.hints_used < len(exercise.hints or []),
        search=search_request,
        result=result,
        truncated=truncated,
        facet_keys=FACET_KEYS,
        page_url=lambda page=None, **changes: changed_search_url(
            "training.workspace", page, **changes
        ),
        search_action=url_for("training.workspace", attempt_id=attempt.id),
        document_url=lambda doc_id: url_for(
            "practice.document", document_id=doc_id, terug=request.full_path, poging=attempt.id
        ),
        answer_form=AnswerForm(answer=attempt.answer_text),
        form=ConfirmForm(),
        back=request.full_path,
    )


def _back_to_workspace(attempt: Attempt, reason: str | None = None) -> ResponseReturnValue:
    """Back to the search the learner was on; `reason` tells the workspace that showing it
    again is not a new search."""
    if reason is not None:
        session["trail_event"] = [attempt.id, reason]
    target = request.form.get("terug", "")
    if target.startswith(f"/leren/pogingen/{attempt.id}") and not target.startswith("//"):
        return redirect(target)
    return redirect(url_for("training.workspace", attempt_id=attempt.id))


@bp.route("/pogingen/<int:attempt_id>/markeren", methods=["POST"])
@login_required
def toggle(attempt_id: int) -> ResponseReturnValue:
    attempt = _own_attempt(attempt_id)
    try:
        document_id = int(request.form.get("document", ""))
        added = services.toggle_document(attempt, document_id)
    except ValueError:
        flash(_("Kies een document uit de resultaten."), "error")
    except DomainError as error:
        flash(str(error), "error")
    else:
        flash(
            _("Toegevoegd aan je antwoord.") if added else _("Uit je antwoord gehaald."), "success"
        )
    return _back_to_workspace(attempt, trail.MARKED)


@bp.route("/pogingen/<int:attempt_id>/hint", methods=["POST"])
@login_required
def hint(attempt_id: int) -> ResponseReturnValue:
    attempt = _own_attempt(attempt_id)
    try:
        if services.use_hint(attempt) is None:
            flash(_("Er zijn geen hints meer."), "info")
    except DomainError as error:
        flash(str(error), "error")
    return _back_to_workspace(attempt, trail.HINT)


@bp.route("/pogingen/<int:attempt_id>/inleveren", methods=["POST"])
@login_required
def submit(attempt_id: int) -> ResponseReturnValue:
    attempt = _own_attempt(attempt_id)
    form = AnswerForm()
    if not form.validate_on_submit():
        flash(" ".join(str(e) for errors in form.errors.values() for e in errors), "error")
        return _back_to_workspace(attempt)
    if services.is_empty_answer(attempt, form.answer.data or "") and not request.form.get(
        "bevestigd"
    ):
        # Grading nothing gives 0 %: ask first (the learner may have pressed too early).
        return render_template(
            "training/confirm_submit.html",
            attempt=attempt,
            exercise=attempt.exercise,
            form=form,
            back=request.form.get("terug", ""),
        )
    try:
        services.submit_attempt(attempt, answer_text=form.answer.data or "")
    except DomainError as error:
        flash(str(error), "error")
        return _back_to_workspace(attempt)
    return redirect(url_for("training.result", attempt_id=attempt.id))


@bp.route("/pogingen/<int:attempt_id>/resultaat")
@login_required
def result(attempt_id: int) -> ResponseReturnValue:
    attempt = _own_attempt(attempt_id)
    if attempt.status == AttemptStatus.OPEN.value:
        return redirect(url_for("training.workspace", attempt_id=attempt.id))
    exercise = attempt.exercise
    grade = services.attempt_grade(attempt)
    marked = list(
        db.session.scalars(
            db.select(Document).where(Document.id.in_(attempt.selected_document_ids or []))
        )
    )
    return render_template(
        "training/result.html",
        attempt=attempt,
        exercise=exercise,
        grade=grade,
        marked=marked,
        correct_ids=set(grade.correct_ids if grade else ()),
        wrong_ids=set(grade.wrong_ids if grade else ()),
        searches=services.attempt_searches(attempt),
        trail_stats=trail.trail_stats([attempt]),
        advice=services.attempt_coaching(attempt, reveal=False),
        skill_names=SKILL_NAMES,
        kind_labels=KIND_LABELS,
        form=ConfirmForm(),
        next_exercise=_next_exercise(exercise),
    )


def _next_exercise(exercise: Exercise) -> Exercise | None:
    exercises = services.visible_exercises(exercise.module)
    if exercise in exercises:
        index = exercises.index(exercise)
        if index + 1 < len(exercises):
            return exercises[index + 1]
    return None
