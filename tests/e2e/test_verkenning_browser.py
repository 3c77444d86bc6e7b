"""At the kitchen table: a coach fills the map from the keyboard, draws ties, drags a member."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from graph.map import layout
from sns.models import NetworkMember
from tests.e2e.map_page import in_place

pytestmark = pytest.mark.e2e

HOSTILE = "<img src=x onerror=alert(1)>"
MEMBERS = [  # name, sector label, circle label
    ("Ans", "Familie", "1 · heel dichtbij"),
    ("Kees", "Familie", "3 · verder weg"),
    ("Toos", "Vrienden", "2 · dichtbij"),
    (HOSTILE, "Buren", "2 · dichtbij"),
    ("Huisarts Bakker", "Hulpverleners", "3 · verder weg"),
]


def _screen_point(page, x: float, y: float) -> tuple[float, float]:
    """Where map point (x, y) is on the screen now."""
    point = page.evaluate(
        """([x, y]) => {
            const map = document.getElementById('map');
            const dom = map.snsNetwork.canvasToDOM({x, y});
            const box = map.getBoundingClientRect();
            return [box.left + dom.x, box.top + dom.y];
        }""",
        [x, y],
    )
    return point[0], point[1]


def _node_point(page, node_id: str) -> tuple[float, float]:
    pos = page.evaluate(
        "(id) => document.getElementById('map').snsNetwork.getPositions([id])[id]", node_id)
    return _screen_point(page, pos["x"], pos["y"])


def test_coach_maps_five_members_ties_and_drags_one_inward(visit, people, db):
    v = visit()
    v.login("ans")
    page = v.page
    page.set_viewport_size({"width": 1280, "height": 1000})
    page.goto(f"/bewoners/{people.riek.id}/verkenning")

    for name, sector, circle in MEMBERS:
        page.get_by_label("Wie is er in uw leven?").fill(name)
        page.get_by_label("Sector", exact=True).select_option(label=sector)
        page.get_by_label("Cirkel", exact=True).select_option(label=circle)
        page.get_by_label("Wie is er in uw leven?").press("Enter")
        number = circle.split(" ")[0]
        page.get_by_role("status").filter(
            has_text=f"{name} staat bij {sector}, in cirkel {number}.").wait_for()
        # The name field has the focus again for the next person.
        assert page.evaluate("document.activeElement.id") == "quick-name"

    table = page.locator("#tabel table")
    for name, _, _ in MEMBERS:
        assert table.get_by_role("rowheader", name=name, exact=True).count() == 1

    for a, b in (("Ans", "Kees"), ("Toos", HOSTILE)):
        page.get_by_label("Deze persoon").select_option(label=a)
        page.get_by_label("kent", exact=True).select_option(label=b)
        page.get_by_label("Hoe gaan ze met elkaar om?").select_option(label="Goed")
        with in_place(page):
            page.get_by_role("button", name="Verbind").click()
        page.get_by_text("De lijn is getekend.").wait_for()
    assert page.locator("ul.ties li").count() == 2
    # every line's button sends the one shared form with its own line
    with in_place(page):
        page.get_by_role("button", name="weghalen Ans – Kees").click()
    page.get_by_text("De lijn is weggehaald.").wait_for()
    (left,) = page.locator("ul.ties li").all_inner_texts()
    assert "Toos" in left
    assert "Kees" not in left

    kees = db.scalar(select(NetworkMember).where(NetworkMember.name == "Kees"))
    page.wait_for_function("document.getElementById('map').snsNetwork !== undefined")
    page.locator("#map").scroll_into_view_if_needed()
    start = _node_point(page, f"m{kees.id}")
    target = _screen_point(page, *layout.to_xy(150, 36))  # circle 1, familie wedge
    page.mouse.move(*start)
    page.mouse.down()
    page.mouse.move(start[0] + 10, start[1] + 10, steps=3)
    page.mouse.move(*target, steps=12)
    with in_place(page):  # the drag is saved and the page redrawn without a reload
        page.mouse.up()

    page.reload()
    row = page.locator("#tabel tr", has=page.get_by_role("rowheader", name="Kees"))
    assert "1 · heel dichtbij" in row.inner_text()
    db.expire_all()
    assert db.get(NetworkMember, kees.id).circle == 1

    # The hostile name is text in the table and in the tooltip, never markup.
    hostile = db.scalar(select(NetworkMember).where(NetworkMember.name == HOSTILE))
    page.locator("#map").scroll_into_view_if_needed()  # the reload kept the page at #banden
    page.mouse.move(*_node_point(page, f"m{hostile.id}"))
    tooltip = page.locator(".map-tooltip")
    tooltip.wait_for(state="visible")
    assert HOSTILE in tooltip.inner_text()
    assert page.locator("img[src='x']").count() == 0

    assert v.dialogs == []
    assert v.foreign_requests() == []
