"""Retention (bewaartermijn): a trajectory closed longer than ``SNS_RETENTION_MONTHS`` ago is
erased, and the teamleider sees a month ahead which ones will be.

The default is 24 months after closing (see the README's privacy section for the reasoning):
long enough for a resident who comes back ("onderhoud", reopening) to find their map and
plan, short enough that no file lingers. Only residents in the phase ``afgesloten`` count,
from the moment of their last closing; reopening stops the clock.

:func:`purge` erases each resident in a transaction of its own, so a run that is killed
halfway leaves every resident either whole or gone, and the next run finishes the rest.
"""

from __future__ import annotations

import os
from calendar import monthrange
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sns.errors import StaleVersion
from sns.models import PhaseChange, Resident
from sns.models.base import utcnow
from sns.network import changes
from sns.privacy.erasure import delete_everything

DEFAULT_MONTHS = 24
#: How far ahead the teamleider's list "wordt binnenkort verwijderd" looks.
WARN_MONTHS = 1


def retention_months(environ: dict[str, str] | None = None) -> int:
    """``SNS_RETENTION_MONTHS`` (a whole number of at least 1), or the default."""
    value = (environ if environ is not None else os.environ).get("SNS_RETENTION_MONTHS")
    if not value:
        return DEFAULT_MONTHS
    months = int(value)
    if months < 1:
        raise ValueError("SNS_RETENTION_MONTHS must be at least 1")
    return months


def add_months(moment: datetime, months: int) -> datetime:
    """``moment`` shifted by whole calendar months (31 March - 1 month = 28/29 February)."""
    index = moment.year * 12 + moment.month - 1 + months
    year, month = divmod(index, 12)
    day = min(moment.day, monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def _as_utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=utcnow().tzinfo)


def closed_residents(db: Session, team_id: int | None = None, resident_id: int | None = None
                     ) -> list[tuple[Resident, datetime]]:
    """Residents whose trajectory is closed, with the moment it was last closed."""
    closed_at = (select(PhaseChange.resident_id, func.max(PhaseChange.at).label("at"))
                 .where(PhaseChange.phase == "afgesloten")
                 .group_by(PhaseChange.resident_id).subquery())
    query = (select(Resident, closed_at.c.at)
             .join(closed_at, closed_at.c.resident_id == Resident.id)
             .where(Resident.phase == "afgesloten").order_by(closed_at.c.at, Resident.id))
    if team_id is not None:
        query = query.where(Resident.team_id == team_id)
    if resident_id is not None:
        query = query.where(Resident.id == resident_id)
    return [(resident, _as_utc(at)) for resident, at in db.execute(query)]


def due(db: Session, months: int, now: datetime | None = None, resident_id: int | None = None
        ) -> list[Resident]:
    """Residents closed ``months`` or longer ago: to be erased now."""
    cutoff = add_months(now or utcnow(), -months)
    return [r for r, at in closed_residents(db, resident_id=resident_id) if at <= cutoff]


@dataclass(frozen=True)
class Upcoming:
    resident: Resident
    closed_at: datetime
    erase_on: datetime


def upcoming(db: Session, months: int, team_id: int | None, now: datetime | None = None
             ) -> list[Upcoming]:
    """"Wordt binnenkort verwijderd": the team's residents erased within :data:`WARN_MONTHS`
    from ``now`` (nothing for an account without a team)."""
    if team_id is None:
        return []
    now = now or utcnow()
    horizon = add_months(now, WARN_MONTHS)
    result = []
    for resident, at in closed_residents(db, team_id):
        erase_on = add_months(at, months)
        if now < erase_on <= horizon:
            result.append(Upcoming(resident, at, erase_on))
    return result


@dataclass
class PurgeResult:
    erased: list[int] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)  # changed meanwhile (reopened, edited)


def purge(sessions: Callable[[], Session], months: int, now: datetime | None = None
          ) -> PurgeResult:
    """Erase every resident past the retention period, each in its own transaction.

    ``sessions`` makes a new database session. A resident that was reopened or edited
    between the listing and its erasure is skipped (the next run looks again).
    """
    now = now or utcnow()
    result = PurgeResult()
    with sessions() as db, db.begin():
        changes.purge(db, now=now)  # undo's changes past their time, of every resident
    with sessions() as db:
        candidates = [r.id for r in due(db, months, now)]
    for resident_id in candidates:
        with sessions() as db, db.begin():
            still_due = due(db, months, now, resident_id)
            if not still_due:
                result.skipped.append(resident_id)
                continue
            try:
                delete_everything(db, None, still_due[0],
                                  expected_version=still_due[0].version, reason="bewaartermijn")
            except StaleVersion:  # an edit came in between; it changed nothing here
                result.skipped.append(resident_id)
                continue
        result.erased.append(resident_id)
    return result
