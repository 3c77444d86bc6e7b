"""Wie kent wie? in the browser at 1280 x 800 (and a tablet): people picked on the map
(Ctrl-click, a Shift-rectangle, taps in the Kies mensen mode) or ticked in the panel beside it,
then every pair in one action; and one person who knows everyone of a sector. Each action is
saved in place; each test checks the stored ties and the lines drawn without a reload."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from sns.models import NetworkMember, Tie
from tests.e2e.map_page import in_place, open_map

pytestmark = pytest.mark.e2e

FAMILY = ("Anna", "Bram", "Cor", "Dirk", "Els", "Fien")

#: Where each member is drawn, in pixels inside the map's canvas.
_ON_SCREEN = """() => {
  const net = document.getElementById('map').snsNetwork;
  const out = {};
  for (const [id, pos] of Object.entries(net.getPositions())) {
    if (id !== 'ego') out[id] = net.canvasToDOM(pos);
  }
  return out;
}"""

#: The lines between members that the map draws (not those to the resident).
_LINES = """() => document.getElementById('map').snsTies
  .filter(t => t.from !== 'ego' && t.to !== 'ego').length"""

_PIXELS = """() => {
  const canvas = document.querySelector('#map canvas');
  return Array.from(canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height)
    .data.filter((_, i) => i % 97 === 0)).join(',');
}"""


@pytest.fixture
def family(db, people):
    """Riek with a family of six in the inner circles and two neighbours further out."""
    rows = {}
    for i, name in enumerate(FAMILY):
        rows[name] = NetworkMember(resident_id=people.riek.id, name=name, sector="familie",
                                   circle=1 + i % 2)
    for name in ("Gert", "Hans"):
        rows[name] = NetworkMember(resident_id=people.riek.id, name=name, sector="buren",
                                   circle=3)
    db.add_all(rows.values())
    db.commit()
    return people.riek, {name: f"m{m.id}" for name, m in rows.items()}


def _ties(db) -> int:
    db.expire_all()
    return db.scalar(select(func.count()).select_from(Tie))


def _panel(page):
    return page.locator("#groep")


def _press(button, tap: bool = False) -> None:
    """Press (or tap) a button of the panel: the action is saved in place (table.js), the
    page is not loaded again, and the map gets its new lines at once."""
    page = button.page
    page.evaluate("window.snsMarker = 'still here'")
    with in_place(page):
        if tap:
            button.tap()
        else:
            button.click()
    assert page.evaluate("window.snsMarker") == "still here"


def _box(page, node_id: str):
    return _panel(page).locator(f'input[name="member"][value="{node_id}"]')


def test_six_people_ctrl_clicked_on_the_map_all_know_each_other(visit, family, db):
    riek, ids = family
    page, errors = open_map(visit, riek)
    url = page.url
    where = page.evaluate(_ON_SCREEN)
    canvas = page.locator("#map canvas")
    for name in FAMILY:
        point = where[ids[name]]
        canvas.click(position={"x": point["x"], "y": point["y"]}, modifiers=["Control"])
    assert page.url == url  # a Ctrl-click picks, it does not open the person
    assert [name for name in FAMILY if _box(page, ids[name]).is_checked()] == list(FAMILY)
    assert not _box(page, ids["Gert"]).is_checked()
    assert page.locator("#picked-count").inner_text() == "6 mensen gekozen: 15 lijnen."

    # the list and the map are one selection: a box unticked, a click ticks it again
    _box(page, ids["Anna"]).uncheck()
    assert page.locator("#picked-count").inner_text() == "5 mensen gekozen: 10 lijnen."
    point = where[ids["Anna"]]
    canvas.click(position={"x": point["x"], "y": point["y"]}, modifiers=["Control"])
    assert _box(page, ids["Anna"]).is_checked()

    _press(page.get_by_role("button", name="Deze mensen kennen elkaar allemaal"))
    assert _ties(db) == 15
    assert page.evaluate(_LINES) == 15  # the lines are drawn
    assert "15 nieuwe lijnen getekend." in page.locator("#wiekentwie").inner_text()
    assert errors == []


def test_a_shift_rectangle_picks_everyone_inside_it(visit, family, db):
    riek, ids = family
    page, errors = open_map(visit, riek)
    where = page.evaluate(_ON_SCREEN)
    canvas = page.locator("#map canvas")
    box = canvas.bounding_box()
    view = page.evaluate("document.getElementById('map').snsNetwork.getViewPosition()")
    # from the empty top left corner to just right of the middle, low in the window: the
    # neighbours (left, further out) are inside, the family (right of the middle) is not
    start = (box["x"] + 6, box["y"] + 6)
    end = (box["x"] + box["width"] / 2 + 40, 790)
    inside = {node for node, p in where.items()
              if 6 <= p["x"] <= end[0] - box["x"] and 6 <= p["y"] <= end[1] - box["y"]}
    assert inside == {ids["Gert"], ids["Hans"]}
    page.keyboard.down("Shift")
    page.mouse.move(*start)
    page.mouse.down()
    page.mouse.move(*end, steps=8)
    page.mouse.up()
    page.keyboard.up("Shift")
    picked = {node for node in ids.values() if _box(page, node).is_checked()}
    assert picked == inside
    # the rectangle did not pan the map
    assert page.evaluate("document.getElementById('map').snsNetwork.getViewPosition()") == view

    # a second rectangle round everyone adds the others
    assert max(p["y"] for p in where.values()) < 790 - box["y"]
    page.keyboard.down("Shift")
    page.mouse.move(*start)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] - 6, 790, steps=8)
    page.mouse.up()
    page.keyboard.up("Shift")
    assert all(_box(page, node).is_checked() for node in ids.values())
    _press(page.get_by_role("button", name="Deze mensen kennen elkaar allemaal"))
    assert _ties(db) == 28  # 8 people
    assert page.evaluate(_LINES) == 28
    assert errors == []


def test_ticked_in_the_list_then_they_do_not_know_each_other(visit, family, db):
    riek, ids = family
    page, errors = open_map(visit, riek)
    panel = _panel(page)
    before = page.evaluate(_PIXELS)
    for name in ("Anna", "Bram", "Gert"):
        panel.get_by_label(name, exact=True).check()
    page.wait_for_timeout(100)
    assert page.evaluate(_PIXELS) != before  # the map shows who is picked
    _press(page.get_by_role("button", name="Deze mensen kennen elkaar allemaal"))
    assert _ties(db) == 3
    assert page.evaluate(_LINES) == 3
    assert page.locator("#picked-count").inner_text() == "Nog niemand gekozen."

    for name in ("Anna", "Gert"):
        _panel(page).get_by_label(name, exact=True).check()
    _press(page.get_by_role("button", name="Deze mensen kennen elkaar niet"))
    assert _ties(db) == 2
    assert page.evaluate(_LINES) == 2
    assert "1 lijn weggehaald." in page.locator("#wiekentwie").inner_text()
    assert errors == []


def test_one_person_knows_everyone_of_the_family(visit, family, db):
    riek, ids = family
    page, errors = open_map(visit, riek)
    form = page.locator("#sector-banden")
    form.get_by_label("Wie kent een hele groep?").select_option(label="Gert")
    form.get_by_label("Welke groep?").select_option(label="Familie")
    _press(form.get_by_role("button", name="Lijnen naar de hele groep"))
    assert _ties(db) == 6
    assert page.evaluate(_LINES) == 6
    assert "Er zijn 6 nieuwe lijnen naar Familie getekend." in page.locator(
        "#wiekentwie").inner_text()
    assert errors == []


def test_in_the_choose_mode_a_plain_click_picks_for_touch(visit, family, db):
    riek, ids = family
    page, errors = open_map(visit, riek)
    url = page.url
    mode = page.get_by_role("button", name="Kies mensen", exact=True)
    mode.click()
    assert mode.get_attribute("aria-pressed") == "true"
    where = page.evaluate(_ON_SCREEN)
    canvas = page.locator("#map canvas")
    for name in ("Gert", "Hans"):
        canvas.click(position={"x": where[ids[name]]["x"], "y": where[ids[name]]["y"]})
    assert page.url == url
    assert page.locator("#picked-count").inner_text() == "2 mensen gekozen: 1 lijn."
    page.get_by_role("button", name="Niemand kiezen").click()
    assert page.locator("#picked-count").inner_text() == "Nog niemand gekozen."
    mode.click()  # the mode off: a click opens the person again
    with page.expect_navigation():
        canvas.click(position={"x": where[ids["Gert"]]["x"], "y": where[ids["Gert"]]["y"]})
    assert page.url.endswith(f"/leden/{ids['Gert']}")
    assert _ties(db) == 0
    assert errors == []


def test_on_a_tablet_taps_pick_in_the_choose_mode(visit, family, db):
    """768x1024 with touch: vis-network sees no click there (graph.js's setUpTouch takes
    every touch), so the mode's taps go through the touch handling."""
    riek, ids = family
    v = visit(viewport={"width": 768, "height": 1024}, has_touch=True)
    v.login("ans")
    page = v.page
    page.goto(f"/bewoners/{riek.id}/verkenning")
    page.wait_for_function("document.getElementById('map').snsNetwork !== undefined")
    url = page.url
    page.get_by_role("button", name="Kies mensen", exact=True).tap()
    page.locator("#map").scroll_into_view_if_needed()
    def point(name):
        return page.evaluate("""(id) => {
            const map = document.getElementById('map');
            const net = map.snsNetwork;
            const dom = net.canvasToDOM(net.getPositions([id])[id]);
            const box = map.getBoundingClientRect();
            return [box.left + map.clientLeft + dom.x, box.top + map.clientTop + dom.y];
        }""", ids[name])

    # The whole map's names are too small to tap a person: the first tap shows the family
    # large, as without the mode; then each tap picks.
    if page.evaluate("document.getElementById('map').snsNamePx()") < 14:
        page.touchscreen.tap(*point("Anna"))
        assert page.evaluate("document.getElementById('map').snsNamePx()") >= 14
        assert page.locator("#picked-count").inner_text() == "Nog niemand gekozen."
    for name in ("Anna", "Bram", "Cor"):
        page.touchscreen.tap(*point(name))
    assert page.url == url  # a tap in the mode picks, it does not open the person
    assert page.locator("#picked-count").inner_text() == "3 mensen gekozen: 3 lijnen."
    _press(page.get_by_role("button", name="Deze mensen kennen elkaar allemaal"), tap=True)
    assert _ties(db) == 3
    assert page.evaluate(_LINES) == 3
    assert v.dialogs == []


def test_the_picked_stay_picked_when_someone_is_added_in_place(visit, family, db):
    riek, ids = family
    page, errors = open_map(visit, riek)
    for name in ("Anna", "Gert"):
        _panel(page).get_by_label(name, exact=True).check()
    page.get_by_label("Wie is er in uw leven?").fill("Ilse")
    with in_place(page):
        page.get_by_role("button", name="Zet op de kaart").click()
    # the panel was drawn again with Ilse in it; Anna and Gert are still ticked
    assert _panel(page).get_by_label("Ilse", exact=True).count() == 1
    assert [n for n in ("Anna", "Bram", "Gert", "Ilse")
            if _panel(page).get_by_label(n, exact=True).is_checked()] == ["Anna", "Gert"]
    assert page.locator("#picked-count").inner_text() == "2 mensen gekozen: 1 lijn."
    _press(page.get_by_role("button", name="Deze mensen kennen elkaar allemaal"))
    assert _ties(db) == 1
    assert errors == []
