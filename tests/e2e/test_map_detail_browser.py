"""The netwerkkaart of a large network: names too small to read are left out, the map says
so, and zooming in brings them back (graph.js's level of detail).

The texts the map writes are recorded as the canvas receives them (``fillText``), so the test
sees what the coach sees: which names are on the map, not how graph.js decided it.
"""

from __future__ import annotations

import pytest

from sns.models import NetworkMember
from tests.e2e.map_page import open_map

pytestmark = pytest.mark.e2e

SECTORS = ("familie", "vrienden", "buren", "werk_school_club", "professionals")
MEMBERS = 600
NOTE = "De namen zijn nu te klein om te lezen. Zoom in met Groter of + om ze te zien."

# Every text written on a canvas since its last clearRect (vis-network clears the canvas at
# the start of each frame): window.snsTexts is the frame drawn last.
_RECORD_TEXTS = """
(() => {
  const fill = CanvasRenderingContext2D.prototype.fillText;
  const clear = CanvasRenderingContext2D.prototype.clearRect;
  window.snsTexts = [];
  CanvasRenderingContext2D.prototype.fillText = function (text) {
    window.snsTexts.push(String(text));
    return fill.apply(this, arguments);
  };
  CanvasRenderingContext2D.prototype.clearRect = function () {
    window.snsTexts = [];
    return clear.apply(this, arguments);
  };
})();
"""
_FRAME_DONE = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
# the names (first line of each label) of the members whose label box is in the view now
_NAMES_IN_VIEW = """() => {
  const map = document.getElementById('map');
  const net = map.snsNetwork;
  const a = net.DOMtoCanvas({x: 0, y: 0});
  const b = net.DOMtoCanvas({x: map.clientWidth, y: map.clientHeight});
  const data = JSON.parse(document.getElementById('map-data').textContent);
  return data.nodes.filter(n => !n.ego && n.labelBox && n.labelBox.x >= a.x &&
      n.labelBox.x + n.labelBox.w <= b.x && n.labelBox.y >= a.y &&
      n.labelBox.y + n.labelBox.h <= b.y).map(n => n.lines[0]);
}"""


@pytest.fixture
def large_network(db, people):
    for i in range(MEMBERS):
        db.add(NetworkMember(resident_id=people.riek.id, name=f"Persoon {i + 1}",
                             sector=SECTORS[i % len(SECTORS)], circle=1 + i % 3))
    db.commit()
    return people.riek


def test_large_map_leaves_out_unreadable_names_and_says_so(visit, large_network):
    page, errors = open_map(visit, large_network, _RECORD_TEXTS)
    page.evaluate(_FRAME_DONE)

    # The whole map: 600 names would be specks, so none is written, and the map says why.
    note = page.locator("#map .map-small-names")
    assert note.is_visible()
    assert note.inner_text() == NOTE
    names_in_view = page.evaluate(_NAMES_IN_VIEW)
    assert len(names_in_view) == MEMBERS
    written = set(page.evaluate("window.snsTexts"))
    assert not set(names_in_view) & written

    # The map is still usable without names: the arrow keys choose a person and say who.
    page.locator("#map").focus()
    page.keyboard.press("ArrowRight")
    assert page.locator("#map-focus").inner_text().startswith("Persoon ")

    # Zooming in with the button brings the names back, and the line goes away.
    page.keyboard.press("Escape")
    zoom_in = page.get_by_role("button", name="Groter")
    for _ in range(12):
        if not note.is_visible():
            break
        zoom_in.click()
        page.evaluate(_FRAME_DONE)
    assert note.is_hidden()
    names_in_view = set(page.evaluate(_NAMES_IN_VIEW))
    written = set(page.evaluate("window.snsTexts"))
    assert names_in_view
    assert names_in_view <= written
    # only what is in view is written: far fewer names than the whole network
    assert len([t for t in written if t.startswith("Persoon ")]) < MEMBERS

    # "Hele kaart" goes back to the whole map, without names, and says so again.
    page.get_by_role("button", name="Hele kaart").click()
    page.evaluate(_FRAME_DONE)
    assert note.is_visible()
    assert errors == []
