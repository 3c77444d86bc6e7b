"""The resident page and editing it."""

from flask import render_template, url_for
from flask_babel import gettext as _

from sns.models import Resident
from sns.network import graphs as network
from sns.network import snapshots
from sns.plan import actions as plan
from sns.residents import caseload as residents
from sns.residents import trajectory
from web.core import labels
from web.core.access import current_coach
from web.core.database import get_db
from web.core.forms import int_or_none
from web.core.saving import save
from web.residents import bp
from web.residents.forms import ResidentForm
from web.scan.panel import strength


@bp.get("/")
def show(resident: Resident):
    db = get_db()
    G = network.to_graph(db, resident, labels.sectors())
    history = trajectory.history(db, resident)
    return render_template(
        "residents/show.html", resident=resident, strength=strength(G),
        snapshots=snapshots.of_resident(db, resident),
        history=history, moves=trajectory.moves(resident, history),
        plan_due=plan.plan_pending(db, resident),
    )


@bp.route("/bewerken", methods=["GET", "POST"])
def edit(resident: Resident):
    form = ResidentForm(obj=resident)

    def page(status: int = 200):
        # After a conflict the form shows the newest version, else what was typed.
        shown = ResidentForm(formdata=None, obj=resident) if status == 409 else form
        return render_template("residents/edit.html", resident=resident, form=shown), status

    if not form.validate_on_submit():
        return page()
    return save(lambda: residents.update_resident(
        get_db(),
        current_coach(),
        resident,
        expected_version=int_or_none(form.version.data),
        name=form.name.data,
        hulpvraag=form.hulpvraag.data,
        wishes=form.wishes.data,
        talents=form.talents.data,
        contact=form.contact.data,
    ), saved=_("Opgeslagen."), back=url_for("residents.show", resident_id=resident.id),
        refused=page, refresh=resident)
