"""A resident's network as a GraphML file, and back (see :mod:`graph.schema` for the form).

:func:`write_graphml` writes exactly the schema's attributes; :func:`read_graphml` reads a
file written by it or by another program and returns a graph in the schema's form, or
refuses the file with a :class:`GraphFileError` whose Dutch message can be shown as is.

GraphML has no tuples and no ``None``: the support kinds and the graph's sector codes are
written comma-joined (``"praktisch,nood"``), and unknown values are left out.

Rules for reading
-----------------
- **Size first.** A file larger than ``max_bytes`` is refused before it is read; one with
  more than ``max_nodes`` ``<node>`` elements before the graph is built.
- **No DTDs, no malformed XML**: the file is parsed once by :mod:`graph.files.guards` (on
  ``defusedxml``), the guard every XML format shares; NetworkX's GraphML reader then reads
  the parsed tree.
- **The resident** is the node chosen by the caller (``ego=``), else the node with
  ``kind="ego"``, else the node with id ``"ego"`` (if its kind is not given), else the one
  node whose ``name`` or ``label`` is ``ego``. In the result the resident is always the node
  ``"ego"``; :func:`resident_of` says which node of the file it was and by which rule. More
  than one ``kind="ego"`` node, or a node ``"ego"`` that is marked as a member, is refused.
- **Without a resident** every node is a member whose relation to the resident is unknown:
  the result has an ego node without a name and *no* ego edges; every edge in the file is a
  tie between members, and relation attributes on nodes or edges are not read.
- **Missing means unknown**, never guessed: a missing or empty attribute becomes ``None``
  (``()`` for support); a member without an edge to the resident has no ego edge, so
  :func:`graph.schema.relation` reports every field unknown. Names are not taken from other
  attributes such as ``label``. Declared GraphML defaults (``<default>``) do count as values.
- **Values outside the vocabulary are refused**, not dropped: a circle other than 1-3, a
  support kind, frequency or quality that is not a code of :mod:`graph.schema`, a yes/no
  field that is not yes or no, a ``kind`` other than ego/member. A sector code is accepted
  only if it is in the file's own ``sectors`` graph attribute (a team may configure extra
  sectors), else in :data:`graph.schema.SECTORS`. Numbers written as text (``"2"``) and
  ``true``/``false``/``ja``/``nee`` as text are accepted.
- **Other attributes are dropped** (positions, colours, labels, weights, edge ids): the
  result holds only the schema's attributes.
- A directed file is read as undirected; two edges between the same two nodes (both
  directions, or parallel edges) are merged when they say the same, else refused. An edge
  from a node to itself is refused. With more than one ``<graph>`` the file is refused.

Examples
--------
>>> import io
>>> from graph.schema import new_network, add_member, relation
>>> G = new_network("Riek")
>>> add_member(G, "m1", name="Ans", sector="familie", circle=1, support=("nood", "praktisch"))
>>> buffer = io.BytesIO()
>>> write_graphml(G, buffer)
>>> H = read_graphml(io.BytesIO(buffer.getvalue()))
>>> relation(H, "m1")["support"], H.nodes["ego"]["name"]
(('praktisch', 'nood'), 'Riek')
>>> read_graphml(io.BytesIO(b"<graphml><graph>"))
Traceback (most recent call last):
...
graph.files.GraphFileError: Dit is geen leesbaar GraphML-bestand.
"""

from __future__ import annotations

import os
from collections.abc import Hashable, Iterable
from typing import IO, Any

import networkx as nx
from networkx.readwrite.graphml import GraphMLReader, GraphMLWriter

from graph.files import MAX_BYTES, MAX_NODES, GraphFileError, read_limited, too_many_nodes
from graph.files.guards import parse_network_xml, unreadable
from graph.schema import (
    CIRCLES,
    EGO,
    FREQUENCIES,
    MEMBER_STATES,
    PERSON_ATTRS,
    QUALITIES,
    RELATION_ATTRS,
    SECTORS,
    SUPPORT_KINDS,
)

__all__ = ["EGO_RULES", "MAX_BYTES", "MAX_NODES", "TIE_WEIGHTS", "GraphFileError", "flat_graph",
           "read_graphml", "read_graphml_raw", "resident_of", "to_schema", "write_graphml"]

_TEXT_ATTRS = ("name", "willing", "talents", "note")
_YES = {"true", "1", "ja", "yes"}
_NO = {"false", "0", "nee", "no"}

#: How the resident of a file was found: chosen by the caller, ``kind="ego"``, id ``ego``,
#: name or label ``ego``; ``"none"`` when the file has no resident.
EGO_RULES: tuple[str, ...] = ("chosen", "kind", "id", "name", "label", "none")

