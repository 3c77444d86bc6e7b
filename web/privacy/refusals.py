"""The page for something a withdrawn consent stops (no import of the privacy views, so the
printing blueprint can use it)."""

from __future__ import annotations

from flask import render_template
from flask_babel import gettext as _

from sns.privacy.consent import ConsentWithdrawn


def consent_withdrawn_page():
    """409: the resident withdrew the consent this needs (e.g. invitations to members)."""
    return render_template("errors/error.html", title=_("Toestemming ingetrokken"),
                           message=_(ConsentWithdrawn.message)), 409
