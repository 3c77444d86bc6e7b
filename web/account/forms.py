"""Forms of the coach's own account."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length


class OwnPasswordForm(FlaskForm):
    current = PasswordField(_l("Huidig wachtwoord"), validators=[DataRequired(),
                                                                   Length(max=200)])
    new = PasswordField(_l("Nieuw wachtwoord (minstens 10 tekens)"),
                        validators=[DataRequired(), Length(max=200)])
    repeat = PasswordField(_l("Nieuw wachtwoord nog een keer"), validators=[
        DataRequired(), EqualTo("new", message=_l("De twee nieuwe wachtwoorden zijn niet "
                                                  "hetzelfde."))])


class SetupCodeForm(FlaskForm):
    code = StringField(_l("Code uit de app"), validators=[DataRequired(), Length(max=40)])
