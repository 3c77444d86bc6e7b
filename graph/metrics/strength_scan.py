"""The strength scan: every measure of "Hoe sterk is mijn netwerk?" in one result."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import networkx as nx

from graph.attributes import sectors_of
from graph.metrics.brokers import MAX_WORK, Brokers, top_brokers
from graph.metrics.cohesion import Cohesion, member_cohesion
from graph.metrics.common import plain
from graph.metrics.diversity import sector_diversity
from graph.metrics.ei_index import EIIndex, sector_ei_index
from graph.metrics.entropy import SectorEntropy, sector_entropy
from graph.metrics.informal import Informal, informal_share
from graph.metrics.load import Load, load_concentration
from graph.metrics.per_scan import shared_work
from graph.metrics.reciprocity import Reciprocity, reciprocity_share
from graph.metrics.size import Size, network_size
from graph.metrics.states import Apart, members_apart
from graph.metrics.strain import Strain, strained_relations
from graph.metrics.structural_holes import StructuralHoles, structural_holes
from graph.metrics.support import SupportCoverage, support_coverage

__all__ = ["Scan", "scan"]


@dataclass(frozen=True)
class Scan:
    """The result of :func:`scan`: one field per question of the strength scan."""

    #: The sector codes the scan used, in order.
    sectors: tuple[str, ...]
    #: How many people, per circle and sector; informal or professional.
    size: Size
    #: Who gives which kind of support; kinds resting on nobody or on one person.
    support: SupportCoverage
    #: How much of all support the busiest member carries.
    load: Load
    #: With whom support goes both ways.
    reciprocity: Reciprocity
    #: Do the members know each other: density, groups, isolated members.
    cohesion: Cohesion
    #: Members who link other members.
    brokers: Brokers
    #: Burt's effective size, efficiency and constraint of the resident.
    structural_holes: StructuralHoles
    #: Index of qualitative variation over the sectors (0 to 1), ``None`` when undefined.
    diversity: float | None
    #: Shannon entropy of the members over the sectors, in bits and as evenness (0 to 1).
    entropy: SectorEntropy
    #: Krackhardt and Stern's E-I index of the ties among members by sector, raw and rescaled.
    ei_index: EIIndex
    #: The informal share of the members and of the support.
    informal: Informal
    #: Strained relations with the resident and between members.
    strain: Strain
    #: Members with a state (died, no contact, from earlier, a pet), left out of the rest.
    apart: Apart

    def to_dict(self) -> dict[str, Any]:
        """Return the scan as JSON-serialisable plain data.

        Nested results become dicts, tuples become lists (a broker is ``[member, score]``,
        a strained tie ``[member, member]``), dict keys become strings (circle ``1`` becomes
        ``"1"``) and undefined values are ``None``.
        """
        return plain(self)


def scan(G: nx.Graph, *, max_work: int = MAX_WORK) -> Scan:
    """Run the strength scan on a resident's network.

    Parameters
    ----------
    G : networkx.Graph
        A resident's network (see :mod:`graph.schema`). It is not changed.
    max_work : int
        Size above which broker betweenness is estimated rather than exact, see
        :func:`graph.metrics.brokers.member_betweenness`.

    Returns
    -------
    Scan

    Notes
    -----
    Unknown values (``None``) are never guessed: every part says how many were unknown or
    leaves them out, as its own documentation describes. A network holding only the
    resident gives zeros, empty tuples and ``None`` for every ratio.

    Examples
    --------
    >>> import json
    >>> from graph.schema import new_network, add_member, add_tie
    >>> G = new_network("Riek")
    >>> add_member(G, "m1", name="Ans", sector="familie", circle=1,
    ...            support=("praktisch", "emotioneel"), reciprocal=True)
    >>> add_member(G, "m2", name="Piet", sector="buren", circle=2, support=("praktisch",))
    >>> add_tie(G, "m1", "m2")
    >>> result = scan(G)
    >>> result.size.total, result.support.single, result.load.busiest
    (2, {'emotioneel': 'm1'}, ('m1',))
    >>> result.cohesion.density, result.diversity
    (1.0, 0.625)
    >>> data = result.to_dict()
    >>> data["size"]["per_circle"]
    {'1': 1, '2': 1, '3': 0}
    >>> json.loads(json.dumps(data)) == data
    True
    """
    with shared_work():
        return _scan(G, max_work)


def _scan(G: nx.Graph, max_work: int) -> Scan:
    return Scan(
        sectors=sectors_of(G),
        size=network_size(G),
        support=support_coverage(G),
        load=load_concentration(G),
        reciprocity=reciprocity_share(G),
        cohesion=member_cohesion(G),
        brokers=top_brokers(G, max_work=max_work),
        structural_holes=structural_holes(G),
        diversity=sector_diversity(G),
        entropy=sector_entropy(G),
        ei_index=sector_ei_index(G),
        informal=informal_share(G),
        strain=strained_relations(G),
        apart=members_apart(G),
    )
