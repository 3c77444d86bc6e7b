"""The screen payload of the netwerkkaart: positions, shapes, line styles, details, frame."""

import json
import random

import pytest

from graph.attributes import circle_of, sector_of
from graph.map.layout import frame
from graph.map.payload import map_payload
from graph.map.placement import place
from graph.map.style import (
    SECTOR_COLOURS,
    SECTOR_SHAPES,
    UNKNOWN_SECTOR_COLOUR,
    UNKNOWN_SECTOR_SHAPE,
    sector_shapes,
)
from graph.schema import (
    EGO,
    FREQUENCIES,
    QUALITIES,
    SECTORS,
    SUPPORT_KINDS,
    add_member,
    add_tie,
    new_network,
)

LABELS = {
    "sector_labels": {**{s: s.title() for s in SECTORS}, None: "Onbekend"},
    "circle_labels": {1: "1", 2: "2", 3: "3", None: "Onbekend"},
    "quality_labels": {"goed": "Goed", "wisselend": "Wisselend", "gespannen": "Gespannen"},
    "support_labels": {k: k.upper() for k in SUPPORT_KINDS},
    "frequency_labels": {f: f"elke {f}" for f in FREQUENCIES},
    "detail_labels": {
        "sector": "Sector",
        "circle": "Cirkel",
        "support": "Helpt met",
        "reciprocal": "Over en weer",
        "frequency": "Contact",
        "quality": "Relatie",
        "willing": "Wil graag",
        "talents": "Talenten",
        "yes": "Ja",
        "no": "Nee",
        "resident": "Bewoner",
    },
}

XSS = "<img src=x onerror=alert(1)>"


def payload(G, **kwargs):
    return map_payload(G, **LABELS, **kwargs)


def random_network(n, seed=3, sectors=SECTORS):
    rng = random.Random(seed)  # noqa: S311 - a seeded test fixture
    G = new_network("Bewoner", sectors=sectors)
    for i in range(n):
        add_member(
            G,
            f"m{i}",
            name=f"Lid {i}",
            sector=rng.choice([*sectors, None]),
            circle=rng.choice([1, 2, 3, None]),
            quality=rng.choice([*QUALITIES, None]),
        )
    for i in range(1, n):
        add_tie(G, f"m{i}", f"m{rng.randrange(i)}", quality=rng.choice([*QUALITIES, None]))
    return G


def by_id(items):
    return {item["id"]: item for item in items}


def test_positions_equal_the_placement_for_the_screen():
    G = random_network(60)
    p = payload(G)
    pos = {EGO: (0.0, 0.0), **place(G, "screen-1280").positions}
    assert [n["id"] for n in p["nodes"]][0] == EGO
    assert {n["id"]: (n["x"], n["y"]) for n in p["nodes"]} == pos
    assert len(p["nodes"]) == G.number_of_nodes()


def test_positions_follow_the_sectors_argument():
    G = random_network(20)
    sectors = ("buren", "familie")
    p = payload(G, sectors=sectors)
    placed = place(G, "screen-1280", sectors=sectors)
    assert {n["id"]: (n["x"], n["y"]) for n in p["nodes"]} == {EGO: (0.0, 0.0),
                                                               **placed.positions}
    assert {n["id"]: placed.frame.locate(n["x"], n["y"]) for n in p["nodes"][1:]} == {
        str(n): (circle_of(G, n), sector_of(G, n, sectors)) for n in G if n != EGO
    }
    assert p["frame"]["sectors"] == list(sectors)


def test_every_configured_sector_has_its_own_shape_and_unknown_another():
    G = new_network("R")
    for i, sector in enumerate([*SECTORS, None]):
        add_member(G, f"m{i}", name=f"N{i}", sector=sector, circle=1)
    nodes = by_id(payload(G)["nodes"])
    shapes = {n["sector"]: n["shape"] for n in nodes.values() if not n["ego"]}
    assert len(set(shapes.values())) == len(SECTORS) + 1
    assert shapes[None] == UNKNOWN_SECTOR_SHAPE
    assert nodes[EGO]["shape"] not in shapes.values()
    assert shapes["familie"] == "dot"
    assert shapes["professionals"] == "star"


