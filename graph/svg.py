"""The netwerkkaart as a self-contained SVG, for the comparison page and the printed map.

:func:`netwerkkaart_svg` draws the same map as the screen (:mod:`graph.render` and
``web/static/graph.js``): the resident in the centre, three rings for closeness, one wedge
per sector, members placed by :func:`graph.layout.layout`, lines for the ties. It is pure:
a NetworkX graph in, an SVG string out, no Flask, no files, no network. The string can be
put inline in an HTML page (``|safe`` *only* for this output) or in the HTML that WeasyPrint
turns into the PDF for the kitchen table.

The map reads in black and white, so colour is never the only cue:

* **Shape per sector**, the shapes of :func:`graph.render.sector_shapes` (``dot``,
  ``square``, ``triangle``, ``diamond``, ``star``, ``triangleDown``; ``hexagon`` with a dashed
  outline for an unknown sector). Each shape is also drawn next to its sector label at the
  outer edge, so the map is its own legend. A light fill colour (the Okabe-Ito palette of
  ``graph.js``, mixed half with white) is an extra.
* **Line style per quality**, after :func:`graph.render.edge_style`: ``goed`` solid and
  thick, ``wisselend`` long dashes, ``gespannen`` dots (and a warning red), unknown thin,
  solid and grey. Dashes are ``stroke-dasharray``.
* **Highlights** (``highlight={"m3": "joined"}``) add a class to the member's group for the
  page's CSS *and* a thick ring around the shape for print.

Safety: every piece of user text (names, sector labels, the title, node ids) is stripped of
characters XML cannot hold and escaped; the output has no scripts, no event attributes, no
``style`` attributes (only presentation attributes, so a strict Content-Security-Policy
does not get in the way), no links, images or web fonts. The only URL is the SVG namespace.

Size and type
-------------
All drawing is in *viewBox units*. The outer ring always has radius :data:`VIEW_RADIUS`
(235 units: the layout scaled by one half, or less when the ring "onbekend" is drawn), so two
snapshots drawn side by side have the same scale. Around it is room for the sector labels:
``margin_x = 12 + 11 * font_size`` at the sides and ``margin_y = 12 + 4.5 * font_size`` at top
and bottom (a label is wrapped to 2 lines of at most 14 characters; DejaVu Sans is about
0.62 em per character, so 14 characters take about 8.7 em, after a gap and the legend shape).
With the default ``font_size=14``::

    width  = 2 * (235 + 12 + 11 * 14)  = 802 units
    height = 2 * (235 + 12 + 4.5 * 14) = 620 units (plus 1.9 * font_size for a title)

Printed 25 cm wide, one unit is 250 mm / 802 = 0.312 mm, so a 14-unit name is 4.36 mm =
12.4 pt (1 pt = 0.3528 mm): at least 12 pt, as asked for a 70-year-old reader. At another
print width ``w`` (mm) the margins grow with the type and the rings do not, so 12 pt
(4.233 mm) needs ``font_size * w / (2 * (247 + 11 * font_size)) >= 4.233``, that is
``font_size >= 2091 / (w - 93)``: 14 for 25 cm, 25 for 18 cm (A4 portrait). Ring
numbers are 0.8 times the name size, sector labels and the resident's name are bold at the
name size. A map with 40 members has about three members per ring-and-wedge cell; names are
wrapped to 2 lines of at most 16 characters (longer ones end in "…") and sit on a light
plate, so lines never run through them.

Examples
--------
>>> from graph.schema import new_network, add_member
>>> G = new_network("Riek")
>>> add_member(G, "m1", name="Ans de Wit", sector="familie", circle=1, quality="goed")
>>> svg = netwerkkaart_svg(G, sector_labels={"familie": "Familie"}, name_style="initials")
>>> svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
True
>>> 'data-shape="dot"' in svg, ">A.d.W.</tspan>" in svg, "Ans" in svg
(True, True, False)
"""

from __future__ import annotations

import math
import re
from collections.abc import Hashable, Iterable, Mapping
from typing import Any

import networkx as nx

