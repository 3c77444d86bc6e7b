"""The netwerkkaart as SVG: safe with hostile text, readable without colour, deterministic."""

import random
import re
import xml.etree.ElementTree as ET

import pytest

from graph.map.payload import map_payload
from graph.map.placement import PT_MM, TARGETS, place
from graph.map.style import edge_style, sector_shapes
from graph.map.svg import legend_shape, netwerkkaart_svg
from graph.names import initials
from graph.schema import EGO, QUALITIES, SECTORS, add_member, add_tie, new_network
from tests.graph.networks import reversed_copy

NS = "{http://www.w3.org/2000/svg}"
LABELS = {
    "familie": "Familie",
    "vrienden": "Vrienden",
    "buren": "Buren",
    "werk_school_club": "Werk, school, club",
    "professionals": "Hulpverleners",
    None: "Onbekend",
}
HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "]]></svg><script>alert(1)</script>",
    '"><svg onload="alert(1)">',
    "' onmouseover='alert(1)",
    "&amp; &lt;b&gt; &#x3C;",
    "<!-- --><?xml version='1.0'?><!DOCTYPE x [<!ENTITY e 'x'>]>&e;",
    "Ans\x00\x08\x1b\x0bde\ufffeWit\ud800",
    "javascript:alert(1) url(http://evil.example/x.png)",
]


def svg_of(G, **kwargs):
    kwargs.setdefault("sector_labels", LABELS)
    return netwerkkaart_svg(G, **kwargs)


def placed(G, target="a4", **kwargs):
    kwargs.setdefault("sector_labels", LABELS)
    return place(G, target, **kwargs)


def view_box(p):
    return " ".join(f"{v:.2f}".rstrip("0").rstrip(".") for v in (
        p.sheet.x, p.sheet.y, p.sheet.w, p.sheet.h))


def parse(svg):
    return ET.fromstring(svg)  # noqa: S314 - our own output, checked to hold no DTD


def random_network(n, seed=3, sectors=SECTORS, unknown=True):
    rng = random.Random(seed)  # noqa: S311 - a seeded test fixture
    G = new_network("Mevrouw Jansen", sectors=sectors)
    extra = [None] if unknown else []
    for i in range(n):
        add_member(
            G,
            f"m{i}",
            name=f"Lid {i}",
            sector=rng.choice([*sectors, *extra]),
            circle=rng.choice([1, 2, 3, *extra]),
            quality=rng.choice([*QUALITIES, None]),
        )
    for i in range(1, n):
        add_tie(G, f"m{i}", f"m{rng.randrange(i)}", quality=rng.choice([*QUALITIES, None]))
    return G


def groups(root, cls):
    """``{data-node: element}`` of the groups whose first class is ``cls``."""
    return {
        g.get("data-node"): g
        for g in root.iter(f"{NS}g")
        if g.get("data-node") is not None and g.get("class", "").split()[0] == cls
    }


def lines_of(text):
    """The lines of a ``<text>``: a ``<tspan>`` each, or the text itself when it is one."""
    return [span.text for span in text.iter(f"{NS}tspan")] or [text.text]


def names(root):
    """``{data-node: [lines]}`` of the member names."""
    return {
        t.get("data-node"): lines_of(t)
        for t in root.iter(f"{NS}text")
        if t.get("data-node") is not None
    }


def member_shape(group):
    (shape,) = [el for el in group if el.get("class") == "shape"]
    return shape


def ties(root):
    return [line for line in root.iter(f"{NS}line") if "tie" in line.get("class", "").split()]


