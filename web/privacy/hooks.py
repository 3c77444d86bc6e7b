"""The access log's two inputs from a request: the client's address (after the proxy fix,
see web.core.security) for every audit event, and a ``resident.view`` event for every resident
page that was shown (NEN 7513 asks for views, not only changes).

A page counts as shown when a GET with a ``resident_id`` in its URL answered 200: the
resident guard (web.core.access) gave the view its ``resident`` and answers 404 to anyone
else. A request that already wrote an event about that
resident (a print, an export) writes no second one.
"""

from __future__ import annotations

from flask import Response, g, request
from flask_login import current_user
from sqlalchemy.exc import SQLAlchemyError

from sns import audit
from web.core import faults
from web.core.database import get_db
from web.privacy import bp


@bp.before_app_request
def _remember_client_address() -> None:
    g.audit_address_token = audit.client_address.set(request.remote_addr)


@bp.teardown_app_request
def _forget_client_address(_exc: BaseException | None) -> None:
    token = g.pop("audit_address_token", None)
    if token is not None:
        audit.client_address.reset(token)


@bp.after_app_request
def _record_view(response: Response) -> Response:
    resident = (request.view_args or {}).get("resident")
    if (request.method != "GET" or response.status_code != 200 or resident is None
            or not current_user.is_authenticated):
        return response
    resident_id = resident.id
    db = get_db()
    if resident_id in db.info.get(audit.AUDITED_RESIDENTS, ()):
        return response
    db.rollback()  # a GET saves nothing but this event
    try:
        audit.record(db, current_user._get_current_object(), "resident.view",
                     resident_id=resident_id, detail=request.endpoint)
        db.commit()
    except SQLAlchemyError as err:  # the database refuses writes: the file stays closed
        return faults.unlogged_view(err)
    return response
