"""Forms for accounts and teams."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, PasswordField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length

ROLE_LABELS = {"coach": _l("Coach"), "teamleider": _l("Teamleider"), "admin": _l("Beheerder"),
               "privacy": _l("Functionaris gegevensbescherming"),
               "gemeente": _l("Gemeente (alleen de cijfers)")}
ROLE_CHOICES = [SelectChoice(code, label) for code, label in ROLE_LABELS.items()]


class _TeamChoice:
    team_id = SelectField(_l("Team"), coerce=int)

    def set_teams(self, teams) -> None:
        self.team_id.choices = [SelectChoice(0, _l("Geen team"))] + [
            SelectChoice(t.id, t.name) for t in teams
        ]


class NewAccountForm(_TeamChoice, FlaskForm):
    username = StringField(_l("Gebruikersnaam"), validators=[DataRequired(), Length(max=80)])
    display_name = StringField(_l("Naam"), validators=[Length(max=120)])
    role = SelectField(_l("Rol"), choices=ROLE_CHOICES)
    password = PasswordField(_l("Wachtwoord (minstens 10 tekens)"),
                             validators=[DataRequired(), Length(max=200)])


class EditAccountForm(_TeamChoice, FlaskForm):
    role = SelectField(_l("Rol"), choices=ROLE_CHOICES)
    active = BooleanField(_l("Actief (kan inloggen)"))


class PasswordForm(FlaskForm):
    password = PasswordField(_l("Nieuw wachtwoord (minstens 10 tekens)"),
                             validators=[DataRequired(), Length(max=200)])


class TeamForm(FlaskForm):
    name = StringField(_l("Naam van het team"), validators=[DataRequired(), Length(max=120)])


class EmptyForm(FlaskForm):
    """A button that only needs the CSRF token (resetting the second factor)."""
