"""Informal share: how much of the network, and of its support, is family, friends, neighbours."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from graph.metrics.common import known_sectors, member_support, ratio
from graph.schema import PROFESSIONAL_SECTOR

__all__ = ["Informal", "informal_share"]


@dataclass(frozen=True)
class Informal:
    """Informal members and the support they give; see :func:`informal_share`."""

    #: Members in a known sector other than the professional one.
    members: int
    #: Members whose sector is known.
    known: int
    #: ``members / known``; ``None`` when no sector is known.
    share: float | None
    #: Support (member, kind) pairs given by informal members.
    support: int
    #: Support pairs given by members whose sector is known.
    support_known: int
    #: ``support / support_known``; ``None`` when no support of a known sector is recorded.
    support_share: float | None


def informal_share(G: nx.Graph) -> Informal:
    r"""Measure the informal part of the network: among the members, and in the support.

    Parameters
    ----------
    G : networkx.Graph
        A resident's network; the professional sector is
        :data:`graph.schema.PROFESSIONAL_SECTOR`, every other configured sector is informal.

    Returns
    -------
    Informal

    Notes
    -----
    .. math:: \text{share} = \frac{M_\text{informal}}{M_\text{known}}, \qquad
              \text{support share} = \frac{S_\text{informal}}{S_\text{known}}

    with :math:`M` members and :math:`S` support pairs (a member times a kind of support
    they give), both over the members whose sector is known: an unknown sector is neither
    informal nor professional. :attr:`graph.metrics.size.Size.informal_share` divides by
    *all* members instead, so the two differ exactly when sectors are unknown. SNS aims at
    more informal support once the network is engaged, so the second share is the one to
    follow between two moments. Members with a state (died, no contact any more, from
    earlier, a pet) are neither members nor support here.

    Examples
    --------
    >>> from graph.schema import new_network, add_member
    >>> G = new_network()
    >>> add_member(G, "m1", name="Ans", sector="familie", support=("praktisch",))
    >>> add_member(G, "m2", name="Huisarts", sector="professionals",
    ...            support=("advies", "nood", "emotioneel"))
    >>> add_member(G, "m3", name="Kees")
    >>> result = informal_share(G)
    >>> result.members, result.known, result.share
    (1, 2, 0.5)
    >>> result.support, result.support_known, result.support_share
    (1, 4, 0.25)
    >>> informal_share(new_network()).share is None
    True
    """
    members = known = support = support_known = 0
    kinds = member_support(G)
    for node, sector in known_sectors(G).items():
        given = len(kinds[node])
        known += 1
        support_known += given
        if sector != PROFESSIONAL_SECTOR:
            members += 1
            support += given
    return Informal(
        members=members, known=known, share=ratio(members, known),
        support=support, support_known=support_known,
        support_share=ratio(support, support_known),
    )
