"""The netwerkkaart as a self-contained SVG, for the comparison page and the printed map.

:func:`netwerkkaart_svg` draws the same map as the screen (:mod:`graph.map.payload` and
``web/static/graph.js``), from the same placement (:func:`graph.map.placement.place`): the
resident in the centre, three rings for closeness, one wedge per sector (both sized by how
many people they hold), every member's shape and its label box where the placement put
them, lines for the ties. It is pure: a NetworkX graph in, an SVG string out, no Flask, no
files, no network. The string can be put inline in an HTML page (``|safe`` *only* for this
output) or in the HTML that WeasyPrint turns into the PDF for the kitchen table.

The map reads in black and white, so colour is never the only cue:

* **Shape per sector**, the shapes of :func:`graph.map.style.sector_shapes` (``dot``,
  ``square``, ``triangle``, ``diamond``, ``star``, ``triangleDown``; ``hexagon`` with a dashed
  outline for an unknown sector). The legend beside the map explains them (:func:`legend_shape`
  draws one there); next to the rings stand only the sector words, so nobody counts a legend
  shape as one more person. A light fill colour (the screen's Okabe-Ito palette, mixed half
  with white) is an extra.
* **Line style per quality**, :data:`graph.map.style.EDGE_STYLES`, one table for screen and
  paper: ``goed`` solid and thick, ``wisselend`` long dashes, ``gespannen`` a dash-dot
  pattern of its own, as thick as the others and near-black, on a white casing and above
  the other lines; unknown thin, solid and grey.
* **Highlights** (``highlight={"m3": "joined"}``) add a class to the member's group for the
  page's CSS *and* a thick ring around the shape for print.

Every map has a text alternative: ``role="img"``, a ``<title>`` and a ``<desc>`` listing
who is where ("Familie: Ans (cirkel 1), ..."), and each member's group has a ``<title>``
with the full name (also when the map had to shorten it).

Safety: every piece of user text (names, sector labels, the title, node ids) is stripped of
characters XML cannot hold and escaped; the output has no scripts, no event attributes, no
``style`` attributes (only presentation attributes, so a strict Content-Security-Policy
does not get in the way), no links, images or web fonts. The only URL is the SVG namespace.

Size and type
-------------
The viewBox is the placement's sheet (:attr:`graph.map.placement.Placement.sheet`), in layout
units, plus a band for the title. A target fixes the ratio of the names to the rings: on
A4 (``target="a4"``) the outer ring is 70 mm across per 164 mm of sheet height and the names
are 12.5 pt when the SVG is printed :attr:`graph.map.placement.Target.height` mm high (A3: 13 pt),
unless a very crowded map had to shrink them (the placement's ``font``; the print falls back
to numbers before that happens). Ring numbers are 0.8 times the name size, sector labels and
the resident's name are bold at the name size.

Paint order: the frame (ring fills, rings, wedge lines), then every tie line (the strained
ones last, each on its casing of paper colour, :func:`graph.map.style.drawn_ties`), then the
ring numbers and sector words, then the names' plates, the shapes and the names. Every text
sits on something opaque painted after the lines (a plate of paper colour, a ring number's
disc, the resident's ellipse), so no line is drawn over a name; black-and-white printing
keeps this, since it relies on no colour. The plates are rectangles, not a halo stroked
around the letters: WeasyPrint (70) ignores ``paint-order``, so a white stroke on a text is
painted over its fill and hides the letters.

Examples
--------
>>> from graph.schema import new_network, add_member
>>> G = new_network("Riek")
>>> add_member(G, "m1", name="Ans de Wit", sector="familie", circle=1, quality="goed")
>>> svg = netwerkkaart_svg(G, sector_labels={"familie": "Familie"}, name_style="initials")
>>> svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
True
>>> 'data-shape="dot"' in svg, ">A.d.W.</text>" in svg, "Ans" in svg
(True, True, False)
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Mapping
from typing import Any

import networkx as nx

from graph.attributes import circle_of, member_nodes, name_of, sector_of, state_of
from graph.map.labels import clean, word_for, wrap
from graph.map.layout import RESIDENT_RADIUS, to_xy
from graph.map.placement import Box, Label, Placement, Target, place
from graph.map.style import (
    EDGE_STYLES,
    FONT_FAMILY,
    FRAME_DASHES,
    FRAME_LINE,
    INK,
    LABEL_BASELINE,
    LABEL_TOP,
    LINE_HEIGHT,
    LINE_PER_FONT,
    MUTED,
    NAME_STYLES,
    PAPER,
    PLATE_RADIUS,
    RESIDENT_DISC,
    SHAPE_OUTLINES,
    drawn_ties,
    edge_style,
    ring_fill,
    sector_colours,
    sector_shapes,
    state_style,
    styled_name,
)
from graph.schema import EGO

__all__ = ["legend_shape", "legend_state", "netwerkkaart_svg"]

_CLASS_TOKEN = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
_CSS_SIZE = re.compile(r"^(?:\d+(?:\.\d+)?|\.\d+)(?:%|mm|cm|in|px|pt|pc|em|rem|vw|vh)?$")


def _light(colour: str, amount: float = 0.5) -> str:
    """``colour`` mixed with white: ``amount`` 0 is the colour, 1 is white. Paper fills the
    sector colours lighter, so names and shapes stay dark on a grey printer."""
    rgb = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(c + (255 - c) * amount):02X}" for c in rgb)


# -- text --------------------------------------------------------------------------------


_clean = clean


def _esc(text: str) -> str:
    """Escape character data (also ``"`` and ``'``, so it is safe in attributes as well)."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


def _attr(value: Any) -> str:
    """An attribute value, cleaned, escaped and double-quoted."""
    return f'"{_esc(_clean(value))}"'


def _num(value: float) -> str:
    """A coordinate with at most two decimals and no ``-0``: stable, short output."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _text_block(
    label: Label,
    *,
    fill: str = INK,
    cls: str | None = None,
    node: Hashable | None = None,
) -> str:
    """The label's lines as one ``<text>`` placed absolutely in its box (WeasyPrint too):
    centred, the first baseline 0.8 line below the box's top. A label of more lines has a
    ``<tspan>`` per line; a one-line label (most) keeps its line and place on the ``<text>``
    itself, so WeasyPrint lays out one text node for it instead of two."""
    box, size = label.box, label.font
    x = box.x + box.w / 2
    top = box.y + LABEL_TOP * size
    weight = ' font-weight="bold"' if label.bold else ""
    klass = f" class={_attr(cls)}" if cls else ""
    if node is not None:
        klass += f" data-node={_attr(node)}"
    start = f'<text{klass} font-size="{_num(size)}" text-anchor="middle" fill="{fill}"{weight}'
    places = [f'x="{_num(x)}" y="{_num(top + (i + LABEL_BASELINE) * LINE_HEIGHT * size)}"'
              for i in range(len(label.lines))]
    if len(label.lines) == 1:
        return f"{start} {places[0]}>{_esc(label.lines[0])}</text>"
    spans = "".join(f"<tspan {at}>{_esc(line)}</tspan>"
                    for at, line in zip(places, label.lines, strict=True))
    return f"{start}>{spans}</text>"


def _plate(label: Label) -> str:
    """An opaque rounded plate of paper colour filling the label's box: drawn after every
    line, it hides the lines behind the name, so none runs through it."""
    box = label.box
    return (
        f'<rect class="plate" x="{_num(box.x)}" y="{_num(box.y)}" width="{_num(box.w)}" '
        f'height="{_num(box.h)}" rx="{_num(PLATE_RADIUS * label.font)}" fill="{PAPER}"/>'
    )


# -- shapes ------------------------------------------------------------------------------


def _polygon(x: float, y: float, r: float, points: Iterable[tuple[float, float]]) -> str:
    return " ".join(f"{_num(x + px * r)},{_num(y + py * r)}" for px, py in points)


def _shape(shape: str, x: float, y: float, r: float, fill: str, *, dashed: bool,
           dashes: tuple[float, float] | None = None, stroke: str = INK) -> str:
    """The SVG element of a vis-network shape of "size" ``r`` centred on ``(x, y)``;
    ``dashes`` (in widths of the outline) instead of an unknown sector's dashes."""
    width = max(1.0, 0.12 * r)
    paint = (f'fill="{fill}" stroke="{stroke}" stroke-width="{_num(width)}" '
             'stroke-linejoin="round"')
    if dashes:
        paint += (f' stroke-dasharray="{_num(dashes[0] * width)} {_num(dashes[1] * width)}"'
                  ' stroke-linecap="round"')
    elif dashed:
        paint += f' stroke-dasharray="{_num(3 * width)} {_num(2 * width)}"'
    data = f'class="shape" data-shape="{shape}"'
    if shape == "dot":
        return f'<circle {data} cx="{_num(x)}" cy="{_num(y)}" r="{_num(r)}" {paint}/>'
    if shape == "square":
        side = 1.8 * r
        return (
            f'<rect {data} x="{_num(x - side / 2)}" y="{_num(y - side / 2)}" '
            f'width="{_num(side)}" height="{_num(side)}" {paint}/>'
        )
    points = _polygon(x, y, r, SHAPE_OUTLINES[shape])
    return f'<polygon {data} points="{points}" {paint}/>'


def legend_shape(shape: str, colour: str | None, *, dashed: bool = False) -> str:
    """A small standalone SVG of one sector shape, for the legend beside a map.

    >>> legend_shape("dot", "#E69F00")[:60]
    '<svg xmlns="http://www.w3.org/2000/svg" class="legend-shape"'
    """
    fill = _light(colour) if colour else PAPER
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" class="legend-shape" viewBox="-12 -12 24 24" '
        f'aria-hidden="true">{_shape(shape, 0, 0, 7.5, fill, dashed=dashed)}</svg>'
    )


