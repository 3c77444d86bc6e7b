"""graph.files.graphml: a resident's network to GraphML and back, and refusing bad files clearly."""

from __future__ import annotations

import io

import networkx as nx
import pytest

from graph import schema
from graph.attributes import member_nodes
from graph.demo import demo_network
from graph.files.graphml import GraphFileError, read_graphml, write_graphml
from graph.metrics import scan

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="kind" for="node" attr.name="kind" attr.type="string"/>
  <key id="name" for="node" attr.name="name" attr.type="string"/>
  <key id="sector" for="node" attr.name="sector" attr.type="string"/>
  <key id="can" for="node" attr.name="can_think_along" attr.type="string"/>
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <key id="ncircle" for="node" attr.name="circle" attr.type="int"/>
  <key id="circle" for="edge" attr.name="circle" attr.type="string"/>
  <key id="support" for="edge" attr.name="support" attr.type="string"/>
  <key id="rec" for="edge" attr.name="reciprocal" attr.type="string"/>
  <key id="freq" for="edge" attr.name="frequency" attr.type="string"/>
  <key id="quality" for="edge" attr.name="quality" attr.type="string"/>
  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>
  <key id="sectors" for="graph" attr.name="sectors" attr.type="string"/>
"""


def graphml(body: str, *, edgedefault: str = "undirected", head: str = HEAD) -> io.BytesIO:
    text = f'{head}  <graph edgedefault="{edgedefault}">\n{body}\n  </graph>\n</graphml>\n'
    return io.BytesIO(text.encode("utf-8"))


def node(node_id: str, **data) -> str:
    keys = {"can_think_along": "can", "circle": "ncircle"}
    inner = "".join(f'<data key="{keys.get(k, k)}">{v}</data>' for k, v in data.items())
    return f'<node id="{node_id}">{inner}</node>'


def edge(a: str, b: str, **data) -> str:
    keys = {"reciprocal": "rec", "frequency": "freq"}
    inner = "".join(f'<data key="{keys.get(k, k)}">{v}</data>' for k, v in data.items())
    return f'<edge source="{a}" target="{b}">{inner}</edge>'


def roundtrip(G: nx.Graph) -> nx.Graph:
    buffer = io.BytesIO()
    write_graphml(G, buffer)
    return read_graphml(io.BytesIO(buffer.getvalue()))


def refused(file, **limits) -> str:
    with pytest.raises(GraphFileError) as info:
        read_graphml(file, **limits)
    return str(info.value)


# --------------------------------------------------------------------------- round trip


def test_demo_network_round_trips_identically(tmp_path):
    original = demo_network()
    path = tmp_path / "riek.graphml"
    write_graphml(original, path)
    restored = read_graphml(path)

    assert list(restored.nodes(data=True)) == list(original.nodes(data=True))
    assert restored.graph == original.graph
    assert {frozenset((u, v)): d for u, v, d in restored.edges(data=True)} == {
        frozenset((u, v)): d for u, v, d in original.edges(data=True)}
    assert nx.utils.graphs_equal(restored, original)
    assert restored.number_of_nodes() == 16
    assert restored.number_of_edges() == 25
    assert schema.relation(restored, "Ans") == {
        "circle": 1, "support": ("praktisch", "emotioneel", "nood"), "reciprocal": True,
        "frequency": "dagelijks", "quality": "goed", "gives": ()}
    assert restored.edges["Ans", "Henk"] == {"quality": "gespannen"}


def test_unknown_values_stay_unknown_and_the_file_holds_no_none(tmp_path):
    G = schema.new_network(None)
    schema.add_member(G, "x", name="Onbekend")
    path = tmp_path / "x.graphml"
    write_graphml(G, path)
    text = path.read_text("utf-8")
    assert "None" not in text
    assert "()" not in text
    assert '<data key="can_think_along">false</data>' in text
    restored = read_graphml(path)
    assert nx.utils.graphs_equal(restored, G)
    assert restored.nodes["ego"] == {"kind": "ego", "name": None}
    assert schema.relation(restored, "x") == {
        "circle": None, "support": (), "reciprocal": None, "frequency": None, "quality": None,
        "gives": ()}


def test_team_sectors_and_text_round_trip():
    G = schema.new_network("Ria & Co <test>", sectors=("familie", "kerk", "professionals"))
    schema.add_member(G, "m1", name='Jo "de buurman" <3', sector="kerk", circle=3,
                      support=("nood", "advies"), reciprocal=False, note="één\ntwee")
    restored = roundtrip(G)
    assert nx.utils.graphs_equal(restored, G)
    assert restored.graph["sectors"] == ("familie", "kerk", "professionals")
    assert restored.nodes["m1"]["note"] == "één\ntwee"


def test_write_refuses_a_sector_code_with_a_comma():
    G = schema.new_network("Riek", sectors=("familie", "werk,school"))
    with pytest.raises(ValueError, match="comma"):
        write_graphml(G, io.BytesIO())


# --------------------------------------------------------------------------- foreign files


def test_file_without_resident_makes_every_node_a_member_with_unknown_relation():
    G = read_graphml(graphml("\n".join([
        node("a", name="Ans", sector="familie", circle=1, label="ANS"),
        node("b", name="Bob"),
        node("c"),
        edge("a", "b", quality="goed", circle=1, weight="2.5"),
        edge("b", "c"),
    ])))
    assert list(G.nodes(data=True))[0] == ("ego", {"kind": "ego", "name": None})
    assert member_nodes(G) == ["a", "b", "c"]
    assert G.degree("ego") == 0
    assert G.nodes["a"] == {"kind": "member", "name": "Ans", "sector": "familie",
                            "willing": None, "talents": None, "note": None,
                            "can_think_along": None, "state": None}
    assert G.nodes["c"]["name"] is None  # not taken from the id or a label
    assert G.edges["a", "b"] == {"quality": "goed"}
    assert G.edges["b", "c"] == {"quality": None}
    assert schema.relation(G, "a")["circle"] is None  # the node's circle is not read
    result = scan(G)
    assert result.size.total == 3
    assert result.size.unknown_circle == 3
    assert result.cohesion.ties == 2


def test_resident_found_by_kind_is_renamed_to_ego():
    G = read_graphml(graphml("\n".join([
        node("n0", kind="ego", name="Riek"),
        node("n1", name="Ans"),
        node("n2", name="Bob", can_think_along="ja"),
        edge("n0", "n1", circle="2", support="nood, praktisch", reciprocal="true"),
        edge("n1", "n2", quality="wisselend"),
    ])))
    assert "n0" not in G
    assert G.nodes["ego"] == {"kind": "ego", "name": "Riek"}
    assert schema.relation(G, "n1") == {
        "circle": 2, "support": ("praktisch", "nood"), "reciprocal": True,
        "frequency": None, "quality": None, "gives": ()}
    assert G.nodes["n2"]["can_think_along"] is True
    assert not G.has_edge("ego", "n2")  # no edge in the file: relation unknown
    assert schema.relation(G, "n2")["support"] == ()
    assert G.edges["n1", "n2"] == {"quality": "wisselend"}


def test_node_with_id_ego_is_the_resident_when_no_kind_is_given():
    G = read_graphml(graphml(node("ego", name="Riek") + node("a", name="Ans") + edge("a", "ego")))
    assert G.nodes["ego"]["name"] == "Riek"
    assert schema.relation(G, "a") == {
        "circle": None, "support": (), "reciprocal": None, "frequency": None, "quality": None,
        "gives": ()}


def test_directed_file_merges_agreeing_edges():
    G = read_graphml(graphml(
        node("a") + node("b") + edge("a", "b", quality="goed") + edge("b", "a", quality="goed"),
        edgedefault="directed"))
    assert not G.is_directed()
    assert G.edges["a", "b"] == {"quality": "goed"}


def test_graphml_defaults_count_as_values():
    head = HEAD.replace(
        '<key id="freq" for="edge" attr.name="frequency" attr.type="string"/>',
        '<key id="freq" for="edge" attr.name="frequency" attr.type="string">'
        "<default>wekelijks</default></key>")
    G = read_graphml(graphml(node("ego", kind="ego") + node("a") + edge("ego", "a"), head=head))
    assert schema.relation(G, "a")["frequency"] == "wekelijks"


# --------------------------------------------------------------------------- bad values


@pytest.mark.parametrize(("attrs", "message"), [
    ({"circle": "7"}, "Knoop 'x': onbekende cirkel '7'."),
    ({"circle": "dichtbij"}, "Knoop 'x': onbekende cirkel 'dichtbij'."),
    ({"support": "praktisch,geld"}, "Knoop 'x': onbekende soort steun 'geld'."),
    ({"frequency": "soms"}, "Knoop 'x': onbekende contactfrequentie 'soms'."),
    ({"quality": "slecht"}, "Knoop 'x': onbekende kwaliteit 'slecht'."),
    ({"reciprocal": "misschien"}, "Knoop 'x': wederkerig moet ja of nee zijn, niet 'misschien'."),
])
def test_relation_values_outside_the_vocabulary_are_refused(attrs, message):
    file = graphml(node("ego", kind="ego") + node("x") + edge("ego", "x", **attrs))
    assert refused(file) == message


def test_integer_circle_outside_the_vocabulary_names_the_number():
    head = HEAD.replace('attr.name="circle" attr.type="string"', 'attr.name="circle" '
                        'attr.type="int"')
    file = graphml(node("ego", kind="ego") + node("x") + edge("ego", "x", circle="7"), head=head)
    assert refused(file) == "Knoop 'x': onbekende cirkel 7."


def test_tie_quality_outside_the_vocabulary_is_refused():
    file = graphml(node("a") + node("b") + edge("a", "b", quality="slecht"))
    assert refused(file) == "Verbinding tussen 'a' en 'b': onbekende kwaliteit 'slecht'."


def test_unknown_sector_is_refused_unless_the_file_configures_it():
    assert refused(graphml(node("x", sector="kerk"))) == "Knoop 'x': onbekende sector 'kerk'."
    G = read_graphml(graphml(node("x", sector="kerk")
                             + '<data key="sectors">familie,kerk</data>'))
    assert G.nodes["x"]["sector"] == "kerk"
    assert G.graph["sectors"] == ("familie", "kerk")
    assert scan(G).size.per_sector == {"familie": 0, "kerk": 1}
    # A file that configures its sectors refuses the default ones it leaves out.
    assert refused(graphml(node("x", sector="buren") + '<data key="sectors">kerk</data>')) \
        == "Knoop 'x': onbekende sector 'buren'."


@pytest.mark.parametrize(("body", "message"), [
    (node("a", kind="organisatie"), "Knoop 'a': onbekende soort knoop 'organisatie'."),
    (node("a", kind="ego") + node("b", kind="ego"),
     "Het bestand bevat meer dan één bewoner (kind=\"ego\"): 'a' en 'b'."),
    (node("ego", kind="member"),
     "Knoop 'ego' is een netwerklid, maar die naam is voor de bewoner."),
    (node("n0", kind="ego") + node("ego"),
     "Knoop 'ego' is een netwerklid, maar die naam is voor de bewoner."),
    (node("a", can_think_along="soms"),
     "Knoop 'a': kan meedenken moet ja of nee zijn, niet 'soms'."),
    (node("a") + edge("a", "a"), "Knoop 'a' is met zichzelf verbonden."),
    (node("a") + node("b") + edge("a", "b", quality="goed") + edge("a", "b", quality="gespannen"),
     "Tussen 'a' en 'b' staan twee verbindingen die elkaar tegenspreken."),
])
def test_inconsistent_files_are_refused(body, message):
    assert refused(graphml(body)) == message


# --------------------------------------------------------------------------- bad files


@pytest.mark.parametrize("content", [
    b"",
    b"not xml at all",
    b"<graphml><graph>",
    b"<html><body>hallo</body></html>",
    b'<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph>'
    b'<node id="a"><data key="nokey">x</data></node></graph></graphml>',
    b'<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
    b'<key id="b" for="node" attr.name="b" attr.type="boolean"/><graph>'
    b'<node id="a"><data key="b">misschien</data></node></graph></graphml>',
    b'<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph>'
    b'<hyperedge><endpoint node="a"/></hyperedge></graph></graphml>',
])
def test_unreadable_files_are_refused(content):
    assert refused(io.BytesIO(content)) == "Dit is geen leesbaar GraphML-bestand."


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph>
<node id="&lol3;"/></graph></graphml>
"""