def assert_safe(svg):
    root = parse(svg)
    for el in root.iter():
        tag = el.tag.removeprefix(NS)
        assert el.tag.startswith(NS), el.tag
        assert tag not in {"script", "foreignObject", "image", "use", "a", "style", "iframe"}
        for attr, value in el.attrib.items():
            name = attr.rsplit("}", 1)[-1].lower()
            assert not name.startswith("on"), attr
            assert name not in {"href", "style", "src"}, attr
            if name != "data-node":  # the node id: user text, harmless in a data attribute
                assert not re.search(r"javascript:|url\(|https?:", value, re.I), (attr, value)
    lowered = svg.lower()
    for needle in ("<script", "<img", "<svg onload", "<!--", "<!doctype", "<?xml", "<![cdata"):
        assert needle not in lowered, needle
    assert lowered.count("<svg") == 1
    assert lowered.count("</svg>") == 1


# -- the document -----------------------------------------------------------------------


def test_output_is_one_svg_element_with_the_documented_viewbox():
    svg = svg_of(random_network(10), width="100%", height="180mm")
    root = parse(svg)
    assert root.tag == f"{NS}svg"
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert svg.endswith("</svg>")
    assert root.get("viewBox") == view_box(placed(random_network(10)))
    assert (root.get("width"), root.get("height")) == ("100%", "180mm")
    assert root.get("font-family") == "DejaVu Sans, sans-serif"


@pytest.mark.parametrize("target", ["a4", "a3"])
def test_twelve_points_when_printed_at_the_targets_height(target):
    root = parse(svg_of(random_network(30), target=target))
    _, _, _, height = map(float, root.get("viewBox").split())
    name = next(t for t in root.iter(f"{NS}text") if t.get("class") == "name")
    mm_per_unit = TARGETS[target].height / height
    assert float(name.get("font-size")) * mm_per_unit / PT_MM >= 12


@pytest.mark.parametrize("target", list(TARGETS))
def test_the_frame_fits_the_viewbox_in_the_targets_shape(target):
    root = parse(svg_of(new_network("R"), target=target))
    x, y, w, h = map(float, root.get("viewBox").split())
    assert (x, y) == (pytest.approx(-w / 2, abs=0.01), pytest.approx(-h / 2, abs=0.01))
    assert w / h == pytest.approx(TARGETS[target].width / TARGETS[target].height, abs=0.01)
    assert max(float(c.get("r")) for c in rings(root)) <= min(w, h) / 2


def test_width_and_height_are_left_out_by_default_and_checked():
    root = parse(svg_of(new_network("R")))
    assert root.get("width") is None
    assert root.get("height") is None
    for bad in ('100%" onload="alert(1)', "calc(1px)", "", "url(x)"):
        with pytest.raises(ValueError, match="width"):
            svg_of(new_network("R"), width=bad)
        with pytest.raises(ValueError, match="height"):
            svg_of(new_network("R"), height=bad)


def test_an_unknown_target_is_refused():
    with pytest.raises(ValueError, match="target"):
        svg_of(new_network("R"), target="a5")


def test_output_is_deterministic_and_independent_of_insertion_order():
    G = random_network(30)
    H = reversed_copy(G)
    kwargs = {"highlight": {"m3": "joined", "m1": "closer"}, "title": "Maart"}
    assert svg_of(G, **kwargs) == svg_of(G, **kwargs)
    assert svg_of(G, **kwargs) == svg_of(H, **kwargs)


# -- escaping ---------------------------------------------------------------------------


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_is_only_ever_escaped_text(hostile):
    G = new_network(hostile)
    add_member(G, "m1", name=hostile, sector="familie", circle=1, quality="goed")
    add_member(G, hostile, name=hostile)  # a hostile node id as well
    add_tie(G, "m1", hostile, quality="wisselend")
    labels = {**LABELS, "familie": hostile, None: hostile}
    svg = svg_of(G, sector_labels=labels, title=hostile, highlight={"m1": hostile})
    assert_safe(svg)
    root = parse(svg)
    p = placed(G, sector_labels=labels)
    expected = p.labels["m1"].lines
    assert names(root)["m1"] == expected
    assert names(root)[re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\ud800]", "", hostile)] == expected
    texts = ["".join(t.itertext()) for t in root.iter(f"{NS}text")]
    assert "".join(p.sector_labels["familie"].lines) in texts  # the sector label


