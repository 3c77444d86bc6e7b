"""Undo and redo at the kitchen table: the buttons beside the map (and beside the list after
a remove) post the change they name to :mod:`sns.network.changes`."""

from __future__ import annotations

from flask import request
from flask_babel import gettext as _

from sns.i18n import N_
from sns.models import Resident
from sns.network import changes
from web.core.access import current_coach
from web.core.database import get_db
from web.core.flashes import flash_at
from web.core.forms import int_or_none
from web.core.saving import save
from web.verkenning import bp, page


def _step(resident: Resident, work, done: str):
    """Undo or redo the change the pressed button names; refused, the map as it is now
    (409 when a colleague changed the same person, or it was done already)."""
    db = get_db()
    change_id = int_or_none(request.form.get("change"))
    return save(lambda: work(db, current_coach(), resident, change_id),
                saved=lambda change: flash_at(
                    "ongedaan", _(done, what=page.what(db, resident, change))),
                back=page.url(resident, "ongedaan-maken"),
                refused=lambda status: page.render(resident, status))


@bp.post("/ongedaan-maken")
def undo(resident: Resident):
    return _step(resident, changes.undo, N_("Ongedaan gemaakt: %(what)s."))


@bp.post("/opnieuw")
def redo(resident: Resident):
    return _step(resident, changes.redo, N_("Opnieuw gedaan: %(what)s."))
