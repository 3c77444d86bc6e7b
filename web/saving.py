"""Running one refused-or-saved domain operation in a view, the same way everywhere."""

from __future__ import annotations

from collections.abc import Callable

from flask import flash
from flask_babel import gettext as _

from sns.errors import Invalid, StaleVersion
from web.database import get_db


def attempt(work: Callable[[], object], *, refresh: object | None = None,
            place: str | None = None) -> int | None:
    """Run ``work`` (a service call) and commit; ``None`` means it was saved.

    A refused operation is rolled back, its message is flashed and the status to answer
    with is returned: 409 when someone saved in between (``refresh`` is then reloaded so
    the page shows the current state), 400 for input that breaks a rule. With ``place``
    the message is shown next to that form (:func:`web.flashes.flash_at`).
    """
    category = f"error@{place}" if place else "error"
    db = get_db()
    try:
        work()
    except StaleVersion as err:
        db.rollback()
        if refresh is not None:
            db.refresh(refresh)
        flash(_(err.message), category)
        return 409
    except Invalid as err:
        db.rollback()
        flash(_(err.message), category)
        return 400
    db.commit()
    return None
