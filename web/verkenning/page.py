"""The verkenning page as it is now: its address, the page itself, and the undo and redo
buttons it shows. Every form of the map page comes back here (a refusal with its status);
table.js redraws the page's live parts from it after an action in place."""

from __future__ import annotations

from dataclasses import dataclass

from flask import render_template, request, session, url_for
from flask_babel import gettext as _

from sns.models import NetworkChange, Resident
from sns.network import changes, group_ties
from sns.network import graphs as network
from web.core import labels
from web.core.access import current_coach
from web.core.database import get_db
from web.verkenning import questions
from web.verkenning.mapview import legend, map_payload


def url(resident: Resident, anchor: str) -> str:
    """The map page, scrolled to ``anchor``: ``kaart`` is the quick entry with the map beside
    it (graph.js gives the name field the focus again, as browsers skip autofocus when the
    URL points at a fragment). The question that was open stays open."""
    return url_for("verkenning.index", resident_id=resident.id, _anchor=anchor,
                   vraag=request.values.get("vraag") or None)


def render(resident: Resident, status: int = 200):
    """The verkenning page as it is now; after a refused form of the list or a refused undo
    (``status`` 400/409) with the message in its place."""
    db = get_db()
    rows = network.members_of(db, resident)
    tie_rows = network.ties_of(db, resident)
    G = network.graph_of(resident, rows, tie_rows, labels.sectors())
    by_id = {m.id: m for m in rows}
    ties = [(t, by_id[t.a_id], by_id[t.b_id]) for t in tie_rows]
    question = questions.named(request.args.get("vraag"))
    return render_template(
        "verkenning/index.html",
        resident=resident,
        question=question,
        next_question=question and questions.after(question),
        questions=questions.ALL,
        members=sorted(rows, key=lambda m: (m.circle or 9, m.name.lower())),
        ties=ties,
        payload=map_payload(G),
        quick_pick=session.get("quick_pick", {}),
        # "Deze persoon" of the pair form: the one of the last pair
        tie_pick=session.get("tie_pick"),
        group_max=group_ties.MAX_GROUP,
        # the person just added or moved: the map shows them selected
        just_placed=session.pop("just_placed", None),
        legend=legend(),
        steps=steps(db, resident),
        # the list's message after a remove gets its own undo button
        undo_beside=session.pop("undo_beside", None),
    ), status


@dataclass(frozen=True)
class Step:
    """An undo or redo button: where it posts, the change it undoes or does again (None:
    nothing to undo or redo) and what that change did, in words."""

    url: str
    change: int | None = None
    what: str | None = None


def steps(db, resident: Resident) -> dict[str, Step]:
    coach = current_coach()
    steps = {}
    for endpoint, find in (("undo", changes.to_undo), ("redo", changes.to_redo)):
        change = find(db, coach, resident)
        url = url_for(f"verkenning.{endpoint}", resident_id=resident.id)
        steps[endpoint] = (Step(url, change.id, what(db, resident, change)) if change
                           else Step(url))
    return steps


def what(db, resident: Resident, change: NetworkChange) -> str:
    """What ``change`` did: "Ans van de kaart gehaald"."""
    description = changes.describe(db, resident, change)
    return _(description.message, **description.params)
