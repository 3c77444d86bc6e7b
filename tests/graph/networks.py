"""Realistic networks for the map tests: long roles, uneven sectors, a crowded circle 1."""

from __future__ import annotations

import networkx as nx

from graph.schema import add_member, add_tie, new_network

#: Names and roles as coaches write them at the kitchen table.
NAMES = (
    "Wijkverpleegkundige", "Meneer en mevrouw de Boer", "Corrie van de koffieochtend",
    "Schuldhulpverlener Ahmed", "Anja", "Buurman Jan", "Oma Riet", "Kees", "Fatma Yilmaz",
    "Mohammed el Amrani", "Huisarts dokter Visser", "Tante Gerda", "Jeroen", "Sanne",
    "Juf Marieke van school", "Pieter-Jan", "Maatschappelijk werker Lotte", "Ineke", "Bram",
    "Yusuf", "Dochter Esther", "Zoon Mark", "Kleindochter Noor", "Buurvrouw Truus",
    "Ria van het buurthuis", "Trainer van de voetbal", "Collega Wim", "Fysiotherapeut Daan",
    "Thuiszorg Marja", "Ouderenadviseur Els", "Vriendin Hennie", "Neef Robbert",
    "Dominee Bakker", "Mevrouw Özdemir", "Vrijwilliger Gert", "Kapper Sjaak",
    "Zus Annemarie", "Broer Henk", "Schoonzus Wilma", "Vriend Ton", "Buurjongen Milan",
    "Bewindvoerder mevrouw Smit", "Postbode Ali", "Tuinman Frits", "Nicht Saskia",
    "Klaverjasclub Hans", "Wijkagent Dennis", "Apotheker Linda", "Achterbuurman Co",
    "Peetoom Gerrit", "Ergotherapeut Iris", "Kerkkoor Jannie", "Taalmaatje Samira",
    "Oud-collega Bert", "Mantelzorger Ellen", "Boodschappendienst Kim", "Vriend Sjoerd",
    "Zwager Arie", "Buurvrouw van nummer 12", "Logopedist Femke",
)
#: Uneven sectors: much family and professionals, few neighbours and work.
SECTOR_CYCLE = ("familie", "professionals", "familie", "vrienden", "professionals", "familie",
                "buren", "vrienden", "werk_school_club", "familie", "professionals")


def realistic(members: int, *, resident: str = "Riek de Vries") -> nx.Graph:
    """A network of ``members`` people; a third in circle 1 (crowded), ties between some."""
    G = new_network(resident)
    for i in range(members):
        name = NAMES[i % len(NAMES)] + ("" if i < len(NAMES) else f" {i // len(NAMES) + 1}")
        circle = 1 + i % 3
        add_member(G, f"m{i + 1}", name=name, sector=SECTOR_CYCLE[i % len(SECTOR_CYCLE)],
                   circle=circle, quality=("goed", "wisselend", "gespannen")[i % 3])
    for i in range(1, members - 2, 4):
        add_tie(G, f"m{i}", f"m{i + 2}", quality="gespannen" if i % 3 else "goed")
    return G


def reversed_copy(G: nx.Graph) -> nx.Graph:
    """The same network with its nodes and ties added in the opposite order (and every tie
    the other way round): a map must not depend on the order things were entered."""
    H = new_network(G.nodes["ego"].get("name"))
    for node in reversed(list(G.nodes)):
        if node != "ego":
            H.add_node(node, **G.nodes[node])
    for u, v, data in reversed(list(G.edges(data=True))):
        H.add_edge(v, u, **data)
    return H
