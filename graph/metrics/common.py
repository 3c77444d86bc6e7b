"""Helpers shared by the metrics modules (private).

The one rule for members with a state (:data:`graph.schema.MEMBER_STATES`: died, no
contact any more, from earlier in life, a pet): the scan measures the resident's network
*now*, so :func:`members` leaves them out, and with it every measure built on these helpers
(size, support, load, reciprocity, cohesion, brokers, structural holes, diversity, entropy,
E-I index, informal share, strain). They give no support and are no active contact; a tie
between them and another member is not a tie of the network now. A pet is not counted
either, not even as company: the scan asks whom the resident can *ask*, and a kind of
support that rests on a pet alone still deserves the question who else could be there. The
findings name them apart (:mod:`graph.findings`: ``no_contact``, ``from_before``, ``pet``),
and :mod:`graph.metrics.states` counts them.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Hashable
from typing import Any

import networkx as nx

from graph.attributes import node_key, present_members, sector_of, sectors_of
from graph.metrics.per_scan import once_per_scan
from graph.schema import SUPPORT_KINDS, relation


def plain(value: Any) -> Any:
    """Return ``value`` as JSON-serialisable plain data.

    Dataclasses become dicts, tuples become lists, dict keys become strings and a float
    that is not a number becomes ``None``.

    >>> plain({1: (2.5, float("nan")), "a": {"b": True}})
    {'1': [2.5, None], 'a': {'b': True}}
    """
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {_key(k): plain(v) for k, v in value.items()}
    if isinstance(value, (tuple, list)):
        return [plain(v) for v in value]
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def _key(key: Any) -> str:
    return key if isinstance(key, str) else str(key)


def ratio(part: float, whole: float) -> float | None:
    """``part / whole``, or ``None`` when ``whole`` is zero (nothing to measure).

    >>> ratio(1, 4), ratio(0, 0)
    (0.25, None)
    """
    return part / whole if whole else None


@once_per_scan
def members(G: nx.Graph) -> list[Hashable]:
    """Every member in the resident's life now (no state), in natural id order."""
    return present_members(G)


@once_per_scan
def member_relations(G: nx.Graph) -> dict[Hashable, dict[str, Any]]:
    """``{member: attributes of the member's tie with the resident}`` in natural id order
    (see :func:`graph.schema.relation`)."""
    return {n: relation(G, n) for n in members(G)}


@once_per_scan
def member_support(G: nx.Graph) -> dict[Hashable, frozenset[str]]:
    """``{member: the kinds of support the member gives}``, codes outside
    :data:`graph.schema.SUPPORT_KINDS` left out, in natural id order."""
    kinds = frozenset(SUPPORT_KINDS)
    return {n: kinds.intersection(r.get("support") or ()) for n, r in member_relations(G).items()}


@once_per_scan
def member_gives(G: nx.Graph) -> dict[Hashable, frozenset[str]]:
    """``{member: the kinds of support the resident gives the member}`` (the ego edge's
    ``gives``), codes outside :data:`graph.schema.SUPPORT_KINDS` left out, in natural id
    order."""
    kinds = frozenset(SUPPORT_KINDS)
    return {n: kinds.intersection(r.get("gives") or ()) for n, r in member_relations(G).items()}


@once_per_scan
def member_adjacency(G: nx.Graph) -> dict[Hashable, list[Hashable]]:
    """``{member: other members it is tied to}``: the network without the resident, and
    without the members who have a state (see :func:`members`).

    Members and their neighbours in natural id order, so that every computation over it
    (floating-point sums included) is the same whatever order the graph was built in.
    """
    present = set(members(G))
    return {
        n: sorted((w for w in G[n] if w in present and w != n), key=node_key)
        for n in members(G)
    }


@once_per_scan
def known_sectors(G: nx.Graph) -> dict[Hashable, str]:
    """``{member: sector}`` for the members whose sector is known and configured."""
    sectors = sectors_of(G)
    found = {n: sector_of(G, n, sectors) for n in members(G)}
    return {n: s for n, s in found.items() if s is not None}


@once_per_scan
def sector_counts(G: nx.Graph) -> dict[str, int]:
    """``{sector: members}`` for every configured sector, in order, zeros included; members
    with an unknown sector are left out."""
    counts = dict.fromkeys(sectors_of(G), 0)
    for sector in known_sectors(G).values():
        counts[sector] += 1
    return counts
