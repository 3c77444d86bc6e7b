"""The invitation letters of a netwerkberaad, one per invitee, as from the resident (shown on
the page and printed)."""

from __future__ import annotations

from collections.abc import Callable

from flask_babel import format_date, format_time, gettext
from sqlalchemy.orm import Session

from sns import beraad, network
from sns.models import Meeting, Resident
from web.privacy.notice import third_party_notice


def letters(db: Session, resident: Resident, meeting: Meeting,
            person: Callable[[str], str] = str) -> list[tuple[str, str]]:
    """``(name, text)`` per invitee; ``person`` turns a name into the printed form."""
    names = network.names_of(db, resident)
    date_text = format_date(meeting.on_date, "EEEE d MMMM yyyy") if meeting.on_date else "…"
    time_text = format_time(meeting.at_time, "HH:mm") if meeting.at_time else "…"
    template = meeting.invitation or gettext(beraad.DEFAULT_INVITATION)
    result = []
    for invitee in meeting.invitees:
        name = person(names[invitee.member_id])
        result.append((name, beraad.invitation_text(template, meeting, resident, name,
                                                    date_text=date_text, time_text=time_text)
                       + "\n\n" + third_party_notice(resident)))
    return result
