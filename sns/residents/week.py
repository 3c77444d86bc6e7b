"""Deze week: what needs the coach across their caseload, most urgent first.

Five kinds of things, each about one resident and one day:

- ``followup``: the call four weeks after a netwerkberaad (sns.beraad.followup), until made;
- ``review``: the next evaluation of the plan, due within the week or overdue;
- ``action``: a one-off action of the plan whose date has passed (sns.plan.actions.is_overdue);
- ``meeting``: a netwerkberaad within the coming week, not yet recorded;
- ``quiet``: a trajectory without any activity for ``quiet_weeks`` weeks (its day is the day
  it became quiet).

They are ordered by day (what is longest overdue first, then today, then the coming days),
then by kind in the order above. A closed trajectory (afgesloten) brings nothing. A
teamleider also sees the same for the whole team, as counts only.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sns.beraad import followup
from sns.models import (
    Action,
    Coach,
    Meeting,
    NetworkMember,
    PhaseChange,
    Resident,
    Review,
)
from sns.plan import actions as plan
from sns.residents.access import assigned_residents, require_role

KINDS = ("followup", "review", "action", "meeting", "quiet")
#: Look this far ahead.
HORIZON = timedelta(days=7)
#: A trajectory without activity for this many weeks shows up (``SNS_QUIET_WEEKS``).
QUIET_WEEKS = 6


@dataclass(frozen=True)
class Item:
    kind: str
    resident_id: int
    resident_name: str
    day: date
    what: str | None = None  # the action's text
    meeting_id: int | None = None
    action_id: int | None = None

    def overdue(self, today: date) -> bool:
        return self.day < today


def _day(value: date | datetime | None) -> date | None:
    return value.date() if isinstance(value, datetime) else value


#: Where a trajectory's activity is recorded: (moment, resident) per table.
_ACTIVITY = ((NetworkMember.updated_at, NetworkMember.resident_id),
             (Meeting.updated_at, Meeting.resident_id),
             (Action.updated_at, Action.resident_id),
             (Review.created_at, Review.resident_id),
             (PhaseChange.at, PhaseChange.resident_id))


def last_activity(db: Session, residents: list[Resident]) -> dict[int, date]:
    """Per resident the last day anything of their trajectory changed: the resident, the
    map, a meeting, an action, a review or a phase (one query per table for them all)."""
    last = {r.id: max(_day(r.updated_at), _day(r.created_at)) for r in residents}
    for moment, owner in _ACTIVITY:
        rows = db.execute(select(owner, func.max(moment)).where(owner.in_(last))
                          .group_by(owner))
        for rid, at in rows:
            if at is not None:
                last[rid] = max(last[rid], _day(at))
    return last


def items_of(db: Session, residents: list[Resident], today: date,
             quiet_weeks: int = QUIET_WEEKS) -> list[Item]:
    """What needs doing for these residents within the week (or is overdue), unordered."""
    open_ = {r.id: r for r in residents if r.phase != "afgesloten"}
    if not open_:
        return []
    until = today + HORIZON
    found = []
    for meeting in db.scalars(select(Meeting).where(Meeting.resident_id.in_(open_))):
        name = open_[meeting.resident_id].name
        call = followup.due(meeting)
        if call is not None and call <= until:
            found.append(Item("followup", meeting.resident_id, name, call,
                              meeting_id=meeting.id))
        if not meeting.held and meeting.on_date and today <= meeting.on_date <= until:
            found.append(Item("meeting", meeting.resident_id, name, meeting.on_date,
                              meeting_id=meeting.id))
    for resident in open_.values():
        if resident.next_review is not None and resident.next_review <= until:
            found.append(Item("review", resident.id, resident.name, resident.next_review))
    late = select(Action).where(Action.resident_id.in_(open_), Action.due < today,
                                Action.how_often.is_(None), Action.status.in_(plan.ACTIVE))
    for action in db.scalars(late):
        if plan.is_overdue(action, today):
            found.append(Item("action", action.resident_id, open_[action.resident_id].name,
                              action.due, what=action.what, action_id=action.id))
    for rid, day in last_activity(db, list(open_.values())).items():
        quiet_since = day + timedelta(weeks=quiet_weeks)
        if quiet_since <= today:
            found.append(Item("quiet", rid, open_[rid].name, quiet_since))
    return found


def ordered(items: list[Item]) -> list[Item]:
    return sorted(items, key=lambda i: (i.day, KINDS.index(i.kind), i.resident_name.lower(),
                                        i.resident_id))


def for_coach(db: Session, coach: Coach, today: date | None = None,
              quiet_weeks: int = QUIET_WEEKS) -> list[Item]:
    """Everything for the residents ``coach`` is assigned to, most urgent first."""
    today = today or date.today()
    return ordered(items_of(db, list(db.scalars(assigned_residents(coach))), today,
                            quiet_weeks))


def team_counts(db: Session, teamleider: Coach, today: date | None = None,
                quiet_weeks: int = QUIET_WEEKS) -> dict[str, int]:
    """How many of each kind the team's residents have: numbers, never names."""
    require_role(teamleider, "teamleider")
    today = today or date.today()
    residents = list(db.scalars(select(Resident).where(
        Resident.team_id == teamleider.team_id, Resident.team_id.is_not(None))))
    counts = Counter(i.kind for i in items_of(db, residents, today, quiet_weeks))
    return {kind: counts[kind] for kind in KINDS}
