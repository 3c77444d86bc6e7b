"""The map turned to the resident ("Laat de kaart zien") and the map by touch, on a laptop
(1280x800), a tablet (768x1024, touch) and a phone (390x844, touch).

Touches are sent through Chromium's input pipeline (the DevTools protocol's
Input.dispatchTouchEvent), so the browser itself decides whether a finger scrolls the page,
as it does on a real tablet. Screenshots of the resident's view are written to the test's
tmp_path (``show-1280.png``, ...) for a person to look at.
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from sns.models import NetworkMember

pytestmark = pytest.mark.e2e

HULPVRAAG = "Ik wil weer zelf boodschappen doen, en niet alles aan mijn dochter vragen."
NETWORK = [  # name, sector, circle
    ("Dochter Sandra", "familie", 1),
    ("Zoon Mark", "familie", 2),
    ("Kleinzoon Timo", "familie", 3),
    ("Broer Piet", "familie", 3),
    ("Vriendin Els", "vrienden", 1),
    ("Henk van de biljartclub", "vrienden", 2),
    ("Vriend Joop", "vrienden", 3),
    ("Buurman Jan", "buren", 1),
    ("Buurvrouw Fatima", "buren", 2),
    ("Meneer en mevrouw de Boer", "buren", 2),
    ("Mevrouw Jansen", "buren", 3),
    ("Gerda van het koor", "werk_school_club", 2),
    ("Corrie van de koffieochtend", "werk_school_club", 3),
    ("Oud-collega Wim", "werk_school_club", 3),
    ("Thuiszorg", "professionals", 1),
    ("Huisarts Bakker", "professionals", 2),
    ("Wijkverpleegkundige", "professionals", 2),
    ("Schuldhulpverlener Ahmed", "professionals", 3),
]
# width, height, touch, the least size of the names in the resident's view as it opens
VIEWPORTS = [(1280, 800, False, 20), (768, 1024, True, 16), (390, 844, True, None)]
TOUCH = [v for v in VIEWPORTS if v[2]]

_NAME_PX = "document.getElementById('map').snsNamePx()"
_VIEW = """() => { const net = document.getElementById('map').snsNetwork;
    return {position: net.getViewPosition(), scale: net.getScale()}; }"""
# Where a member is on the screen (viewport px), and the middle of circle `circle` in their
# sector's wedge.
_PLACES = """([id, circle]) => {
    const map = document.getElementById('map');
    const net = map.snsNetwork;
    const data = JSON.parse(document.getElementById('map-data').textContent);
    const box = map.getBoundingClientRect();
    const node = data.nodes.find(n => n.id === id);
    const wedge = data.frame.wedges.find(w => w.sector === node.sector);
    const ring = data.frame.rings.find(r => r.circle === circle);
    const a = (wedge.start + wedge.end) / 2 * Math.PI / 180;
    const r = (ring.inner + ring.outer) / 2;
    const screen = p => { const d = net.canvasToDOM(p);
        return {x: box.left + map.clientLeft + d.x, y: box.top + map.clientTop + d.y}; };
    return {from: screen(net.getPositions([id])[id]),
            to: screen({x: r * Math.sin(a), y: -r * Math.cos(a)})};
}"""


class Fingers:
    """Touches through Chromium's input pipeline (DevTools Input.dispatchTouchEvent)."""

    def __init__(self, page):
        self.page = page
        self.cdp = page.context.new_cdp_session(page)

    def _send(self, kind: str, points) -> None:
        self.cdp.send("Input.dispatchTouchEvent", {
            "type": kind, "touchPoints": [{"x": x, "y": y, "id": i}
                                          for i, (x, y) in enumerate(points)]})

    def stroke(self, starts, ends, steps: int = 12, hold_ms: int = 0) -> None:
        """Fingers down at ``starts``, rest ``hold_ms``, move in steps to ``ends``, lift."""
        self._send("touchStart", starts)
        if hold_ms:
            self.page.wait_for_timeout(hold_ms)
        for step in range(1, steps + 1):
            t = step / steps
            self._send("touchMove", [(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
                                     for a, b in zip(starts, ends, strict=True)])
            self.page.wait_for_timeout(16)
        self._send("touchEnd", [])


@pytest.fixture
def riek(db, people):
    people.riek.hulpvraag = HULPVRAAG
    for name, sector, circle in NETWORK:
        db.add(NetworkMember(resident_id=people.riek.id, name=name, sector=sector,
                             circle=circle))
    db.commit()
    return people.riek


def _open(visit, width: int, height: int, touch: bool):
    v = visit(viewport={"width": width, "height": height}, has_touch=touch,
              is_mobile=touch and width < 500)
    v.login("ans")
    errors: list[str] = []
    v.page.on("pageerror", lambda e: errors.append(str(e)))
    return v, errors


def _wait_for_map(page) -> None:
    page.wait_for_function("document.getElementById('map').snsNetwork !== undefined")
    # graph.js fits the map again once the page around it is laid out
    page.wait_for_function("""() => new Promise(done => requestAnimationFrame(() =>
        requestAnimationFrame(() => setTimeout(() => done(true), 200))))""")


def _settle(page) -> None:
    """Wait until the page stops scrolling (a swipe flings it on for a while)."""
    page.wait_for_function("""() => new Promise(done => {
        let last = window.scrollY;
        const look = () => setTimeout(() => {
            if (window.scrollY === last) done(true); else { last = window.scrollY; look(); }
        }, 150);
        look(); })""")


def _in_view(page, locator) -> bool:
    box = locator.bounding_box()
    size = page.viewport_size
    return (box is not None and box["x"] >= 0 and box["y"] >= 0
            and box["x"] + box["width"] <= size["width"] + 0.5
            and box["y"] + box["height"] <= size["height"] + 0.5)


@pytest.mark.parametrize(("width", "height", "touch", "least"), VIEWPORTS,
                         ids=[str(v[0]) for v in VIEWPORTS])
def test_the_resident_view_is_large_and_calm(visit, riek, tmp_path, width, height, touch,
                                             least):
    v, errors = _open(visit, width, height, touch)
    page = v.page
    page.goto(f"/bewoners/{riek.id}/verkenning")
    with page.expect_navigation():
        page.get_by_role("link", name="Laat de kaart zien").click()
    assert page.url.endswith(f"/bewoners/{riek.id}/verkenning/laat-zien")
    _wait_for_map(page)
    page.screenshot(path=str(tmp_path / f"show-{width}.png"))

    # The help question in the resident's words above the map; the map and the legend in
    # view without scrolling; no forms and no export text.
    question = page.locator("blockquote.own-words")
    assert question.inner_text() == HULPVRAAG
    assert question.bounding_box()["y"] < page.locator("#map").bounding_box()["y"]
    for part in ("#map", ".legend", "blockquote.own-words"):
        assert _in_view(page, page.locator(part)), part
    assert page.locator("form").count() == 0
    text = page.locator("body").inner_text()
    for word in ("GraphML", "Gephi", "Python", "CSV"):
        assert word not in text
    if least is not None:
        assert page.evaluate(_NAME_PX) >= least
    else:
        # the phone: a tap on a sector shows it with names that can be read, and a button
        # goes back to the whole map
        box = page.locator("#map").bounding_box()
        page.touchscreen.tap(box["x"] + box["width"] * 0.7, box["y"] + box["height"] * 0.3)
        assert page.evaluate(_NAME_PX) >= 14
        back = page.get_by_role("button", name="Terug naar de hele kaart")
        back.tap()
        assert back.is_hidden()
        assert page.evaluate(_NAME_PX) < 14

    # Read-only: a person cannot be dragged here.
    if not touch:
        sandra = page.evaluate("""() => JSON.parse(document.getElementById('map-data')
            .textContent).nodes.find(n => n.label === 'Dochter Sandra').id""")
        places = page.evaluate(_PLACES, [sandra, 3])
        before = page.evaluate("(id) => document.getElementById('map').snsNetwork"
                               ".getPositions([id])[id]", sandra)
        page.mouse.move(places["from"]["x"], places["from"]["y"])
        page.mouse.down()
        page.mouse.move(places["to"]["x"], places["to"]["y"], steps=8)
        page.mouse.up()
        assert page.evaluate("(id) => document.getElementById('map').snsNetwork"
                             ".getPositions([id])[id]", sandra) == before

    # Schuilnamen: no name reaches the browser, nor the help question.
    with page.expect_navigation():
        page.get_by_role("link", name="Schuilnamen").click()
    assert page.url.endswith("?schuilnamen=1")
    _wait_for_map(page)
    html = page.content()
    for name in [name for name, _, _ in NETWORK] + [riek.name, HULPVRAAG]:
        assert name not in html, name
    assert re.search(r"Familielid 1\b", html)
    assert "Hulpverlener 1" in html
    assert page.locator("form").count() == 0
    page.screenshot(path=str(tmp_path / f"show-{width}-schuilnamen.png"))
    with page.expect_navigation():
        page.get_by_role("link", name="Namen tonen").click()
    assert page.locator("blockquote.own-words").inner_text() == HULPVRAAG
    assert errors == []
    assert v.foreign_requests() == []


@pytest.mark.parametrize(("width", "height", "touch", "least"), TOUCH,
                         ids=[str(v[0]) for v in TOUCH])
def test_touch_scrolls_the_page_zooms_the_map_and_moves_a_person(
        visit, riek, db, width, height, touch, least):
    """One finger scrolls the page, two pan and zoom the map, a long press picks a person
    up and letting go saves the move without a reload: window.snsTable (web/static/table.js)
    redraws the page in place, and the page is neither reloaded nor scrolled to its top."""
    v, errors = _open(visit, width, height, touch)
    page = v.page
    page.goto(f"/bewoners/{riek.id}/verkenning")
    _wait_for_map(page)
    page.evaluate("window.snsMarker = 'still here'")
    fingers = Fingers(page)

    # One finger over the map scrolls the page; the map's view stays.
    page.evaluate("document.getElementById('map').scrollIntoView()")
    page.evaluate("window.scrollBy(0, -150)")
    box = page.locator("#map").bounding_box()
    view = page.evaluate(_VIEW)
    scrolled = page.evaluate("window.scrollY")
    x = box["x"] + box["width"] / 2
    fingers.stroke([(x, box["y"] + 250)], [(x, box["y"] + 50)])
    page.wait_for_function(f"() => window.scrollY > {scrolled + 50}")
    assert page.evaluate(_VIEW) == view

    # Two fingers apart: the map zooms in, and the page does not scroll.
    _settle(page)
    page.evaluate("document.getElementById('map').scrollIntoView()")
    box = page.locator("#map").bounding_box()
    scrolled = page.evaluate("window.scrollY")
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    fingers.stroke([(cx - 30, cy - 30), (cx + 30, cy + 30)],
                   [(cx - 90, cy - 90), (cx + 90, cy + 90)])
    assert page.evaluate(_VIEW)["scale"] > view["scale"] * 2
    assert page.evaluate("window.scrollY") == scrolled
    page.get_by_role("button", name="Hele kaart").click()

    # The whole map has small names on a phone (and a tablet); a tap on a sector shows that
    # sector with names that can be read, and a button on the map goes back.
    assert page.evaluate(_NAME_PX) < 14
    _settle(page)
    page.evaluate("document.getElementById('map').scrollIntoView()")
    box = page.locator("#map").bounding_box()
    page.touchscreen.tap(box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.75)
    assert page.evaluate(_NAME_PX) >= 14
    page.get_by_role("button", name="Terug naar de hele kaart").tap()
    assert page.evaluate(_NAME_PX) < 14

    # A long press on Kleinzoon Timo (familie, circle 3) picks him up; the finger takes him
    # to circle 1; letting go saves it without a reload.
    timo = db.scalar(select(NetworkMember).where(NetworkMember.name == "Kleinzoon Timo"))
    page.evaluate("document.getElementById('map').scrollIntoView()")
    page.evaluate("window.scrollBy(0, -40)")
    _settle(page)
    assert page.evaluate("window.scrollY") > 0
    map_top = page.locator("#map").bounding_box()["y"]
    places = page.evaluate(_PLACES, [f"m{timo.id}", 1])
    start, end = places["from"], places["to"]
    redrawn = page.evaluate("window.snsTable.done")
    fingers.stroke([(start["x"], start["y"])], [(end["x"], end["y"])], hold_ms=700)
    page.wait_for_function("(n) => window.snsTable.done > n", arg=redrawn)
    page.wait_for_function("() => document.getElementById('map').getAttribute('aria-busy')"
                           " === 'false'")
    db.expire_all()
    assert (db.get(NetworkMember, timo.id).sector, db.get(NetworkMember, timo.id).circle) == (
        "familie", 1)
    assert page.evaluate("window.snsMarker") == "still here"  # no reload
    # not at the top either: the map stays where it was in the window (the browser keeps
    # it there when the redrawn parts above it change height, e.g. the undo button's words)
    assert abs(page.locator("#map").bounding_box()["y"] - map_top) < 2

    # A short touch that moves is a scroll, never a move.
    db.expire_all()
    sandra = db.scalar(select(NetworkMember).where(NetworkMember.name == "Dochter Sandra"))
    places = page.evaluate(_PLACES, [f"m{sandra.id}", 3])
    start, end = places["from"], places["to"]
    fingers.stroke([(start["x"], start["y"])], [(end["x"], end["y"])])
    page.wait_for_timeout(300)
    db.expire_all()
    assert db.get(NetworkMember, sandra.id).circle == 1
    assert errors == []
    assert v.foreign_requests() == []
