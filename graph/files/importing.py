"""One entry for every file that can bring a network in: which format it is, what the
resident is, and what each foreign field becomes, before anything is stored.

:func:`read_network_files` takes the uploaded files (name -> bytes; one ZIP is unpacked
through :mod:`graph.files.guards`), recognises the format, reads it with that format's guarded
reader and maps its fields with :mod:`graph.files.mapping`. The result, an :class:`Imported`, is
what the preview shows and what :mod:`sns.network.importing` stores.

Formats (by name and content):

=======================  ==========================================================
GraphML                  ``.graphml`` / ``.xml``: sns, Gephi, igraph, Network Canvas
GEXF                     ``.gexf``: Gephi, sns
JSON                     ``.json``: NetworkX node-link, sns
CSV (egor)               ``ego.csv``, ``alters.csv``, ``aaties.csv`` (R package egor, sns)
CSV (Network Canvas)     ``*_ego.csv``, ``*_attributeList_<Type>.csv``, ``*_edgeList_<Type>.csv``
CSV (EgoWeb 2.0)         an alter file with ``Alter Number``, an edge file with
                         ``Alter 1 Number`` / ``Alter 2 Number`` (any names)
=======================  ==========================================================

The resident of a graph file is found by :func:`graph.files.graphml.resident_of` (``kind="ego"``, id
``ego``, name or label ``ego``) or chosen (``ego=``); the CSV layouts and Network Canvas's
GraphML keep the resident's fields apart from the alters. A file without a resident imports
its members with their relation unknown, and :attr:`Imported.resident_rule` says so.
"""

from __future__ import annotations

import io
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from graph.files import MAX_BYTES, MAX_NODES, GraphFileError
from graph.files.egoweb import is_egoweb, read_egoweb
from graph.files.gexf import read_gexf_raw
from graph.files.graphml import read_graphml_raw, resident_of, to_schema
from graph.files.guards import is_zip, read_zip
from graph.files.mapping import FieldUse, map_fields
from graph.files.netcanvas import is_netcanvas, read_netcanvas
from graph.files.nodelink import read_json_raw
from graph.files.tables import is_egor, read_tables
from graph.schema import EGO

__all__ = ["FORMATS", "Imported", "read_network_files"]

FORMATS = ("GraphML", "GEXF", "JSON", "CSV (egor)", "CSV (Network Canvas)", "CSV (EgoWeb 2.0)")
_GRAPH_READERS = {".graphml": ("GraphML", read_graphml_raw), ".xml": ("GraphML", read_graphml_raw),
                  ".gexf": ("GEXF", read_gexf_raw), ".json": ("JSON", read_json_raw)}
#: Graph-level keys that are NetworkX's own, not the resident's fields (GEXF's ``name`` is
#: the graph's title; GraphML has no such attribute, so there a ``name`` is the resident's).
_GRAPH_KEYS = {"node_default", "edge_default", "sectors", "mode"}
#: At most this many nodes are offered as "this is the resident" in the preview.
MAX_CHOICES = 300


@dataclass
class Imported:
    """A file read and mapped, not yet stored."""

    format: str
    files: list[str]
    graph: nx.Graph  # the schema's form: "ego" and the members
    resident_node: Hashable | None
    resident_rule: str  # see graph.files.graphml.EGO_RULES
    fields: list[FieldUse] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: (node id, name) of every node, to choose the resident from (graph formats only).
    choices: list[tuple[str, str]] = field(default_factory=list)


