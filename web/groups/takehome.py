"""The participant's take-home PDF and the blank worksheet, with the printing blueprint's
sections (the map, "Mijn netwerk") and its WeasyPrint renderer (``web.printing``).

The take-home PDF is made from the map *the page sends*: every participant page carries its
own map, signed by the server (``itsdangerous``, with the app's secret key, valid for
:data:`MAX_AGE`). The server needs nothing stored to make the PDF, so a participant whose
session was closed (and whose data was deleted) can still download it from the page they
are on, until they leave it. The signature keeps the route from printing anything else;
the map in the page is the participant's own, shown on that same page anyway.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import networkx as nx
from flask import Response, current_app, render_template, request
from flask_babel import format_date
from flask_babel import lazy_gettext as _l
from itsdangerous import BadData, URLSafeTimedSerializer
from markupsafe import Markup

from graph import schema
from sns import groups
from sns.models import GroupSession
from web.core import labels
from web.core.i18n import current_language
from web.groups import words

#: How long a page's signed map can be turned into a PDF (seconds): a long afternoon.
MAX_AGE = 6 * 3600
_SALT = "sns.groups.meenemen"

#: Empty lines per circle on the worksheet.
WORKSHEET_LINES = 6


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.secret_key, salt=_SALT)


def dump(group: GroupSession, net: dict) -> str:
    """The signed map for the participant's page."""
    return _serializer().dumps({
        "title": group.title,
        "date": group.on_date.isoformat() if group.on_date else None,
        "place": group.place,
        "net": net,
    })


def load(blob: str | None) -> dict | None:
    """The map a page sent, or None when it is missing, altered or too old."""
    if not blob:
        return None
    try:
        data = _serializer().loads(blob, max_age=MAX_AGE)
    except BadData:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("net"), dict):
        return None
    return data


@dataclass(frozen=True)
class Sheet:
    """What the printing sections read from a printout (``web.printing.documents.Printout``
    is made for a resident; a participant is not one): no name on the sheet head, and the
    session's date (none on the blank worksheet)."""

    graph: nx.Graph
    sectors: tuple[str, ...]
    options: Any
    date_text: str = ""
    name: str = ""

    def person(self, name: Any) -> str:
        from web.printing import documents

        return documents.printable_name(name, self.options.names)


def _sheet(G: nx.Graph, date_text: str = "") -> Sheet:
    from web.printing import documents

    return Sheet(graph=documents.printable_graph(G, "full"), sectors=labels.sectors(),
                 options=documents.Options(), date_text=date_text)


def _document(title, sections, printout: Sheet, filename: str) -> Response:
    from web.core.pdf import render_pdf

    parts = [
        Markup(render_template(template, printout=printout, **context(printout)))  # noqa: S704
        for template, context in sections
    ]
    html = render_template("groups/print.html", title=title, parts=parts)
    pdf = render_pdf(html, request.url_root)
    response = Response(pdf, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response


def pdf_response(takeaway: dict) -> Response:
    """The take-home PDF: the map, "Mijn netwerk" and what to do next."""
    from web.printing import documents

    try:
        G = groups.graph_of(takeaway["net"], sectors=labels.sectors())
        on_date = date.fromisoformat(takeaway["date"]) if takeaway.get("date") else None
    except (KeyError, TypeError, ValueError, schema.SchemaError):
        G, on_date = schema.new_network(None, sectors=labels.sectors()), None
    date_text = format_date(on_date, format="long") if on_date else ""
    printout = _sheet(G, date_text)

    def after(_p):
        return {"title": takeaway.get("title"), "place": takeaway.get("place"),
                "date_text": date_text}

    sections = [
        (documents.MAP.template, documents.MAP.context),
        (documents.NETWORK.template, documents.NETWORK.context),
        ("groups/print_after.html", after),
    ]
    return _document(_l("Mijn netwerk om mee te nemen"), sections, printout,
                     "mijn-netwerk.pdf")


def _worksheet_pdf() -> bytes:
    from web.printing import documents

    printout = _sheet(schema.new_network(None, sectors=labels.sectors()))

    def lines(_p):
        return {"circles": schema.CIRCLES, "rows": range(WORKSHEET_LINES),
                "kinds": schema.SUPPORT_KINDS, "words": words}

    sections = [
        (documents.MAP.template, documents.MAP.context),
        ("groups/print_lines.html", lines),
    ]
    return _document(_l("Werkblad: hoe sterk is mijn netwerk?"), sections, printout,
                     "werkblad.pdf").get_data()


def worksheet_response() -> Response:
    """The blank worksheet; the same for everyone, so it is made once per language."""
    cache = current_app.extensions.setdefault("sns_worksheet", {})
    key = (current_language(), labels.sectors())
    if key not in cache:
        cache[key] = _worksheet_pdf()
    response = Response(cache[key], mimetype="application/pdf")
    response.headers["Content-Disposition"] = 'attachment; filename="werkblad.pdf"'
    return response
