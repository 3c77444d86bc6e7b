"""Deze week: what needs the coach across their caseload, most urgent first.

Five kinds of things, each about one resident and one day:

- ``followup``: the call four weeks after a netwerkberaad (sns.followup), until made;
- ``review``: the next evaluation of the plan, due within the week or overdue;
- ``action``: a one-off action of the plan whose date has passed (sns.plan.is_overdue);
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

from sns import followup, plan
from sns.access import assigned_residents, require_role
from sns.models import (
    Action,
    Coach,
    Meeting,
    NetworkMember,
    PhaseChange,
    Resident,
    Review,
)

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


def last_activity(db: Session, resident: Resident) -> date:
    """The last day anything of the resident's trajectory changed: the resident, the map,
    a meeting, an action, a review or a phase."""
    rid = resident.id
    moments = [resident.updated_at, resident.created_at]
    for column, owner in ((NetworkMember.updated_at, NetworkMember.resident_id),
                          (Meeting.updated_at, Meeting.resident_id),
                          (Action.updated_at, Action.resident_id),
                          (Review.created_at, Review.resident_id),
                          (PhaseChange.at, PhaseChange.resident_id)):
        moments.append(db.scalar(select(func.max(column)).where(owner == rid)))
    return max(d for d in map(_day, moments) if d is not None)


def items_of(db: Session, resident: Resident, today: date,
             quiet_weeks: int = QUIET_WEEKS) -> list[Item]:
    """What needs doing for one resident within the week (or is overdue)."""
    if resident.phase == "afgesloten":
        return []
    until = today + HORIZON
    rid, name = resident.id, resident.name
    found = []
    for meeting in db.scalars(select(Meeting).where(Meeting.resident_id == rid)):
        call = followup.due(meeting)
        if call is not None and call <= until:
            found.append(Item("followup", rid, name, call, meeting_id=meeting.id))
        if not meeting.held and meeting.on_date and today <= meeting.on_date <= until:
            found.append(Item("meeting", rid, name, meeting.on_date, meeting_id=meeting.id))
    if resident.next_review is not None and resident.next_review <= until:
        found.append(Item("review", rid, name, resident.next_review))
    for action in plan.actions_of(db, resident):
        if plan.is_overdue(action, today):
            found.append(Item("action", rid, name, action.due, what=action.what,
                              action_id=action.id))
    quiet_since = last_activity(db, resident) + timedelta(weeks=quiet_weeks)
    if quiet_since <= today:
        found.append(Item("quiet", rid, name, quiet_since))
    return found


def ordered(items: list[Item]) -> list[Item]:
    return sorted(items, key=lambda i: (i.day, KINDS.index(i.kind), i.resident_name.lower(),
                                        i.resident_id))


def for_coach(db: Session, coach: Coach, today: date | None = None,
              quiet_weeks: int = QUIET_WEEKS) -> list[Item]:
    """Everything for the residents ``coach`` is assigned to, most urgent first."""
    today = today or date.today()
    items = []
    for resident in db.scalars(assigned_residents(coach)):
        items.extend(items_of(db, resident, today, quiet_weeks))
    return ordered(items)


def team_counts(db: Session, teamleider: Coach, today: date | None = None,
                quiet_weeks: int = QUIET_WEEKS) -> dict[str, int]:
    """How many of each kind the team's residents have: numbers, never names."""
    require_role(teamleider, "teamleider")
    today = today or date.today()
    counts: Counter[str] = Counter()
    residents = db.scalars(select(Resident).where(Resident.team_id == teamleider.team_id,
                                                  Resident.team_id.is_not(None)))
    for resident in residents:
        counts.update(i.kind for i in items_of(db, resident, today, quiet_weeks))
    return {kind: counts[kind] for kind in KINDS}
