"""Support coverage: who gives each kind of support, and which kinds rest on one person."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

import networkx as nx

from graph.metrics.common import member_support
from graph.schema import SUPPORT_KINDS

__all__ = ["SupportCoverage", "support_coverage"]


@dataclass(frozen=True)
class SupportCoverage:
    """Who gives which support; see :func:`support_coverage`."""

    #: ``{kind: members giving it}`` for every kind, in :data:`~graph.schema.SUPPORT_KINDS`
    #: order, members in natural id order.
    givers: dict[str, tuple[Hashable, ...]]
    #: Kinds nobody gives.
    uncovered: tuple[str, ...]
    #: ``{kind: the one member}`` for the kinds exactly one member gives.
    single: dict[str, Hashable]


def support_coverage(G: nx.Graph) -> SupportCoverage:
    """Find, per kind of support, the members who give it.

    Parameters
    ----------
    G : networkx.Graph
        A resident's network; the kinds a member gives are the tuple ``"support"`` on the
        member's edge to the resident.

    Returns
    -------
    SupportCoverage

    Notes
    -----
    A kind *resting on nobody* (``uncovered``) or *on one person* (``single``) is a
    question for the netwerkverkenning ("who else could you ask?"), and for a single person
    a sign of possible overload (mantelzorg). Codes outside
    :data:`graph.schema.SUPPORT_KINDS` are ignored; a member without an edge to the
    resident gives nothing, nor does a member with a state (died, no contact any more, from
    earlier, a pet), whatever kinds were recorded: the question is whom the resident can ask
    now, and a pet's company does not answer who else could come by.

    Examples
    --------
    >>> from graph.schema import new_network, add_member
    >>> G = new_network()
    >>> add_member(G, "m1", name="Ans", support=("praktisch", "emotioneel"))
    >>> add_member(G, "m2", name="Piet", support=("emotioneel",))
    >>> cover = support_coverage(G)
    >>> cover.givers["emotioneel"]
    ('m1', 'm2')
    >>> cover.single
    {'praktisch': 'm1'}
    >>> cover.uncovered
    ('advies', 'gezelschap', 'nood')
    """
    givers: dict[str, list[Hashable]] = {kind: [] for kind in SUPPORT_KINDS}
    for node, kinds in member_support(G).items():
        for kind in kinds:
            givers[kind].append(node)
    return SupportCoverage(
        givers={kind: tuple(nodes) for kind, nodes in givers.items()},
        uncovered=tuple(kind for kind, nodes in givers.items() if not nodes),
        single={kind: nodes[0] for kind, nodes in givers.items() if len(nodes) == 1},
    )
