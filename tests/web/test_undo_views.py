"""The undo and redo buttons of the map page: what they say, what they do, their refusals."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from sns.models import NetworkMember, Tie
from sns.network import changes, members
from sns.network.members import MemberFields
from tests.pages import visible

pytestmark = pytest.mark.db


@pytest.fixture
def riek(client, auth, people):
    auth.login("ans")
    return people.riek


def _page(client, resident) -> str:
    return client.get(f"/bewoners/{resident.id}/verkenning").get_data(as_text=True)


def _form(page: str, form_id: str) -> str:
    return re.search(rf'<form id="{form_id}".*?</form>', page, re.S).group(0)


def _change(page: str, form_id: str) -> str:
    return re.search(r'name="change" value="(\d+)"', _form(page, form_id)).group(1)


def _names(db, resident) -> list[str]:
    db.expire_all()
    return list(db.scalars(select(NetworkMember.name).where(
        NetworkMember.resident_id == resident.id, NetworkMember.archived_at.is_(None))
        .order_by(NetworkMember.id)))


def test_a_removed_person_comes_back_with_the_button_beside_the_list(client, riek, db):
    client.post(f"/bewoners/{riek.id}/leden", data={"name": "Ans", "circle": "1"})
    client.post(f"/bewoners/{riek.id}/leden", data={"name": "Kees", "circle": "2"})
    ans, kees = db.scalars(select(NetworkMember).order_by(NetworkMember.id)).all()
    client.post(f"/bewoners/{riek.id}/banden", data={"a": ans.id, "b": kees.id})
    response = client.post(f"/bewoners/{riek.id}/leden/m{ans.id}/verwijderen",
                           data={"version": ans.version}, follow_redirects=True)
    page = response.get_data(as_text=True)
    table = page[page.index('id="tabel"'):page.index('id="banden"')]
    assert "Ans staat niet meer op de kaart." in table
    assert "Ongedaan maken: Ans van de kaart gehaald" in table  # right there
    assert "data-inplace" in _form(page, "ongedaan")
    assert "Ongedaan maken: Ans van de kaart gehaald" in _form(page, "ongedaan")
    assert "disabled" in _form(page, "opnieuw")

    response = client.post(f"/bewoners/{riek.id}/ongedaan-maken",
                           data={"change": _change(page, "ongedaan")})
    assert response.status_code == 302
    assert response.headers["Location"].endswith("#ongedaan-maken")
    assert _names(db, riek) == ["Ans", "Kees"]
    assert db.get(NetworkMember, ans.id).name == "Ans"  # the same id
    assert db.scalar(select(Tie.id).where(Tie.a_id == ans.id)) is not None
    page = _page(client, riek)
    assert "Ongedaan gemaakt: Ans van de kaart gehaald." in page
    assert "Opnieuw: Ans van de kaart gehaald" in _form(page, "opnieuw")
    assert "Ongedaan maken: lijn Ans – Kees getekend" in _form(page, "ongedaan")

    client.post(f"/bewoners/{riek.id}/opnieuw", data={"change": _change(page, "opnieuw")})
    assert _names(db, riek) == ["Kees"]
    assert "Opnieuw gedaan: Ans van de kaart gehaald." in _page(client, riek)


def test_undo_after_a_colleague_changed_the_same_person_is_a_409_with_the_map(client, riek,
                                                                            people, db):
    client.post(f"/bewoners/{riek.id}/leden", data={"name": "Ans", "circle": "1"})
    (ans,) = db.scalars(select(NetworkMember)).all()
    client.post(f"/bewoners/{riek.id}/leden/m{ans.id}",
                data={"name": "Ans", "circle": "2", "version": ans.version})
    page = _page(client, riek)
    db.expire_all()
    ans = db.get(NetworkMember, ans.id)
    members.update_member(db, people.bob, riek, ans, MemberFields("Ans B", circle=3),
                          expected_version=ans.version)
    db.commit()
    response = client.post(f"/bewoners/{riek.id}/ongedaan-maken",
                           data={"change": _change(page, "ongedaan")})
    assert response.status_code == 409
    text = visible(response.get_data(as_text=True))
    assert "iemand anders heeft Ans intussen gewijzigd" in text  # as the coach knew her
    assert "Ans B" in text  # the map and list as they are now
    db.expire_all()
    assert (db.get(NetworkMember, ans.id).name, db.get(NetworkMember, ans.id).circle) == (
        "Ans B", 3)


def test_a_second_undo_of_the_same_change_is_refused(client, riek, db):
    client.post(f"/bewoners/{riek.id}/leden", data={"name": "Ans"})
    client.post(f"/bewoners/{riek.id}/leden", data={"name": "Kees"})
    change = _change(_page(client, riek), "ongedaan")
    assert client.post(f"/bewoners/{riek.id}/ongedaan-maken",
                       data={"change": change}).status_code == 302
    second = client.post(f"/bewoners/{riek.id}/ongedaan-maken", data={"change": change})
    assert second.status_code == 409
    assert "Dit was al ongedaan gemaakt." in second.get_data(as_text=True)
    assert _names(db, riek) == ["Ans"]  # Kees is gone once, Ans stays


def test_nothing_to_undo_says_so(client, riek):
    page = _page(client, riek)
    assert "disabled" in _form(page, "ongedaan")
    response = client.post(f"/bewoners/{riek.id}/ongedaan-maken", data={})
    assert response.status_code == 400
    assert "Er is niets om ongedaan te maken." in response.get_data(as_text=True)
    response = client.post(f"/bewoners/{riek.id}/opnieuw", data={})
    assert "Er is niets om opnieuw te doen." in response.get_data(as_text=True)


def test_undo_needs_csrf_and_a_resident_of_ones_own(client, riek, people, db):
    client.post(f"/bewoners/{riek.id}/leden", data={"name": "Ans"})
    change = _change(_page(client, riek), "ongedaan")
    assert client.post(f"/bewoners/{riek.id}/ongedaan-maken", csrf=False,
                       data={"change": change}).status_code == 400
    assert _names(db, riek) == ["Ans"]
    members.add_member(db, people.bob, people.piet, MemberFields("Vreemde"))
    db.commit()
    bobs = changes.to_undo(db, people.bob, people.piet).id
    for step in ("ongedaan-maken", "opnieuw"):
        assert client.post(f"/bewoners/{people.piet.id}/{step}",
                           data={"change": bobs}).status_code == 404
    # Bob's change named on Riek's page is not Ans's to undo.
    response = client.post(f"/bewoners/{riek.id}/ongedaan-maken", data={"change": bobs})
    assert response.status_code == 400
    assert _names(db, people.piet) == ["Vreemde"]
