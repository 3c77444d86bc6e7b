"""The demo resident's network: Riek de Vries and 15 people around her, in every sector.

Pure data, so the graph layer's tests, the benchmarks and the command line can use a
realistic network without a database; :mod:`sns.demo.seed.seed` stores it for the demo resident.

Examples
--------
>>> G = demo_network()
>>> G.nodes["ego"]["name"], G.number_of_nodes() - 1, G.number_of_edges() - 15
('Riek de Vries', 15, 10)
"""

from __future__ import annotations

import networkx as nx

from graph import schema

__all__ = ["DEMO_RESIDENT", "demo_network"]

DEMO_RESIDENT = "Riek de Vries"

# name, sector, circle, support kinds, reciprocal, frequency, quality, willing, kan meedenken
_MEMBERS = [
    ("Ans", "familie", 1, ("praktisch", "emotioneel", "nood"), True, "dagelijks", "goed",
     "boodschappen doen", True),
    ("Kees", "familie", 2, ("advies",), False, "maandelijks", "wisselend", None, True),
    ("Marloes", "familie", 2, ("gezelschap",), True, "wekelijks", "goed", None, False),
    ("Henk", "familie", 3, (), None, "zelden", "gespannen", None, False),
    ("Toos", "vrienden", 1, ("emotioneel", "gezelschap"), True, "wekelijks", "goed",
     "samen naar de markt", True),
    ("Wim", "vrienden", 2, ("gezelschap",), True, "maandelijks", "goed", None, False),
    ("Fatma", "buren", 1, ("praktisch", "nood"), True, "dagelijks", "goed",
     "even langskomen", True),
    ("Jan van nr. 12", "buren", 2, ("praktisch",), False, "wekelijks", "goed",
     "klusjes in huis", False),
    ("Greet", "buren", 3, (), None, "zelden", None, None, False),
    ("Koor De Lindeboom", "werk_school_club", 2, ("gezelschap",), True, "wekelijks", "goed",
     None, False),
    ("Mieke (kapper)", "werk_school_club", 3, ("gezelschap",), False, "maandelijks", "goed",
     None, False),
    ("Pastor Verbeek", "werk_school_club", 3, ("advies", "emotioneel"), False, "zelden", "goed",
     None, False),
    ("Huisarts Bakker", "professionals", 2, ("advies", "nood"), False, "maandelijks", "goed",
     None, False),
    ("Thuiszorg (Sandra)", "professionals", 2, ("praktisch",), False, "wekelijks", "goed",
     None, False),
    ("Schuldhulp (Ahmed)", "professionals", 3, ("advies",), False, "maandelijks", "wisselend",
     None, False),
]
_TIES = [
    ("Ans", "Kees", "wisselend"),
    ("Ans", "Marloes", "goed"),
    ("Ans", "Henk", "gespannen"),
    ("Kees", "Henk", "goed"),
    ("Toos", "Wim", "goed"),
    ("Toos", "Koor De Lindeboom", "goed"),
    ("Fatma", "Jan van nr. 12", "goed"),
    ("Fatma", "Greet", "goed"),
    ("Ans", "Fatma", "goed"),
    ("Huisarts Bakker", "Thuiszorg (Sandra)", "goed"),
]


def demo_network() -> nx.Graph:
    """The demo resident's network as a graph (15 members, 10 ties, every sector)."""
    G = schema.new_network(DEMO_RESIDENT)
    for name, sector, circle, support, reciprocal, freq, quality, willing, think in _MEMBERS:
        schema.add_member(
            G, name, name=name, sector=sector, circle=circle, support=support,
            reciprocal=reciprocal, frequency=freq, quality=quality, willing=willing,
            can_think_along=think,
        )
    for a, b, quality in _TIES:
        schema.add_tie(G, a, b, quality=quality)
    return G
