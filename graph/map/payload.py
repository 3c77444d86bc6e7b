"""The netwerkkaart for the screen: a resident's network as plain, JSON-able data.

:func:`map_payload` turns a network (see :mod:`graph.schema`) into nodes, edges and the
frame of rings and wedges (see :mod:`graph.map.layout`). The web layer embeds the result in the
page with Jinja's ``|tojson`` inside ``<script type="application/json" id="map-data">`` and
the static script ``web/static/graph.js`` draws it with vis-network, with physics off and
every position fixed.

Everything in the payload is **plain text**: names, labels and details are passed through
exactly as recorded, and the payload adds no markup of its own. Escaping is the job of the
template (``|tojson`` escapes ``<``, ``>``, ``&`` and ``'``) and of the script, which builds
its tooltip with ``textContent`` and draws labels with ``fillText``. Tooltips are therefore
*not* given to vis-network as ``title`` (vis-network switches a title containing ``href``
to ``innerHTML``).

The map reads without colour: every member has the shape of their sector and every tie the
line style of its quality, colour comes on top. Shapes, colours and line styles are those of
:mod:`graph.map.style`, the same on the screen and on paper (:mod:`graph.map.svg`), so a
resident finds their map back. With the default sectors: familie = dot, vrienden = square,
buren = triangle, werk_school_club = diamond, professionals = star; an unknown sector is a
hexagon, the resident an ellipse with the name written inside it.

Placement (the payload contract)
--------------------------------
Positions and labels come from :func:`graph.map.placement.place` for a screen target
(``target``, default ``"screen-1280"``; see :data:`graph.map.placement.TARGETS`), the same
placement the paper map uses for its sheet. All lengths are in the **same coordinates as the
nodes' x/y** (layout units, resident at ``(0, 0)``, y downward); boxes are
``{"x", "y", "w", "h"}`` with ``x``/``y`` the **top-left corner**. Nothing in a box overlaps
another box (a member's own shape and label excepted), and everything lies in ``sheet``.

Per node (members and the resident):

* ``label``: the full name, as recorded (for the tooltip, the list and screen readers);
* ``lines``: the label as drawn, wrapped at word boundaries (Dutch hyphenation only inside a
  word too long for a line); ``shortened`` is true when the last line ends in "…";
* ``labelBox``: the box of the lines; draw line ``i`` centred on
  ``labelBox.x + labelBox.w / 2``, its baseline at
  ``labelBox.y + labelTop * fontSize + (i + labelBaseline) * lineHeight * fontSize``
  (``labelTop`` and ``labelBaseline`` in ``style``);
* ``fontSize``: the name size (equal for all nodes; the resident's is bold);
* ``shapeSize`` (members): the radius of the shape, drawn centred on ``x``/``y``;
  ``shapeBox``: the box it may fill (the resident's: the box of its ellipse, drawn
  centred on ``(0, 0)``, at least the disc of ``frame.resident_radius``).

In ``frame``: every ring has ``lines`` and ``labelBox`` (its number on the 12 o'clock line, or
"onbekend"), every wedge ``lines`` and ``labelBox`` (its sector word, bold, outside the outer
ring), ring ``inner``/``outer`` and wedge ``start``/``end`` are the sized rings and wedges of
:func:`graph.map.layout.frame` (crowded ones are larger), and ``placement`` is
``{"target", "fontSize", "lineHeight", "shapeSize", "sheet", "scale"}``: ``sheet`` the box
the map fills, ``scale`` the target's pixels per layout unit (the canvas is ``sheet.w *
scale`` pixels wide at the target's size).

Examples
--------
>>> from graph.schema import new_network, add_member
>>> G = new_network("Riek")
>>> add_member(G, "m1", name="Ans", sector="familie", circle=1, quality="goed")
>>> p = map_payload(G, sector_labels={"familie": "Familie"}, circle_labels={1: "1"},
...                 quality_labels={"goed": "Goed"}, support_labels={}, frequency_labels={},
...                 detail_labels={"sector": "Sector", "circle": "Cirkel", "quality": "Relatie"})
>>> [(n["id"], n["label"], n["shape"]) for n in p["nodes"]]
[('ego', 'Riek', 'ellipse'), ('m1', 'Ans', 'dot')]
>>> p["nodes"][1]["details"]
[['Sector', 'Familie'], ['Cirkel', '1'], ['Relatie', 'Goed']]
>>> p["edges"][0]["id"], p["edges"][0]["dashes"], p["edges"][0]["width"]
('ego|m1', False, 4)
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from typing import Any

import networkx as nx

from graph.attributes import circle_of, member_nodes, name_of, sector_of, state_of
from graph.map.labels import word_for
from graph.map.layout import RESIDENT_RADIUS
from graph.map.placement import Label, place
from graph.map.style import (
    LINE_HEIGHT,
    RESIDENT_SHAPE,
    drawn_ties,
    edge_style,
    ring_fill,
    screen_style,
    sector_colours,
    sector_shapes,
)
from graph.schema import EGO, relation

__all__ = ["DETAIL_FIELDS", "map_payload"]

#: The tooltip details of a member, in this order; the keys of ``detail_labels``.
DETAIL_FIELDS: tuple[str, ...] = (
    "state",
    "sector",
    "circle",
    "support",
    "reciprocal",
    "gives",
    "frequency",
    "quality",
    "willing",
    "talents",
)


def _text(value: Any) -> str | None:
    """Free text as recorded, or ``None`` when nothing (or only spaces) was recorded."""
    if value is None:
        return None
    text = str(value)
    return text if text.strip() else None


def _details(
    G: nx.Graph,
    node: Hashable,
    sector: str | None,
    circle: int | None,
    *,
    sector_labels: Mapping,
    circle_labels: Mapping,
    quality_labels: Mapping,
    support_labels: Mapping,
    frequency_labels: Mapping,
    detail_labels: Mapping,
    reciprocal_labels: Mapping,
    state_labels: Mapping,
) -> list[list[str]]:
    person, rel = G.nodes[node], relation(G, node)
    state = state_of(G, node)
    gives = ", ".join(word_for(support_labels, k) for k in rel.get("gives") or ()) or None
    values: dict[str, str | None] = {
        "state": word_for(state_labels, state) if state is not None else None,
        "sector": word_for(sector_labels, sector) if sector is not None else None,
        "circle": word_for(circle_labels, circle) if circle is not None else None,
        "support": ", ".join(word_for(support_labels, k) for k in rel.get("support") or ())
        or None,
        # the yes/no only where no kind is recorded (a member recorded before the kinds)
        "reciprocal": (
            word_for(reciprocal_labels, rel["reciprocal"])
            if rel.get("reciprocal") in (True, False) and gives is None
            else None
        ),
        "gives": gives,
        "frequency": word_for(frequency_labels, rel["frequency"]) if rel.get("frequency") else None,
        "quality": word_for(quality_labels, rel["quality"]) if rel.get("quality") else None,
        "willing": _text(person.get("willing")),
        "talents": _text(person.get("talents")),
    }
    return [
        [word_for(detail_labels, field), value]
        for field in DETAIL_FIELDS
        if (value := values[field]) is not None
    ]


def map_payload(
    G: nx.Graph,
    *,
    sectors: Iterable[str] | None = None,
    sector_labels: Mapping[str | None, str],
    circle_labels: Mapping[int | None, str],
    quality_labels: Mapping[str | None, str],
    support_labels: Mapping[str, str],
    frequency_labels: Mapping[str | None, str],
    detail_labels: Mapping[str, str],
    reciprocal_labels: Mapping[bool | None, str] | None = None,
    state_labels: Mapping[str | None, str] | None = None,
    target: str = "screen-1280",
) -> dict[str, Any]:
    """Return the netwerkkaart of ``G`` as JSON-able data for ``web/static/graph.js``.

    Parameters
    ----------
    G : networkx.Graph
        A resident's network (see :mod:`graph.schema`).
    sectors : iterable of str, optional
        The configured sector codes, default ``G.graph["sectors"]``; passed to
        :func:`graph.map.layout.layout` and :func:`graph.map.layout.frame`.
    sector_labels, circle_labels, quality_labels, frequency_labels : mapping
        Words for the codes, translated by the caller; the key ``None`` is "onbekend"
        (used for the extra wedge and ring). A code without a label shows as itself.
    support_labels : mapping
        Words for the support kinds.
    detail_labels : mapping
        Words for the tooltip fields, keyed by :data:`DETAIL_FIELDS` (``"state"``,
        ``"sector"``, ``"circle"``, ``"support"``, ``"reciprocal"``, ``"gives"``,
        ``"frequency"``, ``"quality"``, ``"willing"``, ``"talents"``). Also read: ``"yes"``
        and ``"no"`` for reciprocity when ``reciprocal_labels`` is not given, and
        ``"resident"`` as the resident's label when no name was recorded.
    reciprocal_labels : mapping, optional
        Words for reciprocity keyed ``True`` / ``False``, e.g.
        ``web.core.labels.RECIPROCAL_LABELS``; shown only for a member without ``gives``
        (a yes/no recorded before the kinds were asked).
    state_labels : mapping, optional
        Words for the member states (:data:`graph.schema.MEMBER_STATES`); a state without
        a word shows as its code.
    target : str
        The :data:`graph.map.placement.TARGETS` key the labels are placed for.

    Returns
    -------
    dict
        ``{"nodes": [...], "edges": [...], "style": {...}, "frame": {...}}``, only
        ``str``, numbers, booleans, ``None``, lists and dicts:

        * ``nodes``: the resident first, then the members in natural id order, each
          ``{"id", "label", "x", "y", "shape", "colour", "sector", "circle", "ego",
          "details"}`` and for members ``"state"`` (the resident's ``colour`` is ``None``:
          drawn white); a member's ``state`` (``None``: in the resident's life now) is
          painted as ``style["states"][state]`` says (:func:`graph.map.style.state_style`);
          ``x``/``y`` are :func:`graph.map.layout.layout`, ``sector``/``circle`` are the cell the
          member is drawn in (``None`` = unknown), ``details`` is ``[[label, value], ...]``
          with only the known values (the resident's is empty).
        * ``edges``: the resident's ties first (``from`` the resident), then the ties between
          members, the strained ones last of all (:func:`graph.map.style.drawn_ties`), each
          ``{"id": "u|v", "from", "to", "quality", "dashes", "width", "colour", "ego"}`` and,
          for a strained tie, ``"casing"``: the width of the band of paper colour on either
          side, drawn under the line.
        * ``style``: the frame's colours, the screen's font and the label rules,
          :func:`graph.map.style.screen_style` (``graph.js`` writes no colour of its own).
        * ``frame``: ``{"rings": [{"circle", "inner", "outer", "fill", "label"}], "wedges":
          [{"sector", "start", "end", "label"}], "outer", "resident_radius", "sectors",
          "unknown_sector", "unknown_circle"}``, equal to :func:`graph.map.layout.frame`.

    Examples
    --------
    >>> from graph.schema import new_network, add_member
    >>> G = new_network("Riek", sectors=("familie", "buren"))
    >>> add_member(G, "m1", name="Ans", talents="  ")
    >>> p = map_payload(G, sector_labels={None: "Onbekend"}, circle_labels={None: "Onbekend"},
    ...                 quality_labels={}, support_labels={}, frequency_labels={},
    ...                 detail_labels={})
    >>> m1 = p["nodes"][1]
    >>> m1["shape"], m1["sector"], m1["circle"], m1["details"]
    ('hexagon', None, None, [])
    >>> [(w["sector"], w["start"], w["label"]) for w in p["frame"]["wedges"]]
    [('familie', 0.0, 'familie'), ('buren', 98.18, 'buren'), (None, 196.36, 'Onbekend')]
    >>> p["frame"]["outer"], p["frame"]["unknown_circle"]
    (600.0, True)
    """
    placed = place(G, target, sectors=sectors, sector_labels=sector_labels)
    f, pos = placed.frame, placed.positions
    shapes = sector_shapes(f.sectors)
    colours = sector_colours(f.sectors)
    if reciprocal_labels is None:
        reciprocal_labels = {
            True: detail_labels.get("yes", "ja"),
            False: detail_labels.get("no", "nee"),
        }
    labels = {
        "sector_labels": sector_labels,
        "circle_labels": circle_labels,
        "quality_labels": quality_labels,
        "support_labels": support_labels,
        "frequency_labels": frequency_labels,
        "detail_labels": detail_labels,
        "reciprocal_labels": reciprocal_labels,
        "state_labels": state_labels or {},
    }

    nodes: list[dict[str, Any]] = []
    if EGO in G:
        x, y = 0.0, 0.0
        resident = _text(G.nodes[EGO].get("name"))
        nodes.append(
            {
                "id": str(EGO),
                "label": resident if resident is not None else word_for(detail_labels, "resident"),
                "x": float(x),
                "y": float(y),
                "shape": RESIDENT_SHAPE,
                "colour": None,
                "sector": None,
                "circle": None,
                "ego": True,
                "details": [],
                **_label_keys(placed.resident),
                "shapeBox": placed.resident_shape.as_dict() if placed.resident_shape else None,
            }
        )
    for node in member_nodes(G):
        x, y = pos[node]
        sector, circle = sector_of(G, node, f.sectors), circle_of(G, node)
        nodes.append(
            {
                "id": str(node),
                "label": name_of(G, node),
                "x": float(x),
                "y": float(y),
                "shape": shapes[sector],
                "colour": colours[sector],
                "sector": sector,
                "circle": circle,
                "state": state_of(G, node),
                "ego": False,
                "details": _details(G, node, sector, circle, **labels),
                # the kinds of support each way, for the questions asked on the map
                "support": list(relation(G, node).get("support") or ()),
                "gives": list(relation(G, node).get("gives") or ()),
                **_label_keys(placed.labels[node]),
                "shapeSize": round(placed.shape_size, 2),
                "shapeBox": placed.shapes[node].as_dict(),
            }
        )

    edges: list[dict[str, Any]] = []
    for u, v in drawn_ties(G):
        quality = G.edges[u, v].get("quality") or None
        edges.append(
            {
                "id": f"{u}|{v}",
                "from": str(u),
                "to": str(v),
                "quality": quality,
                **edge_style(quality),
                "ego": u == EGO,
            }
        )

    return {
        "nodes": nodes,
        "edges": edges,
        "style": screen_style(),
        "frame": {
            "rings": [
                {"circle": c, "inner": r0, "outer": r1, "fill": ring_fill(c, i),
                 "label": word_for(circle_labels, c), **_frameword_for(placed.ring_labels[c])}
                for i, (c, (r0, r1)) in enumerate(f.rings().items())
            ],
            "wedges": [
                {"sector": s, "start": a0, "end": a1, "label": word_for(sector_labels, s),
                 **_frameword_for(placed.sector_labels[s])}
                for s, (a0, a1) in f.wedges().items()
            ],
            "outer": f.outer_radius,
            "resident_radius": RESIDENT_RADIUS,
            "sectors": list(f.sectors),
            "unknown_sector": f.unknown_sector,
            "unknown_circle": f.unknown_circle,
            "placement": {
                "target": placed.target.name,
                "fontSize": round(placed.font, 2),
                "lineHeight": LINE_HEIGHT,
                "shapeSize": round(placed.shape_size, 2),
                "sheet": placed.sheet.as_dict(),
                "scale": round(1 / placed.target.scale(f.outer_radius), 4),
            },
        },
    }


def _frameword_for(label: Label) -> dict[str, Any]:
    return {"lines": list(label.lines), "labelBox": label.box.as_dict()}


def _label_keys(label: Label | None) -> dict[str, Any]:
    """A node's drawn label: see "Placement" in the module docstring."""
    if label is None:
        return {"lines": [], "labelBox": None, "fontSize": None, "shortened": False}
    return {
        "lines": list(label.lines),
        "labelBox": label.box.as_dict(),
        "fontSize": round(label.font, 2),
        "shortened": label.shortened,
    }
