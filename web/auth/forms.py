"""Login forms: the password, then the code of the second factor."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length


class LoginForm(FlaskForm):
    template = "auth/login.html"

    username = StringField(_l("Gebruikersnaam"), validators=[DataRequired(), Length(max=80)])
    password = PasswordField(_l("Wachtwoord"), validators=[DataRequired(), Length(max=200)])


class CodeForm(FlaskForm):
    template = "auth/code.html"

    code = StringField(_l("Code"), validators=[DataRequired(), Length(max=40)])
