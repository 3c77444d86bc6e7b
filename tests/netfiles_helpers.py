"""Comparing two stored networks by what a coach sees: the same people with the same fields,
the same ties (node ids differ after an import)."""

from __future__ import annotations

import networkx as nx

from graph import schema
from graph.attributes import member_nodes, member_ties


def by_name(G: nx.Graph) -> tuple[dict, dict]:
    """Members keyed by name (person and relation fields), ties keyed by the pair of names."""
    people = {}
    for node in member_nodes(G):
        person = {k: v for k, v in G.nodes[node].items() if k != "kind"}
        people[person["name"]] = (person, dict(schema.relation(G, node)))
    ties = {}
    for u, v in member_ties(G):
        pair = frozenset((G.nodes[u]["name"], G.nodes[v]["name"]))
        ties[pair] = dict(G.edges[u, v])
    return people, ties
