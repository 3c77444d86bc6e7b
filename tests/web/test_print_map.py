"""The printed netwerkkaart read back as a reader sees it: every word where poppler finds it.

``pdftotext -bbox`` (poppler-utils) gives the box of every word on the page, SVG text
included (pdfplumber misses that). On a printed map no two words may overlap, every name
is on the map, at 12 pt or more, and the numbered key starts only beyond 30 (A4) or 60
(A3) people.
"""

from __future__ import annotations

import html
import itertools
import re
import subprocess

import pytest

from sns.network.graphs import store_graph
from tests.graph.networks import realistic

pytestmark = pytest.mark.db

WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)


def words_of(pdf: bytes, tmp_path, page: int = 1) -> list[tuple[float, float, float, float, str]]:
    """``(x0, y0, x1, y1, word)`` of every word on one page, in pt."""
    path = tmp_path / "map.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
        check=True, capture_output=True, text=True,
    ).stdout
    return [(float(a), float(b), float(c), float(d), html.unescape(w))
            for a, b, c, d, w in WORD.findall(out)]


def overlapping(words, slack: float = 0.3):
    """Pairs of words whose boxes overlap by more than ``slack`` pt both ways."""
    return [
        (a[4], b[4])
        for a, b in itertools.combinations(words, 2)
        if min(a[2], b[2]) - max(a[0], b[0]) > slack and min(a[3], b[3]) - max(a[1], b[1]) > slack
    ]


@pytest.mark.parametrize(("paper", "members"),
                         [("a4", 20), ("a4", 30), ("a3", 20), ("a3", 30), ("a3", 60)])
def test_no_two_words_of_a_printed_map_overlap_and_every_name_is_there(
    client, auth, people, db, tmp_path, paper, members
):
    G = realistic(members)
    store_graph(db, people.riek, G)
    db.commit()
    auth.login("ans")
    response = client.get(f"/bewoners/{people.riek.id}/afdrukken/kaart.pdf?formaat={paper}")
    assert response.status_code == 200
    words = words_of(response.data, tmp_path)
    assert overlapping(words) == []
    text = " ".join(w[4] for w in words)
    assert "Wie is wie op de kaart?" not in text  # names on the map, no numbered key
    on_map = {w[4].rstrip("-") for w in words}
    for node in G:
        if node == "ego":
            continue
        first = G.nodes[node]["name"].split()[0]
        assert any(word.startswith(first[:6]) for word in on_map), first
    # names at 12 pt or more: a word's box is about 1.16 times the font size high
    name_heights = [w[3] - w[1] for w in words if w[4] in ("Anja", "Kees", "Bram", "Sanne")]
    assert name_heights
    assert min(name_heights) / 1.17 >= 11.9


def test_beyond_thirty_people_a4_prints_numbers_and_the_key(client, auth, people, db, tmp_path):
    store_graph(db, people.riek, realistic(40))
    db.commit()
    auth.login("ans")
    pdf = client.get(f"/bewoners/{people.riek.id}/afdrukken/kaart.pdf").data
    words = words_of(pdf, tmp_path)
    assert overlapping(words) == []
    numbers = {w[4] for w in words if w[4].isdigit()}
    assert {str(i) for i in range(1, 41)} <= numbers
    assert "Wijkverpleegkundige" in " ".join(w[4] for w in words_of(pdf, tmp_path, page=2))


def test_the_map_fills_the_a4_sheet(app, client, auth, people, db, tmp_path):
    """The outer ring is at least 80 % of the page height left under the sheet's header."""
    from sns.network.graphs import to_graph
    from web.printing import documents

    store_graph(db, people.riek, realistic(20))
    db.commit()
    auth.login("ans")
    pdf = client.get(f"/bewoners/{people.riek.id}/afdrukken/kaart.pdf").data
    words = words_of(pdf, tmp_path)
    legend_top = min(w[1] for w in words if w[4] == "Zo")  # the map row starts here
    free = 595 - 13 / 25.4 * 72 - legend_top  # pt: the page, its bottom margin, the header
    with app.test_request_context():
        p = documents.printout(people.riek, to_graph(db, people.riek))
        context = documents.map_context(p)
    ring = 2 * 470 * context["unit"] / 25.4 * 72  # pt
    assert ring >= 0.8 * free, (ring, free)
    assert context["name_pt"] >= 12


def test_odd_names_print_without_overlap_and_inside_the_page(client, auth, people, db,
                                                              tmp_path):
    from graph import schema

    G = schema.new_network("Mevrouw " + "Wilhelmina" * 9)
    names = ["Bernhard" * 12 + "Bern", "Kindercarnavalsoptochtvoorbereidingswerk", "q" * 40,
             "Oma 👵🏽 en opa 👴", "سارة الحسيني", "שרה כהן", "Wijkverpleegkundige"]
    for i, name in enumerate(names):
        schema.add_member(G, f"m{i}", name=name, sector=schema.SECTORS[i % 5], circle=1)
    store_graph(db, people.riek, G)
    db.commit()
    auth.login("ans")
    for paper in ("a4", "a3"):
        pdf = client.get(f"/bewoners/{people.riek.id}/afdrukken/kaart.pdf?formaat={paper}").data
        words = words_of(pdf, tmp_path)
        assert overlapping(words) == []
        width, height = {"a4": (842, 595), "a3": (1191, 842)}[paper]
        assert all(0 <= w[0] and w[2] <= width and 0 <= w[1] and w[3] <= height for w in words)
        text = " ".join(w[4] for w in words)
        assert "Wijkverpleeg" in text
        assert "Kindercarnavals" in text.replace("-", "")
