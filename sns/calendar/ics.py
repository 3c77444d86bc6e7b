"""Calendar files (iCalendar, RFC 5545) for the coach's own calendar: a netwerkberaad, its
follow-up call, a review date; and the coach's whole feed.

Residents are named as the coach chose for the feed (initials by default, and then no
place either), so a calendar app or a shared agenda never holds more than that. Times are
written in UTC (the meeting's time is Dutch local time), which every calendar app converts
back; a meeting without a time and the other moments are all-day events. Texts are
escaped by the ``icalendar`` library.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
from sqlalchemy import select
from sqlalchemy.orm import Session

from graph.map.style import styled_name
from sns.beraad import followup
from sns.models import Coach, Meeting, Resident
from sns.residents import access

TIMEZONE = ZoneInfo("Europe/Amsterdam")
MEETING_LENGTH = timedelta(hours=2)
PRODID = "-//sns//Mijn netwerk//NL"
#: Moments further back than this are left out of the feed.
FEED_PAST = timedelta(days=60)
#: What each moment is called. A calendar app fetches the feed without a language of its
#: own, so these are in the interface's default language, Dutch.
SUMMARIES = {
    "meeting": "Netwerkberaad",
    "followup": "Nabellen na netwerkberaad",
    "review": "Evaluatie van het plan",
}


def resident_label(name: str, style: str = "initialen") -> str:
    """The resident as the calendar shows them: initials, first name or the full name.

    >>> resident_label("Riek de Vries"), resident_label("Riek de Vries", "voornaam")
    ('R.d.V.', 'Riek')
    """
    if style == "volledig":
        return name
    if style == "voornaam":
        return styled_name(name, "first") or "?"
    return styled_name(name, "initials")


@dataclass(frozen=True)
class Moment:
    """One thing in the calendar. ``at`` is a date (all day) or a local datetime."""

    uid: str
    summary: str
    at: date | datetime
    location: str | None = None


def meeting_moment(meeting: Meeting, label: str, style: str = "initialen") -> Moment | None:
    """The netwerkberaad; its place (often the resident's address) only when the coach
    chose to see more than initials, since an address names the resident as well."""
    if meeting.on_date is None:
        return None
    at: date | datetime = meeting.on_date
    if meeting.at_time is not None:
        at = datetime.combine(meeting.on_date, meeting.at_time, TIMEZONE)
    return Moment(f"meeting-{meeting.id}@sns", f"{SUMMARIES['meeting']} {label}", at,
                  meeting.place if style != "initialen" else None)


def followup_moment(meeting: Meeting, label: str) -> Moment | None:
    day = followup.due(meeting)
    if day is None:
        return None
    return Moment(f"followup-{meeting.id}@sns", f"{SUMMARIES['followup']} {label}",
                  day)


def review_moment(resident: Resident, label: str) -> Moment | None:
    if resident.next_review is None:
        return None
    return Moment(f"review-{resident.id}@sns", f"{SUMMARIES['review']} {label}",
                  resident.next_review)


def to_ical(moments: list[Moment], now: datetime | None = None) -> bytes:
    """An iCalendar file with one event per moment."""
    now = now or datetime.now(UTC)
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    for moment in moments:
        event = icalendar.Event()
        event.add("uid", moment.uid)
        event.add("dtstamp", now)
        event.add("summary", moment.summary)
        if isinstance(moment.at, datetime):
            start = moment.at.astimezone(UTC)
            event.add("dtstart", start)
            event.add("dtend", start + MEETING_LENGTH)
        else:
            event.add("dtstart", moment.at)
            event.add("dtend", moment.at + timedelta(days=1))
        if moment.location:
            event.add("location", moment.location)
        cal.add_component(event)
    return cal.to_ical()


def moments_of(db: Session, resident: Resident, style: str,
               today: date | None = None) -> list[Moment]:
    """A resident's coming moments: netwerkberaden not yet held, follow-up calls not yet
    made, the next review (from ``FEED_PAST`` ago on)."""
    since = (today or date.today()) - FEED_PAST
    label = resident_label(resident.name, style)
    found: list[Moment | None] = []
    meetings = db.scalars(select(Meeting).where(Meeting.resident_id == resident.id)
                          .order_by(Meeting.id))
    for meeting in meetings:
        if not meeting.held:
            found.append(meeting_moment(meeting, label, style))
        found.append(followup_moment(meeting, label))
    found.append(review_moment(resident, label))
    return [m for m in found if m is not None and _day(m.at) >= since]


def feed(db: Session, coach: Coach, style: str, today: date | None = None) -> bytes:
    """The coach's feed: the moments of every resident they are assigned to."""
    moments = []
    for resident in db.scalars(access.assigned_residents(coach).order_by(Resident.id)):
        moments.extend(moments_of(db, resident, style, today))
    return to_ical(moments)


def _day(at: date | datetime) -> date:
    return at.date() if isinstance(at, datetime) else at
