"""Closing a session: the code expires, the anonymous totals are kept, and every participant
is deleted, except that who asked for a netwerkcoach first becomes a resident."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete
from sqlalchemy.orm import Session

from graph import schema
from sns import audit
from sns.errors import Invalid, NotFound
from sns.groups.coach_request import has_opted_in
from sns.groups.maps import graph_of
from sns.groups.overview import totals
from sns.groups.sessions import participants_of
from sns.i18n import N_
from sns.models import Coach, GroupParticipant, GroupSession, Resident
from sns.models.base import utcnow
from sns.network.graphs import store_graph
from sns.residents.caseload import create_resident


def referral_note(session: GroupSession, participant: GroupParticipant) -> str:
    """What the coach reads on the new resident's page: where the request came from, how to
    reach the person, and what they consented to."""
    when = session.on_date.strftime("%d-%m-%Y") if session.on_date else ""
    lines = [
        f"Aangemeld via groepsbijeenkomst '{session.title}' {when}".rstrip() + ".",
        "Wil graag hulp van een netwerkcoach.",
        "Contact: " + ", ".join(x for x in (
            participant.contact_name,
            participant.contact_phone and f"tel. {participant.contact_phone}",
            participant.contact_email and f"e-mail {participant.contact_email}",
        ) if x),
        "Toestemming gegeven op "
        f"{participant.consent_at.strftime('%d-%m-%Y') if participant.consent_at else ''} "
        "om deze gegevens en de netwerkkaart te bewaren voor contact met een netwerkcoach.",
    ]
    return "\n".join(lines)


def close_session(
    db: Session, coach: Coach, session: GroupSession, sectors: Iterable[str] = schema.SECTORS
) -> list[Resident]:
    """Close the session: the code expires, the anonymous totals are kept, every participant
    is deleted. Who asked for a netwerkcoach with consent and contact details first becomes a
    resident in ``coach``'s team caseload, assigned to ``coach``, with their network.

    Returns the new residents. Refused (:class:`Invalid`) for a closed session; two closings
    at once are refused by the session's version (the second one changes nothing).
    """
    if session.facilitator_id != coach.id:
        raise NotFound()
    if not session.is_open:
        raise Invalid(N_("Deze bijeenkomst is al afgesloten."))
    sectors = tuple(sectors)
    people = participants_of(db, session)
    opted_in = [p for p in people if has_opted_in(p)]
    session.summary = totals(people, sectors).as_json()
    session.closed_at = utcnow()
    session.join_code = None
    session.referred = len(opted_in)
    db.flush()  # bumps the version: a concurrent second closing fails here

    residents = []
    for participant in opted_in:
        resident = create_resident(db, coach, participant.contact_name, participant.question)
        resident.contact = referral_note(session, participant)
        store_graph(db, resident, graph_of(participant.network, resident.name, sectors))
        audit.record(db, coach, "group.referral", resident_id=resident.id,
                     detail=f"groepsbijeenkomst {session.id}")
        residents.append(resident)

    db.execute(delete(GroupParticipant).where(GroupParticipant.session_id == session.id))
    db.expire(session, ["participants"])
    audit.record(db, coach, "group.close",
                 detail=f"groepsbijeenkomst {session.id}: {len(people)} deelnemers, "
                        f"{len(residents)} aangemeld")
    return residents