def _painted(shape: str, x: float, y: float, r: float, fill: str, *, dashed: bool,
             state: str | None) -> str:
    """A member's shape, painted apart when the member has a state
    (:func:`graph.map.style.state_style`: its fill, dots, opacity and mark over the shape)."""
    painted = state_style(state)
    if painted is None:
        return _shape(shape, x, y, r, fill, dashed=dashed)
    drawn = _shape(shape, x, y, r, painted["fill"] or fill, dashed=dashed,
                   dashes=painted["dashes"])
    if painted["opacity"] < 1:  # faded over paper, so no line shows through the shape
        drawn = (_shape(shape, x, y, r, PAPER, dashed=False, stroke=PAPER)
                 + f'<g opacity="{_num(painted["opacity"])}">{drawn}</g>')
    marks = painted["marks"]
    if marks:
        parts = [f'<g class="mark" data-state="{state}" fill="{INK}" stroke="{INK}" '
                 f'stroke-width="{_num(marks["width"] * r)}" stroke-linecap="round">']
        parts += [f'<line x1="{_num(x + a * r)}" y1="{_num(y + b * r)}" '
                  f'x2="{_num(x + c * r)}" y2="{_num(y + d * r)}"/>'
                  for a, b, c, d in marks["lines"]]
        parts += [f'<ellipse cx="{_num(x + cx * r)}" cy="{_num(y + cy * r)}" '
                  f'rx="{_num(rx * r)}" ry="{_num(ry * r)}" stroke="none"/>'
                  for cx, cy, rx, ry in marks["ellipses"]]
        drawn += "".join(parts) + "</g>"
    return drawn


