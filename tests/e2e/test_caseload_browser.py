"""A coach logs in, creates a resident and finds them on the caseload."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.e2e


def test_coach_creates_a_resident_and_sees_it_on_the_caseload(visit, people):
    v = visit()
    v.login("ans")
    page = v.page
    page.get_by_role("link", name="Mijn bewoners").click()
    page.get_by_role("link", name="Nieuwe bewoner").click()
    page.get_by_label("Naam of schuilnaam").fill("Mevrouw Ëlif")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Mevrouw Ëlif staat nu bij Mijn bewoners.").wait_for()
    page.get_by_role("link", name="Mijn bewoners").click()
    rows = page.locator("table.list tbody tr")
    assert rows.first.inner_text().startswith("Mevrouw Ëlif")
    assert "Riek" in rows.nth(1).inner_text()
    assert v.foreign_requests() == []
    assert v.dialogs == []


def test_wrong_password_shows_one_plain_message(visit, people):
    v = visit()
    page = v.page
    page.goto("/login")
    page.get_by_label("Gebruikersnaam").fill("ans")
    page.get_by_label("Wachtwoord").fill("niet goed")
    page.get_by_role("button", name="Inloggen").click()
    assert page.get_by_role("alert").inner_text() == "Gebruikersnaam of wachtwoord klopt niet."
