"""The strength scan on small networks whose answers are worked out by hand."""

import copy
import json
import math
import random

import networkx as nx
import pytest

from graph.metrics import (
    ego_constraint,
    ego_effective_size,
    member_betweenness,
    scan,
    top_brokers,
)
from graph.metrics.brokers import source_count
from graph.schema import EGO, SECTORS, SUPPORT_KINDS, add_member, add_tie, new_network


def members_only(G):
    return G.subgraph([n for n in G if n != EGO])


# --- the empty network: only the resident -------------------------------------------------


def test_empty_network():
    s = scan(new_network("Riek"))
    assert s.sectors == SECTORS
    assert s.size.total == 0
    assert s.size.per_circle == {1: 0, 2: 0, 3: 0}
    assert s.size.per_sector == dict.fromkeys(SECTORS, 0)
    assert (s.size.unknown_circle, s.size.unknown_sector) == (0, 0)
    assert (s.size.informal_share, s.size.professional_share) == (None, None)
    # Nobody gives anything: every kind rests on nobody, and no kind on exactly one person.
    assert s.support.uncovered == SUPPORT_KINDS
    assert s.support.single == {}
    assert (s.load.total, s.load.busiest, s.load.share) == (0, (), None)
    assert (s.reciprocity.known, s.reciprocity.unknown, s.reciprocity.share) == (0, 0, None)
    assert s.cohesion.density is None  # no pair of members to be tied
    assert (s.cohesion.group_count, s.cohesion.groups, s.cohesion.isolated) == (0, (), ())
    assert s.brokers.top == ()
    assert s.brokers.exact
    # networkx answers nan for an isolated resident; the scan says None.
    assert math.isnan(ego_effective_size(new_network()))
    assert math.isnan(ego_constraint(new_network()))
    h = s.structural_holes
    assert (h.effective_size, h.efficiency, h.constraint) == (None, None, None)
    assert s.diversity is None  # nobody to spread over sectors
    assert (s.strain.ego_count, s.strain.tie_count) == (0, 0)


# --- a single member -----------------------------------------------------------------------


def single_member():
    G = new_network("Riek")
    add_member(
        G,
        "m1",
        name="Ans",
        sector="familie",
        circle=1,
        support=("nood", "praktisch"),
        reciprocal=True,
        quality="goed",
    )
    return G


def test_single_member():
    s = scan(single_member())
    assert s.size.total == 1
    assert s.size.per_circle == {1: 1, 2: 0, 3: 0}
    assert (s.size.informal, s.size.professional) == (1, 0)
    assert (s.size.informal_share, s.size.professional_share) == (1.0, 0.0)
    # Support kinds are kept in vocabulary order, whatever order they were given in.
    assert s.support.givers["praktisch"] == ("m1",)
    assert s.support.single == {"praktisch": "m1", "nood": "m1"}
    assert s.support.uncovered == ("emotioneel", "advies", "gezelschap")
    # Ans carries all 2 support pairs.
    assert (s.load.total, s.load.busiest, s.load.busiest_load, s.load.share) == (
        2,
        ("m1",),
        2,
        1.0,
    )
    assert (s.reciprocity.known, s.reciprocity.reciprocal, s.reciprocity.share) == (
        1,
        ("m1",),
        1.0,
    )
    # One member: no pair, one group of one, isolated among members.
    assert s.cohesion.density is None
    assert s.cohesion.groups == (("m1",),)
    assert s.cohesion.isolated == ("m1",)
    assert s.brokers.top == ()
    # e = 1 - 2*0/1 = 1; c = (p_ej)^2 = (1/1)^2 = 1.
    h = s.structural_holes
    assert (h.effective_size, h.efficiency, h.constraint) == (1.0, 1.0, 1.0)
    # Everybody in one sector: IQV = 5/4 * (1 - 1^2) = 0.
    assert s.diversity == 0.0


# --- members with no ties between them --------------------------------------------------------


def strangers():
    G = new_network()
    add_member(G, "a", name="Ans", sector="familie", circle=1, support=("praktisch",))
    add_member(G, "b", name="Bob", sector="vrienden", circle=2, support=("emotioneel",))
    add_member(G, "c", name="Cor", sector="buren", circle=2, support=("advies",))
    add_member(G, "d", name="Dina", sector="professionals", circle=3, support=("advies",))
    return G


def test_members_with_no_ties():
    s = scan(strangers())
    assert s.size.per_circle == {1: 1, 2: 2, 3: 1}
    assert (s.size.informal, s.size.professional, s.size.professional_share) == (3, 1, 0.25)
    assert s.support.givers["advies"] == ("c", "d")
    assert s.support.single == {"praktisch": "a", "emotioneel": "b"}
    assert s.support.uncovered == ("gezelschap", "nood")
    # 4 pairs, everyone gives 1: all four are "busiest", each with 1/4.
    assert s.load.busiest == ("a", "b", "c", "d")
    assert s.load.share == 0.25
    # 0 ties of 6 possible pairs; 4 groups of one; all isolated; nobody in between.
    assert s.cohesion.density == 0.0
    assert s.cohesion.group_count == 4
    assert s.cohesion.isolated == ("a", "b", "c", "d")
    assert s.brokers.top == ()
    # e = 4 - 0 = 4, efficiency 1; c = 4 * (1/4)^2 = 0.25.
    h = s.structural_holes
    assert (h.effective_size, h.efficiency, h.constraint) == (4.0, 1.0, 0.25)
    # Counts (1, 1, 1, 0, 1): sum p^2 = 4/16, IQV = 5/4 * 3/4 = 0.9375.
    assert s.diversity == 0.9375


