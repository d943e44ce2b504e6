"""Pages of findability: a theme's findability and key questions, the scan and its progress,
and the charts. Dutch URLs under /themas/<code>/vindbaarheid and /themas/vindbaarheid."""

from __future__ import annotations

from flask import Response, abort, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user, login_required
from werkzeug.wrappers import Response as BaseResponse
from wtforms import SelectChoice

from academy import jobs
from academy.auth.decorators import role_required
from academy.errors import ValidationFailed
from academy.extensions import db
from academy.findability import bp, charts, services
from academy.findability.forms import KeyQuestionForm
from academy.forms import ConfirmForm
from academy.maturity import cache
from academy.maturity.services import get_theme
from academy.models import Document, FindabilityScan, KeyQuestion, Role, Theme
from academy.practice.services import search_unlogged
from academy.security import MAX_ID
from search_module import SearchRequest

#: Who records key questions and starts a scan (admins always may).
WRITERS = (Role.PROGRAMME_MANAGER, Role.TRAINER)
PICK_RESULTS = 10


def _theme_or_404(code: str) -> Theme:
    return get_theme(code) or abort(404)


def _question_or_404(theme: Theme, question_id: int) -> KeyQuestion:
    question = db.session.get(KeyQuestion, question_id) if 0 < question_id <= MAX_ID else None
    if question is None or question.theme_id != theme.id:
        abort(404)
    return question


def _scan_or_404(scan_id: int) -> FindabilityScan:
    scan = db.session.get(FindabilityScan, scan_id) if 0 < scan_id <= MAX_ID else None
    return scan or abort(404)


def can_write() -> bool:
    return bool(current_user.is_authenticated and current_user.has_role(*WRITERS))


@bp.route("/<code>/vindbaarheid")
@login_required
def theme_page(code: str) -> str:
    theme = _theme_or_404(code)
    return render_template(
        "findability/theme.html",
        theme=theme,
        view=services.theme_view(theme),
        can_write=can_write(),
        confirm=ConfirmForm(),
    )


def _chosen_documents(form: KeyQuestionForm, question: KeyQuestion | None) -> list[Document]:
    """The documents to offer as checkboxes: those chosen (submitted or saved), then the
    results of the search in the form."""
    if request.method == "POST":
        submitted = request.form.getlist("documents")
        ids = [int(v) for v in submitted if v.isdigit() and len(v) <= 10]
        chosen = services.documents_by_ids(ids)
    else:
        chosen = list(question.documents) if question is not None else []
    found: list[Document] = []
    term = (form.search.data or "").strip()[:500]
    if term:
        result = search_unlogged(SearchRequest(query=term, page_size=PICK_RESULTS))
        order = [hit.doc_id for hit in result.hits]
        by_id = {d.id: d for d in services.documents_by_ids(order)}
        found = [by_id[i] for i in order if i in by_id]
    seen: set[int] = set()
    offered = []
    for document in [*chosen, *found]:
        if document.id not in seen:
            seen.add(document.id)
            offered.append(document)
    return offered


def _label(document: Document) -> str:
    parts = [document.title, document.doctype, str(document.year or "")]
    return " · ".join(p for p in parts if p)


def _question_form(theme: Theme, question: KeyQuestion | None) -> BaseResponse | tuple[str, int]:
    form = KeyQuestionForm(obj=None)
    if request.method == "GET" and question is not None:
        form.question.data = question.question
        form.queries.data = "\n".join(question.queries or [])
        form.documents.data = [d.id for d in question.documents]
    if request.method == "GET" and question is None and not form.search.data:
        form.search.data = request.args.get("zoek", "")[:500]
    offered = _chosen_documents(form, question)
    form.documents.choices = [SelectChoice(d.id, _label(d)) for d in offered]
    problems: list[str] = []
    searched = request.method == "POST" and bool(form.find.data)
    if request.method == "POST" and form.validate_on_submit() and not searched:
        try:
            services.save_key_question(
                question,
                theme=theme,
                text=form.question.data or "",
                queries_text=form.queries.data or "",
                document_ids=form.documents.data or [],
                user=current_user,
                picked_with=form.search.data or "",
            )
        except ValidationFailed as failed:
            problems = failed.messages
        else:
            flash(_("De sleutelvraag is opgeslagen."), "success")
            return redirect(url_for("findability.theme_page", code=theme.code, _anchor="vragen"))
    status = 400 if request.method == "POST" and not searched and (problems or form.errors) else 200
    return render_template(
        "findability/question_form.html",
        theme=theme,
        question=question,
        form=form,
        problems=problems,
        searched=bool(form.search.data),
        offered_count=len(offered),
    ), status


