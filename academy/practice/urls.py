"""URL helpers for pages that show a search (the practice search and exercise workspaces)."""

from urllib.parse import urlencode

from flask import redirect, request, url_for
from werkzeug.wrappers import Response as WerkzeugResponse

from search_module import FACET_KEYS


def changed_search_url(endpoint: str, page: int | None = None, **changes: object) -> str:
    """The current search with some parameters changed (for paging and facet links)."""
    args = request.args.to_dict(flat=False)
    for key, value in changes.items():
        if value is None:
            args.pop(key, None)
        else:
            args[key] = [str(v) for v in value] if isinstance(value, list) else [str(value)]
    if page is not None:
        args["pagina"] = [str(page)]
    return url_for(endpoint, **{**(request.view_args or {}), **args})


def new_query_redirect(endpoint: str) -> WerkzeugResponse | None:
    """A query sent from the search box (``nieuw``) starts without the old filters, unless the
    user ticked "binnen deze filters zoeken" (``binnen``); redirect to the clean URL, so the page,
    its chips and its links show what was searched."""
    if "nieuw" not in request.args:
        return None
    keep = "binnen" in request.args
    args = [
        (key, value)
        for key, value in request.args.items(multi=True)
        if key not in ("nieuw", "binnen", "pagina") and (keep or key not in FACET_KEYS)
    ]
    url = url_for(endpoint, **(request.view_args or {}))
    return redirect(f"{url}?{urlencode(args)}" if args else url)
