"""The export formats: every attribute survives a round trip, and the GraphML and GEXF read
in NetworkX and python-igraph as analysts expect (typed keys, names as labels, weights)."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import defusedxml.ElementTree as ET
import igraph
import networkx as nx
import pytest

from graph import schema
from graph.demo import demo_network
from graph.files.exports import EXPORTS
from graph.files.graphml import TIE_WEIGHTS
from graph.files.importing import read_network_files

NS = {"g": "http://graphml.graphdrawing.org/xmlns"}


@pytest.fixture
def G() -> nx.Graph:
    """The demo network plus a member whose yes/no fields and relation are unknown, a tie
    with a note, a member of every state and members the resident gives support to (by
    kind, and one yes from before the kinds were asked: the demo's)."""
    G = demo_network()
    schema.add_member(G, "nieuw", name="Nieuwe buur")
    for i, state in enumerate(schema.MEMBER_STATES):
        schema.add_member(G, f"s{i}", name=f"Lid {state}", sector="familie", circle=2,
                          state=state, support=("gezelschap",), gives=("praktisch", "nood"))
    G.edges["ego", "Ans"]["gives"] = ("emotioneel",)
    G.nodes["nieuw"]["can_think_along"] = None
    schema.add_tie(G, "Ans", "nieuw", quality=None, note="kent elkaar van de markt")
    return G


def _edges(G: nx.Graph) -> dict:
    return {frozenset((u, v)): d for u, v, d in G.edges(data=True)}


@pytest.mark.parametrize("fmt", sorted(EXPORTS))
def test_every_format_round_trips_every_attribute(G, fmt):
    export = EXPORTS[fmt]
    H = read_network_files({f"netwerk.{export.extension}": export.write(G)}).graph
    assert dict(H.nodes(data=True)) == dict(G.nodes(data=True))
    assert _edges(H) == _edges(G)
    assert H.graph["sectors"] == G.graph["sectors"]
    assert [H.nodes[f"s{i}"]["state"] for i in range(4)] == list(schema.MEMBER_STATES)
    assert H.edges["ego", "s0"]["gives"] == ("praktisch", "nood")
    assert H.edges["ego", "Ans"]["gives"] == ("emotioneel",)


def test_graphml_declares_every_key_with_for_and_type(G):
    root = ET.fromstring(EXPORTS["graphml"].write(G))
    keys = {k.get("attr.name") + "/" + k.get("for"): k.get("attr.type")
            for k in root.findall("g:key", NS)}
    assert keys["label/node"] == "string"
    assert keys["weight/edge"] == "double"
    assert keys["circle/edge"] == "long"
    # yes/no as text, so an unknown (absent) cannot become false in igraph
    assert keys["can_think_along/node"] == "string"
    assert keys["reciprocal/edge"] == "string"
    assert all(k.get("for") and k.get("attr.type") for k in root.findall("g:key", NS))


def test_graphml_opens_in_networkx_and_igraph_with_the_same_values(G, tmp_path):
    path = tmp_path / "netwerk.graphml"
    path.write_bytes(EXPORTS["graphml"].write(G))
    N = nx.read_graphml(path)
    I = igraph.Graph.Read_GraphML(str(path))  # noqa: E741
    assert I.vcount() == N.number_of_nodes() == G.number_of_nodes()
    assert I.ecount() == N.number_of_edges() == G.number_of_edges()
    by_id = {v["id"]: v for v in I.vs}
    for node in G:
        name = G.nodes[node]["name"]
        assert N.nodes[node]["label"] == by_id[node]["label"] == name
    # Unknown yes/no is absent: NetworkX has no key, igraph an empty text, never False.
    assert "can_think_along" not in N.nodes["nieuw"]
    assert by_id["nieuw"]["can_think_along"] == ""
    assert by_id["Ans"]["can_think_along"] == N.nodes["Ans"]["can_think_along"] == "true"
    assert by_id["Henk"]["can_think_along"] == "false"
    for edge in I.es:
        u, v = I.vs[edge.source]["id"], I.vs[edge.target]["id"]
        quality = G.edges[u, v].get("quality")
        assert N.edges[u, v].get("weight") == TIE_WEIGHTS.get(quality)
        if quality is not None:
            assert edge["weight"] == TIE_WEIGHTS[quality]
            assert isinstance(edge["weight"], float)
        if schema.EGO in (u, v) and G.edges[u, v]["circle"] is not None:
            assert edge["circle"] == N.edges[u, v]["circle"] == G.edges[u, v]["circle"]
    assert I.es.select(_source=by_id["ego"].index)["support"][0] == N.edges["ego", "Ans"][
        "support"] == "praktisch,emotioneel,nood"


def test_gexf_is_version_1_3_with_the_map_layout(G, tmp_path):
    data = EXPORTS["gexf"].write(G)
    root = ET.fromstring(data)
    assert root.tag == "{http://gexf.net/1.3}gexf"
    assert root.get("version") == "1.3"
    path = tmp_path / "netwerk.gexf"
    path.write_bytes(data)
    N = nx.read_gexf(path, version="1.3")
    assert N.number_of_nodes() == G.number_of_nodes()
    assert N.number_of_edges() == G.number_of_edges()
    from graph.map.layout import layout
    from graph.map.style import sector_colours

    pos = layout(G)
    colours = sector_colours(G.graph["sectors"])
    for node in G:
        viz = N.nodes[node]["viz"]
        assert N.nodes[node]["label"] == G.nodes[node]["name"]
        assert (viz["position"]["x"], -viz["position"]["y"]) == pytest.approx(pos[node])
        if node != schema.EGO:
            r, g, b = (int(colours[G.nodes[node]["sector"]][i:i + 2], 16) for i in (1, 3, 5))
            assert (viz["color"]["r"], viz["color"]["g"], viz["color"]["b"]) == (r, g, b)
    assert N.nodes["Ans"]["shape"] == "dot"  # the screen's shape, kept as an attribute
    assert N.edges["ego", "Ans"]["weight"] == 3.0
    # igraph has no GEXF reader; it gets the same graph from NetworkX.
    I = igraph.Graph.from_networkx(N)  # noqa: E741
    assert sorted(I.vs["label"]) == sorted(G.nodes[n]["name"] for n in G)


def test_csv_zip_is_the_egor_three_file_layout(G):
    archive = zipfile.ZipFile(io.BytesIO(EXPORTS["csv"].write(G)))
    assert sorted(archive.namelist()) == ["aaties.csv", "alters.csv", "ego.csv"]

    def table(name):
        return list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8"))))

    ego, alters, ties = table("ego.csv"), table("alters.csv"), table("aaties.csv")
    assert ego == [{"egoID": "1", "name": "Riek de Vries",
                    "sectors": "familie,vrienden,buren,werk_school_club,professionals"}]
    assert len(alters) == 20
    assert {a["egoID"] for a in alters} == {"1"}
    ans = next(a for a in alters if a["alterID"] == "Ans")
    assert (ans["circle"], ans["support"], ans["reciprocal"], ans["gives"], ans["state"]) == (
        "1", "praktisch,emotioneel,nood", "true", "emotioneel", "")
    died = next(a for a in alters if a["alterID"] == "s0")
    assert (died["state"], died["gives"]) == ("overleden", "praktisch,nood")
    nieuw = next(a for a in alters if a["alterID"] == "nieuw")
    assert (nieuw["can_think_along"], nieuw["circle"]) == ("", "")
    assert len(ties) == 11
    assert {"egoID": "1", "Source": "Ans", "Target": "nieuw", "quality": "",
            "note": "kent elkaar van de markt"} in ties


def test_json_is_networkx_node_link(G):
    data = json.loads(EXPORTS["json"].write(G))
    N = nx.node_link_graph(data, edges="links")
    assert N.nodes["Ans"]["name"] == "Ans"
    assert N.edges["ego", "Ans"]["circle"] == 1
    assert N.number_of_edges() == G.number_of_edges()


FORMULAS = ("=HYPERLINK(\"http://x\",\"klik\")", "+cmd|' /C calc'!A0", "-1+1", "@SUM(1)",
            "\tTab", "\rCR")


def test_csv_export_starts_no_formula_in_any_text_cell():
    """Every text a coach types (names, willingness, talents, notes, the resident's name) is
    written so that a spreadsheet shows it as text; numbers stay numbers, and the import
    reads the texts back as they were typed."""
    G = demo_network()
    G.nodes[schema.EGO]["name"] = FORMULAS[0]
    for i, text in enumerate(FORMULAS):
        schema.add_member(G, f"x{i}", name=text, willing=text, talents=text, note=text,
                          circle=2)
    schema.add_tie(G, "x0", "x1", note=FORMULAS[2])
    archive = zipfile.ZipFile(io.BytesIO(EXPORTS["csv"].write(G)))
    cells = [(name, cell) for name in archive.namelist()
             for row in csv.reader(io.StringIO(archive.read(name).decode("utf-8"), newline=""))
             for cell in row]
    live = [(name, cell) for name, cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert live == []
    assert ("ego.csv", "'" + FORMULAS[0]) in cells
    alters = list(csv.DictReader(io.StringIO(archive.read("alters.csv").decode("utf-8"))))
    x2 = next(a for a in alters if a["alterID"] == "x2")
    assert (x2["name"], x2["circle"]) == ("'-1+1", "2")

    back = read_network_files({"netwerk.zip": EXPORTS["csv"].write(G)}).graph
    assert sorted(back.nodes[n]["name"] for n in back if n.startswith("x")) == sorted(
        t.strip() for t in FORMULAS)
