"""The period and theme filter of the search gaps (a GET form: bookmarkable, no CSRF)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectChoice, SelectField, StringField
from wtforms.validators import ValidationError

from academy.gaps.services import NO_THEME, GapFilter, last_days

PERIOD_DAYS = {"7": 7, "30": 30, "90": 90}
CUSTOM = "eigen"
DEFAULT_PERIOD = "30"
EARLIEST = dt.date(2000, 1, 1)


def parse_day(value: str | None) -> dt.date | None:
    """A YYYY-MM-DD date, or None when empty or not a date."""
    text = (value or "").strip()
    if not text or len(text) > 10:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


class GapFilterForm(FlaskForm):
    """Last 7/30/90 days or an own period (both days included), and optionally a theme."""

    class Meta:
        csrf = False  # a filter that only reads, sent with GET

    periode = SelectField(
        _l("Periode"),
        choices=[
            SelectChoice("7", _l("Laatste 7 dagen")),
            SelectChoice("30", _l("Laatste 30 dagen")),
            SelectChoice("90", _l("Laatste 90 dagen")),
            SelectChoice(CUSTOM, _l("Eigen periode (van en tot)")),
        ],
        default=DEFAULT_PERIOD,
        validate_choice=False,
    )
    van = StringField(_l("Van"), render_kw={"type": "date"})
    tot = StringField(_l("Tot en met"), render_kw={"type": "date"})
    thema = SelectField(_l("Thema"), default="", validate_choice=False)

    def __init__(self, *args: Any, themes: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.thema.choices = [
            SelectChoice("", str(_l("Alle thema's"))),
            SelectChoice(NO_THEME, str(_l("Zonder thema"))),
            *(SelectChoice(code, name) for code, name in themes),
        ]

    def validate_periode(self, field: SelectField) -> None:
        if field.data not in (*PERIOD_DAYS, CUSTOM):
            raise ValidationError(_l("Kies een periode uit de lijst."))

    def validate_van(self, field: StringField) -> None:
        self._check_day(field)

    def validate_tot(self, field: StringField) -> None:
        self._check_day(field)
        start, end = parse_day(self.van.data), parse_day(field.data)
        if self.periode.data == CUSTOM and start and end and start > end:
            raise ValidationError(_l("De einddatum ligt vóór de begindatum."))

    def validate_thema(self, field: SelectField) -> None:
        known = {choice.value for choice in field.choices or [] if isinstance(choice, SelectChoice)}
        if field.data and field.data not in known:
            raise ValidationError(_l("Dit thema bestaat niet; kies een thema uit de lijst."))

    def _check_day(self, field: StringField) -> None:
        if self.periode.data != CUSTOM:
            return
        if not (field.data or "").strip():
            raise ValidationError(_l("Vul een datum in (jjjj-mm-dd)."))
        day = parse_day(field.data)
        if day is None:
            raise ValidationError(_l("Dit is geen geldige datum; schrijf jjjj-mm-dd."))
        if day < EARLIEST or day > dt.date.today() + dt.timedelta(days=366):
            raise ValidationError(_l("Kies een datum tussen 2000 en volgend jaar."))

    def gap_filter(self, theme: str | None = None, today: dt.date | None = None) -> GapFilter:
        """The filter this (validated) form describes; `theme` overrides the theme field."""
        chosen = theme if theme is not None else (self.thema.data or None)
        if self.periode.data == CUSTOM:
            start, end = parse_day(self.van.data), parse_day(self.tot.data)
            if start is not None and end is not None:
                return GapFilter(date_from=start, date_to=end, theme=chosen)
        period = last_days(PERIOD_DAYS.get(self.periode.data or "", 30), today)
        return GapFilter(date_from=period.date_from, date_to=period.date_to, theme=chosen)