@pytest.mark.parametrize("content", [
    BILLION_LAUGHS,
    b'<!doctype graphml SYSTEM "file:///etc/passwd"><graphml/>',
    BILLION_LAUGHS.decode().replace('<?xml version="1.0"?>', "").encode("utf-16"),
])
def test_dtds_and_entities_are_refused_before_parsing(content):
    assert "DOCTYPE" in refused(io.BytesIO(content))


def test_too_many_bytes_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.graphml"
    write_graphml(demo_network(), path)
    size = path.stat().st_size
    assert read_graphml(path, max_bytes=size).number_of_nodes() == 16
    message = refused(path, max_bytes=size - 1)
    assert message == f"Het bestand is te groot: meer dan {size - 1:,} bytes.".replace(",", ".")
    assert "te groot" in refused(io.BytesIO(path.read_bytes()), max_bytes=size - 1)
    assert refused(io.BytesIO(b"x" * 6_000_000)) == \
        "Het bestand is te groot: meer dan 5.000.000 bytes."


def test_too_many_nodes_is_refused():
    body = "".join(node(f"n{i}") for i in range(11))
    assert read_graphml(graphml(body), max_nodes=11).number_of_nodes() == 11 + 1
    assert refused(graphml(body), max_nodes=10) == \
        "Het bestand is te groot: meer dan 10 personen."
    # Nodes created by edges to undeclared ids count too.
    edges = "".join(edge("a", f"n{i}") for i in range(11))
    assert "te groot" in refused(graphml(node("a") + edges), max_nodes=10)


def test_more_than_one_graph_is_refused():
    content = (b'<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
               b'<graph edgedefault="undirected"/><graph edgedefault="undirected"/></graphml>')
    assert "meer dan één netwerk" in refused(io.BytesIO(content))