def test_each_sector_has_its_colour_and_the_strained_line_its_warning_colour():
    G = new_network("R")
    for i, sector in enumerate([*SECTORS, None]):
        add_member(G, f"m{i}", name=f"N{i}", sector=sector, circle=1,
                   quality=("gespannen" if i == 0 else None))
    p = payload(G)
    colours = {n["sector"]: n["colour"] for n in p["nodes"] if not n["ego"]}
    assert [colours[s] for s in SECTORS] == list(SECTOR_COLOURS[: len(SECTORS)])
    assert colours[None] == UNKNOWN_SECTOR_COLOUR not in SECTOR_COLOURS
    assert by_id(p["nodes"])[EGO]["colour"] is None
    edges = by_id(p["edges"])
    assert edges["ego|m0"]["colour"] == "#8f1d17"
    assert edges["ego|m1"]["colour"] == "#9aa1ad"


def test_shapes_cycle_when_there_are_more_sectors_than_shapes():
    codes = [f"s{i}" for i in range(len(SECTOR_SHAPES) + 2)]
    shapes = sector_shapes(codes)
    assert [shapes[c] for c in codes[: len(SECTOR_SHAPES)]] == list(SECTOR_SHAPES)
    assert shapes[codes[len(SECTOR_SHAPES)]] == SECTOR_SHAPES[0]
    assert UNKNOWN_SECTOR_SHAPE not in SECTOR_SHAPES


def test_a_sector_no_longer_configured_is_drawn_as_unknown():
    G = new_network("R", sectors=("familie",))
    G.add_node("m1", kind="member", name="Oud", sector="buren")
    G.add_edge(EGO, "m1", circle=2)
    node = by_id(payload(G)["nodes"])["m1"]
    assert node["sector"] is None
    assert node["shape"] == UNKNOWN_SECTOR_SHAPE
    assert ["Sector", "Buren"] not in node["details"]


@pytest.mark.parametrize(
    ("quality", "dashes", "width"),
    [("goed", False, 4), ("wisselend", [12, 8], 2.5), ("gespannen", [14, 5, 2, 5], 4),
     (None, False, 1)],
)
def test_line_style_follows_quality(quality, dashes, width):
    G = new_network("R")
    add_member(G, "m1", name="A", quality=quality)
    add_member(G, "m2", name="B")
    add_tie(G, "m2", "m1", quality=quality)
    edges = by_id(payload(G)["edges"])
    for edge_id in ("ego|m1", "m1|m2"):
        assert edges[edge_id]["quality"] == quality
        assert edges[edge_id]["dashes"] == dashes
        assert edges[edge_id]["width"] == width


def test_line_styles_are_distinct_and_strained_is_not_thinner():
    G = new_network("R")
    for i, quality in enumerate([*QUALITIES, None]):
        add_member(G, f"m{i}", name=f"N{i}", quality=quality)
    styles = {e["quality"]: (e["dashes"], e["width"]) for e in payload(G)["edges"]}
    assert len(set(map(repr, styles.values()))) == 4
    assert styles["goed"][1] > styles["wisselend"][1] > styles[None][1]
    assert styles["gespannen"][1] >= styles["goed"][1]  # stands out, also in black and white
    assert styles["goed"][0] is False
    assert len(styles["gespannen"][0]) == 4
    assert len(styles["wisselend"][0]) == 2


def test_edges_connect_existing_nodes_and_mark_the_resident_ties():
    G = random_network(30)
    p = payload(G)
    ids = {n["id"] for n in p["nodes"]}
    assert len(p["edges"]) == G.number_of_edges()
    assert len({e["id"] for e in p["edges"]}) == len(p["edges"])
    for e in p["edges"]:
        assert e["from"] in ids
        assert e["to"] in ids
        assert e["id"] == f'{e["from"]}|{e["to"]}'
        assert e["ego"] == (e["from"] == EGO)
        assert e["to"] != EGO
    # the resident's ties first, then the others; strained lines last of all, on top
    layers = [(e["quality"] == "gespannen", not e["ego"]) for e in p["edges"]]
    assert layers == sorted(layers)


def test_user_text_is_passed_through_as_plain_text():
    G = new_network(XSS)
    add_member(G, "m1", name=XSS, sector="familie", circle=1, willing=XSS,
               talents='"><script>alert(1)</script> & href')
    p = payload(G)
    nodes = by_id(p["nodes"])
    assert nodes[EGO]["label"] == XSS
    assert nodes["m1"]["label"] == XSS
    details = dict(map(tuple, nodes["m1"]["details"]))
    assert details["Wil graag"] == XSS
    assert details["Talenten"] == '"><script>alert(1)</script> & href'
    # The payload adds no markup and no escaping of its own: remove the user text and no
    # angle bracket or entity is left.
    text = json.dumps(p)
    drawn = [line for node in p["nodes"] for line in node["lines"]]
    for user_text in (XSS, '"><script>alert(1)</script> & href', *drawn):
        text = text.replace(json.dumps(user_text)[1:-1], "")
    assert not any(c in text for c in "<>&")
    assert "&lt;" not in json.dumps(p)


