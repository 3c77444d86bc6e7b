"""Life domains (leefgebieden) of a resident: now, wished for, and an optional 1-10 score."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sns.db import Base
from sns.models.base import Timestamped, Versioned


class LifeDomainEntry(Versioned, Timestamped, Base):
    """One life domain of one resident; ``domain`` is a code from the configured set
    (the Big 5 by default, see ``sns.residents.life_domains``)."""

    __tablename__ = "life_domain_entry"
    __table_args__ = (
        UniqueConstraint("resident_id", "domain"),
        CheckConstraint("score BETWEEN 1 AND 10", name="score_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int] = mapped_column(
        ForeignKey("resident.id", ondelete="CASCADE"), index=True
    )
    domain: Mapped[str] = mapped_column(String(40))
    current: Mapped[str | None] = mapped_column(Text)
    desired: Mapped[str | None] = mapped_column(Text)
    score: Mapped[int | None]
