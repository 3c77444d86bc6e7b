"""Changes to a resident's network, kept a short while so that the coach can undo and redo
them (``sns.network.changes``).

A change holds the rows it touched as they were before and after (``before`` and
``after``: table name -> row id -> the row's columns, or ``None`` for a row that did not
exist). These hold the names and notes of people taken off the map, third parties: a
resident keeps at most the newest ``sns.network.changes.KEEP_CHANGES`` changes, none older
than ``KEEP_FOR``, and they go with the resident on erasure (the foreign key cascades).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from sns.db import Base
from sns.models.base import utcnow


class NetworkChange(Base):
    """One change a coach made to the network at the table; undone when ``undone_at`` is
    set. Only its coach undoes or redoes it."""

    __tablename__ = "network_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int] = mapped_column(
        ForeignKey("resident.id", ondelete="CASCADE"), index=True
    )
    coach_id: Mapped[int] = mapped_column(ForeignKey("coach.id", ondelete="CASCADE"),
                                          index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow,
                                                 index=True)
    #: What the coach did, in the words of the code (the service's name, e.g. remove_member).
    action: Mapped[str] = mapped_column(String(60))
    before: Mapped[dict] = mapped_column(JSON)
    after: Mapped[dict] = mapped_column(JSON)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
