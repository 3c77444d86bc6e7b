"""EgoWeb 2.0's CSV export of one interview, as a graph for :mod:`graph.files.mapping`.

EgoWeb writes two files (egor's ``read.egoweb`` reads the same pair):

the alter file
    one row per alter. The columns *before* ``Alter Number`` are the ego's (``Interview
    ID``, ``EgoID`` and the ego questions, repeated on every row); from ``Alter Number`` on
    they are the alter's: ``Alter Number`` (the id), ``Alter Name`` and the alter questions.
the edge file
    one row per alter pair: ``Alter 1 Number``, ``Alter 2 Number`` (and often the ego id
    and the names), plus the pair questions.

R's ``read.csv`` turns the spaces into dots (``Alter.Number``); both spellings are read.
The files are recognised by their columns, not their names. Rows of more than one
``EgoID``, a repeated alter number and a pair with an alter that is not in the alter file
are refused, naming the file and line.

Examples
--------
>>> files = {"alters.csv": b"EgoID,Age,Alter Number,Alter Name\\n5,70,1,Ans\\n5,70,2,Bob\\n",
...          "edges.csv": b"EgoID,Alter 1 Number,Alter 2 Number\\n5,1,2\\n"}
>>> is_egoweb(files)
True
>>> raw, ego = read_egoweb(files, max_nodes=10)
>>> ego, dict(raw.nodes(data=True)), list(raw.edges())
({'Age': '70'}, {'1': {'Alter Name': 'Ans'}, '2': {'Alter Name': 'Bob'}}, [('1', '2')])
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import networkx as nx

from graph.files import GraphFileError
from graph.files.csvfiles import read_csv, same_resident

__all__ = ["is_egoweb", "read_egoweb"]

_ALTER = ("Alter Number", "Alter.Number")
_PAIR = (("Alter 1 Number", "Alter.1.Number"), ("Alter 2 Number", "Alter.2.Number"))
_EGO_ID = ("EgoID", "Ego ID", "Ego.ID")
_OTHER = "EgoID {value} is een ander interview dan {seen}. Lees één interview per keer in."


def _header(data: bytes) -> list[str]:
    first = data.split(b"\n", 1)[0].decode("utf-8-sig", errors="replace")
    separator = ";" if first.count(";") > first.count(",") else ","
    return [c.strip().strip('"') for c in first.split(separator)]


def _kinds(files: Mapping[str, bytes]) -> dict[str, str]:
    kinds = {}
    for name, data in files.items():
        header = _header(data)
        if any(c in header for c in _PAIR[0]):
            kinds[name] = "edges"
        elif any(c in header for c in _ALTER):
            kinds[name] = "alters"
    return kinds


def is_egoweb(files: Mapping[str, bytes]) -> bool:
    """An alter file with ``Alter Number`` and at most one edge file, nothing else?"""
    kinds = _kinds(files)
    return (len(kinds) == len(files) and list(kinds.values()).count("alters") == 1
            and list(kinds.values()).count("edges") <= 1)


def read_egoweb(files: Mapping[str, bytes], *, max_nodes: int) -> tuple[nx.MultiGraph,
                                                                       dict[str, Any]]:
    """The alters and pairs of one interview, and the ego's answers (module notes)."""
    kinds = _kinds(files)
    base = {name: name.rsplit("/", 1)[-1] for name in files}
    alter_name = next(n for n, k in kinds.items() if k == "alters")
    alters = read_csv(base[alter_name], files[alter_name], max_rows=max_nodes)
    alter_col = alters.column(*_ALTER)
    ego_col = alters.column(*_EGO_ID)
    ego_columns = alters.columns[: alters.columns.index(alter_col)]
    raw = nx.MultiGraph()
    ego_fields: dict[str, Any] = {}
    ego_id = None
    for row in alters.rows:
        ego_id = same_resident(alters, row, ego_col, ego_id, _OTHER)
        node = row[alter_col]
        if node is None:
            raise GraphFileError(f"{alters.where(row)}: het Alter Number is leeg.")
        if node in raw:
            raise GraphFileError(f"{alters.where(row)}: alter {node} staat er twee keer in.")
        if not ego_fields:
            ego_fields = {c: row[c] for c in ego_columns
                          if row.get(c) is not None and c != ego_col and "Interview" not in c}
        raw.add_node(node, **{k: v for k, v in row.items()
                              if k not in ego_columns and k != alter_col and v is not None})
    for name in (n for n, k in kinds.items() if k == "edges"):
        pairs = read_csv(base[name], files[name])
        first, second = (pairs.column(*options) for options in _PAIR)
        if second is None:
            raise GraphFileError(f"{pairs.name}: de kolom 'Alter 2 Number' ontbreekt.")
        pair_ego = pairs.column(*_EGO_ID)
        for row in pairs.rows:
            same_resident(pairs, row, pair_ego, ego_id, _OTHER)
            for end in (row[first], row[second]):
                if end not in raw:
                    raise GraphFileError(
                        f"{pairs.where(row)}: alter {end} staat niet in {alters.name}.")
            raw.add_edge(row[first], row[second], **{
                k: v for k, v in row.items()
                if k not in (first, second, pair_ego) and v is not None
                and not k.startswith("Alter ") and not k.startswith("Alter.")})
    return raw, ego_fields
