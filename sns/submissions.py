"""One-time submission keys: the second submit of the same form changes nothing.

Every form the app renders carries a fresh random key (see ``web.core.submissions``). The key is
stored in the same transaction as what the form saved, so a key is used exactly when its
form's work was committed: a refused or failed submit leaves the key unused, and may be sent
again. A second submit of a used key (a double click, a resent page) is told where the
first one led instead of doing the work twice. Two submits at the very same moment queue on
the key's primary key (PostgreSQL) or the write lock (SQLite): the second sees the first's.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sns.models import UsedSubmission
from sns.models.base import utcnow

#: Keys are kept this long; a form sent again after that counts as a new one.
KEEP = timedelta(days=1)
KEY_FORMAT = re.compile(r"[A-Za-z0-9_-]{22,64}")


def is_key(value: str | None) -> bool:
    """Whether ``value`` looks like a key the app hands out (anything else is ignored)."""
    return bool(value and KEY_FORMAT.fullmatch(value))


def claim(db: Session, key: str) -> UsedSubmission | None:
    """Mark ``key`` as used by the caller's transaction; returns the earlier submission
    instead when the key was used already (and then marks nothing)."""
    used = db.get(UsedSubmission, key, populate_existing=True)
    if used is not None:
        return used
    try:
        with db.begin_nested():
            db.add(UsedSubmission(key=key))
    except IntegrityError:
        # Saved by a concurrent submit between our look and our insert (PostgreSQL waited
        # for it to commit): show that one.
        return db.get(UsedSubmission, key, populate_existing=True)
    return None


def result_of(db: Session, key: str) -> str | None:
    """Where the submit with ``key`` led, once it has been noted."""
    return db.scalar(select(UsedSubmission.result).where(UsedSubmission.key == key))


def record_result(db: Session, key: str, result: str) -> None:
    """Remember where the submit led (the page shown after saving)."""
    db.execute(update(UsedSubmission).where(UsedSubmission.key == key)
               .values(result=result[:500]))


def release(db: Session, key: str) -> None:
    """The submit was refused after all: its key may be used again."""
    db.execute(delete(UsedSubmission).where(UsedSubmission.key == key))


def purge(db: Session, now: datetime | None = None) -> None:
    """Forget keys older than :data:`KEEP`."""
    db.execute(delete(UsedSubmission).where(UsedSubmission.at < (now or utcnow()) - KEEP))
