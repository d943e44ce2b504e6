"""The search skills by name, through the catalogue (Dutch, or English in English).

The keys are the features `search_module` reports plus "facet" (a clicked filter). Pages,
coaching and the skill profile all name a skill with `skill_label`, never with the raw key.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

#: The seven skills the training teaches, in teaching order (the skill profile's rows).
SEARCH_SKILLS: tuple[str, ...] = ("phrase", "or", "not", "wildcard", "fuzzy", "field", "facet")

SKILL_LABELS = {
    "phrase": _l("exacte woordgroep"),
    "or": _l("OF"),
    "not": _l("NIET"),
    "wildcard": _l("jokerteken (*)"),
    "fuzzy": _l("fuzzy zoeken (~)"),
    "field": _l("veld (type:, jaar:, thema:, afdeling:)"),
    "facet": _l("filter"),
    "and": _l("EN"),
    "group": _l("haakjes"),
}


def skill_label(key: str) -> str:
    """The name of a skill in the user's language; an unknown key is shown as it is."""
    label = SKILL_LABELS.get(key)
    return str(label) if label is not None else key
