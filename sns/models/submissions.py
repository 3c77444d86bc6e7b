"""One-time submission keys: a form that was saved once is not saved again."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, String
from sqlalchemy.orm import Mapped, mapped_column

from sns.db import Base
from sns.models.base import utcnow


class UsedSubmission(Base):
    """A form's key, stored in the same transaction as what the form saved; ``result`` is
    the page the first submit led to, shown again to a second submit of the same form."""

    __tablename__ = "used_submission"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    result: Mapped[str | None] = mapped_column(String(500))