def test_payload_is_plain_json():
    G = random_network(25)
    p = payload(G)
    assert json.loads(json.dumps(p)) == p


def test_known_details_are_listed_in_order():
    G = new_network("R")
    add_member(G, "m1", name="Ans", sector="buren", circle=2, support=("nood", "praktisch"),
               reciprocal=False, frequency="wekelijks", quality="wisselend",
               willing="boodschappen doen", talents="koken")
    details = by_id(payload(G)["nodes"])["m1"]["details"]
    assert details == [
        ["Sector", "Buren"],
        ["Cirkel", "2"],
        ["Helpt met", "PRAKTISCH, NOOD"],
        ["Over en weer", "Nee"],
        ["Contact", "elke wekelijks"],
        ["Relatie", "Wisselend"],
        ["Wil graag", "boodschappen doen"],
        ["Talenten", "koken"],
    ]


def test_unknown_values_are_left_out_of_the_details():
    G = new_network("R")
    add_member(G, "m1", name="Ans", willing="   ", talents="")
    add_member(G, "m2", name="Bob", reciprocal=True)
    nodes = by_id(payload(G)["nodes"])
    assert nodes["m1"]["details"] == []
    assert nodes["m2"]["details"] == [["Over en weer", "Ja"]]
    assert nodes[EGO]["details"] == []


def test_reciprocal_labels_can_be_given_by_bool():
    G = new_network("R")
    add_member(G, "m1", name="Ans", reciprocal=True)
    p = payload(G, reciprocal_labels={True: "Ja, over en weer", False: "Nee"})
    assert by_id(p["nodes"])["m1"]["details"] == [["Over en weer", "Ja, over en weer"]]


def test_lazy_labels_become_plain_strings():
    class Lazy:
        def __init__(self, text):
            self.text = text

        def __str__(self):
            return self.text

    G = new_network("R")
    add_member(G, "m1", name="Ans", sector="familie", circle=1)
    labels = {**LABELS, "sector_labels": {"familie": Lazy("Familie"), None: Lazy("Onbekend")}}
    p = map_payload(G, **labels)
    assert by_id(p["nodes"])["m1"]["details"][0] == ["Sector", "Familie"]
    assert p["frame"]["wedges"][0]["label"] == "Familie"
    json.dumps(p)


def test_resident_without_a_name_gets_the_resident_label():
    G = new_network()
    assert payload(G)["nodes"][0]["label"] == "Bewoner"


def test_member_without_a_name_shows_its_id():
    G = new_network("R")
    G.add_node("m7", kind="member", sector="familie")
    assert by_id(payload(G)["nodes"])["m7"]["label"] == "m7"


@pytest.mark.parametrize("n", [0, 1, 12, 40])
def test_frame_matches_the_layout_frame(n):
    G = random_network(n, seed=n)
    f = frame(G)
    got = payload(G)["frame"]
    assert got["sectors"] == list(f.sectors)
    assert got["unknown_sector"] == f.unknown_sector
    assert got["unknown_circle"] == f.unknown_circle
    assert got["outer"] == f.outer_radius
    assert got["resident_radius"] == f.rings()[1][0]
    assert [(r["circle"], r["inner"], r["outer"]) for r in got["rings"]] == [
        (c, r0, r1) for c, (r0, r1) in f.rings().items()
    ]
    assert [(w["sector"], w["start"], w["end"]) for w in got["wedges"]] == [
        (s, a0, a1) for s, (a0, a1) in f.wedges().items()
    ]
    labels = LABELS["sector_labels"]
    assert [w["label"] for w in got["wedges"]] == [labels[w["sector"]] for w in got["wedges"]]
    assert [r["label"] for r in got["rings"]] == [
        LABELS["circle_labels"][r["circle"]] for r in got["rings"]
    ]


def test_unknown_ring_and_wedge_are_labelled_onbekend():
    G = new_network("R")
    add_member(G, "m1", name="Ans")
    f = payload(G)["frame"]
    ring = f["rings"][-1]
    assert (ring["circle"], ring["outer"], ring["label"], ring["lines"]) == (
        None, 600.0, "Onbekend", ["Onbekend"])
    assert f["wedges"][-1]["sector"] is None
    assert f["wedges"][-1]["label"] == "Onbekend"
    assert f["wedges"][-1]["end"] == 360.0
