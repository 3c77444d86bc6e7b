"""The PDF downloads. Each one loads the resident through the guarded loader (a stranger
gets 404), records who printed what, and sends the PDF as an attachment whose file name does
not contain the resident's name."""

from __future__ import annotations

from flask import Response, abort, request

from sns import audit
from sns.beraad import meetings as beraad
from sns.network import graphs as network
from sns.privacy import consent
from web.core import labels
from web.core.access import current_coach, load_resident
from web.core.database import get_db
from web.printing import bp, documents
from web.privacy.refusals import consent_withdrawn_page


def _pdf(resident_id: int, kind: str, meeting_id: int | None = None) -> Response:
    resident = load_resident(resident_id)
    try:
        options = documents.options_from(request.args)
    except documents.BadOption:
        abort(400)
    db = get_db()
    if meeting_id is None:
        document = documents.DOCUMENTS[kind]
    else:
        if consent.withdrawn(db, resident.id, "leden_benaderen"):
            return consent_withdrawn_page()
        document = documents.invitations(beraad.get_meeting(db, resident, meeting_id))
    G = network.to_graph(db, resident, labels.sectors())
    pdf = documents.render_document(document, documents.printout(resident, G, options),
                                    base_url=request.url_root)
    audit.record(db, current_coach(), "resident.print", resident_id=resident.id,
                 detail=f"{kind} {options.paper} {options.names}")
    db.commit()
    response = Response(pdf, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="{document.filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/kaart.pdf")
def netwerkkaart(resident_id: int):
    return _pdf(resident_id, "kaart")


@bp.get("/mijn-netwerk.pdf")
def mijn_netwerk(resident_id: int):
    return _pdf(resident_id, "mijn-netwerk")


@bp.get("/plan.pdf")
def mijn_plan(resident_id: int):
    return _pdf(resident_id, "plan")


@bp.get("/uitnodigingen/<int:meeting_id>.pdf")
def uitnodigingen(resident_id: int, meeting_id: int):
    return _pdf(resident_id, "uitnodigingen", meeting_id)


@bp.get("/meenemen.pdf")
def meenemen(resident_id: int):
    return _pdf(resident_id, "meenemen")
