"""Who may see which resident. One place, so no view or command can forget the check.

- coach and teamleider: the residents they are assigned to (duo work: several coaches each);
- teamleider also: the team's caseload as a list, and assigning coaches within the team;
- admin, privacy officer and gemeente: no resident files. Only the roles of
  :data:`CASELOAD_ROLES` are assigned residents or make them, and an assignment of another
  role (made before this rule, or by a changed role) opens nothing.
"""

from __future__ import annotations

from sqlalchemy import Select, false, select
from sqlalchemy.orm import Session

from sns import audit
from sns.errors import Forbidden, Invalid, NotFound
from sns.i18n import N_
from sns.models import CASELOAD_ROLES, Assignment, Coach, Resident


class NoCaseload(Invalid):
    """An account of a role without a caseload was to be given a resident."""

    message = N_("Alleen coaches en teamleiders krijgen bewoners.")


def has_caseload(coach: Coach) -> bool:
    """Whether ``coach``'s role works with residents (:data:`CASELOAD_ROLES`)."""
    return coach.role in CASELOAD_ROLES


def require_caseload(coach: Coach) -> None:
    """Raise :class:`NoCaseload` unless ``coach`` may be given residents."""
    if not has_caseload(coach):
        raise NoCaseload()


def assigned_residents(coach: Coach) -> Select[tuple[Resident]]:
    """A query for the residents ``coach`` works with: none for a role without a
    caseload, whatever assignments it has."""
    query = (
        select(Resident)
        .join(Assignment, Assignment.resident_id == Resident.id)
        .where(Assignment.coach_id == coach.id)
    )
    return query if has_caseload(coach) else query.where(false())


def load_resident(db: Session, coach: Coach, resident_id: int, *,
                  for_update: bool = False) -> Resident:
    """The resident, if ``coach`` is assigned to them.

    Raises NotFound both for a resident that does not exist and one that is not the coach's,
    and writes the refused attempt to the audit log (committed by the caller).

    With ``for_update`` the resident's row is locked until the transaction ends (PostgreSQL;
    SQLite write transactions lock the whole database): every change to a resident's file
    goes through here, so two coaches saving at once are serialised and the version checks
    of the services see the other's committed change instead of racing it.
    """
    query = assigned_residents(coach).where(Resident.id == resident_id)
    if for_update:
        query = query.with_for_update(of=Resident).execution_options(populate_existing=True)
    resident = db.scalar(query)
    if resident is None:
        audit.record(db, coach, "resident.denied", resident_id=resident_id)
        raise NotFound()
    return resident


def require_role(coach: Coach, *roles: str) -> None:
    """Raise Forbidden unless the account has one of ``roles``."""
    if coach.role not in roles:
        raise Forbidden()


def load_team_resident(db: Session, teamleider: Coach, resident_id: int) -> Resident:
    """A resident of the teamleider's own team (for assigning coaches), else NotFound."""
    require_role(teamleider, "teamleider")
    resident = db.get(Resident, resident_id)
    if resident is None or resident.team_id is None or resident.team_id != teamleider.team_id:
        audit.record(db, teamleider, "resident.denied", resident_id=resident_id)
        raise NotFound()
    return resident
