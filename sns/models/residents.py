"""Residents (bewoners) and which coaches work with them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sns.db import Base
from sns.models.accounts import Coach, Team
from sns.models.base import Timestamped, Versioned, utcnow

#: The SNS trajectory, in order; "onderhoud" is the light maintenance status after closing.
PHASES = ("verkenning", "netwerkberaad", "actieteam", "evaluatie", "afgesloten", "onderhoud")


class Resident(Versioned, Timestamped, Base):
    """A resident who owns their help question and their network.

    Only ``name`` (a name or pseudonym) is required: the documents warn against heavy intake.
    ``network_version`` is bumped by every change to members or ties, so that two coaches
    editing the same map notice each other.
    """

    __tablename__ = "resident"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id"))
    name: Mapped[str] = mapped_column(String(200))
    hulpvraag: Mapped[str | None] = mapped_column(Text)
    wishes: Mapped[str | None] = mapped_column(Text)
    talents: Mapped[str | None] = mapped_column(Text)
    #: How to reach the resident, and on what basis it is kept (optional, free text).
    contact: Mapped[str | None] = mapped_column(Text)
    phase: Mapped[str] = mapped_column(String(20), default="verkenning")
    network_version: Mapped[int] = mapped_column(default=1)
    #: A plan within two months, a review every six months (set when the phases start).
    plan_due: Mapped[date | None]
    next_review: Mapped[date | None]

    team: Mapped[Team | None] = relationship()
    assignments: Mapped[list[Assignment]] = relationship(
        back_populates="resident", cascade="all, delete-orphan"
    )

    @property
    def coaches(self) -> list[Coach]:
        return [a.coach for a in self.assignments]


class Assignment(Base):
    """A coach works with a resident; two rows make a duo."""

    __tablename__ = "assignment"

    resident_id: Mapped[int] = mapped_column(
        ForeignKey("resident.id", ondelete="CASCADE"), primary_key=True
    )
    coach_id: Mapped[int] = mapped_column(ForeignKey("coach.id"), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    resident: Mapped[Resident] = relationship(back_populates="assignments")
    coach: Mapped[Coach] = relationship()
