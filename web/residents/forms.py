"""Editing the resident's own words, with the version the edit is based on."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from sns.rules import NAME_MAX, TEXT_MAX


class ResidentForm(FlaskForm):
    version = HiddenField()
    name = StringField(
        _l("Naam of schuilnaam"),
        validators=[DataRequired(_l("Vul een naam of schuilnaam in.")), Length(max=NAME_MAX)],
    )
    hulpvraag = TextAreaField(
        _l("Hulpvraag, in eigen woorden"), validators=[Optional(), Length(max=TEXT_MAX)]
    )
    wishes = TextAreaField(_l("Wensen"), validators=[Optional(), Length(max=TEXT_MAX)])
    talents = TextAreaField(_l("Talenten"), validators=[Optional(), Length(max=TEXT_MAX)])
    contact = TextAreaField(
        _l("Contactgegevens (telefoon, e-mail)"), validators=[Optional(), Length(max=TEXT_MAX)]
    )
