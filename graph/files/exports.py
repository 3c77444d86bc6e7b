"""The export formats of a resident's network, by name: file extension, media type and the
function that writes the bytes.

=========  =============================================  ===============================
name       what                                           for
=========  =============================================  ===============================
graphml    GraphML, typed keys, ``label``, ``weight``      Gephi, igraph, NetworkX, yEd
gexf       GEXF 1.3 with the map's layout (``viz:``)        Gephi
csv        ZIP of ego.csv, alters.csv, aaties.csv          R (egor), spreadsheets
json       NetworkX node-link JSON                         Python, d3
=========  =============================================  ===============================

Examples
--------
>>> from graph.schema import new_network
>>> sorted(EXPORTS), EXPORTS["csv"].extension
(['csv', 'gexf', 'graphml', 'json'], 'zip')
>>> EXPORTS["graphml"].write(new_network("Riek"))[:38]
b"<?xml version='1.0' encoding='utf-8'?>"
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

import networkx as nx

from graph.files.gexf import write_gexf
from graph.files.graphml import write_graphml
from graph.files.nodelink import write_json
from graph.files.tables import write_tables

__all__ = ["EXPORTS", "Export"]


@dataclass(frozen=True)
class Export:
    name: str
    extension: str
    mimetype: str
    to_bytes: Callable[[nx.Graph], bytes]

    def write(self, G: nx.Graph) -> bytes:
        """The file's bytes for the network ``G``."""
        return self.to_bytes(G)


def _to_buffer(writer: Callable[[nx.Graph, io.BytesIO], None]) -> Callable[[nx.Graph], bytes]:
    def write(G: nx.Graph) -> bytes:
        buffer = io.BytesIO()
        writer(G, buffer)
        return buffer.getvalue()

    return write


EXPORTS: dict[str, Export] = {
    e.name: e for e in (
        Export("graphml", "graphml", "application/graphml+xml", _to_buffer(write_graphml)),
        Export("gexf", "gexf", "application/gexf+xml", _to_buffer(write_gexf)),
        Export("csv", "zip", "application/zip", write_tables),
        Export("json", "json", "application/json",
               lambda G: write_json(G).encode("utf-8")),
    )
}
