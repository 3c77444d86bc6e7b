"""The erasure page, shared by the coach's page and the teamleider's list: the form, then
erase and commit, or the form again saying why not (and nothing was deleted)."""

from __future__ import annotations

from flask import render_template, request
from flask_babel import gettext as _

from sns.i18n import N_
from sns.models import Resident
from sns.privacy import erasure
from web.core.access import current_coach
from web.core.database import get_db
from web.core.forms import int_or_none
from web.core.saving import save

#: Someone saved in between: the coach decides again, on what is there now.
CHANGED = N_("Iemand anders heeft deze bewoner net gewijzigd. Er is niets verwijderd. Kijk of "
             "u nog steeds alles wilt wissen.")


def erase_page(resident: Resident, *, cancel: str, back: str):
    """The form to erase ``resident`` (``cancel`` leads away from it); posted, the resident
    is erased as confirmed and the browser goes to ``back``, or the form is shown again
    (400 wrong name, 409 changed meanwhile). Forbidden passes on to the 403 page."""

    def page(status: int = 200):
        return render_template("privacy/erase.html", resident=resident,
                               version=resident.version, cancel=cancel), status

    if request.method == "GET":
        return page()
    return save(lambda: erasure.erase_resident(
        get_db(), current_coach(), resident, confirmation=request.form.get("confirmation"),
        expected_version=int_or_none(request.form.get("version"))),
        saved=_("De bewoner en alles wat over hem of haar was opgeslagen, is gewist."),
        back=back, refused=page, refresh=resident, conflict=CHANGED)
