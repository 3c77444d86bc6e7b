"""Findings as data: which kinds a network gets, with which parameters, in which order.

The networks are small enough to work out by hand; their sentences, in Dutch and English,
are tested in tests/sns/test_scan_words.py.
"""

import random

from graph.findings import MAX_FINDINGS, WEIGHTS, Finding, findings
from graph.metrics import scan
from graph.schema import (
    CIRCLES,
    FREQUENCIES,
    QUALITIES,
    SECTORS,
    SUPPORT_KINDS,
    add_member,
    add_tie,
    new_network,
)


def people(*specs, ties=()):
    """Members a, b, c, ... from (name, sector, circle, support) tuples."""
    G = new_network("Riek")
    for i, (name, sector, circle, support) in enumerate(specs):
        add_member(G, chr(ord("a") + i), name=name, sector=sector, circle=circle,
                   support=support)
    for u, v in ties:
        add_tie(G, u, v)
    return G


def kinds(G, limit=None):
    return [f.kind for f in findings(G, limit=limit)]


def find(G, kind):
    matches = [f for f in findings(G, limit=None) if f.kind == kind]
    assert len(matches) == 1, kinds(G)
    return matches[0]


FAMILY = [("Ans", "familie", 2, ("praktisch",)), ("Bob", "familie", 2, ("emotioneel",)),
          ("Cor", "vrienden", 2, ("advies",)), ("Dirk", "vrienden", 2, ("nood",))]


# --- rule 1: "they all know each other" only when they do ------------------------------------


def test_a_chain_knows_each_other_through_each_other_not_all_directly():
    # a - b - c - d: one group, density 3/6 = 0.5.
    G = people(*FAMILY, ties=[("a", "b"), ("b", "c"), ("c", "d")])
    assert scan(G).cohesion.density == 0.5
    assert "know_via_via" in kinds(G)
    assert "all_know" not in kinds(G)


def test_a_clique_all_know_each_other():
    G = people(*FAMILY, ties=[(u, v) for u in "abcd" for v in "abcd" if u < v])
    assert find(G, "all_know").params == {"count": 4}
    assert "know_via_via" not in kinds(G)


def test_a_star_is_asked_whether_they_know_each_other():
    G = people(*FAMILY)  # every member tied to the resident only
    assert "no_ties" in kinds(G)
    assert not {"all_know", "know_via_via", "separate_groups"} & set(kinds(G))


def test_two_groups():
    G = people(*FAMILY, ties=[("a", "b"), ("c", "d")])
    assert find(G, "separate_groups").params == {"count": 2}
    assert "tie_unknown" not in kinds(G)


def test_one_group_and_someone_without_a_recorded_tie():
    G = people(*FAMILY, ties=[("a", "b"), ("b", "c")])
    assert find(G, "tie_unknown").params == {"count": 1}
    assert "separate_groups" not in kinds(G)


# --- rule 2: unknown is unknown ---------------------------------------------------------------


def test_all_unknown_is_reported_as_unknown_never_as_absent():
    G = new_network()
    for i, name in enumerate(("Ans", "Bob", "Cor", "Dirk")):
        add_member(G, f"m{i}", name=name)
    found = kinds(G)
    assert find(G, "circle_unknown").params == {"count": 4}
    assert find(G, "sector_unknown").params == {"count": 4}
    assert "nobody_close" not in found  # the old rule said "nobody in the inner circle"
    assert "one_sector" not in found
    assert "only_professionals" not in found
    assert "gives_nothing" not in found  # reciprocity unknown is not "no"
    assert found[:2] == ["count", "no_support"]


def test_nobody_close_only_when_every_circle_is_known():
    G = people(("Ans", "familie", 2, ()), ("Bob", "buren", 3, ()))
    assert "nobody_close" in kinds(G)
    add_member(G, "x", name="Xander", sector="buren")  # circle unknown
    assert "nobody_close" not in kinds(G)
    assert find(G, "circle_unknown").params == {"count": 1}


# --- rule 3: structural findings first, whatever the per-person lines -------------------------


def test_all_professional_network_hears_it_first():
    # Each professional is the only one for a kind: five per-person lines compete.
    G = people(("Huisarts", "professionals", 3, ("advies", "nood")),
               ("Wijkverpleging", "professionals", 2, ("praktisch",)),
               ("Maatschappelijk werk", "professionals", 3, ("emotioneel",)),
               ("Dagbesteding", "professionals", 3, ("gezelschap",)))
    shown = kinds(G, MAX_FINDINGS)
    assert shown[:2] == ["count", "only_professionals"]
    assert find(G, "only_professionals").params == {"count": 4}
    assert "mostly_professionals" not in kinds(G)
    assert len(shown) == MAX_FINDINGS


def test_structural_findings_come_before_every_per_person_line():
    structural = {"only_professionals", "no_support", "one_sector", "uncovered",
                  "carries_most"}
    for seed in range(200):
        order = kinds(random_network(seed))
        per_person = [i for i, k in enumerate(order) if WEIGHTS[k] <= WEIGHTS["only_one_helper"]]
        for i, kind in enumerate(order):
            if kind in structural and per_person:
                assert i < per_person[0], order


