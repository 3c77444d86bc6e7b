"""Issue 26, part 1 in a browser: the coach makes the resident's code at the table, the
resident opens "Mijn kaart en plan" from the QR code's address on a phone (390 x 844),
marks an action done, and the coach sees it on the plan."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def test_the_resident_marks_an_action_done_from_the_qr_address(visit, db, people,
                                                               make_network, make_action):
    riek = people.riek
    make_network(riek)
    riek.hulpvraag = "Ik wil weer zelf boodschappen doen"
    make_action(riek, "Elke zaterdag samen boodschappen", who=[list(riek.rows.values())[1]])
    db.commit()

    coach = visit()
    coach.login("ans")
    cpage = coach.page
    cpage.goto(f"/bewoners/{riek.id}/plan/")
    cpage.get_by_role("link", name="Mijn kaart en plan voor de bewoner").click()
    cpage.get_by_role("button", name="Bewoner stemt in").click()
    cpage.goto(f"/bewoners/{riek.id}/mijn-code/")
    cpage.get_by_role("button", name="Code maken").click()
    expect(cpage.locator("svg.qr")).to_be_visible()
    address = cpage.locator(".own-code-url code").inner_text()
    assert address.startswith(f"{coach.base_url}/mijn/")

    phone = visit(**PHONE)
    page = phone.page
    page.goto(address)
    expect(page.get_by_role("heading", name="Hallo Riek")).to_be_visible()
    expect(page.get_by_text("Ik wil weer zelf boodschappen doen")).to_be_visible()
    expect(page.locator("#map canvas")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scroll
    action = page.locator(".own-action", has_text="Elke zaterdag samen boodschappen")
    action.get_by_role("button", name="Dit is gedaan").tap()
    expect(page.get_by_text("Goed zo! Dit staat nu op gedaan.")).to_be_visible()
    expect(action.get_by_text("Gedaan", exact=True)).to_be_visible()
    assert phone.foreign_requests() == []

    cpage.goto(f"/bewoners/{riek.id}/plan/")
    row = cpage.locator("tr, li", has_text="Elke zaterdag samen boodschappen").first
    expect(row).to_contain_text("Gedaan")
