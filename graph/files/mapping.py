"""Foreign fields onto the schema: which field of another program's file becomes which field
of sns, and which are left out, said out loud before anything is imported.

Every import reader (:mod:`graph.files.importing`) hands over the file as NetworkX read it: nodes
and edges with the file's own attribute names, parallel edges kept, the resident's node if
the file has one, and the resident's own fields (Network Canvas keeps them on ``<graph>``
or in its ego file). :func:`map_fields` then builds a graph in the *file vocabulary* of
:func:`graph.files.graphml.to_schema` (codes, comma-joined support) and a :class:`Mapping` report.

Rules
-----
- **A field maps only by name, and only if every value fits.** A field named as one of
  ours, in English or Dutch (:data:`FIELD_NAMES`), maps to that field when each of its
  values is in the vocabulary (a circle 1-3, a sector code of the network, a quality code,
  yes/no). One value that does not fit leaves the *whole field* out, with the value named
  in the report: nothing is guessed, and nothing is half-imported.
- **Categorical variables split into booleans** (Network Canvas writes ``support_nood`` =
  true for each chosen option of ``support``) are gathered again: the options that are true
  become the field's value. The options must all be codes of that field.
- **The relation to the resident** (circle, support, reciprocity, frequency, quality, what
  the resident gives) is
  read from the edge to the resident when the file has one, else from the member's own node
  (Network Canvas asks it as a question about each alter). Without a resident in the file a
  member's relation stays unknown unless the node holds it.
- **The name** comes from ``name`` (or ``naam``), else from ``label``, else the node id.
- **Parallel edges** between the same two members become one tie. Their kinds (the
  ``type`` of each edge, e.g. Network Canvas's edge types) are kept in the tie's note,
  sorted and comma-joined, and the report says so; qualities that differ refuse the file.
- Technical fields (ids, UUIDs, layout ``_X``/``_Y``, colours, weights) are left out and
  listed as such.

Examples
--------
>>> import networkx as nx
>>> raw = nx.MultiGraph()
>>> raw.add_node("1", name="Ans", support_nood=True, support_praktisch=False, closeness=5)
>>> raw.add_node("2", name="Bob")
>>> _ = raw.add_edge("1", "2", type="knows"); _ = raw.add_edge("1", "2", type="family")
>>> result = map_fields(raw, ego=None)
>>> result.graph.edges["ego", "1"]["support"], result.graph.edges["1", "2"]["note"]
('nood', 'family, knows')
>>> [(f.field, f.target) for f in result.fields]
[('name', 'name'), ('closeness', None), ('support_*', 'support'), ('type', 'note')]
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from graph.attributes import node_key
from graph.files import GraphFileError
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

__all__ = ["FIELD_NAMES", "REASONS", "FieldUse", "Mapped", "map_fields"]

#: Our field -> the names a file may give it (lower case; ours first).
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "name": ("name", "naam", "alter name", "alter.name", "alter_name"),
    "sector": ("sector",),
    "willing": ("willing", "bereid"),
    "talents": ("talents", "talenten"),
    "note": ("note", "notitie"),
    "can_think_along": ("can_think_along", "kan_meedenken"),
    "state": ("state", "toestand"),
    "circle": ("circle", "cirkel"),
    "support": ("support", "steun"),
    "reciprocal": ("reciprocal", "wederkerig"),
    "frequency": ("frequency", "contactfrequentie"),
    "quality": ("quality", "kwaliteit"),
    "gives": ("gives", "geeft"),
}
_BY_NAME = {alias: ours for ours, aliases in FIELD_NAMES.items() for alias in aliases}
#: Fields of files that only say how to draw or identify something.
_TECHNICAL = {
    "id", "kind", "label", "weight", "viz", "shape", "color", "colour", "x", "y", "size",
    "networkcanvasuuid", "networkcanvastype", "networkcanvasegouuid", "networkcanvassourceuuid",
    "networkcanvastargetuuid", "networkcanvascaseid", "networkcanvassessionid",
    "networkcanvasprotocolname", "nodeid", "edgeid", "egoid", "alterid", "source", "target",
    "from", "to", "_uid", "_egoid", "_id", "type", "node_default", "edge_default", "mode",
    "sectors", "name_graph",
}
#: Our fields a file may split into one yes/no column per option (``support_nood``), with
#: the options they take (``None``: the network's sectors).
_SPLIT: dict[str, tuple[str, ...] | None] = {
    "support": SUPPORT_KINDS, "gives": SUPPORT_KINDS, "sector": None, "state": MEMBER_STATES}
#: Edge attributes that name the kind of an edge.
_EDGE_KINDS = ("type", "networkCanvasType", "edge_type", "relation")
_YES = {"true", "1", "ja", "yes"}
_NO = {"false", "0", "nee", "no"}


@dataclass(frozen=True)
class FieldUse:
    """One field of the file: where it was, what it became and, when left out, why.

    The report is data: the web layer says it in words (``web.netfiles.words``).

    Attributes
    ----------
    field : str
        The file's name of the field (``support_*`` for a split categorical variable).
    on : str
        Where it was: ``persoon``, ``relatie`` (edge to the resident), ``verbinding`` (tie
        between two members) or ``bewoner``.
    target : str or None
        Our field it becomes; ``None`` when it is left out.
    reason : str
        One of :data:`REASONS`: ``technical`` (ids, layout, colours), ``not_in_sns`` (no
        field of ours has that name), ``misfit`` (named as ours, but ``value`` does not fit
        field ``fits``), ``twice`` (a second field for ``fits``), ``kinds`` (the kinds of
        edge, kept in the note); ``""`` for a field that simply maps.
    """

    field: str
    on: str
    target: str | None
    reason: str = ""
    value: str | None = None
    fits: str | None = None


#: The reasons of :class:`FieldUse`.
REASONS = ("technical", "not_in_sns", "misfit", "twice", "kinds")


@dataclass
class Mapped:
    """The file in the vocabulary of :func:`graph.files.graphml.to_schema`, and the report."""

    graph: nx.Graph
    fields: list[FieldUse] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def map_fields(
    raw: nx.MultiGraph,
    *,
    ego: Hashable | None,
    ego_fields: Mapping[str, Any] | None = None,
    sectors: Iterable[str] | None = None,
    all_alters: bool = False,
) -> Mapped:
    """Map the fields of a foreign file onto the schema (rules in the module notes).

    Parameters
    ----------
    raw : networkx.MultiGraph
        The file as read, with its own attribute names.
    ego : node or None
        The file's node that is the resident; ``None`` when the file has none.
    ego_fields : mapping, optional
        The resident's own fields kept outside the nodes (Network Canvas's ego data).
    sectors : iterable of str, optional
        The sector codes a sector value must be one of; default the file's own
        ``sectors`` graph attribute, else :data:`graph.schema.SECTORS`.
    all_alters : bool
        Every node is one of the resident's people (the CSV layouts, and Network Canvas's
        GraphML, which keeps the resident on ``<graph>``): each gets an edge to the
        resident, with whatever relation the file knows. Otherwise only nodes with an edge
        to the resident, or with relation fields of their own, get one.

    Returns
    -------
    Mapped
        ``graph`` has the resident as node ``"ego"`` (``kind="ego"``), every other node as
        a member, ego edges carrying the relation and member ties carrying quality and note.
    """
    codes = tuple(sectors or _split(raw.graph.get("sectors")) or SECTORS)
    out = nx.Graph(sectors=",".join(codes))
    result = Mapped(out)
    members = [n for n in raw if n != ego]
    if EGO in raw and ego != EGO:
        raise GraphFileError(f"Knoop '{EGO}' is een netwerklid, maar die naam is voor de bewoner.")

    ego_data = dict(ego_fields or {})
    if ego is not None:
        ego_data = {**ego_data, **raw.nodes[ego]}
    ego_name = _first_text(ego_data, ("name", "naam", "label"))
    out.add_node(EGO, kind="ego", **({"name": ego_name} if ego_name else {}))
    for key in sorted(ego_data, key=str.lower):
        target = "name" if key.lower() in ("name", "naam") else None
        if target is None and key.lower() == "label" and ego_name == ego_data[key]:
            target = "name"
        if not _technical(key) or target:
            result.fields.append(FieldUse(key, "bewoner", target,
                                          "" if target else "not_in_sns"))

    node_fields = _columns(raw.nodes[n] for n in members)
    ego_edge_fields = _columns(d for u, v, d in raw.edges(data=True) if ego in (u, v))
    person = _plan(node_fields, [raw.nodes[n] for n in members], codes,
                   allowed=PERSON_ATTRS + RELATION_ATTRS, on="persoon")
    relation = _plan(ego_edge_fields, [d for u, v, d in raw.edges(data=True) if ego in (u, v)],
                     codes, allowed=RELATION_ATTRS, on="relatie")
    result.fields += person.uses + relation.uses

    for node in members:
        attrs = raw.nodes[node]
        values = person.values(attrs)
        name = values.pop("name", None) or _first_text(attrs, ("label",)) or str(node)
        out.add_node(node, kind="member", name=name,
                     **{k: v for k, v in values.items() if k in PERSON_ATTRS})
        rel = {k: v for k, v in values.items() if k in RELATION_ATTRS}
        if rel or all_alters:
            out.add_edge(EGO, node, **rel)
    for u, v, data in raw.edges(data=True):
        if ego in (u, v):
            member = v if u == ego else u
            rel = relation.values(data)
            if out.has_edge(EGO, member):
                existing = out.edges[EGO, member]
                existing.update({k: val for k, val in rel.items() if val is not None})
            else:
                out.add_edge(EGO, member, **rel)
    _ties(raw, ego, out, result)
    return result


class _Plan:
    """Which file field feeds which of our fields, with its values converted."""

    def __init__(self) -> None:
        self.uses: list[FieldUse] = []
        self.direct: dict[str, str] = {}  # file key -> our field
        self.split: dict[str, dict[str, str]] = {}  # our field -> {file key: option}

    def values(self, attrs: Mapping[str, Any]) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for key, ours in self.direct.items():
            value = attrs.get(key)
            if _blank(value):
                continue
            values[ours] = _as_file_value(ours, value)
        for ours, options in self.split.items():
            chosen = [opt for key, opt in options.items() if _yes(attrs.get(key))]
            if chosen or any(not _blank(attrs.get(k)) for k in options):
                values[ours] = ",".join(chosen)
        return values


def _plan(columns: list[str], rows: list[Mapping[str, Any]], sectors: tuple[str, ...], *,
          allowed: tuple[str, ...], on: str) -> _Plan:
    plan = _Plan()
    taken: set[str] = set()
    groups: dict[str, dict[str, str]] = {}
    for key in columns:
        ours = _BY_NAME.get(key.lower())
        if ours in allowed and ours not in taken:
            bad = _misfit(ours, (r.get(key) for r in rows), sectors)
            if bad is None:
                plan.direct[key] = ours
                taken.add(ours)
                plan.uses.append(FieldUse(key, on, ours))
            else:
                plan.uses.append(FieldUse(key, on, None, "misfit", str(bad), ours))
            continue
        base, _, option = key.rpartition("_")
        if base and _BY_NAME.get(base.lower()) in _SPLIT and option:
            groups.setdefault(base, {})[key] = option
            continue
        reason = "technical" if _technical(key) else "not_in_sns"
        plan.uses.append(FieldUse(key, on, None, reason))
    for base, options in groups.items():
        ours = _BY_NAME[base.lower()]
        allowed_codes = _SPLIT[ours] or sectors
        unknown = sorted(opt for opt in options.values() if opt not in allowed_codes)
        if ours in allowed and ours not in taken and not unknown:
            plan.split[ours] = options
            taken.add(ours)
            plan.uses.append(FieldUse(f"{base}_*", on, ours))
        else:
            use = (FieldUse(f"{base}_*", on, None, "misfit", unknown[0], ours) if unknown
                   else FieldUse(f"{base}_*", on, None, "twice", fits=ours))
            plan.uses.append(use)
    return plan


def _ties(raw: nx.MultiGraph, ego: Hashable | None, out: nx.Graph, result: Mapped) -> None:
    pairs: dict[frozenset, list[dict[str, Any]]] = {}
    for u, v, data in raw.edges(data=True):
        if ego in (u, v):
            continue
        if u == v:
            raise GraphFileError(f"Knoop '{u}' is met zichzelf verbonden.")
        pairs.setdefault(frozenset((u, v)), []).append(data)
    tie_fields = _columns(d for edges in pairs.values() for d in edges)
    kinds_key = next((k for k in _EDGE_KINDS if k in tie_fields), None)
    rows = [d for edges in pairs.values() for d in edges]
    plan = _plan([k for k in tie_fields if k != kinds_key], rows, tuple(SECTORS),
                 allowed=("quality", "note"), on="verbinding")
    result.fields += plan.uses
    if kinds_key:
        result.fields.append(FieldUse(kinds_key, "verbinding", "note", "kinds"))
    merged = 0
    for pair, edges in pairs.items():
        u, v = sorted(pair, key=node_key)
        values = [plan.values(d) for d in edges]
        qualities = {val.get("quality") for val in values} - {None}
        if len(qualities) > 1:
            raise GraphFileError(
                f"Tussen '{u}' en '{v}' staan twee verbindingen die elkaar tegenspreken.")
        attrs: dict[str, Any] = {}
        if qualities:
            attrs["quality"] = qualities.pop()
        notes = sorted({str(val["note"]) for val in values if val.get("note")})
        kinds = sorted({str(d[kinds_key]) for d in edges if kinds_key and not _blank(d.get(
            kinds_key))})
        text = ", ".join(kinds + notes)
        if text:
            attrs["note"] = text
        if len(edges) > 1:
            merged += 1
        out.add_edge(u, v, **attrs)
    if merged:
        result.notes.append(
            f"{merged} keer stonden er meer verbindingen tussen dezelfde twee mensen; elk "
            "paar wordt één verbinding, met de soorten in de notitie.")


def _columns(rows: Iterable[Mapping[str, Any]]) -> list[str]:
    seen: dict[str, None] = {}
    for row in rows:
        for key in row:
            seen.setdefault(key)
    return list(seen)


def _technical(key: str) -> bool:
    low = key.lower()
    return low in _TECHNICAL or low.endswith(("_x", "_y")) or low.startswith("networkcanvas")


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _yes(value: Any) -> bool:
    return value is True or (isinstance(value, (int, float)) and value == 1) or (
        isinstance(value, str) and value.strip().lower() in _YES)


def _yes_no(value: Any) -> bool | None:
    if _yes(value):
        return True
    if value is False or (isinstance(value, (int, float)) and value == 0) or (
            isinstance(value, str) and value.strip().lower() in _NO):
        return False
    return None


def _circle(value: Any) -> int | None:
    try:
        number = float(str(value).strip())
    except ValueError:
        return None
    return int(number) if number.is_integer() and int(number) in CIRCLES else None


def _fits(ours: str, value: Any, sectors: tuple[str, ...]) -> bool:
    text = str(value).strip()
    if ours == "sector":
        return text in sectors
    if ours == "circle":
        return _circle(value) is not None
    if ours in ("support", "gives"):
        return {k.strip() for k in text.split(",")} - {""} <= set(SUPPORT_KINDS)
    if ours == "state":
        return text in MEMBER_STATES
    if ours == "frequency":
        return text in FREQUENCIES
    if ours == "quality":
        return text in QUALITIES
    if ours in ("reciprocal", "can_think_along"):
        return _yes_no(value) is not None
    return True


def _misfit(ours: str, values: Iterable[Any], sectors: tuple[str, ...]) -> Any:
    """The first value that does not fit field ``ours``, or ``None`` when all fit."""
    for value in values:
        if _blank(value):
            continue
        if isinstance(value, (dict, list)) or not _fits(ours, value, sectors):
            return value
    return None


def _as_file_value(ours: str, value: Any) -> Any:
    if ours == "circle":
        return _circle(value)
    if ours in ("reciprocal", "can_think_along"):
        return _yes_no(value)
    return str(value).strip() if ours not in ("note", "willing", "talents", "name") else str(
        value)


def _first_text(data: Mapping[str, Any], keys: Iterable[str]) -> str | None:
    lowered = {str(k).lower(): v for k, v in data.items()}
    for key in keys:
        value = lowered.get(key)
        if not _blank(value) and not isinstance(value, (dict, list)):
            return str(value).strip()
    return None


def _split(value: Any) -> tuple[str, ...]:
    if _blank(value):
        return ()
    return tuple(c.strip() for c in str(value).split(",") if c.strip())
