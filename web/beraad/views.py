"""Netwerkberaad pages: the list, preparing (date, place, agenda, invitees), invitations,
recording who came and who offered what."""

from __future__ import annotations

from datetime import date

from flask import current_app, render_template, request, url_for
from flask_babel import gettext as _

from sns.beraad import followup
from sns.beraad import meetings as beraad
from sns.beraad.salutation import suggestion
from sns.models import Resident
from sns.network import graphs as network
from web.beraad import bp
from web.beraad.letters import letters
from web.core.access import current_coach
from web.core.database import get_db
from web.core.forms import date_or_none, ids, int_or_none, time_or_none
from web.core.saving import save


def _meeting(resident: Resident, meeting_id: int):
    """The resident's meeting (404 for a meeting of someone else)."""
    return beraad.get_meeting(get_db(), resident, meeting_id)


def _meeting_url(resident: Resident, meeting_id: int, anchor: str | None = None) -> str:
    return url_for("beraad.meeting", resident_id=resident.id, meeting_id=meeting_id,
                   _anchor=anchor)


@bp.get("/")
def index(resident: Resident):
    return render_template("beraad/index.html", resident=resident,
                           meetings=beraad.meetings_of(get_db(), resident))


@bp.post("/")
def create(resident: Resident):
    def new():
        meeting = beraad.new_meeting(get_db(), current_coach(), resident,
                                     _(beraad.DEFAULT_AGENDA))
        meeting.invitation = _(beraad.DEFAULT_INVITATION)
        return meeting

    return save(new, back=lambda meeting: _meeting_url(resident, meeting.id),
                refused=url_for("beraad.index", resident_id=resident.id))


def _page(resident, meeting, status=200):
    """The meeting page; after a refused form (``status`` 400/409) it shows what was typed."""
    db = get_db()
    members = network.members_of(db, resident)
    invited = [i.member_id for i in meeting.invitees]
    names = network.names_of(db, resident)
    return render_template(
        "beraad/meeting.html", resident=resident, meeting=meeting,
        candidates=beraad.candidates(members), invited=set(invited), names=names,
        warnings=beraad.warnings(db, resident, invited), table_limit=beraad.TABLE_LIMIT,
        domains=current_app.config["LIFE_DOMAINS"],
        suggestions={i.member_id: suggestion(names[i.member_id]) for i in meeting.invitees},
        followup_due=followup.due(meeting), today=date.today(),
    ), status


def _salutations(form) -> dict[int, str | None]:
    """``salutation_<member id>`` fields: how each invitee's letter greets them."""
    found = {}
    for key, value in form.items():
        member_id = int_or_none(key.removeprefix("salutation_"))
        if key.startswith("salutation_") and member_id is not None:
            found[member_id] = value
    return found


@bp.route("/<int:meeting_id>", methods=["GET", "POST"])
def meeting(resident: Resident, meeting_id: int):
    """Prepare: date, time, place, agenda, invitation text, invitees."""
    found = _meeting(resident, meeting_id)
    db = get_db()
    if request.method == "GET":
        return _page(resident, found)
    form = request.form
    return _save(resident, found, lambda: beraad.prepare(
        db, current_coach(), resident, found,
        expected_version=int_or_none(form.get("version")),
        on_date=date_or_none(form.get("on_date")), at_time=time_or_none(form.get("at_time")),
        place=form.get("place"), agenda=form.get("agenda"),
        invitation=form.get("invitation"), invitee_ids=ids(form.getlist("invitee")),
        invitee_text=form.get("invitee_text"), reply_phone=form.get("reply_phone"),
        salutations=_salutations(form),
    ), _("Het netwerkberaad is opgeslagen."))


def _save(resident, meeting, work, message: str, anchor: str | None = None):
    """Save ``work`` on the meeting: refused, the page again with what was typed; saved, back
    to the meeting with ``message``."""
    return save(work, saved=message, back=_meeting_url(resident, meeting.id, anchor),
                refused=lambda status: _page(resident, meeting, status), refresh=meeting)


@bp.get("/<int:meeting_id>/uitnodigingen")
def invitations(resident: Resident, meeting_id: int):
    """One invitation per invitee, written as from the resident, to print or read out."""
    found = _meeting(resident, meeting_id)
    db = get_db()
    return render_template("beraad/invitations.html", resident=resident, meeting=found,
                           letters=letters(db, resident, found))


@bp.post("/<int:meeting_id>/verslag")
def record(resident: Resident, meeting_id: int):
    """Who came, the agreements and notes: the meeting has been held."""
    found = _meeting(resident, meeting_id)
    db = get_db()
    return _save(resident, found, lambda: beraad.record(
        db, current_coach(), resident, found,
        expected_version=int_or_none(request.form.get("version")),
        attended_ids=ids(request.form.getlist("attended")),
        agreements=request.form.get("agreements"), notes=request.form.get("notes"),
    ), _("Het verslag is opgeslagen."), "verslag")


@bp.post("/<int:meeting_id>/nabellen")
def followup_done(resident: Resident, meeting_id: int):
    """The follow-up call four weeks after the meeting was made, with a note."""
    found = _meeting(resident, meeting_id)
    db = get_db()
    return _save(resident, found, lambda: followup.mark_done(
        db, current_coach(), resident, found, request.form.get("note"),
        expected_version=int_or_none(request.form.get("version"))),
        _("Het nabellen is gedaan."), "nabellen")


@bp.post("/<int:meeting_id>/aanbod")
def add_offer(resident: Resident, meeting_id: int):
    found = _meeting(resident, meeting_id)
    return save(lambda: beraad.add_offer(
        get_db(), current_coach(), resident, found, int_or_none(request.form.get("member")),
        request.form.get("what"), request.form.get("domain") or None,
        current_app.config["LIFE_DOMAINS"]),
        saved=_("Het aanbod is genoteerd."), back=_meeting_url(resident, meeting_id, "aanbod"))


@bp.post("/<int:meeting_id>/aanbod/<int:offer_id>/verwijderen")
def remove_offer(resident: Resident, meeting_id: int, offer_id: int):
    found = _meeting(resident, meeting_id)
    return save(lambda: beraad.remove_offer(get_db(), current_coach(), resident, found, offer_id),
                back=_meeting_url(resident, meeting_id, "aanbod"))