def test_hostile_highlight_classes_are_dropped():
    G = new_network("R")
    add_member(G, "m1", name="Ans")
    svg = svg_of(G, highlight={"m1": 'joined x" onclick="alert(1) <b> closer'})
    assert_safe(svg)
    assert groups(parse(svg), "member")["m1"].get("class") == "member joined closer"


def test_all_user_text_goes_through_escaping():
    G = new_network("A & B")
    add_member(G, "m1", name="C < D > E")
    svg = svg_of(G, title='"T" & \'t\'', sector_labels={**LABELS, "familie": "F & G"})
    assert "C &lt; D &gt; E" in svg
    assert "A &amp; B" in svg
    assert "&quot;T&quot; &amp; &#39;t&#39;" in svg
    assert "F &amp; G" in svg
    root = parse(svg)
    assert root.find(f"{NS}title").text == "\"T\" & 't'"


# -- members, names, shapes -------------------------------------------------------------


def test_every_member_has_a_group_a_shape_and_its_name_as_text():
    G = random_network(40)
    root = parse(svg_of(G))
    members = groups(root, "member")
    assert set(members) == {str(n) for n in G if n != EGO}
    texts = names(root)
    p = placed(G)
    for node in members:
        assert texts[node] == p.labels[node].lines
        assert members[node].find(f"{NS}title").text == G.nodes[node]["name"]


def test_shapes_sit_at_the_placed_positions():
    G = random_network(25, unknown=False)
    root = parse(svg_of(G))
    scale = 1.0
    pos = placed(G).positions
    circles = 0
    for node, group in groups(root, "member").items():
        shape = member_shape(group)
        if shape.tag == f"{NS}circle":
            circles += 1
            x, y = pos[node]
            assert float(shape.get("cx")) == pytest.approx(x * scale, abs=0.01)
            assert float(shape.get("cy")) == pytest.approx(y * scale, abs=0.01)
    assert circles


def test_shape_per_sector_as_on_the_screen():
    G = new_network("R")
    for i, sector in enumerate([*SECTORS, None]):
        add_member(G, f"m{i}", name=f"N{i}", sector=sector, circle=2)
    root = parse(svg_of(G))
    expected = sector_shapes(SECTORS)
    members = groups(root, "member")
    for i, sector in enumerate([*SECTORS, None]):
        shape = member_shape(members[f"m{i}"])
        assert shape.get("data-shape") == expected[sector]
        assert (shape.get("stroke-dasharray") is not None) == (sector is None)
    tags = {member_shape(g).get("data-shape"): member_shape(g).tag for g in members.values()}
    assert tags["dot"] == f"{NS}circle"
    assert tags["square"] == f"{NS}rect"
    assert {tags[s] for s in ("triangle", "diamond", "star", "hexagon")} == {f"{NS}polygon"}
    points = {s: len(member_shape(g).get("points", "").split()) for s, g in
              ((member_shape(g).get("data-shape"), g) for g in members.values())}
    assert (points["triangle"], points["diamond"], points["star"], points["hexagon"]) == (
        3, 4, 10, 6)


def test_paper_has_the_screens_colours_lighter_and_the_same_line_colours():
    G = new_network("R")
    for i, sector in enumerate([*SECTORS, None]):
        add_member(G, f"m{i}", name=f"N{i}", sector=sector, circle=2, quality=QUALITIES[i % 3])
    screen = map_payload(G, sector_labels={}, circle_labels={}, quality_labels={},
                         support_labels={}, frequency_labels={}, detail_labels={})
    root = parse(svg_of(G))
    members = groups(root, "member")

    def rgb(colour):
        return [int(colour[i : i + 2], 16) for i in (1, 3, 5)]

    for node in screen["nodes"][1:]:
        fill = rgb(member_shape(members[node["id"]]).get("fill"))
        # mixed halfway with white: the same hue, light enough for dark names on top
        assert fill == [round(c + (255 - c) / 2) for c in rgb(node["colour"])]
    lines = {line.get("data-quality"): line.get("stroke") for line in ties(root)}
    assert lines == {e["quality"]: e["colour"] for e in screen["edges"]}


