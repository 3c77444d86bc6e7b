"""Lines painted over names: geometry and paint order of a drawn map, wherever it was drawn.

A drawing is a list of paint events in the order they were painted: strokes (a straight
segment or a circle's outline, with its width), opaque fills that can cover (a rectangle with
round corners, an ellipse) and texts (the box of their ink). A stroke *crosses* a text when
it reaches into the text's box and is seen there: it was painted after the text, or before it
with no opaque fill covering the whole box painted in between. The SVG test
(tests/graph/test_lines_behind_names.py) reads the events from the SVG's elements, the
browser test (tests/e2e/test_map_lines_browser.py) from what graph.js did to the canvas.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

Rect = tuple[float, float, float, float]  # x0, y0, x1, y1


@dataclass(frozen=True)
class Stroke:
    """A segment ``(x0, y0, x1, y1)``, or a circle's outline ``(cx, cy, r)``, ``width`` wide."""

    order: float
    shape: tuple[float, ...]
    width: float


@dataclass(frozen=True)
class Cover:
    """An opaque fill: ``("rect", x, y, w, h, corner radius)`` or ``("ellipse", cx, cy, rx, ry)``.
    ``plate`` marks the plates under names (the counts without them leave these out)."""

    order: float
    shape: tuple
    plate: bool = False


@dataclass(frozen=True)
class Text:
    order: float
    box: Rect
    text: str


def _segment_hits(seg: tuple[float, ...], box: Rect) -> bool:
    """Whether the segment reaches into the box (Liang-Barsky clipping)."""
    x0, y0, x1, y1 = seg
    dx, dy = x1 - x0, y1 - y0
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, x0 - box[0]), (dx, box[2] - x0), (-dy, y0 - box[1]), (dy, box[3] - y0)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return False
    return True


def _circle_hits(circle: tuple[float, ...], width: float, box: Rect) -> bool:
    cx, cy, r = circle
    near = math.hypot(min(max(cx, box[0]), box[2]) - cx, min(max(cy, box[1]), box[3]) - cy)
    far = max(math.hypot(x - cx, y - cy) for x in (box[0], box[2]) for y in (box[1], box[3]))
    return near <= r + width / 2 and far >= r - width / 2


def hits(stroke: Stroke, box: Rect) -> bool:
    """Whether the stroke's paint reaches into the box."""
    if len(stroke.shape) == 3:
        return _circle_hits(stroke.shape, stroke.width, box)
    w = stroke.width / 2
    return _segment_hits(stroke.shape, (box[0] - w, box[1] - w, box[2] + w, box[3] + w))


def _inside(cover: Cover, x: float, y: float) -> bool:
    kind, *v = cover.shape
    if kind == "ellipse":
        cx, cy, rx, ry = v
        return ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1 + 1e-9
    left, top, w, h, r = v
    if not (left - 1e-9 <= x <= left + w + 1e-9 and top - 1e-9 <= y <= top + h + 1e-9):
        return False
    r = min(r, w / 2, h / 2)
    cx = min(max(x, left + r), left + w - r)  # the nearest centre of a corner's arc
    cy = min(max(y, top + r), top + h - r)
    return math.hypot(x - cx, y - cy) <= r + 1e-9


def covers(cover: Cover, box: Rect) -> bool:
    """Whether the opaque fill covers the whole box (its four corners: both shapes are convex)."""
    return all(_inside(cover, x, y) for x in (box[0], box[2]) for y in (box[1], box[3]))


def crossings(strokes: list[Stroke], fills: list[Cover], texts: list[Text], *,
              plates: bool = True) -> list[tuple[Stroke, Text]]:
    """Every (stroke, text) pair where the stroke is seen inside the text's box; with
    ``plates=False`` as if the plates under the names had not been painted."""
    found = []
    for text in texts:
        shields = [c.order for c in fills if (plates or not c.plate) and covers(c, text.box)]
        for stroke in strokes:
            if not hits(stroke, text.box):
                continue
            hidden = stroke.order < text.order and any(
                stroke.order < order < text.order for order in shields)
            if not hidden:
                found.append((stroke, text))
    return found
