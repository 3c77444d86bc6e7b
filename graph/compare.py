"""What changed between two moments of a resident's network (two snapshots).

Members are matched by node id, which stays the same for a stored member across snapshots.
A smaller circle number is closer to the resident.

Examples
--------
>>> from graph.schema import new_network, add_member
>>> before = new_network("Riek")
>>> add_member(before, "m1", name="Ans", circle=2, support=("praktisch",))
>>> add_member(before, "m2", name="Kees", circle=1)
>>> after = new_network("Riek")
>>> add_member(after, "m1", name="Ans", circle=1, support=("praktisch", "nood"))
>>> add_member(after, "m3", name="Toos", circle=3, support=("nood",))
>>> c = compare(before, after)
>>> c.joined, c.left
(('Toos',), ('Kees',))
>>> [(m.name, m.before, m.after) for m in c.closer]
[('Ans', 2, 1)]
>>> c.coverage["nood"]
(0, 2)
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from graph.attributes import circle_of, member_nodes, name_of
from graph.metrics import support_coverage
from graph.schema import SUPPORT_KINDS

__all__ = ["Comparison", "Move", "compare"]


@dataclass(frozen=True)
class Move:
    """A member who is in another circle than before."""

    node: str
    name: str
    before: int
    after: int


@dataclass(frozen=True)
class Comparison:
    """The changes from ``before`` to ``after``, names sorted within each list."""

    size: tuple[int, int]
    joined: tuple[str, ...]
    left: tuple[str, ...]
    closer: tuple[Move, ...]
    farther: tuple[Move, ...]
    #: Per support kind: how many members gave it before and after.
    coverage: dict[str, tuple[int, int]]


def _names(G: nx.Graph, nodes) -> tuple[str, ...]:
    return tuple(sorted((name_of(G, n) for n in nodes), key=str.lower))


def compare(before: nx.Graph, after: nx.Graph) -> Comparison:
    """Return who joined, who left, who moved closer or farther, and support coverage.

    A member whose circle is unknown at either moment has not "moved": an unknown is
    never read as a distance.
    """
    old, new = set(member_nodes(before)), set(member_nodes(after))
    moves = []
    for node in (n for n in member_nodes(after) if n in old):
        a, b = circle_of(before, node), circle_of(after, node)
        if a is not None and b is not None and a != b:
            moves.append(Move(node, name_of(after, node), a, b))
    moves.sort(key=lambda m: m.name.lower())
    givers_before = support_coverage(before).givers
    givers_after = support_coverage(after).givers
    return Comparison(
        size=(len(old), len(new)),
        joined=_names(after, new - old),
        left=_names(before, old - new),
        closer=tuple(m for m in moves if m.after < m.before),
        farther=tuple(m for m in moves if m.after > m.before),
        coverage={k: (len(givers_before[k]), len(givers_after[k])) for k in SUPPORT_KINDS},
    )
