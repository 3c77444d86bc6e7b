"""Charts of the outcome report, drawn on the server as SVG that reads in black and white.

Two kinds, both with their numbers written beside the drawing (a chart never replaces the
number), each label on its own line above its bar so that a long label is never cut off:
bars for counts (a hatched bar), and, for changes from the first to the latest moment, a box
from the first to the third quartile with a thick line at the median, beside a dashed zero
line. Text goes through :func:`markupsafe.escape`.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

WIDTH = 640
ROW = 46
NUMBER_W = 70
SPAN = WIDTH - NUMBER_W - 10
_HATCH = ('<defs><pattern id="{id}" width="6" height="6" patternUnits="userSpaceOnUse" '
          'patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/>'
          '<line x1="0" y1="0" x2="0" y2="6" stroke="#000" stroke-width="2.5"/></pattern>'
          '</defs>')


def _number(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}".replace(".", ",")


def _frame(rows: int, title: str, body: str) -> Markup:
    height = rows * ROW + 10
    return Markup(  # noqa: S704 - every text in body and title went through escape()
        f'<svg xmlns="http://www.w3.org/2000/svg" class="outcome-chart" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'font-family="DejaVu Sans, Verdana, sans-serif" font-size="14">'
        f'<title>{escape(title)}</title>{body}</svg>')


def bars(title: str, items: Sequence[tuple[str, float]], *, pattern_id: str) -> Markup:
    """Horizontal bars, one per ``(label, count)``; the longest bar fills the width."""
    top = max((v for _, v in items), default=0) or 1
    parts = [_HATCH.format(id=escape(pattern_id))]
    for i, (label, value) in enumerate(items):
        y = i * ROW + 4
        w = SPAN * value / top
        parts.append(
            f'<text x="0" y="{y + 14}">{escape(label)}</text>'
            f'<rect x="0" y="{y + 20}" width="{w:.1f}" height="18" '
            f'fill="url(#{escape(pattern_id)})" stroke="#000" stroke-width="1.5"/>'
            f'<text x="{w + 8:.1f}" y="{y + 34}" font-weight="bold">'
            f'{escape(_number(value))}</text>')
    return _frame(len(items), title, "".join(parts))


def changes(title: str, items: Sequence[tuple[str, float, tuple[float, float]]]) -> Markup:
    """Per ``(label, median, (q1, q3))`` a box from q1 to q3 with the median as a thick line,
    on one scale around zero (no change)."""
    reach = max((max(abs(v), abs(a), abs(b)) for _, v, (a, b) in items), default=0) or 1
    zero = SPAN / 2

    def x(value: float) -> float:
        return zero + SPAN / 2 * value / reach

    parts = []
    for i, (label, median, (q1, q3)) in enumerate(items):
        y = i * ROW + 4
        parts.append(
            f'<text x="0" y="{y + 14}">{escape(label)}</text>'
            f'<line x1="{zero}" y1="{y + 18}" x2="{zero}" y2="{y + 42}" stroke="#000" '
            'stroke-dasharray="3 2"/>'
            f'<rect x="{x(q1):.1f}" y="{y + 22}" width="{max(x(q3) - x(q1), 2):.1f}" '
            f'height="16" fill="#ddd" stroke="#000"/>'
            f'<line x1="{x(median):.1f}" y1="{y + 18}" x2="{x(median):.1f}" y2="{y + 42}" '
            f'stroke="#000" stroke-width="4"/>'
            f'<text x="{SPAN + 12}" y="{y + 34}" font-weight="bold">'
            f'{escape(("+" if median > 0 else "") + _number(median))}</text>')
    return _frame(len(items), title, "".join(parts))
