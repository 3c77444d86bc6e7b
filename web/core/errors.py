"""Error pages and the mapping of refused domain operations to responses.

A refused operation changed nothing; the page says so in plain words.
"""

from __future__ import annotations

from flask import Flask, render_template
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from sns.errors import Forbidden, NotFound
from web.core.database import get_db


def init_app(app: Flask) -> None:
    app.register_error_handler(NotFound, _not_found)
    app.register_error_handler(Forbidden, _forbidden)
    app.register_error_handler(CSRFError, _csrf)
    app.register_error_handler(RequestEntityTooLarge, _too_large)
    app.register_error_handler(HTTPException, _http)


def _page(status: int, title: str, message: str):
    return render_template("errors/error.html", title=title, message=message), status


def _not_found_page():
    return _page(
        404, _("Niet gevonden"), _("Deze pagina bestaat niet, of u heeft er geen toegang toe.")
    )


def _not_found(_err: NotFound):
    # Raised before anything changed; keep the audit event of the refused attempt.
    get_db().commit()
    return _not_found_page()


def _forbidden(_err: Forbidden):
    get_db().rollback()
    return _page(403, _("Geen toegang"), _("Dat mag u met dit account niet doen."))


def _csrf(_err: CSRFError):
    return _page(
        400,
        _("Formulier verlopen"),
        _("Het formulier was verlopen of niet compleet. Er is niets opgeslagen. "
          "Ga terug, laad de pagina opnieuw en probeer het nog eens."),
    )


def _too_large(_err: RequestEntityTooLarge):
    """A body over MAX_CONTENT_LENGTH (web.core.limits), refused before it was read."""
    return _page(
        413,
        _("Te groot"),
        _("Wat u verstuurde is te groot. Er is niets opgeslagen. Maak het kleiner of "
          "verstuur het in delen."),
    )


def _http(err: HTTPException):
    if err.code == 404:
        return _not_found_page()
    return _page(
        err.code or 500, _("Er ging iets mis"), _("Er is niets opgeslagen. Probeer het nog eens.")
    )
