"""E-I index, Shannon entropy and the informal share on networks worked out by hand."""

import math

import networkx as nx
import pytest

from graph.metrics import scan, sector_ei_index, sector_entropy, shannon_entropy
from graph.schema import SECTORS, add_member, add_tie, new_network


def network(sectors, ties=(), support=None):
    """Members a, b, c, ... with these sectors, tied as given."""
    G = new_network()
    for i, sector in enumerate(sectors):
        node = chr(ord("a") + i)
        add_member(G, node, name=node.upper(), sector=sector,
                   support=(support or {}).get(node, ()))
    for u, v in ties:
        add_tie(G, u, v)
    return G


def test_ei_index_of_two_families_that_meet_once():
    # Family a-b-c (a triangle, 3 internal ties), neighbours d-e (1 internal), and c knows d.
    # E = 1, I = 4: raw (1 - 4) / 5 = -0.6.
    # Pairs inside: 3 + 1 = 4, pairs between: 3 * 2 = 6; d_E = 1/6, d_I = 4/4 = 1:
    # rescaled (1/6 - 1) / (1/6 + 1) = (-5/6) / (7/6) = -5/7.
    G = network(["familie"] * 3 + ["buren"] * 2,
                [("a", "b"), ("b", "c"), ("a", "c"), ("d", "e"), ("c", "d")])
    result = sector_ei_index(G)
    assert (result.external, result.internal) == (1, 4)
    assert result.raw == pytest.approx(-0.6)
    assert result.rescaled == pytest.approx(-5 / 7)


def test_ei_index_when_every_tie_crosses_sectors():
    # A star of one family member tied to three people of three other sectors.
    G = network(["familie", "vrienden", "buren", "professionals"],
                [("a", "b"), ("a", "c"), ("a", "d")])
    result = sector_ei_index(G)
    assert (result.external, result.internal, result.raw) == (3, 0, 1.0)
    # Every sector has one member: no pair inside a sector, the rescaled index is undefined.
    assert result.rescaled is None


def test_ei_index_leaves_unknown_sectors_and_the_resident_out():
    # c has no sector: its tie to a does not count; the resident's edges never count.
    G = network(["familie", "familie", None], [("a", "b"), ("a", "c")])
    result = sector_ei_index(G)
    assert (result.external, result.internal, result.raw) == (0, 1, -1.0)
    assert result.rescaled is None  # one sector: no pair between sectors


@pytest.mark.parametrize("make", [
    lambda: new_network(),
    lambda: network(["familie"]),
    lambda: network(["familie", "buren"]),  # a star: no ties among members
])
def test_ei_index_without_ties_is_undefined(make):
    result = sector_ei_index(make())
    assert (result.external, result.internal, result.raw, result.rescaled) == (0, 0, None, None)


def test_ei_index_agrees_with_a_count_by_hand_on_a_random_network():
    H = nx.gnm_random_graph(30, 80, seed=7)
    sectors = [SECTORS[i % len(SECTORS)] for i in range(30)]
    G = new_network()
    for i in H:
        add_member(G, f"m{i}", name=str(i), sector=sectors[i])
    for u, v in H.edges:
        add_tie(G, f"m{u}", f"m{v}")
    internal = sum(1 for u, v in H.edges if sectors[u] == sectors[v])
    external = H.number_of_edges() - internal
    # networkx's mixing dict counts every tie from both ends
    nx.set_node_attributes(H, dict(enumerate(sectors)), "sector")
    mixing = nx.attribute_mixing_dict(H, "sector")
    assert sum(row.get(s, 0) for s, row in mixing.items()) // 2 == internal
    result = sector_ei_index(G)
    assert (result.external, result.internal) == (external, internal)
    assert result.raw == pytest.approx((external - internal) / (external + internal))


def test_entropy_by_hand():
    # 2 familie, 1 vrienden, 1 buren: p = 1/2, 1/4, 1/4 -> H = 0.5*1 + 2 * 0.25*2 = 1.5 bits.
    G = network(["familie", "familie", "vrienden", "buren"])
    result = sector_entropy(G)
    assert result.bits == pytest.approx(1.5)
    assert result.evenness == pytest.approx(1.5 / math.log2(5))
    # Evenly over all five sectors: log2(5) bits, evenness 1.
    even = sector_entropy(network(list(SECTORS)))
    assert (even.bits, even.evenness) == (pytest.approx(math.log2(5)), pytest.approx(1.0))
    # Everybody in one sector: 0 bits (and not -0.0).
    one = sector_entropy(network(["familie"] * 3))
    assert (one.bits, one.evenness) == (0.0, 0.0)
    assert math.copysign(1, one.bits) == 1
    assert shannon_entropy([1, 3], base=math.e) == pytest.approx(
        -(0.25 * math.log(0.25) + 0.75 * math.log(0.75)))


def test_entropy_with_only_unknown_sectors_is_undefined():
    result = sector_entropy(network([None, None]))
    assert (result.bits, result.evenness) == (None, None)


def test_informal_share_of_members_and_of_support():
    # a familie (2 kinds), b buren (1), c professional (3), d unknown (2, left out).
    G = network(["familie", "buren", "professionals", None], support={
        "a": ("praktisch", "gezelschap"), "b": ("nood",),
        "c": ("advies", "emotioneel", "nood"), "d": ("praktisch", "advies")})
    informal = scan(G).informal
    assert (informal.members, informal.known, informal.share) == (2, 3, pytest.approx(2 / 3))
    assert (informal.support, informal.support_known, informal.support_share) == (3, 6, 0.5)


def test_informal_share_of_an_all_professional_network():
    G = network(["professionals", "professionals"], support={"a": ("advies",)})
    informal = scan(G).informal
    assert (informal.share, informal.support_share) == (0.0, 0.0)


def test_new_measures_in_to_dict():
    G = network(["familie", "familie", "buren"], [("a", "b"), ("b", "c")])
    data = scan(G).to_dict()
    assert data["ei_index"] == {"external": 1, "internal": 1, "raw": 0.0,
                                "rescaled": pytest.approx((1 / 2 - 1) / (1 / 2 + 1))}
    assert data["entropy"]["bits"] == pytest.approx(-(2 / 3 * math.log2(2 / 3)
                                                      + 1 / 3 * math.log2(1 / 3)))
    assert data["informal"]["share"] == 1.0
