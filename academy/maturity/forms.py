import datetime as dt

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    IntegerField,
    SelectChoice,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, Optional, Regexp

from academy.forms import IntegerRange
from academy.maturity.domains import DOMAINS
from academy.models import LEVEL_NUMBERS, AnalysisStatus, LevelStatus

STATUS_LABELS = {
    LevelStatus.NOT_STARTED: _l("Niet gestart"),
    LevelStatus.IN_PROGRESS: _l("In ontwikkeling"),
    LevelStatus.IN_ORDER: _l("Op orde"),
}
ANALYSIS_STATUS_LABELS = {
    AnalysisStatus.PLANNED: _l("Gepland"),
    AnalysisStatus.IN_USE: _l("In gebruik"),
    AnalysisStatus.RETIRED: _l("Uitgefaseerd"),
}
DATE_MESSAGE = _l("Vul een datum in als jjjj-mm-dd.")


def level_choices(names: dict[int, str]) -> list[SelectChoice]:
    return [SelectChoice(n, f"{n} {names.get(n, '')}".strip()) for n in LEVEL_NUMBERS]


class AssessmentForm(FlaskForm):
    """Statuses per level are added per request (one select per level); criteria come
    from the request as `criterium` checkbox values, checked in the service."""

    assessed_on = DateField(
        _l("Datum van de beoordeling"),
        default=dt.date.today,
        validators=[InputRequired(DATE_MESSAGE)],
    )
    evidence = TextAreaField(
        _l("Bewijs (links)"),
        validators=[Optional(), Length(max=20000)],
    )
    note = TextAreaField(_l("Toelichting"), validators=[Optional(), Length(max=5000)])
    submit = SubmitField(_l("Beoordeling opslaan"))


STATUS_FIELD_PREFIX = "niveau_"


def status_field_name(level: int) -> str:
    return f"{STATUS_FIELD_PREFIX}{level}"


# One status select per ladder level; the route puts the level's name in the label.
for _level in LEVEL_NUMBERS:
    setattr(
        AssessmentForm,
        status_field_name(_level),
        SelectField(
            _l("Niveau %(n)s", n=_level),
            choices=[SelectChoice(s.value, label) for s, label in STATUS_LABELS.items()],
            default=LevelStatus.NOT_STARTED.value,
        ),
    )


class TargetForm(FlaskForm):
    level = SelectField(_l("Doelniveau"), coerce=int)
    target_date = DateField(_l("Te bereiken op"), validators=[InputRequired(DATE_MESSAGE)])
    submit = SubmitField(_l("Doel vastleggen"))


class ThemeForm(FlaskForm):
    code = StringField(
        _l("Code"),
        validators=[
            DataRequired(_l("Geef een code.")),
            Length(max=32),
            Regexp(
                r"^[a-z0-9][a-z0-9._-]*$",
                message=_l("Gebruik kleine letters, cijfers, punt en streepje, zonder spaties."),
            ),
        ],
    )
    name = StringField(
        _l("Naam"), validators=[DataRequired(_l("Geef het thema een naam.")), Length(max=160)]
    )
    domain = SelectField(_l("Domein"), choices=[SelectChoice(d, d) for d in DOMAINS])
    owner_team_id = SelectField(_l("Eigenaar (team)"), coerce=int)
    description = TextAreaField(_l("Omschrijving"), validators=[Optional(), Length(max=5000)])
    submit = SubmitField(_l("Opslaan"))


class AnalysisForm(FlaskForm):
    name = StringField(
        _l("Naam van de analyse"),
        validators=[DataRequired(_l("Geef de analyse een naam.")), Length(max=200)],
    )
    level = SelectField(_l("Soort (niveau)"), coerce=int)
    status = SelectField(
        _l("Status"),
        choices=[SelectChoice(s.value, label) for s, label in ANALYSIS_STATUS_LABELS.items()],
    )
    data_sources = TextAreaField(_l("Databronnen"), validators=[Optional(), Length(max=2000)])
    description = TextAreaField(_l("Omschrijving"), validators=[Optional(), Length(max=5000)])
    submit = SubmitField(_l("Opslaan"))


class CriterionForm(FlaskForm):
    text = StringField(
        _l("Criterium"),
        validators=[DataRequired(_l("Beschrijf het criterium.")), Length(max=300)],
    )
    active = BooleanField(_l("Actief"), default=True)
    # Only for level 0: met by measurement (academy/findability) instead of by judgement.
    findability_threshold = IntegerField(
        _l("Gemeten: vindbaarheid minstens (%)"),
        validators=[Optional(), IntegerRange(0, 100)],
    )
    submit = SubmitField(_l("Opslaan"))