def read_network_files(
    files: Mapping[str, bytes],
    *,
    ego: Hashable | None = None,
    sectors: tuple[str, ...] | None = None,
    max_bytes: int = MAX_BYTES,
    max_nodes: int = MAX_NODES,
) -> Imported:
    """Read uploaded files as one resident's network (see the module notes).

    Raises
    ------
    GraphFileError
        With a Dutch message naming the file (and line, for CSV) when the files are not one
        of the formats, are unsafe, or do not hold one consistent network.
    """
    if not files:
        raise GraphFileError("Kies een bestand.")
    files = dict(files)
    if len(files) == 1 and is_zip(next(iter(files.values()))):
        files = read_zip(next(iter(files.values())), max_bytes=max_bytes)
        files = {n: d for n, d in files.items() if not _hidden(n)}
    total = sum(len(d) for d in files.values())
    if total > max_bytes:
        raise GraphFileError(f"De bestanden zijn samen te groot: meer dan {max_bytes:,} "
                             "bytes.".replace(",", "."))
    names = sorted(files)
    if len(files) == 1:
        name = names[0]
        suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if suffix in _GRAPH_READERS:
            fmt, reader = _GRAPH_READERS[suffix]
            raw = _named(name, lambda: reader(io.BytesIO(files[name]), max_bytes=max_bytes,
                                              max_nodes=max_nodes))
            return _from_graph(fmt, names, raw, ego, sectors)
    if is_netcanvas(files):
        raw, ego_fields = read_netcanvas(files, max_nodes=max_nodes)
        return _finish("CSV (Network Canvas)", names, raw, None, "none", ego_fields, sectors,
                       all_alters=True)
    if is_egoweb(files):
        raw, ego_fields = read_egoweb(files, max_nodes=max_nodes)
        return _finish("CSV (EgoWeb 2.0)", names, raw, None, "none", ego_fields, sectors,
                       all_alters=True)
    if is_egor(files):
        raw, ego_fields = read_tables(files, max_nodes=max_nodes)
        return _finish("CSV (egor)", names, raw, None, "none", ego_fields, sectors,
                       all_alters=True)
    shown = ", ".join(f"'{n}'" for n in names[:5])
    raise GraphFileError(
        f"Onbekend soort bestand: {shown}. sns leest GraphML, GEXF, JSON (node-link) en CSV "
        "van egor (ego.csv, alters.csv, aaties.csv), Network Canvas of EgoWeb 2.0.")


def _hidden(name: str) -> bool:
    base = name.rsplit("/", 1)[-1]
    return name.startswith("__MACOSX/") or base.startswith(".") or not base


def _named(name: str, read):
    """Run a reader; its message gets the file's name in front."""
    try:
        return read()
    except GraphFileError as err:
        raise GraphFileError(f"{name}: {err}") from err


def _from_graph(fmt: str, names: list[str], raw: nx.MultiGraph, ego: Hashable | None,
                sectors) -> Imported:
    if ego is not None:
        ego = next((n for n in raw if str(n) == str(ego)), ego)
    node, rule = resident_of(raw, ego=ego)
    ego_fields = {k: v for k, v in raw.graph.items()
                  if k not in _GRAPH_KEYS and not (fmt == "GEXF" and k == "name")}
    # Network Canvas keeps the resident on <graph>: then every node is one of their people.
    imported = _finish(fmt, names, raw, node, rule, ego_fields, sectors,
                       all_alters=node is None and bool(ego_fields))
    if raw.number_of_nodes() <= MAX_CHOICES:
        imported.choices = [(str(n), _label(raw.nodes[n]) or str(n)) for n in raw]
    return imported


def _label(attrs: Mapping[str, Any]) -> str | None:
    for key in ("name", "naam", "label"):
        if attrs.get(key) not in (None, ""):
            return str(attrs[key])
    return None


def _finish(fmt, names, raw, node, rule, ego_fields, sectors, *, all_alters=False
            ) -> Imported:
    mapped = map_fields(raw, ego=node, ego_fields=ego_fields, sectors=sectors,
                        all_alters=all_alters)
    G = to_schema(mapped.graph, ego=EGO)
    return Imported(format=fmt, files=names, graph=G, resident_node=node, resident_rule=rule,
                    fields=mapped.fields, notes=mapped.notes)
