"""Life domains (leefgebieden): the configured set and the resident's entries.

The Big 5 of bestaanszekerheid is the default; a team may configure another set (Enschede's
seven domains, ZRM, ...) as a list of codes and Dutch names.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from sns import audit
from sns.errors import Invalid
from sns.i18n import N_
from sns.models import Coach, LifeDomainEntry, Resident
from sns.rules import check_version, clean_text

#: code -> name shown to coach and resident.
BIG_5: dict[str, str] = {
    "steun": N_("Steun en netwerk"),
    "wonen": N_("Wonen"),
    "dagbesteding": N_("Dagbesteding"),
    "financien": N_("Financiën"),
    "gezondheid": N_("Gezondheid"),
}

#: What each Big 5 name means, asked in the resident's words ("Dagbesteding: wat doet u
#: overdag?"); a domain a team configured shows its name alone.
QUESTIONS: dict[str, str] = {
    "steun": N_("wie staat er om u heen?"),
    "wonen": N_("hoe woont u?"),
    "dagbesteding": N_("wat doet u overdag?"),
    "financien": N_("hoe gaat het met uw geld?"),
    "gezondheid": N_("hoe voelt u zich?"),
}


@dataclass
class DomainInput:
    """One life domain as submitted: the version it was based on (None for a new entry)."""

    current: str | None
    desired: str | None
    score: int | None
    version: int | None = None


def entries(db: Session, resident: Resident) -> dict[str, LifeDomainEntry]:
    rows = db.scalars(select(LifeDomainEntry).where(LifeDomainEntry.resident_id == resident.id))
    return {row.domain: row for row in rows}


def save_entries(
    db: Session,
    coach: Coach,
    resident: Resident,
    submitted: dict[str, DomainInput],
    domains: dict[str, str],
) -> None:
    """Save every domain of the form at once; all or nothing.

    Refused (StaleVersion) when another coach saved one of these domains in between, and
    (Invalid) for an unknown domain or a score outside 1-10.
    """
    stored = entries(db, resident)
    for code, data in submitted.items():
        if code not in domains:
            raise Invalid(N_("Onbekend leefgebied."))
        if data.score is not None and data.score not in range(1, 11):
            raise Invalid(N_("Een cijfer is van 1 tot en met 10."))
        row = stored.get(code)
        if row is not None:  # a new entry has nothing to be stale against
            check_version(row.version, data.version)
    for code, data in submitted.items():
        row = stored.get(code) or LifeDomainEntry(resident_id=resident.id, domain=code)
        row.current = clean_text(data.current)
        row.desired = clean_text(data.desired)
        row.score = data.score
        db.add(row)
    db.flush()
    audit.record(db, coach, "life_domains.update", resident_id=resident.id)
