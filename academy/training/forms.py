from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    BooleanField,
    DecimalField,
    IntegerField,
    SelectChoice,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional

from academy.forms import IntegerRange
from academy.models import ExerciseKind
from academy.training.grading import SKILLS

KIND_LABELS = {
    ExerciseKind.KNOWN_ITEM: _l("Bekend document vinden"),
    ExerciseKind.FACT: _l("Feitvraag"),
    ExerciseKind.FIND_ALL: _l("Alles vinden"),
    ExerciseKind.PROCESS: _l("Zoekproces"),
    ExerciseKind.OPEN: _l("Open opdracht"),
}
SKILL_LABELS = {
    "phrase": _l("Exacte zin"),
    "or": _l("OF"),
    "not": _l("NIET"),
    "wildcard": _l("Jokerteken (*)"),
    "fuzzy": _l("Fuzzy zoeken (~)"),
    "field": _l("Veld (type:, thema:, jaar:, afdeling:)"),
    "facet": _l("Filter in de filterkolom"),
}
SLUG_HINT = _l("Kleine letters, cijfers en streepjes; komt in het webadres.")


class DutchDecimalField(DecimalField):
    """Accepts a decimal comma as well as a point ("0,8" and "0.8")."""

    def process_formdata(self, valuelist: list[Any]) -> None:
        super().process_formdata([value.replace(",", ".") for value in valuelist])


class ModuleForm(FlaskForm):
    title = StringField(
        _l("Titel"), validators=[DataRequired(_l("Geef een titel.")), Length(max=200)]
    )
    slug = StringField(
        _l("Korte naam"), validators=[DataRequired(_l("Geef een korte naam.")), Length(max=80)]
    )
    summary = TextAreaField(_l("Samenvatting"), validators=[Optional(), Length(max=2000)])
    goals = TextAreaField(
        _l("Leerdoelen (één per regel)"), validators=[Optional(), Length(max=4000)]
    )
    minutes = IntegerField(
        _l("Geschatte tijd in minuten"),
        default=30,
        validators=[IntegerRange(1, 600, _l("Kies een tijd tussen 1 en 600 minuten."))],
    )
    published = BooleanField(_l("Gepubliceerd (zichtbaar voor deelnemers)"))
    submit = SubmitField(_l("Opslaan"))


class LessonForm(FlaskForm):
    title = StringField(
        _l("Titel"), validators=[DataRequired(_l("Geef een titel.")), Length(max=200)]
    )
    slug = StringField(
        _l("Korte naam"), validators=[DataRequired(_l("Geef een korte naam.")), Length(max=80)]
    )
    body = TextAreaField(_l("Tekst (Markdown)"), validators=[Optional(), Length(max=50000)])
    published = BooleanField(_l("Gepubliceerd"), default=True)
    preview = SubmitField(_l("Voorbeeld bekijken"))
    submit = SubmitField(_l("Opslaan"))


class ExerciseForm(FlaskForm):
    title = StringField(
        _l("Titel"), validators=[DataRequired(_l("Geef een titel.")), Length(max=200)]
    )
    slug = StringField(_l("Korte naam"), validators=[Optional(), Length(max=80)])
    kind = SelectField(
        _l("Soort oefening"),
        choices=[SelectChoice(kind.value, label) for kind, label in KIND_LABELS.items()],
    )
    prompt = TextAreaField(_l("Opdracht (Markdown)"), validators=[Optional(), Length(max=20000)])
    expert_query = StringField(
        _l("Voorbeeldzoekvraag van een expert"), validators=[Optional(), Length(max=500)]
    )
    accepted_answers = TextAreaField(
        _l("Goede antwoorden (feitvraag; één per regel, * als jokerteken)"),
        validators=[Optional(), Length(max=4000)],
    )
    required_skill = SelectField(
        _l("Vereiste zoekvaardigheid (zoekproces)"),
        choices=[SelectChoice("", _l("— niet van toepassing —"))]
        + [SelectChoice(skill, SKILL_LABELS[skill]) for skill in SKILLS],
    )
    pass_threshold = DutchDecimalField(
        _l("Drempel voor voldoende (alles vinden, 0 tot 1)"),
        default=0.8,
        places=2,
        validators=[Optional()],
    )
    rubric = TextAreaField(
        _l("Beoordelingscriteria (open opdracht; één per regel)"),
        validators=[Optional(), Length(max=4000)],
    )
    hints = TextAreaField(_l("Hints (één per regel)"), validators=[Optional(), Length(max=4000)])
    max_attempts = IntegerField(
        _l("Maximum aantal pogingen (leeg is onbeperkt)"),
        validators=[Optional(), IntegerRange(1, 100)],
    )
    # A new exercise starts as concept: publishing checks the answer key.
    published = BooleanField(_l("Gepubliceerd"), default=False)
    submit = SubmitField(_l("Opslaan"))


class AnswerForm(FlaskForm):
    answer = TextAreaField(_l("Je antwoord"), validators=[Optional(), Length(max=5000)])
    submit = SubmitField(_l("Inleveren"))


class FeedbackForm(FlaskForm):
    feedback = TextAreaField(
        _l("Feedback voor de deelnemer"), validators=[Optional(), Length(max=5000)]
    )
    submit = SubmitField(_l("Beoordeling opslaan"))


class PackageImportForm(FlaskForm):
    """Upload of one module package (a zip made by "Exporteren als pakket")."""

    package = FileField(
        _l("Modulepakket (zip)"),
        validators=[FileRequired(_l("Kies een zip-bestand met een module."))],
        render_kw={"accept": ".zip,application/zip"},
    )
    submit = SubmitField(_l("Importeren als concept"))
