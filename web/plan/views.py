"""Plan pages: the actieteam, actions per life domain (overdue ones stand out), reviews."""

from __future__ import annotations

from datetime import date

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from sns import beraad, network, plan
from sns.errors import Invalid
from sns.life_domains import entries
from web import labels
from web.access import current_coach, load_resident
from web.database import get_db
from web.forms import date_or_none, ids, int_or_none, number_or_raw
from web.plan import bp
from web.saving import attempt


def _domains() -> dict[str, str]:
    return current_app.config["LIFE_DOMAINS"]


def _action_input(form: MultiDict) -> plan.ActionInput:
    return plan.ActionInput(
        what=form.get("what"), member_ids=ids(form.getlist("who")),
        professional=form.get("professional"), due=date_or_none(form.get("due")),
        domain=form.get("domain") or None, status=form.get("status", "open"),
    )


def _back(resident_id: int, anchor: str | None = None):
    return redirect(url_for("plan.index", resident_id=resident_id, _anchor=anchor))


@bp.get("/")
def index(resident_id: int):
    resident = load_resident(resident_id)
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
        reviews=plan.reviews_of(db, resident), today=date.today(),
        domain_entries=entries(db, resident),
    )


@bp.post("/actieteam")
def set_team(resident_id: int):
    resident = load_resident(resident_id)
    db = get_db()
    try:
        plan.set_team(db, current_coach(), resident, ids(request.form.getlist("member")))
    except Invalid as err:
        db.rollback()
        flash(_(err.message), "error")
    else:
        db.commit()
        flash(_("Het actieteam is opgeslagen."))
    return _back(resident_id, "actieteam")


@bp.post("/acties")
def add_action(resident_id: int):
    resident = load_resident(resident_id)
    db = get_db()
    try:
        plan.add_action(db, current_coach(), resident, _action_input(request.form), _domains())
    except Invalid as err:
        db.rollback()
        flash(_(err.message), "error")
    else:
        db.commit()
        flash(_("De actie staat in het plan."))
    return _back(resident_id, "acties")


@bp.route("/acties/<int:action_id>", methods=["GET", "POST"])
def edit_action(resident_id: int, action_id: int):
    resident = load_resident(resident_id)
    db = get_db()
    action = plan.get_action(db, resident, action_id)
    status = None
    if request.method == "POST":
        status = attempt(lambda: plan.update_action(
            db, current_coach(), resident, action, _action_input(request.form), _domains(),
            expected_version=int_or_none(request.form.get("version"))), refresh=action)
        if status is None:
            flash(_("Opgeslagen."))
            return _back(resident_id, "acties")
    chosen = {p.member_id for p in action.performers}
    members = network.members_of(db, resident)
    names = network.names_of(db, resident)
    # Who carried this action but has left the network: shown, and kept unless unticked.
    left = sorted(chosen - {m.id for m in members})
    return render_template(
        "plan/action.html", resident=resident, action=action, domains=_domains(),
        members=members, chosen=chosen, left=[(i, names.get(i, "?")) for i in left],
    ), status or 200


@bp.post("/evaluaties")
def add_review(resident_id: int):
    """Progress per action, life-domain scores, a snapshot, and the next review date."""
    resident = load_resident(resident_id)
    db = get_db()
    form = request.form
    try:
        progress = {a.id: form.get(f"status_{a.id}", a.status)
                    for a in plan.actions_of(db, resident)}
        scores = {code: number_or_raw(form[f"score_{code}"]) for code in _domains()
                  if form.get(f"score_{code}")}
        plan.save_review(db, current_coach(), resident, held_on=date_or_none(form.get("held_on")),
                         progress=progress, scores=scores, notes=form.get("notes"),
                         domains=_domains(), sectors=labels.sectors())
    except Invalid as err:
        db.rollback()
        flash(_(err.message), "error")
    else:
        db.commit()
        flash(_("De evaluatie is opgeslagen, met een momentopname van het netwerk."))
    return _back(resident_id, "evaluaties")
