"""The coach's side of "Mijn kaart en plan": the consent, the code made, renewed or stopped,
its QR code to scan at the table, and the take-home PDF with the code on it.

The code is shown once, on the page that answers the POST that made it (it is never stored,
so it cannot be shown again): the coach lets the resident scan it, or prints the take-home
PDF from that page, whose form sends the code back (never in a URL, so it is in no log or
history). A lost code is renewed.
"""

from __future__ import annotations

from flask import Response, abort, render_template, request, url_for
from flask_babel import gettext as _

from sns import audit
from sns.models import CODE_PURPOSES, Resident
from sns.network import graphs as network
from sns.privacy import consent
from sns.residents import codes
from web.core import labels
from web.core.access import current_coach
from web.core.database import get_db
from web.core.qr import qr_svg
from web.core.saving import attempt, save
from web.mijn import coach_bp as bp
from web.mijn.resident import PURPOSE
from web.printing import documents


def _panel(resident: Resident, code: str | None = None, status: int = 200):
    db = get_db()
    url = url_for("mijn.page", code=code, _external=True) if code else None
    return render_template(
        "mijn/coach.html", resident=resident, url=url, code=code,
        qr=qr_svg(url) if url else None, live=codes.code_of(db, resident, PURPOSE),
        consent_given=consent.given(db, resident.id, CODE_PURPOSES[PURPOSE]),
        consent_text=consent.KINDS[CODE_PURPOSES[PURPOSE]],
    ), status


@bp.get("/")
def index(resident: Resident):
    return _panel(resident)


@bp.post("/")
def issue(resident: Resident):
    """Make the code (or a new one: the old one stops) and show it, once."""
    made: list[str] = []
    refused = attempt(lambda: made.append(codes.issue(get_db(), current_coach(), resident,
                                                      PURPOSE)))
    if refused is not None:
        return _panel(resident, status=refused)
    return _panel(resident, made[0])


@bp.post("/stoppen")
def stop(resident: Resident):
    return save(lambda: codes.stop(get_db(), current_coach(), resident, PURPOSE),
                back=url_for("mijncode.index", resident_id=resident.id),
                saved=_("De code is gestopt. De link werkt niet meer."))


@bp.post("/meenemen.pdf")
def takehome(resident: Resident):
    """The take-home PDF with the resident's code, its address and QR code on the plan's
    sheet; only for the resident's live code."""
    db = get_db()
    code = request.form.get("code")
    if not codes.belongs_to(db, code, resident, PURPOSE):
        abort(404)
    G = network.to_graph(db, resident, labels.sectors())
    printout = documents.printout(resident, G,
                                  code_url=url_for("mijn.page", code=code, _external=True))
    pdf = documents.render_document(documents.DOCUMENTS["meenemen"], printout,
                                    base_url=request.url_root)
    audit.record(db, current_coach(), "resident.print", resident_id=resident.id,
                 detail="meenemen met code")
    db.commit()
    response = Response(pdf, mimetype="application/pdf")
    response.headers["Content-Disposition"] = 'attachment; filename="mijn-netwerk.pdf"'
    response.headers["Cache-Control"] = "no-store"
    return response
