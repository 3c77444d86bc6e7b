"""The teamleider's list "wordt binnenkort verwijderd": closed trajectories of the team that
the retention run (``sns purge``) erases within a month, so that a resident who still needs
the team can be reopened in time. Names and dates only; the files stay closed to the
teamleider."""

from __future__ import annotations

from flask import current_app, render_template, url_for

from sns.models import Resident
from sns.privacy import retention
from web.core.access import current_coach, load_team_resident, resident_loader, role_required
from web.core.database import get_db
from web.privacy import retention_bp
from web.privacy.erasing import erase_page


def months() -> int:
    """The configured retention period (``SNS_RETENTION_MONTHS``)."""
    return int(current_app.config.get("RETENTION_MONTHS") or retention.retention_months())


@retention_bp.get("/")
@role_required("teamleider")
def soon():
    leider = current_coach()
    return render_template(
        "privacy/retention.html", months=months(),
        upcoming=retention.upcoming(get_db(), months(), leider.team_id),
    )


@retention_bp.route("/bewoners/<int:resident_id>/wissen", methods=["GET", "POST"])
@role_required("teamleider")
@resident_loader(load_team_resident)
def erase(resident: Resident):
    """The teamleider erases a resident of the team now (after typing the name), e.g. one
    on the list above who asked for it; a resident of another team is 404."""
    soon_url = url_for("bewaartermijn.soon")
    return erase_page(resident, cancel=soon_url, back=soon_url)
