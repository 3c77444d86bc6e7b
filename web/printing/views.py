"""The PDF downloads. Each one gets its resident from the resident guard (a stranger
gets 404), records who printed what, and sends the PDF as an attachment whose file name does
not contain the resident's name."""

from __future__ import annotations

from flask import Response, abort, request

from sns import audit
from sns.beraad import meetings as beraad
from sns.models import Resident
from sns.network import graphs as network
from sns.privacy import consent
from web.core import labels
from web.core.access import current_coach
from web.core.database import get_db
from web.printing import bp, documents
from web.privacy.refusals import consent_withdrawn_page


def _pdf(resident: Resident, kind: str, meeting_id: int | None = None) -> Response:
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
def netwerkkaart(resident: Resident):
    return _pdf(resident, "kaart")


@bp.get("/mijn-netwerk.pdf")
def mijn_netwerk(resident: Resident):
    return _pdf(resident, "mijn-netwerk")


@bp.get("/plan.pdf")
def mijn_plan(resident: Resident):
    return _pdf(resident, "plan")


@bp.get("/uitnodigingen/<int:meeting_id>.pdf")
def uitnodigingen(resident: Resident, meeting_id: int):
    return _pdf(resident, "uitnodigingen", meeting_id)


@bp.get("/meenemen.pdf")
def meenemen(resident: Resident):
    return _pdf(resident, "meenemen")
