"""The netwerkkaart on a laptop, a tablet and a phone: the coach adds a person by keyboard and
keeps seeing the map, moves someone without dragging, and opens a person from the map.

One test over three viewports (1280x800, 768x1024, 390x844), on a realistic network of 19
people before the 20th is added. Screenshots of the map after the addition are written to the
test's tmp_path (``map-1280.png``, ...) for a person to look at.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from sns.models import NetworkMember
from tests.e2e.map_page import in_place

pytestmark = pytest.mark.e2e

NETWORK = [  # name, sector, circle
    ("Wijkverpleegkundige", "professionals", 2),
    ("Meneer en mevrouw de Boer", "buren", 2),
    ("Corrie van de koffieochtend", "werk_school_club", 3),
    ("Schuldhulpverlener Ahmed", "professionals", 3),
    ("Anja", "familie", 1),
    ("Buurman Jan", "buren", 1),
    ("Dochter Sandra", "familie", 1),
    ("Zoon Mark", "familie", 2),
    ("Kleinzoon Timo", "familie", 3),
    ("Vriendin Els", "vrienden", 1),
    ("Gerda van het koor", "werk_school_club", 2),
    ("Huisarts Bakker", "professionals", 2),
    ("Oud-collega Wim", "werk_school_club", 3),
    ("Buurvrouw Fatima", "buren", 2),
    ("Henk", "vrienden", 2),
    ("Thuiszorg", "professionals", 1),
    ("Broer Piet", "familie", 3),
    ("Mevrouw Jansen", "buren", 3),
    ("Vriend Joop", "vrienden", 3),
]
VIEWPORTS = [(1280, 800), (768, 1024), (390, 844)]

# Where things are on the screen, read from the page (graph.js keeps the network on #map).
_NODE = """(id) => {
    const map = document.getElementById('map');
    const net = map.snsNetwork;
    const pos = net.getPositions([id])[id];
    if (!pos) return null;
    const dom = net.canvasToDOM(pos);
    const box = map.getBoundingClientRect();
    const data = JSON.parse(document.getElementById('map-data').textContent);
    const node = data.nodes.find(n => n.id === id);
    return {x: box.left + dom.x, y: box.top + dom.y, fontPx: node.fontSize * net.getScale()};
}"""
_LABEL_CENTRE = """(id) => {
    const map = document.getElementById('map');
    const data = JSON.parse(document.getElementById('map-data').textContent);
    const b = data.nodes.find(n => n.id === id).labelBox;
    const dom = map.snsNetwork.canvasToDOM({x: b.x + b.w / 2, y: b.y + b.h / 2});
    const box = map.getBoundingClientRect();
    return [box.left + dom.x, box.top + dom.y];
}"""
_SECTOR_LABELS = """() => {
    const map = document.getElementById('map');
    return map.snsSectorLabels().map(b => ({text: b.text, left: b.left, top: b.top,
        right: b.right, bottom: b.bottom, width: map.clientWidth, height: map.clientHeight}));
}"""
_NO_SIDEWAYS = "document.documentElement.scrollWidth <= document.documentElement.clientWidth"


def _in_viewport(page, x: float, y: float) -> bool:
    size = page.viewport_size
    return 0 <= x <= size["width"] and 0 <= y <= size["height"]


def _pick_and_enter(page, sector_key: str, circle_key: str) -> None:
    """From a form's field: Tab to the sector list, pick by a key, the same for the circle,
    then Enter on the circle list, which saves the form (in place)."""
    for key in (sector_key, circle_key):
        page.keyboard.press("Tab")
        page.keyboard.type(key)
    with in_place(page):
        page.keyboard.press("Enter")


@pytest.fixture
def riek_network(db, people):
    for name, sector, circle in NETWORK:
        db.add(NetworkMember(resident_id=people.riek.id, name=name, sector=sector,
                             circle=circle))
    db.commit()
    return people.riek


@pytest.mark.parametrize(("width", "height"), VIEWPORTS, ids=[f"{w}" for w, _ in VIEWPORTS])
def test_map_stays_in_view_and_works_by_keyboard(visit, riek_network, db, tmp_path,
                                                 width, height):
    v = visit()
    v.login("ans")
    page = v.page
    page.set_viewport_size({"width": width, "height": height})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"/bewoners/{riek_network.id}/verkenning")

    # Quick entry by keyboard only: a name, Tab, the sector by its first letter, Tab, the
    # circle by its number, Enter on the circle list saves.
    page.get_by_label("Wie is er in uw leven?").fill("Kees")
    _pick_and_enter(page, "F", "2")
    # the name field has the focus again for the next person
    page.wait_for_function("() => document.activeElement.id === 'quick-name'", timeout=3000)

    kees = db.scalar(select(NetworkMember).where(NetworkMember.name == "Kees"))
    assert (kees.sector, kees.circle) == ("familie", 2)
    # The confirmation says where Kees landed, next to the form, and is on the screen...
    message = page.locator(".map-entry .flash", has_text="Kees staat bij Familie, in cirkel 2.")
    box = message.bounding_box()
    assert box is not None
    assert _in_viewport(page, box["x"], box["y"] + box["height"])
    # ... and so is Kees on the map, in the map's frame.
    node = page.evaluate(_NODE, f"m{kees.id}")
    map_box = page.locator("#map").bounding_box()
    assert node is not None
    assert _in_viewport(page, node["x"], node["y"])
    assert map_box["x"] <= node["x"] <= map_box["x"] + map_box["width"]
    assert map_box["y"] <= node["y"] <= map_box["y"] + map_box["height"]
    page.screenshot(path=str(tmp_path / f"map-{width}.png"))
    # 20 people: every name is large enough to be written, so no line asks to zoom in
    assert page.locator("#map .map-small-names").is_hidden()

    # Large names on the laptop; every sector label whole inside the map on every screen.
    if width >= 1280:
        assert node["fontPx"] >= 16
    for label in page.evaluate(_SECTOR_LABELS):
        assert 0 <= label["left"] <= label["right"] <= label["width"], label
        assert 0 <= label["top"] <= label["bottom"] <= label["height"], label
    assert page.evaluate(_NO_SIDEWAYS)

    # The mouse wheel over the map scrolls the page and leaves the map's zoom alone;
    # Ctrl+wheel and the buttons zoom.
    scale = page.evaluate("document.getElementById('map').snsNetwork.getScale()")
    scrolled = page.evaluate("window.scrollY")
    page.mouse.move(map_box["x"] + map_box["width"] / 2, map_box["y"] + 40)
    page.mouse.wheel(0, 200)
    page.wait_for_function(f"() => window.scrollY > {scrolled}")
    assert page.evaluate("document.getElementById('map').snsNetwork.getScale()") == scale
    page.get_by_role("button", name="Groter").click()
    assert page.evaluate("document.getElementById('map').snsNetwork.getScale()") > scale
    page.get_by_role("button", name="Hele kaart").click()

    # Keyboard: Tab from the zoom buttons into the map (a named stop), arrows to Kees.
    page.get_by_role("button", name="Hele kaart").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "map"
    named = page.get_by_role("application", name="De netwerkkaart van Riek. Mensen op de kaart: 20")
    assert named.count() == 1
    status = page.locator("#map-focus")
    for _ in range(len(NETWORK) + 1):
        page.keyboard.press("ArrowRight")
        if status.inner_text().startswith("Kees"):
            break
    assert status.inner_text().startswith("Kees, Sector: Familie")
    # The move form beside the map follows the chosen person: Tab, pick, Enter.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "move-member"
    assert page.locator("#move-member").input_value() == f"m{kees.id}"
    _pick_and_enter(page, "V", "1")
    page.get_by_role("status").filter(has_text="Kees staat bij Vrienden, in cirkel 1.").wait_for()
    assert page.locator(".map-move .flash").inner_text() == "Kees staat bij Vrienden, in cirkel 1."
    db.expire_all()
    assert (db.get(NetworkMember, kees.id).sector, db.get(NetworkMember, kees.id).circle) == (
        "vrienden", 1)

    # Enter on the chosen person opens them.
    page.locator("#map").focus()
    for _ in range(len(NETWORK) + 1):
        page.keyboard.press("ArrowRight")
        if status.inner_text().startswith("Kees"):
            break
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(f"/leden/m{kees.id}")

    # A click on a person's name opens them, like a click on their shape.
    page.go_back()
    page.wait_for_load_state()
    page.locator("#map").scroll_into_view_if_needed()
    anja = db.scalar(select(NetworkMember).where(NetworkMember.name == "Anja"))
    x, y = page.evaluate(_LABEL_CENTRE, f"m{anja.id}")
    with page.expect_navigation():
        page.mouse.click(x, y)
    assert page.url.endswith(f"/leden/m{anja.id}")

    # The list of people never makes the page scroll sideways either.
    page.goto(f"/bewoners/{riek_network.id}/verkenning#tabel")
    assert page.evaluate(_NO_SIDEWAYS)
    assert v.dialogs == []
    assert errors == []
    assert v.foreign_requests() == []
