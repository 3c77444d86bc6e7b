"""Mijn plan: the actieteam, its actions (who does what, when, per life domain) and reviews."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from sns import audit
from sns.errors import Invalid, NotFound
from sns.i18n import N_
from sns.models import (
    ACTION_STATUSES,
    Action,
    Coach,
    LifeDomainEntry,
    NetworkMember,
    Offer,
    Performer,
    Resident,
    Review,
)
from sns.network import snapshots
from sns.plan.dates import add_months, day_text
from sns.residents.trajectory import REVIEW_EVERY_MONTHS
from sns.rules import check_version, clean_text

ACTIVE = ("open", "bezig")


@dataclass
class ActionInput:
    """An action as typed. A one-off action has a date by which it is done (``due``); an
    ongoing one (``ongoing``) says how often in words or as a simple repeat (``how_often``)
    and may have a date to look at it again (``due``)."""

    what: str | None
    member_ids: list[int]
    professional: str | None
    due: date | None
    domain: str | None
    status: str = "open"
    ongoing: bool = False
    how_often: str | None = None


def is_overdue(action: Action, today: date | None = None) -> bool:
    """A one-off action still open or in progress whose date has passed (an ongoing action
    is never late: its date is when to look at it again).

    >>> is_overdue(Action(status="bezig", due=date(2026, 1, 1)), date(2026, 1, 2))
    True
    >>> is_overdue(Action(status="bezig", due=date(2026, 1, 1), how_often="elke zondag"),
    ...            date(2026, 1, 2))
    False
    >>> is_overdue(Action(status="gedaan", due=date(2026, 1, 1)), date(2026, 1, 2))
    False
    >>> is_overdue(Action(status="open", due=None), date(2026, 1, 2))
    False
    """
    today = today or date.today()
    return (action.status in ACTIVE and action.how_often is None and action.due is not None
            and action.due < today)


def is_ongoing(action: Action) -> bool:
    """An action that keeps happening ("elke zondag bellen") and is not stopped or done."""
    return action.how_often is not None and action.status in ACTIVE


def actions_of(db: Session, resident: Resident) -> list[Action]:
    """The plan's actions, by date (no date last)."""
    return list(db.scalars(select(Action).where(Action.resident_id == resident.id)
                           .order_by(Action.due.is_(None), Action.due, Action.id)))


def plan_pending(db: Session, resident: Resident) -> date | None:
    """The date the plan should be ready by, while there is no plan yet (no action): once
    the first action is in, "Plan klaar vóór ..." is no longer a thing to do."""
    if resident.plan_due is None:
        return None
    has_action = db.scalar(select(Action.id).where(Action.resident_id == resident.id).limit(1))
    return None if has_action else resident.plan_due


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
           domains: dict[str, str], today: date | None = None) -> None:
    today = today or date.today()
    what = clean_text(data.what, limit=1000)
    professional = clean_text(data.professional, limit=200)
    how_often = clean_text(data.how_often, limit=200) if data.ongoing else None
    if what is None:
        raise Invalid(N_("Vul in wat er moet gebeuren."), field="what")
    if not data.member_ids and professional is None:
        raise Invalid(N_("Vul in wie het doet: iemand uit het netwerk of een hulpverlener."),
                      field="who")
    if data.domain is not None and data.domain not in domains:
        raise Invalid(N_("Onbekend leefgebied."), field="domain")
    if data.status not in ACTION_STATUSES:
        raise Invalid(N_("Onbekende stand van zaken."), field="status")
    if data.due is not None and not date(2000, 1, 1) <= data.due <= date(2100, 1, 1):
        raise Invalid(N_("Deze datum klopt niet."), field="due")
    if data.ongoing and how_often is None:
        raise Invalid(N_("Vul in hoe vaak het gebeurt, bijvoorbeeld: elke zondag."),
                      field="how_often")
    if data.ongoing and data.due is not None and data.due < today and data.due != action.due:
        raise Invalid(N_("Kies een datum vanaf vandaag om dit opnieuw te bekijken."),
                      field="due")
    ids = set(data.member_ids)
    # Someone who has left the network may stay on an action they carried (the history
    # stays readable), but is not given a new one.
    carried = {p.member_id for p in action.performers}
    found = set(db.scalars(select(NetworkMember.id).where(
        NetworkMember.id.in_(ids), NetworkMember.resident_id == resident.id,
        NetworkMember.archived_at.is_(None) | NetworkMember.id.in_(carried)))) if ids else set()
    if found != ids:
        raise Invalid(N_("Kies mensen uit dit netwerk."), field="who")
    action.what, action.professional, action.domain = what, professional, data.domain
    action.due, action.status, action.how_often = data.due, data.status, how_often
    action.performers = [p for p in action.performers if p.member_id in ids]
    present = {p.member_id for p in action.performers}
    action.performers.extend(Performer(member_id=i, resident_id=resident.id)
                             for i in sorted(ids - present))


