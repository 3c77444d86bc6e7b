"""The coach's calendar feed address: a secret token in the URL, renewable.

Only the token's SHA-256 is stored. Renewing replaces it, so an address that leaked (a
shared calendar, an old phone) stops working at once; stopping the feed removes it.
"""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from sns import audit
from sns.errors import Invalid
from sns.i18n import N_
from sns.models import FEED_NAMES, CalendarFeed, Coach


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def feed_of(db: Session, coach: Coach) -> CalendarFeed | None:
    return db.get(CalendarFeed, coach.id)


def renew(db: Session, coach: Coach) -> str:
    """A new secret address for ``coach`` (the old one stops working); returns the token,
    which is shown once and never stored."""
    token = secrets.token_urlsafe(32)
    feed = feed_of(db, coach)
    if feed is None:
        feed = CalendarFeed(coach_id=coach.id, names="initialen")
        db.add(feed)
    feed.token_hash = _hash(token)
    db.flush()
    audit.record(db, coach, "calendar.renew")
    return token


def set_names(db: Session, coach: Coach, names: str) -> None:
    """How residents are named in the feed: initialen, voornaam or volledig."""
    if names not in FEED_NAMES:
        raise Invalid(N_("Kies hoe bewoners in de agenda staan."))
    feed = feed_of(db, coach)
    if feed is None:
        raise Invalid(N_("Maak eerst een agenda-adres."))
    feed.names = names
    db.flush()
    audit.record(db, coach, "calendar.names", detail=names)


def stop(db: Session, coach: Coach) -> None:
    feed = feed_of(db, coach)
    if feed is not None:
        db.delete(feed)
        db.flush()
        audit.record(db, coach, "calendar.stop")


def coach_for(db: Session, token: str) -> tuple[Coach, CalendarFeed] | None:
    """The active coach whose feed has this token, or None (unknown, renewed, stopped)."""
    if not token or len(token) > 100:
        return None
    feed = db.scalar(select(CalendarFeed).where(CalendarFeed.token_hash == _hash(token)))
    if feed is None:
        return None
    coach = db.get(Coach, feed.coach_id)
    return (coach, feed) if coach is not None and coach.active else None
