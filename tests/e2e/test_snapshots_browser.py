"""A coach saves the network, adds two people, saves again and compares the two moments."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.e2e


def test_snapshot_add_two_snapshot_compare(visit, people, demo_riek):
    v = visit()
    v.login("ans")
    page = v.page
    page.goto(f"/bewoners/{people.riek.id}/")
    assert page.get_by_role("heading", name="Hoe sterk is uw netwerk?").is_visible()

    page.get_by_label("Bewaar het netwerk van nu als").fill("Einde verkenning")
    page.get_by_role("button", name="Bewaar dit moment").click()
    page.get_by_text("Het netwerk is bewaard als 'Einde verkenning'.").wait_for()

    page.get_by_role("link", name="Netwerkkaart").click()
    for name in ("Yusuf", "Bep"):
        page.get_by_label("Wie is er in uw leven?").fill(name)
        page.get_by_label("Wie is er in uw leven?").press("Enter")
        page.get_by_text(f"{name} staat op de kaart.").wait_for()

    page.get_by_role("link", name="Gegevens").click()
    page.get_by_label("Bewaar het netwerk van nu als").fill("Na het netwerkberaad")
    page.get_by_role("button", name="Bewaar dit moment").click()
    page.get_by_text("Het netwerk is bewaard als 'Na het netwerkberaad'.").wait_for()

    page.get_by_role("button", name="Vergelijk").click()
    page.get_by_role("heading", name="Wat is er veranderd?").wait_for()
    assert page.get_by_text("Eerst 15 mensen, nu 17.").is_visible()
    joined = page.locator("dt:text-is('Erbij gekomen') + dd").inner_text()
    assert joined == "Bep, Yusuf"
    figures = page.locator(".side-by-side figure")
    assert figures.count() == 2
    assert "Einde verkenning" in figures.nth(0).inner_text()
    assert "Na het netwerkberaad" in figures.nth(1).inner_text()
    assert figures.nth(1).locator("svg .member.joined").count() == 2
    # Each map has its own text alternative: its name, and who is where as its description.
    before = page.get_by_role("img", name="Netwerkkaart, Einde verkenning")
    after = page.get_by_role("img", name="Netwerkkaart, Na het netwerkberaad")
    assert (before.count(), after.count()) == (1, 1)
    assert "Yusuf" not in before.locator("desc").text_content()
    assert "Yusuf" in after.locator("desc").text_content()
    page.screenshot(path="/tmp/compare.png", full_page=True)
    assert v.dialogs == []
    assert v.foreign_requests() == []
