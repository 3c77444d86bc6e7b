"""The phase rules of the SNS trajectory.

Moving on is a choice of coach and resident, one phase at a time; going back to an earlier
phase is always possible; a closed trajectory can be reopened (with the same coaches, whose
assignments stay) in the phase it was closed from; a light maintenance status (onderhoud)
follows an evaluation or a closed trajectory and leads back to evaluation or to closing.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from sns import audit
from sns.errors import Invalid
from sns.i18n import N_
from sns.models import Coach, PhaseChange, Resident
from sns.plan.dates import add_months
from sns.residents import codes

ORDER = ("verkenning", "netwerkberaad", "actieteam", "evaluatie", "afgesloten")
PLAN_WITHIN_MONTHS = 2
REVIEW_EVERY_MONTHS = 6


def moves(resident: Resident, history: list[PhaseChange]) -> dict[str, str]:
    """The phases the resident can move to now: ``{phase: kind}`` with kind ``verder``,
    ``terug``, ``heropenen`` or ``onderhoud``.

    >>> r = Resident(phase="netwerkberaad")
    >>> moves(r, [])
    {'actieteam': 'verder', 'verkenning': 'terug'}
    """
    current = resident.phase
    if current == "afgesloten":
        before = [c.phase for c in history if c.phase != "afgesloten"]
        return {(before[-1] if before else "evaluatie"): "heropenen", "onderhoud": "onderhoud"}
    if current == "onderhoud":
        return {"afgesloten": "verder", "evaluatie": "terug"}
    index = ORDER.index(current)
    options = {ORDER[index + 1]: "verder"}
    if current == "evaluatie":
        options["onderhoud"] = "onderhoud"
    options.update({phase: "terug" for phase in reversed(ORDER[:index])})
    return options


def history(db: Session, resident: Resident) -> list[PhaseChange]:
    """Every phase change, oldest first."""
    return list(db.scalars(select(PhaseChange).where(PhaseChange.resident_id == resident.id)
                           .order_by(PhaseChange.at, PhaseChange.id)))


def move(db: Session, coach: Coach, resident: Resident, phase: str, *,
         today: date | None = None) -> None:
    """Move the resident to ``phase`` if the rules allow it, and record when.

    Entering the netwerkberaad sets the plan's due date (within two months) if none was set;
    entering the actieteam sets the first review (six months on). Closing stops the
    resident's personal codes (:func:`sns.residents.codes.stop_all`).
    """
    if phase not in moves(resident, history(db, resident)):
        raise Invalid(N_("Deze stap kan nu niet."))
    today = today or date.today()
    if phase == "netwerkberaad" and resident.plan_due is None:
        resident.plan_due = add_months(today, PLAN_WITHIN_MONTHS)
    if phase == "actieteam" and resident.next_review is None:
        resident.next_review = add_months(today, REVIEW_EVERY_MONTHS)
    resident.phase = phase
    if phase == codes.CLOSED:
        codes.stop_all(db, resident)
    db.add(PhaseChange(resident_id=resident.id, phase=phase, coach_id=coach.id))
    db.flush()
    audit.record(db, coach, "phase.move", resident_id=resident.id, detail=phase)
