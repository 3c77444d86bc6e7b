"""Cohesion among the members: do the people around the resident know each other?"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

import networkx as nx

from graph.attributes import node_key
from graph.metrics.common import member_adjacency

__all__ = ["Cohesion", "member_cohesion"]


@dataclass(frozen=True)
class Cohesion:
    """Ties among members; see :func:`member_cohesion`."""

    #: Number of members.
    members: int
    #: Number of ties between members.
    ties: int
    #: ``ties`` over the number of pairs of members; ``None`` with fewer than two members.
    density: float | None
    #: Number of separate groups (connected components, a lone member counting as one).
    group_count: int
    #: The groups, largest first, each in natural id order.
    groups: tuple[tuple[Hashable, ...], ...]
    #: Members with no tie to any other member, natural id order.
    isolated: tuple[Hashable, ...]


def member_cohesion(G: nx.Graph) -> Cohesion:
    r"""Measure how the members are tied to each other, leaving the resident out.

    Parameters
    ----------
    G : networkx.Graph
        A resident's network. The resident's own edges are ignored: every member is tied
        to the resident, so only the ties *between* members say whether they know each other.

    Returns
    -------
    Cohesion

    Notes
    -----
    With :math:`n` members and :math:`t` ties among them,

    .. math:: \text{density} = \frac{2t}{n(n - 1)}

    as :func:`networkx.density`, except that with fewer than two members there is no pair
    to be tied and the density is ``None`` (networkx answers 0). Groups are the connected
    components of the members-only graph [1]_; a member tied to nobody is an *isolated*
    member and a group of one. Members with a state (died, no contact any more, from
    earlier, a pet) and their ties are left out: they are not part of who knows whom now.

    References
    ----------
    .. [1] Wasserman, S. and Faust, K. *Social Network Analysis: Methods and
       Applications*. Cambridge University Press, 1994, sections 4.2 and 4.3.

    Examples
    --------
    A triangle Ans, Bob, Cor, Dirk tied only to Cor, and Eva who knows nobody:

    >>> from graph.schema import new_network, add_member, add_tie
    >>> G = new_network()
    >>> for node in ("a", "b", "c", "d", "e"):
    ...     add_member(G, node, name=node.upper())
    >>> for u, v in (("a", "b"), ("b", "c"), ("a", "c"), ("c", "d")):
    ...     add_tie(G, u, v)
    >>> coh = member_cohesion(G)
    >>> coh.ties, coh.density, coh.group_count
    (4, 0.4, 2)
    >>> coh.groups, coh.isolated
    ((('a', 'b', 'c', 'd'), ('e',)), ('e',))
    """
    adj = member_adjacency(G)
    n = len(adj)
    ties = sum(len(others) for others in adj.values()) // 2
    groups = []
    seen: set[Hashable] = set()
    for start in adj:
        if start in seen:
            continue
        seen.add(start)
        group, frontier = [start], [start]
        while frontier:
            frontier = [w for v in frontier for w in adj[v] if w not in seen and not seen.add(w)]
            group.extend(frontier)
        groups.append(tuple(sorted(group, key=node_key)))
    groups.sort(key=lambda g: (-len(g), node_key(g[0])))
    return Cohesion(
        members=n,
        ties=ties,
        density=2 * ties / (n * (n - 1)) if n > 1 else None,
        group_count=len(groups),
        groups=tuple(groups),
        isolated=tuple(v for v, others in adj.items() if not others),
    )
