"""Reciprocity: with how many members the resident also gives, not only receives."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

import networkx as nx

from graph.metrics.common import member_relations, ratio

__all__ = ["Reciprocity", "reciprocity_share"]


@dataclass(frozen=True)
class Reciprocity:
    """Give and take with members; see :func:`reciprocity_share`."""

    #: Members whose reciprocity is recorded (``True`` or ``False``).
    known: int
    #: Members with whom support goes both ways, natural id order.
    reciprocal: tuple[Hashable, ...]
    #: Members whose reciprocity is unknown (``None``), left out of the share.
    unknown: int
    #: ``len(reciprocal) / known``; ``None`` when nothing is known.
    share: float | None


def reciprocity_share(G: nx.Graph) -> Reciprocity:
    r"""Find the share of members with whom support is reciprocal.

    Parameters
    ----------
    G : networkx.Graph
        A resident's network; ``"reciprocal"`` on the edge to the resident is ``True``,
        ``False`` or ``None`` (unknown).

    Returns
    -------
    Reciprocity

    Notes
    -----
    .. math:: \text{share} = \frac{R}{K}

    with :math:`R` the members whose ``reciprocal`` is ``True`` and :math:`K` those whose
    value is known (``True`` or ``False``).

    Unknown values are excluded, not counted as "no": the question "do I also give?"
    (Laarbeek, "Hoe sterk is mijn netwerk?") is only answered for the members it was asked
    about.

    Examples
    --------
    >>> from graph.schema import new_network, add_member
    >>> G = new_network()
    >>> add_member(G, "m1", name="Ans", reciprocal=True)
    >>> add_member(G, "m2", name="Piet", reciprocal=False)
    >>> add_member(G, "m3", name="Kees")
    >>> reciprocity_share(G)
    Reciprocity(known=2, reciprocal=('m1',), unknown=1, share=0.5)
    """
    reciprocal: list[Hashable] = []
    known = unknown = 0
    for node, relation in member_relations(G).items():
        value = relation.get("reciprocal")
        if value is None:
            unknown += 1
            continue
        known += 1
        if value:
            reciprocal.append(node)
    return Reciprocity(
        known=known,
        reciprocal=tuple(reciprocal),
        unknown=unknown,
        share=ratio(len(reciprocal), known),
    )
