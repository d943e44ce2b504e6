"""Which theme a search is about, decided once when it is logged (pure functions).

The rule, first that applies:
1. the theme facet was narrowed to exactly one theme -> that theme;
2. the query names exactly one theme in a field (`thema:vsv`, `thema:"Armoede en schulden"`),
   by its code or its name -> that theme;
3. the search found documents and one theme holds at least DOMINANT_SHARE of them -> that
   theme;
4. otherwise none: the search is shown under "Zonder thema" (a facet or fields naming several
   themes, or no theme named and no theme dominating what was found).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from academy.models.documents import theme_from_filters
from search_module.analysis import fold

#: Share of a search's results one theme must hold to count as what the search was about.
DOMINANT_SHARE = 0.5

_THEME_FIELD = re.compile(r'(?<![\w:])(?:thema|theme):(?:"([^"]*)"|(\S+))', re.IGNORECASE)


def mentions_theme_field(query: str) -> bool:
    """True when the query names a theme in a field (then theme names are worth loading)."""
    return _THEME_FIELD.search(query) is not None


def themes_in_query(query: str, theme_names: Mapping[str, str]) -> set[str]:
    """Theme codes the query's `thema:` fields name, by code or by full name (folded)."""
    by_folded: dict[str, str] = {}
    for code, name in theme_names.items():
        by_folded.setdefault(fold(name).strip(), code)
        by_folded[fold(code).strip()] = code
    found: set[str] = set()
    for match in _THEME_FIELD.finditer(query):
        value = fold((match.group(1) or match.group(2) or "").strip())
        named = by_folded.get(value)
        if named is not None:
            found.add(named)
    return found


def dominant_theme(total: int, theme_counts: Sequence[tuple[str, int]]) -> str | None:
    """The theme holding at least DOMINANT_SHARE of `total` results, if any."""
    if total <= 0 or not theme_counts:
        return None
    code, count = max(theme_counts, key=lambda item: (item[1], item[0]))
    return code if count >= DOMINANT_SHARE * total else None


def attribute_theme(
    query: str,
    filters: Mapping[str, Sequence[str]],
    total: int,
    theme_counts: Sequence[tuple[str, int]],
    theme_names: Mapping[str, str],
) -> str | None:
    """The theme code a search is attributed to (see the module's rule), or None."""
    from_filter = theme_from_filters({k: list(v) for k, v in filters.items()})
    if from_filter is not None:
        return from_filter
    if filters.get("thema"):
        return None  # narrowed to several themes: none of them alone
    named = themes_in_query(query, theme_names)
    if len(named) == 1:
        return next(iter(named))
    if named:
        return None
    return dominant_theme(total, theme_counts)
