"""The ties on the netwerkkaart look exactly as before graph.js drew them itself: the same
pixels as vis-network drawing the same lines (issue 20 took them out of vis-network for speed),
a strained tie's casing (issue 25) as one more solid line of paper colour under it.

The reference is built in the page: the ties handed back to vis-network with the options
graph.js gave it until then, on the same map and view, pixel for pixel, at the whole map
zoomed in, and while a person is being dragged (their ties follow them).
"""

from __future__ import annotations

import pytest

from sns.models import NetworkMember, Tie
from tests.e2e.map_page import open_map

pytestmark = pytest.mark.e2e

QUALITIES = ("goed", "wisselend", "gespannen", None)
SECTORS = ("familie", "vrienden", "buren", "werk_school_club", "professionals")

_COMPARE = """async (zoom) => {
  const map = document.getElementById('map');
  const net = map.snsNetwork;
  const canvas = map.querySelector('canvas');
  const ctx = canvas.getContext('2d');
  const frameDone = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const pixels = async () => {
    net.redraw();
    await frameDone();
    return ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  };
  const differ = (a, b) => a.reduce((n, v, i) => n + (v !== b[i] ? 1 : 0), 0);
  if (zoom !== 1) net.moveTo({position: {x: 120, y: -80}, scale: net.getScale() * zoom});
  const ours = await pixels();
  const ties = map.snsTies.splice(0);
  const none = await pixels();
  // graph.js's vis-network edges and their options until issue 20
  net.setOptions({interaction: {selectConnectedEdges: false, hoverConnectedEdges: false},
                  edges: {smooth: false, selectionWidth: 0, hoverWidth: 0}});
  // a strained tie's casing as one more solid line of paper colour right under it
  const paper = JSON.parse(document.getElementById('map-data').textContent).style.paper;
  const line = (id, edge, dashes, width, colour) => ({
    id: id, from: edge.from, to: edge.to, dashes: dashes, width: width,
    color: {color: colour, highlight: colour, hover: colour, inherit: false, opacity: 1},
    smooth: false, chosen: false});
  net.body.data.edges.add(ties.flatMap(edge => [
    ...(edge.casing ? [line(edge.id + '|casing', edge, false, edge.width + 2 * edge.casing,
                            paper)] : []),
    line(edge.id, edge, edge.dashes, edge.width, edge.colour)]));
  const theirs = await pixels();
  net.body.data.edges.clear();
  map.snsTies.push(...ties);
  return {ties: ties.length, changed: differ(ours, none), differ: differ(ours, theirs)};
}"""


_PERSON_ON_SCREEN = """() => {
  const map = document.getElementById('map');
  const net = map.snsNetwork;
  const id = map.snsTies[map.snsTies.length - 1].to;
  const dom = net.canvasToDOM(net.getPositions([id])[id]);
  const box = map.getBoundingClientRect();
  return [box.left + dom.x, box.top + dom.y];
}"""


@pytest.fixture
def tied_network(db, people):
    members = []
    for i in range(15):
        member = NetworkMember(resident_id=people.riek.id, name=f"Persoon {i + 1}",
                               sector=SECTORS[i % len(SECTORS)], circle=1 + i % 3,
                               quality=QUALITIES[i % len(QUALITIES)])
        db.add(member)
        members.append(member)
    db.flush()
    for i, a in enumerate(members):
        for j, b in enumerate(members[i + 1:i + 4]):
            db.add(Tie(resident_id=people.riek.id, a_id=min(a.id, b.id),
                       b_id=max(a.id, b.id), quality=QUALITIES[(i + j) % len(QUALITIES)]))
    db.commit()
    return people.riek


def test_ties_are_drawn_pixel_for_pixel_as_vis_network_drew_them(visit, tied_network):
    page, errors = open_map(visit, tied_network)
    for zoom in (1, 3):
        result = page.evaluate(_COMPARE, zoom)
        assert result["ties"] == 15 + 39  # each member's tie to Riek, and 39 between them
        assert result["changed"] > 1000  # the ties are on the map...
        assert result["differ"] == 0  # ... exactly as vis-network drew them

    # Dragging someone (the mouse still held): their ties go along, as they did.
    page.get_by_role("button", name="Hele kaart").click()
    x, y = page.evaluate(_PERSON_ON_SCREEN)
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 60, y + 40, steps=6)
    result = page.evaluate(_COMPARE, 1)
    assert result["differ"] == 0
    assert page.evaluate(_PERSON_ON_SCREEN) != [x, y]
    assert errors == []