def test_custom_sectors_cycle_the_shapes_and_only_the_legend_shows_them():
    codes = [f"s{i}" for i in range(8)]
    G = new_network("R", sectors=codes)
    for i, code in enumerate(codes):
        add_member(G, f"m{i}", name=f"N{i}", sector=code, circle=3)
    root = parse(svg_of(G, sector_labels={c: c.upper() for c in codes}))
    expected = sector_shapes(codes)
    members = groups(root, "member")
    assert [member_shape(members[f"m{i}"]).get("data-shape") for i in range(8)] == [
        expected[c] for c in codes
    ]
    # only the words stand beside the rings; the legend beside the map shows the shapes
    legend = next(g for g in root.iter(f"{NS}g") if g.get("class") == "sector-labels")
    assert [s for s in legend.iter() if s.get("class") == "shape"] == []
    labels = ["".join(t.itertext()) for t in legend.iter(f"{NS}text")]
    assert labels == [c.upper() for c in codes]
    shape = parse(legend_shape(expected["s4"], "#E69F00"))
    assert member_shape(shape).get("data-shape") == "star"


def test_member_shapes_are_drawn_over_plates_names_over_shapes_and_the_resident_on_top():
    root = parse(svg_of(random_network(5)))
    layers = [g.get("class") for g in root if g.tag == f"{NS}g"]
    assert layers == ["frame", "ties", "frame-words", "plates", "members", "names", "resident"]


def test_a_long_name_is_wrapped_at_words_and_shortened_with_its_full_text_kept():
    G = new_network("R" * 200)
    add_member(G, "m1", name="Anne-Marie " + "x" * 189, circle=1)
    add_member(G, "m2", name=" ".join(["woord"] * 40), circle=1)
    add_member(G, "m3", name="regel\neen\r\nen\ttwee", circle=1)
    add_member(G, "m4", name="Wijkverpleegkundige", circle=1)
    root = parse(svg_of(G))
    lines = names(root)
    assert lines["m1"][0] == "Anne-Marie"
    assert lines["m1"][-1].endswith("…")
    assert lines["m2"][-1].endswith("…")
    assert all(line.split(" ")[-1] == "woord" for line in lines["m2"][:-1])  # whole words
    assert " ".join(lines["m3"]) == "regel een en twee"
    assert lines["m4"] in (["Wijkverpleegkundige"], ["Wijkverpleeg-", "kundige"],
                           ["Wijkver-", "pleegkundige"], ["Wijkver-", "pleegkun-", "dige"])
    members = groups(root, "member")
    assert members["m1"].find(f"{NS}title").text == "Anne-Marie " + "x" * 189
    assert members["m2"].find(f"{NS}title").text == " ".join(["woord"] * 40)
    resident = groups(root, "resident")[EGO]
    spans = lines_of(resident.find(f"{NS}text"))
    assert len(spans) <= 2
    assert spans[-1].endswith("…")
    assert resident.find(f"{NS}title").text == "R" * 200


@pytest.mark.parametrize(
    ("style", "member", "resident"),
    [
        ("full", ["Jan van Dijk"], ["Mevrouw", "Jansen"]),
        ("first", ["Jan"], ["Mevrouw"]),
        ("initials", ["J.v.D."], ["Mevrouw J."]),
    ],
)
def test_name_styles(style, member, resident):
    G = new_network("Mevrouw Jansen")
    add_member(G, "m1", name="Jan van Dijk", sector="buren", circle=1)
    root = parse(svg_of(G, name_style=style))
    assert names(root)["m1"] == member
    group = groups(root, "member")["m1"]
    assert group.find(f"{NS}title").text == " ".join(member)
    assert " ".join(member) in root.find(f"{NS}desc").text
    assert lines_of(groups(root, "resident")[EGO].find(f"{NS}text")) == resident


