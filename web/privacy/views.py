"""A resident's privacy page: consent, "wie heeft mijn gegevens bekeken?", the download of
everything stored (PDF and ZIP) and erasure after typing the name.

All routes get their resident from the resident guard (404 for anyone else, audited).
"""

from __future__ import annotations

from flask import Response, abort, render_template, request, url_for
from flask_babel import gettext as _

from sns import audit
from sns.models import Resident
from sns.privacy import access_log, consent
from sns.privacy import export as resident_export
from web.core import labels
from web.core.access import current_coach
from web.core.database import get_db
from web.core.saving import save
from web.privacy import bp, export_pdf
from web.privacy.erasing import erase_page


def _download(content: bytes, mimetype: str, filename: str) -> Response:
    response = Response(content, mimetype=mimetype)
    # Never the resident's name: download folders are not private.
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/")
def index(resident: Resident):
    db = get_db()
    return render_template(
        "privacy/index.html", resident=resident, kinds=consent.KINDS,
        consents=consent.current(db, resident), log=access_log.of_resident(db, resident.id),
        action_words=access_log.action_words,
    )


@bp.post("/toestemming")
def record_consent(resident: Resident):
    kind, choice = request.form.get("kind", ""), request.form.get("choice")
    change = {"geven": consent.give, "intrekken": consent.withdraw}.get(choice)
    if change is None:
        abort(400)
    return save(lambda: change(get_db(), current_coach(), resident, kind),
                saved=_("De toestemming is opgeslagen."),
                back=url_for("privacy.index", resident_id=resident.id) + "#toestemming")


@bp.get("/alles-wat-wij-bewaren.pdf")
def export_as_pdf(resident: Resident):
    db = get_db()
    pdf = export_pdf.render(db, resident, resident_export.collect(db, resident),
                            base_url=request.url_root)
    audit.record(db, current_coach(), "resident.export", resident_id=resident.id,
                 detail="pdf")
    db.commit()
    return _download(pdf, "application/pdf", "alles-wat-wij-bewaren.pdf")


@bp.get("/alles-wat-wij-bewaren.zip")
def export_as_zip(resident: Resident):
    db = get_db()
    content = resident_export.to_zip(db, resident, sectors=labels.sectors())
    audit.record(db, current_coach(), "resident.export", resident_id=resident.id,
                 detail="zip")
    db.commit()
    return _download(content, "application/zip", "alles-wat-wij-bewaren.zip")


@bp.route("/wissen", methods=["GET", "POST"])
def erase(resident: Resident):
    return erase_page(resident, cancel=url_for("privacy.index", resident_id=resident.id),
                      back=url_for("caseload.index"))


@bp.app_context_processor
def _consent_kinds() -> dict:
    return {"consent_kinds": consent.KINDS}


@bp.app_template_global("consent_of")
def consent_of(resident) -> dict:
    """The resident's consent per kind, for the summary on the resident's page."""
    return consent.current(get_db(), resident)
