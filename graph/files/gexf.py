"""A resident's network as GEXF 1.3, the format of Gephi, with the netwerkkaart's layout.

:func:`write_gexf` writes the attributes of :func:`graph.files.graphml.flat_graph` as GEXF
attributes (typed: ``integer``, ``boolean``, ``double``, ``string``), the name as the node ``label``
and, under ``viz:``, the map as the app draws it: every node's position from
:func:`graph.map.layout.layout` (y upward, as Gephi draws), its colour from
:func:`graph.map.style.sector_colours` and a GEXF shape close to the screen's shape (GEXF has
``disc``, ``square``, ``triangle`` and ``diamond``; the screen's star and hexagon become a
disc). The screen's shape itself is kept in the ``shape`` attribute. GEXF has no graph
attributes, so the network's sector codes go in ``<meta><keywords>`` (comma-joined), where
:func:`read_gexf` finds them again. Each edge has GEXF's own ``weight`` from its quality.

:func:`read_gexf` parses with :mod:`graph.files.guards` (no DTDs, size and node limits) and reads
the tree with NetworkX's GEXF reader, then applies the reading rules of :mod:`graph.files.graphml`
(resident found by ``kind``, id, name or label; values outside the vocabulary refused;
other attributes, the layout included, dropped).

Examples
--------
>>> import io
>>> from graph.schema import new_network, add_member
>>> G = new_network("Riek")
>>> add_member(G, "m1", name="Ans", sector="familie", circle=1, support=("nood",))
>>> buffer = io.BytesIO()
>>> write_gexf(G, buffer)
>>> b'version="1.3"' in buffer.getvalue(), b"<viz:position" in buffer.getvalue()
(True, True)
>>> H = read_gexf(io.BytesIO(buffer.getvalue()))
>>> H.nodes["m1"]["name"], H.edges["ego", "m1"]["support"]
('Ans', ('nood',))
"""

from __future__ import annotations

import os
from collections.abc import Hashable
from typing import IO

import networkx as nx
from networkx.readwrite.gexf import GEXFReader, GEXFWriter, SubElement

from graph.files import MAX_BYTES, MAX_NODES, read_limited, too_many_nodes
from graph.files.graphml import flat_graph, to_schema
from graph.files.guards import parse_network_xml, unreadable
from graph.map.layout import layout
from graph.map.style import INK, RESIDENT_SHAPE, sector_colours, sector_shapes
from graph.schema import EGO, SECTORS

__all__ = ["GEXF_SHAPES", "read_gexf", "read_gexf_raw", "write_gexf"]

#: The GEXF shape of each screen shape (graph.map.style); others are drawn as a disc.
GEXF_SHAPES: dict[str, str] = {
    "dot": "disc", "ellipse": "disc", "square": "square", "triangle": "triangle",
    "triangleDown": "triangle", "diamond": "diamond",
}
_XSI = "http://www.w3.org/2001/XMLSchema-instance"


def write_gexf(G: nx.Graph, path_or_file: str | os.PathLike | IO[bytes]) -> None:
    """Write a resident's network as GEXF 1.3 with the map's positions, colours and shapes.

    Parameters
    ----------
    G : networkx.Graph
        The network (see :mod:`graph.schema`); it is not changed.
    path_or_file : path or binary file
        Where to write (UTF-8).
    """
    H = flat_graph(G)
    sectors = tuple(G.graph.get("sectors") or SECTORS)
    shapes, colours = sector_shapes(sectors), sector_colours(sectors)
    for node, (x, y) in layout(G).items():
        sector = None if node == EGO else G.nodes[node].get("sector")
        shape = RESIDENT_SHAPE if node == EGO else shapes.get(sector, shapes[None])
        colour = INK if node == EGO else colours.get(sector, colours[None])
        H.nodes[node]["shape"] = shape
        H.nodes[node]["viz"] = {
            "position": {"x": x, "y": 0.0 - y + 0.0, "z": 0.0},
            "color": dict(zip("rgb", _rgb(colour), strict=True), a=1.0),
            "shape": GEXF_SHAPES.get(shape, "disc"),
            "size": 12.0 if node == EGO else 8.0,
        }
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.3")
    writer.xml.set("xmlns:xsi", _XSI)  # NetworkX spells this namespace without "www."
    writer.xml.set("xsi:schemaLocation", "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd")
    writer.add_graph(H)
    meta = writer.xml.find("meta")
    meta.find("creator").text = "sns (sociale netwerkstrategieën)"
    SubElement(meta, "keywords").text = H.graph["sectors"]
    if isinstance(path_or_file, (str, os.PathLike)):
        with open(path_or_file, "wb") as f:
            writer.write(f)
    else:
        writer.write(path_or_file)


def _rgb(colour: str) -> tuple[int, int, int]:
    """``"#E69F00"`` -> ``(230, 159, 0)``."""
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def read_gexf_raw(
    path_or_file: str | os.PathLike | IO[bytes],
    *,
    max_bytes: int = MAX_BYTES,
    max_nodes: int = MAX_NODES,
) -> nx.MultiGraph:
    """The GEXF file as NetworkX reads it (every attribute, parallel edges kept), after the
    guards of :mod:`graph.files.guards`. GEXF 1.1, 1.2 and 1.3 are read; directed as undirected."""
    root = parse_network_xml(read_limited(path_or_file, max_bytes), fmt="GEXF",
                             max_nodes=max_nodes)
    namespace = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    versions = [v for v, d in GEXFReader.versions.items() if d["NS_GEXF"] == namespace]
    if not versions:
        raise unreadable("GEXF")
    reader = GEXFReader(version=versions[0])
    graph = root.find(f"{{{reader.NS_GEXF}}}graph")
    if graph is None:
        raise unreadable("GEXF")
    try:
        raw = reader.make_graph(graph)
    except (nx.NetworkXError, ValueError, KeyError, TypeError) as err:
        raise unreadable("GEXF") from err
    raw = nx.MultiGraph(raw)
    keywords = root.find(f"{{{reader.NS_GEXF}}}meta/{{{reader.NS_GEXF}}}keywords")
    if keywords is not None and keywords.text:
        raw.graph["sectors"] = keywords.text
    if raw.number_of_nodes() > max_nodes:
        raise too_many_nodes(max_nodes)
    return raw


def read_gexf(
    path_or_file: str | os.PathLike | IO[bytes],
    *,
    max_bytes: int = MAX_BYTES,
    max_nodes: int = MAX_NODES,
    ego: Hashable | None = None,
) -> nx.Graph:
    """Read a resident's network from a GEXF file (the rules of :mod:`graph.files.graphml`).

    Raises
    ------
    GraphFileError
        When the file is too big, not GEXF, holds a DTD, or a value is outside the
        vocabulary; the Dutch message names the node and field.
    """
    raw = read_gexf_raw(path_or_file, max_bytes=max_bytes, max_nodes=max_nodes)
    return to_schema(raw, ego=ego)
