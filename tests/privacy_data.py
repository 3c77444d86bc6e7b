"""A resident with a row in every table of their file, every text field holding a marker, for
the privacy tests (erasure leaves no trace, the export holds every field)."""

from __future__ import annotations

from datetime import date, time

from sqlalchemy import MetaData, select

from sns.models import (
    Action,
    Coach,
    Invitee,
    LifeDomainEntry,
    Meeting,
    NetworkChange,
    NetworkMember,
    Offer,
    Performer,
    PhaseChange,
    ResidentTopic,
    Review,
    Tie,
)
from sns.network import snapshots
from sns.privacy import consent
from sns.residents import codes
from sns.residents.caseload import create_resident


def tables_holding(db, text: str) -> set[str]:
    """Every table (read from the database itself) with a column whose value contains text."""
    found = set()
    metadata = MetaData()
    metadata.reflect(db.get_bind())
    for table in metadata.sorted_tables:
        for row in db.execute(select(table)):
            if any(text in str(value) for value in row if value is not None):
                found.add(table.name)
    return found


def full_resident(db, coach: Coach, marker: str):
    """Create and commit a resident whose every text contains ``marker``; returns it."""
    resident = create_resident(db, coach, f"Bewoner {marker}", f"Hulpvraag {marker}")
    resident.wishes, resident.talents = f"Wens {marker}", f"Talent {marker}"
    resident.contact = f"Telefoon {marker}"
    a = NetworkMember(resident_id=resident.id, name=f"Lid {marker} A", note=f"Notitie {marker}",
                      talents=f"Kan {marker}", willing=f"Wil {marker}", circle=1,
                      sector="familie", support=["praktisch"], gives=["nood"],
                      reciprocal=True)
    b = NetworkMember(resident_id=resident.id, name=f"Lid {marker} B", circle=2,
                      state="vroeger")
    db.add_all([a, b])
    db.flush()
    db.add(Tie(resident_id=resident.id, a_id=a.id, b_id=b.id, quality="goed"))
    db.add(LifeDomainEntry(resident_id=resident.id, domain="wonen", current=f"Nu {marker}",
                           desired=f"Straks {marker}", score=6))
    db.add(PhaseChange(resident_id=resident.id, phase="verkenning", coach_id=coach.id))
    db.flush()
    snapshot = snapshots.take(db, coach, resident, f"Moment {marker}")
    meeting = Meeting(resident_id=resident.id, on_date=date(2026, 1, 5), at_time=time(19),
                      place=f"Plaats {marker}", agenda=f"Agenda {marker}",
                      invitation=f"Uitnodiging {marker}", held=True,
                      agreements=f"Afspraak {marker}", notes=f"Verslag {marker}")
    db.add(meeting)
    db.flush()
    db.add(Invitee(meeting_id=meeting.id, member_id=a.id, resident_id=resident.id,
                   attended=True))
    db.add(Offer(meeting_id=meeting.id, member_id=a.id, resident_id=resident.id,
                 what=f"Aanbod {marker}", domain="wonen"))
    action = Action(resident_id=resident.id, what=f"Actie {marker}",
                    professional=f"Hulpverlener {marker}", due=date(2026, 2, 1))
    db.add(action)
    db.flush()
    db.add(Performer(action_id=action.id, member_id=a.id, resident_id=resident.id))
    db.add(Review(resident_id=resident.id, held_on=date(2026, 3, 1), notes=f"Evaluatie {marker}",
                  snapshot_id=snapshot.id, progress={str(action.id): "bezig"},
                  scores={"wonen": 7}))
    consent.give(db, coach, resident, "kaart_en_plan")
    consent.give(db, coach, resident, "inzage_met_code")
    codes.issue(db, coach, resident, "bewoner")
    db.add(ResidentTopic(resident_id=resident.id, text=f"Bespreken {marker}"))
    # a change the coach could still undo: Lid B's note as it was, and taken away
    db.add(NetworkChange(resident_id=resident.id, coach_id=coach.id, action="update_member",
                         before={"network_member": {str(b.id): {"note": f"Oud {marker}"}}},
                         after={"network_member": {str(b.id): {"note": None}}}))
    db.commit()
    return resident