@pytest.mark.parametrize("style", ["first", "initials"])
def test_shortened_names_do_not_leak_the_full_name(style):
    G = new_network("Mevrouw Jansen")
    add_member(G, "m1", name="Jan van Dijk")
    svg = svg_of(G, name_style=style)
    assert "Dijk" not in svg
    assert "Jansen" not in svg


def test_unknown_name_style_is_refused():
    with pytest.raises(ValueError, match="name_style"):
        svg_of(new_network("R"), name_style="last")


def test_initials():
    assert initials("Jan van Dijk") == "J.v.D."
    assert initials("Anne-Marie de Vries-Bakker") == "A.-M.d.V.-B."
    assert initials("  'Sjaak'  (buurman) ") == "Buurman S."
    assert initials("Ömer Çelik") == "Ö.Ç."
    assert initials("- !") == "?"


def test_a_member_without_a_name_shows_its_id():
    G = new_network("R")
    add_member(G, "m1", name="   ")
    add_member(G, "m2", name="")
    assert names(parse(svg_of(G))) == {"m1": ["m1"], "m2": ["m2"]}


# -- lines ------------------------------------------------------------------------------


@pytest.mark.parametrize("quality", [*QUALITIES, None])
def test_line_style_follows_quality(quality):
    G = new_network("R")
    add_member(G, "m1", name="A", quality=quality)
    add_member(G, "m2", name="B", quality=next(q for q in QUALITIES if q != quality))
    add_tie(G, "m2", "m1", quality=quality)
    lines = [line for line in ties(parse(svg_of(G))) if line.get("data-quality") == (quality or "")]
    assert sorted(line.get("class") for line in lines) == [
        f"tie ego-tie {quality or 'unknown'}",
        f"tie member-tie {quality or 'unknown'}",
    ]
    style = edge_style(quality)
    grow = placed(G).font / 16  # the screen's widths are pixels at 16 px names
    for line in lines:
        dashes = line.get("stroke-dasharray")
        expected = [d * grow for d in style["dashes"]] if style["dashes"] else None
        got = [float(d) for d in dashes.split()] if dashes else None
        assert got == (pytest.approx(expected, abs=0.01) if expected else None)
        assert float(line.get("stroke-width")) == pytest.approx(style["width"] * grow, abs=0.01)


def test_line_styles_read_without_colour():
    G = new_network("R")
    for i, quality in enumerate([*QUALITIES, None]):
        add_member(G, f"m{i}", name=f"N{i}", quality=quality)
    lines = {line.get("data-quality"): line for line in ties(parse(svg_of(G)))}
    styles = {q: (line.get("stroke-dasharray"), line.get("stroke-width")) for q, line in
              lines.items()}
    assert len(set(styles.values())) == 4
    assert styles["goed"][0] is None
    assert len(styles["wisselend"][0].split()) == 2  # even dashes
    assert len(styles["gespannen"][0].split()) == 4  # dash, dot: a pattern of its own
    width = {q: float(w) for q, (_, w) in styles.items()}
    assert width["gespannen"] >= max(width.values())  # never thinner than the others
    assert width[""] < width["wisselend"] < width["goed"]
    assert lines[""].get("stroke") == "#9aa1ad"

    def grey(colour):  # what a black-and-white printer makes of it
        r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
        return 0.299 * r + 0.587 * g + 0.114 * b

    assert grey(lines["gespannen"].get("stroke")) < 80  # near-black, not pale grey


def test_every_edge_is_drawn_once_between_its_nodes():
    G = random_network(30)
    root = parse(svg_of(G))
    lines = ties(root)
    assert len(lines) == G.number_of_edges()
    assert sum("ego-tie" in line.get("class") for line in lines) == G.degree(EGO)
    ends = {(line.get("x2"), line.get("y2")) for line in lines if "ego-tie" in line.get("class")}
    assert len(ends) == G.degree(EGO)
    assert all(
        (line.get("x1"), line.get("y1")) == ("0", "0")
        for line in lines
        if "ego-tie" in line.get("class")
    )


