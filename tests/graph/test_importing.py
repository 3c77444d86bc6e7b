"""Reading networks from other programs: hand-written files in the layouts of Network Canvas
(CSV and GraphML), egor and Gephi (GEXF), written from those formats' documentation and
exporter source; and every bad file refused with a message naming the file and line."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest

from graph import schema
from graph.attributes import member_nodes, member_ties
from graph.files import GraphFileError
from graph.files.importing import read_network_files

FILES = Path(__file__).parent / "netfiles"


def _read_dir(folder: str, **kwargs):
    files = {p.name: p.read_bytes() for p in sorted((FILES / folder).iterdir())}
    return read_network_files(files, **kwargs)


def _person(imported, name):
    G = imported.graph
    node = next(n for n in member_nodes(G) if G.nodes[n]["name"] == name)
    return G.nodes[node], schema.relation(G, node), node


def _uses(imported):
    return {(f.field, f.on): f.target for f in imported.fields}


def test_network_canvas_csv_with_two_edge_types_between_the_same_pair():
    imported = _read_dir("networkcanvas_csv")
    G = imported.graph
    assert imported.format == "CSV (Network Canvas)"
    assert imported.resident_node is None
    assert G.nodes[schema.EGO]["name"] == "Riek"
    assert sorted(G.nodes[n]["name"] for n in member_nodes(G)) == [
        "Ans", "Bert", "Chantal, buurvrouw"]
    ans, ans_rel, a = _person(imported, "Ans")
    assert ans_rel["circle"] == 1
    assert ans_rel["support"] == ("praktisch", "nood")  # categorical split gathered again
    bert, bert_rel, b = _person(imported, "Bert")
    assert bert_rel["support"] == ("advies",)
    chantal, chantal_rel, c = _person(imported, "Chantal, buurvrouw")
    assert chantal_rel["circle"] is None
    assert chantal_rel["support"] == ()
    # knows + family between Ans and Bert: one tie that keeps both kinds
    assert G.edges[a, b] == {"quality": None, "note": "family, knows"}
    assert G.edges[b, c] == {"quality": None, "note": "knows"}
    assert len(member_ties(G)) == 2
    assert any("meer verbindingen tussen dezelfde twee mensen" in n for n in imported.notes)
    uses = _uses(imported)
    assert uses[("support_*", "persoon")] == "support"
    assert uses[("circle", "persoon")] == "circle"
    assert uses[("closeness", "persoon")] is None  # not ours: left out, not guessed
    assert uses[("layout_X", "persoon")] is None
    assert uses[("age", "bewoner")] is None


def test_network_canvas_csv_as_one_zip():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted((FILES / "networkcanvas_csv").iterdir()):
            archive.writestr(f"export/{path.name}", path.read_bytes())
        archive.writestr("__MACOSX/._7f3a_ego.csv", b"\x00")
    imported = read_network_files({"interview.zip": buffer.getvalue()})
    assert len(member_nodes(imported.graph)) == 3


def test_network_canvas_graphml_ego_on_graph_and_parallel_typed_edges():
    imported = read_network_files(
        {"nc.graphml": (FILES / "networkcanvas.graphml").read_bytes()})
    G = imported.graph
    assert imported.format == "GraphML"
    assert imported.resident_node is None  # the resident is on <graph>, not a node
    assert G.nodes[schema.EGO]["name"] == "Mevrouw Bos"
    jet, jet_rel, j = _person(imported, "Jet")
    kamal, kamal_rel, k = _person(imported, "Kamal")
    assert jet_rel["support"] == ("praktisch", "emotioneel")
    assert kamal_rel["support"] == ("emotioneel",)
    assert G.edges[j, k]["note"] == "knows, works_with"
    # "sportclub" is not a sector code: the whole field is left out and the preview says so
    assert jet["sector"] is None
    sector = next(f for f in imported.fields if f.field == "sector")
    assert (sector.target, sector.reason, sector.value, sector.fits) == (
        None, "misfit", "sportclub", "sector")
    assert G.has_edge(schema.EGO, j)  # Network Canvas's nodes are all the resident's people


def test_egor_three_files():
    imported = _read_dir("egor")
    G = imported.graph
    assert imported.format == "CSV (egor)"
    assert G.nodes[schema.EGO]["name"] == "Meneer Smit"
    lies, lies_rel, a = _person(imported, "Dochter Lies")
    assert (lies["sector"], lies_rel["circle"], lies_rel["frequency"]) == (
        "familie", 1, "wekelijks")
    assert lies_rel["support"] == ("praktisch", "emotioneel")
    piet, piet_rel, b = _person(imported, "Buurman Piet")
    assert piet_rel["support"] == ()
    assert G.has_edge(a, b)
    assert _uses(imported)[("age", "persoon")] is None
    assert _uses(imported)[("weight", "verbinding")] is None


def test_egoweb_alter_and_edge_files():
    imported = _read_dir("egoweb")
    G = imported.graph
    assert imported.format == "CSV (EgoWeb 2.0)"
    assert sorted(G.nodes[n]["name"] for n in member_nodes(G)) == ["Ans", "Bas", "Dokter Lam"]
    ans, ans_rel, a = _person(imported, "Ans")
    _, _, b = _person(imported, "Bas")
    assert ans["sector"] == "familie"
    assert G.has_edge(a, b)
    # circle 9 does not fit: the whole field is left out, nobody gets a guessed circle
    assert ans_rel["circle"] is None
    circle = next(f for f in imported.fields if f.field == "circle")
    assert circle.target is None
    assert (circle.reason, circle.value) == ("misfit", "9")
    uses = _uses(imported)
    assert uses[("Alter Name", "persoon")] == "name"
    assert uses[("Trust", "persoon")] is None
    assert uses[("Ego_Age", "bewoner")] is None


def test_state_and_what_the_resident_gives_from_network_canvas_and_egoweb():
    """Network Canvas splits a categorical variable into yes/no columns (gives_*, state_*);
    EgoWeb names the question in a column of its own. A value outside the vocabulary
    leaves the whole field out."""
    canvas = {
        "c1_ego.csv": b"networkCanvasEgoUUID,name\ne1,Riek\n",
        "c1_attributeList_Person.csv": (
            b"nodeID,networkCanvasEgoUUID,name,gives_praktisch,gives_nood,"
            b"state_overleden,state_huisdier\n"
            b"1,e1,Ans,true,false,false,false\n2,e1,Bello,false,false,false,true\n"),
    }
    imported = read_network_files(canvas)
    ans, ans_rel, _ = _person(imported, "Ans")
    bello, _, _ = _person(imported, "Bello")
    assert (ans["state"], ans_rel["gives"], ans_rel["reciprocal"]) == (None, ("praktisch",),
                                                                       True)
    assert bello["state"] == "huisdier"
    assert _uses(imported)[("gives_*", "persoon")] == "gives"
    egoweb = {"alters.csv": (b"EgoID,Alter Number,Alter Name,toestand,geeft\n"
                             b"5,1,Kees,geen_contact,advies\n5,2,Mien,,\n")}
    imported = read_network_files(egoweb)
    kees, kees_rel, _ = _person(imported, "Kees")
    assert (kees["state"], kees_rel["gives"]) == ("geen_contact", ("advies",))
    wrong = {"alters.csv": b"EgoID,Alter Number,Alter Name,state\n5,1,Kees,verhuisd\n"}
    kees, _, _ = _person(read_network_files(wrong), "Kees")
    assert kees["state"] is None


def test_gephi_gexf_resident_by_label_and_choosing_another():
    data = (FILES / "gephi.gexf").read_bytes()
    imported = read_network_files({"gephi.gexf": data})
    assert (imported.resident_node, imported.resident_rule) == ("n0", "label")
    G = imported.graph
    ans, ans_rel, _ = _person(imported, "Ans")
    assert (ans["sector"], ans_rel["circle"]) == ("familie", 1)
    assert ("n1", "Ans") in imported.choices
    chosen = read_network_files({"gephi.gexf": data}, ego="n1")
    assert (chosen.resident_node, chosen.resident_rule) == ("n1", "chosen")
    assert chosen.graph.nodes[schema.EGO]["name"] == "Ans"
    assert len(member_nodes(chosen.graph)) == 2
    assert len(member_nodes(G)) == 2


def test_a_graph_without_a_resident_imports_everyone_with_relation_unknown():
    data = (b'<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
            b'<graph edgedefault="undirected"><node id="a"/><node id="b"/>'
            b'<edge source="a" target="b"/></graph></graphml>')
    imported = read_network_files({"los.graphml": data})
    assert imported.resident_rule == "none"
    assert schema.relation(imported.graph, "a")["circle"] is None
    assert not imported.graph.has_edge(schema.EGO, "a")


def _zip(entries: dict[str, bytes], compression=zipfile.ZIP_STORED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


EGO = b"egoID,name\n1,Riek\n"
ALTERS = b"egoID,alterID,name\n1,a,Ans\n1,b,Bob\n"


@pytest.mark.parametrize(("files", "message"), [
    ({"ego.csv": EGO, "alters.csv": b"egoID,naam\n1,Ans\n"},
     "alters.csv: de kolom 'alterID' of '.altID' ontbreekt."),
    ({"ego.csv": EGO, "alters.csv": b"egoID,alterID,name\n1,a,Ans\n2,b,Bob\n"},
     "alters.csv, regel 3: egoID '2' hoort niet bij bewoner '1'."),
    ({"ego.csv": EGO, "alters.csv": ALTERS, "aaties.csv": b"egoID,Source,Target\n1,a,x\n"},
     "aaties.csv, regel 2: alter 'x' staat niet in de lijst met alters."),
    ({"ego.csv": EGO, "alters.csv": b"egoID,alterID,name\n1,a,Ans\n1,a,Anna\n"},
     "alters.csv, regel 3: alter 'a' staat er twee keer in."),
    ({"ego.csv": EGO, "alters.csv": "egoID,alterID,name\n1,a,Ans\n1,b,Jos\u00e9\n".encode(
        "latin-1")},
     "alters.csv, regel 3: dit is geen UTF-8-tekst."),
    ({"ego.csv": b"egoID,name\n1,Riek\n2,Piet\n", "alters.csv": ALTERS},
     "ego.csv: er moet precies één bewoner in staan, niet 2"),
    ({"ego.csv": EGO, "alters.csv": b'egoID,alterID,name\n1,a,"Ans\n'},
     "alters.csv, regel 2: dit is geen geldige CSV"),
    ({"x_attributeList_Person.csv": b"nodeID,networkCanvasEgoUUID,name\n1,e1,A\n2,e2,B\n"},
     "x_attributeList_Person.csv, regel 3: deze rij hoort bij een ander interview"),
    ({"x_attributeList_Person.csv": b"nodeID,name\n1,A\n",
      "x_edgeList_knows.csv": b"edgeID,from,to\n1,1,9\n"},
     "x_edgeList_knows.csv, regel 2: persoon '9' staat in geen enkele attributeList."),
    ({"a.csv": b"EgoID,Alter Number,Alter Name\n1,1,A\n2,2,B\n"},
     "a.csv, regel 3: EgoID 2 is een ander interview dan 1."),
    ({"a.csv": b"EgoID,Alter Number,Alter Name\n1,1,A\n",
      "b.csv": b"Alter 1 Number,Alter 2 Number\n1,7\n"},
     "b.csv, regel 2: alter 7 staat niet in a.csv."),
    ({"kaart.pdf": b"%PDF-1.4"}, "Onbekend soort bestand: 'kaart.pdf'."),
    ({"a.gexf": b'<!DOCTYPE gexf [<!ENTITY x "y">]><gexf/>'},
     "a.gexf: Dit GEXF-bestand bevat een DOCTYPE- of ENTITY-declaratie."),
    ({"a.gexf": b"<gexf><graph>"}, "a.gexf: Dit is geen leesbaar GEXF-bestand."),
    ({"a.json": b'{"nodes": 3}'}, "a.json: Dit is geen leesbaar JSON-bestand"),
    # Issue 29, finding 10: Python's limit on the digits of an integer is a plain ValueError.
    ({"a.json": b'{"nodes": [{"id": ' + b"9" * 100_000 + b"}]}"},
     "a.json: Dit is geen leesbaar JSON-bestand"),
    ({"a.graphml": b"x" * 6_000_000}, "te groot: meer dan 5.000.000 bytes"),
    ({"a.zip": _zip({"../ego.csv": EGO})}, "onveilige bestandsnaam: '../ego.csv'"),
    ({"a.zip": _zip({"/etc/ego.csv": EGO})}, "onveilige bestandsnaam: '/etc/ego.csv'"),
    ({"a.zip": _zip({f"f{i}.csv": b"" for i in range(51)})}, "meer dan 50 bestanden"),
    ({"a.zip": _zip({"alters.csv": b"0" * 4_000_000}, zipfile.ZIP_DEFLATED)}, "zip-bom"),
    ({"a.zip": b"PK\x03\x04 kapot"}, "Dit is geen leesbaar ZIP-bestand."),
])
def test_bad_files_are_refused_with_the_file_and_line(files, message):
    with pytest.raises(GraphFileError) as info:
        read_network_files(files)
    assert message in str(info.value)


def test_unpacked_size_is_counted_not_trusted():
    noise = {f"alters{i}.csv": random.Random(i).randbytes(1_000_000)  # noqa: S311
             for i in range(6)}
    big = _zip(noise, zipfile.ZIP_DEFLATED)
    with pytest.raises(GraphFileError, match="Uitgepakt is het ZIP-bestand te groot"):
        read_network_files({"a.zip": big}, max_bytes=5_000_000)
