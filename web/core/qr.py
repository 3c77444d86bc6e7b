"""QR codes as inline SVG (the join code of a group session, the two-factor app's secret)."""

from __future__ import annotations

import segno
from markupsafe import Markup


def qr_svg(text: str) -> Markup:
    """The QR code of ``text`` as inline SVG. segno writes only a path of the modules (no
    text, no links, no scripts), so the SVG is safe to put in the page as it is."""
    svg = segno.make(text, error="m").svg_inline(
        scale=1, border=2, omitsize=True, svgclass="qr", lineclass="qr-line"
    )
    return Markup(svg)  # noqa: S704 - segno's path data, no user text
