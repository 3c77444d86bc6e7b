"""Attempts counted per client address (and optionally per account or kind): after
``limit`` within ``window``, that client waits.

Used for wrong join codes, joins and take-home PDFs (:mod:`sns.groups.joining`,
:mod:`sns.groups.public_limits`) through :func:`blocked` and :func:`record`, and for logins
(:mod:`sns.accounts.coaches`: per address and account, and more loosely per address) and
second-factor codes (:mod:`sns.accounts.two_factor`: per account) through :func:`claim`,
which counts an attempt *before* it is checked, so that a parallel burst gets no more than
the limit checked. Behind a reverse proxy the address is the client's only when the app
trusts the proxy (``SNS_PROXIES``).
"""

from __future__ import annotations

from collections.abc import Sequence
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


def claim(db: Session, model: type[FailedAttempt], client: str | None, *,
          limits: Sequence[tuple[int, Sequence[str]]], window: timedelta,
          now: datetime | None = None, **fields: Any) -> FailedAttempt | None:
    """Count an attempt before it is checked: its row is written and committed first (with
    anything else pending in ``db``), then the rows within ``window`` are counted, its own
    among them. Returns the row, or ``None`` (the row taken back) when more than ``limit``
    rows share the columns of one of ``limits`` with it, e.g. ``[(10, ("client",
    "account"))]``.

    The caller checks the attempt, keeps the row when it failed and withdraws it
    (:func:`withdraw`) when it succeeded. Counting after the commit is what makes the limit
    hold for attempts at the same moment, on SQLite and PostgreSQL alike: each attempt
    counts every attempt committed before its own, so the (limit + 1)th failure always sees
    ``limit`` others, however the requests interleave. Old rows are forgotten here too.
    """
    now = now or utcnow()
    row = model(client=client_key(client), at=now, **fields)
    groups = [(limit, [getattr(model, column) == getattr(row, column) for column in columns])
              for limit, columns in limits]
    for _limit, same in groups:
        db.execute(delete(model).where(model.at < now - window, *same))
    db.add(row)
    db.commit()
    for limit, same in groups:
        count = db.scalar(select(func.count()).select_from(model)
                          .where(model.at >= now - window, *same))
        if count > limit:
            withdraw(db, row)
            db.commit()
            return None
    return row


def withdraw(db: Session, row: FailedAttempt) -> None:
    """Take back an attempt of :func:`claim` that succeeded (the caller commits)."""
    db.execute(delete(type(row)).where(type(row).id == row.id))
