"""A member's state set through the page: the list's control, stored, drawn apart on the map."""

from __future__ import annotations

import pytest

from sns.models import NetworkMember
from tests.e2e.map_page import in_place

pytestmark = pytest.mark.e2e


def test_coach_marks_a_member_as_died_and_the_map_draws_it_apart(visit, people, db):
    kees = NetworkMember(resident_id=people.riek.id, name="Kees", sector="familie", circle=1)
    db.add(kees)
    db.commit()
    v = visit()
    v.login("ans")
    page = v.page
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"/bewoners/{people.riek.id}/verkenning")
    page.wait_for_function("() => window.snsTable !== undefined")
    page.evaluate("window.snsMarker = 'still here'")

    page.get_by_label("Staat op de kaart als Kees").select_option(label="Overleden")
    with in_place(page):
        page.get_by_role("button", name="Zet Kees").click()
    page.get_by_text("Opgeslagen.").first.wait_for()
    assert page.evaluate("window.snsMarker") == "still here"  # saved in place, no reload

    db.expire_all()
    assert db.get(NetworkMember, kees.id).state == "overleden"
    assert page.get_by_label("Staat op de kaart als Kees").input_value() == "overleden"
    # the map draws Kees with the state's own painting, and the legend explains it
    page.wait_for_function("() => document.getElementById('map').snsNetwork !== undefined")
    shape = page.evaluate(
        "(id) => document.getElementById('map').snsNetwork.body.nodes[id].options.shape",
        f"m{kees.id}")
    assert shape == "custom"
    assert page.locator(".legend").get_by_text("Overleden").is_visible()
    assert errors == []
    assert v.foreign_requests() == []
