"""Document management and import runs (admin): /beheer/documenten."""

from __future__ import annotations

from flask import abort, current_app, flash, jsonify, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from academy.auth.decorators import role_required
from academy.documents import bp, importer, services
from academy.documents.forms import DocumentForm, FolderImportForm, UploadImportForm
from academy.documents.indexing import index_state
from academy.extensions import db
from academy.forms import ConfirmForm
from academy.models import Document, FileOutcome, ImportRun, ImportState, Role
from academy.security import MAX_ID

ORIGIN_LABELS = {"demo": "Demo", "import": "Geïmporteerd"}


def _int_arg(name: str) -> int | None:
    value = request.args.get(name, "")
    if not value.isascii() or not value.isdigit() or len(value) > 10:
        return None
    return int(value) if 0 < int(value) <= MAX_ID else None


def _labels() -> dict[str, dict[str, str]]:
    return {
        "origin": {"demo": _("Demo"), "import": _("Geïmporteerd")},
        "state": {
            ImportState.QUEUED: _("Wacht op verwerking"),
            ImportState.RUNNING: _("Bezig"),
            ImportState.DONE: _("Klaar"),
            ImportState.FAILED: _("Mislukt"),
            ImportState.CANCELLED: _("Geannuleerd"),
            ImportState.INTERRUPTED: _("Onderbroken"),
        },
        "outcome": {
            FileOutcome.ADDED: _("Toegevoegd"),
            FileOutcome.UPDATED: _("Bijgewerkt"),
            FileOutcome.UNCHANGED: _("Ongewijzigd"),
            FileOutcome.SKIPPED: _("Overgeslagen"),
        },
        "kind": {"upload": _("Upload"), "folder": _("Map op de server")},
    }


@bp.route("")
@role_required(Role.ADMIN)
def index() -> ResponseReturnValue:
    flt = services.DocumentFilter(
        q=request.args.get("q", "").strip()[:200],
        origin=request.args.get("herkomst", "")[:20],
        doctype=request.args.get("type", "")[:40],
        year=_int_arg("jaar"),
        run_id=_int_arg("import"),
        page=_int_arg("pagina") or 1,
    )
    return render_template(
        "documents/index.html",
        flt=flt,
        page=services.list_documents(flt),
        options=services.filter_options(),
        counts=importer.documents_by_origin(),
        state=index_state(),
        labels=_labels(),
    )


def _document_or_404(document_id: int) -> Document:
    document = db.session.get(Document, document_id)
    if document is None:
        abort(404)
    return document


def _document_form(document: Document, formdata: object = None) -> DocumentForm:
    form = (
        DocumentForm(formdata=formdata, obj=document)
        if formdata is not None
        else DocumentForm(obj=document)
    )
    form.doctype.choices = [(value, value) for value in services.doctype_choices()]
    if document.doctype not in services.doctype_choices():
        form.doctype.choices.append((document.doctype, document.doctype))
    form.theme_id.choices = services.theme_choices()
    if formdata is None:
        form.theme_id.data = document.theme_id or 0
    return form


