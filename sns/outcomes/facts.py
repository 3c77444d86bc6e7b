"""What the outcome report needs of each resident, loaded in a few queries for a whole team.

Nothing here is new registration: every fact is a side effect of the work itself (the
resident's start, phase changes, the netwerkberaad record, the plan's actions, snapshots and
reviews). Names never leave this module: a fact carries ids, dates, counts and statuses only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sns.models import (
    Action,
    Invitee,
    Meeting,
    NetworkSnapshot,
    Offer,
    PhaseChange,
    Resident,
    Review,
)
from sns.network import snapshots


@dataclass(frozen=True)
class HeldMeeting:
    """A netwerkberaad that took place: on which day, how many were invited and came, how
    many offers ("wie wil wat doen") were made, and how many of them went into the plan."""

    on: date
    invited: int
    attended: int
    offers: int
    taken_up: int


@dataclass
class ResidentFacts:
    """One resident's trajectory as numbers; see :func:`load`."""

    resident_id: int
    team_id: int | None
    started: date
    #: ``(phase, from day)`` in order, beginning with ``("verkenning", started)``.
    phases: list[tuple[str, date]] = field(default_factory=list)
    meetings: list[HeldMeeting] = field(default_factory=list)
    #: ``(status, due day or None, ongoing)`` of every action of the plan, with today's
    #: status; an ongoing action ("elke zondag bellen") has no deadline, only a day to look.
    actions: list[tuple[str, date | None, bool]] = field(default_factory=list)
    #: ``(day taken, outcome figures)`` of every snapshot, oldest first.
    snapshots: list[tuple[date, dict]] = field(default_factory=list)
    #: ``(day held, {domain: score})`` of every review, oldest first.
    reviews: list[tuple[date, dict]] = field(default_factory=list)

    def phase_on(self, day: date) -> str | None:
        """The phase at the start of ``day``; ``None`` before the trajectory began."""
        current = None
        for phase, since in self.phases:
            if since >= day:
                break
            current = phase
        return current


def _day(moment: datetime | date) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def load(db: Session, team_ids: Iterable[int], until: date) -> list[ResidentFacts]:
    """The facts of the residents of ``team_ids`` who started before ``until``.

    Snapshots not yet counted get their outcome figures now (see
    :func:`sns.network.snapshots.figures_of`); the caller commits them.
    """
    team_ids = list(team_ids)
    residents = db.execute(
        select(Resident.id, Resident.team_id, Resident.created_at)
        .where(Resident.team_id.in_(team_ids), Resident.created_at < until)
        .order_by(Resident.id)
    ).all()
    facts = {rid: ResidentFacts(rid, team, _day(created), [("verkenning", _day(created))])
             for rid, team, created in residents}
    ids = select(Resident.id).where(Resident.team_id.in_(team_ids),
                                    Resident.created_at < until)

    for rid, phase, at in db.execute(
            select(PhaseChange.resident_id, PhaseChange.phase, PhaseChange.at)
            .where(PhaseChange.resident_id.in_(ids))
            .order_by(PhaseChange.resident_id, PhaseChange.at, PhaseChange.id)):
        facts[rid].phases.append((phase, _day(at)))

    invited, attended = defaultdict(int), defaultdict(int)
    for meeting_id, came in db.execute(
            select(Invitee.meeting_id, Invitee.attended).where(Invitee.resident_id.in_(ids))):
        invited[meeting_id] += 1
        attended[meeting_id] += bool(came)
    offers = {meeting_id: (made, taken) for meeting_id, made, taken in db.execute(
        select(Offer.meeting_id, func.count(), func.count(Offer.taken_up_on))
        .where(Offer.resident_id.in_(ids)).group_by(Offer.meeting_id))}
    for meeting_id, rid, on in db.execute(
            select(Meeting.id, Meeting.resident_id, Meeting.on_date)
            .where(Meeting.resident_id.in_(ids), Meeting.held.is_(True),
                   Meeting.on_date.is_not(None))
            .order_by(Meeting.on_date, Meeting.id)):
        made, taken = offers.get(meeting_id, (0, 0))
        facts[rid].meetings.append(HeldMeeting(on, invited[meeting_id], attended[meeting_id],
                                               made, taken))

    for rid, status, due, how_often in db.execute(
            select(Action.resident_id, Action.status, Action.due, Action.how_often)
            .where(Action.resident_id.in_(ids)).order_by(Action.id)):
        facts[rid].actions.append((status, due, how_often is not None))

    for snapshot in db.scalars(select(NetworkSnapshot).where(
            NetworkSnapshot.resident_id.in_(ids), NetworkSnapshot.figures.is_(None))):
        snapshots.figures_of(snapshot)
    db.flush()
    for rid, taken, figures in db.execute(
            select(NetworkSnapshot.resident_id, NetworkSnapshot.taken_at,
                   NetworkSnapshot.figures)
            .where(NetworkSnapshot.resident_id.in_(ids))
            .order_by(NetworkSnapshot.taken_at, NetworkSnapshot.id)):
        facts[rid].snapshots.append((_day(taken), figures))

    for rid, held, scores in db.execute(
            select(Review.resident_id, Review.held_on, Review.scores)
            .where(Review.resident_id.in_(ids)).order_by(Review.held_on, Review.id)):
        facts[rid].reviews.append((held, scores or {}))
    return list(facts.values())
