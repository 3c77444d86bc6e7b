"""Writing audit events: who did what to which resident, from which address; and checking
that nobody changed them afterwards.

Each event is a link of a hash chain (see ``sns.models.audit``). Appending first bumps the
single ``audit_chain_head`` row with an UPDATE, which locks it until the caller's transaction
ends: on PostgreSQL a row lock (the same as SELECT ... FOR UPDATE), on SQLite the database's
write lock. A second request appending at the same moment waits, then links to the first
one's hash, so the chain stays one line however many coaches write at once.

The client's address comes from the web layer through :data:`client_address` (a context
variable set per request), so this module needs no Flask.
"""

from __future__ import annotations

import hashlib
import json
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from sns.models import AuditChainHead, AuditEvent, Coach
from sns.models.base import utcnow

#: The hash the first event links to.
GENESIS = "0" * 64

#: Key in ``Session.info``: the residents this session wrote an event about (the web layer
#: then writes no extra "viewed" event for the same request).
AUDITED_RESIDENTS = "sns_audited_residents"

#: The address of the client whose request is being handled (None outside a request).
client_address: ContextVar[str | None] = ContextVar("sns_audit_client_address", default=None)


def _canonical_time(at: datetime) -> str:
    """The moment as stored on both databases: UTC, without a zone (SQLite drops it)."""
    if at.tzinfo is not None:
        at = at.astimezone(UTC).replace(tzinfo=None)
    return at.isoformat(timespec="microseconds")


def event_hash(event, prev_hash: str) -> str:
    """SHA-256 over the event's content, its place in the chain and the previous hash;
    ``event`` is an AuditEvent or a row with the same attributes."""
    content = [event.seq, _canonical_time(event.at), event.coach_id, event.resident_id,
               event.action, event.detail, event.from_address, prev_hash]
    return hashlib.sha256(json.dumps(content).encode()).hexdigest()


def _append(db: Session, event: AuditEvent) -> None:
    """Give ``event`` the next place in the chain; the head stays locked until commit."""
    bumped = db.execute(
        update(AuditChainHead).where(AuditChainHead.id == 1)
        .values(seq=AuditChainHead.seq + 1)
        .returning(AuditChainHead.seq, AuditChainHead.last_hash)
    ).one_or_none()
    if bumped is None:  # a database made without the migrations (create_all)
        db.add(AuditChainHead(id=1, seq=1, last_hash=GENESIS))
        bumped = (1, GENESIS)
    event.seq, event.prev_hash = bumped
    event.hash = event_hash(event, event.prev_hash)
    db.execute(update(AuditChainHead).where(AuditChainHead.id == 1)
               .values(last_hash=event.hash))


def record(
    db: Session,
    actor: Coach | None,
    action: str,
    resident_id: int | None = None,
    detail: str | None = None,
) -> AuditEvent:
    """Add an event to the session; it is saved with the caller's transaction."""
    event = AuditEvent(
        at=utcnow(),
        coach_id=actor.id if actor else None,
        resident_id=resident_id,
        action=action,
        detail=(detail or None) and detail[:500],
        from_address=client_address.get(),
    )
    _append(db, event)
    db.add(event)
    if resident_id is not None:
        db.info.setdefault(AUDITED_RESIDENTS, set()).add(resident_id)
    return event


def head_hash(db: Session) -> str:
    """The hash of the newest event (write it down elsewhere now and then: a chain rewritten
    from the start by someone with database access no longer ends in it)."""
    head = db.execute(select(AuditChainHead.last_hash)).scalar()
    return head or GENESIS


@dataclass(frozen=True)
class Broken:
    """The first link that does not hold: the event's ``seq`` (or the missing one) and why."""

    seq: int
    event_id: int | None
    reason: str


def verify(db: Session, batch: int = 1000) -> tuple[int, Broken | None]:
    """Walk the chain from the start; returns (events checked, first broken link or None).

    A changed field breaks that event's hash; a deleted event leaves a gap in ``seq``; an
    inserted or reordered one does not link to its predecessor's hash; a head that is
    behind or ahead of the last event means events were cut off at the end.
    """
    prev_hash, expected, checked = GENESIS, 1, 0
    table = AuditEvent.__table__  # rows as stored, not objects the session may hold
    query = select(table).order_by(table.c.seq.is_(None), table.c.seq)
    for event in db.execute(query.execution_options(yield_per=batch)):
        if event.seq is None:
            return checked, Broken(expected, event.id, "gebeurtenis zonder plaats in de keten")
        if event.seq != expected:
            return checked, Broken(expected, None, f"gebeurtenis {expected} ontbreekt")
        if event.prev_hash != prev_hash:
            return checked, Broken(event.seq, event.id, "verwijst niet naar de vorige")
        if event.hash != event_hash(event, prev_hash):
            return checked, Broken(event.seq, event.id, "inhoud is veranderd")
        prev_hash, expected, checked = event.hash, expected + 1, checked + 1
    head = db.execute(select(AuditChainHead.seq, AuditChainHead.last_hash)).first()
    if head is not None and tuple(head) != (checked, prev_hash):
        return checked, Broken(checked + 1, None, "de laatste gebeurtenissen ontbreken")
    return checked, None