@bp.route("/<int:document_id>", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def detail(document_id: int) -> ResponseReturnValue:
    document = _document_or_404(document_id)
    form = _document_form(document, request.form if request.method == "POST" else None)
    if request.method == "POST":
        if form.validate_on_submit():
            values = {name: getattr(form, name).data for name in services.EDITABLE}
            if services.update_document(document, values):
                flash(_("De gegevens van het document zijn opgeslagen."), "success")
            else:
                flash(_("Er was niets gewijzigd."), "info")
            return redirect(url_for("documents.detail", document_id=document.id))
        status = 400
    else:
        status = 200
    text, parts = services.text_part(document, _int_arg("deel") or 1)
    return render_template(
        "documents/detail.html",
        document=document,
        form=form,
        confirm=ConfirmForm(),
        text=text,
        part=min(_int_arg("deel") or 1, parts),
        parts=parts,
        indexed_chars=_indexed_chars(),
        labels=_labels(),
    ), status


def _indexed_chars() -> int:
    from academy.documents.indexing import INDEXED_BODY_CHARS

    return INDEXED_BODY_CHARS


@bp.route("/<int:document_id>/verwijderen", methods=["POST"])
@role_required(Role.ADMIN)
def delete(document_id: int) -> ResponseReturnValue:
    document = _document_or_404(document_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    title = document.title
    services.delete_documents([document.id])
    flash(_("Document “%(title)s” is verwijderd.", title=title), "success")
    return redirect(url_for("documents.index"))


@bp.route("/<int:document_id>/herindexeren", methods=["POST"])
@role_required(Role.ADMIN)
def reindex(document_id: int) -> ResponseReturnValue:
    document = _document_or_404(document_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    services.reindex_document(document)
    flash(_("Het document wordt opnieuw in de zoekindex gezet."), "success")
    return redirect(url_for("documents.detail", document_id=document.id))


# --------------------------------------------------------------------------- runs


def _imports_page(
    upload: UploadImportForm, folder: FolderImportForm, status: int = 200
) -> ResponseReturnValue:
    return render_template(
        "documents/imports.html",
        runs=services.list_runs(),
        upload=upload,
        folder=folder,
        folders=current_app.config["IMPORT_FOLDERS"],
        max_upload_mb=current_app.config["IMPORT_MAX_UPLOAD_MB"],
        labels=_labels(),
    ), status


def _folder_form(formdata: object = None) -> FolderImportForm:
    form = FolderImportForm(formdata=formdata) if formdata is not None else FolderImportForm()
    form.folder.choices = [(folder, folder) for folder in current_app.config["IMPORT_FOLDERS"]]
    return form


@bp.route("/imports")
@role_required(Role.ADMIN)
def imports() -> ResponseReturnValue:
    importer.mark_interrupted_runs()
    return _imports_page(UploadImportForm(), _folder_form())


def _max_file_bytes() -> int:
    return int(current_app.config["IMPORT_MAX_FILE_MB"]) * 1024 * 1024


@bp.route("/imports", methods=["POST"])
@role_required(Role.ADMIN)
def start_upload() -> ResponseReturnValue:
    # Large uploads are what this page is for: its own limit, not the site-wide one.
    request.max_content_length = int(current_app.config["IMPORT_MAX_UPLOAD_MB"]) * 1024 * 1024
    form = UploadImportForm()
    if not form.validate_on_submit():
        return _imports_page(form, _folder_form(), 400)
    uploads = [(upload.filename or "", upload.stream) for upload in form.files.data]
    run = importer.start_upload_import(uploads, user=current_user, max_bytes=_max_file_bytes())
    flash(_("De import is gestart; deze pagina toont de voortgang."), "success")
    return redirect(url_for("documents.run_detail", run_id=run.id))


@bp.route("/imports/map", methods=["POST"])
@role_required(Role.ADMIN)
def start_folder() -> ResponseReturnValue:
    form = _folder_form(request.form)
    if not form.validate_on_submit():
        return _imports_page(UploadImportForm(), form, 400)
    target = services.allowed_folder(
        form.folder.data, form.subfolder.data or "", current_app.config["IMPORT_FOLDERS"]
    )
    if target is None:
        form.subfolder.errors = [_("Deze submap bestaat niet in de gekozen map.")]
        return _imports_page(UploadImportForm(), form, 400)
    run = importer.start_folder_import(
        target, user=current_user, max_bytes=_max_file_bytes(), prune=form.prune.data
    )
    flash(_("De import is gestart; deze pagina toont de voortgang."), "success")
    return redirect(url_for("documents.run_detail", run_id=run.id))


def _run_or_404(run_id: int) -> ImportRun:
    run = db.session.get(ImportRun, run_id)
    if run is None:
        abort(404)
    return run


@bp.route("/imports/<int:run_id>")
@role_required(Role.ADMIN)
def run_detail(run_id: int) -> ResponseReturnValue:
    importer.mark_interrupted_runs()
    run = _run_or_404(run_id)
    outcome = request.args.get("uitkomst", "")
    return render_template(
        "documents/run.html",
        run=run,
        outcome=outcome if outcome in {o.value for o in FileOutcome} else "",
        files=services.run_outcomes(run.id, outcome, _int_arg("pagina") or 1),
        document_count=len(services.run_document_ids(run.id)),
        confirm=ConfirmForm(),
        labels=_labels(),
    )


@bp.route("/imports/<int:run_id>/voortgang")
@role_required(Role.ADMIN)
def run_progress(run_id: int) -> ResponseReturnValue:
    """The run's progress for the page's script (the page works without it too)."""
    run = _run_or_404(run_id)
    return jsonify(
        state=run.state,
        stateLabel=_labels()["state"].get(run.state, run.state),
        finished=run.finished or run.state == ImportState.INTERRUPTED,
        done=run.done,
        total=run.total,
        currentFile=run.current_file,
        added=run.added,
        updated=run.updated,
        unchanged=run.unchanged,
        skipped=run.skipped,
    )


@bp.route("/imports/<int:run_id>/annuleren", methods=["POST"])
@role_required(Role.ADMIN)
def cancel_run(run_id: int) -> ResponseReturnValue:
    _run_or_404(run_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    importer.cancel_import_run(run_id)
    flash(_("De import stopt na het bestand dat nu wordt verwerkt."), "info")
    return redirect(url_for("documents.run_detail", run_id=run_id))


@bp.route("/imports/<int:run_id>/hervatten", methods=["POST"])
@role_required(Role.ADMIN)
def resume_run(run_id: int) -> ResponseReturnValue:
    run = _run_or_404(run_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    if run.state not in (ImportState.INTERRUPTED, ImportState.FAILED):
        flash(_("Alleen een onderbroken of mislukte import kan worden hervat."), "error")
    else:
        importer.resume_import_run(run_id)
        flash(
            _("De import wordt hervat; bestanden die al klaar waren, worden overgeslagen."),
            "success",
        )
    return redirect(url_for("documents.run_detail", run_id=run_id))


@bp.route("/imports/<int:run_id>/documenten-verwijderen", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def delete_run_documents(run_id: int) -> ResponseReturnValue:
    run = _run_or_404(run_id)
    form = ConfirmForm()
    ids = services.run_document_ids(run.id)
    if request.method == "POST" and form.validate_on_submit():
        removed = services.delete_documents(ids, run=run)
        flash(_("%(count)s documenten van deze import zijn verwijderd.", count=removed), "success")
        return redirect(url_for("documents.run_detail", run_id=run.id))
    return render_template(
        "documents/delete_run.html", run=run, count=len(ids), form=form, labels=_labels()
    )
