"""The printed documents: which sections each one has, and what every section is given.

A document is a list of :class:`Section` s; each section is a template in
``templates/print/sections/`` plus a function that computes its own variables from the
:class:`Printout` (the resident, the network with printable names, the options, the date).
Every section is one or more pages: it starts on a new page.

The take-home bundle is :data:`BUNDLE`. To add a part to it (the plan, the invitations):

1. write ``templates/print/sections/<part>.html``: one ``<section class="sheet">`` that
   starts with ``{{ sheet_header(_("Titel"), printout) }}`` (from ``print/macros.html``);
2. write ``def <part>_context(printout) -> dict`` here (``get_db()`` works: it runs in the
   request or the CLI's app context). Print names through ``printout.person(name)`` so the
   privacy option and the length limit apply;
3. add ``Section("print/sections/<part>.html", <part>_context)`` to :data:`BUNDLE` (and,
   for a document of its own, an entry in :data:`DOCUMENTS` and a route in ``views``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import networkx as nx
from flask import current_app, render_template
from flask_babel import get_locale, gettext
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from markupsafe import Markup

from graph import metrics, schema
from graph.attributes import member_nodes, name_of, state_of
from graph.map import placement, style, svg
from graph.map.labels import word_for
from graph.map.placement import TARGETS, Target
from graph.map.style import styled_name
from graph.schema import EGO
from sns.beraad import meetings as beraad
from sns.models import Meeting, Resident
from sns.network import graphs as network
from sns.plan import actions as plan
from sns.plan.dates import day_text
from sns.residents.life_domains import entries
from web.beraad.letters import letters
from web.core import labels
from web.core.database import get_db
from web.core.pdf import render_pdf, svg_image
from web.core.qr import qr_svg
from web.printing import cache, map_key
from web.scan.panel import findings_in_words

#: A printed name is at most this long (a 200-character name ends in "…").
MAX_NAME = 40

#: ``?namen=`` values and the name styles of graph.map.svg; "volledig" is the default.
NAME_OPTIONS = {"volledig": "full", "voornaam": "first", "initialen": "initials"}
#: ``?formaat=`` values; "a4" is the default (a home printer).
PAPER_OPTIONS = ("a4", "a3")


@dataclass(frozen=True)
class Paper:
    """How the map is laid out on a paper size.

    The map is drawn for the paper's :data:`graph.map.placement.TARGETS` entry: ``width`` x
    ``height`` mm beside the compact legend, the outer ring at 85 % of the free height
    (A4 landscape: 140 of 164 mm), names at 12 pt (A4) and 13 pt (A3) when they fit; the
    map prints at exactly that size (WeasyPrint needs a fixed height). ``invite`` is the
    height given up on an empty map for the invitation above it.
    """

    code: str
    invite: float  # mm

    @property
    def target(self) -> Target:
        return TARGETS[self.code]


PAPERS = {"a4": Paper("a4", 13), "a3": Paper("a3", 16)}
#: Names print at least this large (pt); a map whose names would come out smaller prints
#: numbers, with the key on the sheets after it.
MIN_NAME_PT = 12


@dataclass(frozen=True)
class Options:
    paper: str = "a4"
    names: str = "full"  # a graph.map.svg name style


class BadOption(ValueError):
    """An unknown ``formaat`` or ``namen``."""


def options_from(args: Mapping[str, str]) -> Options:
    """Options from a query string (``?formaat=a3&namen=initialen``); unknown values raise
    :class:`BadOption` rather than print full names by mistake."""
    paper = (args.get("formaat") or "a4").lower()
    names = (args.get("namen") or "volledig").lower()
    if paper not in PAPER_OPTIONS or names not in NAME_OPTIONS:
        raise BadOption(f"formaat={paper!r}, namen={names!r}")
    return Options(paper=paper, names=NAME_OPTIONS[names])


def printable_name(name: Any, style: str = "full") -> str:
    """``name`` as printed: whitespace collapsed, the privacy style applied, at most
    :data:`MAX_NAME` characters.

    Examples
    --------
    >>> printable_name("Jan  van Dijk", "first"), printable_name("Jan van Dijk", "initials")
    ('Jan', 'J.v.D.')
    >>> len(printable_name("x" * 200)), printable_name("x" * 200)[-1]
    (40, '…')
    """
    text = " ".join(str(name or "").split())
    if text:
        text = styled_name(text, style)
    if len(text) > MAX_NAME:
        text = text[: MAX_NAME - 1].rstrip() + "…"
    return text


def printable_graph(G: nx.Graph, style: str) -> nx.Graph:
    """A copy of ``G`` with every name as printed, so no section can print a full name when
    the privacy option is on (the map, the findings, the coverage all read names from it)."""
    H = G.copy()
    for node in H:
        if node == EGO:
            H.nodes[node]["name"] = printable_name(H.nodes[node].get("name"), style)
        else:
            H.nodes[node]["name"] = printable_name(name_of(G, node), style) or "?"
    return H


@dataclass(frozen=True)
class Printout:
    """What every section gets: print ``name`` (not ``resident.name``) and ``person()``."""

    resident: Resident
    name: str
    graph: nx.Graph
    options: Options
    today: date
    sectors: tuple[str, ...]
    #: The address of the resident's own page with their code (``web.mijn``), printed with
    #: its QR code on the plan's sheet; None prints neither.
    code_url: str | None = None

    @property
    def date_text(self) -> str:
        return day_text(self.today, str(get_locale() or "nl"))

    def person(self, name: Any) -> str:
        return printable_name(name, self.options.names)


@dataclass(frozen=True)
class Section:
    template: str
    context: Callable[[Printout], dict] = field(default=lambda printout: {})


@dataclass(frozen=True)
class Document:
    title: Any  # a lazy translation
    filename: str  # never the resident's name: download folders are not private
    sections: Sequence[Section]


# -- the sections ------------------------------------------------------------------------

def map_context(p: Printout) -> dict:
    """The SVG map filling the sheet beside its compact legend. Names are printed while
    they fit at :data:`MIN_NAME_PT` (up to about 30 people on A4, 60 on A3); a more crowded
    map shows numbers, with the key on the sheets after it (:mod:`web.printing.map_key`)."""
    paper = PAPERS[p.options.paper]
    target = paper.target
    members = len(member_nodes(p.graph))
    empty = not members
    height = target.height - (paper.invite if empty else 0)
    shrink = height / target.height  # an empty map: a little smaller, the same proportions
    words = {code: str(word) for code, word in labels.sector_labels().items()}
    drawn, key_sheets = p.graph, []
    placed = None
    if members < map_key.NUMBERED_FROM[paper.code]:
        placed = placement.place(drawn, target, sectors=p.sectors, sector_labels=words)
        if placed.font_in_target * shrink / placement.PT_MM < MIN_NAME_PT:
            placed = None  # names would come out too small: numbers instead
    if placed is None and members:
        drawn, numbers = map_key.numbered(p.graph, p.sectors, words)
        key_sheets = map_key.sheets(numbers, paper.code)
        placed = placement.place(drawn, target, sectors=p.sectors, sector_labels=words)
    if placed is None:
        placed = placement.place(drawn, target, sectors=p.sectors, sector_labels=words)
    drawing = svg.netwerkkaart_svg(
        drawn, sectors=p.sectors, sector_labels=words, target=target, placed=placed,
        width=f"{target.width * shrink:.1f}mm", height=f"{height:.1f}mm",
        alt_title=gettext("De netwerkkaart"), circle_word=gettext("cirkel"),
    )
    unit = height / placed.sheet.h  # mm per SVG unit
    grow = placed.font * style.LINE_PER_FONT  # line widths grow with the names
    lines = []
    for code in (*style.EDGE_STYLES, None):
        line = style.edge_style(code)
        lines.append({
            "label": labels.QUALITY_LABELS[code],
            "width": line["width"] * grow,
            "dashes": " ".join(f"{d * grow:.1f}" for d in line["dashes"])
            if line["dashes"] else "",
            "colour": line["colour"],
        })
    shapes = style.sector_shapes(p.sectors)
    colours = style.sector_colours(p.sectors)
    sectors = [
        {"label": word_for(words, code),
         "shape": Markup(svg.legend_shape(shapes[code], colours[code],  # noqa: S704
                                          dashed=code is None))}
        for code in placed.frame.wedges()
    ]
    # how a member with a state is drawn: only the states on this map, so the legend stays short
    present = {state_of(p.graph, n) for n in member_nodes(p.graph)}
    states = [{"label": labels.STATE_LABELS[code],
               "shape": Markup(svg.legend_state(code))}  # noqa: S704
              for code in style.STATE_STYLES if code in present]
    return {
        "map_src": svg_image(drawing),  # graph.map.svg escapes all user text
        "map_height": height,
        "map_width": target.width * shrink,
        "unit": unit,
        "name_pt": placed.font_in_target * shrink / placement.PT_MM,  # the names' size
        "lines": lines,
        "sectors": sectors,
        "states": states,
        "circles": [labels.CIRCLE_LABELS[c] for c in (1, 2, 3)],
        "empty": empty,
        "a3": paper.code == "a3",
        "key_sheets": key_sheets,
    }


#: More names than this in one row of "Wie helpt waarmee?" (about a third of a sheet) and the
#: row may go on over the next sheet. A shorter row is kept whole; a row that must be kept
#: whole but is taller than a sheet made WeasyPrint leave the heading alone on a sheet.
LONG_COVERAGE_ROW = 40


def network_context(p: Printout) -> dict:
    """The findings in plain words and, per kind of support, who gives it."""
    G = p.graph
    result = metrics.scan(G)
    coverage = []
    for kind in schema.SUPPORT_KINDS:
        names = [name_of(G, n) for n in result.support.givers[kind]]
        coverage.append({"label": labels.SUPPORT_LABELS[kind], "names": names,
                         "long": len(names) > LONG_COVERAGE_ROW})
    return {"findings": findings_in_words(G, result), "coverage": coverage,
            "members": len(member_nodes(G))}


def _when(day: date | None) -> str:
    return day_text(day, str(get_locale() or "nl")) if day else "–"


def action_when(action) -> str:
    """A one-off action's date; an ongoing one's "how often" (and when to look again)."""
    if action.how_often is None:
        return _when(action.due)
    if action.due is None:
        return action.how_often
    return gettext("%(often)s (bekijken op %(date)s)", often=action.how_often,
                   date=_when(action.due))


def plan_context(p: Printout) -> dict:
    """Per life domain the goal in the resident's words (what they wish for there) and the
    actions (what, who, when, status), in the configured order of the domains, "Overig"
    last; the resident's question, the actieteam and the next moment together (the next
    netwerkberaad, else the next review)."""
    db = get_db()
    names = network.names_of(db, p.resident)
    domains = current_app.config["LIFE_DOMAINS"]
    goals = {code: e.desired for code, e in entries(db, p.resident).items() if e.desired}
    grouped: dict[str | None, list] = {}
    for action in plan.actions_of(db, p.resident):
        who = [p.person(names[x.member_id]) for x in action.performers]
        grouped.setdefault(action.domain, []).append({
            "what": action.what,
            "who": who + ([action.professional] if action.professional else []),
            "when": action_when(action),
            "status": labels.STATUS_LABELS[action.status],
        })
    order = [c for c in domains if c in grouped or c in goals]
    order += [c for c in grouped if c not in domains]  # an unknown code, or None: "Overig"
    upcoming = [m.on_date for m in beraad.meetings_of(db, p.resident)
                if not m.held and m.on_date and m.on_date >= p.today]
    next_day = min(upcoming) if upcoming else p.resident.next_review
    team = [p.person(m.name) for m in network.members_of(db, p.resident) if m.in_actieteam]
    return {
        "question": p.resident.hulpvraag,
        "domains": [
            {"label": gettext(domains[code]) if code in domains else _l("Overig"),
             "goal": goals.get(code), "actions": grouped.get(code, [])}
            for code in sorted(order, key=lambda c: c is None)
        ],
        "next_meeting": _when(next_day) if next_day else None,
        "team": team,
        "code_qr": qr_svg(p.code_url) if p.code_url else None,
    }


def invitations_context(p: Printout, meeting: Meeting) -> dict:
    """The meeting's invitations, one letter per invitee, as from the resident."""
    return {"letters": letters(get_db(), p.resident, meeting, p.person)}