def add_action(db: Session, coach: Coach, resident: Resident, data: ActionInput,
               domains: dict[str, str], today: date | None = None) -> Action:
    action = Action(resident_id=resident.id)
    _apply(db, resident, action, data, domains, today)
    db.add(action)
    db.flush()
    audit.record(db, coach, "action.add", resident_id=resident.id, detail=str(action.id))
    return action


def update_action(db: Session, coach: Coach, resident: Resident, action: Action,
                  data: ActionInput, domains: dict[str, str], *,
                  expected_version: int | None, today: date | None = None) -> None:
    check_version(action.version, expected_version)
    _apply(db, resident, action, data, domains, today)
    db.flush()
    audit.record(db, coach, "action.update", resident_id=resident.id, detail=str(action.id))


def open_offers(db: Session, resident: Resident) -> list[Offer]:
    """What people offered at a netwerkberaad ("wie wil wat doen") and is not yet in the
    plan, oldest first."""
    return list(db.scalars(select(Offer).where(Offer.resident_id == resident.id,
                                               Offer.taken_up_on.is_(None))
                           .order_by(Offer.id)))


def take_up_offer(db: Session, coach: Coach, resident: Resident, offer_id: int | None,
                  data: ActionInput, domains: dict[str, str],
                  today: date | None = None) -> Action:
    """"Zet in het plan": the offer becomes an action (as edited by the coach) and is marked
    as taken up. An offer becomes one action only, also when the button is pressed twice or
    by two coaches at once: the mark is claimed by a conditional UPDATE before the action is
    made."""
    today = today or date.today()
    offer = db.get(Offer, offer_id) if offer_id is not None else None
    if offer is None or offer.resident_id != resident.id:
        raise NotFound()
    claimed = db.execute(update(Offer).where(Offer.id == offer.id,
                                             Offer.taken_up_on.is_(None))
                         .values(taken_up_on=today).execution_options(synchronize_session=False))
    if claimed.rowcount != 1:
        raise Invalid(N_("Dit aanbod staat al in het plan."))
    action = add_action(db, coach, resident, data, domains, today)
    audit.record(db, coach, "offer.take_up", resident_id=resident.id, detail=str(offer.id))
    return action


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
    still: dict[int, bool] | None = None,
    today: date | None = None,
) -> Review:
    """An evaluation: the status of each action, for each ongoing action whether it still
    happens (no: it is stopped; yes: it is going on), the life-domain scores, a snapshot of
    the network, and the next review six months on."""
    still = still or {}
    today = today or date.today()
    if held_on is None or held_on > today or held_on < date(2000, 1, 1):
        raise Invalid(N_("Vul de datum van de evaluatie in (vandaag of eerder)."))
    actions = {a.id: a for a in actions_of(db, resident)}
    if not set(progress) <= set(actions) or not set(progress.values()) <= set(ACTION_STATUSES):
        raise Invalid(N_("Kies een stand van zaken per actie."))
    if not set(scores) <= set(domains) or any(s not in range(1, 11) for s in scores.values()):
        raise Invalid(N_("Een cijfer is van 1 tot en met 10."))
    if not set(still) <= {i for i, a in actions.items() if is_ongoing(a)}:
        raise Invalid(N_("Zeg per doorlopende actie of die nog gebeurt."))
    for action_id, status in progress.items():
        actions[action_id].status = status
    for action_id, happens in still.items():
        actions[action_id].status = "bezig" if happens else "gestopt"
    entries = {e.domain: e for e in db.scalars(
        select(LifeDomainEntry).where(LifeDomainEntry.resident_id == resident.id))}
    for domain, score in scores.items():
        entry = entries.get(domain) or LifeDomainEntry(resident_id=resident.id, domain=domain)
        entry.score = score
        db.add(entry)
    snapshot = snapshots.take(db, coach, resident,
                              f"Evaluatie {day_text(held_on)}", sectors)
    review = Review(resident_id=resident.id, held_on=held_on, notes=clean_text(notes),
                    snapshot_id=snapshot.id,
                    progress={str(k): v for k, v in progress.items()},
                    scores=dict(scores),
                    ongoing={str(k): v for k, v in still.items()} or None)
    db.add(review)
    resident.next_review = add_months(held_on, REVIEW_EVERY_MONTHS)
    db.flush()
    audit.record(db, coach, "review.save", resident_id=resident.id, detail=str(review.id))
    return review
