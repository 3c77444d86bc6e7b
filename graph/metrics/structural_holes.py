"""Burt's structural holes around the resident: effective size, efficiency and constraint."""

from __future__ import annotations

import math
from dataclasses import dataclass

import networkx as nx

from graph.metrics.common import member_adjacency
from graph.metrics.per_scan import shared_work
from graph.schema import EGO

__all__ = ["StructuralHoles", "ego_constraint", "ego_effective_size", "structural_holes"]


@dataclass(frozen=True)
class StructuralHoles:
    """Burt's measures for the resident; see :func:`structural_holes`."""

    #: Members minus the redundancy of their ties to each other; ``None`` without members.
    effective_size: float | None
    #: ``effective_size`` per member, between 0 and 1; ``None`` without members.
    efficiency: float | None
    #: How much the resident's contacts are tied up in each other (``1/n`` when they do not
    #: know each other, up to about 1); ``None`` without members.
    constraint: float | None


def _contacts(G: nx.Graph, adj: dict) -> set:
    """The resident's contacts: members tied to the resident who have no state (members
    who died, lost contact, are from earlier or are pets are no contact of the network now,
    see :mod:`graph.metrics.common`)."""
    return {n for n in adj if G.has_edge(EGO, n)}


def ego_constraint(G: nx.Graph) -> float:
    r"""Return Burt's constraint on the resident, as ``networkx.constraint(G, [EGO])``.

    Parameters
    ----------
    G : networkx.Graph
        A resident's network: undirected, unweighted, no self-loops.

    Returns
    -------
    float
        The constraint, ``nan`` when the resident has no members (as networkx).

    Notes
    -----
    .. math:: c(e) = \sum_{j \in N(e)} \Big(p_{ej} + \sum_{q \in N(e)} p_{eq}\, p_{qj}\Big)^2

    with :math:`p_{uv} = 1 / \deg(u)` when :math:`u` and :math:`v` are tied and 0 otherwise
    (normalised mutual weight in an unweighted, undirected graph) [1]_. So
    :math:`c(e) = \sum_j \big(1 + \sum_{q \in N(e) \cap N(j)} 1 / \deg(q)\big)^2 / d^2`
    with :math:`d = \deg(e)`, which takes :math:`O(m)` time; ``networkx.constraint`` for a
    single node takes :math:`O(d^3)` (about 3 s for 100 members), too slow for the scan.
    It is :math:`1/d` when the members do not know each other and 1 for a single member;
    small, dense networks go slightly above 1 (two members who know each other: 1.125).

    References
    ----------
    .. [1] Burt, R. S. "Structural holes and good ideas." *American Journal of Sociology*
       110(2) (2004): 349-399.

    Examples
    --------
    A triangle a, b, c with d tied to c, every member tied to the resident:

    >>> from graph.schema import EGO, new_network, add_member, add_tie
    >>> G = new_network()
    >>> for node in "abcd":
    ...     add_member(G, node, name=node)
    >>> for u, v in ("ab", "bc", "ac", "cd"):
    ...     add_tie(G, u, v)
    >>> round(ego_constraint(G), 4), round(1623 / 2304, 4)
    (0.7044, 0.7044)
    >>> math.isclose(ego_constraint(G), nx.constraint(G, [EGO])[EGO])
    True
    """
    if EGO not in G:
        return math.nan
    adj = member_adjacency(G)
    contacts = _contacts(G, adj)
    d = len(contacts)
    if d == 0:
        return math.nan
    share = {q: 1.0 / (len(adj[q]) + 1) for q in contacts}  # degree: members and the resident
    total = 0.0
    # Sums in natural id order: the same value whatever order the graph was built in.
    for j, others in adj.items():
        if j in contacts:
            indirect = sum(share[q] for q in others if q in contacts)
            total += ((1.0 + indirect) / d) ** 2
    return total


