"""Uploaded network files waiting for the coach to confirm the preview, on disk.

Nothing is imported before the coach has seen the preview, so an upload waits between two
requests as a ZIP in ``instance/imports/``, named ``<resident id>.<token>.zip`` with a
random token. The resident's id in the name lets an erasure find every upload of that
resident (:func:`delete_of_resident`); the web layer (``web/netfiles/pending.py``) keeps
which tokens a coach's session may use. A confirmed or cancelled upload is deleted at once;
one left waiting is deleted after :data:`KEEP`, at the next upload, when the server starts
and in the daily retention run (:func:`delete_expired`).
"""

from __future__ import annotations

import io
import os
import re
import secrets
import time
import zipfile
from pathlib import Path

from sns.settings import instance_path

__all__ = ["KEEP", "delete", "delete_expired", "delete_of_resident", "read", "save"]

#: How long an upload may wait for its confirmation (seconds).
KEEP = 3600

_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")


def _folder() -> Path:
    folder = instance_path() / "imports"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def _path(resident_id: int, token: str) -> Path | None:
    """The file of an upload, or ``None`` for a token that cannot be one of ours."""
    if not _TOKEN.fullmatch(token):
        return None
    return _folder() / f"{int(resident_id)}.{token}.zip"


def save(resident_id: int, files: dict[str, bytes]) -> str:
    """Keep the uploaded files (readable by this user only); returns the new token."""
    delete_expired()
    token = secrets.token_urlsafe(16)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    path = _path(resident_id, token)
    with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as f:
        f.write(buffer.getvalue())
    return token


def read(resident_id: int, token: str) -> dict[str, bytes] | None:
    """The files of the upload ``token`` for this resident; ``None`` when there is none
    (never made, confirmed, cancelled or expired)."""
    path = _path(resident_id, token)
    if path is None or not path.is_file():
        return None
    # The app's own archive, written by save() from files already read and size-checked at
    # the upload: not a foreign ZIP for graph.files.guards.read_zip, whose zip-bomb ratio
    # would refuse any upload that compresses well.
    with zipfile.ZipFile(path) as archive:
        return {entry.filename: archive.read(entry) for entry in archive.infolist()}


def delete(resident_id: int, token: str) -> None:
    """Delete the upload ``token`` of this resident, if it is there."""
    path = _path(resident_id, token)
    if path is not None:
        path.unlink(missing_ok=True)


def delete_of_resident(resident_id: int) -> int:
    """Delete every upload waiting for this resident (erasure); returns how many."""
    paths = list(_folder().glob(f"{int(resident_id)}.*.zip"))
    for path in paths:
        path.unlink(missing_ok=True)
    return len(paths)


def delete_expired(now: float | None = None) -> int:
    """Delete every upload older than :data:`KEEP`; returns how many."""
    limit = (time.time() if now is None else now) - KEEP
    deleted = 0
    for path in _folder().glob("*.zip"):
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
                deleted += 1
        except FileNotFoundError:  # confirmed or deleted meanwhile
            continue
    return deleted
