"""Load concentration: how much of all support the busiest member carries."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

import networkx as nx

from graph.metrics.common import member_support, ratio

__all__ = ["Load", "load_concentration"]


@dataclass(frozen=True)
class Load:
    """The spread of support over members; see :func:`load_concentration`."""

    #: All support: the number of (member, kind) pairs.
    total: int
    #: ``{member: kinds given}`` for the members who give anything, natural id order.
    per_member: dict[Hashable, int]
    #: The busiest members (all of them when tied); empty when nobody gives anything.
    busiest: tuple[Hashable, ...]
    #: The number of kinds each busiest member gives.
    busiest_load: int
    #: ``busiest_load / total``; ``None`` when nobody gives anything.
    share: float | None


def load_concentration(G: nx.Graph) -> Load:
    r"""Measure how much of the support rests on the busiest member.

    Parameters
    ----------
    G : networkx.Graph
        A resident's network; support kinds are on the edges to the resident.

    Returns
    -------
    Load

    Notes
    -----
    With :math:`l_m` the number of support kinds member :math:`m` gives,

    .. math:: \text{share} = \frac{\max_m l_m}{\sum_m l_m}

    1.0 means one person gives all the support there is; with :math:`n` members giving one
    kind each it is :math:`1/n`. It is a simple concentration ratio (CR1) over support
    pairs, chosen because it reads in plain words: "Ans gives half of all the help". Tied
    busiest members are all reported, and the share is that of *one* of them. Members
    with a state (died, no contact any more, from earlier, a pet) carry no support.

    Examples
    --------
    >>> from graph.schema import new_network, add_member
    >>> G = new_network()
    >>> add_member(G, "m1", name="Ans", support=("praktisch", "emotioneel", "nood"))
    >>> add_member(G, "m2", name="Piet", support=("gezelschap",))
    >>> load = load_concentration(G)
    >>> load.busiest, load.busiest_load, load.total, load.share
    (('m1',), 3, 4, 0.75)

    Nobody gives anything yet:

    >>> load_concentration(new_network())
    Load(total=0, per_member={}, busiest=(), busiest_load=0, share=None)
    """
    per_member: dict[Hashable, int] = {}
    for node, kinds in member_support(G).items():
        if kinds:
            per_member[node] = len(kinds)
    total = sum(per_member.values())
    top = max(per_member.values(), default=0)
    return Load(
        total=total,
        per_member=per_member,
        busiest=tuple(n for n, load in per_member.items() if load == top),
        busiest_load=top,
        share=ratio(top, total),
    )