def legend_state(state: str) -> str:
    """A small standalone SVG of how a member with ``state`` is drawn (on a round shape),
    for the legend beside a map.

    >>> 'data-state="overleden"' in legend_state("overleden")
    True
    """
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" class="legend-shape" viewBox="-12 -12 24 24" '
        f'aria-hidden="true">{_painted("dot", 0, 0, 7.5, PAPER, dashed=False, state=state)}'
        '</svg>'
    )


def _fill(sectors: tuple[str, ...], sector: str | None) -> str:
    colours = sector_colours(sectors)
    return _light(colours[sector if sector in colours else None])


# -- the parts of the map ----------------------------------------------------------------


def _frame(p: Placement) -> str:
    f = p.frame
    rings = f.rings()
    out = ['<g class="frame">']
    # ring fills, outermost first, so each inner ring covers the one around it
    for i, (circle, (_, r1)) in reversed(list(enumerate(rings.items()))):
        out.append(f'<circle cx="0" cy="0" r="{_num(r1)}" fill="{ring_fill(circle, i)}" '
                   'stroke="none"/>')
    inner = RESIDENT_RADIUS
    line_w = max(1.5, 0.08 * p.font)
    out.append(f'<circle cx="0" cy="0" r="{_num(inner)}" fill="{RESIDENT_DISC}" stroke="none"/>')
    line = f'fill="none" stroke="{FRAME_LINE}" stroke-width="{_num(line_w)}"'
    out.append(f'<circle class="ring" cx="0" cy="0" r="{_num(inner)}" {line}/>')
    for circle, (_, r1) in rings.items():
        dash = ""
        if circle is None:
            dash = f' stroke-dasharray="{" ".join(_num(d * line_w) for d in FRAME_DASHES)}"'
        out.append(f'<circle class="ring" cx="0" cy="0" r="{_num(r1)}" {line}{dash}/>')
    outer = f.outer_radius
    for start, _ in f.wedges().values():
        x0, y0 = to_xy(inner, start)
        x1, y1 = to_xy(outer, start)
        out.append(
            f'<line class="wedge" x1="{_num(x0)}" y1="{_num(y0)}" x2="{_num(x1)}" '
            f'y2="{_num(y1)}" stroke="{FRAME_LINE}" stroke-width="{_num(line_w)}"/>'
        )
    out.append("</g>")
    return "".join(out)