#: The numeric ``weight`` written for analysis programs (Gephi, igraph), from the quality of
#: a tie: a good tie counts most. A tie of unknown quality gets no weight (Gephi and igraph
#: then take their own default, 1).
TIE_WEIGHTS: dict[str, float] = {"goed": 3.0, "wisselend": 2.0, "gespannen": 1.0}


# --------------------------------------------------------------------------- writing


def write_graphml(G: nx.Graph, path_or_file: str | os.PathLike | IO[bytes]) -> None:
    """Write a resident's network (see :mod:`graph.schema`) as GraphML.

    What is written is :func:`flat_graph` of ``G``. Every key is declared with ``for`` and
    ``attr.type``, so Gephi and igraph read numbers as numbers. The yes/no fields
    (``can_think_along``, ``reciprocal``) are written as *text* ``"true"``/``"false"`` and
    left out when unknown: a GraphML boolean that is absent is read by igraph as ``False``
    (it fills missing booleans with false), which would turn "we do not know" into "no".
    As text, igraph reads an unknown as ``""`` and NetworkX as a missing key.

    Parameters
    ----------
    G : networkx.Graph
        The network; it is not changed.
    path_or_file : path or binary file
        Where to write (UTF-8).

    Raises
    ------
    ValueError
        When a sector code contains a comma (it could not be read back).
    """
    H = flat_graph(G)
    for _, attrs in [*H.nodes(data=True), *((None, d) for *_, d in H.edges(data=True))]:
        for key, value in attrs.items():
            if isinstance(value, bool):
                attrs[key] = "true" if value else "false"
    writer = GraphMLWriter(encoding="utf-8", named_key_ids=True)
    writer.add_graph_element(H)
    if isinstance(path_or_file, (str, os.PathLike)):
        with open(path_or_file, "wb") as f:
            writer.dump(f)
    else:
        writer.dump(path_or_file)


def flat_graph(G: nx.Graph) -> nx.Graph:
    """The network as every file format holds it: only plain strings, numbers and booleans.

    The schema's attributes: ``sectors`` on the graph, ``kind`` and ``name`` on the
    resident, ``kind`` and the person attributes on members, the relation attributes on ego
    edges and ``quality`` (and a ``note``, if any) on ties between members. Support kinds
    and sector codes are comma-joined; ``None`` and empty support are left out, so an
    unknown yes/no is *absent*, never ``false``. Two derived attributes for analysis
    programs, ignored on reading: ``label`` (the name, so Gephi shows names instead of ids)
    and a numeric ``weight`` per edge from its quality (:data:`TIE_WEIGHTS`).

    Examples
    --------
    >>> from graph.schema import new_network, add_member
    >>> G = new_network("Riek")
    >>> add_member(G, "m1", name="Ans", circle=1, support=("nood", "praktisch"), quality="goed")
    >>> H = flat_graph(G)
    >>> H.nodes["m1"]
    {'kind': 'member', 'label': 'Ans', 'name': 'Ans', 'can_think_along': False}
    >>> H.edges["ego", "m1"]
    {'circle': 1, 'support': 'praktisch,nood', 'quality': 'goed', 'weight': 3.0}
    """
    sectors = tuple(G.graph.get("sectors") or SECTORS)
    for code in sectors:
        if "," in str(code):
            raise ValueError(f"sector code {code!r} contains a comma")
    H = nx.Graph(sectors=",".join(str(c) for c in sectors))
    for node, data in G.nodes(data=True):
        if node == EGO:
            name = _str(data.get("name"))
            H.add_node(node, **_present({"kind": "ego", "label": name, "name": name}))
            continue
        attrs = {"kind": "member", "label": _str(data.get("name"))}
        attrs.update({a: _str(data.get(a)) for a in PERSON_ATTRS if a != "can_think_along"})
        if data.get("can_think_along") is not None:
            attrs["can_think_along"] = bool(data["can_think_along"])
        H.add_node(node, **_present(attrs))
    for u, v, data in G.edges(data=True):
        if EGO in (u, v):
            support = ",".join(data.get("support") or ()) or None
            gives = ",".join(data.get("gives") or ()) or None
            circle = data.get("circle")
            reciprocal = data.get("reciprocal")
            attrs = {
                "circle": None if circle is None else int(circle),
                "support": support,
                "reciprocal": None if reciprocal is None else bool(reciprocal),
                "frequency": _str(data.get("frequency")),
                "quality": _str(data.get("quality")),
                "gives": gives,
            }
        else:
            attrs = {"quality": _str(data.get("quality")), "note": _str(data.get("note"))}
        attrs["weight"] = TIE_WEIGHTS.get(data.get("quality"))
        H.add_edge(u, v, **_present(attrs))
    return H


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


def _present(attrs: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in attrs.items() if v is not None}


# --------------------------------------------------------------------------- reading


