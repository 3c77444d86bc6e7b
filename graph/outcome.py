"""The few figures of one network that outcome reports follow from moment to moment.

An outcome report (``sns.outcomes``) compares each resident's first and latest snapshot: did
the network grow, are more people close, does more support rest on family, friends and
neighbours than on professionals, do fewer kinds of support rest on nobody or on one person,
does the resident also give? These are the strength scan's own measures
(:mod:`graph.metrics`), so a report and the resident's page can never disagree. Members
with a state (died, no contact any more, from earlier, a pet) are not counted in any of
them, as in the scan: a network that "grew" by someone who died has not grown.

Examples
--------
>>> from graph.schema import new_network, add_member
>>> G = new_network("Riek")
>>> add_member(G, "m1", name="Ans", sector="familie", circle=1,
...            support=("praktisch", "emotioneel"), reciprocal=True)
>>> add_member(G, "m2", name="Joke", sector="professionals", circle=3, support=("advies",),
...            reciprocal=False)
>>> network_figures(G)
NetworkFigures(size=2, inner=1, informal_share=0.5, thin_support=5, reciprocity=0.5)
>>> network_figures(new_network("Leeg"))
NetworkFigures(size=0, inner=0, informal_share=None, thin_support=5, reciprocity=None)
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import networkx as nx

from graph.metrics import network_size, reciprocity_share, support_coverage

__all__ = ["FIELDS", "NetworkFigures", "network_figures"]


@dataclass(frozen=True)
class NetworkFigures:
    """One moment of one network, as :func:`network_figures` counts it."""

    #: Members on the map.
    size: int
    #: Members in circle 1 (closest to the resident).
    inner: int
    #: Share of members who are not professionals (unknown sectors count as informal: the
    #: question is how much rests on professional care); ``None`` without members.
    informal_share: float | None
    #: Kinds of support that rest on nobody or on one person only.
    thin_support: int
    #: Share of members with whom support goes both ways, of those where it is known.
    reciprocity: float | None

    def to_dict(self) -> dict[str, float | int | None]:
        return asdict(self)


#: The figures in report order.
FIELDS: tuple[str, ...] = ("size", "inner", "informal_share", "thin_support", "reciprocity")


def network_figures(G: nx.Graph) -> NetworkFigures:
    """Count the outcome figures of a resident's network (see :mod:`graph.schema`)."""
    size = network_size(G)
    support = support_coverage(G)
    informal = None if not size.total else 1 - size.professional / size.total
    return NetworkFigures(
        size=size.total,
        inner=size.per_circle.get(1, 0),
        informal_share=informal,
        thin_support=len(support.uncovered) + len(support.single),
        reciprocity=reciprocity_share(G).share,
    )
