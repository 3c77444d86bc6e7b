"""Caseload pages."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _

from sns.errors import Invalid
from sns.residents import caseload as residents
from web.caseload import bp
from web.caseload.forms import NewResidentForm
from web.core.access import current_coach
from web.core.database import get_db


@bp.get("/")
def index():
    """My residents, most recently changed first."""
    return render_template(
        "caseload/index.html", residents=residents.caseload(get_db(), current_coach())
    )


@bp.route("/bewoners/nieuw", methods=["GET", "POST"])
def new_resident():
    form = NewResidentForm()
    if form.validate_on_submit():
        db = get_db()
        try:
            resident = residents.create_resident(
                db, current_coach(), form.name.data, form.hulpvraag.data
            )
        except Invalid as err:
            db.rollback()
            form.name.errors.append(_(err.message))
        else:
            db.commit()
            flash(_("%(name)s staat nu bij Mijn bewoners.", name=resident.name))
            return redirect(url_for("residents.show", resident_id=resident.id))
    return render_template("caseload/new.html", form=form)
