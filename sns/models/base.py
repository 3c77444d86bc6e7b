"""Mixins shared by the models: optimistic-concurrency versions, timestamps, and failed
attempts counted per client."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime, String
from sqlalchemy.orm import Mapped, declared_attr, mapped_column


def utcnow() -> datetime:
    """Timezone-aware now; stored as UTC."""
    return datetime.now(UTC)


class Versioned:
    """An editable aggregate: every UPDATE bumps ``version``; an update based on an older
    version is refused by SQLAlchemy (StaleDataError) and, earlier, by the services."""

    version: Mapped[int] = mapped_column(nullable=False, default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:  # noqa: N805 - SQLAlchemy's declared_attr signature
        return {"version_id_col": cls.version}


class Timestamped:
    """Created and last-changed moments, for the caseload's "last change" column."""

    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )


class FailedAttempt:
    """A failed attempt (a wrong join code, a wrong password) by client address, counted by
    :mod:`sns.accounts.throttle`. Rows older than the window are deleted on the next check, so an
    address is kept for minutes, not longer."""

    id: Mapped[int] = mapped_column(primary_key=True)
    client: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
