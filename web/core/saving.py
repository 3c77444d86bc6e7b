"""Running one refused-or-saved domain operation in a view, the same way everywhere.

A refused form is shown again with what was typed: templates read a field through
``kept(name, stored)`` (the submitted value after a refusal, else the stored one) and show
the message of a refused field with ``refusal(name)``.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask, flash, g, request
from flask_babel import gettext as _
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from sns.errors import Invalid, StaleVersion
from sns.i18n import N_
from web.core.database import get_db
from web.core.faults import is_unique_violation

#: Shown when the database itself refused the input (a NUL character, text past a column).
UNSTORABLE = N_("Dit kan niet worden opgeslagen. Er is niets opgeslagen.")


def attempt(work: Callable[[], object], *, refresh: object | None = None,
            place: str | None = None) -> int | None:
    """Run ``work`` (a service call) and commit; ``None`` means it was saved.

    A refused operation is rolled back and the status to answer with is returned: 409 when
    someone saved in between (``refresh`` is then reloaded so the page shows the current
    state; the message is flashed), 400 for input that breaks a rule. A rule about one field
    (``Invalid(field=...)``) keeps its message for ``refusal()`` beside that field (every
    such field must be on the form that sends it); any other message is flashed.

    The commit is part of the attempt: a concurrent save that the services' own version
    check could not see (a row changed or a unique key taken at the same moment) is the
    same 409, and input the database refuses is a 400; nothing of the attempt is kept.
    With ``place`` the message is shown next to that form (:func:`web.core.flashes.flash_at`).
    """
    category = f"error@{place}" if place else "error"
    db = get_db()
    try:
        work()
        db.commit()
    except (StaleVersion, StaleDataError) as err:
        return _refused(409, err, refresh, category)
    except IntegrityError as err:
        return _refused(409 if is_unique_violation(err) else 400, err, refresh, category)
    except (Invalid, DataError) as err:
        return _refused(400, err, None, category)
    return None


def _refused(status: int, err: Exception, refresh: object | None, category: str) -> int:
    db = get_db()
    db.rollback()
    if refresh is not None and status == 409:
        db.refresh(refresh)
    if status == 400:
        g.refused = True  # the form shows what was typed (kept())
    if isinstance(err, Invalid) and err.field:
        g.refusal = {err.field: _(err.message)}
        return status
    if isinstance(err, Invalid | StaleVersion):
        message = _(err.message)
    elif status == 409:
        message = _(StaleVersion.message)
    else:
        message = _(UNSTORABLE)
    flash(message, category)
    return status


def _this_form(form: str) -> bool:
    """Was the refused request sent by ``form``? A page with several forms names each one
    in a hidden ``_form`` field, so only the refused form shows what was typed (a request
    without one, from a script, matches every form: its message is never lost)."""
    return bool(g.get("refused")) and request.form.get("_form", form) == form


def kept(name: str, stored: object = None, form: str = "") -> object:
    """Template global: after a refused save of ``form``, what was typed in field ``name``;
    else ``stored``. A list field (checkboxes) gives the ticked values as numbers."""
    if not _this_form(form):
        return stored
    if isinstance(stored, (set, list, tuple)):
        return {int(v) for v in request.form.getlist(name) if v.isdigit()}
    return request.form.get(name, "")


def refusal(name: str, form: str = "") -> str | None:
    """Template global: the message for field ``name`` of ``form`` if the save was refused
    over it."""
    return g.get("refusal", {}).get(name) if _this_form(form) else None


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(kept=kept, refusal=refusal)
