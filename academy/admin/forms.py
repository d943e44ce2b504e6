from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    EmailField,
    SelectChoice,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Email, Length, Optional, Regexp

from academy.auth.forms import NewPasswordMixin
from academy.auth.roles import ROLE_LABELS
from academy.forms import MultiCheckboxField


class UserForm(FlaskForm):
    full_name = StringField(_l("Volledige naam"), validators=[Length(max=120)])
    email = EmailField(
        _l("E-mailadres"),
        validators=[
            Optional(),
            Length(max=254),
            Email(_l("Vul een geldig e-mailadres in."), check_deliverability=False),
        ],
    )
    team_id = SelectField(_l("Team"), coerce=int, validate_choice=True)
    roles = MultiCheckboxField(
        _l("Rollen"),
        choices=[SelectChoice(role.value, label) for role, label in ROLE_LABELS.items()],
        validators=[DataRequired(_l("Kies minstens één rol."))],
    )
    active = BooleanField(_l("Account actief"), default=True)
    submit = SubmitField(_l("Opslaan"))


class NewUserForm(NewPasswordMixin, UserForm):
    username = StringField(
        _l("Gebruikersnaam"),
        validators=[
            DataRequired(_l("Kies een gebruikersnaam.")),
            Length(min=2, max=64),
            Regexp(
                r"^[a-z0-9._-]+$",
                message=_l("Alleen kleine letters, cijfers, punt, streepje en liggend streepje."),
            ),
        ],
        render_kw={"autocapitalize": "none"},
    )
    submit = SubmitField(_l("Gebruiker aanmaken"))


class ResetPasswordForm(NewPasswordMixin, FlaskForm):
    submit = SubmitField(_l("Wachtwoord instellen"))


class TeamForm(FlaskForm):
    name = StringField(
        _l("Naam"), validators=[DataRequired(_l("Geef het team een naam.")), Length(max=120)]
    )
    description = TextAreaField(_l("Omschrijving"), validators=[Length(max=500)])
    submit = SubmitField(_l("Opslaan"))