def test_one_person_gives_all_practical_help():
    G = people(("Ans", "familie", 1, ("praktisch", "emotioneel")),
               ("Bob", "buren", 2, ("emotioneel", "gezelschap")),
               ("Huisarts", "professionals", 3, ("advies", "gezelschap", "nood")))
    helpers = [f for f in findings(G, limit=None) if f.kind == "only_one_helper"]
    assert [f.params for f in helpers] == [
        {"name": "Ans", "kinds": ("praktisch",), "member": "informal"},
        {"name": "Huisarts", "kinds": ("advies", "nood"), "member": "professional"},
    ]


def test_one_person_carrying_most_of_the_help():
    G = people(("Ans", "familie", 1, ("praktisch", "emotioneel", "advies", "nood")),
               ("Bob", "familie", 2, ("gezelschap",)))
    assert find(G, "carries_most").params == {
        "names": ("Ans",), "count": 4, "total": 5, "professional": False}
    assert kinds(G).index("carries_most") < kinds(G).index("only_one_helper")


def test_counts_not_comparisons():
    # Two givers for practical help, three for a listening ear: "at least 2".
    G = people(("Ans", "familie", 1, ("praktisch", "emotioneel")),
               ("Bob", "buren", 2, ("praktisch", "emotioneel")),
               ("Cor", "vrienden", 2, ("emotioneel",)))
    assert find(G, "shared_support").params == {
        "kinds": ("praktisch", "emotioneel"), "count": 2, "at_least": True}
    assert find(G, "count").params == {"count": 3, "close": ("Ans",), "close_count": 1,
                                       "name": None}


def test_mostly_professionals():
    G = people(("Ans", "familie", 1, ()), ("Huisarts", "professionals", 3, ()),
               ("Thuiszorg", "professionals", 2, ()))
    assert find(G, "mostly_professionals").params == {"professional": 2, "total": 3}


# --- bad input: sensible findings, no exception ------------------------------------------------


def test_no_members():
    assert [(f.kind, f.params) for f in findings(new_network())] == [
        ("empty", {}), ("think_of", {"sectors": ("familie", "vrienden", "buren",
                                                 "werk_school_club")})]


def test_one_member():
    G = people(("Ans", "familie", 1, ("praktisch",)))
    found = findings(G)
    assert found[0] == Finding("count", {"count": 1, "close": ("Ans",), "close_count": 1,
                                         "name": "Ans"})
    assert "no_ties" not in kinds(G)  # one person cannot know "each other"


def test_two_thousand_members():
    rng = random.Random(3)  # noqa: S311 - a seeded test fixture
    G = new_network()
    for i in range(2000):
        add_member(G, f"m{i}", name=f"N{i}", sector=rng.choice(SECTORS),
                   circle=rng.choice(CIRCLES), support=rng.sample(SUPPORT_KINDS, 1))
    for _ in range(3000):
        a, b = rng.sample(range(2000), 2)
        add_tie(G, f"m{a}", f"m{b}")
    found = findings(G)
    assert [f.kind for f in found] == ["count", "shared_support", "sector_mix",
                                       "separate_groups", "tie_unknown"]
    assert found[0].params["count"] == 2000
    assert found[0].params["close"] == ()  # too many to name


def test_every_kind_has_a_weight_and_the_order_follows_it():
    for seed in range(100):
        found = findings(random_network(seed), limit=None)
        assert all(f.kind in WEIGHTS for f in found)
        weights = [f.weight for f in found]
        assert weights == sorted(weights, reverse=True)
        assert findings(random_network(seed)) == found[:MAX_FINDINGS]


def test_to_dict_is_plain_data():
    G = people(*FAMILY, ties=[("a", "b")])
    data = [f.to_dict() for f in findings(G)]
    assert data[0] == {"kind": "count", "weight": WEIGHTS["count"],
                       "params": {"count": 4, "close": [], "close_count": 0, "name": None}}


def test_a_computed_scan_can_be_passed_in():
    G = people(*FAMILY)
    assert findings(G, scan(G)) == findings(G)


NAMES = ["Ans", "Bob", "Cor", "Dirk", "Eva", "Fatima", "Gijs", "Henk", "Ilse", "Jan"]


def random_network(seed):
    """A seeded network of 0 to 30 members with every attribute random, unknown included."""
    rng = random.Random(seed)  # noqa: S311 - a seeded test fixture
    G = new_network("Riek")
    n = rng.choice([0, 1, 2, 3, 5, 8, 12, 30])
    for i in range(n):
        add_member(
            G, f"m{i}", name=NAMES[i % len(NAMES)] + ("" if i < len(NAMES) else str(i)),
            sector=rng.choice([*SECTORS, None]),
            circle=rng.choice([*CIRCLES, None]),
            support=rng.sample(SUPPORT_KINDS, rng.choice([0, 0, 1, 2, 3, 5])),
            reciprocal=rng.choice([True, False, None]),
            frequency=rng.choice([*FREQUENCIES, None]),
            quality=rng.choice([*QUALITIES, None]),
        )
    for _ in range(rng.randint(0, 2 * n) if n > 1 else 0):
        a, b = rng.sample(range(n), 2)
        add_tie(G, f"m{a}", f"m{b}", quality=rng.choice([*QUALITIES, None]))
    return G
