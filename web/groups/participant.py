"""The participant's pages (no account): join with the code, four questions, the result.

The participant's token lives in the Flask session (the signed, HttpOnly session cookie of
this browser), never in a URL. Group sessions run on shared tablets and laptops: a URL with
the token would stay in the browser history, in server logs and on a photo of the screen,
and the next person on the same device could open it. The cookie is replaced when the next
person joins, and "Ik ben klaar" removes it; both also end the old token on the server, so
a copy of the old cookie opens nothing. A reload or a tablet that restarts its browser tab
keeps it, so the participant continues at the step they were at (stored in the database).

Only the token's hash is stored; a token that belongs to no participant of the session in
the cookie gives 404. When the session has been closed (and the data deleted) the
participant is told so; every form carries their map, signed by the server (see
:mod:`web.groups.takehome`), so the take-home PDF can still be made from the page they are
on, until they leave it.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable

from flask import abort, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, logout_user
from markupsafe import Markup
from werkzeug.exceptions import NotFound

from sns import audit, groups
from sns.errors import Invalid
from sns.i18n import N_
from sns.models import GroupParticipant, GroupSession
from web.core import labels
from web.core.access import current_coach
from web.core.database import get_db
from web.core.forms import ids, int_or_none
from web.core.mapsvg import screen_map
from web.core.saving import save
from web.groups import participant_bp as bp
from web.groups import takehome, words
from web.scan.panel import findings_in_words

#: The Flask session key: ``{"s": group session id, "t": token}``.
SESSION_KEY = "groepsdeelname"


class SessionClosed(Exception):
    """The participant's group session has closed; their data is gone."""


def _participant(*, for_update: bool = False) -> GroupParticipant | None:
    """The participant of this browser, None when it has not joined; 404 for a token that
    belongs to no participant of that session; :class:`SessionClosed` once it closed."""
    data = session.get(SESSION_KEY)
    if not isinstance(data, dict):
        return None
    db = get_db()
    session_id, token = data.get("s"), data.get("t")
    if not isinstance(session_id, int) or not isinstance(token, str):
        abort(404)
    participant = groups.participant_by_token(db, session_id, token, for_update=for_update)
    if participant is not None:
        return participant
    group = db.get(GroupSession, session_id)
    if group is not None and not group.is_open:
        raise SessionClosed()
    abort(404)


def _joined(*, for_update: bool = False) -> Callable:
    """A page of a participant who has joined: the view gets them as its first argument.
    Once the session has closed it shows the closed page; a browser that has not joined
    goes to the join form."""

    def decorate(view: Callable) -> Callable:
        @functools.wraps(view)
        def wrapped(**kwargs):
            try:
                participant = _participant(for_update=for_update)
            except SessionClosed:
                return _closed_page()
            if participant is None:
                return redirect(url_for("doemee.join_form"))
            return view(participant, **kwargs)

        return wrapped

    return decorate


def _closed_page(status: int = 200):
    """The session has closed: say so, and offer the PDF from the map the page sent."""
    session.pop(SESSION_KEY, None)
    blob = request.form.get("kaart") if request.method == "POST" else None
    takeaway = takehome.load(blob) if blob else None
    return render_template("groups/closed.html", blob=blob if takeaway else None), status


def _map_svg(G) -> Markup:
    """The participant's own map, placed for a phone (names 14 px on 374 px); on a larger
    screen it grows with its column, up to the height of the window (groups.css)."""
    return screen_map(G, alt_title=_("Uw netwerkkaart"), target="screen-390")


def _render_step(participant: GroupParticipant, *, form: dict | None = None, status=200):
    net = participant.network
    group = participant.session
    context = {
        "participant": participant,
        "group": group,
        "step": participant.step,
        "title": words.STEP_TITLES[participant.step],
        "people": net["people"],
        "ties": {tuple(t) for t in net["ties"]},
        "form": form or {},
        "words": words,
        "blob": takehome.dump(group, net),
    }
    if participant.step == groups.STEP_RESULT:
        G = groups.graph_of(net, sectors=labels.sectors())
        context.update(map_svg=_map_svg(G), findings=findings_in_words(G),
                       opted_in=groups.has_opted_in(participant))
    return render_template(f"groups/step{participant.step}.html", **context), status


@bp.get("/")
def join_form():
    try:
        if _participant() is not None:
            return redirect(url_for("doemee.step"))
    except SessionClosed:
        session.pop(SESSION_KEY, None)
    code = groups.normalize_code(request.args.get("code"))
    return render_template("groups/join.html", code=code)


@bp.post("/")
def join():
    db = get_db()
    code = request.form.get("code", "")
    try:
        participant, token = groups.join(db, code, request.remote_addr or "")
    except (groups.TooManyAttempts, groups.TooManyJoins) as err:
        db.commit()
        flash(_(err.message), "error")
        return render_template("groups/join.html", code=groups.normalize_code(code)), 429
    except Invalid as err:
        # Not web.core.saving.save: a wrong code is counted against guessing (the commit),
        # where a refused save would roll that back.
        db.commit()  # the wrong attempt is counted
        flash(_(err.message), "error")
        return render_template("groups/join.html", code=groups.normalize_code(code)), 400
    # A fresh start on this device: nobody before (a participant, or a coach who was logged
    # in on this laptop) stays reachable from it, also not with a copy of the old cookie.
    was_coach = current_user.is_authenticated
    if was_coach:
        coach = current_coach()
        coach.rotate_session_token()
        audit.record(db, coach, "logout", detail="doe-mee")
    _end_previous_participant()
    db.commit()
    if was_coach:
        logout_user()
    lang = session.get("lang")
    session.clear()
    if lang:
        session["lang"] = lang
    session[SESSION_KEY] = {"s": participant.session_id, "t": token}
    if was_coach:
        flash(_("De coach die op dit apparaat was ingelogd, is uitgelogd."))
    return redirect(url_for("doemee.step"))


