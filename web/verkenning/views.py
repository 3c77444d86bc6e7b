"""Verkenning pages: the map with quick entry, members, ties, the map's drag, life domains."""

from __future__ import annotations

from flask import (
    abort,
    current_app,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _

from graph import schema
from sns.errors import Invalid, NotFound
from sns.i18n import N_
from sns.models import Resident
from sns.network import graphs as network
from sns.network import members
from sns.residents import life_domains
from web.core import labels
from web.core.access import current_coach
from web.core.database import get_db
from web.core.flashes import flash_at
from web.core.forms import int_or_none, number_or_raw
from web.core.saving import save
from web.verkenning import bp, page, parse, questions
from web.verkenning.mapview import (
    RESIDENT_TARGET,
    drop_cell,
    legend,
    map_payload,
    where_message,
    with_pseudonyms,
)


@bp.get("/verkenning")
def index(resident: Resident):
    return page.render(resident)


@bp.get("/verkenning/laat-zien")
def show(resident: Resident):
    """"Laat de kaart zien": the map turned to the resident, as large as the screen allows,
    with the legend beside it and the help question above it; no forms. With
    ``?schuilnamen=1`` every name is a role and a number, for a team meeting: the names (and
    the help question, which may hold names) never reach the browser then."""
    G = network.to_graph(get_db(), resident, labels.sectors())
    pseudonyms = request.args.get("schuilnamen") == "1"
    if pseudonyms:
        G = with_pseudonyms(G)
    return render_template(
        "verkenning/show.html",
        resident=resident,
        pseudonyms=pseudonyms,
        count=len(G) - 1,
        payload=map_payload(G, target=RESIDENT_TARGET),
        legend=legend(),
    )


@bp.post("/leden")
def add_member(resident: Resident):
    def placed(member) -> None:
        flash_at("snel", where_message(member.name, member.sector, member.circle))
        # The next person is often from the same sector and circle: keep them selected.
        session["quick_pick"] = {"sector": member.sector, "circle": member.circle}
        session["just_placed"] = f"m{member.id}"

    return save(lambda: members.add_member(get_db(), current_coach(), resident,
                                           parse.member_fields(request.form), labels.sectors()),
                saved=placed, back=page.url(resident, "kaart"), place="snel")


@bp.route("/leden/m<int:member_id>", methods=["GET", "POST"])
def edit_member(resident: Resident, member_id: int):
    db = get_db()
    member = members.get_member(db, resident, member_id)

    def form(status: int = 200):
        return render_template("verkenning/member.html", resident=resident,
                               member=member), status

    def saved(_none) -> None:
        # Back to the map, not the list below it: the coach sees the person just filled in
        # selected on the map, and the quick entry has the focus again.
        flash_at("kaart", _("%(name)s is opgeslagen.", name=member.name))
        session["just_placed"] = f"m{member.id}"

    if request.method == "GET":
        return form()
    return save(lambda: members.update_member(
        db, current_coach(), resident, member, parse.member_fields(request.form),
        expected_version=int_or_none(request.form.get("version")), sectors=labels.sectors(),
    ), saved=saved, back=page.url(resident, "kaart"), refused=form, refresh=member)


@bp.post("/leden/m<int:member_id>/verwijderen")
def remove_member(resident: Resident, member_id: int):
    db = get_db()
    member = members.get_member(db, resident, member_id)
    name = member.name

    def removed(archived: bool) -> None:
        flash_at("tabel", _("%(name)s staat niet meer op de kaart.", name=name))
        session["undo_beside"] = "tabel"
        if archived:
            flash_at("tabel", _("In het plan en bij het netwerkberaad blijft de naam staan."))

    return save(lambda: members.remove_member(
        db, current_coach(), resident, member,
        expected_version=int_or_none(request.form.get("version"))),
        saved=removed, back=page.url(resident, "tabel"),
        refused=url_for("verkenning.edit_member", resident_id=resident.id, member_id=member_id))


@bp.post("/kaart/toestand")
def set_state(resident: Resident):
    """A member's state from the list (one form for everyone: the pressed button is
    ``member=m12``, its fields ``state-m12`` and ``version-m12``): died, no contact any more,
    from earlier, a pet, or none. The resident is in the middle of their own map and has no
    state."""
    db = get_db()
    ref = request.form.get("member", "").strip()

    def work() -> None:
        if ref == schema.EGO:
            raise Invalid(N_("De bewoner staat zelf in het midden van de kaart. Kies iemand "
                             "anders."))
        member = members.get_member(db, resident, parse.member_ref(ref))
        members.set_state(db, current_coach(), resident, member,
                          request.form.get(f"state-{ref}") or None,
                          expected_version=int_or_none(request.form.get(f"version-{ref}")))

    return save(work, saved=_("Opgeslagen."), back=page.url(resident, "tabel"), place="tabel",
                refused=lambda status: page.render(resident, status))


@bp.post("/banden")
def add_tie(resident: Resident):
    a = parse.member_ref(request.form.get("a"))
    # The next pair often starts with the same person: "Deze persoon" keeps them.
    session["tie_pick"] = a
    return save(lambda: members.add_tie(get_db(), current_coach(), resident, a,
                                        parse.member_ref(request.form.get("b")),
                                        request.form.get("quality") or None),
                saved=_("De lijn is getekend."), back=page.url(resident, "banden"), place="banden")


@bp.post("/banden/verwijderen")
def remove_tie(resident: Resident):
    """Take away the line the pressed button names (``tie``): one form serves every line."""
    tie_id = int_or_none(request.form.get("tie"))
    if tie_id is None:
        abort(400)
    return save(lambda: members.remove_tie(get_db(), current_coach(), resident, tie_id),
                saved=_("De lijn is weggehaald."), back=page.url(resident, "banden"),
                place="banden")


@bp.post("/hulp")
def set_support(resident: Resident):
    """One question's answers (the panel beside the map): the people listed in the form get
    the kind of support when ticked and lose it when not. The page sends one person per
    click; the form without JavaScript sends everybody at once."""
    question = questions.named(request.form.get("vraag"))
    answers = {parse.member_ref(ref): False for ref in request.form.getlist("listed")}
    answers.update((parse.member_ref(ref), True) for ref in request.form.getlist("member")
                   if parse.member_ref(ref) in answers)

    def answered(changed) -> None:
        # after a click or a typed name the coach sees whose answer it was
        if len(changed) != 1:
            flash_at("vragen", _("Opgeslagen."))
        elif answers[changed[0].id]:
            flash_at("vragen", _("%(name)s: ja.", name=changed[0].name))
        else:
            flash_at("vragen", _("%(name)s: nee.", name=changed[0].name))

    return save(lambda: members.set_support(
        get_db(), current_coach(), resident,
        question.kind if question else request.form.get("vraag", ""),
        question.direction if question else "",
        answers, expected_network_version=int_or_none(request.form.get("version"))),
        saved=answered, back=page.url(resident, "vragen"), place="vragen")


def _refuse(status: int, message: str):
    get_db().rollback()
    return jsonify(ok=False, message=message), status


def _moved_member(db, resident):
    """The member a move names (``member=m12``), or None when they are not on this map."""
    try:
        return members.get_member(db, resident, parse.member_ref(request.form.get("member")))
    except NotFound:
        return None


def _move(db, resident, member, circle, sector) -> None:
    """Store a move, checked against the network version the page was drawn from."""
    members.move_member(
        db, current_coach(), resident, member, circle=circle, sector=sector,
        expected_network_version=int_or_none(request.form.get("version")),
        sectors=labels.sectors(),
    )


@bp.post("/kaart/verplaats")
def move_member(resident: Resident):
    """A member dragged on the map: store the new circle and sector (data, not pixels)."""
    db = get_db()
    member = _moved_member(db, resident)
    if member is None:
        return _refuse(404, _("Deze persoon staat niet op deze kaart."))
    where = parse.point(request.form)
    G = network.to_graph(db, resident, labels.sectors())
    cell = drop_cell(G, *where) if where else None
    if cell is None or cell[0] is None:
        return _refuse(400, _("Zet de persoon in een van de drie cirkels."))
    # A refused move (a stale map, a bad place) is answered by web.core.faults, as JSON for
    # graph.js, which asks for it.
    _move(db, resident, member, *cell)
    db.commit()
    # graph.js reloads the page: it says where the person landed, beside the map
    flash_at("kaart", where_message(member.name, member.sector, member.circle))
    session["just_placed"] = f"m{member.id}"
    return jsonify(ok=True, version=resident.network_version, circle=cell[0], sector=cell[1])


@bp.post("/kaart/verplaats-naar")
def move_member_to(resident: Resident):
    """The map's move without dragging: a form with the person, a sector and a circle."""
    db = get_db()
    member = _moved_member(db, resident)
    back = page.url(resident, "verplaats")
    if member is None:
        flash_at("verplaats", _("Deze persoon staat niet op deze kaart."), "error")
        return redirect(back)
    circle = number_or_raw(request.form.get("circle"))
    sector = request.form.get("sector") or None

    def moved(_none) -> None:
        flash_at("verplaats", where_message(member.name, member.sector, member.circle))
        session["just_placed"] = f"m{member.id}"

    return save(lambda: _move(db, resident, member, circle, sector), saved=moved, back=back,
                place="verplaats")


@bp.route("/leefgebieden", methods=["GET", "POST"])
def domains(resident: Resident):
    db = get_db()
    configured = current_app.config["LIFE_DOMAINS"]

    def form(status: int = 200):
        return render_template(
            "verkenning/domains.html", resident=resident, domains=configured,
            entries=life_domains.entries(db, resident),
        ), status

    if request.method == "GET":
        return form()
    return save(lambda: life_domains.save_entries(
        db, current_coach(), resident, parse.life_domains(request.form, configured),
        configured), saved=_("Opgeslagen."), refused=form,
        back=url_for("verkenning.domains", resident_id=resident.id))
