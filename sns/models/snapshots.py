"""Snapshots: the resident's network as it was at a moment (end of verkenning, a review)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from sns.db import Base
from sns.models.base import utcnow


class NetworkSnapshot(Base):
    """A frozen copy of the network graph (node-link JSON); never edited, only compared."""

    __tablename__ = "network_snapshot"

    id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int] = mapped_column(
        ForeignKey("resident.id", ondelete="CASCADE"), index=True
    )
    label: Mapped[str] = mapped_column(String(120))
    taken_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    coach_id: Mapped[int | None] = mapped_column(ForeignKey("coach.id", ondelete="SET NULL"))
    graph: Mapped[dict] = mapped_column(JSON)
    #: The outcome figures of this moment (graph.outcome), counted once: see
    #: sns.network.snapshots.figures_of. ``None`` for a snapshot not yet counted.
    figures: Mapped[dict | None] = mapped_column(JSON(none_as_null=True))
