from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    PasswordField,
    SelectChoice,
    SelectField,
    StringField,
    SubmitField,
)
from wtforms.validators import DataRequired, EqualTo, Length

from academy.auth.services import MIN_PASSWORD_LENGTH


class LoginForm(FlaskForm):
    username = StringField(
        _l("Gebruikersnaam"),
        validators=[DataRequired(_l("Vul je gebruikersnaam in.")), Length(max=64)],
        render_kw={"autocomplete": "username", "autocapitalize": "none"},
    )
    password = PasswordField(
        _l("Wachtwoord"),
        validators=[DataRequired(_l("Vul je wachtwoord in.")), Length(max=256)],
        render_kw={"autocomplete": "current-password"},
    )
    remember = BooleanField(_l("Ingelogd blijven"))
    submit = SubmitField(_l("Inloggen"))


class NewPasswordMixin:
    new_password = PasswordField(
        _l("Nieuw wachtwoord"),
        validators=[
            DataRequired(_l("Kies een nieuw wachtwoord.")),
            Length(
                min=MIN_PASSWORD_LENGTH,
                max=256,
                message=_l("Een wachtwoord heeft minstens %(n)s tekens.", n=MIN_PASSWORD_LENGTH),
            ),
        ],
        render_kw={"autocomplete": "new-password"},
    )
    confirm = PasswordField(
        _l("Herhaal nieuw wachtwoord"),
        validators=[EqualTo("new_password", message=_l("De wachtwoorden zijn niet gelijk."))],
        render_kw={"autocomplete": "new-password"},
    )


class ChangePasswordForm(NewPasswordMixin, FlaskForm):
    current_password = PasswordField(
        _l("Huidig wachtwoord"),
        validators=[DataRequired(_l("Vul je huidige wachtwoord in."))],
        render_kw={"autocomplete": "current-password"},
    )
    keep_tokens = BooleanField(_l("Mijn API-tokens blijven geldig"))
    submit = SubmitField(_l("Wachtwoord wijzigen"))


class ApiTokenForm(FlaskForm):
    name = StringField(
        _l("Naam van het token"),
        validators=[
            DataRequired(_l("Geef het token een naam, zodat je het later herkent.")),
            Length(max=100, message=_l("Een naam heeft hoogstens 100 tekens.")),
        ],
        render_kw={"autocomplete": "off", "maxlength": 100},
    )
    lifetime = SelectField(
        _l("Geldig"),
        choices=[
            SelectChoice(30, _l("30 dagen")),
            SelectChoice(90, _l("90 dagen")),
            SelectChoice(180, _l("180 dagen")),
            SelectChoice(365, _l("1 jaar")),
        ],
        coerce=int,
        default=90,
    )
    read_only = BooleanField(_l("Alleen lezen"))
    submit = SubmitField(_l("Token maken"))
