"""The invitation letters of a netwerkberaad, one per invitee, as from the resident (shown on
the page and printed): the greeting, the resident's text, the agenda and a reply line."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask_babel import format_date, format_time, gettext
from sqlalchemy.orm import Session

from sns.beraad import meetings as beraad
from sns.beraad.salutation import greeting
from sns.models import Meeting, Resident
from sns.network import graphs as network
from web.privacy.notice import third_party_notice


@dataclass(frozen=True)
class Letter:
    """One invitation. ``greeting`` is how it addresses the invitee ("" when the map label
    gives none, only a role or only a surname, and nobody filled one in: the letter then
    says "Beste," and the pages ask the coach for the greeting)."""

    member_id: int
    name: str  # as on the map (printed form), for the coach
    greeting: str
    text: str
    agenda: str
    reply: str
    #: Art. 14 AVG: that their name is on the resident's map, and whom to ask to remove it.
    notice: str


def reply_line(meeting: Meeting) -> str:
    """"Laat je weten of je komt?", with the resident's number if they want it there."""
    if meeting.reply_phone:
        return gettext("Laat je weten of je komt? Bel of app mij op %(phone)s.",
                       phone=meeting.reply_phone)
    return gettext("Laat je weten of je komt?")


def letters(db: Session, resident: Resident, meeting: Meeting,
            person: Callable[[str], str] = str) -> list[Letter]:
    """One letter per invitee; ``person`` turns a name into the printed form."""
    names = network.names_of(db, resident)
    date_text = format_date(meeting.on_date, "EEEE d MMMM yyyy") if meeting.on_date else "…"
    time_text = format_time(meeting.at_time, "HH:mm") if meeting.at_time else "…"
    template = meeting.invitation or gettext(beraad.DEFAULT_INVITATION)
    agenda = meeting.agenda or gettext(beraad.DEFAULT_AGENDA)
    reply = reply_line(meeting)
    notice = third_party_notice(resident)
    result = []
    for invitee in meeting.invitees:
        label = names[invitee.member_id]
        greet = person(greeting(label, invitee.salutation) or "")
        text = beraad.invitation_text(template, meeting, resident, greet,
                                      date_text=date_text, time_text=time_text)
        if not greet:  # "Beste ," becomes "Beste,"; the pages ask for a name
            text = text.replace(" ,", ",")
        result.append(Letter(invitee.member_id, person(label), greet, text, agenda, reply,
                             notice))
    return result
