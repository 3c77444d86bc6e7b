"""A coach's calendar feed: the secret address their calendar app subscribes to."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from sns.db import Base
from sns.models.base import utcnow

#: How residents are named in the feed: initials (the default), first name, or full name.
FEED_NAMES = ("initialen", "voornaam", "volledig")


class CalendarFeed(Base):
    """One per coach. Only the SHA-256 of the token is stored; renewing it replaces the
    hash, so the old address stops working at once."""

    __tablename__ = "calendar_feed"

    coach_id: Mapped[int] = mapped_column(
        ForeignKey("coach.id", ondelete="CASCADE"), primary_key=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    names: Mapped[str] = mapped_column(String(12), default="initialen")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
