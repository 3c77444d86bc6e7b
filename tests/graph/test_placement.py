"""The label-aware placement: no label on a label, a shape or the resident, on every target.

The checks read the placement's own boxes (shapes, labels, sector words, ring numbers, the
resident's ellipse) and test them pairwise here, independently of
:meth:`graph.map.placement.Placement.overlaps`.
"""

from __future__ import annotations

import itertools
import math

import pytest

from graph.attributes import circle_of, member_nodes, sector_of
from graph.map.placement import PT_MM, TARGETS, Box, place
from graph.schema import EGO, SECTORS, add_member, add_tie, new_network
from tests.graph.networks import realistic, reversed_copy

WORDS = {
    "familie": "Familie", "vrienden": "Vrienden", "buren": "Buren",
    "werk_school_club": "Werk, school, club", "professionals": "Hulpverleners",
    None: "Onbekend",
}


def apart(a: Box, b: Box) -> bool:
    return a.x1 <= b.x or b.x1 <= a.x or a.y1 <= b.y or b.y1 <= a.y


def clear_of_disc(box: Box, radius: float) -> bool:
    dx = max(box.x, 0.0, -box.x1) if not (box.x <= 0 <= box.x1) else 0.0
    dy = max(box.y, 0.0, -box.y1) if not (box.y <= 0 <= box.y1) else 0.0
    return math.hypot(dx, dy) >= radius


def assert_conflict_free(G, p):
    """Every box apart from every other (a member's own shape and label may touch), clear
    of the resident, inside the sheet; every member placed, in their own cell."""
    members = member_nodes(G)
    assert set(p.positions) == set(members) == set(p.labels) == set(p.shapes)
    boxes = [("shape", n, b) for n, b in p.shapes.items()]
    boxes += [("label", n, lab.box) for n, lab in p.labels.items()]
    boxes += [("sector", s, lab.box) for s, lab in p.sector_labels.items()]
    boxes += [("ring", c, lab.box) for c, lab in p.ring_labels.items()]
    if EGO in G:
        boxes.append(("resident", EGO, p.resident_shape))
    for (k1, n1, b1), (k2, n2, b2) in itertools.combinations(boxes, 2):
        if n1 == n2 and {k1, k2} == {"shape", "label"}:
            continue
        assert apart(b1, b2), (k1, n1, k2, n2)
    sheet = p.sheet
    for kind, node, box in boxes:
        assert box.inside(sheet), (kind, node)
        if kind in ("shape", "label"):
            assert clear_of_disc(box, p.resident_radius), (kind, node)
    f = p.frame
    for node in members:
        assert f.locate(*p.positions[node]) == (circle_of(G, node), sector_of(G, node, f.sectors))
        assert p.labels[node].lines
        assert all(p.labels[node].lines)


@pytest.mark.parametrize("target", list(TARGETS))
@pytest.mark.parametrize("members", [10, 20, 30, 50])
def test_realistic_networks_place_without_any_overlap(members, target):
    G = realistic(members)
    p = place(G, target, sector_labels=WORDS)
    assert_conflict_free(G, p)
    assert p.overlaps() == []


@pytest.mark.parametrize(("target", "up_to"), [("a4", 30), ("a3", 60)])
def test_names_print_at_twelve_points_up_to_thirty_on_a4_and_sixty_on_a3(target, up_to):
    for members in (10, 20, up_to):
        p = place(realistic(members), target, sector_labels=WORDS)
        assert p.font_in_target / PT_MM >= 12, members


def test_names_are_at_least_sixteen_pixels_on_the_1280_screen_up_to_fifty():
    for members in (10, 30, 50):
        p = place(realistic(members), "screen-1280", sector_labels=WORDS)
        assert p.font_in_target >= 16 * 0.9 - 1e-9, members  # at most one step smaller


def unwrap(lines, name):
    """The text the lines came from: a break is a space, or a hyphen the wrap inserted (or
    one that was in the name); anything else is a word broken mid-word and fails."""
    text = lines[0]
    for line in lines[1:]:
        if text.endswith("-") and name.startswith(text[:-1] + line.split(" ")[0]):
            text = text[:-1] + line  # an inserted hyphen
        elif text.endswith("-") and name.startswith(text + line.split(" ")[0]):
            text += line  # the name's own hyphen
        else:
            text += " " + line
    return text


def test_names_wrap_at_words_and_long_words_at_dutch_hyphenation_points():
    G = realistic(30)
    p = place(G, "a4", sector_labels=WORDS)
    for node in member_nodes(G):
        label = p.labels[node]
        if not label.shortened:
            assert unwrap(label.lines, G.nodes[node]["name"]) == G.nodes[node]["name"]
    nurse = next(n for n in G if G.nodes[n].get("name") == "Wijkverpleegkundige")
    assert p.labels[nurse].lines in (["Wijkverpleegkundige"], ["Wijkverpleeg-", "kundige"])
    helper = next(n for n in G if G.nodes[n].get("name") == "Schuldhulpverlener Ahmed")
    assert p.labels[helper].lines[-1] != "er Ahmed"  # never "Schuldhulpverlen / er Ahmed"


def test_deterministic_and_independent_of_insertion_order():
    G = realistic(30)
    H = reversed_copy(G)
    a, b = place(G, "a4"), place(H, "a4")
    assert a.positions == b.positions
    assert {n: lab.box for n, lab in a.labels.items()} == {n: lab.box for n, lab in
                                                           b.labels.items()}


