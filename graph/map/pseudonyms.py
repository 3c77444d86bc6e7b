"""Schuilnamen: a network with every name replaced by a role and a number, for a team meeting.

:func:`pseudonymised` returns a copy of a network (see :mod:`graph.schema`) in which the
resident is called by one word ("Bewoner") and every member by the role word of their sector
and a number ("Familielid 1", "Buur 2", "Hulpverlener 1"), numbered per sector from the inner
circle out. Free text that may hold names (what someone would like to do, their talents, a
note; a tie's note) is left out, so a page drawn from the copy shows no name at all.

Examples
--------
>>> from graph.schema import add_member, add_tie, new_network
>>> G = new_network("Riek")
>>> add_member(G, "m1", name="Ans", sector="familie", circle=2, talents="koken met Piet")
>>> add_member(G, "m2", name="Piet", sector="familie", circle=1)
>>> add_member(G, "m3", name="dokter Bakker", sector="professionals", circle=2)
>>> add_member(G, "m4", name="Kees")
>>> add_tie(G, "m1", "m2", note="Ans en Piet")
>>> P = pseudonymised(G, {"familie": "Familielid", "professionals": "Hulpverlener"},
...                   resident="Bewoner", unknown="Iemand")
>>> [P.nodes[n]["name"] for n in ("ego", "m1", "m2", "m3", "m4")]
['Bewoner', 'Familielid 2', 'Familielid 1', 'Hulpverlener 1', 'Iemand 1']
>>> P.nodes["m1"]["talents"], P.edges["m1", "m2"]["note"], G.nodes["m1"]["name"]
(None, None, 'Ans')
"""

from __future__ import annotations

from collections.abc import Mapping

import networkx as nx

from graph.attributes import circle_of, member_nodes, sector_of, sectors_of
from graph.schema import EGO

__all__ = ["FREE_TEXT", "pseudonymised"]

#: A member's attributes of free text: they may hold names, so a pseudonymised copy has none.
FREE_TEXT: tuple[str, ...] = ("willing", "talents", "note")


def pseudonymised(
    G: nx.Graph, words: Mapping[str, str], *, resident: str, unknown: str
) -> nx.Graph:
    """Return a copy of ``G`` with role words and numbers instead of names.

    Parameters
    ----------
    G : networkx.Graph
        A resident's network.
    words : mapping
        The role word per sector code; a sector without one is called by its code.
    resident : str
        What the resident is called.
    unknown : str
        The role word of a member with no (known) sector.

    Returns
    -------
    networkx.Graph
        A copy: the same people, sectors, circles and ties, with ``name`` replaced and the
        free text (:data:`FREE_TEXT`, a tie's ``note``) set to ``None``.
    """
    P = G.copy()
    P.nodes[EGO]["name"] = resident
    sectors = sectors_of(G)
    counts: dict[str | None, int] = {}
    # inner circle first (an unknown circle last), then in the order they were added
    for node in sorted(member_nodes(G), key=lambda n: circle_of(G, n) or 4):
        sector = sector_of(G, node, sectors)
        counts[sector] = counts.get(sector, 0) + 1
        word = unknown if sector is None else words.get(sector, sector)
        P.nodes[node]["name"] = f"{word} {counts[sector]}"
        for field in FREE_TEXT:
            P.nodes[node][field] = None
    for _a, _b, data in P.edges(data=True):
        if "note" in data:
            data["note"] = None
    return P
