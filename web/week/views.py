"""The "Deze week" page."""

from __future__ import annotations

from datetime import date

from flask import current_app, render_template

from sns.residents import week
from web.core.access import current_coach
from web.core.database import get_db
from web.week import bp


@bp.get("/deze-week")
def index():
    """What needs the coach this week, most urgent first; a teamleider also sees the team's
    totals (counts only: names only of their own residents, in the list above them)."""
    db = get_db()
    coach = current_coach()
    today = date.today()
    weeks = int(current_app.config.get("QUIET_WEEKS", week.QUIET_WEEKS))
    counts = week.team_counts(db, coach, today, weeks) if coach.role == "teamleider" else None
    return render_template("week/index.html", items=week.for_coach(db, coach, today, weeks),
                           counts=counts, today=today, quiet_weeks=weeks, kinds=week.KINDS)
