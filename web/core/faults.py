"""Database faults as answers a coach understands, never "Internal Server Error".

- a conflict (someone saved the same thing at the same moment: a stale row, a unique key
  taken in between, a version the services' own check found stale) is a 409;
- input the database cannot store (a NUL character, a number past its range, text past a
  column's length) is a 400, and so is input that breaks a rule of the services (the
  page gives their reason) and a network file that cannot be read (the page gives the
  reader's Dutch reason);
- a database that refuses writes (read-only, disk full, gone, locked for too long) is a 503
  with "Opslaan lukt nu niet"; its pooled connections are dropped, so the app works again
  as soon as the database does, without a restart;
- a PDF whose worker process stopped (``web.core.pdf_pool``) is a 503 that says so;
- anything else is the last-resort 500 page.

Views save through web.core.saving, which answers a refusal with the form again; the
refusals of the services land here only when one escapes a view, and are still no 500.

Every one of them first rolls back and closes the request's session (``discard_db``), since
a page rendered on a failed session fails too. Each page is rendered from the normal error
template and, when even that fails (the database is gone and the layout needs the logged-in
account), from a fixed Dutch page that needs nothing.
"""

from __future__ import annotations

from html import escape

from flask import Flask, current_app, jsonify, make_response, render_template, request
from flask_babel import gettext as _
from sqlalchemy.exc import (
    DataError,
    IntegrityError,
    InterfaceError,
    InternalError,
    OperationalError,
    PendingRollbackError,
    ProgrammingError,
)
from sqlalchemy.orm.exc import StaleDataError

from graph.files import GraphFileError
from sns.errors import Invalid, StaleVersion
from web.core.database import discard_db
from web.core.pdf_pool import PrintFailed

#: Served when even the error template cannot be rendered. Plain, complete and static.
LAST_RESORT = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>{title}</title></head>
<body><h1>{title}</h1><p>{message}</p><p><a href="/">Naar de startpagina</a></p></body></html>
"""


def init_app(app: Flask) -> None:
    app.register_error_handler(StaleDataError, _conflict)
    app.register_error_handler(StaleVersion, _conflict)
    app.register_error_handler(Invalid, _invalid)
    app.register_error_handler(GraphFileError, _unreadable_file)
    app.register_error_handler(IntegrityError, _integrity)
    app.register_error_handler(DataError, _bad_input)
    app.register_error_handler(OverflowError, _bad_input)  # SQLite: a number past int64
    for refused in (OperationalError, InternalError, InterfaceError, PendingRollbackError):
        app.register_error_handler(refused, _unavailable)
    app.register_error_handler(ProgrammingError, _unavailable)  # e.g. a table that is gone
    app.register_error_handler(PrintFailed, _print_failed)
    app.register_error_handler(500, _internal)


def is_unique_violation(err: IntegrityError) -> bool:
    """A unique key taken by a concurrent save (PostgreSQL SQLSTATE 23505, SQLite's
    "UNIQUE constraint failed"), as opposed to input that breaks a rule."""
    code = getattr(err.orig, "sqlstate", None)
    return code == "23505" or "UNIQUE constraint failed" in str(err.orig)


def _refused(status: int, title: str, message: str, *, connections: bool = False):
    """Roll back and close the request's session, then the error page."""
    discard_db(connections=connections)
    return page(status, title, message)


def _conflict(_err: Exception):
    return _refused(409, _("Iemand anders heeft dit intussen gewijzigd"),
                    _("Er is niets opgeslagen. Laad de pagina opnieuw: u ziet dan de nieuwste "
                      "versie, en voer uw wijziging opnieuw in."))


def _integrity(err: IntegrityError):
    return _conflict(err) if is_unique_violation(err) else _bad_input(err)


def _bad_input(err: Exception):
    current_app.logger.info("input the database refused: %s", err)
    return _refused(400, _("Dit kan niet worden opgeslagen"),
                    _("Er is niets opgeslagen: een getal is te groot, een tekst te lang of er "
                      "staat een teken in dat niet kan. Pas het aan en probeer het opnieuw."))


def _invalid(err: Invalid):
    return _refused(400, _("Dit kan zo niet worden opgeslagen"),
                    _("%(reason)s Er is niets opgeslagen. Pas het aan en probeer het opnieuw.",
                      reason=_(err.message)))


def _unreadable_file(err: GraphFileError):
    return _refused(400, _("Dit bestand kan niet worden gelezen"),
                    _("%(reason)s Er is niets ingelezen.", reason=str(err)))


def _unavailable(err: Exception):
    current_app.logger.warning("the database refused the request: %s", err)
    # The connections may be the broken part (a read-only one stays read-only): new ones.
    response = _refused(503, _("Opslaan lukt nu niet"),
                        _("Opslaan lukt nu niet; probeer het zo opnieuw. Er is niets "
                          "opgeslagen."), connections=True)
    response.headers["Retry-After"] = "5"
    return response


def unlogged_view(_err: Exception):
    """A resident's file is not shown while its view cannot be written to the access log
    (NEN 7513: no access without a trace); pages without a resident's file still are."""
    discard_db(connections=True)
    response = page(503, _("Dit kan nu niet worden getoond"),
                    _("Wie een dossier bekijkt, wordt altijd vastgelegd, en dat lukt nu niet. "
                      "Probeer het zo opnieuw."))
    response.headers["Retry-After"] = "5"
    return response


def _print_failed(_err: PrintFailed):
    return _refused(503, _("Afdrukken is mislukt"),
                    _("De PDF kon nu niet worden gemaakt. Er is niets veranderd; probeer het "
                      "zo opnieuw."))


def _internal(_err: Exception):
    return _refused(500, _("Er ging iets mis"),
                    _("Er is niets opgeslagen. Probeer het nog eens."))


def page(status: int, title: str, message: str):
    """The error answer: JSON for the map's script, else the error page; never fails."""
    try:
        if request.accept_mimetypes.best == "application/json":
            response = jsonify(ok=False, message=message)
        else:
            response = make_response(render_template("errors/error.html", title=title,
                                                     message=message))
    except Exception:  # the last resort must answer, whatever broke
        discard_db()
        response = make_response(LAST_RESORT.format(title=escape(title),
                                                    message=escape(message)))
    response.status_code = status
    return response

