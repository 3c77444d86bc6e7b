"""Strength scan page parts and snapshots (momenten): saving and comparing."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from graph import compare
from sns.errors import Invalid
from sns.models import Resident
from sns.network import snapshots
from web.core import labels
from web.core.access import current_coach
from web.core.database import get_db
from web.core.forms import int_or_none
from web.core.mapsvg import screen_map
from web.core.saving import save
from web.scan import bp


@bp.post("/momenten")
def take_snapshot(resident: Resident):
    return save(lambda: snapshots.take(get_db(), current_coach(), resident,
                                       request.form.get("label", ""), labels.sectors()),
                saved=lambda snapshot: flash(_("Het netwerk is bewaard als '%(label)s'.",
                                               label=snapshot.label)),
                back=url_for("residents.show", resident_id=resident.id, _anchor="momenten"))


def _map(G, snapshot, highlight=None):
    """One moment's map beside the other: placed for a half-width screen column."""
    name = _("Netwerkkaart, %(label)s", label=snapshot.label)
    return screen_map(G, alt_title=name, target="screen-768", highlight=highlight)


@bp.get("/momenten/vergelijk")
def compare_snapshots(resident: Resident):
    db = get_db()
    try:
        before, after = snapshots.pair(db, resident, int_or_none(request.args.get("a")),
                                       int_or_none(request.args.get("b")))
    except Invalid as err:
        flash(_(err.message), "error")
        return redirect(url_for("residents.show", resident_id=resident.id, _anchor="momenten"))
    G_before, G_after = snapshots.graph_of(before), snapshots.graph_of(after)
    return render_template(
        "scan/compare.html", resident=resident, before=before, after=after,
        changes=compare.compare(G_before, G_after),
        map_before=_map(G_before, before),
        map_after=_map(G_after, after,
                       {node: "joined" for node in set(G_after) - set(G_before)}),
    )
