"""Group sessions "Hoe sterk is mijn netwerk?": residents without an account map their own
network in a session led by a coach (the facilitator).

Participants are not residents. Their data is kept minimal and apart: a row per participant
with the hash of their token, the step they are at, their small network as JSON, and, only
when they ask for a netwerkcoach, their consent and contact details. Closing the session
deletes every participant row; those who asked for a coach become residents first (see
``sns.groups``).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, CheckConstraint, DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sns.db import Base
from sns.models.accounts import Coach
from sns.models.base import FailedAttempt, Timestamped, Versioned


class GroupSession(Versioned, Timestamped, Base):
    """One session, led by one coach. ``join_code`` is set while the session is open and
    emptied when it closes, so a code is unique among open sessions and expires with it.
    ``summary`` holds the anonymous totals at closing (counts only, never a name)."""

    __tablename__ = "group_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    facilitator_id: Mapped[int] = mapped_column(ForeignKey("coach.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    on_date: Mapped[date | None]
    place: Mapped[str | None] = mapped_column(String(200))
    join_code: Mapped[str | None] = mapped_column(String(6), unique=True)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    summary: Mapped[dict | None] = mapped_column(JSON)
    #: How many participants became residents at closing.
    referred: Mapped[int] = mapped_column(default=0)

    facilitator: Mapped[Coach] = relationship()
    participants: Mapped[list[GroupParticipant]] = relationship(
        back_populates="session", cascade="all, delete-orphan", passive_deletes=True
    )

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class GroupParticipant(Timestamped, Base):
    """Someone taking part, known only by a random token (of which only the SHA-256 is
    stored). ``network`` is ``{"people": [...], "ties": [[a, b], ...], "next": n}``; see
    ``sns.groups`` for its shape."""

    __tablename__ = "group_participant"
    __table_args__ = (CheckConstraint("step BETWEEN 1 AND 5", name="step_range"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("group_session.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    step: Mapped[int] = mapped_column(default=1)
    network: Mapped[dict] = mapped_column(JSON)
    #: "Ik wil graag hulp van een netwerkcoach": only with consent and contact details.
    wants_coach: Mapped[bool] = mapped_column(default=False)
    consent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    contact_name: Mapped[str | None] = mapped_column(String(200))
    contact_phone: Mapped[str | None] = mapped_column(String(40))
    contact_email: Mapped[str | None] = mapped_column(String(200))
    question: Mapped[str | None] = mapped_column(String(1000))

    session: Mapped[GroupSession] = relationship(back_populates="participants")


class JoinAttempt(FailedAttempt, Base):
    """A wrong join code (see ``sns.groups.JOIN_LIMIT``)."""

    __tablename__ = "group_join_attempt"


class PublicRequest(FailedAttempt, Base):
    """A costly public request by client address (``kind``: a join with a right code, a
    take-home PDF), counted per address by :mod:`sns.accounts.throttle` (see
    ``sns.groups.JOIN_FLOOD_LIMIT`` and ``sns.groups.PDF_LIMIT``)."""

    __tablename__ = "public_request"

    kind: Mapped[str] = mapped_column(String(20))