from graph._attrs import member_nodes, name_of, node_key, sector_of
from graph.layout import RESIDENT_RADIUS, Frame, frame, layout, to_xy
from graph.render import EDGE_STYLES, edge_style, sector_colours, sector_shapes
from graph.schema import EGO

__all__ = [
    "FONT_FAMILY",
    "NAME_STYLES",
    "VIEW_RADIUS",
    "initials",
    "netwerkkaart_svg",
    "wrap",
]

#: Radius of the outer ring in viewBox units, whatever rings the map has.
VIEW_RADIUS = 235.0
#: The fonts asked for; DejaVu Sans is installed with WeasyPrint's usual font packages.
FONT_FAMILY = "DejaVu Sans, sans-serif"
#: The values of ``name_style``.
NAME_STYLES: tuple[str, ...] = ("full", "first", "initials")

# The sector and line colours are the screen's (graph.render); paper fills them lighter, so
# names and shapes stay dark on a grey printer.
_INK = "#1d2330"
_MUTED = "#5a6272"
_FRAME_LINE = "#8a92a0"

#: Average advance of a DejaVu Sans character, in em: used to size plates and margins.
_CHAR_EM = 0.62
_BOLD_EM = 0.7  # the same for DejaVu Sans Bold
_LINE = 1.2  # line height in em
_NAME_CHARS, _NAME_LINES = 16, 2
_RESIDENT_CHARS = 10
_SECTOR_CHARS = 14
_TITLE_CHARS = 70

# Characters XML 1.0 cannot hold (C0 controls but tab/newline/return, surrogates, U+FFFE/F).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_CLASS_TOKEN = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
_CSS_SIZE = re.compile(r"^(?:\d+(?:\.\d+)?|\.\d+)(?:%|mm|cm|in|px|pt|pc|em|rem|vw|vh)?$")


def _light(colour: str, amount: float = 0.5) -> str:
    """``colour`` mixed with white: ``amount`` 0 is the colour, 1 is white."""
    rgb = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(c + (255 - c) * amount):02X}" for c in rgb)


# -- text --------------------------------------------------------------------------------


def _clean(value: Any) -> str:
    """``value`` as text XML can hold, whitespace (newlines too) collapsed to single spaces."""
    return " ".join(_NOT_XML.sub("", str(value)).split())


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


def initials(name: str) -> str:
    """Return the initials of a name, each followed by a dot, without spaces.

    Each word gives its first letter or digit in its own case, so Dutch *tussenvoegsels*
    stay small: "Jan van Dijk" is "J.v.D.". A double name keeps its hyphen, as in Dutch
    initials: "Anne-Marie" is "A.-M.". Words without a letter or digit are left out; a name
    with none at all gives "?".

    Examples
    --------
    >>> initials("Jan van Dijk")
    'J.v.D.'
    >>> initials("Anne-Marie de Vries")
    'A.-M.d.V.'
    >>> initials("  ")
    '?'
    """
    words = []
    for word in _clean(name).split(" "):
        parts = [_first_alnum(part) for part in word.split("-")]
        parts = [p + "." for p in parts if p]
        if parts:
            words.append("-".join(parts))
    return "".join(words) or "?"


def _first_alnum(text: str) -> str:
    return next((c for c in text if c.isalnum()), "")


def _styled(name: str, name_style: str) -> str:
    text = _clean(name)
    if name_style == "first":
        return text.split(" ")[0] if text else text
    if name_style == "initials":
        return initials(text)
    return text


def wrap(text: str, width: int = _NAME_CHARS, lines: int = _NAME_LINES) -> list[str]:
    """Break ``text`` into at most ``lines`` lines of at most ``width`` characters.

    Lines break at spaces; a word longer than a line is cut. When the text does not fit,
    the last line is filled up and ends in "…" (and stays within ``width``).

    Examples
    --------
    >>> wrap("Mevrouw Jansen", 10)
    ['Mevrouw', 'Jansen']
    >>> wrap("Anne-Marie van den Berg-Hoogendoorn")
    ['Anne-Marie van', 'den Berg-Hoogen…']
    >>> wrap("x" * 200)
    ['xxxxxxxxxxxxxxxx', 'xxxxxxxxxxxxxxx…']
    """
    rest = _clean(text)
    out: list[str] = []
    while rest:
        if len(rest) <= width:
            out.append(rest)
            break
        if len(out) == lines - 1:  # the last line: as much as fits, then "…"
            out.append(rest[: width - 1].rstrip() + "…")
            break
        cut = rest.rfind(" ", 0, width + 1)
        if cut <= 0:  # one long word: cut it
            out.append(rest[:width])
            rest = rest[width:].lstrip()
        else:
            out.append(rest[:cut])
            rest = rest[cut + 1 :]
    return out or [""]


