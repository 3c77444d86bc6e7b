"""Writing audit events: who did what to which resident."""

from __future__ import annotations

from sqlalchemy.orm import Session

from sns.models import AuditEvent, Coach


def record(
    db: Session,
    actor: Coach | None,
    action: str,
    resident_id: int | None = None,
    detail: str | None = None,
) -> AuditEvent:
    """Add an event to the session; it is saved with the caller's transaction."""
    event = AuditEvent(
        coach_id=actor.id if actor else None,
        resident_id=resident_id,
        action=action,
        detail=(detail or None) and detail[:500],
    )
    db.add(event)
    return event