def _frame_words(p: Placement) -> str:
    """Ring numbers (on discs, "onbekend" on a plate) and sector words: after the lines, so
    no line runs through them either."""
    out = ['<g class="frame-words"><g class="ring-numbers">']
    for circle, label in p.ring_labels.items():
        box = label.box
        if circle is None:
            out.append(_plate(label))
        else:
            out.append(
                f'<circle cx="{_num(box.x + box.w / 2)}" cy="{_num(box.y + box.h / 2)}" '
                f'r="{_num(min(box.w, box.h) / 2)}" fill="{PAPER}" stroke="{MUTED}" '
                f'stroke-width="1"/>'
            )
        out.append(_text_block(label, fill=MUTED))
    out.append("</g>")
    out.append('<g class="sector-labels">')
    for label in p.sector_labels.values():
        out.append(_plate(label))
        out.append(_text_block(label, cls="sector"))
    out.append("</g></g>")
    return "".join(out)


def _ties(G: nx.Graph, p: Placement) -> str:
    pos = {EGO: (0.0, 0.0), **p.positions}
    grow = p.font * LINE_PER_FONT
    out = ['<g class="ties" fill="none">']
    for u, v in drawn_ties(G):
        quality = G.edges[u, v].get("quality") or None
        style = edge_style(quality)
        known = quality in EDGE_STYLES
        dashes = style["dashes"]
        dash = (f' stroke-dasharray="{" ".join(_num(d * grow) for d in dashes)}"'
                if dashes else "")
        kind = "ego-tie" if u == EGO else "member-tie"
        (x1, y1), (x2, y2) = pos[u], pos[v]
        ends = f'x1="{_num(x1)}" y1="{_num(y1)}" x2="{_num(x2)}" y2="{_num(y2)}"'
        if style.get("casing"):
            width = (style["width"] + 2 * style["casing"]) * grow
            out.append(f'<line class="casing" {ends} stroke="{PAPER}" '
                       f'stroke-width="{_num(width)}" stroke-linecap="butt"/>')
        out.append(
            f'<line class="tie {kind} {quality if known else "unknown"}" '
            f'data-quality={_attr(quality if known else "")} {ends} '
            f'stroke="{style["colour"]}" stroke-width="{_num(style["width"] * grow)}"{dash} '
            f'stroke-linecap="{style.get("linecap", "round")}"/>'
        )
    out.append("</g>")
    return "".join(out)


