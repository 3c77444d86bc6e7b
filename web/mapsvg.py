"""The netwerkkaart as an SVG on a screen page: the comparison of two moments, a group
participant's own map.

One helper so every screen SVG gets the same translated words (sector names, the text
alternative's name and its word "cirkel") and a placement made for the screen it is shown
on (:data:`graph.placement.TARGETS`: ``screen-390`` puts names at 14 px on a phone 374 px
wide, ``screen-768`` at 15 px on 736 px).

The SVG's text alternative (``role="img"``, ``<title>`` and ``<desc>`` with who is where,
see :mod:`graph.svg`) refers to its title and description by id. Two maps on one page (the
comparison) would share those ids, and a screen reader would read the first map's words for
the second; ``dom_id`` makes them the page's own.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping

import networkx as nx
from flask_babel import gettext as _
from markupsafe import Markup

from graph import svg
from web import labels

__all__ = ["screen_map"]

def screen_map(G: nx.Graph, *, alt_title: str, target: str, dom_id: str = "map",
               highlight: Mapping[Hashable, str] | None = None) -> Markup:
    """The map of ``G`` as inline SVG markup, ``alt_title`` its accessible name.

    ``dom_id`` (letters, digits and ``-``) prefixes the ids of its title and description.
    """
    words = {code: str(word) for code, word in labels.sector_labels().items()}
    drawing = svg.netwerkkaart_svg(
        G, sectors=labels.sectors(), sector_labels=words, width="100%", target=target,
        highlight=highlight, alt_title=alt_title, circle_word=_("cirkel"),
    )
    if dom_id != "map":
        # graph.svg writes these ids literally; every user text in it is escaped, so "<"
        # and quotes from a name can never match them
        for old, new in (('aria-labelledby="map-title map-desc"',
                          f'aria-labelledby="{dom_id}-title {dom_id}-desc"'),
                         ('<title id="map-title">', f'<title id="{dom_id}-title">'),
                         ('<desc id="map-desc">', f'<desc id="{dom_id}-desc">')):
            drawing = drawing.replace(old, new, 1)
    return Markup(drawing)  # noqa: S704 - graph.svg escapes every piece of user text
