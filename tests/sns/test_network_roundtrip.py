"""The stored network converts to a NetworkX graph and back without losing anything."""

from __future__ import annotations

import networkx as nx
import pytest
from sqlalchemy.exc import IntegrityError

from graph import schema
from graph.attributes import member_nodes
from graph.demo import demo_network
from sns.models import Tie
from sns.network.graphs import store_graph, to_graph

pytestmark = pytest.mark.db


def _canonical(G: nx.Graph) -> tuple:
    """Nodes keyed by name (stored ids differ from the original node ids)."""
    name = {n: G.nodes[n]["name"] for n in G}
    nodes = sorted((d["name"], tuple(sorted(d.items()))) for _, d in G.nodes(data=True))
    edges = sorted((tuple(sorted((name[u], name[v]))), tuple(sorted(d.items())))
                   for u, v, d in G.edges(data=True))
    return nodes, edges, G.graph["sectors"]


def test_graph_to_database_to_graph_is_lossless(db, people):
    original = demo_network()
    original.nodes[schema.EGO]["name"] = people.riek.name
    store_graph(db, people.riek, original)
    db.commit()
    restored = to_graph(db, people.riek)
    assert _canonical(restored) == _canonical(original)
    assert restored.number_of_nodes() == 16
    assert restored.number_of_edges() == 25

    # And a second trip through another resident gives the same graph again.
    store_graph(db, people.piet, restored)
    db.commit()
    again = to_graph(db, people.piet)
    again.nodes[schema.EGO]["name"] = people.riek.name
    assert _canonical(again) == _canonical(original)


def test_unknown_values_stay_unknown(db, people):
    G = schema.new_network("Riek")
    schema.add_member(G, "x", name="Onbekend")
    store_graph(db, people.riek, G)
    db.commit()
    restored = to_graph(db, people.riek)
    (node,) = member_nodes(restored)
    assert restored.nodes[node]["sector"] is None
    assert schema.relation(restored, node) == {
        "circle": None, "support": (), "reciprocal": None, "frequency": None, "quality": None,
        "gives": ()}


def test_database_refuses_a_tie_across_residents(db, people):
    rows_riek = store_graph(db, people.riek, demo_network())
    rows_piet = store_graph(db, people.piet, demo_network())
    db.commit()
    a, b = sorted((rows_riek["Ans"].id, rows_piet["Kees"].id))
    db.add(Tie(resident_id=people.riek.id, a_id=a, b_id=b))
    with pytest.raises(IntegrityError):
        db.commit()
    db.rollback()