def _text_block(
    lines: list[str],
    x: float,
    first_baseline: float,
    size: float,
    *,
    anchor: str = "middle",
    bold: bool = False,
    fill: str = _INK,
    cls: str | None = None,
    node: Hashable | None = None,
) -> str:
    """One ``<text>`` with a ``<tspan>`` per line, each placed absolutely (WeasyPrint too)."""
    spans = "".join(
        f'<tspan x="{_num(x)}" y="{_num(first_baseline + i * _LINE * size)}">{_esc(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    weight = ' font-weight="bold"' if bold else ""
    klass = f" class={_attr(cls)}" if cls else ""
    if node is not None:
        klass += f" data-node={_attr(node)}"
    return (
        f'<text{klass} font-size="{_num(size)}" text-anchor="{anchor}" fill="{fill}"{weight}>'
        f"{spans}</text>"
    )


def _plate(lines: list[str], cx: float, top: float, size: float, *, anchor: str = "middle") -> str:
    """A light rounded plate behind a text block, so lines do not run through names."""
    width = max(len(line) for line in lines) * _CHAR_EM * size + 0.5 * size
    height = len(lines) * _LINE * size + 0.15 * size
    left = {"middle": cx - width / 2, "start": cx - 0.25 * size, "end": cx - width + 0.25 * size}
    return (
        f'<rect class="plate" x="{_num(left[anchor])}" y="{_num(top)}" width="{_num(width)}" '
        f'height="{_num(height)}" rx="{_num(0.25 * size)}" fill="#ffffff" fill-opacity="0.85"/>'
    )


# -- shapes ------------------------------------------------------------------------------


def _polygon(x: float, y: float, radius: float, angles: Iterable[float]) -> str:
    points = []
    for angle in angles:
        dx, dy = to_xy(radius, angle)
        points.append(f"{_num(x + dx)},{_num(y + dy)}")
    return " ".join(points)


def _star(x: float, y: float, outer: float, inner: float) -> str:
    points = []
    for i in range(10):
        dx, dy = to_xy(outer if i % 2 == 0 else inner, i * 36.0)
        points.append(f"{_num(x + dx)},{_num(y + dy)}")
    return " ".join(points)


def _shape(shape: str, x: float, y: float, r: float, fill: str, *, dashed: bool) -> str:
    """The SVG element of a vis-network shape of "size" ``r`` centred on ``(x, y)``."""
    paint = f'fill="{fill}" stroke="{_INK}" stroke-width="1.5" stroke-linejoin="round"'
    if dashed:
        paint += ' stroke-dasharray="4 3"'
    data = f'class="shape" data-shape="{shape}"'
    if shape == "dot":
        return f'<circle {data} cx="{_num(x)}" cy="{_num(y)}" r="{_num(r)}" {paint}/>'
    if shape == "square":
        side = 1.8 * r
        return (
            f'<rect {data} x="{_num(x - side / 2)}" y="{_num(y - side / 2)}" '
            f'width="{_num(side)}" height="{_num(side)}" {paint}/>'
        )
    points = {
        "triangle": lambda: _polygon(x, y + 0.2 * r, 1.3 * r, (0, 120, 240)),
        "triangleDown": lambda: _polygon(x, y - 0.2 * r, 1.3 * r, (180, 300, 60)),
        "diamond": lambda: _polygon(x, y, 1.3 * r, (0, 90, 180, 270)),
        "star": lambda: _star(x, y, 1.4 * r, 0.6 * r),
        "hexagon": lambda: _polygon(x, y, 1.1 * r, (0, 60, 120, 180, 240, 300)),
    }[shape]()
    return f'<polygon {data} points="{points}" {paint}/>'


def _fill(f: Frame, sector: str | None) -> str:
    colours = sector_colours(f.sectors)
    return _light(colours[sector if sector in colours else None])


def _label(labels: Mapping[Any, Any], key: Any) -> str:
    """The word for a code (lazy translations are evaluated); a code without one shows as
    itself, an unknown one as "?"."""
    if key in labels:
        return str(labels[key])
    return "?" if key is None else str(key)


# -- the parts of the map ----------------------------------------------------------------


def _frame(f: Frame, scale: float, size: float, sector_labels: Mapping) -> str:
    rings = f.rings()
    out = ['<g class="frame">']
    # ring fills, outermost first, so each inner ring covers the one around it
    for i, (circle, (_, r1)) in reversed(list(enumerate(rings.items()))):
        fill = "#eeeeea" if circle is None else ("#f3f5f8" if i % 2 else "#ffffff")
        out.append(f'<circle cx="0" cy="0" r="{_num(r1 * scale)}" fill="{fill}" stroke="none"/>')
    inner = RESIDENT_RADIUS * scale
    out.append(f'<circle cx="0" cy="0" r="{_num(inner)}" fill="#e8eef7" stroke="none"/>')
    line = f'fill="none" stroke="{_FRAME_LINE}" stroke-width="1.5"'
    out.append(f'<circle class="ring" cx="0" cy="0" r="{_num(inner)}" {line}/>')
    for circle, (_, r1) in rings.items():
        dash = ' stroke-dasharray="8 6"' if circle is None else ""
        out.append(f'<circle class="ring" cx="0" cy="0" r="{_num(r1 * scale)}" {line}{dash}/>')
    outer = f.outer_radius * scale
    for start, _ in f.wedges().values():
        x0, y0 = to_xy(inner, start)
        x1, y1 = to_xy(outer, start)
        out.append(
            f'<line class="wedge" x1="{_num(x0)}" y1="{_num(y0)}" x2="{_num(x1)}" '
            f'y2="{_num(y1)}" stroke="{_FRAME_LINE}" stroke-width="1.5"/>'
        )
    out.append(_ring_numbers(rings, scale, size, sector_labels))
    out.append(_sector_labels(f, size, sector_labels))
    out.append("</g>")
    return "".join(out)


def _ring_numbers(rings: dict, scale: float, size: float, sector_labels: Mapping) -> str:
    """Small numbered discs on the 12 o'clock line, one per ring; "onbekend" on a plate."""
    small = 0.8 * size
    out = ['<g class="ring-numbers">']
    for circle, (r0, r1) in rings.items():
        y = -(r0 + r1) / 2 * scale
        if circle is None:
            lines = wrap(_label(sector_labels, None), _SECTOR_CHARS, 1)
            out.append(_plate(lines, 0, y - 0.65 * _LINE * small, small))
            out.append(_text_block(lines, 0, y + 0.35 * small, small, fill=_MUTED))
            continue
        out.append(
            f'<circle cx="0" cy="{_num(y)}" r="{_num(0.75 * small)}" fill="#ffffff" '
            f'stroke="{_MUTED}" stroke-width="1"/>'
        )
        out.append(_text_block([str(circle)], 0, y + 0.35 * small, small, fill=_MUTED))
    out.append("</g>")
    return "".join(out)


def _sector_labels(f: Frame, size: float, sector_labels: Mapping) -> str:
    """At the outer edge of every wedge: its shape (the legend), then its label."""
    shapes = sector_shapes(f.sectors)
    legend = 0.5 * size
    out = ['<g class="sector-labels">']
    for sector, (start, end) in f.wedges().items():
        mid = (start + end) / 2
        sin, cos = math.sin(math.radians(mid)), math.cos(math.radians(mid))
        sx, sy = to_xy(VIEW_RADIUS + 6 + legend, mid)
        out.append(
            _shape(shapes[sector], sx, sy, legend, _fill(f, sector), dashed=sector is None)
        )
        x, y = to_xy(VIEW_RADIUS + 14 + 2 * legend, mid)
        lines = wrap(_label(sector_labels, sector), _SECTOR_CHARS, 2)
        anchor = "start" if sin > 0.25 else "end" if sin < -0.25 else "middle"
        block = len(lines) * _LINE * size
        if cos > 0.25:  # upper half: the block ends at the point
            top = y - block
        elif cos < -0.25:  # lower half: the block starts at the point
            top = y
        else:
            top = y - block / 2
        first = top + 0.95 * size
        out.append(_text_block(lines, x, first, size, anchor=anchor, bold=True))
    out.append("</g>")
    return "".join(out)


def _ties(G: nx.Graph, pos: dict[Hashable, tuple[float, float]]) -> str:
    ego_ties = [(EGO, n) for n in member_nodes(G) if EGO in G and G.has_edge(EGO, n)]
    member_ties = sorted(
        (tuple(sorted((u, v), key=node_key)) for u, v in G.edges if EGO not in (u, v)),
        key=lambda t: (node_key(t[0]), node_key(t[1])),
    )
    out = ['<g class="ties" fill="none">']
    for u, v in [*ego_ties, *member_ties]:
        quality = G.edges[u, v].get("quality") or None
        style = edge_style(quality)
        known = quality in EDGE_STYLES
        colour = style["colour"]
        dashes = style["dashes"]
        dash = f' stroke-dasharray="{" ".join(_num(d) for d in dashes)}"' if dashes else ""
        kind = "ego-tie" if u == EGO else "member-tie"
        (x1, y1), (x2, y2) = pos[u], pos[v]
        out.append(
            f'<line class="tie {kind} {quality if known else "unknown"}" '
            f'data-quality={_attr(quality if known else "")} '
            f'x1="{_num(x1)}" y1="{_num(y1)}" x2="{_num(x2)}" y2="{_num(y2)}" '
            f'stroke="{colour}" stroke-width="{_num(style["width"])}"{dash} '
            f'stroke-linecap="round"/>'
        )
    out.append("</g>")
    return "".join(out)


def _classes(base: str, highlight: Mapping | None, node: Hashable) -> tuple[str, bool]:
    """The group's class (``base`` plus the valid highlight tokens) and whether to mark it."""
    if not highlight or node not in highlight or not highlight[node]:
        return base, False
    tokens = [t for t in str(highlight[node]).split() if _CLASS_TOKEN.match(t)]
    return " ".join([base, *dict.fromkeys(tokens)]), True


def _member(
    G: nx.Graph,
    node: Hashable,
    f: Frame,
    xy: tuple[float, float],
    size: float,
    name_style: str,
    highlight: Mapping | None,
) -> tuple[str, str, str]:
    """The member's name plate, its group (title, marker, shape) and its name."""
    x, y = xy
    sector = sector_of(G, node, f.sectors)
    shape = sector_shapes(f.sectors)[sector]
    r = 0.7 * size
    name = _styled(name_of(G, node), name_style) or _clean(node) or "?"
    lines = wrap(name)
    cls, marked = _classes("member", highlight, node)
    group = [f"<g class={_attr(cls)} data-node={_attr(node)}>", f"<title>{_esc(name)}</title>"]
    if marked:
        group.append(
            f'<circle class="marker" cx="{_num(x)}" cy="{_num(y)}" r="{_num(1.8 * r)}" '
            f'fill="#ffffff" stroke="{_INK}" stroke-width="3"/>'
        )
    group.append(_shape(shape, x, y, r, _fill(f, sector), dashed=sector is None))
    group.append("</g>")
    top = y + (1.8 * r if marked else 1.45 * r) + 0.1 * size
    name_cls, _ = _classes("name", highlight, node)
    text = _text_block(lines, x, top + 0.95 * size, size, cls=name_cls, node=node)
    return _plate(lines, x, top, size), "".join(group), text


def _resident(
    G: nx.Graph, scale: float, size: float, name_style: str, highlight: Mapping | None
) -> str:
    raw = G.nodes[EGO].get("name")
    name = _styled(raw, name_style) if raw is not None and _clean(raw) else ""
    lines = wrap(name, _RESIDENT_CHARS, _NAME_LINES) if name else []
    longest = max((len(line) for line in lines), default=0)
    disc = RESIDENT_RADIUS * scale
    # an ellipse around a w x h text block: semi-axes about w/2 and h/2 times sqrt(2)
    text_w, text_h = longest * _BOLD_EM * size, len(lines) * _LINE * size
    rx = min(max(0.75 * text_w + 0.3 * size, 0.75 * disc), 1.5 * disc)
    ry = max(0.7 * text_h + 0.2 * size, 0.6 * disc)
    cls, marked = _classes("resident", highlight, EGO)
    out = [f'<g class={_attr(cls)} data-node={_attr(EGO)}>']
    if name:
        out.append(f"<title>{_esc(name)}</title>")
    if marked:
        out.append(
            f'<ellipse class="marker" cx="0" cy="0" rx="{_num(rx + 5)}" ry="{_num(ry + 5)}" '
            f'fill="none" stroke="{_INK}" stroke-width="3"/>'
        )
    out.append(
        f'<ellipse class="shape" data-shape="ellipse" cx="0" cy="0" rx="{_num(rx)}" '
        f'ry="{_num(ry)}" fill="#ffffff" stroke="{_INK}" stroke-width="2.5"/>'
    )
    if lines:
        first = -(len(lines) * _LINE * size) / 2 + 0.95 * size
        out.append(_text_block(lines, 0, first, size, bold=True, cls="name"))
    else:  # no name recorded: a small figure of a person, no words to translate
        h = 0.9 * size
        out.append(
            f'<g class="person" fill="none" stroke="{_INK}" stroke-width="2">'
            f'<circle cx="0" cy="{_num(-0.45 * h)}" r="{_num(0.35 * h)}"/>'
            f'<path d="M {_num(-0.7 * h)} {_num(0.75 * h)} Q 0 {_num(-0.25 * h)} '
            f'{_num(0.7 * h)} {_num(0.75 * h)}"/></g>'
        )
    out.append("</g>")
    return "".join(out)


# -- the map -----------------------------------------------------------------------------


def netwerkkaart_svg(
    G: nx.Graph,
    *,
    sectors: Iterable[str] | None = None,
    sector_labels: Mapping[str | None, Any],
    title: str | None = None,
    name_style: str = "full",
    font_size: float = 14,
    width: str | None = None,
    height: str | None = None,
    highlight: Mapping[Hashable, str] | None = None,
) -> str:
    """Return the netwerkkaart of ``G`` as a standalone SVG document (one ``<svg>`` element).

    Parameters
    ----------
    G : networkx.Graph
        A resident's network (see :mod:`graph.schema`).
    sectors : iterable of str, optional
        The configured sector codes, default ``G.graph["sectors"]``; the same as for
        :func:`graph.render.map_payload`, so the map matches the screen.
    sector_labels : mapping
        Words for the sector codes, translated by the caller (lazy strings are fine). The key
        ``None`` ("Onbekend") labels the wedge of unknown sectors *and* the outer ring of
        unknown circles. A code without a word shows as itself.
    title : str, optional
        A heading above the map (e.g. a snapshot's date), also the SVG's ``<title>``.
    name_style : {"full", "first", "initials"}
        How names are written: as recorded, the first word only ("Jan van Dijk" -> "Jan"),
        or initials for a privacy-friendly print ("J.v.D.", see :func:`initials`). Applies
        to the resident as well, and to the hover titles.
    font_size : float
        Size of the names in viewBox units (see "Size and type" in the module docstring:
        14 gives 12.4 pt on a map printed 25 cm wide).
    width, height : str, optional
        CSS sizes for the ``<svg>`` element, e.g. ``"100%"`` or ``"180mm"``; left out when
        ``None`` (the element then scales to its container, keeping its aspect ratio).
    highlight : mapping, optional
        ``{node: "class names"}``: adds the (valid CSS identifier) classes to the node's
        group, e.g. ``class="member joined"``, and draws a thick ring around it so the mark
        also shows in print.

    Returns
    -------
    str
        ``<svg xmlns=... viewBox=...>...</svg>``, deterministic for the same input. Layers:
        ``g.frame`` (rings, wedges, ring numbers, sector labels with legend shapes),
        ``g.ties`` (``line.tie.ego-tie|member-tie.<quality>|unknown``), ``g.plates`` (light
        plates under the names), ``g.members`` (one ``g.member`` per member with
        ``data-node``, a ``<title>`` and the shape with ``data-shape``), ``g.names`` (one
        ``text.name`` per member with ``data-node``, carrying the highlight classes too) and
        the resident's ``g.resident``. Shapes are drawn over the plates and names over the
        shapes, so a long name never hides another member; the resident is drawn last.

    Raises
    ------
    ValueError
        For an unknown ``name_style``, a ``font_size`` that is not positive, or a
        ``width``/``height`` that is not a plain CSS length or percentage.

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
    ('-401 -310 802 620', '100%')
    >>> ns = {"s": "http://www.w3.org/2000/svg"}
    >>> [(g.get("class"), g.get("data-node")) for g in root.iterfind(".//s:g[@data-node]", ns)]
    [('member', 'm1'), ('member joined', 'm2'), ('resident', 'ego')]
    >>> names = root.iterfind(".//s:text[@data-node]", ns)
    >>> [(t.get("class"), "".join(t.itertext())) for t in names]
    [('name', 'Ans'), ('name joined', 'Bob')]
    >>> [line.get("stroke-dasharray") for line in root.iterfind(".//s:line[@data-quality]", ns)]
    ['12 8', None, '2 6']
    """
    if name_style not in NAME_STYLES:
        raise ValueError(f"name_style: expected one of {NAME_STYLES}, got {name_style!r}")
    size = float(font_size)
    if not math.isfinite(size) or size <= 0:
        raise ValueError(f"font_size: expected a positive number, got {font_size!r}")
    for field, value in (("width", width), ("height", height)):
        if value is not None and not _CSS_SIZE.match(str(value).strip()):
            raise ValueError(f"{field}: expected a CSS length such as '100%' or '180mm'")

    f = frame(G, sectors=sectors)
    scale = VIEW_RADIUS / f.outer_radius
    pos = {n: (x * scale, y * scale) for n, (x, y) in layout(G, sectors=sectors).items()}

    margin_x = 12 + 11 * size
    margin_y = 12 + 4.5 * size
    title_text = wrap(title, _TITLE_CHARS, 1)[0] if title is not None and _clean(title) else ""
    title_band = 1.9 * size if title_text else 0.0
    left, top = -(VIEW_RADIUS + margin_x), -(VIEW_RADIUS + margin_y) - title_band
    box_w, box_h = 2 * (VIEW_RADIUS + margin_x), 2 * (VIEW_RADIUS + margin_y) + title_band

    size_attrs = "".join(
        f' {field}="{_esc(str(value).strip())}"'
        for field, value in (("width", width), ("height", height))
        if value is not None
    )
    out = [
        '<svg xmlns="http://www.w3.org/2000/svg" version="1.1" role="img" '
        f'class="netwerkkaart" viewBox="{_num(left)} {_num(top)} {_num(box_w)} {_num(box_h)}"'
        f'{size_attrs} font-family="{FONT_FAMILY}" font-size="{_num(size)}">'
    ]
    if title_text:
        out.append(f"<title>{_esc(title_text)}</title>")
        out.append(
            _text_block([title_text], 0, top + 1.3 * size, 1.3 * size, bold=True, cls="title")
        )
    out.append(_frame(f, scale, size, sector_labels))
    out.append(_ties(G, pos))
    # Plates under the shapes, names over them: a name never hides another member. The
    # resident comes last, so the centre of the map is always readable.
    parts = [_member(G, n, f, pos[n], size, name_style, highlight) for n in member_nodes(G)]
    for cls, index in (("plates", 0), ("members", 1), ("names", 2)):
        out.append(f'<g class="{cls}">{"".join(p[index] for p in parts)}</g>')
    if EGO in G:
        out.append(_resident(G, scale, size, name_style, highlight))
    out.append("</svg>")
    return "".join(out)
