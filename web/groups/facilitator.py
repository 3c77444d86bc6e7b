"""The facilitator's pages: open a session, show its code and QR code, follow the anonymous
totals, close it. Only the session's own facilitator sees it (anyone else: 404)."""

from __future__ import annotations

from datetime import date

from flask import flash, redirect, render_template, request, url_for
from flask_babel import format_decimal
from flask_babel import gettext as _

from sns import groups
from web.core import labels
from web.core.access import current_coach, role_required
from web.core.database import get_db
from web.core.forms import date_or_none
from web.core.qr import qr_svg
from web.core.saving import save
from web.groups import bp, takehome, words

FACILITATORS = ("coach", "teamleider")


def join_url(code: str | None) -> str:
    """The address a participant opens, with the code filled in (the QR code's content)."""
    return url_for("doemee.join_form", code=code, _external=True)


def _own(session_id: int):
    return groups.load_own_session(get_db(), current_coach(), session_id)


@bp.get("/")
@role_required(*FACILITATORS)
def index():
    return render_template("groups/index.html",
                           sessions=groups.sessions_of(get_db(), current_coach()))


@bp.route("/nieuw", methods=["GET", "POST"])
@role_required(*FACILITATORS)
def new():
    form = {"title": groups.DEFAULT_TITLE, "on_date": date.today().isoformat(), "place": ""}
    if request.method == "POST":
        form = {key: request.form.get(key, "") for key in form}
        return save(lambda: groups.create_session(get_db(), current_coach(), form["title"],
                                                  date_or_none(form["on_date"]), form["place"]),
                    back=lambda session: url_for("groups.show", session_id=session.id),
                    refused=lambda status: (render_template("groups/new.html", form=form),
                                            status))
    return render_template("groups/new.html", form=form)


@bp.get("/<int:session_id>/")
@role_required(*FACILITATORS)
def show(session_id: int):
    session = _own(session_id)
    db = get_db()
    if session.is_open:
        totals = groups.totals(groups.participants_of(db, session), labels.sectors())
    else:
        totals = groups.Totals.from_json(session.summary or {})
    url = join_url(session.join_code) if session.is_open else None
    return render_template(
        "groups/show.html", session=session, totals=totals, words=words,
        join_url=url, qr=qr_svg(url) if url else None,
        code=words.show_code(session.join_code), min_group=groups.MIN_GROUP,
        median_text=format_decimal(totals.size_median) if totals.shown else "",
    )


@bp.get("/<int:session_id>/scherm")
@role_required(*FACILITATORS)
def screen(session_id: int):
    """For the projector: the code in huge type and the QR code, nothing about anyone."""
    session = _own(session_id)
    if not session.is_open:
        return redirect(url_for("groups.show", session_id=session.id))
    url = join_url(session.join_code)
    return render_template("groups/screen.html", session=session, join_url=url,
                           qr=qr_svg(url), code=words.show_code(session.join_code))


@bp.post("/<int:session_id>/afsluiten")
@role_required(*FACILITATORS)
def close(session_id: int):
    session = _own(session_id)
    db = get_db()
    if request.form.get("bevestig") != "ja":
        flash(_("Zet eerst een vinkje: dan weet u zeker dat de kaarten gewist mogen worden."),
              "error")
        return redirect(url_for("groups.show", session_id=session.id, _anchor="afsluiten"))
    # The page says how many asked for a coach (session.referred); never who.
    return save(lambda: groups.close_session(db, current_coach(), session, labels.sectors()),
                saved=_("De bijeenkomst is afgesloten. De kaarten van de deelnemers zijn "
                        "gewist."), back=url_for("groups.show", session_id=session_id))


@bp.get("/werkblad.pdf")
def worksheet():
    """The blank worksheet for pen and paper (public: it holds nothing personal)."""
    return takehome.worksheet_response()
