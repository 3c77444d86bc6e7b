"""Running one refused-or-saved domain operation in a view, the same way everywhere.

A refused form is shown again with what was typed: templates read a field through
``kept(name, stored)`` (the submitted value after a refusal, else the stored one) and show
the message of a refused field with ``refusal(name)``.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask, flash, g, request
from flask_babel import gettext as _

from sns.errors import Invalid, StaleVersion
from web.database import get_db


def attempt(work: Callable[[], object], *, refresh: object | None = None) -> int | None:
    """Run ``work`` (a service call) and commit; ``None`` means it was saved.

    A refused operation is rolled back and the status to answer with is returned: 409 when
    someone saved in between (``refresh`` is then reloaded so the page shows the current
    state; the message is flashed), 400 for input that breaks a rule. A rule about one field
    (``Invalid(field=...)``) keeps its message for ``refusal()`` beside that field (every
    such field must be on the form that sends it); any other message is flashed.
    """
    db = get_db()
    try:
        work()
    except StaleVersion as err:
        db.rollback()
        if refresh is not None:
            db.refresh(refresh)
        flash(_(err.message), "error")
        return 409
    except Invalid as err:
        db.rollback()
        g.refused = True
        if err.field:
            g.refusal = {err.field: _(err.message)}
        else:
            flash(_(err.message), "error")
        return 400
    db.commit()
    return None


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
