from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, SelectField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional

from academy.forms import MultiCheckboxField


class AssignmentForm(FlaskForm):
    """What: "module-<id>" or "oefening-<id>"; who: people and/or teams (ids)."""

    work = SelectField(
        _l("Module of oefening"), validators=[InputRequired(_l("Kies wat er gedaan moet worden."))]
    )
    users = MultiCheckboxField(_l("Personen"), coerce=int, validate_choice=False)
    teams = MultiCheckboxField(_l("Teams"), coerce=int, validate_choice=False)
    due_date = DateField(
        _l("Uiterste datum"), validators=[InputRequired(_l("Vul een datum in als jjjj-mm-dd."))]
    )
    message = TextAreaField(
        _l("Bericht aan de deelnemers"), validators=[Optional(), Length(max=2000)]
    )
    submit = SubmitField(_l("Opslaan"))
