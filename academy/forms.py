"""Form pieces shared by several blueprints."""

import math

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import Field, SelectMultipleField, SubmitField
from wtforms.form import BaseForm
from wtforms.validators import NumberRange
from wtforms.widgets import CheckboxInput, ListWidget


class MultiCheckboxField(SelectMultipleField):
    """A multiple choice shown as a list of checkboxes instead of a multi-select box."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class ConfirmForm(FlaskForm):
    """An empty form that only carries the CSRF token for a POST button."""

    submit = SubmitField(_l("Bevestigen"))


class IntegerRange(NumberRange):
    """NumberRange that survives any integer the user types.

    WTForms' own first calls math.isnan(data), which raises OverflowError for an integer
    too large for a float ("9" * 400): a 500 instead of a field error.
    """

    def __call__(self, form: BaseForm, field: Field) -> None:
        data = field.data
        if not isinstance(data, int) or abs(data) <= 2**53:
            return super().__call__(form, field)
        field.data = math.inf if data > 0 else -math.inf  # beyond every finite bound
        try:
            return super().__call__(form, field)
        finally:
            field.data = data
