"""The light intake: only a name or pseudonym is required."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from sns.rules import NAME_MAX, TEXT_MAX


class NewResidentForm(FlaskForm):
    name = StringField(
        _l("Naam of schuilnaam"),
        validators=[DataRequired(_l("Vul een naam of schuilnaam in.")), Length(max=NAME_MAX)],
    )
    hulpvraag = TextAreaField(
        _l("Hulpvraag, in de woorden van de bewoner (mag later)"),
        validators=[Optional(), Length(max=TEXT_MAX)],
    )
