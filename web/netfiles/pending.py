"""An uploaded network file waiting for the coach to confirm its preview: which uploads a
coach's session may use.

The files wait on disk (:mod:`sns.network.pending_uploads`); the coach's own session lists
the tokens it may use (with the resident), so another coach, or another resident's page,
cannot reach them. A confirmed or cancelled upload is deleted at once.
"""

from __future__ import annotations

from flask import session

from sns.network import pending_uploads

__all__ = ["discard", "load", "save"]

_KEY = "pending_imports"


def save(resident_id: int, files: dict[str, bytes]) -> str:
    """Keep the uploaded files; returns the token for the preview and the confirmation."""
    token = pending_uploads.save(resident_id, files)
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
    return pending_uploads.read(resident_id, token)


def discard(resident_id: int, token: str) -> bool:
    """Delete an upload of this session for this resident; ``False`` (and nothing deleted)
    when the session holds no such upload (someone else's token, another resident's)."""
    if not _held(resident_id, token):
        return False
    pending = dict(session.get(_KEY, {}))
    del pending[token]
    session[_KEY] = pending
    pending_uploads.delete(resident_id, token)
    return True
