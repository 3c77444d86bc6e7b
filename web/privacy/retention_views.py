"""The teamleider's list "wordt binnenkort verwijderd": closed trajectories of the team that
the retention run (``sns purge``) erases within a month, so that a resident who still needs
the team can be reopened in time. Names and dates only; the files stay closed to the
teamleider."""

from __future__ import annotations

from flask import current_app, render_template

from sns import retention
from web.access import current_coach, role_required
from web.database import get_db
from web.privacy import retention_bp


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
