"""Calendar downloads and the feed settings page."""

from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from sns.beraad import meetings as beraad
from sns.calendar import feed as calendar_feed
from sns.calendar import ics as calendar
from sns.models import FEED_NAMES, Resident
from web.calendar import bp
from web.core.access import current_coach
from web.core.database import get_db
from web.core.saving import attempt


def _ics(body: bytes, filename: str) -> Response:
    response = Response(body, mimetype="text/calendar")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response


def _style() -> str:
    """The coach's choice of how residents are named in their calendar (initials unless
    they chose otherwise)."""
    feed = calendar_feed.feed_of(get_db(), current_coach())
    return feed.names if feed else "initialen"


@bp.get("/bewoners/<int:resident_id>/beraad/<int:meeting_id>/agenda.ics")
def meeting_ics(resident: Resident, meeting_id: int):
    """The netwerkberaad and its follow-up call, for the coach's calendar."""
    meeting = beraad.get_meeting(get_db(), resident, meeting_id)
    style = _style()
    label = calendar.resident_label(resident.name, style)
    moments = [m for m in (calendar.meeting_moment(meeting, label, style),
                           calendar.followup_moment(meeting, label)) if m]
    if not moments:
        abort(404)
    return _ics(calendar.to_ical(moments), "netwerkberaad.ics")


@bp.get("/bewoners/<int:resident_id>/plan/evaluatie.ics")
def review_ics(resident: Resident):
    """The next review date, for the coach's calendar."""
    moment = calendar.review_moment(resident, calendar.resident_label(resident.name, _style()))
    if moment is None:
        flash(_("Er is nog geen datum voor de evaluatie."), "error")
        return redirect(url_for("plan.index", resident_id=resident.id))
    return _ics(calendar.to_ical([moment]), "evaluatie.ics")


def _settings(token: str | None = None, status: int = 200):
    feed = calendar_feed.feed_of(get_db(), current_coach())
    url = url_for("calendar.feed", token=token, _external=True) if token else None
    return render_template("calendar/settings.html", feed=feed, url=url,
                           names=FEED_NAMES), status


@bp.get("/agenda")
def settings():
    """The feed: whether there is one, how residents are named, a new address."""
    return _settings()


@bp.post("/agenda/nieuw-adres")
def renew():
    """A new secret address; the old one stops working. Shown once, on this page."""
    db = get_db()
    token = calendar_feed.renew(db, current_coach())
    db.commit()
    return _settings(token)


@bp.post("/agenda/namen")
def names():
    refused = attempt(lambda: calendar_feed.set_names(get_db(), current_coach(),
                                                      request.form.get("names", "")))
    if refused:
        return _settings(status=refused)
    flash(_("Opgeslagen."))
    return redirect(url_for("calendar.settings"))


@bp.post("/agenda/stoppen")
def stop():
    db = get_db()
    calendar_feed.stop(db, current_coach())
    db.commit()
    flash(_("Het agenda-adres werkt niet meer."))
    return redirect(url_for("calendar.settings"))


@bp.get("/agenda/<token>.ics")
def feed(token: str):
    """The feed itself, for a calendar app (no login: an unknown or renewed token is 404)."""
    db = get_db()
    found = calendar_feed.coach_for(db, token)
    if found is None:
        abort(404)
    coach, feed_row = found
    return _ics(calendar.feed(db, coach, feed_row.names), "mijn-netwerk.ics")
