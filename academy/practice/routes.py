from flask import abort, render_template, request, url_for
from flask_login import current_user, login_required

from academy.practice import bp, services
from academy.practice.urls import changed_search_url
from search_module import FACET_KEYS


def _args() -> dict[str, list[str]]:
    return {key: request.args.getlist(key) for key in request.args}


@bp.route("")
@login_required
def search():
    search_request, truncated = services.build_request(_args())
    result = services.run_search(search_request, user=current_user)
    return render_template(
        "practice/search.html",
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


def _page_url(page: int | None = None, **changes) -> str:
    return changed_search_url("practice.search", page, **changes)


@bp.route("/hulp")
@login_required
def help():
    """The exact rules of the query language, as the search engine applies them."""
    return render_template("practice/help.html")


@bp.route("/documenten/<int:document_id>")
@login_required
def document(document_id: int):
    document = services.get_document(document_id) or abort(404)
    services.record_document_open(current_user, document, request.args.get("poging", ""))
    paragraphs = [p.strip() for p in document.body.split("\n\n") if p.strip()]
    return render_template(
        "practice/document.html",
        document=document,
        paragraphs=paragraphs,
        back=_local_search_url(request.args.get("terug", "")),
    )


def _local_search_url(url: str) -> str:
    """Only link back to a search (or an exercise workspace) on this site."""
    local = url.startswith(("/zoeken", "/leren/pogingen/")) and not url.startswith("//")
    return url if local else url_for("practice.search")
