"""Wie kent wie? for several people at once: the panel beside the map.

The people ticked in the panel (or picked on the map, which ticks them) all know each other,
or do not; or one person knows everyone of a sector. Each is one plain form post and one
service call of sns.network.group_ties; the forms carry ``data-inplace``, so with JavaScript
they are sent without reloading the page.
"""

from __future__ import annotations

from flask import abort, request
from flask_babel import gettext as _
from flask_babel import ngettext

from sns.models import Resident
from sns.network import group_ties
from web.core import labels
from web.core.access import current_coach
from web.core.database import get_db
from web.core.flashes import flash_at
from web.core.saving import save
from web.verkenning import bp, page, parse

#: Where the panel is on the map page, and where its messages are shown.
PLACE = "wiekentwie"

_ACTIONS = {"allemaal": group_ties.tie_all, "niet": group_ties.untie_all}


def _told(result: group_ties.GroupResult, added: bool) -> None:
    """How many lines were drawn or taken away, and how many were there already."""
    if added and result.changed:
        text = ngettext("%(num)s nieuwe lijn getekend.", "%(num)s nieuwe lijnen getekend.",
                        result.changed)
        old = result.pairs - result.changed
        if old:
            text += " " + ngettext("%(num)s lijn was er al.", "%(num)s lijnen waren er al.", old)
    elif added:
        text = _("Deze mensen kenden elkaar al allemaal. Er is niets veranderd.")
    elif result.changed:
        text = ngettext("%(num)s lijn weggehaald.", "%(num)s lijnen weggehaald.",
                        result.changed)
    else:
        text = _("Tussen deze mensen stond geen lijn. Er is niets veranderd.")
    flash_at(PLACE, text)


@bp.post("/banden/groep")
def group_ties_save(resident: Resident):
    """The ticked people (``member``, repeated) all know each other (``doen=allemaal``) or
    do not (``doen=niet``): the pressed button says which. Without it nothing is guessed."""
    action = _ACTIONS.get(request.form.get("doen", ""))
    if action is None:
        abort(400)
    ids = [parse.member_ref(value) for value in request.form.getlist("member")]
    return save(lambda: action(get_db(), current_coach(), resident, ids),
                saved=lambda result: _told(result, action is group_ties.tie_all),
                back=page.url(resident, PLACE), place=PLACE)


@bp.post("/banden/sector")
def sector_ties_save(resident: Resident):
    """One person (``member``) knows everyone of a sector (``sector``)."""
    sector = request.form.get("sector") or None

    def told(result: group_ties.GroupResult) -> None:
        words = labels.sector_labels()
        group = str(words.get(sector, sector))
        if result.changed:
            text = ngettext("Er is %(num)s nieuwe lijn naar %(group)s getekend.",
                            "Er zijn %(num)s nieuwe lijnen naar %(group)s getekend.",
                            result.changed, group=group)
        else:
            text = _("Er was al een lijn naar iedereen uit %(group)s. Er is niets veranderd.",
                     group=group)
        flash_at(PLACE, text)

    return save(lambda: group_ties.tie_to_sector(
        get_db(), current_coach(), resident, parse.member_ref(request.form.get("member")),
        sector, labels.sectors()), saved=told, back=page.url(resident, PLACE), place=PLACE)