def read_graphml(
    path_or_file: str | os.PathLike | IO[bytes],
    *,
    max_bytes: int = MAX_BYTES,
    max_nodes: int = MAX_NODES,
    ego: Hashable | None = None,
) -> nx.Graph:
    """Read a resident's network from a GraphML file (the rules are in the module notes).

    Parameters
    ----------
    path_or_file : path or binary file
        The GraphML file.
    max_bytes : int
        Larger files are refused before they are read.
    max_nodes : int
        Files with more nodes are refused before the graph is built.
    ego : node id, optional
        The file's node that is the resident (overrides ``kind="ego"`` and the other rules).

    Returns
    -------
    networkx.Graph
        A network in the form of :mod:`graph.schema`: the resident ``"ego"``, the members
        with every person attribute, ego edges with every relation attribute, ties between
        members with their quality, and the ``sectors`` graph attribute as a tuple.

    Raises
    ------
    GraphFileError
        When the file is too big, not GraphML, holds a DTD, or a value is outside the
        vocabulary; the Dutch message names the node and field.
    OSError
        When the path cannot be read.
    """
    return to_schema(read_graphml_raw(path_or_file, max_bytes=max_bytes, max_nodes=max_nodes),
                     ego=ego)


def read_graphml_raw(
    path_or_file: str | os.PathLike | IO[bytes],
    *,
    max_bytes: int = MAX_BYTES,
    max_nodes: int = MAX_NODES,
) -> nx.MultiGraph:
    """The GraphML file as NetworkX reads it (every attribute, parallel edges kept), after
    the guards of :mod:`graph.files.guards`. Directed files are read as undirected."""
    root = parse_network_xml(read_limited(path_or_file, max_bytes), fmt="GraphML",
                             max_nodes=max_nodes)
    reader = GraphMLReader(force_multigraph=True)
    try:
        keys, defaults = reader.find_graphml_keys(root)
        graphs = [reader.make_graph(g, keys, defaults)
                  for g in root.findall(f"{{{reader.NS_GRAPHML}}}graph")]
    except (nx.NetworkXError, ValueError, KeyError, TypeError, SyntaxError) as err:
        raise unreadable("GraphML") from err
    if len(graphs) != 1:
        raise unreadable("GraphML")
    raw = nx.MultiGraph(graphs[0])
    if raw.number_of_nodes() > max_nodes:  # edges to undeclared nodes add nodes
        raise too_many_nodes(max_nodes)
    return raw


def to_schema(raw: nx.Graph, *, ego: Hashable | None = None) -> nx.Graph:
    """A graph with attributes in the schema's vocabulary (as a file would write them:
    codes, comma-joined support, text numbers) checked and turned into the schema's form.

    Used by every reader of a format that can hold the schema (GraphML, GEXF, JSON, the
    CSV tables); the rules are those of the module notes.
    """
    sectors = _sectors(raw.graph.get("sectors"))
    node_default = dict(raw.graph.get("node_default") or {})
    edge_default = dict(raw.graph.get("edge_default") or {})

    def node_attrs(node: Hashable) -> dict[str, Any]:
        return {**node_default, **raw.nodes[node]}

    found, _rule = resident_of(raw, ego=ego)
    G = nx.Graph(sectors=sectors)
    ego_name = _text(node_attrs(found).get("name")) if found is not None else None
    G.add_node(EGO, kind="ego", name=ego_name)
    for node in raw:
        if node != found:
            G.add_node(node, kind="member", **_person(node, node_attrs(node), sectors))

    for u, v, data in raw.edges(data=True):
        data = {**edge_default, **data}
        if u == v:
            raise GraphFileError(f"Knoop {_q(u)} is met zichzelf verbonden.")
        if found is not None and found in (u, v):
            member = v if u == found else u
            a, b, attrs = EGO, member, _relation(member, data)
        else:
            a, b = u, v
            where = f"Verbinding tussen {_q(u)} en {_q(v)}"
            attrs = {"quality": _code(where, "kwaliteit", data.get("quality"), QUALITIES)}
            if _text(data.get("note")) is not None:
                attrs["note"] = _text(data.get("note"))
        if G.has_edge(a, b):
            if G.edges[a, b] != attrs:
                raise GraphFileError(
                    f"Tussen {_q(u)} en {_q(v)} staan twee verbindingen die elkaar "
                    "tegenspreken."
                )
            continue
        G.add_edge(a, b, **attrs)
    return G


def _sectors(value: Any) -> tuple[str, ...]:
    if value is None:
        return SECTORS
    codes = [c.strip() for c in str(value).split(",")]
    return tuple(dict.fromkeys(c for c in codes if c)) or SECTORS


