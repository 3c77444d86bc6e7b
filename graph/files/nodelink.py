"""A resident's network as NetworkX node-link JSON, and back.

:func:`write_json` writes :func:`graph.files.graphml.flat_graph` with
:func:`networkx.node_link_data` (``"nodes"`` and ``"links"``, the layout d3 and
``networkx.node_link_graph`` read). :func:`read_json` refuses a file over the size limit, one
that is not UTF-8 JSON, that is not a node-link object, or that has too many nodes, and then
applies the reading rules of :mod:`graph.files.graphml`.

Examples
--------
>>> import io
>>> from graph.schema import new_network, add_member
>>> G = new_network("Riek")
>>> add_member(G, "m1", name="Ans", circle=2, reciprocal=True)
>>> text = write_json(G)
>>> H = read_json(io.BytesIO(text.encode()))
>>> H.edges["ego", "m1"]["circle"], H.edges["ego", "m1"]["reciprocal"]
(2, True)
"""

from __future__ import annotations

import json
import os
from collections.abc import Hashable
from typing import IO

import networkx as nx

from graph.files import MAX_BYTES, MAX_NODES, GraphFileError, read_limited, too_many_nodes
from graph.files.graphml import flat_graph, to_schema

__all__ = ["read_json", "read_json_raw", "write_json"]

UNREADABLE = "Dit is geen leesbaar JSON-bestand met een netwerk (node-link)."


def write_json(G: nx.Graph) -> str:
    """The network as node-link JSON text (UTF-8, names as written)."""
    data = nx.node_link_data(flat_graph(G), edges="links")
    return json.dumps(data, ensure_ascii=False, indent=2)


def read_json_raw(
    path_or_file: str | os.PathLike | IO[bytes],
    *,
    max_bytes: int = MAX_BYTES,
    max_nodes: int = MAX_NODES,
) -> nx.MultiGraph:
    """The node-link file as NetworkX reads it, parallel edges kept, after the guards."""
    raw_bytes = read_limited(path_or_file, max_bytes)
    try:
        data = json.loads(raw_bytes.decode("utf-8-sig"))
    except UnicodeDecodeError as err:
        raise GraphFileError("Dit JSON-bestand is geen UTF-8-tekst.") from err
    except (ValueError, RecursionError) as err:
        # ValueError, not only its JSONDecodeError: a number longer than Python's limit on
        # an integer's digits (sys.get_int_max_str_digits) is a plain ValueError.
        raise GraphFileError(UNREADABLE) from err
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        raise GraphFileError(UNREADABLE)
    if len(data["nodes"]) > max_nodes:
        raise too_many_nodes(max_nodes)
    edges = "links" if "links" in data else "edges"
    try:
        raw = nx.node_link_graph({**data, "multigraph": True, "directed": False}, edges=edges)
    except (nx.NetworkXError, KeyError, TypeError, ValueError) as err:
        raise GraphFileError(UNREADABLE) from err
    for _node, attrs in raw.nodes(data=True):
        if any(isinstance(v, (dict, list)) for v in attrs.values()):
            raise GraphFileError(UNREADABLE)
    if raw.number_of_nodes() > max_nodes:
        raise too_many_nodes(max_nodes)
    return raw


def read_json(
    path_or_file: str | os.PathLike | IO[bytes],
    *,
    max_bytes: int = MAX_BYTES,
    max_nodes: int = MAX_NODES,
    ego: Hashable | None = None,
) -> nx.Graph:
    """Read a resident's network from node-link JSON (the rules of :mod:`graph.files.graphml`)."""
    return to_schema(read_json_raw(path_or_file, max_bytes=max_bytes, max_nodes=max_nodes),
                     ego=ego)
