"""The netwerkkaart as an SVG on a screen page: the comparison of two moments, a group
participant's own map.

One helper so every screen SVG gets the same translated words (sector names, the text
alternative's name and its word "cirkel") and a placement made for the screen it is shown
on (:data:`graph.map.placement.TARGETS`: ``screen-390`` puts names at 14 px on a phone 374 px
wide, ``screen-768`` at 15 px on 736 px). The text alternative itself (``role="img"``, a
``<title>`` with ``alt_title`` and a ``<desc>`` with who is where) is drawn by
:mod:`graph.map.svg`, without ids, so two maps on one page keep their own.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping

import networkx as nx
from flask_babel import gettext as _
from markupsafe import Markup

from graph.map import svg
from web.core import labels

__all__ = ["screen_map"]


def screen_map(G: nx.Graph, *, alt_title: str, target: str,
               highlight: Mapping[Hashable, str] | None = None) -> Markup:
    """The map of ``G`` as inline SVG markup, ``alt_title`` its accessible name."""
    words = {code: str(word) for code, word in labels.sector_labels().items()}
    drawing = svg.netwerkkaart_svg(
        G, sectors=labels.sectors(), sector_labels=words, width="100%", target=target,
        highlight=highlight, alt_title=alt_title, circle_word=_("cirkel"),
    )
    return Markup(drawing)  # noqa: S704 - graph.map.svg escapes every piece of user text