@bp.route("/<code>/vindbaarheid/vragen/nieuw", methods=["GET", "POST"])
@role_required(*WRITERS)
def new_question(code: str) -> BaseResponse | tuple[str, int]:
    return _question_form(_theme_or_404(code), None)


@bp.route("/<code>/vindbaarheid/vragen/<int:question_id>", methods=["GET", "POST"])
@role_required(*WRITERS)
def edit_question(code: str, question_id: int) -> BaseResponse | tuple[str, int]:
    theme = _theme_or_404(code)
    return _question_form(theme, _question_or_404(theme, question_id))


@bp.route("/<code>/vindbaarheid/vragen/<int:question_id>/verwijderen", methods=["POST"])
@role_required(*WRITERS)
def delete_question(code: str, question_id: int) -> BaseResponse:
    theme = _theme_or_404(code)
    question = _question_or_404(theme, question_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    services.delete_key_question(question)
    flash(_("De sleutelvraag is verwijderd."), "success")
    return redirect(url_for("findability.theme_page", code=theme.code, _anchor="vragen"))


@bp.route("/vindbaarheid/scans", methods=["POST"])
@role_required(*WRITERS)
def start_scan() -> BaseResponse:
    """Queue a scan (or show the one already waiting); the worker carries it out."""
    from academy.findability.scan import create_scan

    if not ConfirmForm().validate_on_submit():
        abort(400)
    scan, created = create_scan("manual", current_user)
    if created:
        jobs.queue.enqueue(jobs.run_findability_scan, scan.id)
        flash(_("De vindbaarheidsscan is gestart."), "success")
    else:
        flash(_("Er loopt al een vindbaarheidsscan; hieronder zie je de voortgang."), "info")
    return redirect(url_for("findability.scan_detail", scan_id=scan.id))


def _state_labels() -> dict[str, str]:
    return {
        "queued": _("wacht op de verwerker"),
        "running": _("bezig"),
        "done": _("klaar"),
        "failed": _("mislukt"),
    }


@bp.route("/vindbaarheid/scans/<int:scan_id>")
@role_required(*WRITERS)
def scan_detail(scan_id: int) -> str:
    scan = _scan_or_404(scan_id)
    return render_template(
        "findability/scan.html", scan=scan, state_labels=_state_labels(), confirm=ConfirmForm()
    )


@bp.route("/vindbaarheid/scans/<int:scan_id>/voortgang")
@role_required(*WRITERS)
def scan_progress(scan_id: int) -> Response:
    """The scan's progress for the page's script (the page works without it too)."""
    scan = _scan_or_404(scan_id)
    return jsonify(
        state=scan.state,
        stateLabel=_state_labels().get(scan.state, scan.state),
        finished=scan.finished,
        done=scan.done,
        total=scan.total,
        searches=scan.searches,
    )


def _svg(svg: bytes, etag: str) -> BaseResponse:
    response = Response(svg, mimetype="image/svg+xml")
    response.set_etag(etag)
    response.headers["Cache-Control"] = "private, no-cache"
    response.headers["Content-Security-Policy"] = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    )
    return response.make_conditional(request)


@bp.route("/<code>/vindbaarheid/grafiek.svg")
@login_required
def theme_chart(code: str) -> BaseResponse:
    theme = _theme_or_404(code)
    version = services.version_key()
    locale = str(get_locale())

    def render() -> bytes:
        return charts.theme_history_chart(
            services.theme_history(theme.id),
            title=_("Vindbaarheid door de tijd"),
            axis_label=_("vindbaar (%)"),
            threshold=services.threshold(),
        )

    key = (f"vindbaarheid-{theme.id}", version, locale)
    svg = cache.chart_cache.get(key, render)
    assert isinstance(svg, bytes)
    return _svg(svg, f"vindbaarheid-{theme.id}-{version}-{locale}")


@bp.route("/vindbaarheid/grafiek.svg")
@login_required
def domain_chart() -> BaseResponse:
    version = services.version_key()
    locale = str(get_locale())

    def render() -> bytes:
        return charts.domain_history_chart(
            services.domain_history(),
            title=_("Vindbaarheid per domein"),
            axis_label=_("vindbaar (%)"),
        )

    svg = cache.chart_cache.get(("vindbaarheid-domeinen", version, locale), render)
    assert isinstance(svg, bytes)
    return _svg(svg, f"vindbaarheid-domeinen-{version}-{locale}")
