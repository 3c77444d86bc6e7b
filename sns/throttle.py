"""Failed attempts per client address: after ``limit`` within ``window``, that client waits.

Used for guessing join codes (:mod:`sns.groups.joining`) and passwords (:mod:`sns.accounts`).
Counting per address, not per account, means nobody can lock a coach out by typing wrong
passwords for them; behind a reverse proxy the address is the client's only when the app
trusts the proxy (``SNS_PROXIES``).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from sns.models.base import FailedAttempt, utcnow


def client_key(client: str | None) -> str:
    """The address as stored (a missing one counts as one shared unknown client)."""
    return (client or "onbekend")[:64]


def blocked(db: Session, model: type[FailedAttempt], client: str | None, *, limit: int,
            window: timedelta, now: datetime | None = None) -> bool:
    """Whether ``client`` has ``limit`` failures within ``window``; forgets older ones."""
    now = now or utcnow()
    since = now - window
    db.execute(delete(model).where(model.at < since))
    failures = db.scalar(
        select(func.count()).select_from(model)
        .where(model.client == client_key(client), model.at >= since)
    )
    return failures >= limit


def failed(db: Session, model: type[FailedAttempt], client: str | None,
           now: datetime | None = None) -> None:
    """Count a failure of ``client`` (the caller commits, also when it refuses)."""
    db.add(model(client=client_key(client), at=now or utcnow()))
    db.flush()
