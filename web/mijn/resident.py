"""The resident's own page: their map (read-only), their help question, the plan, the next
meeting and their coaches; "Gedaan" on an action and "Dit wil ik bespreken".

The code in the URL is the only key (:mod:`sns.residents.codes`): a wrong, renewed, stopped
or expired code, or a closed trajectory, answers the same plain 404 page, and counts against
the client address; too many from one address answer 429. Every open and every answer is in
the access log, "via de code van de bewoner" (:mod:`sns.plan.own`). The page answers with
``Referrer-Policy: no-referrer`` on top of the app's ``same-origin``, so no link on it can
pass the code on, and the results of its forms are never stored by the one-time keys
(``web.core.submissions.SECRET_ENDPOINTS``): they hold the code.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date

from flask import render_template, request, url_for
from flask_babel import gettext as _

from graph.map.style import styled_name
from sns.beraad import meetings as beraad
from sns.models import Resident
from sns.network import graphs as network
from sns.plan import actions as plan
from sns.plan import own
from sns.residents import codes
from web.core import labels
from web.core.database import get_db
from web.core.forms import int_or_none
from web.core.saving import save
from web.mijn import bp
from web.printing.documents import action_when
from web.verkenning.mapview import RESIDENT_TARGET, legend, map_payload

PURPOSE = "bewoner"


def with_code(view: Callable) -> Callable:
    """The view gets the resident whose live code is in the URL; anything else is the plain
    404 page (the wrong code is counted, so the attempt is committed), too many wrong codes
    from this address the 429 page."""

    @functools.wraps(view)
    def wrapped(code: str):
        db = get_db()
        # By hand, not through saving.attempt: the wrong code just counted must be committed
        # although the answer is a refusal, or guessing would never be throttled.
        try:
            resident = codes.resident_for(db, code, PURPOSE, request.remote_addr)
        except codes.TooManyAttempts:
            db.commit()
            return render_template("mijn/too_many.html"), 429
        if resident is None:
            db.commit()
            return render_template("mijn/not_found.html"), 404
        return view(resident, code)

    return wrapped


@bp.after_request
def _no_referrer(response):
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def _next_meeting(db, resident: Resident):
    upcoming = [m for m in beraad.meetings_of(db, resident)
                if not m.held and m.on_date and m.on_date >= date.today()]
    return min(upcoming, key=lambda m: (m.on_date, m.at_time or m.on_date)) if upcoming else None


def _page(resident: Resident, code: str, status: int = 200):
    db = get_db()
    G = network.to_graph(db, resident, labels.sectors())
    names = network.names_of(db, resident)
    actions = [{"id": a.id, "what": a.what, "status": a.status, "version": a.version,
                "label": labels.STATUS_LABELS[a.status], "when": action_when(a),
                "who": [names[p.member_id] for p in a.performers]
                + ([a.professional] if a.professional else [])}
               for a in plan.actions_of(db, resident)]
    if status == 200:
        own.opened(db, resident)
        db.commit()
    return render_template(
        "mijn/page.html", resident=resident, code=code,
        first_name=styled_name(resident.name, "first") or resident.name,
        payload=map_payload(G, target=RESIDENT_TARGET), legend=legend(), count=len(G) - 1,
        actions=actions, markable=own.MARKABLE, meeting=_next_meeting(db, resident),
        next_review=resident.next_review, coaches=resident.coaches, team=resident.team,
        topics=own.topics_of(db, resident),
    ), status


@bp.get("/<code>")
@with_code
def page(resident: Resident, code: str):
    return _page(resident, code)


@bp.post("/<code>/gedaan")
@with_code
def mark_done(resident: Resident, code: str):
    return save(lambda: own.mark_done(get_db(), resident,
                                      int_or_none(request.form.get("action_id"))),
                back=url_for("mijn.page", code=code, _anchor="plan"),
                saved=_("Goed zo! Dit staat nu op gedaan. Uw coach ziet het ook."),
                refused=lambda status: _page(resident, code, status))


@bp.post("/<code>/bespreken")
@with_code
def add_topic(resident: Resident, code: str):
    return save(lambda: own.add_topic(get_db(), resident, request.form.get("text")),
                back=url_for("mijn.page", code=code, _anchor="bespreken"),
                saved=_("Dank u. Uw coach ziet dit bij het plan."),
                refused=lambda status: _page(resident, code, status), field="text")
