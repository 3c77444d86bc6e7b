"""Attempts counted per client address (and optionally per account or kind): after
``limit`` within ``window``, that client waits.

Used for failed logins (:mod:`sns.accounts.coaches`: per address and account, and more loosely per
address), wrong join codes, joins and take-home PDFs (:mod:`sns.groups.joining`,
:mod:`sns.groups.public_limits`). Behind a reverse proxy the address is the client's only
when the app trusts the proxy (``SNS_PROXIES``).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from sns.models.base import FailedAttempt, utcnow


def client_key(client: str | None) -> str:
    """The address as stored (a missing one counts as one shared unknown client)."""
    return (client or "onbekend")[:64]


def blocked(db: Session, model: type[FailedAttempt], client: str | None, *, limit: int,
            window: timedelta, now: datetime | None = None, **match: Any) -> bool:
    """Whether ``client`` has ``limit`` rows within ``window`` (among the rows whose columns
    equal ``match``, e.g. ``account=...``); forgets older ones."""
    now = now or utcnow()
    since = now - window
    same = [getattr(model, column) == value for column, value in match.items()]
    db.execute(delete(model).where(model.at < since, *same))
    count = db.scalar(
        select(func.count()).select_from(model)
        .where(model.client == client_key(client), model.at >= since, *same)
    )
    return count >= limit


def record(db: Session, model: type[FailedAttempt], client: str | None,
           now: datetime | None = None, **fields: Any) -> None:
    """Count an attempt of ``client`` (the caller commits, also when it refuses)."""
    db.add(model(client=client_key(client), at=now or utcnow(), **fields))
    db.flush()
