"""The netwerkkaart layout: the resident in the centre, circles for closeness, sector wedges.

Coordinates are *screen coordinates* in abstract units, as vis-network, SVG and the canvas use
them: the resident sits at ``(0, 0)``, **x grows to the right and y grows downward**. Angles
are in degrees, measured **clockwise from 12 o'clock** (straight up), like a clock face, so
the first sector starts at the top and the sectors follow each other clockwise.

The map, from the centre outward:

========  ==============================  =========================================
circle    radius (units)                  meaning
========  ==============================  =========================================
resident  0 to 80                         the resident's disc
1         80 to 210                       closest
2         210 to 340
3         340 to 470                      furthest
``None``  470 to 600                      circle unknown ("onbekend"), drawn only
                                          when a member's circle is unknown
========  ==============================  =========================================

These are the *even* rings (:func:`ring_bounds`); the map of a resident sizes them by how
many people they hold (:func:`frame`): between the resident's disc and the outer ring,
a crowded circle gets more of the width. Members whose circle is unknown get their own
outer band rather than being put in circle 3:
the map must not suggest a distance nobody recorded, and a coach sees at a glance who still
needs a place. In the same way the plane is divided into one equal wedge per configured
sector (``G.graph["sectors"]``, default :data:`graph.schema.SECTORS`), in order, its angle
growing with the people it holds, and members with an unknown sector (or a sector code that is
no longer configured) get an extra wedge "onbekend" at the end, only when there are any.

Every member is placed inside its own ring-and-wedge *cell*. The members of a cell, in
natural node-id order (``m2`` before ``m10``), fill one or more arcs ("rows") inside it; the
number of rows and the members per row are chosen to make the smallest distance between two
members of the cell as large as possible. Members of one cell are at least that distance
``s`` apart and at least ``s / 2`` away from the cell's borders, so members of neighbouring
cells never overlap either. The result depends only on the graph's content, never on the
order in which nodes were added.

Examples
--------
>>> from graph.schema import new_network, add_member
>>> G = new_network("Riek")
>>> add_member(G, "m1", name="Ans", sector="familie", circle=1)
>>> pos = layout(G)
>>> pos["ego"]
(0.0, 0.0)
>>> f = frame(G)
>>> f.wedges()["familie"]  # weight 2.5 of 8.5: the largest wedge
(0.0, 105.88)
>>> pos["m1"]  # alone in the familie wedge of circle 1: in its middle
(166.1, -125.44)
>>> f.locate(*pos["m1"])
(1, 'familie')
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, replace

import networkx as nx

from graph.attributes import circle_of, member_nodes, sector_of, sectors_of
from graph.schema import CIRCLES, EGO, SECTORS

__all__ = [
    "RESIDENT_RADIUS",
    "RING_RADII",
    "RING_WIDTH",
    "UNKNOWN_RING",
    "EVEN_RING_SHARE",
    "MIN_RING_SHARE",
    "WEDGE_BASE",
    "Frame",
    "frame",
    "layout",
    "locate",
    "ring_bounds",
    "to_polar",
    "to_xy",
    "wedge_bounds",
]

#: Radius of the resident's disc in the centre.
RESIDENT_RADIUS = 80.0
#: Width of each ring.
RING_WIDTH = 130.0
#: Ring boundaries: circle ``k`` lies between ``RING_RADII[k - 1]`` and ``RING_RADII[k]``.
RING_RADII: tuple[float, ...] = tuple(RESIDENT_RADIUS + i * RING_WIDTH for i in range(4))
#: Inner and outer radius of the band for members whose circle is unknown.
UNKNOWN_RING: tuple[float, float] = (RING_RADII[-1], RING_RADII[-1] + RING_WIDTH)

Position = tuple[float, float]


def to_xy(radius: float, angle: float) -> Position:
    """Return the screen point at ``radius`` and ``angle`` (degrees clockwise from up).

    Examples
    --------
    >>> to_xy(100, 0)     # straight up: y is negative on screen
    (0.0, -100.0)
    >>> to_xy(100, 90)    # 3 o'clock
    (100.0, -0.0)
    """
    a = math.radians(angle)
    return (round(radius * math.sin(a), 10), round(-radius * math.cos(a), 10))


def to_polar(x: float, y: float) -> tuple[float, float]:
    """Return ``(radius, angle)`` of a screen point, the angle in ``[0, 360)``.

    Examples
    --------
    >>> to_polar(0, -100)
    (100.0, 0.0)
    >>> to_polar(-100, 0)  # 9 o'clock
    (100.0, 270.0)
    """
    angle = math.degrees(math.atan2(x, -y)) % 360.0
    return (math.hypot(x, y), 0.0 if angle >= 360.0 else angle)


def ring_bounds(*, unknown_circle: bool = False) -> dict[int | None, tuple[float, float]]:
    """Return ``{circle: (inner radius, outer radius)}``, innermost first.

    Parameters
    ----------
    unknown_circle : bool
        Add the outer band ``None`` for members whose circle is unknown.

    Examples
    --------
    >>> ring_bounds()
    {1: (80.0, 210.0), 2: (210.0, 340.0), 3: (340.0, 470.0)}
    >>> ring_bounds(unknown_circle=True)[None]
    (470.0, 600.0)
    """
    rings: dict[int | None, tuple[float, float]] = {
        c: (RING_RADII[i], RING_RADII[i + 1]) for i, c in enumerate(CIRCLES)
    }
    if unknown_circle:
        rings[None] = UNKNOWN_RING
    return rings


def wedge_bounds(
    sectors: Iterable[str] | None = None, *, unknown_sector: bool = False
) -> dict[str | None, tuple[float, float]]:
    """Return ``{sector: (start angle, end angle)}`` in degrees clockwise from 12 o'clock.

    Every wedge has the same angle; the first starts at 0 (straight up). The wedge of
    unknown sectors (key ``None``) comes last, only when ``unknown_sector`` is true. Draw the
    wedge borders at the start angles and a label at ``(start + end) / 2``.

    Parameters
    ----------
    sectors : iterable of str, optional
        The configured sector codes, default :data:`graph.schema.SECTORS`.
    unknown_sector : bool
        Add a wedge ``None`` for members whose sector is unknown.

    Examples
    --------
    >>> wedge_bounds(["familie", "buren"], unknown_sector=True)
    {'familie': (0.0, 120.0), 'buren': (120.0, 240.0), None: (240.0, 360.0)}
    """
    keys: list[str | None] = list(SECTORS if sectors is None else sectors)
    if unknown_sector or not keys:
        keys.append(None)
    step = 360.0 / len(keys)
    return {key: (i * step, (i + 1) * step) for i, key in enumerate(keys)}


def locate(
    x: float,
    y: float,
    sectors: Iterable[str] | None = None,
    *,
    unknown_sector: bool = False,
    unknown_circle: bool = False,
) -> tuple[int | None, str | None] | None:
    """Return the ``(circle, sector)`` cell a screen point falls in, the inverse of the layout.

    Used to read where the coach dropped a member on the map. Rings and wedges include their
    inner border and exclude their outer one.

    Parameters
    ----------
    x, y : float
        Screen coordinates (y downward), resident at ``(0, 0)``.
    sectors, unknown_sector, unknown_circle
        The same map as in :func:`wedge_bounds` and :func:`ring_bounds`. With
        ``unknown_circle`` the outer band answers circle ``None``; with ``unknown_sector``
        the last wedge answers sector ``None``.

    Returns
    -------
    tuple or None
        ``(circle, sector)``, or ``None`` inside the resident's disc or outside the rings.

    Examples
    --------
    >>> locate(0, -150)           # straight up, circle 1: first sector
    (1, 'familie')
    >>> locate(-300, 0)           # 9 o'clock, circle 2: fourth of five wedges (216-288)
    (2, 'werk_school_club')
    >>> locate(10, 10) is None    # on the resident
    True
    >>> locate(0, 500) is None    # beyond circle 3
    True
    >>> locate(0, 500, unknown_circle=True)
    (None, 'buren')
    """
    radius, angle = to_polar(x, y)
    circle = _find(ring_bounds(unknown_circle=unknown_circle), radius)
    if circle is _NOWHERE:
        return None
    sector = _find(wedge_bounds(sectors, unknown_sector=unknown_sector), angle)
    return (circle, sector)


_NOWHERE = object()


def _find(bounds: dict, value: float):
    for key, (low, high) in bounds.items():
        if low <= value < high:
            return key
    return _NOWHERE


@dataclass(frozen=True)
class Frame:
    """The rings and wedges of one resident's map: what to draw behind the members.

    Build it with :func:`frame`, which sizes the rings and wedges by how many people they
    hold. ``rings()``, ``wedges()`` and ``locate()`` are :func:`ring_bounds`,
    :func:`wedge_bounds` and :func:`locate` for this map; without ``radii`` and ``angles``
    the rings and wedges are equal, as those functions give them.

    ``radii`` are the ring borders from the resident's disc outward (one more than the
    rings); ``angles`` the wedge borders from 0 to 360 (one more than the wedges).

    Examples
    --------
    >>> f = Frame(sectors=("familie", "buren"), unknown_sector=True)
    >>> f.wedges()
    {'familie': (0.0, 120.0), 'buren': (120.0, 240.0), None: (240.0, 360.0)}
    >>> f.locate(0, 150)
    (1, 'buren')
    >>> f.outer_radius
    470.0
    >>> g = Frame(sectors=("familie", "buren"), angles=(0.0, 300.0, 360.0))
    >>> g.wedges(), g.locate(-100, -100)
    ({'familie': (0.0, 300.0), 'buren': (300.0, 360.0)}, (1, 'buren'))
    """

    sectors: tuple[str, ...]
    unknown_sector: bool = False
    unknown_circle: bool = False
    radii: tuple[float, ...] | None = None
    angles: tuple[float, ...] | None = None

    @property
    def outer_radius(self) -> float:
        """Radius of the outermost ring drawn."""
        return UNKNOWN_RING[1] if self.unknown_circle else RING_RADII[-1]

    def rings(self) -> dict[int | None, tuple[float, float]]:
        rings = ring_bounds(unknown_circle=self.unknown_circle)
        if self.radii is None:
            return rings
        return {c: (self.radii[i], self.radii[i + 1]) for i, c in enumerate(rings)}

    def wedges(self) -> dict[str | None, tuple[float, float]]:
        wedges = wedge_bounds(self.sectors, unknown_sector=self.unknown_sector)
        if self.angles is None:
            return wedges
        return {s: (self.angles[i], self.angles[i + 1]) for i, s in enumerate(wedges)}

    def locate(self, x: float, y: float) -> tuple[int | None, str | None] | None:
        radius, angle = to_polar(x, y)
        circle = _find(self.rings(), radius)
        if circle is _NOWHERE:
            return None
        return (circle, _find(self.wedges(), angle))


#: Share of the rings' width that is split evenly; the rest goes by how crowded a ring is.
EVEN_RING_SHARE = 0.35
#: No ring is narrower than this share of an even ring.
MIN_RING_SHARE = 0.6
#: A wedge's weight is this plus the number of people in it, so an empty sector keeps room.
WEDGE_BASE = 1.5


def _sized(weights: list[float], start: float, end: float) -> tuple[float, ...]:
    """Borders from ``start`` to ``end`` splitting the span in proportion to ``weights``."""
    total = sum(weights)
    borders, acc = [start], 0.0
    for w in weights[:-1]:
        acc += w
        borders.append(round(start + (end - start) * acc / total, 2))
    borders.append(end)
    return tuple(borders)


def frame(G: nx.Graph, *, sectors: Iterable[str] | None = None) -> Frame:
    """Return the :class:`Frame` of ``G``: its sectors, the "onbekend" cells it needs, and
    rings and wedges sized by how many people they hold.

    A wedge's angle is proportional to :data:`WEDGE_BASE` plus its number of members. Of the
    rings' total width, :data:`EVEN_RING_SHARE` is split evenly and the rest in proportion to
    the members per unit of circumference (a crowded circle 1 gets wider), but no ring is
    narrower than :data:`MIN_RING_SHARE` of an even ring (empty rings too); only counts
    matter, never names or ties, so the frame changes little when one person is added.

    Examples
    --------
    >>> from graph.schema import new_network, add_member
    >>> G = new_network(); add_member(G, "m1", name="Ans", circle=2)
    >>> f = frame(G)
    >>> f.unknown_sector, f.unknown_circle
    (True, False)
    >>> len(f.wedges())  # five sectors and "onbekend"
    6
    >>> f.wedges()[None]  # "onbekend" holds Ans: 2.5 of 10 weights
    (270.0, 360.0)
    >>> f.rings()[2]  # circle 2 is wider than the others
    (146.86, 403.14)
    """
    codes = sectors_of(G, sectors)
    nodes = member_nodes(G)
    f = Frame(
        sectors=codes,
        unknown_sector=any(sector_of(G, n, codes) is None for n in nodes),
        unknown_circle=any(circle_of(G, n) is None for n in nodes),
    )
    in_sector = Counter(sector_of(G, n, codes) for n in nodes)
    in_circle = Counter(circle_of(G, n) for n in nodes)
    even = f.rings()
    inner, outer = RESIDENT_RADIUS, f.outer_radius
    crowd = [in_circle[c] / ((r0 + r1) / 2) for c, (r0, r1) in even.items()]
    share = EVEN_RING_SHARE if sum(crowd) else 1.0
    rings = [share / len(even) + (1 - share) * c / (sum(crowd) or 1) for c in crowd]
    # an empty or quiet ring stays wide enough to see, to write in and to drop someone on
    rings = [max(r, MIN_RING_SHARE / len(even)) for r in rings]
    wedges = [WEDGE_BASE + in_sector[s] for s in f.wedges()]
    return replace(f, radii=_sized(rings, inner, outer), angles=_sized(wedges, 0.0, 360.0))


def layout(
    G: nx.Graph, *, sectors: Iterable[str] | None = None, within: Frame | None = None
) -> dict[Hashable, Position]:
    """Return the netwerkkaart position of every node: ``{node: (x, y)}``.

    Parameters
    ----------
    G : networkx.Graph
        A resident's network (see :mod:`graph.schema`).
    sectors : iterable of str, optional
        The sector codes to lay out, default ``G.graph["sectors"]``.
    within : Frame, optional
        The frame of ``G`` when the caller has it already (:func:`frame`).

    Returns
    -------
    dict
        Screen coordinates rounded to 0.01, y downward; the resident (``"ego"``) at
        ``(0.0, 0.0)`` when present.

    Notes
    -----
    A cell is the part of ring ``[r0, r1)`` between angles ``[a0, a1)`` (width
    ``w = r1 - r0``, angle ``A = a1 - a0`` in radians). For ``R`` rows at radii
    ``r_j = r0 + (j + 1/2) w / R``, a row holding ``k`` members places them at angles
    ``a0 + (i + 1/2) A / k``; neighbours on the row are ``2 r_j sin(A / 2k)`` apart (the
    chord), rows are ``w / R`` apart. Members are handed to rows greedily, each to the row
    where the chord stays longest, which maximises the smallest chord; ``R`` is then chosen
    to maximise ``s = min(w / R, smallest chord)``.

    Examples
    --------
    >>> from graph.schema import new_network, add_member
    >>> G = new_network()
    >>> for i in range(3):
    ...     add_member(G, f"m{i}", name=f"N{i}", sector="buren", circle=3)
    >>> pos = layout(G)
    >>> sorted({frame(G).locate(*pos[n]) for n in ("m0", "m1", "m2")})
    [(3, 'buren')]
    """
    f = within if within is not None else frame(G, sectors=sectors)
    rings, wedges = f.rings(), f.wedges()
    cells: dict[tuple[int | None, str | None], list[Hashable]] = {}
    for node in member_nodes(G):
        key = (circle_of(G, node), sector_of(G, node, f.sectors))
        cells.setdefault(key, []).append(node)

    pos: dict[Hashable, Position] = {}
    if EGO in G:
        pos[EGO] = (0.0, 0.0)
    for (circle, sector), nodes in cells.items():
        r0, r1 = rings[circle]
        a0, a1 = wedges[sector]
        for node, (radius, angle) in zip(nodes, _pack(len(nodes), r0, r1, a0, a1), strict=True):
            x, y = to_xy(radius, angle)
            pos[node] = (round(x, 2) + 0.0, round(y, 2) + 0.0)
    return pos


def _chord(radius: float, span: float, k: int) -> float:
    """Distance between neighbours when ``k`` points share an arc of ``span`` radians."""
    return 2.0 * radius * math.sin(min(math.pi / 2, span / (2 * k)))


def _rows(n: int, radii: list[float], span: float) -> tuple[float, list[int]]:
    """Hand ``n`` points to rows greedily; return the smallest chord and the row counts."""
    counts = [0] * len(radii)
    heap = [(-_chord(r, span, 1), j) for j, r in enumerate(radii)]
    heapq.heapify(heap)
    smallest = math.inf
    for _ in range(n):
        neg, j = heapq.heappop(heap)
        counts[j] += 1
        smallest = min(smallest, -neg)
        heapq.heappush(heap, (-_chord(radii[j], span, counts[j] + 1), j))
    # The last chord popped from each row is that row's smallest; a row holding one point
    # keeps the border half its chord away, so it counts as well.
    return smallest, counts


def _pack(n: int, r0: float, r1: float, a0: float, a1: float) -> list[tuple[float, float]]:
    """Return ``n`` polar points ``(radius, angle in degrees)`` spread over one cell."""
    if n == 0:
        return []
    width, span = r1 - r0, math.radians(a1 - a0)
    best: tuple[float, list[float], list[int]] | None = None
    rows = 1
    while best is None or width / rows > best[0]:
        radii = [r0 + (j + 0.5) * width / rows for j in range(rows)]
        chord, counts = _rows(n, radii, span)
        spacing = min(width / rows, chord)
        if best is None or spacing > best[0]:
            best = (spacing, radii, counts)
        rows += 1
    _, radii, counts = best
    points = []
    for radius, k in zip(radii, counts, strict=True):
        step = (a1 - a0) / k if k else 0.0
        points.extend((radius, a0 + (i + 0.5) * step) for i in range(k))
    return points
