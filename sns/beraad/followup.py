"""The follow-up call four weeks after a netwerkberaad: the coach checks in with the resident
on how the plan is going, and marks it done with a note.

The call's date is not stored but follows from the meeting's date, so a meeting that is
moved takes its follow-up with it.
"""

from __future__ import annotations

from datetime import date, timedelta

from sns import audit
from sns.errors import Invalid
from sns.i18n import N_
from sns.models import Coach, Meeting, Resident
from sns.rules import check_version, clean_text

AFTER = timedelta(weeks=4)


def due(meeting: Meeting) -> date | None:
    """When to call: four weeks after the meeting; None without a date or once done.

    >>> due(Meeting(on_date=date(2026, 11, 3)))
    datetime.date(2026, 12, 1)
    >>> due(Meeting(on_date=date(2026, 11, 3), followup_done_on=date(2026, 12, 2))) is None
    True
    """
    if meeting.on_date is None or meeting.followup_done_on is not None:
        return None
    return meeting.on_date + AFTER


def mark_done(db, coach: Coach, resident: Resident, meeting: Meeting, note: str | None, *,
              expected_version: int | None, today: date | None = None) -> None:
    """The call was made: today, with what was said (optional)."""
    check_version(meeting.version, expected_version)
    today = today or date.today()
    if meeting.on_date is None or meeting.on_date > today:
        raise Invalid(N_("Nabellen kan pas na het netwerkberaad."))
    if meeting.followup_done_on is not None:
        raise Invalid(N_("Het nabellen is al gedaan."))
    meeting.followup_done_on = today
    meeting.followup_note = clean_text(note, limit=2000)
    db.flush()
    audit.record(db, coach, "meeting.followup", resident_id=resident.id,
                 detail=str(meeting.id))
