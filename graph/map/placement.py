"""Label-aware placement of the netwerkkaart: every member is a shape plus a label box.

One placement serves the screen and paper. A :class:`Target` (A4, A3, a screen width) says
how large the names are *relative to the rings*; :func:`place` then returns, in the layout's
coordinates (resident at ``(0, 0)``, y downward, see :mod:`graph.map.layout`), every member's
position, shape box and label box (wrapped lines from :mod:`graph.map.labels`), the resident's
label, the sector labels and the ring numbers, such that

* no label overlaps another label, another member's shape, the resident's disc or ellipse
  (:attr:`Placement.resident_shape`, larger than the disc only for a long name in large
  type), a sector label or a ring number, and no shape overlaps another shape or the
  resident;
* every member's shape lies inside their own ring and sector wedge (:func:`graph.map.layout.frame`,
  sized by how many people they hold); the label may reach beyond the cell;
* everything lies inside the target's sheet (:attr:`Placement.sheet`).

How it places (the choice)
--------------------------
Cartographic point-feature labelling works on *candidate positions*: for each point a few
label slots around it, ranked by preference (Imhof: right of the point and a little above is
best, then the other sides). Christensen, Marks and Shieber ("An Empirical Study of
Algorithms for Point-Feature Label Placement", ACM TOG 14(3), 1995) found the problem
NP-hard and compared greedy, discrete gradient descent and simulated annealing over such
slots: annealing gave the fewest conflicts, given enough time. d3-labeler anneals label
positions with random moves against an energy of overlap areas and leader-line lengths; the
d3 "labeling" plugin turns an overlapping label around its point, then shrinks it, then turns
it into a number with a legend. Our case differs: the *points* may move too (anywhere inside
their own cell), nothing may overlap at all (not "little"), and the map must be
deterministic, stable and quick (the page for 100 members has 100 ms). So:

1. **Anchors.** Each member's preferred point comes from a Halton sequence over their cell
   (:func:`_anchors`), in natural id order: spread evenly, and a newly added member does
   not move the others' anchors. Only counts (through the sized cells) move anchors, never
   ties or names.
2. **Candidates.** Points on a polar grid inside the cell (:data:`STEP_EM` name heights
   apart), each with the label slots of :data:`SLOTS` in this order of preference: below the
   shape (how the screen and older prints show it, and how people read a list of names),
   right, left, above (Imhof's order, with "below" first), then the four diagonals. A second,
   narrower wrap of the name adds slots.
3. **Greedy, in a fixed order, with branch and bound.** Members go inner circle first
   (the most crowded), then by sector and id. Each takes the free candidate of lowest cost
   (distance from the anchor, in name heights, plus the slot's penalty), searched in order of
   distance until no nearer point can win. "Free" is checked against what is already placed
   through a grid of buckets, so one check costs a few box comparisons.
4. **Shortening, reordering, then shrinking** (as the d3 plugin does, but deterministic). A
   member without a free candidate tries its name on one line ending in "…" (the full name
   stays in the list, the tooltip and the key). If even that fails, the map is placed again
   with that member's cell first (up to three cells move forward, and stay forward: the
   rip-up-and-retry of circuit routing). Only then is the whole map placed with names 10 %
   smaller, starting no larger than the size at which the boxes' total area fits the sheet;
   the result reports the size it reached (:attr:`Placement.font`), so the print can fall
   back to numbers first.

Simulated annealing was not chosen: it needs thousands of random moves (too slow in Python
for 100 ms), its result depends on the random sequence (a small change can reshuffle the
map, the opposite of stable), and it trades overlap against other costs where we allow none.
With the points free to move inside their cells, the greedy search already finds
conflict-free maps at full size for the networks that matter (the tests check 10 to 50
members on every target, and names at 12 pt for 30 people on A4 and 60 on A3).

Examples
--------
>>> from graph.schema import new_network, add_member
>>> G = new_network("Riek")
>>> add_member(G, "m1", name="Wijkverpleegkundige", sector="professionals", circle=1)
>>> p = place(G, "a4")
>>> p.labels["m1"].lines
['Wijkverpleeg-', 'kundige']
>>> p.frame.locate(*p.positions["m1"])
(1, 'professionals')
>>> p.overlaps()
[]
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from graph.attributes import circle_of, member_nodes, name_of, node_key, sector_of, sectors_of
from graph.map.labels import Wrapped, clean, word_for, wrap
from graph.map.layout import RESIDENT_RADIUS, Frame, frame, to_xy
from graph.map.style import LABEL_TOP, LINE_HEIGHT, RING_NUMBER_SIZE
from graph.recent import Recent
from graph.schema import CIRCLES, EGO

__all__ = [
    "PT_MM",
    "TARGETS",
    "Box",
    "Label",
    "Placement",
    "Target",
    "place",
]

#: One typographic point in millimetres.
PT_MM = 0.3528


@dataclass(frozen=True)
class Target:
    """Where the map is drawn: a sheet (or canvas) and the names' size on it.

    ``width`` and ``height`` are the drawing area, ``ring_radius`` the outer ring's radius
    and ``font`` the names' size, all in the target's own unit (``mm`` or ``px``). Only
    ratios matter: the placement works in layout units, where the outer ring keeps its
    radius from :mod:`graph.map.layout`. ``floor`` is a size worth trying exactly before going
    below it (12 pt on paper: the print falls back to numbers under it).
    """

    name: str
    width: float
    height: float
    ring_radius: float
    font: float
    unit: str = "mm"
    floor: float | None = None

    def scale(self, outer: float) -> float:
        """Layout units per target unit, for a frame whose outer ring has radius ``outer``."""
        return outer / self.ring_radius


#: The targets, by name. Paper: the free area of the sheet beside a compact legend (A4
#: landscape: 271 x 186 mm inside the margins, less the sheet header), the outer ring at
#: 85 % of the free height, names at 12 pt (A4) and 13 pt (A3). Screens: the canvas the
#: page gives the map at 1280, 768 and 390 px wide, names at 16, 15 and 14 px.
TARGETS: dict[str, Target] = {
    "a4": Target("a4", 200, 164, 70, 12 * PT_MM, floor=12 * PT_MM),
    "a3": Target("a3", 292, 243, 103, 13 * PT_MM, floor=12 * PT_MM),
    "screen-1280": Target("screen-1280", 1000, 800, 360, 16, "px"),
    "screen-768": Target("screen-768", 736, 700, 300, 15, "px"),
    "screen-390": Target("screen-390", 374, 460, 160, 14, "px"),
}

#: A member's shape "size" (the radius vis-network and graph.map.svg draw) in name heights.
SHAPE_EM = 0.45
#: Half the width of a shape's box, in shape sizes (the star reaches 1.4).
SHAPE_EXTENT = 1.4
#: Widest line of a member's name, in name heights: wide, and the narrow alternative.
NAME_EM = (8.5, 6.0)
#: Lines of a member's name at most; more and it is shortened.
NAME_LINES = 3
#: Widest line of the resident's name (bold, at most two lines), in name heights.
RESIDENT_EM = 6.5
#: Widest line of a sector label, in name heights, and its lines.
SECTOR_EM, SECTOR_LINES = 9.0, 2
#: Distance between neighbouring candidate points of a shape, in name heights.
STEP_EM = 0.6
#: The gap kept between any two boxes, in name heights.
GAP_EM = 0.12
#: Slots of a label around its shape, with their penalties (in name heights of distance).
SLOTS: tuple[tuple[str, float], ...] = (
    ("below", 0.0), ("right", 0.8), ("left", 1.0), ("above", 1.4),
    ("below-right", 1.6), ("below-left", 1.7), ("above-right", 1.9), ("above-left", 2.0),
)
_NARROW_PENALTY = 0.4
_SHORT_PENALTY = 4.0
_SHRINK = 0.9
_MAX_ROUNDS = 40
_RETRIES = 3


@dataclass(frozen=True)
class Box:
    """An axis-parallel box: ``x``, ``y`` its top-left corner, ``w``, ``h`` its size."""

    x: float
    y: float
    w: float
    h: float

    @property
    def x1(self) -> float:
        return self.x + self.w

    @property
    def y1(self) -> float:
        return self.y + self.h

    def overlaps(self, other: Box, gap: float = 0.0) -> bool:
        """Whether the boxes overlap, or come closer than ``gap``."""
        return (self.x < other.x1 + gap and other.x < self.x1 + gap
                and self.y < other.y1 + gap and other.y < self.y1 + gap)

    def hits_disc(self, radius: float) -> bool:
        """Whether the box reaches into the disc of ``radius`` around ``(0, 0)``."""
        nx_ = min(max(0.0, self.x), self.x1)
        ny_ = min(max(0.0, self.y), self.y1)
        return math.hypot(nx_, ny_) < radius

    def inside(self, other: Box) -> bool:
        return (self.x >= other.x - 1e-6 and self.y >= other.y - 1e-6
                and self.x1 <= other.x1 + 1e-6 and self.y1 <= other.y1 + 1e-6)

    def as_dict(self) -> dict[str, float]:
        return {"x": round(self.x, 2), "y": round(self.y, 2), "w": round(self.w, 2),
                "h": round(self.h, 2)}


@dataclass(frozen=True)
class Label:
    """A text block: its lines, its box, its size, whether it was shortened, its full text."""

    lines: list[str]
    box: Box
    font: float
    shortened: bool
    text: str
    bold: bool = False


@dataclass
class Placement:
    """The result of :func:`place`; every length in layout units."""

    target: Target
    frame: Frame
    font: float  # the names' size reached (the target's, unless the map had to shrink)
    shape_size: float
    sheet: Box
    positions: dict[Hashable, tuple[float, float]] = field(default_factory=dict)
    shapes: dict[Hashable, Box] = field(default_factory=dict)
    labels: dict[Hashable, Label] = field(default_factory=dict)
    resident: Label | None = None
    resident_shape: Box | None = None  # the box of the resident's ellipse
    sector_labels: dict[str | None, Label] = field(default_factory=dict)
    ring_labels: dict[int | None, Label] = field(default_factory=dict)

    @property
    def resident_radius(self) -> float:
        return RESIDENT_RADIUS

    @property
    def font_in_target(self) -> float:
        """The names' size in the target's unit (mm or px)."""
        return self.font / self.target.scale(self.frame.outer_radius)

    def boxes(self) -> list[tuple[str, Hashable, Box]]:
        """Every box with its kind (``shape``, ``label``, ``sector``, ``ring``, ``resident``)."""
        out: list[tuple[str, Hashable, Box]] = []
        out += [("shape", n, b) for n, b in self.shapes.items()]
        out += [("label", n, lab.box) for n, lab in self.labels.items()]
        out += [("sector", s, lab.box) for s, lab in self.sector_labels.items()]
        out += [("ring", c, lab.box) for c, lab in self.ring_labels.items()]
        if self.resident_shape is not None:
            out.append(("resident", EGO, self.resident_shape))
        return out

    def overlaps(self) -> list[tuple[tuple[str, Hashable], tuple[str, Hashable]]]:
        """Every pair of boxes that overlap (a member's own shape and label excepted), and
        every box that reaches into the resident's disc or out of the sheet."""
        boxes = self.boxes()
        found = []
        for i, (kind, key, box) in enumerate(boxes):
            if not box.inside(self.sheet):
                found.append(((kind, key), ("sheet", None)))
            if kind in ("shape", "label") and box.hits_disc(RESIDENT_RADIUS):
                found.append(((kind, key), ("resident", EGO)))
            for kind2, key2, box2 in boxes[i + 1 :]:
                same_member = key == key2 and {kind, kind2} == {"shape", "label"}
                if not same_member and box.overlaps(box2):
                    found.append(((kind, key), (kind2, key2)))
        return found


# -- placing -----------------------------------------------------------------------------


Rect = tuple[float, float, float, float]  # x0, y0, x1, y1: the search's fast boxes


class _Grid:
    """Boxes in square buckets, so a candidate is checked only against its neighbours."""

    def __init__(self, cell: float, gap: float) -> None:
        self.cell = cell
        self.gap = gap
        self.buckets: dict[tuple[int, int], list[Rect]] = {}

    def _keys(self, r: Rect) -> Iterator[tuple[int, int]]:
        """The buckets ``r`` reaches."""
        c = self.cell
        j0, j1 = math.floor(r[1] / c), math.floor(r[3] / c) + 1
        for i in range(math.floor(r[0] / c), math.floor(r[2] / c) + 1):
            for j in range(j0, j1):
                yield i, j

    def add(self, box: Box) -> None:
        r = (box.x, box.y, box.x1, box.y1)
        for key in self._keys(r):
            self.buckets.setdefault(key, []).append(r)

    def free(self, r: Rect) -> bool:
        """Whether ``r`` keeps the gap to every box added so far (looked for in the buckets
        of ``r`` widened by the gap, so a box just across a bucket's edge is seen too)."""
        g, seen = self.gap, self.buckets
        x0, y0, x1, y1 = wide = (r[0] - g, r[1] - g, r[2] + g, r[3] + g)
        for key in self._keys(wide):
            for o in seen.get(key, ()):
                if x0 < o[2] and o[0] < x1 and y0 < o[3] and o[1] < y1:
                    return False
        return True


def _rect_hits_disc(r: Rect, radius: float) -> bool:
    nx_ = min(max(0.0, r[0]), r[2])
    ny_ = min(max(0.0, r[1]), r[3])
    return nx_ * nx_ + ny_ * ny_ < radius * radius


def _rect_inside(r: Rect, sheet: Box) -> bool:
    return r[0] >= sheet.x and r[1] >= sheet.y and r[2] <= sheet.x1 and r[3] <= sheet.y1


def _box(r: Rect) -> Box:
    return Box(r[0], r[1], r[2] - r[0], r[3] - r[1])


def _block(wrapped: Wrapped, size: float) -> tuple[float, float]:
    """Width and height of a label box holding ``wrapped`` at ``size`` (with padding: the
    lines start :data:`graph.map.style.LABEL_TOP` below the top, as much room is left below)."""
    height = len(wrapped.lines) * LINE_HEIGHT * size + 2 * LABEL_TOP * size
    return (wrapped.width + 0.3 * size, height)


def _slot(slot: str, x: float, y: float, half: float, w: float, h: float, gap: float) -> Rect:
    """The label box in ``slot`` around the shape at ``(x, y)``; diagonal slots put the
    label's first (or last) line level with the shape's middle, beside it."""
    if "-" in slot:
        vertical, side = slot.split("-")
        left = x + half + gap if side == "right" else x - half - gap - w
        top = y - 0.6 * half if vertical == "below" else y + 0.6 * half - h
    elif slot == "below":
        left, top = x - w / 2, y + half + gap
    elif slot == "above":
        left, top = x - w / 2, y - half - gap - h
    elif slot == "right":
        left, top = x + half + gap, y - h / 2
    else:
        left, top = x - half - gap - w, y - h / 2
    return (left, top, left + w, top + h)


def _points(r0: float, r1: float, a0: float, a1: float, half: float, step: float,
            people: int = 1) -> list[tuple[float, float]]:
    """Grid points inside a cell whose shape of half-width ``half`` stays in the cell.

    At most 10 x 48 points for a cell of up to 160 ``people`` (more would only slow the
    search), and three points per person beyond that: a cell needs a point per person and
    room between them, or it can never be placed however small the names get."""
    grow = max(1.0, math.sqrt(3 * people / (10 * 48)))
    lo, hi = r0 + half * 1.1, r1 - half * 1.1
    if hi < lo:
        lo = hi = (r0 + r1) / 2
    n_r = max(1, min(round(10 * grow), int((hi - lo) / step) + 1))
    out = []
    for i in range(n_r):
        r = lo + (hi - lo) * (i / (n_r - 1) if n_r > 1 else 0.5)
        margin = math.degrees(half * 1.5 / r)
        b0, b1 = a0 + margin, a1 - margin
        if b1 < b0:
            b0 = b1 = (a0 + a1) / 2
        arc = math.radians(b1 - b0) * r
        n_a = max(1, min(round(48 * grow), int(arc / step) + 1))
        for j in range(n_a):
            a = math.radians(b0 + (b1 - b0) * (j / (n_a - 1) if n_a > 1 else 0.5))
            out.append((r * math.sin(a), -r * math.cos(a)))
    return out


def _outside(w: float, h: float, angle: float, radius: float, gap: float) -> Box:
    """The box of size ``w`` x ``h`` in direction ``angle``, just clear of the outer ring."""
    ux, uy = to_xy(1.0, angle)
    t = radius + gap
    while True:
        box = Box(ux * t - w / 2, uy * t - h / 2, w, h)
        if not box.hits_disc(radius + gap):
            return box
        t += 0.02 * radius


def _inside(w: float, h: float, angle: float, radius: float, gap: float) -> Box | None:
    """The box in direction ``angle`` as far out as it goes inside the outer ring (for a
    narrow sheet, where the sector words do not fit beside the rings), or ``None``."""
    ux, uy = to_xy(1.0, angle)
    t = radius
    while t > 0.5 * radius:
        box = Box(ux * t - w / 2, uy * t - h / 2, w, h)
        corners = ((box.x, box.y), (box.x1, box.y), (box.x, box.y1), (box.x1, box.y1))
        if all(math.hypot(cx, cy) <= radius - gap for cx, cy in corners):
            return box
        t -= 0.02 * radius
    return None


class _Failed(Exception):
    """The map does not fit at this size."""


def _text_of(text: Any) -> str:
    return clean(text) if text is not None else ""


def _place_at(G: nx.Graph, f: Frame, target: Target, font: float, sheet: Box,
              sector_words: Mapping, unknown_word: str, first: tuple = ()) -> Placement:
    gap = GAP_EM * font
    shape = SHAPE_EM * font
    half = SHAPE_EXTENT * shape
    p = Placement(target=target, frame=f, font=font, shape_size=shape, sheet=sheet)
    grid = _Grid(3 * font, gap)
    outer = f.outer_radius
    rings, wedges = f.rings(), f.wedges()

    # the resident: the name in an ellipse, as large as the disc or (a long name, large
    # type) larger; the ellipse's box is an obstacle for everyone, like the disc
    if EGO in G:
        text = _text_of(G.nodes[EGO].get("name"))
        wrapped = wrap(text, font, RESIDENT_EM * font, max_lines=2, bold=True)
        w, h = _block(wrapped, font) if text else (1.8 * font, 1.8 * font)
        rx = max(0.96 * RESIDENT_RADIUS, w / 2 * math.sqrt(2))
        ry = max(0.6 * RESIDENT_RADIUS, h / 2 * math.sqrt(2))
        if rx <= RESIDENT_RADIUS:
            ry = min(max(ry, 0.6 * RESIDENT_RADIUS), 0.96 * RESIDENT_RADIUS)
        p.resident = Label(wrapped.lines if text else [], Box(-w / 2, -h / 2, w, h), font,
                           wrapped.shortened, text, True)
        p.resident_shape = Box(-rx, -ry, 2 * rx, 2 * ry)
        grid.add(p.resident_shape)

    # ring numbers on the 12 o'clock line; "onbekend" as a word
    small = RING_NUMBER_SIZE * font
    for circle, (r0, r1) in rings.items():
        text = str(circle) if circle is not None else _text_of(unknown_word)
        wrapped = wrap(text, small, SECTOR_EM * font, max_lines=1)
        w, h = _block(wrapped, small)
        w = max(w, 1.5 * small)
        mid = (r0 + r1) / 2
        if p.resident_shape is not None:  # clear of a large resident's ellipse
            mid = max(mid, -p.resident_shape.y + gap + h / 2)
        box = Box(-w / 2, -mid - h / 2, w, h)
        p.ring_labels[circle] = Label(wrapped.lines, box, small, wrapped.shortened, text)
        grid.add(box)

    # sector labels outside the outer ring, slid along their wedge until they fit
    for sector, (a0, a1) in wedges.items():
        text = _text_of(word_for(sector_words, sector))
        label = None
        for lines in (SECTOR_LINES, 1):
            wrapped = wrap(text, font, SECTOR_EM * font, max_lines=lines, bold=True)
            w, h = _block(wrapped, font)
            mid, span = (a0 + a1) / 2, a1 - a0
            for where in (_outside, _inside):
                for k in range(9):
                    for sign in ((1,) if k == 0 else (-1, 1)):
                        box = where(w, h, mid + sign * k * span / 18, outer, gap)
                        if box is not None and box.inside(sheet) and grid.free(
                                (box.x, box.y, box.x1, box.y1)):
                            label = Label(wrapped.lines, box, font, wrapped.shortened, text,
                                          True)
                            break
                    if label:
                        break
                if label:
                    break
            if label:
                break
        if label is None:
            raise _Failed("sector")
        p.sector_labels[sector] = label
        grid.add(label.box)

    anchors = _anchors(G, f)
    cells = {n: (circle_of(G, n), sector_of(G, n, f.sectors)) for n in member_nodes(G)}

    def rank(n: Hashable) -> tuple:
        cell = cells[n]
        return (first.index(cell) if cell in first else len(first),
                _circle_rank(cell[0]), _sector_rank(f, cell[1]), node_key(n))

    order = sorted(cells, key=rank)
    people = Counter(cells.values())
    cache: dict[tuple, list[tuple[float, float]]] = {}
    for node in order:
        cell = cells[node]
        if cell not in cache:
            (r0, r1), (a0, a1) = rings[cell[0]], wedges[cell[1]]
            cache[cell] = _points(r0, r1, a0, a1, half, STEP_EM * font, people[cell])
        text = _text_of(name_of(G, node)) or _text_of(node) or "?"
        options = []
        for width_em, extra in ((NAME_EM[0], 0.0), (NAME_EM[1], _NARROW_PENALTY)):
            wrapped = wrap(text, font, width_em * font, max_lines=NAME_LINES)
            options.append((wrapped, extra))
        chosen = _best(cache[cell], anchors[node], options, half, gap, font, grid, sheet)
        if chosen is None:
            short = wrap(text, font, NAME_EM[1] * font, max_lines=1)
            chosen = _best(cache[cell], anchors[node], [(short, _SHORT_PENALTY)], half, gap,
                           font, grid, sheet)
        if chosen is None:
            raise _Failed(cell)
        (x, y), wrapped, rect = chosen
        shape_box, box = Box(x - half, y - half, 2 * half, 2 * half), _box(rect)
        grid.add(shape_box)
        grid.add(box)
        p.positions[node] = (round(x, 2) + 0.0, round(y, 2) + 0.0)
        p.shapes[node] = shape_box
        p.labels[node] = Label(wrapped.lines, box, font, wrapped.shortened, text)
    return p


def _best(points, anchor, options, half, gap, font, grid, sheet):
    """The free candidate of lowest cost (see the module docstring), or ``None``.

    Points come off a heap by distance from the anchor; the search stops when no nearer
    point is left that could beat the best candidate found."""
    ax, ay = anchor
    heap = [((x - ax) ** 2 + (y - ay) ** 2, x, y) for x, y in points]
    heapq.heapify(heap)
    best, best_cost = None, math.inf
    blocks = [(wrapped, extra, *_block(wrapped, font)) for wrapped, extra in options]
    near = RESIDENT_RADIUS + 2 * half
    while heap:
        d2, x, y = heapq.heappop(heap)
        dist = math.sqrt(d2) / font
        if dist >= best_cost:
            break
        shape = (x - half, y - half, x + half, y + half)
        if (x * x + y * y < near * near and _rect_hits_disc(shape, RESIDENT_RADIUS)) or (
            not grid.free(shape)
        ):
            continue
        for wrapped, extra, w, h in blocks:
            for slot, penalty in SLOTS:
                cost = dist + penalty + extra
                if cost >= best_cost:
                    continue
                rect = _slot(slot, x, y, half, w, h, gap)
                if (_rect_inside(rect, sheet) and not _rect_hits_disc(rect, RESIDENT_RADIUS)
                        and grid.free(rect)):
                    best, best_cost = ((x, y), wrapped, rect), cost
    return best


def _largest_possible(G: nx.Graph, size: float, sheet: Box) -> float:
    """An upper bound of the name size at which the boxes can fit: at ``size``, the
    members' shapes and (narrow) labels cover more than the sheet, the size must shrink
    by the square root of that ratio at least (boxes may not overlap). It only skips sizes
    that cannot work."""
    half = SHAPE_EXTENT * SHAPE_EM * size
    area = 0.0
    for node in member_nodes(G):
        text = _text_of(name_of(G, node)) or _text_of(node) or "?"
        w, h = _block(wrap(text, size, NAME_EM[1] * size, max_lines=1), size)
        area += (2 * half) ** 2 + min(w, NAME_EM[1] * size) * h
    ratio = area / (sheet.w * sheet.h)
    return size / math.sqrt(ratio) if ratio > 1 else size


def _halton(index: int, base: int) -> float:
    """The ``index``-th number of the van der Corput sequence in ``base`` (0 < x < 1)."""
    x, f = 0.0, 1.0
    while index:
        f /= base
        index, digit = divmod(index, base)
        x += digit * f
    return x


def _anchors(G: nx.Graph, f: Frame) -> dict[Hashable, tuple[float, float]]:
    """Each member's preferred point: the ``k``-th member of a cell (natural id order) at the
    ``k``-th point of a Halton sequence over the cell (bases 2 along the arc, 3 outward).

    A prefix of a Halton sequence is spread evenly whatever its length, so a new member
    (the highest id) gets a new point and nobody else's point moves, unless the cell itself
    grows."""
    rings, wedges = f.rings(), f.wedges()
    count: dict[tuple, int] = {}
    out: dict[Hashable, tuple[float, float]] = {}
    for node in member_nodes(G):
        cell = (circle_of(G, node), sector_of(G, node, f.sectors))
        k = count[cell] = count.get(cell, 0) + 1
        (r0, r1), (a0, a1) = rings[cell[0]], wedges[cell[1]]
        out[node] = to_xy(r0 + (r1 - r0) * _halton(k, 3), a0 + (a1 - a0) * _halton(k, 2))
    return out


def _circle_rank(circle: int | None) -> int:
    return CIRCLES.index(circle) if circle in CIRCLES else len(CIRCLES)


def _sector_rank(f: Frame, sector: str | None) -> int:
    return f.sectors.index(sector) if sector in f.sectors else len(f.sectors)


def place(
    G: nx.Graph,
    target: str | Target = "a4",
    *,
    sectors: Iterable[str] | None = None,
    sector_labels: Mapping[str | None, Any] | None = None,
    font: float | None = None,
) -> Placement:
    """Place every member, label and frame label of ``G`` for ``target``.

    Parameters
    ----------
    G : networkx.Graph
        A resident's network (see :mod:`graph.schema`).
    target : str or Target
        A key of :data:`TARGETS` or a :class:`Target`.
    sectors : iterable of str, optional
        The configured sector codes, default ``G.graph["sectors"]``.
    sector_labels : mapping, optional
        Words for the sector codes (the key ``None`` is "onbekend", also used for the ring of
        unknown circles and a resident without a name); a code without a word shows as itself.
    font : float, optional
        The names' size in layout units, instead of the target's.

    Returns
    -------
    Placement
        Conflict-free (see :meth:`Placement.overlaps`); ``font`` is the size reached. The
        same inputs give the same (shared) object from :data:`RECENT`: read it, never
        change it.
    """
    if isinstance(target, str) and target not in TARGETS:
        raise ValueError(f"target: expected one of {tuple(TARGETS)}, got {target!r}")
    t = TARGETS[target] if isinstance(target, str) else target
    words = {key: str(v) for key, v in (sector_labels or {}).items()}
    key = _inputs(G, t, sectors_of(G, sectors), words, font)
    return RECENT.get(key) or RECENT.keep(key, _place(G, t, sectors, words, font))


def _place(G: nx.Graph, t: Target, sectors: Iterable[str] | None, words: dict[Any, str],
           font: float | None) -> Placement:
    f = frame(G, sectors=sectors)
    k = t.scale(f.outer_radius)
    sheet = Box(-t.width / 2 * k, -t.height / 2 * k, t.width * k, t.height * k)
    size = font if font is not None else t.font * k
    unknown = words.get(None, "?")
    size = min(size, _largest_possible(G, size, sheet))
    first: tuple = ()  # cells that failed go first, also at the next size (they fail fast)
    for _ in range(_MAX_ROUNDS):
        for _retry in range(_RETRIES + 1):
            try:
                return _place_at(G, f, t, size, sheet, words, unknown, first)
            except _Failed as failed:
                cell = failed.args[0] if failed.args else None
                if not isinstance(cell, tuple) or cell in first or len(first) >= _RETRIES:
                    break
                first = (*first, cell)
        floor = t.floor * k if t.floor is not None else None
        size = floor if floor is not None and size > floor + 1e-9 > size * _SHRINK else (
            size * _SHRINK)
    raise RuntimeError("the map did not fit at any size")  # pragma: no cover


def _inputs(G: nx.Graph, t: Target, sectors: tuple[str, ...], words: dict[Any, str],
            font: float | None) -> tuple:
    """Everything :func:`place` reads: each member's id, name, circle and sector, the
    resident's name, the sectors, the words and the size. Ties and the other attributes do
    not move anyone, so they are not part of it."""
    people = tuple((n, G.nodes[n].get("name"), circle_of(G, n), sector_of(G, n, sectors))
                   for n in member_nodes(G))
    resident = G.nodes[EGO].get("name") if EGO in G else None
    return t, sectors, tuple(sorted(words.items(), key=repr)), font, resident, people


#: Placements made in this process, weighed by their people: 20,000 in all (some 200 maps of
#: a hundred, or four of 5,000: tens of megabytes at most); names are personal data, so none
#: is kept longer than a quarter of an hour. Public for the benchmarks, which clear it to
#: time a placement made anew.
RECENT: Recent[Placement] = Recent(max_weight=20_000, max_age=15 * 60,
                                   weight=lambda placed: 1 + len(placed.positions))