# --- a triangle plus a pendant ----------------------------------------------------------------


def triangle_and_pendant():
    """a, b, c all know each other; d knows only c. Every member is tied to the resident."""
    G = new_network()
    for node in "abcd":
        add_member(G, node, name=node.upper(), sector="familie", circle=2)
    for u, v in ("ab", "bc", "ac", "cd"):
        add_tie(G, u, v)
    return G


def test_triangle_and_pendant():
    G = triangle_and_pendant()
    s = scan(G)
    # 4 ties of 6 pairs.
    assert s.cohesion.ties == 4
    assert s.cohesion.density == pytest.approx(4 / 6)
    assert s.cohesion.groups == (("a", "b", "c", "d"),)
    assert s.cohesion.isolated == ()
    # Only c is between others: on the shortest paths a-d and b-d. Normalised by
    # (n-1)(n-2)/2 = 3 pairs: 2/3.
    assert s.brokers.top == (("c", pytest.approx(2 / 3)),)
    assert member_betweenness(G) == pytest.approx(nx.betweenness_centrality(members_only(G)))
    # Effective size: n - 2t/n = 4 - 8/4 = 2; efficiency 2/4.
    # Constraint, p_ej = 1/4 and p_qj = 1/deg(q) with deg a=3, b=3, c=4, d=2 (resident
    # included): j=a: (1/4 + 1/4 (1/3 + 1/4))^2 = (19/48)^2, the same for b;
    # j=c: (1/4 + 1/4 (1/3 + 1/3 + 1/2))^2 = (13/24)^2; j=d: (1/4 + 1/4 * 1/4)^2 = (5/16)^2.
    # Sum: (722 + 676 + 225) / 2304 = 1623/2304.
    h = s.structural_holes
    assert h.effective_size == 2.0
    assert h.efficiency == 0.5
    assert h.constraint == pytest.approx(1623 / 2304)
    assert h.effective_size == pytest.approx(nx.effective_size(G, [EGO])[EGO])
    assert h.constraint == pytest.approx(nx.constraint(G, [EGO])[EGO])
    # Everyone familie: no diversity.
    assert s.diversity == 0.0


# --- strained relations -----------------------------------------------------------------------


def test_strained_relations_are_reported_separately():
    G = new_network()
    add_member(G, "a", name="Ans", quality="gespannen")
    add_member(G, "b", name="Bob", quality="goed")
    add_member(G, "c", name="Cor")
    add_tie(G, "b", "a", quality="gespannen")
    add_tie(G, "b", "c", quality="wisselend")
    add_tie(G, "c", "a", quality="gespannen")
    s = scan(G)
    assert s.strain.ego == ("a",)
    assert s.strain.ties == (("a", "b"), ("a", "c"))
    assert (s.strain.ego_count, s.strain.tie_count) == (1, 2)


# --- unknown attributes -----------------------------------------------------------------------


def unknowns():
    """Nothing is guessed.

    a: only a name. b: sector "kerk", which the team no longer uses. c: a professional in
    circle 3, support known not to go both ways. d: imported without a tie to the resident,
    knows c.
    """
    G = new_network(sectors=("familie", "kerk", "professionals"))
    add_member(G, "a", name="Ans")
    add_member(G, "b", name="Bob", sector="kerk")
    add_member(G, "c", name="Cor", sector="professionals", circle=3, reciprocal=False)
    G.add_node("d", kind="member", name="Dirk", sector="familie")
    add_tie(G, "c", "d")
    G.graph["sectors"] = ("familie", "professionals")
    return G


def test_unknown_attributes_are_counted_not_guessed():
    s = scan(unknowns())
    assert s.sectors == ("familie", "professionals")
    assert s.size.total == 4
    assert s.size.per_circle == {1: 0, 2: 0, 3: 1}
    assert s.size.unknown_circle == 3  # a, b, and d without a tie to the resident
    assert s.size.per_sector == {"familie": 1, "professionals": 1}
    assert s.size.unknown_sector == 2  # a, and b whose sector is no longer configured
    assert (s.size.informal_share, s.size.professional_share) == (0.25, 0.25)
    # Only c's reciprocity is known, and it is "no".
    assert (s.reciprocity.known, s.reciprocity.unknown, s.reciprocity.share) == (1, 3, 0.0)
    assert s.support.uncovered == SUPPORT_KINDS
    assert s.load.share is None
    assert s.cohesion.groups == (("c", "d"), ("a",), ("b",))
    assert s.cohesion.isolated == ("a", "b")
    assert s.cohesion.density == pytest.approx(1 / 6)
    # Counts over (familie, professionals) = (1, 1): IQV = 2 * (1 - 1/2) = 1.
    assert s.diversity == 1.0
    # The resident's contacts are a, b, c (not d): e = 3 - 0 = 3, c = 3 * (1/3)^2.
    assert s.structural_holes.effective_size == 3.0
    assert s.structural_holes.constraint == pytest.approx(1 / 3)


