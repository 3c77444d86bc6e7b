"""The resident page and editing it."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _

from sns.errors import Invalid, StaleVersion
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
    if form.validate_on_submit():
        db = get_db()
        try:
            residents.update_resident(
                db,
                current_coach(),
                resident,
                expected_version=int_or_none(form.version.data),
                name=form.name.data,
                hulpvraag=form.hulpvraag.data,
                wishes=form.wishes.data,
                talents=form.talents.data,
                contact=form.contact.data,
            )
        except StaleVersion as err:
            db.rollback()
            flash(_(err.message), "error")
            db.refresh(resident)
            current = ResidentForm(formdata=None, obj=resident)
            return render_template("residents/edit.html", resident=resident, form=current), 409
        except Invalid as err:
            db.rollback()
            flash(_(err.message), "error")
        else:
            db.commit()
            flash(_("Opgeslagen."))
            return redirect(url_for("residents.show", resident_id=resident.id))
    return render_template("residents/edit.html", resident=resident, form=form)