def _classes(base: str, highlight: Mapping | None, node: Hashable) -> tuple[str, bool]:
    """The group's class (``base`` plus the valid highlight tokens) and whether to mark it."""
    if not highlight or node not in highlight or not highlight[node]:
        return base, False
    tokens = [t for t in str(highlight[node]).split() if _CLASS_TOKEN.match(t)]
    return " ".join([base, *dict.fromkeys(tokens)]), True


def _member(G: nx.Graph, node: Hashable, p: Placement, highlight: Mapping | None
            ) -> tuple[str, str, str]:
    """The member's name plate, its group (title, marker, shape) and its name."""
    x, y = p.positions[node]
    sectors = p.frame.sectors
    sector = sector_of(G, node, sectors)
    shape = sector_shapes(sectors)[sector]
    r = p.shape_size
    label = p.labels[node]
    cls, marked = _classes("member", highlight, node)
    state = state_of(G, node)
    data_state = f' data-state="{state}"' if state else ""
    group = [f"<g class={_attr(cls)} data-node={_attr(node)}{data_state}>",
             f"<title>{_esc(label.text)}</title>"]
    if marked:  # inside the shape's box, which the placement kept free
        group.append(
            f'<circle class="marker" cx="{_num(x)}" cy="{_num(y)}" r="{_num(1.4 * r)}" '
            f'fill="{PAPER}" stroke="{INK}" stroke-width="{_num(0.42 * r)}"/>'
        )
    group.append(_painted(shape, x, y, 0.85 * r if marked else r, _fill(sectors, sector),
                          dashed=sector is None, state=state))
    group.append("</g>")
    name_cls, _ = _classes("name", highlight, node)
    return _plate(label), "".join(group), _text_block(label, cls=name_cls, node=node)


def _resident(p: Placement, highlight: Mapping | None) -> str:
    label = p.resident
    assert label is not None
    assert p.resident_shape is not None
    rx, ry = p.resident_shape.w / 2, p.resident_shape.h / 2
    cls, marked = _classes("resident", highlight, EGO)
    out = [f'<g class={_attr(cls)} data-node={_attr(EGO)}>']
    if label.text:
        out.append(f"<title>{_esc(label.text)}</title>")
    stroke = max(2.5, 0.1 * p.font)
    if marked:
        rx, ry = rx - stroke, ry - stroke
        out.append(
            f'<ellipse class="marker" cx="0" cy="0" rx="{_num(rx + stroke)}" '
            f'ry="{_num(ry + stroke)}" fill="none" stroke="{INK}" stroke-width="{_num(stroke)}"/>'
        )
    out.append(
        f'<ellipse class="shape" data-shape="ellipse" cx="0" cy="0" rx="{_num(rx)}" '
        f'ry="{_num(ry)}" fill="{PAPER}" stroke="{INK}" stroke-width="{_num(stroke)}"/>'
    )
    if label.lines:
        out.append(_text_block(label, cls="name"))
    else:  # no name recorded: a small figure of a person, no words to translate
        h = 0.9 * label.font
        out.append(
            f'<g class="person" fill="none" stroke="{INK}" stroke-width="{_num(0.12 * h)}">'
            f'<circle cx="0" cy="{_num(-0.45 * h)}" r="{_num(0.35 * h)}"/>'
            f'<path d="M {_num(-0.7 * h)} {_num(0.75 * h)} Q 0 {_num(-0.25 * h)} '
            f'{_num(0.7 * h)} {_num(0.75 * h)}"/></g>'
        )
    out.append("</g>")
    return "".join(out)


