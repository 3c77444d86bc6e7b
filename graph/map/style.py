"""The drawing vocabulary of the netwerkkaart: every colour, shape, line style, label rule and
name style, written once, for the screen and for paper.

The screen (:func:`graph.map.payload.map_payload`, drawn by ``web/static/graph.js``), the
printed and inline SVG (:mod:`graph.map.svg`), the legends beside them and the GEXF export
all read their look from here, so a resident finds the map of the kitchen table back on the
coach's screen. ``graph.js`` writes no colour of its own: the payload carries
:func:`screen_style`.

The map reads in black and white, so colour is never the only cue:

* **Shape per sector**: the configured sectors, in order, get :data:`SECTOR_SHAPES`
  (vis-network's names), cycling; a member whose sector is unknown gets
  :data:`UNKNOWN_SECTOR_SHAPE`, which no configured sector uses, drawn with a dashed outline.
  The resident is :data:`RESIDENT_SHAPE` with the name written inside it.
* **Line style per tie quality** (:data:`EDGE_STYLES`): ``goed`` solid and thick,
  ``wisselend`` long even dashes, ``gespannen`` a dash-dot pattern of its own, as thick as
  ``goed`` and in a dark red that prints near-black, on a band of paper colour (its casing)
  and drawn above the other lines, so its gaps stay white where lines meet; unknown thin,
  solid and grey.
* **Names on plates**: every name, ring number and sector word is written on an opaque
  rounded plate of paper colour (:data:`PLATE_RADIUS`), painted after every line, so lines
  pass behind names and never through them.

* **A member with a state** (:data:`graph.schema.MEMBER_STATES`) keeps the shape of the
  sector and is painted apart (:data:`STATE_STYLES`): ``overleden`` grey with a cross over
  the shape, ``geen_contact`` white with a dotted outline, ``vroeger`` faded, ``huisdier`` a
  paw print in the shape. The marks are :data:`STATE_MARKS`, in units of the shape's size.

Colour comes on top: :data:`SECTOR_COLOURS` is the Okabe-Ito palette, distinguishable with
the common kinds of colour blindness.

Examples
--------
>>> sector_shapes(["familie", "buren"])[None], sector_colours(["familie"])["familie"]
('hexagon', '#E69F00')
>>> styled_name("Jan van Dijk", "initials")
'J.v.D.'
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable
from typing import Any

import networkx as nx

from graph.attributes import member_nodes, member_ties
from graph.map.labels import clean
from graph.names import first_name, initials
from graph.schema import EGO

__all__ = [
    "EDGE_STYLES",
    "FONT_FAMILY",
    "FRAME_DASHES",
    "FRAME_LINE",
    "INK",
    "LABEL_BASELINE",
    "LABEL_TOP",
    "LINE_HEIGHT",
    "LINE_PER_FONT",
    "MUTED",
    "NAME_STYLES",
    "PAPER",
    "PLATE_RADIUS",
    "RESIDENT_DISC",
    "RESIDENT_SHAPE",
    "RING_FILLS",
    "RING_NUMBER_SIZE",
    "SECTOR_COLOURS",
    "SECTOR_SHAPES",
    "TOP_QUALITIES",
    "SHAPE_OUTLINES",
    "STATE_MARKS",
    "STATE_STYLES",
    "UNKNOWN_EDGE_STYLE",
    "UNKNOWN_SECTOR_COLOUR",
    "UNKNOWN_SECTOR_SHAPE",
    "drawn_ties",
    "edge_style",
    "ring_fill",
    "screen_style",
    "sector_colours",
    "sector_shapes",
    "state_style",
    "styled_name",
]

# -- the palette -------------------------------------------------------------------------

#: Names, shape outlines, the resident's ellipse and a good tie: near-black.
INK = "#1d2330"
#: Ring numbers and their discs: a grey that still reads on every ring fill.
MUTED = "#5a6272"
#: Ring and wedge lines.
FRAME_LINE = "#8a92a0"
#: White: name plates, the strained line's casing, ring number discs, the resident's ellipse,
#: every other ring.
PAPER = "#ffffff"
#: Ring fills: the ring of unknown circles, then the odd and even known rings (from inside).
RING_FILLS: dict[str, str] = {"unknown": "#eeeeea", "odd": "#f3f5f8", "even": PAPER}
#: The disc in the centre, behind the resident's ellipse.
RESIDENT_DISC = "#e8eef7"
#: The dashes of the ring of unknown circles, in widths of its line.
FRAME_DASHES: tuple[float, float] = (5, 4)
#: Okabe-Ito, distinguishable with the common kinds of colour blindness; the configured
#: sectors take these in order, cycling.
SECTOR_COLOURS: tuple[str, ...] = (
    "#E69F00", "#56B4E9", "#009E73", "#CC79A7", "#D55E00", "#0072B2", "#F0E442",
)
#: Colour of a member whose sector is unknown.
UNKNOWN_SECTOR_COLOUR = "#BDBDBD"
#: The screen only: the outer ring around the person chosen with the keyboard (inside it a
#: ring of :data:`INK`), the ring around everyone who has the support an open question asks
#: about, the outline of a shape under the pointer or selected, the disc and its ring behind
#: each person picked for "Wie kent wie?" (several at once; a blue no sector colour and not
#: the keyboard's yellow), and the invisible dot vis-network keeps for the resident (the
#: script draws the resident itself).
_SCREEN_COLOURS = {
    "focus": "#f2b900",
    "answered": "#007a5a",
    "selected": "#000000",
    "picked": "#d6e0ff",
    "pickedLine": "#2a3eb1",
    "hidden": "rgba(0,0,0,0)",
}

# -- shapes ------------------------------------------------------------------------------

#: vis-network shapes for the configured sectors, in order.
SECTOR_SHAPES: tuple[str, ...] = ("dot", "square", "triangle", "diamond", "star", "triangleDown")
#: Shape of a member whose sector is unknown (or no longer configured).
UNKNOWN_SECTOR_SHAPE = "hexagon"
#: Shape of the resident in the centre: the name is written inside it.
RESIDENT_SHAPE = "ellipse"
def _outline(dx: float, dy: float, radii: tuple[float, ...], angles: Iterable[float]
             ) -> tuple[tuple[float, float], ...]:
    """Corner points of a shape in units of its size, from 12 o'clock clockwise (y down);
    ``radii`` alternate (a star's outer and inner points)."""
    return tuple(
        (round(dx + radii[i % len(radii)] * math.sin(math.radians(a)), 4),
         round(dy - radii[i % len(radii)] * math.cos(math.radians(a)), 4))
        for i, a in enumerate(angles))


#: The corners of every shape but ``dot`` (a circle of radius 1), in units of the shape's
#: size ``r``, centred on the member: the paper map draws these (:mod:`graph.map.svg`) and
#: the screen draws them for a member painted apart (a state), so both look alike.
SHAPE_OUTLINES: dict[str, tuple[tuple[float, float], ...]] = {
    "square": ((-0.9, -0.9), (0.9, -0.9), (0.9, 0.9), (-0.9, 0.9)),
    "triangle": _outline(0, 0.2, (1.3,), (0, 120, 240)),
    "triangleDown": _outline(0, -0.2, (1.3,), (180, 300, 60)),
    "diamond": _outline(0, 0, (1.3,), (0, 90, 180, 270)),
    "star": _outline(0, 0, (1.4, 0.6), [36.0 * i for i in range(10)]),
    "hexagon": _outline(0, 0, (1.1,), (0, 60, 120, 180, 240, 300)),
}
#: The screen only: the dashes of an unknown sector's shape outline, in pixels.
_UNKNOWN_OUTLINE = [4, 3]

# -- members with a state -----------------------------------------------------------------

#: How a member with a state is painted, on the screen and on paper: ``fill`` instead of the
#: sector's colour (``None``: the sector's), ``dashes`` of the outline in widths of the
#: outline (``None``: solid; dots, unlike the dashes of an unknown sector), ``opacity`` of
#: the shape (the name stays fully readable) and the ``mark`` drawn over it
#: (:data:`STATE_MARKS`, ``None``: none). Each reads in black and white on its own.
STATE_STYLES: dict[str, dict[str, Any]] = {
    "overleden": {"fill": "#c4c4c4", "dashes": None, "opacity": 1.0, "mark": "cross"},
    "geen_contact": {"fill": PAPER, "dashes": (1, 1.6), "opacity": 1.0, "mark": None},
    "vroeger": {"fill": None, "dashes": None, "opacity": 0.4, "mark": None},
    "huisdier": {"fill": None, "dashes": None, "opacity": 1.0, "mark": "paw"},
}
#: The marks over a shape, centred on it, in units of the shape's size ``r``, drawn in
#: :data:`INK`: ``lines`` ``(x1, y1, x2, y2)`` of ``width``, and filled ``ellipses``
#: ``(cx, cy, rx, ry)``. A cross over the shape; a paw print (a pad and four toes) in it.
STATE_MARKS: dict[str, dict[str, Any]] = {
    "cross": {"width": 0.18, "lines": ((-0.8, -0.8, 0.8, 0.8), (-0.8, 0.8, 0.8, -0.8)),
              "ellipses": ()},
    "paw": {"width": 0, "lines": (),
            "ellipses": ((0, 0.26, 0.36, 0.3), (-0.44, -0.14, 0.14, 0.17),
                         (-0.16, -0.46, 0.14, 0.17), (0.16, -0.46, 0.14, 0.17),
                         (0.44, -0.14, 0.14, 0.17))},
}


def state_style(state: str | None) -> dict[str, Any] | None:
    """Return how a member with ``state`` is painted (:data:`STATE_STYLES`, with its mark
    from :data:`STATE_MARKS` under ``"marks"``), or ``None`` for a member without a state.

    Examples
    --------
    >>> state_style("overleden")["mark"], state_style("overleden")["marks"]["width"]
    ('cross', 0.18)
    >>> state_style("vroeger")["opacity"], state_style(None)
    (0.4, None)
    """
    style = STATE_STYLES.get(state) if state else None
    if style is None:
        return None
    return {**style, "marks": STATE_MARKS.get(style["mark"])}


# -- ties --------------------------------------------------------------------------------

#: Line style per tie quality: ``dashes`` as vis-network takes it, ``width`` in pixels next
#: to 16 px names (paper scales both with its names, :data:`LINE_PER_FONT`). ``casing``, where
#: given, is a band of :data:`PAPER` that wide on either side, drawn solid under the line:
#: the strained line's gaps stay white where it crosses or runs along other lines, so its
#: dash-dot still reads in a bundle (and in black and white).
EDGE_STYLES: dict[str, dict[str, Any]] = {
    "goed": {"dashes": False, "width": 4, "colour": INK},
    "wisselend": {"dashes": [12, 8], "width": 2.5, "colour": "#3d4a60"},
    "gespannen": {"dashes": [14, 5, 2, 5], "width": 4, "colour": "#8f1d17", "casing": 2},
}
#: Ties of these qualities are drawn after all others, so they lie on top where lines meet.
TOP_QUALITIES: tuple[str, ...] = ("gespannen",)
#: Line style of a tie whose quality is unknown: thin, solid and grey.
UNKNOWN_EDGE_STYLE: dict[str, Any] = {"dashes": False, "width": 1, "colour": "#9aa1ad"}
#: The widths and dashes of :data:`EDGE_STYLES` per unit of name size: a thick line stays
#: thick next to large printed names.
LINE_PER_FONT = 1 / 16

# -- labels ------------------------------------------------------------------------------

#: The fonts asked for on paper; DejaVu Sans is installed with WeasyPrint's usual fonts.
FONT_FAMILY = "DejaVu Sans, sans-serif"
#: The fonts asked for on the screen: DejaVu Sans, whose widths the placement measured.
_SCREEN_FONT_FAMILY = "DejaVu Sans, Verdana, sans-serif"
#: Line height in em, the same in the SVG and on the screen.
LINE_HEIGHT = 1.2
#: A label's first line starts this many em below the top of its box; line ``i`` has its
#: baseline at ``box.y + LABEL_TOP * size + (i + LABEL_BASELINE) * LINE_HEIGHT * size``.
LABEL_TOP = 0.075
LABEL_BASELINE = 0.8
#: Ring numbers are this many times the name size.
RING_NUMBER_SIZE = 0.8
#: The corner radius of a name's plate, in name heights. The plate fills the label's box
#: (:class:`graph.map.placement.Label`), which the placement keeps clear of every shape.
PLATE_RADIUS = 0.15

# -- names -------------------------------------------------------------------------------

#: How names are written: as recorded, the first name only, or initials (privacy).
NAME_STYLES: tuple[str, ...] = ("full", "first", "initials")


def _per_sector(sectors: Iterable[str], values: tuple[str, ...],
                unknown: str) -> dict[str | None, str]:
    """The configured sectors, in order, get ``values`` (cycling); ``None`` gets ``unknown``."""
    found: dict[str | None, str] = {
        code: values[i % len(values)] for i, code in enumerate(sectors)}
    found[None] = unknown
    return found


def sector_shapes(sectors: Iterable[str]) -> dict[str | None, str]:
    """Return ``{sector: shape}`` for the configured sectors and ``None`` (unknown).

    Parameters
    ----------
    sectors : iterable of str
        The configured sector codes, in order.

    Returns
    -------
    dict
        Each code's shape from :data:`SECTOR_SHAPES` (cycling), and
        :data:`UNKNOWN_SECTOR_SHAPE` for ``None``.

    Examples
    --------
    >>> sector_shapes(["familie", "buren"])
    {'familie': 'dot', 'buren': 'square', None: 'hexagon'}
    >>> list(sector_shapes([f"s{i}" for i in range(8)]).values())[5:]
    ['triangleDown', 'dot', 'square', 'hexagon']
    """
    return _per_sector(sectors, SECTOR_SHAPES, UNKNOWN_SECTOR_SHAPE)


def sector_colours(sectors: Iterable[str]) -> dict[str | None, str]:
    """Return ``{sector: colour}`` for the configured sectors and ``None`` (unknown).

    Parameters
    ----------
    sectors : iterable of str
        The configured sector codes, in order.

    Returns
    -------
    dict
        Each code's colour from :data:`SECTOR_COLOURS` (cycling), and
        :data:`UNKNOWN_SECTOR_COLOUR` for ``None``.

    Examples
    --------
    >>> sector_colours(["familie", "buren"])
    {'familie': '#E69F00', 'buren': '#56B4E9', None: '#BDBDBD'}
    """
    return _per_sector(sectors, SECTOR_COLOURS, UNKNOWN_SECTOR_COLOUR)


def edge_style(quality: str | None) -> dict[str, Any]:
    """Return ``{"dashes": ..., "width": ..., "colour": ...}`` for a tie of this quality.

    Parameters
    ----------
    quality : str or None
        A tie quality code; an unknown or missing one gets :data:`UNKNOWN_EDGE_STYLE`.

    Returns
    -------
    dict
        A fresh copy (its ``dashes`` list too), so a caller may change it.

    Examples
    --------
    >>> edge_style("wisselend")
    {'dashes': [12, 8], 'width': 2.5, 'colour': '#3d4a60'}
    >>> edge_style(None)
    {'dashes': False, 'width': 1, 'colour': '#9aa1ad'}
    """
    style = EDGE_STYLES.get(quality, UNKNOWN_EDGE_STYLE) if quality else UNKNOWN_EDGE_STYLE
    dashes = style["dashes"]
    return {**style, "dashes": list(dashes) if isinstance(dashes, list) else dashes}


def ring_fill(circle: int | None, index: int) -> str:
    """Return the fill of a ring: grey for unknown circles, else alternating from inside.

    Parameters
    ----------
    circle : int or None
        The ring's circle (``None``: the ring of unknown circles).
    index : int
        The ring's place from the inside, 0 first.

    Returns
    -------
    str
        A colour of :data:`RING_FILLS`.

    Examples
    --------
    >>> [ring_fill(c, i) for i, c in enumerate([1, 2, 3, None])]
    ['#ffffff', '#f3f5f8', '#ffffff', '#eeeeea']
    """
    if circle is None:
        return RING_FILLS["unknown"]
    return RING_FILLS["odd" if index % 2 else "even"]


def drawn_ties(G: nx.Graph) -> list[tuple[Hashable, Hashable]]:
    """Return the ties in the order they are drawn: the resident's first, then the rest, and
    the ties of :data:`TOP_QUALITIES` (strained) last of all.

    Later lines cover earlier ones, so screen and paper cross the same way, and a strained
    line lies on top of the others where they meet (its casing keeps it readable there). The
    resident's ties go from the resident, in member order; ties between members are
    :func:`graph.attributes.member_ties`.

    Parameters
    ----------
    G : networkx.Graph
        A resident's network (see :mod:`graph.schema`).

    Returns
    -------
    list of tuple
        ``(u, v)`` pairs, ``u`` the resident for the resident's ties.

    Examples
    --------
    >>> from graph.schema import new_network, add_member, add_tie
    >>> G = new_network("Riek")
    >>> for node, quality in (("m10", "gespannen"), ("m2", "goed"), ("m3", None)):
    ...     add_member(G, node, name=node, quality=quality)
    >>> add_tie(G, "m10", "m2")
    >>> drawn_ties(G)
    [('ego', 'm2'), ('ego', 'm3'), ('m2', 'm10'), ('ego', 'm10')]
    """
    ego_ties = [(EGO, n) for n in member_nodes(G) if EGO in G and G.has_edge(EGO, n)]
    # sorted() is stable: within each layer the order stays as it was
    return sorted([*ego_ties, *member_ties(G)],
                  key=lambda tie: G.edges[tie].get("quality") in TOP_QUALITIES)


def styled_name(name: str, name_style: str) -> str:
    """Return a name as a privacy style writes it: in full, the first name, or initials.

    Parameters
    ----------
    name : str
        A name as recorded.
    name_style : {"full", "first", "initials"}
        One of :data:`NAME_STYLES`.

    Returns
    -------
    str
        The name with whitespace collapsed (see :func:`graph.map.labels.clean`), then
        shortened the way :mod:`graph.names` reads a label: to the first name
        (:func:`graph.names.first_name`: "Buurvrouw Annemarie van der Heijden-Bakker" ->
        "Annemarie", "Dominee Van Dam" -> "Dominee") or to the role and initials
        (:func:`graph.names.initials`: "Buurvrouw A.v.d.H.-B."). An empty name stays empty,
        except as initials ("?").

    Examples
    --------
    >>> [styled_name(" Jan  van Dijk", s) for s in NAME_STYLES]
    ['Jan van Dijk', 'Jan', 'J.v.D.']
    >>> [styled_name("Meneer en mevrouw de Boer", s) for s in NAME_STYLES]
    ['Meneer en mevrouw de Boer', 'Meneer en mevrouw', 'Meneer en mevrouw d.B.']
    """
    text = clean(name)
    if name_style == "first":
        return first_name(text)
    if name_style == "initials":
        return initials(text)
    return text

def screen_style() -> dict[str, Any]:
    """Return what ``web/static/graph.js`` needs to draw the frame and labels, as JSON data.

    The colours of this module under the keys the script reads, the screen's font and the
    label rules (names sit on plates of ``paper``, :data:`PLATE_RADIUS` round); sector, tie
    and ring colours travel with each node, edge and ring instead.

    Returns
    -------
    dict
        ``{"ink", "muted", "frameLine", "paper", "residentDisc", "frameDashes",
        "unknownOutline", "focus", "answered", "selected", "picked", "pickedLine", "hidden",
        "font", "labelTop", "labelBaseline", "ringNumberSize", "plateRadius", "states",
        "shapes"}``;
        ``states`` is :func:`state_style` per state, ``shapes`` :data:`SHAPE_OUTLINES`.

    Examples
    --------
    >>> style = screen_style()
    >>> style["ink"], style["frameDashes"], style["labelBaseline"]
    ('#1d2330', [5, 4], 0.8)
    """
    return {
        "ink": INK,
        "muted": MUTED,
        "frameLine": FRAME_LINE,
        "paper": PAPER,
        "residentDisc": RESIDENT_DISC,
        "frameDashes": list(FRAME_DASHES),
        "unknownOutline": list(_UNKNOWN_OUTLINE),
        **_SCREEN_COLOURS,
        "font": _SCREEN_FONT_FAMILY,
        "labelTop": LABEL_TOP,
        "labelBaseline": LABEL_BASELINE,
        "ringNumberSize": RING_NUMBER_SIZE,
        "plateRadius": PLATE_RADIUS,
        "states": {state: _plain(state_style(state)) for state in STATE_STYLES},
        "shapes": _plain(SHAPE_OUTLINES),
    }


def _plain(value: Any) -> Any:
    """Tuples as lists, for JSON."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return value
