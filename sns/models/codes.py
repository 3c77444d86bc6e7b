"""Personal codes: a secret in a link that opens one person's own page without an account
(the resident's "Mijn kaart en plan"; later a helper's agreements and an invitee's reply),
the wrong codes counted per client address, and what the resident writes for the next
meeting ("Dit wil ik bespreken")."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sns.db import Base
from sns.models.base import FailedAttempt, utcnow

#: What a code opens (``bewoner``: the resident's own page), and the consent (a kind of
#: ``sns.privacy.consent.KINDS``) without which it opens nothing.
CODE_PURPOSES = {"bewoner": "inzage_met_code"}


class PersonalCode(Base):
    """One live code per resident and purpose. Only the SHA-256 of the code is stored;
    renewing replaces the hash (the old link stops at once), stopping deletes the row."""

    __tablename__ = "personal_code"
    __table_args__ = (UniqueConstraint("resident_id", "purpose"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int] = mapped_column(
        ForeignKey("resident.id", ondelete="CASCADE"), index=True
    )
    purpose: Mapped[str] = mapped_column(String(20))
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("coach.id", ondelete="SET NULL"))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class CodeAttempt(FailedAttempt, Base):
    """A code that opened nothing, by client address (see ``sns.residents.codes``)."""

    __tablename__ = "code_attempt"


class ResidentTopic(Base):
    """"Dit wil ik bespreken": a point the resident wrote for the next meeting."""

    __tablename__ = "resident_topic"

    id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int] = mapped_column(
        ForeignKey("resident.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
