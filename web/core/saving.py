"""Running one refused-or-saved domain operation in a view, the same way everywhere.

Every form post saves through :func:`save` (or, when saving leads to a page of its own,
:func:`attempt`): no view catches a refusal by hand. A refusal that escapes a view anyway
gets the error page of web.core.errors (400 or 409, never a 500).

A refused form is shown again with what was typed: templates read a field through
``kept(name, stored)`` (the submitted value after a refusal, else the stored one) and show
the message of a refused field with ``refusal(name)`` (a form of web.core.forms does both
itself, through the ``field`` macro).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from flask import Flask, flash, g, redirect, request
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from sns.errors import Invalid, StaleVersion
from sns.i18n import N_
from web.core.database import get_db
from web.core.faults import is_unique_violation

#: Shown when the database itself refused the input (a NUL character, text past a column).
UNSTORABLE = N_("Dit kan niet worden opgeslagen. Er is niets opgeslagen.")

T = TypeVar("T")


def save(work: Callable[[], T], *, back: str | Callable[[T], str],
         saved: str | Callable[[T], None] | None = None,
         refused: str | Callable[[int], ResponseReturnValue] | None = None,
         refresh: object | None = None, place: str | None = None, field: str | None = None,
         conflict: str | None = None, code: int = 302) -> ResponseReturnValue:
    """One form post: :func:`attempt` ``work``, then answer.

    Saved: ``saved`` tells the coach (a message, or a function of what ``work`` returned that
    flashes its own and may note things in the browser's session), and the browser goes to
    ``back`` (an address, or a function of what ``work`` returned: then ``refused`` is needed),
    where the message is shown beside ``place`` when given.

    Refused: a function ``refused(status)`` gives the page again (it shows what was typed and
    the message beside its field, else at the top); else the browser goes to the address
    ``refused`` with the message at its top, or by default back to ``back``, with the message
    beside ``place``. ``code`` is the redirect's status; ``refresh``, ``field`` and
    ``conflict`` are :func:`attempt`'s.
    """
    done: list[T] = []
    page = refused if callable(refused) else None
    status = attempt(lambda: done.append(work()), refresh=refresh, field=field,
                     conflict=conflict, place=None if refused else place,
                     beside_field=page is not None)
    if status is not None:
        return page(status) if page else redirect(refused or _address(back, None), code)
    (result,) = done
    if callable(saved):
        saved(result)
    elif saved:
        flash(saved, f"message@{place}" if place else "message")
    return redirect(_address(back, result), code)


def _address(back: str | Callable[[T], str], result: T) -> str:
    return back(result) if callable(back) else back


def attempt(work: Callable[[], object], *, refresh: object | None = None,
            place: str | None = None, field: str | None = None, conflict: str | None = None,
            beside_field: bool = True) -> int | None:
    """Run ``work`` (a service call) and commit; ``None`` means it was saved.

    A refused operation is rolled back and the status to answer with is returned: 409 when
    someone saved in between (``refresh`` is then reloaded so the page shows the current
    state; the message, or ``conflict`` when the form says what it means there, is
    flashed), 400 for input that breaks a rule. A rule about one field
    (``Invalid(field=...)``, or any ``Invalid`` when ``field`` names the form's one field)
    keeps its message for ``refusal()`` beside that field (every such field must be on the
    form that sends it); any other message is flashed, and so is every message when the
    answer is not the form again (``beside_field=False``).

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
        return _refused(409, err, refresh, category, None, conflict)
    except IntegrityError as err:
        status = 409 if is_unique_violation(err) else 400
        return _refused(status, err, refresh, category, None, conflict)
    except Invalid as err:
        return _refused(400, err, None, category,
                        (err.field or field) if beside_field else None, None)
    except DataError as err:
        return _refused(400, err, None, category, None, None)
    return None


def _refused(status: int, err: Exception, refresh: object | None, category: str,
             field: str | None, conflict: str | None) -> int:
    db = get_db()
    db.rollback()
    if refresh is not None and status == 409:
        db.refresh(refresh)
    if status == 400:
        g.refused = True  # the form shows what was typed (kept())
    if isinstance(err, Invalid) and field:
        g.refusal = {field: _(err.message, **err.params)}
        return status
    if status == 409 and conflict:
        message = _(conflict)
    elif isinstance(err, Invalid | StaleVersion):
        message = _(err.message, **err.params)
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