MAP = Section("print/sections/kaart.html", map_context)
NETWORK = Section("print/sections/netwerk.html", network_context)
PLAN = Section("print/sections/plan.html", plan_context)

#: The take-home PDF, in this order: add a section here to add it to what the resident
#: takes home (see the module docstring).
BUNDLE: tuple[Section, ...] = (MAP, NETWORK, PLAN)


def invitations(meeting: Meeting) -> Document:
    """The invitation letters of one netwerkberaad, to hand out."""
    section = Section("print/sections/uitnodigingen.html",
                      lambda p: invitations_context(p, meeting))
    return Document(_l("Uitnodigingen"), "uitnodigingen.pdf", (section,))

DOCUMENTS = {
    "kaart": Document(_l("De netwerkkaart"), "netwerkkaart.pdf", (MAP,)),
    "mijn-netwerk": Document(_l("Mijn netwerk"), "mijn-netwerk-overzicht.pdf", (NETWORK,)),
    "plan": Document(_l("Mijn plan"), "mijn-plan.pdf", (PLAN,)),
    "meenemen": Document(_l("Mijn netwerk om mee te nemen"), "mijn-netwerk.pdf", BUNDLE),
}


# -- rendering ---------------------------------------------------------------------------


def printout(resident: Resident, G: nx.Graph, options: Options = Options(),  # noqa: B008
             today: date | None = None, code_url: str | None = None) -> Printout:
    return Printout(
        resident=resident,
        name=printable_name(resident.name, options.names),
        graph=printable_graph(G, options.names),
        options=options,
        today=today or date.today(),
        sectors=labels.sectors(),
        code_url=code_url,
    )


def render_html(document: Document, p: Printout) -> str:
    """The document as one HTML page; needs an app context with a request (``url_for``)."""
    parts = [
        Markup(render_template(section.template, printout=p, **section.context(p)))  # noqa: S704
        for section in document.sections
    ]
    return render_template("print/document.html", title=document.title, parts=parts,
                           printout=p)


def render_document(document: Document, p: Printout, base_url: str) -> bytes:
    """The document as PDF bytes; printed again unchanged, from :mod:`web.printing.cache`
    (kept per account and resident: the key holds both and the whole HTML)."""
    owner = (getattr(current_user, "id", None), p.resident.id, base_url)
    return cache.of_app().pdf(owner, render_html(document, p),
                              lambda h: render_pdf(h, base_url))