@bp.get("/stap")
@_joined()
def step(participant: GroupParticipant):
    return _render_step(participant)


def _checked_ids(name: str) -> list[int]:
    return ids(request.form.getlist(name), N_("Kies mensen van uw eigen kaart."))


@bp.post("/stap/<int:number>")
@_joined(for_update=True)
def save_step(participant: GroupParticipant, number: int):
    if number != participant.step:  # an old page (another tab, the back button): no change
        return redirect(url_for("doemee.step"))
    net = copy.deepcopy(participant.network)
    go = request.form.get("go", "verder")
    form = {key: request.form.get(key, "") for key in ("name", "circle", "sector")}

    def answer() -> dict | None:
        """Store this step's answer; the person added on the first step, if any."""
        person = None
        if number == groups.STEP_PEOPLE:
            if go == "toevoegen" or form["name"].strip():
                person = groups.add_person(net, form["name"], int_or_none(form["circle"]),
                                           form["sector"] or None, labels.sectors())
        elif number == groups.STEP_SUPPORT:
            groups.set_support(net, {
                p["id"]: request.form.getlist(f"hulp-{p['id']}") for p in net["people"]})
        elif number == groups.STEP_GIVES:
            groups.set_gives(net, _checked_ids("geeft"))
        elif number == groups.STEP_TIES and go != "overslaan":
            pairs = []
            for p in net["people"]:
                pairs += [(p["id"], other) for other in _checked_ids(f"kent-{p['id']}")]
            groups.set_ties(net, pairs)
        new_step = participant.step
        if go in ("verder", "overslaan"):
            new_step = groups.next_step(net, number)
        elif go == "terug":
            new_step = groups.previous_step(net, number)
        groups.update(participant, net, new_step)
        return person

    def added(person: dict | None) -> None:
        if person:
            flash(_("%(name)s staat op uw kaart.", name=person["name"]))

    return save(answer, saved=added, back=url_for("doemee.step"),
                refused=lambda status: _render_step(_participant(), form=form, status=status))


@bp.post("/stap/1/weg/<int:person_id>")
@_joined(for_update=True)
def remove_person(participant: GroupParticipant, person_id: int):
    db = get_db()
    net = copy.deepcopy(participant.network)
    person = groups.remove_person(net, person_id)  # NotFound (404) for someone not on it
    groups.update(participant, net)
    db.commit()
    flash(_("%(name)s staat niet meer op uw kaart.", name=person["name"]))
    return redirect(url_for("doemee.step"))


@bp.post("/hulp")
@_joined(for_update=True)
def ask_for_coach(participant: GroupParticipant):
    """"Ik wil graag hulp van een netwerkcoach", with consent and contact details."""
    db = get_db()
    if request.form.get("go") == "intrekken":
        groups.withdraw_request(participant)
        db.commit()
        flash(_("Uw vraag is ingetrokken. Uw gegevens worden niet bewaard."))
        return redirect(url_for("doemee.step", _anchor="hulp"))
    form = {key: request.form.get(key, "")
            for key in ("contact_name", "contact_phone", "contact_email", "question")}
    return save(lambda: groups.request_coach(
        participant, consent=request.form.get("toestemming") == "ja",
        name=form["contact_name"], phone=form["contact_phone"],
        email=form["contact_email"], question=form["question"],
    ), saved=_("Dank u wel. Een netwerkcoach neemt contact met u op."),
        back=url_for("doemee.step", _anchor="hulp"),
        refused=lambda status: _render_step(_participant(), form={**form, "wants": True},
                                            status=status))


@bp.post("/mijn-netwerk.pdf")
def take_home_pdf():
    """The take-home PDF, made from the signed map the page sent: it works as long as the
    participant stays on their page, also after the session has closed."""
    takeaway = takehome.load(request.form.get("kaart"))
    if takeaway is None:
        abort(404)
    db = get_db()
    try:
        groups.count_print(db, request.remote_addr)
    except groups.TooManyPrints as err:
        db.commit()
        return render_template("errors/error.html", title=_("Even wachten"),
                               message=_(err.message)), 429
    db.commit()
    return takehome.pdf_response(takeaway)


def _end_previous_participant() -> None:
    """End the token of the participant whose cookie this browser holds, if any (the caller
    commits)."""
    try:
        participant = _participant()
    except (SessionClosed, NotFound):
        return
    if participant is not None:
        groups.end_token(participant)


@bp.post("/klaar")
def done():
    """"Ik ben klaar": end this participant's token on the server and forget it on this
    device (the next person can start)."""
    _end_previous_participant()
    get_db().commit()
    session.pop(SESSION_KEY, None)
    return render_template("groups/done.html")
