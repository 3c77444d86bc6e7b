"""Plan pages: the actieteam, actions per life domain (overdue ones stand out), the offers of
the netwerkberaad that can become actions, reviews."""

from __future__ import annotations

from datetime import date

from flask import current_app, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from sns.beraad import meetings as beraad
from sns.models import Resident
from sns.network import graphs as network
from sns.plan import actions as plan
from sns.plan import own
from sns.residents.life_domains import entries
from web.core import labels
from web.core.access import current_coach
from web.core.database import get_db
from web.core.forms import date_or_none, ids, int_or_none, number_or_raw
from web.core.saving import save
from web.plan import bp

#: Simple repeats offered for an ongoing action; any words of one's own are fine too.
REPEATS = ("elke dag", "elke week", "elke zondag", "elke twee weken", "elke maand")


def _domains() -> dict[str, str]:
    return current_app.config["LIFE_DOMAINS"]


def _action_input(form: MultiDict) -> plan.ActionInput:
    return plan.ActionInput(
        what=form.get("what"), member_ids=ids(form.getlist("who")),
        professional=form.get("professional"), due=date_or_none(form.get("due")),
        domain=form.get("domain") or None, status=form.get("status", "open"),
        ongoing=form.get("kind") == "doorlopend", how_often=form.get("how_often"),
    )


def _url(resident: Resident, anchor: str) -> str:
    return url_for("plan.index", resident_id=resident.id, _anchor=anchor)


def _save(resident: Resident, work, message: str, anchor: str):
    """Save ``work``: refused, the plan page again with what was typed; saved, back to the
    plan at ``anchor`` with ``message``."""
    return save(work, saved=message, back=_url(resident, anchor),
                refused=lambda status: _index(resident, status))


def _draft(members) -> dict | None:
    """The new action as a link from the map proposes it: ``?weer_contact=<member id>``
    ("Weer contact opnemen met Kees", for someone the resident lost contact with)."""
    wanted = int_or_none(request.args.get("weer_contact"))
    member = next((m for m in members if m.id == wanted), None)
    if member is None:
        return None
    return {"what": _("Weer contact opnemen met %(name)s", name=member.name)}


def _index(resident, status: int = 200):
    """The plan page; after a refused form (``status`` 400/409) it shows what was typed."""
    db = get_db()
    actions = plan.actions_of(db, resident)
    attended = {i.member_id for m in beraad.meetings_of(db, resident) for i in m.invitees
                if i.attended}
    members = network.members_of(db, resident)
    by_domain: dict[str | None, list] = {}
    for action in actions:
        by_domain.setdefault(action.domain, []).append(action)
    return render_template(
        "plan/index.html", resident=resident, members=members, attended=attended,
        team=[m for m in members if m.in_actieteam], by_domain=by_domain,
        domains=_domains(), names=network.names_of(db, resident),
        overdue={a.id for a in actions if plan.is_overdue(a)},
        ongoing={a.id for a in actions if plan.is_ongoing(a)},
        offers=plan.open_offers(db, resident), plan_due=plan.plan_pending(db, resident),
        reviews=plan.reviews_of(db, resident), today=date.today(),
        domain_entries=entries(db, resident), repeats=REPEATS, draft=_draft(members),
        topics=own.topics_of(db, resident),
    ), status


@bp.get("/")
def index(resident: Resident):
    return _index(resident)


@bp.post("/actieteam")
def set_team(resident: Resident):
    return save(lambda: plan.set_team(get_db(), current_coach(), resident,
                                      ids(request.form.getlist("member"))),
                saved=_("Het actieteam is opgeslagen."), back=_url(resident, "actieteam"))


@bp.post("/acties")
def add_action(resident: Resident):
    return _save(resident, lambda: plan.add_action(get_db(), current_coach(), resident,
                                                   _action_input(request.form), _domains()),
                 _("De actie staat in het plan."), "acties")


@bp.post("/aanbod/<int:offer_id>")
def take_up_offer(resident: Resident, offer_id: int):
    """"Zet in het plan": an offer of the netwerkberaad becomes an action, as edited."""
    return _save(resident, lambda: plan.take_up_offer(get_db(), current_coach(), resident,
                                                      offer_id, _action_input(request.form),
                                                      _domains()),
                 _("Het aanbod staat nu in het plan."), "aanbod")


@bp.route("/acties/<int:action_id>", methods=["GET", "POST"])
def edit_action(resident: Resident, action_id: int):
    db = get_db()
    action = plan.get_action(db, resident, action_id)

    def page(status: int = 200):
        chosen = {p.member_id for p in action.performers}
        members = network.members_of(db, resident)
        names = network.names_of(db, resident)
        # Who carried this action but has left the network: shown, and kept unless unticked.
        left = sorted(chosen - {m.id for m in members})
        return render_template(
            "plan/action.html", resident=resident, action=action, domains=_domains(),
            members=members, chosen=chosen, left=[(i, names.get(i, "?")) for i in left],
            repeats=REPEATS,
        ), status

    if request.method == "GET":
        return page()
    return save(lambda: plan.update_action(
        db, current_coach(), resident, action, _action_input(request.form), _domains(),
        expected_version=int_or_none(request.form.get("version"))),
        saved=_("Opgeslagen."), back=_url(resident, "acties"), refused=page, refresh=action)


@bp.post("/evaluaties")
def add_review(resident: Resident):
    """Progress per action, whether each ongoing action still happens, life-domain scores,
    a snapshot, and the next review date."""
    db = get_db()
    form = request.form

    def review():
        actions = plan.actions_of(db, resident)
        progress = {a.id: form.get(f"status_{a.id}", a.status) for a in actions}
        still = {a.id: form[f"still_{a.id}"] == "ja" for a in actions
                 if form.get(f"still_{a.id}") in ("ja", "nee")}
        scores = {code: number_or_raw(form[f"score_{code}"]) for code in _domains()
                  if form.get(f"score_{code}")}
        plan.save_review(db, current_coach(), resident, held_on=date_or_none(form.get("held_on")),
                         progress=progress, still=still, scores=scores, notes=form.get("notes"),
                         domains=_domains(), sectors=labels.sectors())

    return _save(resident, review,
                 _("De evaluatie is opgeslagen, met een momentopname van het netwerk."),
                 "evaluaties")
