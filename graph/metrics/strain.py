"""Strained relations: where contact is tense, with the resident or between members."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

import networkx as nx

from graph.attributes import member_ties
from graph.metrics.common import member_relations, members

__all__ = ["STRAINED", "Strain", "strained_relations"]

#: The quality code of a strained relation.
STRAINED = "gespannen"


@dataclass(frozen=True)
class Strain:
    """Strained relations, reported separately; see :func:`strained_relations`."""

    #: Members whose relation with the resident is strained, natural id order.
    ego: tuple[Hashable, ...]
    #: Strained ties between two members, each pair and the list in natural id order.
    ties: tuple[tuple[Hashable, Hashable], ...]
    #: ``len(ego)``.
    ego_count: int
    #: ``len(ties)``.
    tie_count: int


def strained_relations(G: nx.Graph) -> Strain:
    """Find the relations whose quality is ``"gespannen"``.

    Parameters
    ----------
    G : networkx.Graph
        A resident's network; ``"quality"`` is on the resident's edges and on the ties
        between members.

    Returns
    -------
    Strain

    Notes
    -----
    Strain between the resident and a member, and strain between two members, matter for
    different reasons: the first for what the resident can ask, the second for whom to
    invite together to a netwerkberaad. Unknown quality (``None``) is not strain.
    Members with a state (died, no contact any more, from earlier, a pet) are left out,
    with their ties: neither is a question for whom to ask or invite now.

    Examples
    --------
    >>> from graph.schema import new_network, add_member, add_tie
    >>> G = new_network()
    >>> add_member(G, "m1", name="Ans", quality="gespannen")
    >>> add_member(G, "m2", name="Bob", quality="goed")
    >>> add_member(G, "m3", name="Cor")
    >>> add_tie(G, "m3", "m2", quality="gespannen")
    >>> add_tie(G, "m1", "m2", quality="goed")
    >>> strained_relations(G)
    Strain(ego=('m1',), ties=(('m2', 'm3'),), ego_count=1, tie_count=1)
    """
    ego = tuple(n for n, r in member_relations(G).items() if r.get("quality") == STRAINED)
    present = set(members(G))
    ties = [(u, v) for u, v in member_ties(G)
            if u in present and v in present and G.edges[u, v].get("quality") == STRAINED]
    return Strain(ego=ego, ties=tuple(ties), ego_count=len(ego), tie_count=len(ties))
