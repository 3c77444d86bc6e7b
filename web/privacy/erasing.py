"""The erasure form's submission, shared by the coach's page and the teamleider's list:
erase and commit, or say why not (and nothing was deleted)."""

from __future__ import annotations

from flask import flash, render_template, request
from flask_babel import gettext as _

from sns.errors import Invalid, StaleVersion
from sns.models import Resident
from sns.privacy import erasure
from web.core.access import current_coach
from web.core.database import get_db
from web.core.forms import int_or_none


def erase_or_refuse(resident: Resident, cancel: str):
    """Erase ``resident`` as confirmed in the form; None when done, else the page again
    (400 wrong name, 409 changed meanwhile). Forbidden passes on to the 403 page."""
    db = get_db()
    try:
        erasure.erase_resident(db, current_coach(), resident,
                               confirmation=request.form.get("confirmation"),
                               expected_version=int_or_none(request.form.get("version")))
    except StaleVersion as err:
        db.rollback()
        flash(_("Iemand anders heeft deze bewoner net gewijzigd. Er is niets verwijderd. "
                "Kijk of u nog steeds alles wilt wissen."), "error")
        return render_template("privacy/erase.html", resident=resident,
                               version=err.current_version, cancel=cancel), 409
    except Invalid as err:
        db.rollback()
        flash(_(err.message), "error")
        return render_template("privacy/erase.html", resident=resident,
                               version=resident.version, cancel=cancel), 400
    db.commit()
    return None
