"""The strength panel on the resident's page, and saving and comparing snapshots."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from sns.models import NetworkMember, NetworkSnapshot
from tests.pages import visible

pytestmark = pytest.mark.db


def _snapshots(db):
    db.expire_all()
    return list(db.scalars(select(NetworkSnapshot).order_by(NetworkSnapshot.id)))


def test_resident_page_shows_findings_and_support_coverage(client, riek):
    page = client.get(f"/bewoners/{riek.id}/").get_data(as_text=True)
    assert "Hoe sterk is uw netwerk?" in page
    assert "15 mensen" in page  # the demo network has 15 members
    # Hulp in nood: Ans, Fatma and Huisarts Bakker (see sns/demo/seed.py).
    assert "Ans, Fatma, Huisarts Bakker" in page


def test_empty_network_gets_an_invitation_not_a_label(client, auth, people):
    auth.login("bob")
    page = visible(client.get(f"/bewoners/{people.piet.id}/").get_data(as_text=True))
    assert "Er staan nog geen mensen op uw kaart" in page
    for label in ("zwak", "kwetsbaar"):
        assert label not in page.lower()


def test_snapshot_then_two_more_members_then_compare(client, riek, db):
    client.post(f"/bewoners/{riek.id}/momenten", data={"label": "Einde verkenning"})
    for name in ("Yusuf", "Bep"):
        client.post(f"/bewoners/{riek.id}/leden",
                    data={"name": name, "sector": "buren", "circle": "2"})
    kees = db.scalar(select(NetworkMember).where(NetworkMember.name == "Kees"))
    client.post(f"/bewoners/{riek.id}/leden/m{kees.id}",
                data={"version": kees.version, "name": "Kees", "sector": "familie",
                      "circle": "1", "support": ["advies", "nood"]})
    client.post(f"/bewoners/{riek.id}/momenten", data={"label": "Na het netwerkberaad"})
    first, second = _snapshots(db)

    response = client.get(f"/bewoners/{riek.id}/momenten/vergelijk?a={first.id}&b={second.id}")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Eerst 15 mensen, nu 17." in page
    assert "Bep, Yusuf" in page
    assert "Kees (2 → 1)" in page
    assert page.count("<svg") >= 2  # two maps side by side
    assert "Einde verkenning" in page
    assert "Na het netwerkberaad" in page


def test_comparing_a_snapshot_with_itself_is_refused(client, riek, db):
    client.post(f"/bewoners/{riek.id}/momenten", data={"label": "Eén"})
    (only,) = _snapshots(db)
    response = client.get(f"/bewoners/{riek.id}/momenten/vergelijk?a={only.id}&b={only.id}",
                          follow_redirects=True)
    assert "Kies twee verschillende momenten." in response.get_data(as_text=True)


def test_snapshot_of_another_resident_is_not_found(client, riek, people, db):
    client.post(f"/bewoners/{riek.id}/momenten", data={"label": "Eén"})
    client.post(f"/bewoners/{riek.id}/momenten", data={"label": "Twee"})
    a, b = _snapshots(db)
    # Piet's coach cannot compare Riek's snapshots through Piet's page.
    client.post("/logout")
    client.post("/login", data={"username": "bob", "password": "correct horse battery"})
    url = f"/bewoners/{people.piet.id}/momenten/vergelijk?a={a.id}&b={b.id}"
    assert client.get(url).status_code == 404


def test_snapshot_needs_a_name(client, riek, db):
    response = client.post(f"/bewoners/{riek.id}/momenten", data={"label": "  "},
                           follow_redirects=True)
    assert "Geef het moment een naam" in response.get_data(as_text=True)
    assert db.scalar(select(func.count()).select_from(NetworkSnapshot)) == 0
