"""Access in the web layer: the logged-in coach, the resident guard, role checks.

Every page needs a login except those listed in ``PUBLIC_ENDPOINTS`` (see web.auth.login), so
a new route is protected even if its author forgets. In the same way every page whose URL
holds a ``resident_id`` gets its resident from :func:`guard_resident` before the view runs:
the view receives ``resident`` instead of ``resident_id``, and nobody else ever gets past
the guard (404, audited). A view whose resident is checked differently (the teamleider's
team pages) names its loader with :func:`resident_loader`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from flask import Flask, current_app, request
from flask_login import current_user

from sns.models import Coach, Resident
from sns.residents import access
from web.core.database import get_db, is_write_request


def current_coach() -> Coach:
    """The logged-in account (pages run only after login, see web.auth.login)."""
    return current_user._get_current_object()


def load_resident(resident_id: int) -> Resident:
    """The resident if the logged-in coach works with them; else 404 and an audit event.
    A request that writes locks the resident's row (see ``sns.residents.access.load_resident``)."""
    return access.load_resident(get_db(), current_coach(), resident_id,
                                for_update=is_write_request())


def load_team_resident(resident_id: int) -> Resident:
    """A resident of the logged-in teamleider's team (for assigning coaches, erasing), else
    404 and an audit event; 403 for any other role."""
    return access.load_team_resident(get_db(), current_coach(), resident_id)


ResidentLoader = Callable[[int], Resident]


def resident_loader(loader: ResidentLoader) -> Callable:
    """The view's resident is loaded by ``loader`` instead of :func:`load_resident`."""

    def decorate(view: Callable) -> Callable:
        view.resident_loader = loader  # kept by functools.wraps on any decorator above
        return view

    return decorate


def guard_resident() -> None:
    """Before every view whose URL holds a ``resident_id``: load the resident with the view's
    loader (:func:`load_resident` unless it names another) and give it to the view as
    ``resident``. The loader raises NotFound (404, audited) for anyone else."""
    args = request.view_args
    if not args or "resident_id" not in args:
        return
    view = current_app.view_functions[request.endpoint]
    loader = getattr(view, "resident_loader", load_resident)
    args["resident"] = loader(args["resident_id"])  # a refusal leaves the URL's id in place
    del args["resident_id"]


def init_app(app: Flask) -> None:
    """Register the guard last: after the login check (web.auth.login), after the hook that
    gives audit events the client's address (web.privacy.hooks), so a refused attempt is
    logged with it, and after the answer to a repeated form (web.core.submissions), which
    then locks no resident."""
    app.before_request(guard_resident)


def role_required(*roles: str) -> Callable:
    """Only accounts with one of ``roles`` may use the view (others get 403)."""

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def guarded(*args, **kwargs):
            access.require_role(current_coach(), *roles)
            return view(*args, **kwargs)

        return guarded

    return decorate
