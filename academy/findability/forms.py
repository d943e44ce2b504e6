"""The key question form: the question, the queries people type, and the documents that
answer it, picked from search results like an exercise key (no script needed)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField, SubmitField, TextAreaField
from wtforms.validators import Length, Optional

from academy.forms import MultiCheckboxField


class KeyQuestionForm(FlaskForm):
    question = TextAreaField(
        _l("Vraag"), validators=[Optional(), Length(max=500)], render_kw={"rows": 2}
    )
    queries = TextAreaField(
        _l("Zoekvragen die mensen hiervoor typen"),
        validators=[Optional(), Length(max=3000)],
        render_kw={"rows": 4},
    )
    documents = MultiCheckboxField(_l("Documenten die de vraag beantwoorden"), coerce=int)
    search = StringField(_l("Zoek documenten"), validators=[Optional(), Length(max=500)])
    find = SubmitField(_l("Zoeken"))
    submit = SubmitField(_l("Opslaan"))