def resident_of(raw: nx.Graph, *, ego: Hashable | None = None) -> tuple[Hashable | None, str]:
    """The node of a file's graph that is the resident, and the rule that found it (one of
    :data:`EGO_RULES`); ``(None, "none")`` for a file without a resident.

    Examples
    --------
    >>> import networkx as nx
    >>> raw = nx.Graph(); raw.add_node("p1", label="Ego"); raw.add_node("p2", label="Ans")
    >>> resident_of(raw), resident_of(raw, ego="p2")
    (('p1', 'label'), ('p2', 'chosen'))
    """
    node_default = dict(raw.graph.get("node_default") or {})

    def node_attrs(node: Hashable) -> dict[str, Any]:
        return {**node_default, **raw.nodes[node]}

    if ego is not None:
        if ego not in raw:
            raise GraphFileError(f"Knoop {_q(ego)} staat niet in het bestand.")
        return ego, "chosen"
    egos = []
    for node in raw:
        kind = _text(node_attrs(node).get("kind"))
        if kind not in (None, "ego", "member"):
            raise GraphFileError(f"Knoop {_q(node)}: onbekende soort knoop {_q(kind)}.")
        if kind == "ego":
            egos.append(node)
    if len(egos) > 1:
        raise GraphFileError(
            f"Het bestand bevat meer dan één bewoner (kind=\"ego\"): "
            f"{_q(egos[0])} en {_q(egos[1])}."
        )
    if EGO in raw and egos != [EGO]:
        if egos or _text(node_attrs(EGO).get("kind")) == "member":
            raise GraphFileError(
                f"Knoop {_q(EGO)} is een netwerklid, maar die naam is voor de bewoner."
            )
        return EGO, "id"
    if egos:
        return egos[0], "kind"
    for field in ("name", "label"):
        named = [n for n in raw if _is_ego_word(node_attrs(n).get(field))
                 and _text(node_attrs(n).get("kind")) != "member"]
        if len(named) == 1:
            return named[0], field
    return None, "none"


def _is_ego_word(value: Any) -> bool:
    return isinstance(value, str) and value.strip().lower() == "ego"


def _person(node: Hashable, data: dict[str, Any], sectors: tuple[str, ...]) -> dict[str, Any]:
    where = f"Knoop {_q(node)}"
    person: dict[str, Any] = {a: _text(data.get(a)) for a in _TEXT_ATTRS}
    person["sector"] = _code(where, "sector", data.get("sector"), sectors)
    person["can_think_along"] = _yes_no(where, "kan meedenken", data.get("can_think_along"))
    person["state"] = _code(where, "toestand", data.get("state"), MEMBER_STATES)
    return {a: person[a] for a in PERSON_ATTRS}


def _relation(member: Hashable, data: dict[str, Any]) -> dict[str, Any]:
    where = f"Knoop {_q(member)}"
    relation = {
        "circle": _circle(where, data.get("circle")),
        "support": _support(where, data.get("support")),
        "reciprocal": _yes_no(where, "wederkerig", data.get("reciprocal")),
        "frequency": _code(where, "contactfrequentie", data.get("frequency"), FREQUENCIES),
        "quality": _code(where, "kwaliteit", data.get("quality"), QUALITIES),
        "gives": _support(where, data.get("gives")),
    }
    if relation["gives"]:  # as graph.schema has it: giving a kind is giving back
        relation["reciprocal"] = True
    return {a: relation[a] for a in RELATION_ATTRS}


def _q(value: Any) -> str:
    return f"'{value}'"


def _show(value: Any) -> str:
    return str(value) if isinstance(value, (int, float)) else _q(value)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value)
    return text if text.strip() else None


def _code(where: str, field: str, value: Any, allowed: Iterable[str]) -> str | None:
    code = _text(value)
    if code is None:
        return None
    code = code.strip()
    if code not in allowed:
        raise GraphFileError(f"{where}: onbekende {field} {_show(value)}.")
    return code


def _circle(where: str, value: Any) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    circle: Any = value
    if isinstance(value, str):
        try:
            circle = float(value.strip())
        except ValueError:
            circle = value
    if isinstance(circle, float) and circle.is_integer():
        circle = int(circle)
    if isinstance(circle, bool) or circle not in CIRCLES:
        raise GraphFileError(f"{where}: onbekende cirkel {_show(value)}.")
    return int(circle)


def _support(where: str, value: Any) -> tuple[str, ...]:
    kinds = {k.strip() for k in str(value if value is not None else "").split(",")} - {""}
    for kind in sorted(kinds):
        if kind not in SUPPORT_KINDS:
            raise GraphFileError(f"{where}: onbekende soort steun {_q(kind)}.")
    return tuple(k for k in SUPPORT_KINDS if k in kinds)


def _yes_no(where: str, field: str, value: Any) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    text = str(value).strip().lower()
    if not text:
        return None
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise GraphFileError(f"{where}: {field} moet ja of nee zijn, niet {_show(value)}.")
