"""Words and markup for what search_module returns as plain values: hints, notes, how a
query was understood, the fields a hit matched in, and highlighted text parts.

search_module stays free of any UI catalogue and of HTML; it returns codes with parameters
and text parts, and this module is the one place that words them in the user's language
(Flask-Babel) and marks them up. The practice page and the API both read from here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from flask_babel import gettext as _
from flask_babel import ngettext
from markupsafe import Markup, escape

from search_module import Hint, Meaning, Note, TextPart, Understood


def marked_html(parts: Iterable[TextPart]) -> Markup:
    """Text parts as HTML: every part escaped, the highlighted ones wrapped in <mark>."""
    return Markup("").join(
        Markup("<mark>%s</mark>") % part.text if part.marked else escape(part.text)
        for part in parts
    )


def _p(hint: Hint, name: str) -> str | int:
    return hint.params.get(name, "")


#: Hint code -> its sentence in the user's language (every code of search_module.HINT_CODES).
_HINTS: dict[str, Callable[[Hint], str]] = {
    "query_truncated": lambda h: _(
        "De zoekvraag is ingekort tot %(max)s tekens.", max=_p(h, "max")
    ),
    "query_unreadable": lambda h: _(
        "De zoekvraag kon niet helemaal worden gelezen; gezocht op de losse woorden."
    ),
    "unclosed_quote": lambda h: _(
        'Het aanhalingsteken (") is niet gesloten; de rest van de zoekvraag is als exacte '
        "woordgroep gelezen."
    ),
    "unclosed_field_quote": lambda h: _(
        "Het aanhalingsteken na %(field)s: is niet gesloten; de rest is als waarde gelezen.",
        field=_p(h, "field"),
    ),
    "fuzzy_without_word": lambda h: _("Een ~ hoort direct achter een woord, bijvoorbeeld armoed~."),
    "fuzzy_too_wide": lambda h: _(
        "~%(distance)s is te ruim; er is gezocht met maximaal %(max)s letters verschil.",
        distance=_p(h, "distance"),
        max=_p(h, "max"),
    ),
    "fuzzy_too_short": lambda h: _(
        '"%(word)s~" is te kort om op te lijken; gezocht op het woord zelf.', word=_p(h, "word")
    ),
    "wildcard_not_at_end": lambda h: _(
        "Een * werkt alleen aan het eind van een woord (jeugd*); de letters na de * zijn genegeerd."
    ),
    "wildcard_alone": lambda h: _(
        "Een * alleen zoekt niets; zet er minstens %(min)s letters voor, bijvoorbeeld jeugd*.",
        min=_p(h, "min"),
    ),
    "prefix_too_short": lambda h: _(
        '"%(word)s*" is te kort: zet minstens %(min)s letters voor de *, bijvoorbeeld jeugd*. '
        'Gezocht op het woord "%(word)s" zelf.',
        word=_p(h, "word"),
        min=_p(h, "min"),
    ),
    "year_backwards": lambda h: _(
        "jaar:%(value)s loopt achteruit; gelezen als %(start)s t/m %(end)s.",
        value=_p(h, "value"),
        start=_p(h, "start"),
        end=_p(h, "end"),
    ),
    "year_empty": lambda h: _("jaar: zonder waarde is genegeerd; schrijf bijvoorbeeld jaar:2019."),
    "year_invalid": lambda h: _(
        "jaar:%(value)s is geen jaartal en is genegeerd; schrijf bijvoorbeeld jaar:2019 of "
        "jaar:2015..2020.",
        value=_p(h, "value"),
    ),
    "field_empty": lambda h: _(
        "%(field)s: zonder waarde is genegeerd; schrijf bijvoorbeeld %(example)s.",
        field=_p(h, "field"),
        example=_p(h, "example"),
    ),
    "stray_close_paren": lambda h: _("Een ) zonder bijbehorende ( is genegeerd."),
    "operator_at_start": lambda h: _(
        "%(operator)s aan het begin heeft niets om te verbinden en is genegeerd.",
        operator=_p(h, "operator"),
    ),
    "operator_without_right": lambda h: _(
        "%(operator)s zonder woord erachter is genegeerd.", operator=_p(h, "operator")
    ),
    "operator_without_left": lambda h: _(
        "%(operator)s zonder woord ervoor is genegeerd.", operator=_p(h, "operator")
    ),
    "too_deep": lambda h: _("Te veel haakjes in elkaar; de diepste zijn genegeerd."),
    "unclosed_paren": lambda h: _("Een ( is niet gesloten; de ) is aan het eind aangevuld."),
    "only_common_words": lambda h: _(
        "Alleen veelvoorkomende woorden (%(words)s); die zeggen te weinig om op te zoeken. "
        "Probeer een inhoudelijk woord.",
        words=_p(h, "words"),
    ),
    "common_words_ignored": lambda h: _(
        "Genegeerd omdat ze te algemeen zijn: %(words)s.", words=_p(h, "words")
    ),
    "unknown_facet_value": lambda h: _(
        'Geen %(key)s "%(value)s" gevonden; kies een waarde uit de lijst aan de zijkant.',
        key=_p(h, "key"),
        value=_p(h, "value"),
    ),
    "expansion_capped": lambda h: _(
        "%(pattern)s past bij meer dan %(max)s woorden; alleen de %(max)s meest voorkomende "
        "zijn gebruikt. Maak het woord langer voor een preciezer resultaat.",
        pattern=_p(h, "pattern"),
        max=_p(h, "max"),
    ),
    "index_unavailable": lambda h: _(
        "De zoekindex is op dit moment niet beschikbaar; probeer het later opnieuw of vraag "
        "een beheerder de index opnieuw op te bouwen."
    ),
}


def hint_text(hint: Hint) -> str:
    """One hint as a sentence; an unknown code says nothing rather than fail."""
    word = _HINTS.get(hint.code)
    return word(hint) if word is not None else ""


def _meaning_text(meaning: Meaning) -> str:
    params = meaning.params
    if meaning.code == "prefix":
        return _(
            '%(prefix)s* = woorden die beginnen met "%(prefix)s"', prefix=params.get("prefix", "")
        )
    if meaning.code == "fuzzy":
        distance = int(params.get("distance", 1))
        return ngettext(
            '%(word)s~%(num)s = woorden die op "%(word)s" lijken (%(num)s letter verschil)',
            '%(word)s~%(num)s = woorden die op "%(word)s" lijken (%(num)s letters verschil)',
            distance,
            word=params.get("word", ""),
        )
    if meaning.code == "phrase":
        return _("%(phrase)s = precies deze woorden achter elkaar", phrase=params.get("phrase", ""))
    return ""


def understood_text(understood: Understood) -> str:
    """How the query was read, as one line: the query with its operators, what its special
    parts mean, and the filters applied."""
    text = understood.query or _("alle documenten (nieuwste eerst)")
    meanings = [m for m in (_meaning_text(m) for m in understood.meanings) if m]
    if meanings:
        text += " (" + "; ".join(meanings) + ")"
    if understood.filters:
        names = {
            "type": _("type"),
            "thema": _("thema"),
            "jaar": _("jaar"),
            "afdeling": _("afdeling"),
        }
        either = " " + _("of") + " "
        described = "; ".join(
            f"{names.get(key, key)} {either.join(labels)}" for key, labels in understood.filters
        )
        text += "; " + _("filters: %(filters)s", filters=described)
    return text


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
