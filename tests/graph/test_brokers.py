"""Broker betweenness on networks worked out by hand, exact and from a sample of sources."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.metrics import member_betweenness, top_brokers
from graph.metrics.brokers import sample_sources, source_count
from graph.schema import EGO, add_member, add_tie, new_network
from tests.graph.test_scan_unchanged import seeded_network


def network(nodes: str, ties: list[str]) -> nx.Graph:
    G = new_network()
    for node in nodes:
        add_member(G, node, name=node.upper())
    for u, v in ties:
        add_tie(G, u, v)
    return G


def test_two_shortest_paths_share_the_credit():
    # A square a - b - c - d - a: a and c are joined by two shortest paths (over b and over
    # d), so b and d each get half of that pair; likewise a and c for the pair b, d. Each
    # member lies on half a path of the 3 pairs it is not part of: 1/2 / 3 = 1/6.
    G = network("abcd", ["ab", "bc", "cd", "da"])
    assert member_betweenness(G) == pytest.approx(dict.fromkeys("abcd", 1 / 6))
    # Nobody stands out: all four tie for first place.
    assert [m for m, _ in top_brokers(G, top=1).top] == list("abcd")


def test_a_square_with_a_tail():
    # The square plus e tied to c. Pairs through c: (e, a), (e, b), (e, d) entirely and
    # half of (b, d): 3.5. Through b: half of (a, c) and half of (a, e): 1. The same for d.
    # a: half of (b, d): 0.5. e: none. Normalised by the (5 - 1)(5 - 2) / 2 = 6 pairs.
    G = network("abcde", ["ab", "bc", "cd", "da", "ce"])
    expected = {"a": 0.5 / 6, "b": 1 / 6, "c": 3.5 / 6, "d": 1 / 6, "e": 0.0}
    assert member_betweenness(G) == pytest.approx(expected)
    brokers = top_brokers(G)
    assert [m for m, _ in brokers.top] == ["c", "b", "d"]
    assert brokers.exact


def test_a_sampled_path_is_estimated_from_its_sources():
    # A path a - b - c - d - e - f. Counting from source s, member v lies on the shortest
    # path to every member beyond v (seen from s): the dependency of v on s is the number of
    # members past v. The estimate sums that over the sampled sources, scales it by n / k
    # (members over sources) and normalises by (n - 1)(n - 2).
    nodes = "abcdef"
    G = network(nodes, ["ab", "bc", "cd", "de", "ef"])
    n = len(nodes)
    max_work = 3 * (n + n - 1)  # room for 3 of the 6 sources
    k = source_count(n, n - 1, max_work)
    assert k == 3
    sources = sample_sources(n, k)

    def past(v: int, s: int) -> int:
        return n - 1 - v if s < v else v

    expected = {
        node: sum(past(v, s) for s in sources if s != v) * n / k / ((n - 1) * (n - 2))
        for v, node in enumerate(nodes)
    }
    assert member_betweenness(G, max_work=max_work) == pytest.approx(expected)
    brokers = top_brokers(G, max_work=max_work)
    assert (brokers.exact, brokers.sources) == (False, 3)


@pytest.mark.parametrize(("members", "max_work"), [(60, 2_000), (300, 20_000), (700, 150_000)])
def test_a_sample_counts_what_networkx_counts_from_the_same_sources(members, max_work):
    # NetworkX's betweenness from a given set of sources to every member (unnormalised, every
    # pair once) is half of what Brandes' accumulation sums; the estimate scales that sum.
    G = seeded_network(members, seed=members)
    H = G.subgraph([m for m in G if m != EGO])
    nodes = list(member_betweenness(G))  # natural id order
    n = len(nodes)
    k = source_count(n, H.number_of_edges(), max_work)
    assert k < n
    sources = [nodes[i] for i in sample_sources(n, k)]
    counted = nx.betweenness_centrality_subset(H, sources, list(H), normalized=False)
    scale = 2 * n / k / ((n - 1) * (n - 2))
    expected = {node: counted[node] * scale for node in nodes}
    assert member_betweenness(G, max_work=max_work) == pytest.approx(expected, abs=1e-12)


def test_networks_built_in_another_order_give_the_same_sample():
    G = seeded_network(300, seed=5)
    H = new_network()
    for node in reversed(list(G.nodes)):
        if node != EGO:
            H.add_node(node, **G.nodes[node])
    for u, v, data in reversed(list(G.edges(data=True))):
        H.add_edge(v, u, **data)
    assert member_betweenness(H, max_work=20_000) == member_betweenness(G, max_work=20_000)
