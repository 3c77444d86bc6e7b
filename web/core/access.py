"""Access in the web layer: the logged-in coach, the guarded resident loader, role checks.

Every page needs a login except those listed in ``PUBLIC_ENDPOINTS`` (see web.auth.login), so
a new route is protected even if its author forgets.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

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


def role_required(*roles: str) -> Callable:
    """Only accounts with one of ``roles`` may use the view (others get 403)."""

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def guarded(*args, **kwargs):
            access.require_role(current_coach(), *roles)
            return view(*args, **kwargs)

        return guarded

    return decorate
