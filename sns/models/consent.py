"""Consent (toestemming): what the resident agreed to, when, recorded by whom, and its
withdrawal. A row is never deleted while the resident exists; a withdrawal sets
``withdrawn_at``, and agreeing again adds a new row, so the history stays readable."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from sns.db import Base
from sns.models.base import utcnow


class Consent(Base):
    """The resident agreed to ``kind`` (see ``sns.privacy.consent.KINDS``)."""

    __tablename__ = "consent"

    id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int] = mapped_column(
        ForeignKey("resident.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(30))
    given_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    given_by: Mapped[int | None] = mapped_column(ForeignKey("coach.id", ondelete="SET NULL"))
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    withdrawn_by: Mapped[int | None] = mapped_column(ForeignKey("coach.id", ondelete="SET NULL"))
