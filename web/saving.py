"""Running one refused-or-saved domain operation in a view, the same way everywhere."""

from __future__ import annotations

from collections.abc import Callable

from flask import flash
from flask_babel import gettext as _
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from sns.errors import Invalid, StaleVersion
from sns.i18n import N_
from web.database import get_db
from web.faults import is_unique_violation

#: Shown when the database itself refused the input (a NUL character, text past a column).
UNSTORABLE = N_("Dit kan niet worden opgeslagen. Er is niets opgeslagen.")


def attempt(work: Callable[[], object], *, refresh: object | None = None) -> int | None:
    """Run ``work`` (a service call) and commit; ``None`` means it was saved.

    A refused operation is rolled back, its message is flashed and the status to answer
    with is returned: 409 when someone saved in between (``refresh`` is then reloaded so
    the page shows the current state), 400 for input that breaks a rule.

    The commit is part of the attempt: a concurrent save that the services' own version
    check could not see (a row changed or a unique key taken at the same moment) is the
    same 409, and input the database refuses is a 400; nothing of the attempt is kept.
    """
    db = get_db()
    try:
        work()
        db.commit()
    except (StaleVersion, StaleDataError) as err:
        return _refused(409, err, refresh)
    except IntegrityError as err:
        return _refused(409 if is_unique_violation(err) else 400, err, refresh)
    except (Invalid, DataError) as err:
        return _refused(400, err, None)
    return None


def _refused(status: int, err: Exception, refresh: object | None) -> int:
    db = get_db()
    db.rollback()
    if refresh is not None and status == 409:
        db.refresh(refresh)
    if isinstance(err, Invalid | StaleVersion):
        message = _(err.message)
    elif status == 409:
        message = _(StaleVersion.message)
    else:
        message = _(UNSTORABLE)
    flash(message, "error")
    return status
