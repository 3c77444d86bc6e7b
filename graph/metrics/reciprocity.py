"""Reciprocity: with how many members the resident also gives, not only receives, and what."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

import networkx as nx

from graph.metrics.common import member_gives, member_relations, ratio
from graph.schema import SUPPORT_KINDS

__all__ = ["Reciprocity", "reciprocity_share"]


@dataclass(frozen=True)
class Reciprocity:
    """Give and take with members; see :func:`reciprocity_share`."""

    #: Members whose reciprocity is recorded (kinds the resident gives, or a yes/no).
    known: int
    #: Members with whom support goes both ways, natural id order.
    reciprocal: tuple[Hashable, ...]
    #: Members whose reciprocity is unknown (nothing recorded), left out of the share.
    unknown: int
    #: ``len(reciprocal) / known``; ``None`` when nothing is known.
    share: float | None
    #: ``{kind: members the resident gives it to}`` for every kind, in
    #: :data:`~graph.schema.SUPPORT_KINDS` order, members in natural id order.
    given: dict[str, tuple[Hashable, ...]]
    #: Reciprocal members for whom only the old yes/no is recorded ("over en weer, soort
    #: onbekend"), natural id order.
    kind_unknown: tuple[Hashable, ...]


def reciprocity_share(G: nx.Graph) -> Reciprocity:
    r"""Find the share of members with whom support is reciprocal, and what the resident gives.

    Parameters
    ----------
    G : networkx.Graph
        A resident's network; on the edge to the resident ``"gives"`` holds the kinds of
        support the resident gives the member, and ``"reciprocal"`` is ``True``, ``False``
        or ``None`` (unknown).

    Returns
    -------
    Reciprocity

    Notes
    -----
    .. math:: \text{share} = \frac{R}{K}

    with :math:`R` the members with whom support goes both ways and :math:`K` those for
    whom it is known. What the resident gives, by kind (``gives``), decides: a member who
    gets any kind from the resident is reciprocal. Only when no kind is recorded does the
    yes/no ``reciprocal`` count, as it did before the kinds were asked (such members are
    also listed in ``kind_unknown``: "over en weer, soort onbekend").

    Unknown values are excluded, not counted as "no": the question "do I also give?"
    (Laarbeek, "Hoe sterk is mijn netwerk?") is only answered for the members it was asked
    about. Members with a state (died, no contact any more, from earlier, a pet) are left
    out altogether: giving and taking is about the network now.

    Examples
    --------
    >>> from graph.schema import new_network, add_member
    >>> G = new_network()
    >>> add_member(G, "m1", name="Ans", gives=("praktisch",))
    >>> add_member(G, "m2", name="Piet", reciprocal=False)
    >>> add_member(G, "m3", name="Kees")
    >>> add_member(G, "m4", name="Joke", reciprocal=True)
    >>> add_member(G, "m5", name="Wim", gives=("praktisch",), state="overleden")
    >>> r = reciprocity_share(G)
    >>> r.known, r.reciprocal, r.unknown, r.share
    (3, ('m1', 'm4'), 1, 0.6666666666666666)
    >>> r.given["praktisch"], r.kind_unknown
    (('m1',), ('m4',))
    """
    reciprocal: list[Hashable] = []
    kind_unknown: list[Hashable] = []
    given: dict[str, list[Hashable]] = {kind: [] for kind in SUPPORT_KINDS}
    known = unknown = 0
    gives = member_gives(G)
    for node, relation in member_relations(G).items():
        kinds = gives[node]
        value = relation.get("reciprocal")
        if kinds:
            for kind in kinds:
                given[kind].append(node)
        elif value is None:
            unknown += 1
            continue
        elif value:
            kind_unknown.append(node)
        known += 1
        if kinds or value:
            reciprocal.append(node)
    return Reciprocity(
        known=known,
        reciprocal=tuple(reciprocal),
        unknown=unknown,
        share=ratio(len(reciprocal), known),
        given={kind: tuple(nodes) for kind, nodes in given.items()},
        kind_unknown=tuple(kind_unknown),
    )
