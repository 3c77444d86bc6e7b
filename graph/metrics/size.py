"""Size of the network: how many people, per circle, per sector, informal or professional."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from graph.metrics.common import known_sectors, member_relations, ratio, sector_counts
from graph.schema import CIRCLES, PROFESSIONAL_SECTOR

__all__ = ["Size", "network_size"]


@dataclass(frozen=True)
class Size:
    """Counts of members; see :func:`network_size`."""

    #: Number of members (everyone on the map but the resident).
    total: int
    #: ``{circle: members}`` for every circle 1, 2, 3, zeros included.
    per_circle: dict[int, int]
    #: Members whose circle is unknown.
    unknown_circle: int
    #: ``{sector: members}`` for every configured sector, in order, zeros included.
    per_sector: dict[str, int]
    #: Members whose sector is unknown (or no longer configured).
    unknown_sector: int
    #: Members in a known sector other than the professional one.
    informal: int
    #: Members in the professional sector.
    professional: int
    #: ``informal / total``; ``None`` without members.
    informal_share: float | None
    #: ``professional / total``; ``None`` without members.
    professional_share: float | None


def network_size(G: nx.Graph) -> Size:
    """Count the members of a resident's network.

    Parameters
    ----------
    G : networkx.Graph
        A resident's network (see :mod:`graph.schema`); the sectors are
        ``G.graph["sectors"]``.

    Returns
    -------
    Size

    Notes
    -----
    A member is *professional* when the sector is :data:`graph.schema.PROFESSIONAL_SECTOR`,
    *informal* when the sector is any other configured sector, and neither when the sector
    is unknown: an unknown sector is never guessed. Both shares are taken over all members,
    so ``informal_share + professional_share + unknown_sector / total == 1``.

    Members with a state (died, no contact any more, from earlier, a pet; see
    :data:`graph.schema.MEMBER_STATES`) are not counted anywhere here: they are no active
    contact. :func:`graph.metrics.states.members_apart` counts them.

    Examples
    --------
    >>> from graph.schema import new_network, add_member
    >>> G = new_network()
    >>> add_member(G, "m1", name="Ans", sector="familie", circle=1)
    >>> add_member(G, "m2", name="Joke", sector="professionals", circle=3)
    >>> add_member(G, "m3", name="Kees")
    >>> s = network_size(G)
    >>> s.total, s.per_circle, s.unknown_circle
    (3, {1: 1, 2: 0, 3: 1}, 1)
    >>> s.informal, s.professional, s.unknown_sector
    (1, 1, 1)
    >>> round(s.professional_share, 2)
    0.33

    Without members every count is zero and the shares are undefined:

    >>> network_size(new_network()).informal_share is None
    True
    """
    nodes = member_relations(G)
    per_circle = dict.fromkeys(CIRCLES, 0)
    unknown_circle = 0
    for relation in nodes.values():
        circle = relation.get("circle")
        if circle in CIRCLES:
            per_circle[circle] += 1
        else:
            unknown_circle += 1
    per_sector = dict(sector_counts(G))
    unknown_sector = len(nodes) - len(known_sectors(G))
    professional = per_sector.get(PROFESSIONAL_SECTOR, 0)
    informal = len(nodes) - unknown_sector - professional
    return Size(
        total=len(nodes),
        per_circle=per_circle,
        unknown_circle=unknown_circle,
        per_sector=per_sector,
        unknown_sector=unknown_sector,
        informal=informal,
        professional=professional,
        informal_share=ratio(informal, len(nodes)),
        professional_share=ratio(professional, len(nodes)),
    )