# -- frame ------------------------------------------------------------------------------


def rings(root):
    return [c for c in root.iter(f"{NS}circle") if c.get("class") == "ring"]


def test_empty_network_draws_the_rings_and_the_resident():
    root = parse(svg_of(new_network("Mevrouw Jansen")))
    radii = [float(c.get("r")) for c in rings(root)]
    assert radii[-1] == 470
    assert len(radii) == 4  # the resident's disc and three rings
    wedges = [line for line in root.iter(f"{NS}line") if line.get("class") == "wedge"]
    assert len(wedges) == len(SECTORS)
    numbers = next(g for g in root.iter(f"{NS}g") if g.get("class") == "ring-numbers")
    assert ["".join(t.itertext()) for t in numbers.iter(f"{NS}text")] == ["1", "2", "3"]
    legend = next(g for g in root.iter(f"{NS}g") if g.get("class") == "sector-labels")
    assert ["".join(t.itertext()) for t in legend.iter(f"{NS}text")] == [
        "Familie", "Vrienden", "Buren", "Werk, school,club", "Hulpverleners"]
    assert ties(root) == []
    assert groups(root, "member") == {}
    resident = groups(root, "resident")[EGO]
    assert resident.find(f"{NS}ellipse").get("data-shape") == "ellipse"
    assert "".join(resident.find(f"{NS}text").itertext()) == "MevrouwJansen"


def test_a_resident_without_a_name_gets_a_figure_and_no_text():
    for name in (None, "  "):
        root = parse(svg_of(new_network(name)))
        resident = groups(root, "resident")[EGO]
        assert resident.find(f"{NS}text") is None
        assert resident.find(f"{NS}title") is None
        assert any(g.get("class") == "person" for g in resident.iter(f"{NS}g"))


def test_a_graph_without_the_resident_still_draws():
    G = new_network("R")
    add_member(G, "m1", name="Ans", circle=1)
    G.remove_node(EGO)
    root = parse(svg_of(G))
    assert groups(root, "resident") == {}
    assert set(names(root)) == {"m1"}


def test_unknown_circle_and_sector_get_their_band_and_wedge_at_the_same_size():
    G = new_network("R")
    add_member(G, "m1", name="Ans")
    known = parse(svg_of(new_network("R")))
    root = parse(svg_of(G))

    def outer_share(r):  # the outer ring's radius per sheet height: the printed size
        return float(rings(r)[-1].get("r")) / float(r.get("viewBox").split()[3])

    assert outer_share(root) == pytest.approx(outer_share(known), abs=1e-4)
    outer = rings(root)[-1]
    assert float(outer.get("r")) == 600
    assert outer.get("stroke-dasharray") is not None
    wedges = [line for line in root.iter(f"{NS}line") if line.get("class") == "wedge"]
    assert len(wedges) == len(SECTORS) + 1
    numbers = next(g for g in root.iter(f"{NS}g") if g.get("class") == "ring-numbers")
    assert ["".join(t.itertext()) for t in numbers.iter(f"{NS}text")][-1] == "Onbekend"


def test_labels_may_be_lazy_and_missing():
    class Lazy:
        def __init__(self, text):
            self.text = text

        def __str__(self):
            return self.text

    G = new_network("R")
    add_member(G, "m1", name="Ans")
    root = parse(svg_of(G, sector_labels={"familie": Lazy("Fam")}))
    legend = next(g for g in root.iter(f"{NS}g") if g.get("class") == "sector-labels")
    assert ["".join(t.itertext()).replace("-", "") for t in legend.iter(f"{NS}text")] == [
        "Fam", "vrienden", "buren", "werk_school_club", "professionals", "?"]


