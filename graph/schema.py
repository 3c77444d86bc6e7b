"""The attribute vocabulary of a resident's network as a NetworkX graph.

One graph per resident. The resident is the node ``EGO``; every other node is a network
member. What a member *is* lives on the node (name, sector, talents, ...); how the member
relates to the resident lives on the ego edge (circle, support kinds, reciprocity, contact
frequency, quality); ties between members carry only their quality.

``None`` (or a missing key) always means *unknown*: the scan never guesses it.

Codes are stable identifiers, stored in the database and in exported files. Words for people
are added by the layers above (templates, findings).

Examples
--------
>>> G = new_network("Mevrouw Jansen")
>>> add_member(G, "m1", name="Ans", sector="familie", circle=1, support=("praktisch",))
>>> add_member(G, "m2", name="Piet", sector="buren", circle=2)
>>> add_tie(G, "m1", "m2", quality="goed")
>>> relation(G, "m1")["support"]
('praktisch',)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx

__all__ = [
    "CIRCLES",
    "EGO",
    "FREQUENCIES",
    "MEMBER_STATES",
    "PERSON_ATTRS",
    "PROFESSIONAL_SECTOR",
    "QUALITIES",
    "RELATION_ATTRS",
    "SECTORS",
    "SUPPORT_KINDS",
    "SchemaError",
    "add_member",
    "add_tie",
    "new_network",
    "relation",
]

EGO = "ego"

SECTORS: tuple[str, ...] = ("familie", "vrienden", "buren", "werk_school_club", "professionals")
PROFESSIONAL_SECTOR = "professionals"
CIRCLES: tuple[int, ...] = (1, 2, 3)
SUPPORT_KINDS: tuple[str, ...] = ("praktisch", "emotioneel", "advies", "gezelschap", "nood")
QUALITIES: tuple[str, ...] = ("goed", "wisselend", "gespannen")
FREQUENCIES: tuple[str, ...] = ("dagelijks", "wekelijks", "maandelijks", "zelden")
#: What paper lets a coach write beside a name and a plain member is not: someone who died,
#: someone the resident lost contact with, someone from earlier in life, a pet. ``None`` is
#: a person in the resident's life now. Such members stay on the map, drawn apart, and are
#: never counted as support.
MEMBER_STATES: tuple[str, ...] = ("overleden", "geen_contact", "vroeger", "huisdier")

#: Node attributes of a member: who the person is.
PERSON_ATTRS: tuple[str, ...] = ("name", "sector", "willing", "talents", "note", "can_think_along",
                                  "state")
#: Ego-edge attributes: how the member relates to the resident. ``support`` is what the
#: member gives the resident, ``gives`` what the resident gives the member (both kinds of
#: :data:`SUPPORT_KINDS`); ``reciprocal`` is true whenever ``gives`` names a kind, and may
#: be true without one (a yes/no recorded before the kinds were asked, or from a file).
RELATION_ATTRS: tuple[str, ...] = ("circle", "support", "reciprocal", "frequency", "quality",
                                   "gives")


class SchemaError(ValueError):
    """A value outside the vocabulary; the message says which field and value."""


def _check(field: str, value: Any, allowed: Iterable[Any]) -> None:
    if value is not None and value not in allowed:
        raise SchemaError(f"{field}: unknown value {value!r}")


def _support_tuple(support: Iterable[str] | None) -> tuple[str, ...]:
    kinds = set(support or ())
    for kind in kinds:
        _check("support", kind, SUPPORT_KINDS)
    return tuple(k for k in SUPPORT_KINDS if k in kinds)


def new_network(resident_name: str | None = None, *, sectors: Iterable[str] = SECTORS) -> nx.Graph:
    """Return an empty network holding only the resident.

    Parameters
    ----------
    resident_name : str, optional
        Name or pseudonym of the resident, kept on the ego node.
    sectors : iterable of str
        The sector codes this network uses (configurable per team); kept as a graph
        attribute so layout and scan use the same set.

    Examples
    --------
    >>> G = new_network("Riek")
    >>> list(G.nodes(data=True))
    [('ego', {'kind': 'ego', 'name': 'Riek'})]
    """
    G = nx.Graph(sectors=tuple(sectors))
    G.add_node(EGO, kind="ego", name=resident_name)
    return G


def add_member(
    G: nx.Graph,
    node: str,
    *,
    name: str,
    sector: str | None = None,
    circle: int | None = None,
    support: Iterable[str] | None = None,
    reciprocal: bool | None = None,
    frequency: str | None = None,
    quality: str | None = None,
    willing: str | None = None,
    talents: str | None = None,
    note: str | None = None,
    can_think_along: bool = False,
    state: str | None = None,
    gives: Iterable[str] | None = None,
) -> None:
    """Add a member node and its tie to the resident, checking every code.

    Raises
    ------
    SchemaError
        When a sector, circle, support kind, frequency, quality or state is not in the
        vocabulary.

    Examples
    --------
    >>> G = new_network()
    >>> add_member(G, "m1", name="Ans", circle=4)
    Traceback (most recent call last):
    ...
    graph.schema.SchemaError: circle: unknown value 4
    """
    _check("sector", sector, G.graph.get("sectors", SECTORS))
    _check("circle", circle, CIRCLES)
    _check("frequency", frequency, FREQUENCIES)
    _check("quality", quality, QUALITIES)
    _check("state", state, MEMBER_STATES)
    if node == EGO:
        raise SchemaError(f"node: {EGO!r} is the resident")
    G.add_node(
        node,
        kind="member",
        name=name,
        sector=sector,
        willing=willing,
        talents=talents,
        note=note,
        can_think_along=bool(can_think_along),
        state=state,
    )
    given = _support_tuple(gives)
    G.add_edge(
        EGO,
        node,
        circle=circle,
        support=_support_tuple(support),
        reciprocal=True if given else reciprocal,
        frequency=frequency,
        quality=quality,
        gives=given,
    )


def add_tie(G: nx.Graph, a: str, b: str, *, quality: str | None = None,
            note: str | None = None) -> None:
    """Record that members ``a`` and ``b`` know each other.

    A ``note`` (e.g. the kinds of tie an imported file had) is kept only when given, so a
    tie without one carries only its quality.

    Examples
    --------
    >>> G = new_network()
    >>> add_member(G, "m1", name="Ans"); add_member(G, "m2", name="Bob")
    >>> add_tie(G, "m1", "m2", quality="gespannen")
    >>> G.edges["m1", "m2"]
    {'quality': 'gespannen'}
    """
    for node in (a, b):
        if node == EGO or node not in G:
            raise SchemaError(f"tie: {node!r} is not a member of this network")
    if a == b:
        raise SchemaError("tie: a member cannot be tied to themselves")
    _check("quality", quality, QUALITIES)
    G.add_edge(a, b, quality=quality)
    if note is not None:
        G.edges[a, b]["note"] = note


def relation(G: nx.Graph, node: str) -> dict[str, Any]:
    """Return the attributes of the tie between the resident and ``node``.

    A member with no ego edge (possible in an imported file) has an unknown relation: every
    field is ``None`` and ``support`` is empty.

    Examples
    --------
    >>> G = new_network(); add_member(G, "m1", name="Ans", circle=2)
    >>> relation(G, "m1")["circle"]
    2
    """
    data = G.get_edge_data(EGO, node)
    if data is None:
        return {"circle": None, "support": (), "reciprocal": None, "frequency": None,
                "quality": None, "gives": ()}
    return data
