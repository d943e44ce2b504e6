"""Forms of the document management pages."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileRequired, MultipleFileField
from wtforms import (
    BooleanField,
    DateField,
    IntegerField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional

from academy.forms import IntegerRange

UPLOAD_ACCEPT = ".txt,.md,.markdown,.html,.htm,.pdf,.docx,.zip,.csv,.json"


class UploadImportForm(FlaskForm):
    files = MultipleFileField(
        _l("Bestanden"),
        validators=[FileRequired(_l("Kies minstens één bestand of zip-bestand."))],
        render_kw={"multiple": True, "accept": UPLOAD_ACCEPT},
    )
    submit = SubmitField(_l("Importeren"))


class FolderImportForm(FlaskForm):
    folder = SelectField(_l("Map op de server"), validators=[DataRequired()])
    subfolder = StringField(
        _l("Submap (optioneel)"),
        validators=[Optional(), Length(max=500)],
        render_kw={"autocapitalize": "none", "spellcheck": "false"},
    )
    prune = BooleanField(_l("Documenten verwijderen waarvan het bestand niet meer in de map staat"))
    submit = SubmitField(_l("Map importeren"))


class DocumentForm(FlaskForm):
    """The metadata an admin may correct; the text itself comes from the file."""

    title = StringField(
        _l("Titel"), validators=[DataRequired(_l("Geef het document een titel.")), Length(max=500)]
    )
    doctype = SelectField(_l("Type"))
    theme_id = SelectField(_l("Thema"), coerce=int)
    year = IntegerField(
        _l("Jaar"),
        validators=[Optional(), IntegerRange(1800, 2100, _l("Geef een jaar tussen 1800 en 2100."))],
    )
    published = DateField(_l("Datum"), validators=[Optional()])
    department = StringField(_l("Afdeling"), validators=[Optional(), Length(max=120)])
    author = StringField(_l("Auteur"), validators=[Optional(), Length(max=200)])
    summary = TextAreaField(_l("Samenvatting"), validators=[Optional(), Length(max=5000)])
    submit = SubmitField(_l("Opslaan"))
