"""Personal codes: a secret in a link that opens one person's own page, without an account.

The shared mechanism for every page reached by a code (the resident's "Mijn kaart en plan"
now, a helper's agreements and an invitee's reply later): a code carries 256 random bits
(``secrets.token_urlsafe(32)``), only its SHA-256 is stored (found by its hash, so nothing
compares the code itself), and the code itself is shown to the coach once, on the page that
made it, and printed on the take-home PDF. It is never written to a log or the access log.

A code works while all of these hold; otherwise it opens nothing, exactly as a guessed one:

- it is the newest code of its resident and purpose (renewing replaces the hash);
- the coach has not stopped it (stopping deletes the row);
- it has not expired (:data:`LIFETIME` after it was made);
- the consent it rests on (:data:`sns.models.CODE_PURPOSES`) is given; withdrawing it
  deletes the code (:func:`sns.privacy.consent.withdraw`);
- the resident's trajectory is not closed (closing also deletes it, see
  :func:`stop_all`), and the resident exists (erasure and retention delete every row with
  their ``resident_id``).

Wrong codes count per client address, as wrong join codes do (:mod:`sns.groups.joining`):
after :data:`LIMIT` within :data:`WINDOW`, every code from that address is refused, the
right one too, until the window has passed.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from sns import audit
from sns.accounts import throttle
from sns.errors import Invalid
from sns.i18n import N_
from sns.models import CODE_PURPOSES, Coach, CodeAttempt, PersonalCode, Resident
from sns.models.base import utcnow
from sns.privacy import consent

#: A code works this long after it was made (a trajectory rarely lasts longer; the coach
#: renews it at a review when it is still wanted).
LIFETIME = timedelta(days=365)
#: At most this many wrong codes per client address per :data:`WINDOW`.
LIMIT = 20
WINDOW = timedelta(minutes=10)
#: Longer than any code we make; a longer one is not looked up.
MAX_LENGTH = 100
#: The phase in which no code works.
CLOSED = "afgesloten"


class TooManyAttempts(Invalid):
    """Too many wrong codes from this client address in a short time."""

    message = N_("Er is te vaak een verkeerde code gebruikt. Wacht tien minuten en probeer "
                 "het dan opnieuw.")


def hash_code(code: str) -> str:
    """The stored form of a code.

    >>> len(hash_code("abc"))
    64
    """
    return hashlib.sha256(code.encode()).hexdigest()


class NoConsent(Invalid):
    """The consent the code rests on is not given."""

    message = N_("Leg eerst de toestemming vast. Pas daarna kan er een code worden gemaakt.")


def _purpose(purpose: str) -> str:
    if purpose not in CODE_PURPOSES:
        raise ValueError(f"unknown code purpose {purpose!r}")
    return purpose


def code_of(db: Session, resident: Resident, purpose: str) -> PersonalCode | None:
    """The resident's live code for ``purpose`` (its hash and dates), or None."""
    return db.scalar(select(PersonalCode).where(PersonalCode.resident_id == resident.id,
                                                PersonalCode.purpose == _purpose(purpose)))


def issue(db: Session, coach: Coach, resident: Resident, purpose: str,
          now: datetime | None = None) -> str:
    """A new code for ``resident`` and ``purpose``: any earlier one stops at once. Returns
    the code, which is never stored; the caller commits. Refused without the consent
    (:class:`NoConsent`) and while the trajectory is closed."""
    if not consent.given(db, resident.id, CODE_PURPOSES[_purpose(purpose)]):
        raise NoConsent()
    if resident.phase == CLOSED:
        raise Invalid(N_("Het traject is afgesloten. Er kan geen code worden gemaakt."))
    now = now or utcnow()
    code = secrets.token_urlsafe(32)
    row = code_of(db, resident, purpose)
    renewed = row is not None
    if row is None:
        row = PersonalCode(resident_id=resident.id, purpose=purpose)
        db.add(row)
    row.code_hash = hash_code(code)
    row.created_at, row.created_by, row.expires_at = now, coach.id, now + LIFETIME
    db.flush()
    audit.record(db, coach, "code.renew" if renewed else "code.issue",
                 resident_id=resident.id, detail=purpose)
    return code


def stop(db: Session, coach: Coach, resident: Resident, purpose: str) -> None:
    """The coach stops the code: its link opens nothing from now on (the caller commits)."""
    row = code_of(db, resident, purpose)
    if row is not None:
        db.delete(row)
        db.flush()
        audit.record(db, coach, "code.stop", resident_id=resident.id, detail=purpose)


def stop_all(db: Session, resident: Resident) -> int:
    """Every code of the resident stops (their trajectory closed); returns how many."""
    return db.execute(delete(PersonalCode).where(PersonalCode.resident_id == resident.id)
                      ).rowcount


def _live(db: Session, code: str | None, purpose: str, now: datetime) -> Resident | None:
    if not code or len(code) > MAX_LENGTH:
        return None
    row = db.scalar(select(PersonalCode).where(PersonalCode.code_hash == hash_code(code),
                                               PersonalCode.purpose == _purpose(purpose)))
    if row is None or _aware(row.expires_at) <= now:
        return None
    resident = db.get(Resident, row.resident_id)
    return resident if resident is not None and resident.phase != CLOSED else None


def _aware(moment: datetime) -> datetime:
    """SQLite gives back naive datetimes; they were stored in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=utcnow().tzinfo)


def resident_for(db: Session, code: str | None, purpose: str, client: str | None,
                 now: datetime | None = None) -> Resident | None:
    """The resident whose live code this is, or None (a wrong, renewed, stopped or expired
    code, or a closed trajectory); a None is counted against ``client`` (the caller commits
    then too). Raises :class:`TooManyAttempts` once ``client`` had :data:`LIMIT` wrong
    codes within :data:`WINDOW`."""
    now = now or utcnow()
    if throttle.blocked(db, CodeAttempt, client, limit=LIMIT, window=WINDOW, now=now):
        raise TooManyAttempts()
    resident = _live(db, code, purpose, now)
    if resident is None:
        throttle.record(db, CodeAttempt, client, now)
    return resident


def belongs_to(db: Session, code: str | None, resident: Resident, purpose: str,
               now: datetime | None = None) -> bool:
    """Whether ``code`` is the resident's live code (the coach prints it on the PDF)."""
    found = _live(db, code, purpose, now or utcnow())
    return found is not None and found.id == resident.id
