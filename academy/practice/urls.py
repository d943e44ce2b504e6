"""URL helpers for pages that show a search (the practice search and exercise workspaces)."""

from flask import request, url_for


def changed_search_url(endpoint: str, page: int | None = None, **changes) -> str:
    """The current search with some parameters changed (for paging and facet links)."""
    args = request.args.to_dict(flat=False)
    for key, value in changes.items():
        if value is None:
            args.pop(key, None)
        else:
            args[key] = value if isinstance(value, list) else [value]
    if page is not None:
        args["pagina"] = [str(page)]
    return url_for(endpoint, **{**request.view_args, **args})
