"""Team caseload and assigning coaches (teamleider only)."""

from flask import render_template, request, url_for
from flask_babel import gettext as _

from sns.accounts import coaches as accounts
from sns.errors import Invalid
from sns.i18n import N_
from sns.models import Resident
from sns.residents import caseload as residents
from web.core.access import current_coach, load_team_resident, resident_loader, role_required
from web.core.database import get_db
from web.core.forms import int_or_none
from web.core.saving import save
from web.team import bp


@bp.get("/")
@role_required("teamleider")
def index():
    db = get_db()
    return render_template(
        "team/index.html", residents=residents.team_caseload(db, current_coach())
    )


@bp.route("/bewoners/<int:resident_id>/coaches", methods=["GET", "POST"])
@role_required("teamleider")
@resident_loader(load_team_resident)
def assign(resident: Resident):
    db = get_db()
    leider = current_coach()
    team = accounts.team_coaches(db, leider.team_id)

    def page(status: int = 200):
        assigned = {a.coach_id for a in resident.assignments}
        return render_template("team/assign.html", resident=resident, team=team,
                               assigned=assigned), status

    def assign_chosen() -> None:
        chosen_ids = {int_or_none(v) for v in request.form.getlist("coach")}
        chosen = [c for c in team if c.id in chosen_ids]
        if len(chosen) != len(chosen_ids):
            raise Invalid(N_("Kies coaches uit uw eigen team."))
        residents.assign_coaches(db, leider, resident, chosen)

    if request.method == "GET":
        return page()
    return save(assign_chosen, refused=page, back=url_for("team.index"),
                saved=_("De coaches van %(name)s zijn opgeslagen.", name=resident.name))
