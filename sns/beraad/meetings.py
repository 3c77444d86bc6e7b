"""Preparing and recording the netwerkberaad: the resident's own meeting.

The resident organises it and invites people from their map; the coach only informs. The
tool warns (it does not forbid) when two invitees have a strained relation or when the table
gets too large, and it writes the invitation as from the resident.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from sns import audit
from sns.errors import Invalid, NotFound
from sns.i18n import N_
from sns.models import Coach, Invitee, Meeting, NetworkMember, Offer, Resident, Tie
from sns.network.graphs import names_of
from sns.rules import check_version, clean_text

#: More people than this at one table makes a conversation hard (001:99).
TABLE_LIMIT = 12

DEFAULT_AGENDA = N_(
    "1. Welkom (ik heet iedereen welkom)\n"
    "2. Mijn vraag\n"
    "3. Wat gaat er goed?\n"
    "4. Wat heb ik nodig?\n"
    "5. Wie wil wat doen?\n"
    "6. Afspraken\n"
    "7. Wanneer zien we elkaar weer?"
)
DEFAULT_INVITATION = N_(
    "Beste {naam},\n\n"
    "Ik wil graag met de mensen om mij heen praten over mijn vraag.\n"
    "{vraag}\n\n"
    "Ik nodig je uit voor een gesprek op {datum} om {tijd}, {plaats}.\n"
    "Het zou fijn zijn als je komt.\n\n"
    "Groet,\n{bewoner}"
)
#: The placeholders of an invitation; {hulpvraag} is an older name of {vraag}: both are the
#: resident's short text for the invitees, never the coach's hulpvraag field.
PLACEHOLDERS = ("naam", "bewoner", "vraag", "hulpvraag", "datum", "tijd", "plaats")
_PLACEHOLDER = re.compile(r"\{(" + "|".join(PLACEHOLDERS) + r")\}")
_PHONE = re.compile(r"^\+?[0-9 ()-]{6,40}$")


@dataclass(frozen=True)
class Caution:
    """Something the resident may want to think about before sending invitations."""

    kind: str  # "strained" or "too_many"
    names: tuple[str, ...] = ()


def get_meeting(db: Session, resident: Resident, meeting_id: int | None) -> Meeting:
    meeting = db.get(Meeting, meeting_id) if meeting_id is not None else None
    if meeting is None or meeting.resident_id != resident.id:
        raise NotFound()
    return meeting


def meetings_of(db: Session, resident: Resident) -> list[Meeting]:
    return list(db.scalars(select(Meeting).where(Meeting.resident_id == resident.id)
                           .order_by(Meeting.on_date.is_(None), Meeting.on_date, Meeting.id)))


def new_meeting(db: Session, coach: Coach, resident: Resident, agenda: str) -> Meeting:
    """A meeting with the default agenda and invitation, at the resident's home."""
    meeting = Meeting(resident_id=resident.id, agenda=agenda, place=None)
    db.add(meeting)
    db.flush()
    audit.record(db, coach, "meeting.create", resident_id=resident.id, detail=str(meeting.id))
    return meeting


def _members(db: Session, resident: Resident, member_ids) -> list[NetworkMember]:
    ids = set(member_ids)
    rows = list(db.scalars(select(NetworkMember).where(NetworkMember.id.in_(ids)))) if ids else []
    if len(rows) != len(ids) or any(m.resident_id != resident.id or m.archived_at for m in rows):
        raise Invalid(N_("Kies mensen uit dit netwerk."))
    return rows


def prepare(
    db: Session,
    coach: Coach,
    resident: Resident,
    meeting: Meeting,
    *,
    expected_version: int | None,
    on_date: date | None,
    at_time: time | None,
    place: str | None,
    agenda: str | None,
    invitation: str | None,
    invitee_ids: list[int],
    invitee_text: str | None = None,
    reply_phone: str | None = None,
    salutations: dict[int, str | None] | None = None,
) -> None:
    """Save date, time, place, agenda, invitation text, the invitees and how each letter
    greets them, the resident's question for the invitees and the reply phone number.

    Moving the date moves the follow-up call with it (it is four weeks after the meeting,
    see :mod:`sns.beraad.followup`)."""
    check_version(meeting.version, expected_version)
    if on_date is not None and not date(2000, 1, 1) <= on_date <= date(2100, 1, 1):
        raise Invalid(N_("Deze datum klopt niet."), field="on_date")
    phone = clean_text(reply_phone, limit=40)
    if phone is not None and not _PHONE.match(phone):
        raise Invalid(N_("Een telefoonnummer heeft alleen cijfers, spaties, + of -."),
                      field="reply_phone")
    invited = _members(db, resident, invitee_ids)
    meeting.on_date, meeting.at_time = on_date, at_time
    meeting.place = clean_text(place, limit=200)
    meeting.agenda = clean_text(agenda)
    meeting.invitation = clean_text(invitation)
    meeting.invitee_text = clean_text(invitee_text, limit=1000)
    meeting.reply_phone = phone
    keep = {m.id for m in invited}
    meeting.invitees = [i for i in meeting.invitees if i.member_id in keep]
    present = {i.member_id for i in meeting.invitees}
    meeting.invitees.extend(Invitee(member_id=m.id, resident_id=resident.id)
                            for m in invited if m.id not in present)
    for invitee in meeting.invitees:
        if salutations and invitee.member_id in salutations:
            invitee.salutation = clean_text(salutations[invitee.member_id], limit=120)
    db.flush()
    audit.record(db, coach, "meeting.prepare", resident_id=resident.id, detail=str(meeting.id))