def _description(G: nx.Graph, p: Placement, sector_labels: Mapping, circle_word: str) -> str:
    """Who is where, in words: the text alternative of the map (``<desc>``)."""
    parts = []
    if p.resident is not None and p.resident.text:
        parts.append(f"{p.resident.text}.")
    groups: dict[str | None, list[str]] = {}
    for node in member_nodes(G):
        sector = sector_of(G, node, p.frame.sectors)
        circle = circle_of(G, node)
        where = f" ({circle_word} {circle})" if circle is not None else ""
        groups.setdefault(sector, []).append(f"{p.labels[node].text}{where}")
    for sector in p.frame.wedges():
        if sector in groups:
            parts.append(f"{word_for(sector_labels, sector)}: {', '.join(groups[sector])}.")
    return _clean(" ".join(parts))


# -- the map -----------------------------------------------------------------------------


def netwerkkaart_svg(
    G: nx.Graph,
    *,
    sectors: Iterable[str] | None = None,
    sector_labels: Mapping[str | None, Any],
    title: str | None = None,
    name_style: str = "full",
    target: str | Target = "a4",
    width: str | None = None,
    height: str | None = None,
    highlight: Mapping[Hashable, str] | None = None,
    alt_title: str = "Netwerkkaart",
    circle_word: str = "cirkel",
    placed: Placement | None = None,
) -> str:
    """Return the netwerkkaart of ``G`` as a standalone SVG document (one ``<svg>`` element).

    Parameters
    ----------
    G : networkx.Graph
        A resident's network (see :mod:`graph.schema`).
    sectors : iterable of str, optional
        The configured sector codes, default ``G.graph["sectors"]``; the same as for
        :func:`graph.map.payload.map_payload`, so the map matches the screen.
    sector_labels : mapping
        Words for the sector codes, translated by the caller (lazy strings are fine). The key
        ``None`` ("Onbekend") labels the wedge of unknown sectors *and* the outer ring of
        unknown circles. A code without a word shows as itself.
    title : str, optional
        A heading above the map (e.g. a snapshot's date), also the SVG's ``<title>``.
    name_style : {"full", "first", "initials"}
        How names are written: as recorded, the first name only ("Jan van Dijk" -> "Jan",
        "Buurvrouw Els" -> "Els"), or initials for a privacy-friendly print ("J.v.D.", see
        :func:`graph.names.initials`). Applies to the resident as well, and to the hover
        titles.
    target : str or Target
        What the map is drawn for (:data:`graph.map.placement.TARGETS`): the sheet's shape and
        the names' size relative to the rings.
    width, height : str, optional
        CSS sizes for the ``<svg>`` element, e.g. ``"100%"`` or ``"180mm"``; left out when
        ``None`` (the element then scales to its container, keeping its aspect ratio).
    highlight : mapping, optional
        ``{node: "class names"}``: adds the (valid CSS identifier) classes to the node's
        group, e.g. ``class="member joined"``, and draws a thick ring around it so the mark
        also shows in print.
    alt_title, circle_word : str
        Words of the text alternative (translated by the caller): the accessible name when
        there is no ``title``, and the word before a circle's number in the ``<desc>``.
    placed : Placement, optional
        The placement of ``G`` for ``target`` when the caller made it already (to check the
        size it reached, as the print does); only with ``name_style="full"``.

    Returns
    -------
    str
        ``<svg xmlns=... viewBox=...>...</svg>``, deterministic for the same input. Layers:
        ``g.frame`` (rings, wedges), ``g.ties``
        (``line.tie.ego-tie|member-tie.<quality>|unknown``, a strained one after its
        ``line.casing``), ``g.frame-words`` (ring numbers, sector words), ``g.plates``
        (opaque plates under the names), ``g.members`` (one ``g.member`` per member with
        ``data-node``, a ``<title>`` with the full name and the shape with ``data-shape``),
        ``g.names`` (one ``text.name`` per member with ``data-node``, carrying the highlight
        classes too) and the resident's ``g.resident``. The placement keeps every label
        clear of every other label and shape, so the order of the layers only matters for
        the lines: every line is painted before every plate and text.

    Raises
    ------
    ValueError
        For an unknown ``name_style``, or a ``width``/``height`` that is not a plain CSS
        length or percentage.

    Examples
    --------
    >>> import xml.etree.ElementTree as ET
    >>> from graph.schema import new_network, add_member, add_tie
    >>> G = new_network("Riek")
    >>> add_member(G, "m1", name="Ans", sector="familie", circle=1, quality="wisselend")
    >>> add_member(G, "m2", name="Bob", sector="buren", circle=2)
    >>> add_tie(G, "m1", "m2", quality="gespannen")
    >>> svg = netwerkkaart_svg(G, sector_labels={"familie": "Familie", "buren": "Buren"},
    ...                        width="100%", highlight={"m2": "joined"})
    >>> root = ET.fromstring(svg)
    >>> root.get("viewBox"), root.get("width")
    ('-671.43 -550.57 1342.86 1101.14', '100%')
    >>> ns = {"s": "http://www.w3.org/2000/svg"}
    >>> [(g.get("class"), g.get("data-node")) for g in root.iterfind(".//s:g[@data-node]", ns)]
    [('member', 'm1'), ('member joined', 'm2'), ('resident', 'ego')]
    >>> names = root.iterfind(".//s:text[@data-node]", ns)
    >>> [(t.get("class"), "".join(t.itertext())) for t in names]
    [('name', 'Ans'), ('name joined', 'Bob')]
    >>> root.find("s:desc", ns).text
    'Riek. Familie: Ans (cirkel 1). Buren: Bob (cirkel 2).'
    """
    if name_style not in NAME_STYLES:
        raise ValueError(f"name_style: expected one of {NAME_STYLES}, got {name_style!r}")
    for field, value in (("width", width), ("height", height)):
        if value is not None and not _CSS_SIZE.match(str(value).strip()):
            raise ValueError(f"{field}: expected a CSS length such as '100%' or '180mm'")

    H = G.copy()
    for node in H:
        raw = H.nodes[node].get("name")
        if node == EGO:
            H.nodes[node]["name"] = styled_name(raw, name_style) if raw is not None else None
        else:
            H.nodes[node]["name"] = styled_name(name_of(G, node), name_style) or _clean(node) or "?"
    if placed is not None and name_style != "full":
        raise ValueError("placed: only with name_style='full'")
    p = placed or place(H, target, sectors=sectors, sector_labels=sector_labels)
    size = p.font

    sheet = p.sheet
    title_text = _clean(title) if title is not None else ""
    title_label = None
    band = 0.0
    if title_text:
        wrapped = wrap(title_text, 1.3 * size, sheet.w, max_lines=1, bold=True)
        band = 1.6 * size
        title_label = Label(wrapped.lines, Box(sheet.x, sheet.y - band, sheet.w, band),
                            1.3 * size, wrapped.shortened, title_text, True)
    left, top, box_w, box_h = sheet.x, sheet.y - band, sheet.w, sheet.h + band

    size_attrs = "".join(
        f' {field}="{_esc(str(value).strip())}"'
        for field, value in (("width", width), ("height", height))
        if value is not None
    )
    name = title_text or _clean(alt_title)
    out = [
        '<svg xmlns="http://www.w3.org/2000/svg" version="1.1" role="img" '
        f'class="netwerkkaart" viewBox="{_num(left)} {_num(top)} {_num(box_w)} {_num(box_h)}"'
        f'{size_attrs} font-family="{FONT_FAMILY}" font-size="{_num(size)}">',
        # the first <title> child is the image's accessible name, <desc> its description
        # (SVG-AAM); no ids, so two maps on one page never share one
        f"<title>{_esc(name)}</title>",
        f"<desc>{_esc(_description(H, p, sector_labels, circle_word))}</desc>",
    ]
    if title_label is not None:
        out.append(_text_block(title_label, cls="title"))
    out.append(_frame(p))
    out.append(_ties(H, p))
    out.append(_frame_words(p))
    parts = [_member(H, n, p, highlight) for n in member_nodes(H)]
    for cls, index in (("plates", 0), ("members", 1), ("names", 2)):
        out.append(f'<g class="{cls}">{"".join(part[index] for part in parts)}</g>')
    if EGO in H:
        out.append(_resident(p, highlight))
    out.append("</svg>")
    return "".join(out)
