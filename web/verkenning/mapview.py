"""The interactive netwerkkaart's data: the graph.render payload with translated words."""

from __future__ import annotations

import networkx as nx

from graph import layout, render
from web import labels


def _text(mapping: dict) -> dict:
    return {key: str(value) for key, value in mapping.items()}


def map_payload(G: nx.Graph) -> dict:
    """Nodes, edges and the rings-and-wedges frame, as plain JSON-able data."""
    return render.map_payload(
        G,
        sectors=labels.sectors(),
        sector_labels=_text(labels.sector_labels()),
        circle_labels=_text(labels.CIRCLE_LABELS),
        quality_labels=_text(labels.QUALITY_LABELS),
        support_labels=_text(labels.SUPPORT_LABELS),
        frequency_labels=_text(labels.FREQUENCY_LABELS),
        detail_labels=_text(labels.DETAIL_LABELS),
    )


def drop_cell(G: nx.Graph, x: float, y: float) -> tuple[int | None, str | None] | None:
    """The (circle, sector) where a member was dropped, on the frame the page drew."""
    return layout.frame(G, sectors=labels.sectors()).locate(x, y)


def legend() -> dict:
    """What the map's shapes and line styles mean, for the legend beside it."""
    sector_words = labels.sector_labels()
    return {
        "sectors": [(str(sector_words[code]), shape)
                    for code, shape in render.sector_shapes(labels.sectors()).items()],
        "lines": [(str(word), render.edge_style(code))
                  for code, word in labels.QUALITY_LABELS.items()],
    }
