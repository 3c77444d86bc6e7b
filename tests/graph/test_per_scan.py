"""Work shared within one scan is never carried over to the next scan or to another graph."""

from __future__ import annotations

from graph.metrics import (
    informal_share,
    load_concentration,
    member_cohesion,
    network_size,
    scan,
    support_coverage,
)
from graph.metrics.per_scan import shared_work
from graph.schema import add_member, add_tie
from tests.graph.test_scan_unchanged import seeded_network


def test_each_measure_alone_answers_as_within_the_scan():
    G = seeded_network(120, seed=3)
    s = scan(G)
    assert s.size == network_size(G)
    assert s.support == support_coverage(G)
    assert s.load == load_concentration(G)
    assert s.cohesion == member_cohesion(G)
    assert s.informal == informal_share(G)


def test_a_change_after_a_scan_shows_in_the_next():
    G = seeded_network(40, seed=4)
    before = scan(G)
    add_member(G, "m99", name="Nieuw", sector="buren", circle=1, support=("nood",))
    add_tie(G, "m99", "m0")
    after = scan(G)
    assert after.size.total == before.size.total + 1
    assert "m99" in after.support.givers["nood"]
    assert after.cohesion.ties == before.cohesion.ties + 1
    # And the measures alone, outside a scan, see it too.
    assert network_size(G).total == after.size.total


def test_two_graphs_in_one_block_keep_their_own_answers():
    small, large = seeded_network(10, seed=1), seeded_network(30, seed=2)
    with shared_work():
        assert network_size(small).total == 10
        assert network_size(large).total == 30
        assert scan(small).size.total == 10
