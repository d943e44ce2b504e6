"""Words for what search_module explains in codes: notes and the fields a hit matched in.

search_module stays free of any UI catalogue; it returns codes with parameters, and this
module words them in the user's language.
"""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import ngettext

from search_module import Note


def field_label(name: str) -> str:
    """The name of a field a hit matched in, as the result page says it."""
    labels = {
        "title": _("titel"),
        "body": _("tekst"),
        "type": _("documenttype"),
        "theme": _("thema"),
        "year": _("jaar"),
        "department": _("afdeling"),
    }
    return labels.get(name, name)


def note_text(note: Note) -> str:
    """One note as a short sentence; an unknown code says nothing rather than fail."""
    params = note.params
    if note.code == "lowercase_operator":
        return (
            _(
                "Bedoelde je %(operator)s? Schrijf operatoren met hoofdletters.",
                operator=params.get("operator", ""),
            )
            + " "
            + _('Nu is "%(word)s" als gewoon woord gelezen.', word=params.get("word", ""))
        )
    if note.code == "theme_word":
        return ngettext(
            '"%(word)s" staat in de naam van het thema %(theme)s. Een themanaam doorzoek je '
            "met %(field)s of het filter Thema: %(num)s document van dit thema noemt het "
            "woord niet in titel of tekst.",
            '"%(word)s" staat in de naam van het thema %(theme)s. Een themanaam doorzoek je '
            "met %(field)s of het filter Thema: %(num)s documenten van dit thema noemen het "
            "woord niet in titel of tekst.",
            int(params.get("count", 0)),
            word=params.get("word", ""),
            theme=params.get("theme", ""),
            field=params.get("field", ""),
        )
    if note.code == "theme_word_not":
        return _(
            'NIET %(word)s sluit documenten uit met "%(word)s" in titel of tekst, niet het hele '
            "thema %(theme)s. Dat doe je met NIET %(field)s.",
            word=params.get("word", ""),
            theme=params.get("theme", ""),
            field=params.get("field", ""),
        )
    return ""
