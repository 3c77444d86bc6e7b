"""Caseload pages."""

from flask import flash, render_template, url_for
from flask_babel import gettext as _

from sns.models import CASELOAD_ROLES
from sns.residents import caseload as residents
from sns.residents.access import has_caseload
from web.caseload import bp
from web.caseload.forms import NewResidentForm
from web.core.access import current_coach, role_required
from web.core.database import get_db
from web.core.saving import save


@bp.get("/")
def index():
    """My residents, most recently changed first."""
    coach = current_coach()
    return render_template("caseload/index.html", residents=residents.caseload(get_db(), coach),
                           may_add=has_caseload(coach))


@bp.route("/bewoners/nieuw", methods=["GET", "POST"])
@role_required(*CASELOAD_ROLES)
def new_resident():
    form = NewResidentForm()

    def page(status: int = 200):
        return render_template("caseload/new.html", form=form), status

    def created(resident) -> None:
        flash(_("%(name)s staat nu bij Mijn bewoners.", name=resident.name))

    if not form.validate_on_submit():
        return page()
    return save(lambda: residents.create_resident(get_db(), current_coach(), form.name.data,
                                                  form.hulpvraag.data),
                saved=created, refused=page, field="name",
                back=lambda resident: url_for("residents.show", resident_id=resident.id))
