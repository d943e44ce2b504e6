from flask import abort, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user, login_required

from academy.documents.indexing import INDEXED_BODY_CHARS, index_state
from academy.documents.services import split_part
from academy.markdown import render_document, wrap_path
from academy.models import Role
from academy.practice import bp, services
from academy.practice.urls import changed_search_url, new_query_redirect
from search_module import FACET_KEYS


def _args() -> dict[str, list[str]]:
    return {key: request.args.getlist(key) for key in request.args}


@bp.route("")
@login_required
def search() -> ResponseReturnValue:
    if redirect := new_query_redirect("practice.search"):
        return redirect
    search_request, truncated = services.build_request(_args())
    result = services.run_search(search_request, user=current_user)
    return render_template(
        "practice/search.html",
        index_state=index_state() if current_user.has_role(Role.ADMIN) else None,
        search=search_request,
        result=result,
        truncated=truncated,
        facet_keys=FACET_KEYS,
        page_url=_page_url,
        search_action=url_for("practice.search"),
        document_url=lambda doc_id: url_for(
            "practice.document", document_id=doc_id, terug=request.full_path
        ),
    )


def _page_url(page: int | None = None, **changes: object) -> str:
    return changed_search_url("practice.search", page, **changes)


@bp.route("/hulp")
@login_required
def help() -> ResponseReturnValue:
    """The exact rules of the query language, as the search engine applies them."""
    return render_template("practice/help.html")


@bp.route("/documenten/<int:document_id>")
@login_required
def document(document_id: int) -> ResponseReturnValue:
    document = services.get_document(document_id) or abort(404)
    services.record_document_open(
        current_user,
        document,
        request.args.get("poging", ""),
        from_search=request.args.get("terug", "").startswith("/zoeken"),
    )
    # A long text is sent in parts (a 45 MB log file is not one page).
    text, parts = split_part(document.markup or document.body, _part_arg())
    part = min(_part_arg(), parts)
    return render_template(
        "practice/document.html",
        document=document,
        body=render_document(text),
        part=part,
        parts=parts,
        part_url=lambda number: url_for(
            "practice.document", document_id=document.id, **{**request.args, "deel": number}
        ),
        searchable_chars=INDEXED_BODY_CHARS if len(document.body) > INDEXED_BODY_CHARS else 0,
        source=wrap_path(document.source) if document.source else None,
        back=_local_search_url(request.args.get("terug", "")),
    )


def _part_arg() -> int:
    value = request.args.get("deel", "1")
    return int(value) if value.isascii() and value.isdigit() and len(value) < 7 else 1


def _local_search_url(url: str) -> str:
    """Only link back to a search (or an exercise workspace) on this site."""
    local = url.startswith(("/zoeken", "/leren/pogingen/")) and not url.startswith("//")
    return url if local else url_for("practice.search")
