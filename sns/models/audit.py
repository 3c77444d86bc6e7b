"""Audit events: who did what, to which resident, when, from where. Written, never edited.

Every event carries ``hash``: SHA-256 over its own content and the previous event's hash
(``prev_hash``), in the order of ``seq``. Changing, inserting or deleting a row breaks the
chain at that point (``sns audit verify``). ``AuditChainHead`` is one row holding the last
``seq`` and hash; appending locks it, so concurrent requests append one after another.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from sns.db import Base
from sns.models.base import utcnow


class AuditEvent(Base):
    """One event. ``resident_id`` is a plain number, not a foreign key: an attempt to open a
    resident that does not exist is recorded too, and events outlive the resident. ``detail``
    holds ids and codes, never a resident's or member's words (erasure keeps the log)."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    coach_id: Mapped[int | None] = mapped_column(ForeignKey("coach.id", ondelete="SET NULL"))
    resident_id: Mapped[int | None] = mapped_column(index=True)
    action: Mapped[str] = mapped_column(String(60))
    detail: Mapped[str | None] = mapped_column(String(500))
    #: The client's address (after the reverse-proxy fix); None for the command line.
    from_address: Mapped[str | None] = mapped_column(String(64))
    #: Position in the hash chain (1, 2, ...), the previous event's hash and this one's.
    seq: Mapped[int | None] = mapped_column(index=True, unique=True)
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str | None] = mapped_column(String(64))


class AuditChainHead(Base):
    """The end of the hash chain: one row (id 1), locked while an event is appended."""

    __tablename__ = "audit_chain_head"

    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(default=0)
    last_hash: Mapped[str] = mapped_column(String(64))