# --- the whole scan -----------------------------------------------------------------------------


ALL_GRAPHS = [
    lambda: new_network(),
    single_member,
    strangers,
    triangle_and_pendant,
    unknowns,
]


@pytest.mark.parametrize("make", ALL_GRAPHS)
def test_to_dict_is_plain_json(make):
    data = scan(make()).to_dict()
    assert json.loads(json.dumps(data, allow_nan=False)) == data
    assert set(data) == {
        "sectors",
        "size",
        "support",
        "load",
        "reciprocity",
        "cohesion",
        "brokers",
        "structural_holes",
        "diversity",
        "entropy",
        "ei_index",
        "informal",
        "strain",
        "apart",
    }


def test_to_dict_shape():
    data = scan(triangle_and_pendant()).to_dict()
    assert data["size"]["per_circle"] == {"1": 0, "2": 4, "3": 0}
    assert data["brokers"]["top"] == [["c", pytest.approx(2 / 3)]]
    assert data["cohesion"]["groups"] == [["a", "b", "c", "d"]]


@pytest.mark.parametrize("make", ALL_GRAPHS)
def test_scan_leaves_the_graph_alone(make):
    G = make()
    before = copy.deepcopy(G)
    scan(G)
    assert nx.utils.graphs_equal(G, before)


def test_scan_is_frozen():
    s = scan(single_member())
    with pytest.raises(AttributeError):
        s.diversity = 1.0  # type: ignore[misc]


# --- cross-checks with networkx on random networks ---------------------------------------------


def random_network(n, ties, seed):
    rng = random.Random(seed)  # noqa: S311 - a seeded test fixture
    G = new_network()
    for i in range(n):
        add_member(G, f"m{i}", name=f"N{i}", sector=rng.choice(SECTORS), circle=2)
    H = nx.gnm_random_graph(n, ties, seed=seed)
    for u, v in H.edges:
        add_tie(G, f"m{u}", f"m{v}")
    return G


@pytest.mark.parametrize(("n", "ties", "seed"), [(3, 2, 1), (12, 20, 2), (40, 60, 3), (90, 200, 4)])
def test_measures_match_networkx(n, ties, seed):
    G = random_network(n, ties, seed)
    assert member_betweenness(G) == pytest.approx(nx.betweenness_centrality(members_only(G)))
    assert ego_effective_size(G) == pytest.approx(nx.effective_size(G, [EGO])[EGO])
    if n <= 40:  # networkx's constraint takes seconds beyond that
        assert ego_constraint(G) == pytest.approx(nx.constraint(G, [EGO])[EGO])
    s = scan(G)
    assert s.cohesion.density == pytest.approx(nx.density(members_only(G)))
    assert s.cohesion.group_count == nx.number_connected_components(members_only(G))


def test_large_networks_estimate_brokers_from_a_fixed_sample():
    # A hub known to everyone, the others in a ring: the hub is clearly the broker.
    G = new_network()
    n = 60
    add_member(G, "hub", name="Hub")
    for i in range(n):
        add_member(G, f"m{i}", name=f"N{i}")
        add_tie(G, "hub", f"m{i}")
        if i:
            add_tie(G, f"m{i - 1}", f"m{i}")
    exact = top_brokers(G)
    assert exact.exact
    assert exact.sources == n + 1
    sampled = top_brokers(G, max_work=2000)
    assert not sampled.exact
    assert sampled.sources == source_count(n + 1, 2 * n - 1, 2000) < n + 1
    assert sampled.top[0][0] == exact.top[0][0] == "hub"
    assert top_brokers(G, max_work=2000) == sampled  # same network, same estimate


def test_brokers_tied_at_the_cut_are_all_reported():
    # A star around c and one around f, joined c - f: c and f tie for first place.
    G = new_network()
    for node in "abcdefgh":
        add_member(G, node, name=node)
    for u, v in ("ac", "bc", "dc", "cf", "ef", "gf", "hf"):
        add_tie(G, u, v)
    brokers = top_brokers(G, top=1)
    assert [n for n, _ in brokers.top] == ["c", "f"]


def test_insertion_order_does_not_change_the_scan():
    G = random_network(30, 45, seed=5)
    nodes, edges = list(G.nodes(data=True)), list(G.edges(data=True))
    random.Random(1).shuffle(nodes)  # noqa: S311 - a seeded test fixture
    random.Random(2).shuffle(edges)  # noqa: S311 - a seeded test fixture
    H = nx.Graph(**G.graph)
    H.add_nodes_from(nodes)
    H.add_edges_from(edges)
    assert scan(H).to_dict() == scan(G).to_dict()
