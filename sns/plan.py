"""Mijn plan: the actieteam, its actions (who does what, when, per life domain) and reviews."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from sns import audit, snapshots
from sns.dates import add_months
from sns.errors import Invalid, NotFound
from sns.i18n import N_
from sns.models import (
    ACTION_STATUSES,
    Action,
    Coach,
    LifeDomainEntry,
    NetworkMember,
    Performer,
    Resident,
    Review,
)
from sns.residents import check_version, clean_text
from sns.trajectory import REVIEW_EVERY_MONTHS

ACTIVE = ("open", "bezig")


@dataclass
class ActionInput:
    what: str | None
    member_ids: list[int]
    professional: str | None
    due: date | None
    domain: str | None
    status: str = "open"


def is_overdue(action: Action, today: date | None = None) -> bool:
    """An action still open or in progress whose date has passed.

    >>> is_overdue(Action(status="bezig", due=date(2026, 1, 1)), date(2026, 1, 2))
    True
    >>> is_overdue(Action(status="gedaan", due=date(2026, 1, 1)), date(2026, 1, 2))
    False
    >>> is_overdue(Action(status="open", due=None), date(2026, 1, 2))
    False
    """
    today = today or date.today()
    return action.status in ACTIVE and action.due is not None and action.due < today


def actions_of(db: Session, resident: Resident) -> list[Action]:
    """The plan's actions, by date (no date last)."""
    return list(db.scalars(select(Action).where(Action.resident_id == resident.id)
                           .order_by(Action.due.is_(None), Action.due, Action.id)))


def get_action(db: Session, resident: Resident, action_id: int | None) -> Action:
    action = db.get(Action, action_id) if action_id is not None else None
    if action is None or action.resident_id != resident.id:
        raise NotFound()
    return action


def set_team(db: Session, coach: Coach, resident: Resident, member_ids: list[int]) -> None:
    """The actieteam: the members who carry the plan (attendees of the beraad and others)."""
    chosen = set(member_ids)
    members = list(db.scalars(select(NetworkMember).where(
        NetworkMember.resident_id == resident.id, NetworkMember.archived_at.is_(None))))
    if not chosen <= {m.id for m in members}:
        raise Invalid(N_("Kies mensen uit dit netwerk."))
    for member in members:
        member.in_actieteam = member.id in chosen
    db.flush()
    audit.record(db, coach, "actieteam.set", resident_id=resident.id, detail=str(len(chosen)))


def _apply(db: Session, resident: Resident, action: Action, data: ActionInput,
           domains: dict[str, str]) -> None:
    what = clean_text(data.what, limit=1000)
    professional = clean_text(data.professional, limit=200)
    if what is None:
        raise Invalid(N_("Vul in wat er moet gebeuren."))
    if not data.member_ids and professional is None:
        raise Invalid(N_("Vul in wie het doet: iemand uit het netwerk of een hulpverlener."))
    if data.domain is not None and data.domain not in domains:
        raise Invalid(N_("Onbekend leefgebied."))
    if data.status not in ACTION_STATUSES:
        raise Invalid(N_("Onbekende stand van zaken."))
    if data.due is not None and not date(2000, 1, 1) <= data.due <= date(2100, 1, 1):
        raise Invalid(N_("Deze datum klopt niet."))
    ids = set(data.member_ids)
    # Someone who has left the network may stay on an action they carried (the history
    # stays readable), but is not given a new one.
    carried = {p.member_id for p in action.performers}
    found = set(db.scalars(select(NetworkMember.id).where(
        NetworkMember.id.in_(ids), NetworkMember.resident_id == resident.id,
        NetworkMember.archived_at.is_(None) | NetworkMember.id.in_(carried)))) if ids else set()
    if found != ids:
        raise Invalid(N_("Kies mensen uit dit netwerk."))
    action.what, action.professional, action.domain = what, professional, data.domain
    action.due, action.status = data.due, data.status
    action.performers = [p for p in action.performers if p.member_id in ids]
    present = {p.member_id for p in action.performers}
    action.performers.extend(Performer(member_id=i, resident_id=resident.id)
                             for i in sorted(ids - present))


def add_action(db: Session, coach: Coach, resident: Resident, data: ActionInput,
               domains: dict[str, str]) -> Action:
    action = Action(resident_id=resident.id)
    _apply(db, resident, action, data, domains)
    db.add(action)
    db.flush()
    audit.record(db, coach, "action.add", resident_id=resident.id, detail=str(action.id))
    return action


def update_action(db: Session, coach: Coach, resident: Resident, action: Action,
                  data: ActionInput, domains: dict[str, str], *,
                  expected_version: int | None) -> None:
    check_version(action.version, expected_version)
    _apply(db, resident, action, data, domains)
    db.flush()
    audit.record(db, coach, "action.update", resident_id=resident.id, detail=str(action.id))


def reviews_of(db: Session, resident: Resident) -> list[Review]:
    return list(db.scalars(select(Review).where(Review.resident_id == resident.id)
                           .order_by(Review.held_on.desc(), Review.id.desc())))


def save_review(
    db: Session,
    coach: Coach,
    resident: Resident,
    *,
    held_on: date | None,
    progress: dict[int, str],
    scores: dict[str, int],
    notes: str | None,
    domains: dict[str, str],
    sectors,
    today: date | None = None,
) -> Review:
    """An evaluation: the status of each action, the life-domain scores, a snapshot of the
    network, and the next review six months on."""
    today = today or date.today()
    if held_on is None or held_on > today or held_on < date(2000, 1, 1):
        raise Invalid(N_("Vul de datum van de evaluatie in (vandaag of eerder)."))
    actions = {a.id: a for a in actions_of(db, resident)}
    if not set(progress) <= set(actions) or not set(progress.values()) <= set(ACTION_STATUSES):
        raise Invalid(N_("Kies een stand van zaken per actie."))
    if not set(scores) <= set(domains) or any(s not in range(1, 11) for s in scores.values()):
        raise Invalid(N_("Een cijfer is van 1 tot en met 10."))
    for action_id, status in progress.items():
        actions[action_id].status = status
    entries = {e.domain: e for e in db.scalars(
        select(LifeDomainEntry).where(LifeDomainEntry.resident_id == resident.id))}
    for domain, score in scores.items():
        entry = entries.get(domain) or LifeDomainEntry(resident_id=resident.id, domain=domain)
        entry.score = score
        db.add(entry)
    snapshot = snapshots.take(db, coach, resident,
                              f"Evaluatie {held_on.isoformat()}", sectors)
    review = Review(resident_id=resident.id, held_on=held_on, notes=clean_text(notes),
                    snapshot_id=snapshot.id,
                    progress={str(k): v for k, v in progress.items()},
                    scores=dict(scores))
    db.add(review)
    resident.next_review = add_months(held_on, REVIEW_EVERY_MONTHS)
    db.flush()
    audit.record(db, coach, "review.save", resident_id=resident.id, detail=str(review.id))
    return review
