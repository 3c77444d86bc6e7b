"""Afdrukken: the netwerkkaart, "Mijn netwerk" and the take-home bundle as PDF.

The documents are Jinja templates in ``templates/print/`` rendered by WeasyPrint (imported
only when a PDF is made). See :mod:`web.printing.documents` for how to add a section.
"""

from flask import Blueprint

bp = Blueprint("printing", __name__, url_prefix="/bewoners/<int:resident_id>/afdrukken")

from web.printing import views  # noqa: E402,F401 - registers the routes on bp
