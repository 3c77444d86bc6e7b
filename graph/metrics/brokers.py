"""Brokers: members who link other members (betweenness centrality among the members)."""

from __future__ import annotations

import random
from collections.abc import Hashable
from dataclasses import dataclass

import networkx as nx

from graph.metrics.common import member_adjacency

__all__ = [
    "MAX_WORK",
    "Brokers",
    "member_betweenness",
    "sample_sources",
    "source_count",
    "top_brokers",
]

#: Largest amount of work, members x (members + ties), for which betweenness is computed
#: exactly; above it, from a sample of source members (about 25 ms of CPU in CPython 3.11,
#: 0.2 ms per source member at 500 members).
MAX_WORK = 150_000
#: Seed of the sample of source members, so the same network gives the same answer.
SAMPLE_SEED = 20011
#: Scores closer than this are treated as equal (ties) and as zero.
TOLERANCE = 1e-12


@dataclass(frozen=True)
class Brokers:
    """The members who most often link others; see :func:`top_brokers`."""

    #: ``(member, betweenness)`` pairs, highest first.
    top: tuple[tuple[Hashable, float], ...]
    #: Whether the betweenness was computed exactly (from every member).
    exact: bool
    #: Number of source members the shortest paths were counted from.
    sources: int


def source_count(members: int, ties: int, max_work: int = MAX_WORK) -> int:
    """Return from how many source members betweenness is counted.

    Every member while ``members * (members + ties) <= max_work``, else as many as fit in
    ``max_work`` (at least 1 when there are members).

    Examples
    --------
    >>> source_count(100, 150)
    100
    >>> source_count(500, 750), source_count(2000, 3000)
    (120, 30)
    """
    work = members + ties
    if members * work <= max_work:
        return members
    return max(1, max_work // work)


def member_betweenness(G: nx.Graph, *, max_work: int = MAX_WORK) -> dict[Hashable, float]:
    r"""Return the betweenness centrality of every member in the members-only graph.

    Parameters
    ----------
    G : networkx.Graph
        A resident's network. The resident is left out: through the resident everyone is
        two steps from everyone, which would hide who links the members themselves.
        Members with a state (died, no contact any more, from earlier, a pet) are left out
        with their ties: nobody links others through them now.
    max_work : int
        Above this size (see :func:`source_count`) the value is estimated from a sample.

    Returns
    -------
    dict
        ``{member: betweenness}`` in natural id order, normalised to ``[0, 1]`` exactly as
        ``networkx.betweenness_centrality(H)`` on the members-only graph ``H``.

    Notes
    -----
    .. math:: c_B(v) = \frac{2}{(n - 1)(n - 2)} \sum_{s < t;\ s, t \ne v}
              \frac{\sigma(s, t \mid v)}{\sigma(s, t)}

    where :math:`\sigma(s, t)` is the number of shortest paths between members :math:`s` and
    :math:`t` and :math:`\sigma(s, t \mid v)` those passing through :math:`v` [1]_; with
    :math:`n \le 2` every value is 0.

    Computed with Brandes' algorithm [2]_ in :math:`O(n(n + m))` time on integer-indexed
    adjacency lists, a few times faster than networkx and the same numbers. Pure Python
    still needs about 100 ms for 500 members with 750 ties, over the scan's budget, so
    above ``max_work`` the dependencies are summed from ``k`` source members drawn with a
    fixed seed and scaled by :math:`n / k` (Brandes and Pich [3]_, as networkx does with
    ``k=``): an unbiased estimate, and the same network always gives the same estimate.
    Networks of the size met in practice (tens of members) are always computed exactly.

    References
    ----------
    .. [1] Freeman, L. C. "A set of measures of centrality based on betweenness."
       *Sociometry* 40 (1977): 35-41.
    .. [2] Brandes, U. "A faster algorithm for betweenness centrality."
       *Journal of Mathematical Sociology* 25(2) (2001): 163-177.
    .. [3] Brandes, U. and Pich, C. "Centrality estimation in large networks."
       *International Journal of Bifurcation and Chaos* 17(7) (2007): 2303-2318.

    Examples
    --------
    Ans and Cor know each other only through Bob:

    >>> from graph.schema import new_network, add_member, add_tie
    >>> G = new_network()
    >>> for node in ("a", "b", "c"):
    ...     add_member(G, node, name=node.upper())
    >>> add_tie(G, "a", "b"); add_tie(G, "b", "c")
    >>> member_betweenness(G)
    {'a': 0.0, 'b': 1.0, 'c': 0.0}
    >>> member_betweenness(G) == nx.betweenness_centrality(G.subgraph(["a", "b", "c"]))
    True

    Without members, or with members who do not know each other, nobody is in between:

    >>> member_betweenness(new_network())
    {}
    """
    return _betweenness(G, max_work)[0]


def _betweenness(G: nx.Graph, max_work: int) -> tuple[dict[Hashable, float], int, int]:
    """Return the scores, the number of sources used and the number of members."""
    adj = member_adjacency(G)
    nodes = list(adj)
    n = len(nodes)
    index = {node: i for i, node in enumerate(nodes)}
    int_adj = [[index[w] for w in adj[v]] for v in nodes]
    k = source_count(n, sum(map(len, int_adj)) // 2, max_work)
    raw = _brandes(int_adj, sample_sources(n, k))
    scale = (1.0 / ((n - 1) * (n - 2)) if n > 2 else 1.0) * (n / k if k else 1.0)
    return {node: raw[i] * scale for i, node in enumerate(nodes)}, k, n


def sample_sources(members: int, k: int) -> list[int]:
    """Return which ``k`` of ``members`` members (positions in natural id order) the shortest
    paths are counted from: all of them, or a sample drawn with :data:`SAMPLE_SEED`, in
    increasing order.

    >>> sample_sources(4, 4)
    [0, 1, 2, 3]
    >>> sample_sources(500, 3) == sample_sources(500, 3)
    True
    """
    if k >= members:
        return list(range(members))
    return sorted(random.Random(SAMPLE_SEED).sample(range(members), k))  # noqa: S311


def _brandes(adj: list[list[int]], sources: list[int]) -> list[float]:
    """Brandes' dependency accumulation over unweighted, undirected adjacency lists.

    Returns, per node, the sum of the dependencies of every source in ``sources``; over all
    sources every unordered pair of endpoints is counted twice.

    The breadth-first search keeps its levels (the nodes at distance 1, 2, ... from the
    source), so that the accumulation runs over them from the farthest back to distance 1
    with the distance of each level known once, not looked up per node, and never visits
    the source itself. A node whose neighbours are all nearer or as near as itself (an end
    of the shortest paths, about half of them) adds nothing to the scores and skips the
    arithmetic. Every floating-point operation that does contribute is the one, in the
    order, of the textbook loop, so the scores are the same to the last bit.
    """
    n = len(adj)
    bc = [0.0] * n
    for s in sources:
        dist = [-1] * n
        sigma = [0] * n  # number of shortest paths from s
        dist[s] = 0
        sigma[s] = 1
        levels = []
        frontier = [s]
        d = 0
        while frontier:
            d += 1
            levels.append(frontier)
            frontier = []
            append = frontier.append
            for v in levels[-1]:
                sv = sigma[v]
                for w in adj[v]:
                    dw = dist[w]
                    if dw < 0:
                        dist[w] = d
                        sigma[w] = sv
                        append(w)
                    elif dw == d:
                        sigma[w] += sv
        # Back from the farthest level: delta(v) = sigma(v) * sum over successors w (the
        # neighbours one step farther) of (1 + delta(w)) / sigma(w); ``pull[w]`` holds that
        # quotient once w is done.
        pull = [0.0] * n
        after = len(levels)
        for level in reversed(levels[1:]):
            for v in reversed(level):
                total = 0.0
                for w in adj[v]:
                    if dist[w] == after:
                        total += pull[w]
                if total:
                    sv = sigma[v]
                    delta = sv * total
                    bc[v] += delta
                    pull[v] = (1.0 + delta) / sv
                else:
                    pull[v] = 1.0 / sigma[v]
            after -= 1
    return bc


def top_brokers(G: nx.Graph, top: int = 3, *, max_work: int = MAX_WORK) -> Brokers:
    """Return the members with the highest betweenness above zero, highest first.

    Parameters
    ----------
    G : networkx.Graph
        A resident's network.
    top : int
        How many to return. Members tied with the last one are returned too, so the answer
        never depends on node order.
    max_work : int
        See :func:`member_betweenness`.

    Returns
    -------
    Brokers
        ``top`` is empty when no member lies between two others (fewer than three members,
        or nobody links two members who do not know each other).

    Examples
    --------
    A path a - b - c - d: b and c each link a to the far end.

    >>> from graph.schema import new_network, add_member, add_tie
    >>> G = new_network()
    >>> for node in "abcd":
    ...     add_member(G, node, name=node)
    >>> add_tie(G, "a", "b"); add_tie(G, "b", "c"); add_tie(G, "c", "d")
    >>> brokers = top_brokers(G, top=1)
    >>> [(n, round(v, 3)) for n, v in brokers.top], brokers.exact
    ([('b', 0.667), ('c', 0.667)], True)
    """
    scores, k, n = _betweenness(G, max_work)
    ranked = sorted(
        (-round(v, 12), i, n) for i, (n, v) in enumerate(scores.items()) if v > TOLERANCE
    )
    chosen = [(member, -neg) for neg, _, member in ranked[:top]]
    for neg, _, member in ranked[top:]:
        if not chosen or -neg != chosen[-1][1]:
            break
        chosen.append((member, -neg))
    return Brokers(top=tuple((m, scores[m]) for m, _ in chosen), exact=k == n, sources=k)
