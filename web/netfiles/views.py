"""The pages of networks in and out: the export download, the upload, the preview, the
confirmation. Each gets its resident from the resident guard (web.core.access) before it runs (a
stranger gets 404 on every route, the upload's too)."""

from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from graph.files import MAX_BYTES, GraphFileError
from graph.files.exports import EXPORTS
from graph.files.importing import Imported, read_network_files
from sns.models import Resident
from sns.network import importing
from web.core import labels
from web.core.access import current_coach
from web.core.database import get_db
from web.core.saving import save
from web.netfiles import bp, pending
from web.netfiles.exporting import export_file
from web.netfiles.words import place_label, rule_label, use_label

#: The upload's request may be a little larger than the files (form fields, boundaries).
MAX_REQUEST = MAX_BYTES + 64 * 1024
MAX_UPLOAD_FILES = 20


@bp.get("/")
def index(resident: Resident):
    return render_template("netfiles/index.html", resident=resident, exports=EXPORTS)


@bp.get("/export")
def download(resident: Resident):
    fmt = request.args.get("formaat", "graphml")
    names = request.args.get("namen", "volledig")
    db = get_db()
    try:
        exported = export_file(db, current_coach(), resident, fmt, names, labels.sectors())
    except KeyError:
        abort(400)
    db.commit()
    response = Response(exported.content, mimetype=exported.mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{exported.filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.post("/import")
def upload(resident: Resident):
    if (request.content_length or 0) > MAX_REQUEST:
        abort(413)
    uploads = [f for f in request.files.getlist("bestand") if f.filename]
    if not uploads:
        flash(_("Kies een bestand om in te lezen."), "error")
        return redirect(url_for("netfiles.index", resident_id=resident.id))
    if len(uploads) > MAX_UPLOAD_FILES:
        flash(_("Kies hoogstens %(n)s bestanden.", n=MAX_UPLOAD_FILES), "error")
        return redirect(url_for("netfiles.index", resident_id=resident.id))
    files: dict[str, bytes] = {}
    for upload in uploads:
        content = upload.stream.read(MAX_BYTES + 1)
        name = upload.filename.replace("\\", "/").rsplit("/", 1)[-1] or "bestand"
        if len(content) > MAX_BYTES or sum(map(len, files.values())) + len(content) > MAX_BYTES:
            flash(_("Het bestand is te groot (meer dan 5 MB)."), "error")
            return redirect(url_for("netfiles.index", resident_id=resident.id))
        files[name] = content
    try:  # read once here, so a bad file is refused at once and never kept
        read_network_files(files, sectors=labels.sectors())
    except GraphFileError as err:
        flash(str(err), "error")
        return redirect(url_for("netfiles.index", resident_id=resident.id), 303)
    token = pending.save(resident.id, files)
    return redirect(url_for("netfiles.preview", resident_id=resident.id, token=token), 303)


def _read(resident_id: int, token: str, ego: str | None) -> tuple[Imported | None, str | None]:
    """The waiting upload as read for the preview, or the Dutch reason it cannot be read
    (404 when this session holds no such upload)."""
    files = pending.load(resident_id, token)
    if files is None:
        abort(404)
    try:
        return read_network_files(files, ego=ego or None, sectors=labels.sectors()), None
    except GraphFileError as err:
        return None, str(err)


@bp.get("/import/<token>")
def preview(resident: Resident, token: str):
    ego = request.args.get("bewoner") or None
    imported, error = _read(resident.id, token, ego)
    already = importing.names_already_there(get_db(), resident, imported) if imported else []
    return render_template("netfiles/preview.html", resident=resident, token=token,
                           imported=imported, error=error, ego=ego, already=already,
                           use_label=use_label, place_label=place_label,
                           rule_label=rule_label)


@bp.post("/import/<token>")
def confirm(resident: Resident, token: str):
    ego = request.form.get("bewoner") or None
    imported, error = _read(resident.id, token, ego)
    if imported is None:
        flash(error, "error")
        return redirect(url_for("netfiles.preview", resident_id=resident.id, token=token), 303)

    def stored(count: int) -> None:
        pending.discard(resident.id, token)
        flash(_("%(n)s mensen uit het bestand staan op de kaart.", n=count))

    return save(lambda: importing.store_import(get_db(), current_coach(), resident, imported,
                                               labels.sectors()),
                saved=stored, back=url_for("verkenning.index", resident_id=resident.id),
                refused=url_for("netfiles.preview", resident_id=resident.id, token=token,
                                bewoner=ego), code=303)


@bp.post("/import/<token>/annuleren")
def cancel(resident: Resident, token: str):
    if not pending.discard(resident.id, token):
        abort(404)  # not an upload of this session for this resident, as in the preview
    flash(_("Er is niets ingelezen."))
    return redirect(url_for("netfiles.index", resident_id=resident.id), 303)
