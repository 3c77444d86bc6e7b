"""An uploaded network file waiting for the coach to confirm its preview.

Nothing is imported before the coach has seen the preview, so the upload must wait
somewhere between two requests. It waits as a ZIP in ``instance/imports/`` under a random
token; the coach's own session lists the tokens it may use (with the resident), so another
coach, or another resident's page, cannot reach it. A confirmed or cancelled upload is
deleted at once; one left waiting is deleted after :data:`KEEP` on the next upload.
"""

from __future__ import annotations

import io
import os
import secrets
import time
import zipfile
from pathlib import Path

from flask import current_app, session

__all__ = ["KEEP", "discard", "load", "save"]

KEEP = 3600  # seconds
_KEY = "pending_imports"


def _folder() -> Path:
    folder = Path(current_app.instance_path) / "imports"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def _clean_old(folder: Path) -> None:
    limit = time.time() - KEEP
    for path in folder.glob("*.zip"):
        if path.stat().st_mtime < limit:
            path.unlink(missing_ok=True)


def save(resident_id: int, files: dict[str, bytes]) -> str:
    """Keep the uploaded files; returns the token for the preview and the confirmation."""
    folder = _folder()
    _clean_old(folder)
    token = secrets.token_urlsafe(16)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    path = folder / f"{token}.zip"
    with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as f:
        f.write(buffer.getvalue())
    pending = dict(session.get(_KEY, {}))
    pending[token] = resident_id
    session[_KEY] = pending
    return token


def _held(resident_id: int, token: str) -> bool:
    """Whether this session made the upload ``token`` for this resident."""
    return session.get(_KEY, {}).get(token) == resident_id


def load(resident_id: int, token: str) -> dict[str, bytes] | None:
    """The files of an upload of this session for this resident; ``None`` when there is no
    such upload (never made, someone else's, confirmed, or expired)."""
    if not _held(resident_id, token):
        return None
    path = _folder() / f"{token}.zip"
    if not path.is_file():
        return None
    # The app's own archive, written by save() from files already read and size-checked at
    # the upload: not a foreign ZIP for graph.files.guards.read_zip, whose zip-bomb ratio
    # would refuse any upload that compresses well.
    with zipfile.ZipFile(path) as archive:
        return {entry.filename: archive.read(entry) for entry in archive.infolist()}


def discard(resident_id: int, token: str) -> bool:
    """Delete an upload of this session for this resident; ``False`` (and nothing deleted)
    when the session holds no such upload (someone else's token, another resident's)."""
    if not _held(resident_id, token):
        return False
    pending = dict(session.get(_KEY, {}))
    del pending[token]
    session[_KEY] = pending
    (_folder() / f"{token}.zip").unlink(missing_ok=True)
    return True
