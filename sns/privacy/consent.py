"""Consent (toestemming) per resident: what they agreed to, in plain words, and withdrawal.

Nothing here blocks the first visit: consent can be recorded later in the verkenning. Only a
*withdrawal* stops what it covers (see :func:`withdrawn`): no invitation letters once the
resident withdrew "contact with members", no names of removed members kept in the saved
moments unless the resident wants that history.
"""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from sns import audit
from sns.errors import Invalid
from sns.i18n import N_
from sns.models import CODE_PURPOSES, Coach, Consent, PersonalCode, Resident
from sns.models.base import utcnow

#: What a resident can agree to, in the words the coach reads out (B1).
KINDS: dict[str, str] = {
    "kaart_en_plan": N_("De coach maakt met mij een netwerkkaart en een plan, en bewaart die."),
    "netwerkberaad": N_("Mijn kaart en plan mogen op mijn netwerkberaad worden getoond."),
    "leden_benaderen": N_("De coach mag mensen die ik noem benaderen, bijvoorbeeld met een "
                          "uitnodiging."),
    "geschiedenis_bewaren": N_("Als iemand van mijn kaart gaat, blijft de naam staan in de "
                               "momenten die we eerder opsloegen."),
    "inzage_met_code": N_("Ik krijg een eigen code. Daarmee zie ik mijn kaart en plan op "
                          "mijn telefoon, zonder wachtwoord."),
}


class ConsentWithdrawn(Invalid):
    """The resident withdrew the consent this needs."""

    message = N_("De bewoner heeft deze toestemming ingetrokken. Dit kan daarom niet.")


def _latest(db: Session, resident_id: int, kind: str) -> Consent | None:
    return db.scalar(select(Consent).where(Consent.resident_id == resident_id,
                                           Consent.kind == kind)
                     .order_by(Consent.given_at.desc(), Consent.id.desc()).limit(1))


def current(db: Session, resident: Resident) -> dict[str, Consent | None]:
    """Per kind the latest record (given, or given and withdrawn), None if never recorded."""
    return {kind: _latest(db, resident.id, kind) for kind in KINDS}


def withdrawn(db: Session, resident_id: int, kind: str) -> bool:
    """True only when the resident gave this consent and then withdrew it."""
    latest = _latest(db, resident_id, kind)
    return latest is not None and latest.withdrawn_at is not None


def given(db: Session, resident_id: int, kind: str) -> bool:
    latest = _latest(db, resident_id, kind)
    return latest is not None and latest.withdrawn_at is None


def _kind(kind: str) -> str:
    if kind not in KINDS:
        raise Invalid(N_("Onbekende soort toestemming."))
    return kind


def give(db: Session, coach: Coach, resident: Resident, kind: str) -> Consent:
    """Record that the resident agrees to ``kind`` now (again, after a withdrawal)."""
    latest = _latest(db, resident.id, _kind(kind))
    if latest is not None and latest.withdrawn_at is None:
        return latest
    consent = Consent(resident_id=resident.id, kind=kind, given_at=utcnow(), given_by=coach.id)
    db.add(consent)
    db.flush()
    audit.record(db, coach, "consent.give", resident_id=resident.id, detail=kind)
    return consent


def withdraw(db: Session, coach: Coach, resident: Resident, kind: str) -> None:
    """Record that the resident withdraws ``kind`` today; refused if it was not given."""
    latest = _latest(db, resident.id, _kind(kind))
    if latest is None or latest.withdrawn_at is not None:
        raise Invalid(N_("Deze toestemming is nu niet gegeven."))
    latest.withdrawn_at = utcnow()
    latest.withdrawn_by = coach.id
    purposes = [purpose for purpose, needed in CODE_PURPOSES.items() if needed == kind]
    if purposes:  # the codes that rest on this consent stop at once
        db.execute(delete(PersonalCode).where(PersonalCode.resident_id == resident.id,
                                              PersonalCode.purpose.in_(purposes)))
    db.flush()
    audit.record(db, coach, "consent.withdraw", resident_id=resident.id, detail=kind)

