"""The resident page: showing and editing the resident's own words, duo edits."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.db


def test_resident_page_shows_help_question_and_coaches(client, auth, people):
    auth.login("ans")
    client.post(f"/bewoners/{people.riek.id}/bewerken", data={
        "version": people.riek.version, "name": "Riek", "hulpvraag": "Weer naar de markt.",
    })
    page = client.get(f"/bewoners/{people.riek.id}/").get_data(as_text=True)
    assert "Weer naar de markt." in page
    assert "Ans" in page


def test_stale_edit_is_refused_with_the_current_state(client, auth, people, db):
    auth.login("ans")
    url = f"/bewoners/{people.riek.id}/bewerken"
    old = people.riek.version
    first = client.post(url, data={"version": old, "name": "Riek", "hulpvraag": "Eerste"})
    assert first.status_code == 302
    second = client.post(url, data={"version": old, "name": "Riek", "hulpvraag": "Tweede"})
    assert second.status_code == 409
    page = second.get_data(as_text=True)
    assert "Iemand anders heeft dit intussen gewijzigd" in page
    assert "Eerste" in page
    db.expire_all()
    assert db.get(type(people.riek), people.riek.id).hulpvraag == "Eerste"


def test_edit_without_a_name_changes_nothing(client, auth, people, db):
    auth.login("ans")
    response = client.post(f"/bewoners/{people.riek.id}/bewerken", data={
        "version": people.riek.version, "name": "", "hulpvraag": "Nieuw"})
    assert response.status_code == 200
    db.expire_all()
    assert db.get(type(people.riek), people.riek.id).hulpvraag is None


def test_contact_details_are_saved_and_shown_as_text(client, auth, people, db):
    auth.login("ans")
    client.post(f"/bewoners/{people.riek.id}/bewerken", data={
        "version": people.riek.version, "name": "Riek",
        "contact": "tel. 06 1234 5678\n<b>bel na tienen</b>",
    })
    db.expire_all()
    assert db.get(type(people.riek), people.riek.id).contact == (
        "tel. 06 1234 5678\n<b>bel na tienen</b>")
    page = client.get(f"/bewoners/{people.riek.id}/").get_data(as_text=True)
    assert "tel. 06 1234 5678" in page
    assert "&lt;b&gt;bel na tienen&lt;/b&gt;" in page
    assert "<b>bel na tienen</b>" not in page
