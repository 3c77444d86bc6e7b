"""The privacy officer's access log: search by resident, user and period, and export as CSV.
Only the role ``privacy`` (functionaris gegevensbescherming); it shows events, never files."""

from __future__ import annotations

from flask import Response, render_template, request, stream_with_context
from flask_babel import gettext as _

from sns import audit
from sns.errors import Invalid
from sns.i18n import N_
from sns.privacy import access_log
from web.core.access import current_coach, role_required
from web.core.database import get_db
from web.core.forms import date_or_none, int_or_none
from web.privacy import log_bp


def _filters() -> access_log.Search:
    """The search from the query string; a malformed date or number is refused."""
    args = request.args
    resident = args.get("bewoner", "").strip()
    resident_id = int_or_none(resident)
    if resident and (resident_id is None or not 0 < resident_id < 2**31):
        raise Invalid(N_("Het bewonernummer moet een getal zijn."))
    return access_log.Search(
        resident_id=resident_id,
        username=args.get("gebruiker", "").strip()[:80] or None,
        since=date_or_none(args.get("van")),
        until=date_or_none(args.get("tot")),
    )


@log_bp.get("/logboek")
@role_required("privacy")
def log():
    db = get_db()
    try:
        filters = _filters()
    except Invalid as err:
        return render_template("privacy/log.html", lines=[], error=_(err.message),
                               action_words=access_log.action_words), 400
    lines = access_log.search(db, filters)
    _audit(db, "log.search", filters)
    return render_template("privacy/log.html", lines=lines, error=None,
                           action_words=access_log.action_words)


def _audit(db, action: str, filters: access_log.Search) -> None:
    """Reading the log is itself in the log (which search, not what it found)."""
    audit.record(db, current_coach(), action, detail=(
        f"bewoner={filters.resident_id or ''} gebruiker={filters.username or ''} "
        f"van={filters.since or ''} tot={filters.until or ''}"))
    db.commit()


@log_bp.get("/logboek.csv")
@role_required("privacy")
def log_csv():
    db = get_db()
    try:
        filters = _filters()
    except Invalid as err:
        return Response(_(err.message), status=400, mimetype="text/plain")
    _audit(db, "log.export", filters)
    response = Response(stream_with_context(access_log.to_csv(access_log.lines_iter(db, filters))),
                        mimetype="text/csv")
    response.headers["Content-Disposition"] = 'attachment; filename="logboek.csv"'
    response.headers["Cache-Control"] = "no-store"
    return response