def test_ties_do_not_decide_positions():
    G = realistic(30)
    H = G.copy()
    H.remove_edges_from([(u, v) for u, v in G.edges if EGO not in (u, v)])
    for i in range(2, 30, 3):
        add_tie(H, "m1", f"m{i}", quality="goed")
    assert place(G, "a4").positions == place(H, "a4").positions


def mean_displacement(G, added, target="a4"):
    """Mean distance the existing members move when ``added`` joins, in name heights."""
    before = place(G, target)
    H = G.copy()
    add_member(H, "m999", **added)
    after = place(H, target)
    moves = [math.dist(before.positions[n], after.positions[n]) for n in before.positions]
    return sum(moves) / len(moves) / before.font


@pytest.mark.parametrize("added", [
    {"name": "Nieuwe buurvrouw Els", "sector": "buren", "circle": 3},
    {"name": "Neef Karim", "sector": "familie", "circle": 1},
    {"name": "Thuisbegeleider Joost", "sector": "professionals", "circle": 2},
])
def test_adding_one_person_moves_the_others_little(added):
    # measured in bench/bench_placement.py: about one name height on average, 5 % of the
    # outer ring's radius; the frame grows the new person's wedge and ring a little
    assert mean_displacement(realistic(30), added) < 2.0


# -- bad input ---------------------------------------------------------------------------


def one_cell(n, sector="familie", circle=1):
    G = new_network("Riek")
    for i in range(n):
        add_member(G, f"m{i}", name=f"Persoon {i}", sector=sector, circle=circle)
    return G


def odd_names():
    G = new_network("Mevrouw " + "Wilhelmina" * 19)
    names = [
        "Anne-Marie " + "x" * 189,  # 200 characters
        "Kindercarnavalsoptochtvoorbereidingswerk",  # one 40-letter word
        "q" * 40,  # a 40-letter word without a hyphenation point
        "Oma 👵🏽 en opa 👴",  # emoji
        "سارة الحسيني",  # right-to-left
        "שרה כהן",
        "regel\neen\r\nen\ttwee",
        "",
    ]
    for i, name in enumerate(names):
        add_member(G, f"m{i}", name=name, sector=SECTORS[i % len(SECTORS)], circle=1 + i % 3)
    return G, names


@pytest.mark.parametrize("target", list(TARGETS))
@pytest.mark.parametrize("case", ["empty", "one", "one-cell-200", "unknown-200", "odd-names",
                                  "realistic-200"])
def test_bad_input_still_places_everything_without_overlap(case, target):
    G = {
        "empty": lambda: new_network("Riek"),
        "one": lambda: one_cell(1),
        "one-cell-200": lambda: one_cell(200),
        "unknown-200": lambda: one_cell(200, sector=None, circle=None),
        "odd-names": lambda: odd_names()[0],
        "realistic-200": lambda: realistic(200),
    }[case]()
    p = place(G, target, sector_labels=WORDS)
    assert_conflict_free(G, p)
    assert p.font > 0


def test_a_name_that_cannot_fit_is_shortened_with_its_full_text_kept():
    G, names = odd_names()
    p = place(G, "a4", sector_labels=WORDS)
    long = p.labels["m0"]
    assert long.shortened
    assert long.lines[-1].endswith("…")
    assert long.text == names[0]
    word = p.labels["m1"]
    assert all(line.endswith("-") for line in word.lines[:-1])  # hyphenated, not cut
    assert "".join(line.rstrip("-") for line in word.lines) == names[1]
    assert p.labels["m3"].text == names[3]
    assert p.labels["m4"].text == names[4]
    assert p.labels["m7"].lines == ["m7"]  # no name: the id, never an empty label
    assert p.resident.shortened
    assert p.resident.text.startswith("Mevrouw Wilhelmina")


def test_an_unknown_target_is_refused():
    with pytest.raises(ValueError, match="target"):
        place(new_network("R"), "a5")


def test_the_same_network_is_placed_once_and_any_change_of_a_person_places_it_again():
    G = realistic(30)
    first = place(G, "screen-1280", sector_labels=WORDS)
    assert place(G.copy(), "screen-1280", sector_labels=WORDS) is first
    H = G.copy()
    add_tie(H, "m1", "m7", quality="goed")  # a line moves nobody: still the same placement
    assert place(H, "screen-1280", sector_labels=WORDS) is first
    for change in ({"name": "Ans van Dijk"}, {"sector": "buren"}):
        H = G.copy()
        H.nodes["m3"].update(change)
        again = place(H, "screen-1280", sector_labels=WORDS)
        assert again is not first
        assert again.labels["m3"].text == H.nodes["m3"]["name"]
    H = G.copy()
    H.edges[EGO, "m3"]["circle"] = 3 if circle_of(G, "m3") != 3 else 1
    moved = place(H, "screen-1280", sector_labels=WORDS)
    assert moved.frame.locate(*moved.positions["m3"])[0] == circle_of(H, "m3")
    assert place(G, "a4", sector_labels=WORDS) is not first  # another target
    assert place(G, "screen-1280", sector_labels={**WORDS, "buren": "Buurt"}) is not first


def test_a_cell_with_more_people_than_its_old_candidate_points_still_places():
    """500 people in one cell (one sector, one circle; a 5,000-member network had 652 there):
    the cell once had at most 480 candidate points, so it failed at every name size."""
    G = new_network("Riek")
    for i in range(500):
        add_member(G, f"m{i}", name=f"Persoon {i}", sector="familie", circle=1)
    p = place(G, "screen-1280", sector_labels=WORDS)
    assert_conflict_free(G, p)
    assert p.overlaps() == []
