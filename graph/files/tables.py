"""A resident's network as three CSV tables, the layout of egor (R) and Network Canvas: the
ego, the alters and the alter-alter ties, zipped together.

Written (:func:`write_tables`):

``ego.csv``
    ``egoID``, ``name``, ``sectors`` (the network's sector codes, comma-joined).
``alters.csv``
    ``egoID``, ``alterID``, the person fields and the relation to the resident
    (:data:`ALTER_COLUMNS`); support kinds comma-joined, unknown left empty.
``aaties.csv``
    ``egoID``, ``Source``, ``Target`` (alter ids), ``quality``, ``note``.

These are egor's default column names, so in R
``egor::threefiles_to_egor(egos = read.csv("ego.csv"), alters.df = read.csv("alters.csv"),
edges = read.csv("aaties.csv"))`` reads the export as it is. The files are UTF-8 with a
comma as separator.

Read (:func:`read_tables`): the same layout from egor or elsewhere, with egor's own id
columns (``.egoID``, ``.altID``, ``.srcID``, ``.tgtID``) accepted too. The file holds one
resident: an ego id in the alters or ties that is not the ego's is refused, as are a
repeated alter id and a tie to an alter that is not in the alters table; each message
names the file and the line. The other columns are handed to :mod:`graph.files.mapping`.

Examples
--------
>>> from graph.schema import new_network, add_member, add_tie
>>> G = new_network("Riek")
>>> add_member(G, "m1", name="Ans", circle=1); add_member(G, "m2", name="Bob")
>>> add_tie(G, "m1", "m2", quality="goed")
>>> files = unzip(write_tables(G))
>>> sorted(files)
['aaties.csv', 'alters.csv', 'ego.csv']
>>> files["aaties.csv"].decode().splitlines()
['egoID,Source,Target,quality,note', '1,m1,m2,goed,']
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from typing import Any

import networkx as nx

from graph.attributes import node_key
from graph.files import GraphFileError
from graph.files.csvfiles import Table, read_csv, same_resident, write_csv
from graph.files.graphml import flat_graph
from graph.files.guards import read_zip
from graph.schema import EGO, PERSON_ATTRS, RELATION_ATTRS

__all__ = ["ALTER_COLUMNS", "is_egor", "read_tables", "unzip", "write_tables"]

ALTER_COLUMNS: tuple[str, ...] = ("egoID", "alterID", *PERSON_ATTRS, *RELATION_ATTRS)
_EGO_ID = "1"


def write_tables(G: nx.Graph) -> bytes:
    """The network as a ZIP of ``ego.csv``, ``alters.csv`` and ``aaties.csv``."""
    H = flat_graph(G)
    ego = H.nodes[EGO] if EGO in H else {}
    files = {
        "ego.csv": write_csv(("egoID", "name", "sectors"),
                             [(_EGO_ID, ego.get("name"), H.graph["sectors"])]),
        "alters.csv": write_csv(ALTER_COLUMNS, (
            (_EGO_ID, node, *(H.nodes[node].get(a) for a in PERSON_ATTRS),
             *((H.edges[EGO, node].get(a) if H.has_edge(EGO, node) else None)
               for a in RELATION_ATTRS))
            for node in G if node != EGO)),  # the graph's order: an import keeps it
        "aaties.csv": write_csv(("egoID", "Source", "Target", "quality", "note"), (
            (_EGO_ID, *sorted((u, v), key=node_key), d.get("quality"), d.get("note"))
            for u, v, d in H.edges(data=True) if EGO not in (u, v))),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def unzip(data: bytes) -> dict[str, bytes]:
    """The files of a ZIP, through the guards of :mod:`graph.files.guards`."""
    return read_zip(data)


def _role(name: str) -> str | None:
    low = name.rsplit("/", 1)[-1].lower()
    if not low.endswith(".csv"):
        return None
    if "aatie" in low or "edge" in low or "ties" in low:
        return "aaties"
    if "alter" in low:
        return "alters"
    if "ego" in low:
        return "ego"
    return None


def is_egor(files: Mapping[str, bytes]) -> bool:
    """Are these the three (or two: no ties) tables of the egor layout?"""
    roles = [_role(n) for n in files]
    return "alters" in roles and all(r is not None for r in roles) and len(set(roles)) == len(
        roles)


def read_tables(files: Mapping[str, bytes], *, max_nodes: int) -> tuple[nx.MultiGraph,
                                                                       dict[str, Any]]:
    """The tables as a graph of the alters (their own columns as attributes) and the
    resident's fields from the ego table (see the module notes)."""
    by_role = {_role(n): (n.rsplit("/", 1)[-1], data) for n, data in files.items()}
    alters = read_csv(*by_role["alters"], required=("egoID|.egoID", "alterID|.altID"),
                      max_rows=max_nodes)
    ego_id_col = alters.column("egoID", ".egoID")
    alter_col = alters.column("alterID", ".altID")
    ego_fields: dict[str, Any] = {}
    ego_id = None
    if "ego" in by_role:
        egos = read_csv(*by_role["ego"], required=("egoID|.egoID",))
        if len(egos.rows) != 1:
            raise GraphFileError(
                f"{egos.name}: er moet precies één bewoner in staan, niet {len(egos.rows)}; "
                "lees één bewoner per keer in.")
        row = egos.rows[0]
        ego_id = row[egos.column("egoID", ".egoID")]
        ego_fields = {k: v for k, v in row.items() if k not in ("egoID", ".egoID") and v}
    raw = nx.MultiGraph(sectors=ego_fields.pop("sectors", None))
    for row in alters.rows:
        ego_id = same_resident(alters, row, ego_id_col, ego_id, _OTHER_EGO)
        node = row[alter_col]
        if node is None:
            raise GraphFileError(f"{alters.where(row)}: de alterID is leeg.")
        if node in raw:
            raise GraphFileError(f"{alters.where(row)}: alter '{node}' staat er twee keer in.")
        raw.add_node(node, **{k: v for k, v in row.items()
                              if k not in (ego_id_col, alter_col) and v is not None})
    if "aaties" in by_role:
        ties = read_csv(*by_role["aaties"], required=("Source|.srcID|from",
                                                      "Target|.tgtID|to"))
        _add_ties(raw, ties, ego_id)
    return raw, ego_fields


_OTHER_EGO = ("egoID '{value}' hoort niet bij bewoner '{seen}'. "
              "Het bestand mag één bewoner bevatten.")


def _add_ties(raw: nx.MultiGraph, ties: Table, ego_id: str | None) -> None:
    source = ties.column("Source", ".srcID", "from")
    target = ties.column("Target", ".tgtID", "to")
    ego_col = ties.column("egoID", ".egoID")
    for row in ties.rows:
        same_resident(ties, row, ego_col, ego_id, _OTHER_EGO)
        for end in (row[source], row[target]):
            if end not in raw:
                raise GraphFileError(
                    f"{ties.where(row)}: alter '{end}' staat niet in de lijst met alters.")
        raw.add_edge(row[source], row[target], **{
            k: v for k, v in row.items() if k not in (source, target, ego_col) and v is not None})