def ego_effective_size(G: nx.Graph) -> float:
    r"""Return Burt's effective size of the resident, as ``networkx.effective_size(G, [EGO])``.

    Parameters
    ----------
    G : networkx.Graph
        A resident's network: undirected, unweighted, no self-loops.

    Returns
    -------
    float
        The effective size, ``nan`` when the resident has no members (as networkx).

    Notes
    -----
    For an unweighted, undirected graph networkx uses Borgatti's simplification [1]_ of
    Burt's definition [2]_,

    .. math:: e = n - \frac{2t}{n}

    with :math:`n` members tied to the resident and :math:`t` ties among them: each member
    counts as 1 minus the share of the other members they know. It is computed here from
    the same formula directly, in :math:`O(m)` time: networkx builds the ego graph from a
    deep copy of the whole graph, attributes included (about 45 ms for 500 members).

    References
    ----------
    .. [1] Borgatti, S. "Structural holes: unpacking Burt's redundancy measures."
       *Connections* 20(1) (1997): 35-38.
    .. [2] Burt, R. S. *Structural Holes: The Social Structure of Competition.*
       Harvard University Press, 1992.

    Examples
    --------
    A triangle a, b, c with d tied to c: :math:`4 - 2 \cdot 4 / 4 = 2`.

    >>> from graph.schema import EGO, new_network, add_member, add_tie
    >>> G = new_network()
    >>> for node in "abcd":
    ...     add_member(G, node, name=node)
    >>> for u, v in ("ab", "bc", "ac", "cd"):
    ...     add_tie(G, u, v)
    >>> ego_effective_size(G), nx.effective_size(G, [EGO])[EGO]
    (2.0, 2.0)
    """
    if EGO not in G:
        return math.nan
    adj = member_adjacency(G)
    contacts = _contacts(G, adj)
    n = len(contacts)
    if n == 0:
        return math.nan
    twice_ties = sum(1 for j in contacts for q in adj[j] if q in contacts)
    return n - twice_ties / n


def structural_holes(G: nx.Graph) -> StructuralHoles:
    r"""Return Burt's effective size, efficiency and constraint of the resident.

    Parameters
    ----------
    G : networkx.Graph
        A resident's network (the full graph, resident included).

    Returns
    -------
    StructuralHoles
        All three ``None`` when the resident has no members: networkx answers ``nan``
        there (the measures are undefined for an isolated node), and ``nan`` is not JSON.

    Notes
    -----
    The effective size :math:`e` comes from :func:`ego_effective_size` and the constraint
    from :func:`ego_constraint`, both the values networkx computes. Efficiency is
    :math:`e / n` for :math:`n` members tied to the resident [1]_. A high effective size
    means the resident reaches different circles through different people; a high
    constraint means everyone knows everyone. Members with a state (died, no contact any
    more, from earlier, a pet) are no contact now and are left out, so with them the values
    are networkx's on the graph without them.

    References
    ----------
    .. [1] Burt, R. S. *Structural Holes: The Social Structure of Competition.*
       Harvard University Press, 1992.

    Examples
    --------
    Three members who do not know each other are three separate contacts:

    >>> from graph.schema import new_network, add_member
    >>> G = new_network()
    >>> for node in "abc":
    ...     add_member(G, node, name=node)
    >>> holes = structural_holes(G)
    >>> holes.effective_size, holes.efficiency, round(holes.constraint, 4)
    (3.0, 1.0, 0.3333)
    >>> structural_holes(new_network())
    StructuralHoles(effective_size=None, efficiency=None, constraint=None)
    """
    if EGO not in G:
        return StructuralHoles(effective_size=None, efficiency=None, constraint=None)
    with shared_work():  # both measures read the members-only adjacency: build it once
        contacts = _contacts(G, member_adjacency(G))
        if not contacts:
            return StructuralHoles(effective_size=None, efficiency=None, constraint=None)
        size = ego_effective_size(G)
        return StructuralHoles(
            effective_size=size,
            efficiency=size / len(contacts),
            constraint=ego_constraint(G),
        )
