"""Residents: the light intake, the caseload, editing with version checks, assigning coaches."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from sns import audit
from sns.errors import Invalid
from sns.i18n import N_
from sns.models import Assignment, Coach, Resident
from sns.residents.access import assigned_residents, require_caseload, require_role
from sns.rules import check_version, clean_name, clean_text


def create_resident(
    db: Session, coach: Coach, name: str, hulpvraag: str | None = None
) -> Resident:
    """A new resident in the coach's team, assigned to the coach (a coach or teamleider:
    :class:`~sns.residents.access.NoCaseload` for another role). Only a name or pseudonym
    is needed."""
    require_caseload(coach)
    resident = Resident(
        name=clean_name(name),
        hulpvraag=clean_text(hulpvraag),
        team_id=coach.team_id,
    )
    resident.assignments.append(Assignment(coach=coach))
    db.add(resident)
    db.flush()
    audit.record(db, coach, "resident.create", resident_id=resident.id)
    return resident


def caseload(db: Session, coach: Coach) -> list[Resident]:
    """The coach's own residents, most recently changed first."""
    return list(db.scalars(assigned_residents(coach).order_by(Resident.updated_at.desc())))


def team_caseload(db: Session, teamleider: Coach) -> list[Resident]:
    """Every resident of the teamleider's team, most recently changed first."""
    require_role(teamleider, "teamleider")
    return list(
        db.scalars(
            select(Resident)
            .where(Resident.team_id == teamleider.team_id, Resident.team_id.is_not(None))
            .order_by(Resident.updated_at.desc())
        )
    )


def update_resident(
    db: Session,
    coach: Coach,
    resident: Resident,
    *,
    expected_version: int | None,
    name: str,
    hulpvraag: str | None,
    wishes: str | None,
    talents: str | None,
    contact: str | None = None,
) -> None:
    """Save the resident's own words; refused when someone saved in between."""
    check_version(resident.version, expected_version)
    resident.name = clean_name(name)
    resident.hulpvraag = clean_text(hulpvraag)
    resident.wishes = clean_text(wishes)
    resident.talents = clean_text(talents)
    resident.contact = clean_text(contact)
    db.flush()
    audit.record(db, coach, "resident.update", resident_id=resident.id)


def assign_coaches(
    db: Session, teamleider: Coach, resident: Resident, coaches: list[Coach]
) -> None:
    """Make ``coaches`` (coaches and teamleiders of the teamleider's team) the resident's
    coaches."""
    require_role(teamleider, "teamleider")
    if not coaches:
        raise Invalid(N_("Kies minstens één coach."))
    if any(c.team_id != teamleider.team_id or not c.active for c in coaches):
        raise Invalid(N_("Kies coaches uit uw eigen team."))
    for coach in coaches:
        require_caseload(coach)
    wanted = {c.id for c in coaches}
    resident.assignments = [a for a in resident.assignments if a.coach_id in wanted]
    present = {a.coach_id for a in resident.assignments}
    resident.assignments.extend(Assignment(coach=c) for c in coaches if c.id not in present)
    db.flush()
    names = ", ".join(sorted(c.username for c in coaches))
    audit.record(db, teamleider, "resident.assign", resident_id=resident.id, detail=names)
