"""Network Canvas's CSV export of one interview, as a graph for :mod:`graph.files.mapping`.

Network Canvas (complexdatacollective/network-exporters) writes per case:

``<case>_ego.csv``
    one row: ``networkCanvasEgoUUID``, case and session columns, and the ego's variables.
``<case>_attributeList_<NodeType>.csv``
    one row per alter: ``nodeID`` (the export id the edge lists refer to),
    ``networkCanvasEgoUUID``, ``networkCanvasUUID`` and the node variables; a categorical
    variable is split into one true/false column per option (``support_nood``).
``<case>_edgeList_<EdgeType>.csv``
    one row per edge: ``edgeID``, ``from``, ``to`` (node export ids),
    ``networkCanvasEgoUUID``, ``networkCanvasUUID``, the source and target UUIDs and the
    edge variables. Two edge types between the same pair are two rows in two files.

Every edge gets its type (from the file name) as ``type``, so :mod:`graph.files.mapping` keeps
the types of parallel edges in the tie's note. The files of more than one interview
(different ``networkCanvasEgoUUID``), a repeated ``nodeID`` and an edge to a node that no
attribute list holds are refused, naming the file and line.

Examples
--------
>>> files = {
...     "c1_ego.csv": b"networkCanvasEgoUUID,name\\ne1,Riek\\n",
...     "c1_attributeList_Person.csv": b"nodeID,networkCanvasEgoUUID,name\\n1,e1,Ans\\n2,e1,Bob\\n",
...     "c1_edgeList_knows.csv": b"edgeID,from,to,networkCanvasEgoUUID\\n1,1,2,e1\\n",
... }
>>> raw, ego = read_netcanvas(files, max_nodes=10)
>>> ego, list(raw.edges(data="type"))
({'name': 'Riek'}, [('1', '2', 'knows')])
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import networkx as nx

from graph.files import GraphFileError, too_many_nodes
from graph.files.csvfiles import read_csv, same_resident

__all__ = ["is_netcanvas", "read_netcanvas"]

_NODES = re.compile(r"_attributeList_(.+)\.csv$", re.IGNORECASE)
_EDGES = re.compile(r"_edgeList_(.+)\.csv$", re.IGNORECASE)
_EGO = re.compile(r"_ego\.csv$", re.IGNORECASE)
_EGO_UUID = "networkCanvasEgoUUID"
_OTHER = ("deze rij hoort bij een ander interview (networkCanvasEgoUUID '{value}'). "
          "Lees één interview per keer in.")


def _base(name: str) -> str:
    return name.rsplit("/", 1)[-1]


def is_netcanvas(files: Mapping[str, bytes]) -> bool:
    """Are these Network Canvas CSV files (at least one attribute list)?"""
    names = [_base(n) for n in files]
    return any(_NODES.search(n) for n in names) and all(
        _NODES.search(n) or _EDGES.search(n) or _EGO.search(n) for n in names)


def read_netcanvas(files: Mapping[str, bytes], *, max_nodes: int) -> tuple[nx.MultiGraph,
                                                                          dict[str, Any]]:
    """The alters and edges of one interview, and the ego's variables (module notes)."""
    named = {_base(n): data for n, data in files.items()}
    ego_fields: dict[str, Any] = {}
    interview: str | None = None

    for name in sorted(n for n in named if _EGO.search(n)):
        egos = read_csv(name, named[name])
        if len(egos.rows) != 1:
            raise GraphFileError(f"{name}: er moet precies één ego in staan, niet "
                                 f"{len(egos.rows)}; lees één interview per keer in.")
        interview = same_resident(egos, egos.rows[0], _EGO_UUID, interview, _OTHER)
        ego_fields.update({k: v for k, v in egos.rows[0].items()
                           if v is not None and not k.startswith("networkCanvas")})

    raw = nx.MultiGraph()
    for name in sorted(n for n in named if _NODES.search(n)):
        table = read_csv(name, named[name], required=("nodeID|_id",),
                         max_rows=max_nodes)
        id_col = table.column("nodeID", "_id")
        node_type = _NODES.search(name).group(1)
        for row in table.rows:
            interview = same_resident(table, row, _EGO_UUID, interview, _OTHER)
            node = row[id_col]
            if node is None:
                raise GraphFileError(f"{table.where(row)}: de nodeID is leeg.")
            if node in raw:
                raise GraphFileError(f"{table.where(row)}: nodeID '{node}' staat er twee keer "
                                     "in.")
            raw.add_node(node, networkCanvasType=node_type, **{
                k: v for k, v in row.items() if k != id_col and v is not None})
        if raw.number_of_nodes() > max_nodes:
            raise too_many_nodes(max_nodes)

    for name in sorted(n for n in named if _EDGES.search(n)):
        table = read_csv(name, named[name], required=("from", "to"))
        edge_type = _EDGES.search(name).group(1)
        for row in table.rows:
            interview = same_resident(table, row, _EGO_UUID, interview, _OTHER)
            for end in (row["from"], row["to"]):
                if end not in raw:
                    raise GraphFileError(
                        f"{table.where(row)}: persoon '{end}' staat in geen enkele "
                        "attributeList.")
            raw.add_edge(row["from"], row["to"], type=edge_type, **{
                k: v for k, v in row.items() if k not in ("from", "to") and v is not None})
    return raw, ego_fields