def warnings(db: Session, resident: Resident, member_ids) -> list[Caution]:
    """Strained relations between invitees (each pair) and a table that is too large."""
    ids = set(member_ids)
    found = []
    names = names_of(db, resident)
    strained = db.scalars(select(Tie).where(
        Tie.resident_id == resident.id, Tie.quality == "gespannen",
        Tie.a_id.in_(ids), Tie.b_id.in_(ids)))
    for tie in strained:
        found.append(Caution("strained", (names[tie.a_id], names[tie.b_id])))
    if len(ids) > TABLE_LIMIT:
        found.append(Caution("too_many"))
    return found


def candidates(members: list[NetworkMember]) -> list[NetworkMember]:
    """Members to choose invitees from: "kan meedenken" first, then by circle and name."""
    return sorted(members, key=lambda m: (not m.can_think_along, m.circle or 9, m.name.lower()))


def fill(template: str, values: dict[str, str]) -> str:
    """``template`` with each ``{placeholder}`` replaced in one pass: a value that contains
    ``{plaats}`` is never substituted again, and other braces stay as they are (user text is
    never a format spec). Lines left empty by an empty value collapse.

    >>> fill("Beste {naam}, tot {plaats}! {x}", {"naam": "{plaats}", "plaats": "bij mij"})
    'Beste {plaats}, tot bij mij! {x}'
    """
    text = _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)
    return re.sub(r"\n{3,}", "\n\n", text)


def invitation_text(template: str, meeting: Meeting, resident: Resident, name: str,
                    *, date_text: str, time_text: str) -> str:
    """The invitation for one invitee, in the resident's words ({naam}, {datum}, ...).
    ``{vraag}`` is the resident's short text for the invitees (empty unless written), never
    the hulpvraag the coach recorded."""
    question = meeting.invitee_text or ""
    return fill(template, {
        "naam": name, "bewoner": resident.name, "vraag": question, "hulpvraag": question,
        "datum": date_text, "tijd": time_text, "plaats": meeting.place or "",
    })


def record(
    db: Session,
    coach: Coach,
    resident: Resident,
    meeting: Meeting,
    *,
    expected_version: int | None,
    attended_ids: list[int],
    agreements: str | None,
    notes: str | None,
    today: date | None = None,
) -> None:
    """Record that the meeting was held: who came, the agreements, notes."""
    check_version(meeting.version, expected_version)
    today = today or date.today()
    if meeting.on_date is None:
        raise Invalid(N_("Vul eerst de datum van het netwerkberaad in."))
    if meeting.on_date > today:
        raise Invalid(N_("Dit netwerkberaad is nog niet geweest: de datum ligt in de toekomst."))
    invited = {i.member_id for i in meeting.invitees}
    came = set(attended_ids)
    if not came <= invited:
        raise Invalid(N_("Kies alleen mensen die waren uitgenodigd."), field="attended")
    for invitee in meeting.invitees:
        invitee.attended = invitee.member_id in came
    meeting.held = True
    meeting.agreements = clean_text(agreements)
    meeting.notes = clean_text(notes)
    db.flush()
    audit.record(db, coach, "meeting.record", resident_id=resident.id, detail=str(meeting.id))


def add_offer(db: Session, coach: Coach, resident: Resident, meeting: Meeting,
              member_id: int | None, what: str | None, domain: str | None,
              domains: dict[str, str]) -> Offer:
    """Wie wil wat doen: someone who was there offers something."""
    what = clean_text(what, limit=1000)
    if what is None or member_id is None:
        raise Invalid(N_("Vul in wie wat wil doen."))
    if domain is not None and domain not in domains:
        raise Invalid(N_("Onbekend leefgebied."))
    _members(db, resident, [member_id])
    offer = Offer(meeting=meeting, resident_id=resident.id, member_id=member_id, what=what,
                  domain=domain)
    db.add(offer)
    db.flush()
    audit.record(db, coach, "meeting.offer", resident_id=resident.id, detail=str(meeting.id))
    return offer


def remove_offer(db: Session, coach: Coach, resident: Resident, meeting: Meeting,
                 offer_id: int) -> None:
    offer = next((o for o in meeting.offers if o.id == offer_id), None)
    if offer is None:
        raise NotFound()
    meeting.offers.remove(offer)
    db.flush()
    audit.record(db, coach, "meeting.offer.remove", resident_id=resident.id)