def test_sectors_argument_overrides_the_graph():
    G = random_network(10)
    root = parse(svg_of(G, sectors=("buren", "familie")))
    wedges = [line for line in root.iter(f"{NS}line") if line.get("class") == "wedge"]
    assert len(wedges) == 3
    shapes = sector_shapes(("buren", "familie"))
    for node, group in groups(root, "member").items():
        sector = G.nodes[node]["sector"] if G.nodes[node]["sector"] in shapes else None
        assert member_shape(group).get("data-shape") == shapes[sector]


# -- title and highlight ----------------------------------------------------------------


def test_title_is_visible_and_the_accessible_name():
    root = parse(svg_of(new_network("R"), title="Maart 2026"))
    assert root.find(f"{NS}title").text == "Maart 2026"
    heading = next(t for t in root.iter(f"{NS}text") if t.get("class") == "title")
    assert "".join(heading.itertext()) == "Maart 2026"
    x, y, w, h = map(float, root.get("viewBox").split())
    sheet = placed(new_network("R")).sheet
    assert h > sheet.h
    assert y + h == pytest.approx(sheet.y1, abs=0.01)
    assert float(heading.get("y")) > y  # one line: its place is on the <text>
    no_title = parse(svg_of(new_network("R"), title="  "))
    assert no_title.find(f"{NS}title").text == "Netwerkkaart"  # still an accessible name


def test_highlight_adds_a_class_and_a_visible_ring():
    G = new_network("R")
    for i in range(4):
        add_member(G, f"m{i}", name=f"N{i}", circle=1, sector="buren")
    root = parse(svg_of(G, highlight={"m1": "joined", "m2": "closer new", "m3": "", EGO: "x"}))
    members = groups(root, "member")
    assert members["m0"].get("class") == "member"
    assert members["m1"].get("class") == "member joined"
    assert members["m2"].get("class") == "member closer new"
    assert members["m3"].get("class") == "member"
    marked = {n for n, g in members.items() if any(el.get("class") == "marker" for el in g)}
    assert marked == {"m1", "m2"}
    assert all(
        float(el.get("stroke-width")) >= 3 * placed(G).font / 16
        for g in members.values()
        for el in g
        if el.get("class") == "marker"
    )
    texts = {t.get("data-node"): t.get("class") for t in root.iter(f"{NS}text")
             if t.get("data-node")}
    assert texts["m1"] == "name joined"
    assert groups(root, "resident")[EGO].get("class") == "resident x"


# -- print ------------------------------------------------------------------------------


def test_weasyprint_renders_it():
    weasyprint = pytest.importorskip("weasyprint")
    G = random_network(40)
    add_member(G, "evil", name=HOSTILE[1], sector="buren", circle=2)
    svg = svg_of(G, width="250mm", title=HOSTILE[0], highlight={"m3": "joined"})
    html = f"<!doctype html><html><body>{svg}</body></html>"
    pdf = weasyprint.HTML(string=html).write_pdf()
    assert pdf.startswith(b"%PDF")


def test_every_map_has_a_text_alternative_naming_everyone_where_they_are():
    G = new_network("Riek")
    add_member(G, "m1", name="Ans", sector="familie", circle=1)
    add_member(G, "m2", name="Bob " + "x" * 190, sector="buren", circle=3)
    add_member(G, "m3", name="Cor")
    root = parse(svg_of(G, alt_title="De netwerkkaart", circle_word="cirkel"))
    assert root.get("role") == "img"
    assert [el.tag for el in root][:2] == [f"{NS}title", f"{NS}desc"]
    assert root.find(f"{NS}title").text == "De netwerkkaart"
    assert root.find(f"{NS}desc").text == (
        "Riek. Familie: Ans (cirkel 1). Buren: Bob " + "x" * 190 + " (cirkel 3). Onbekend: Cor."
    )
    assert "id=" not in svg_of(G)  # two maps on one page never share an id
