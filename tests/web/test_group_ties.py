"""Wie kent wie? beside the map: the ticked people all know each other or not, and one person
knows everyone of a sector, as plain form posts (they work without JavaScript)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from sns.models import NetworkMember, Tie

pytestmark = pytest.mark.db


@pytest.fixture
def family(db, people, auth, make_member):
    """Ans logged in; Riek's map holds a family of six and two neighbours."""
    auth.login("ans")
    six = [make_member(people.riek, name, sector="familie")
           for name in ("Anna", "Bram", "Cor", "Dirk", "Els", "Fien")]
    two = [make_member(people.riek, name, sector="buren") for name in ("Gert", "Hans")]
    db.commit()
    return people.riek, six, two


def _ties(db) -> int:
    db.expire_all()
    return db.scalar(select(func.count()).select_from(Tie))


def _group(client, resident, members, doen="allemaal", **kwargs):
    return client.post(f"/bewoners/{resident.id}/banden/groep",
                       data={"member": [f"m{m.id}" for m in members], "doen": doen}, **kwargs)


def _panel(page: str) -> str:
    return page[page.index('id="wiekentwie"'):page.index('id="tabel"')]


def test_the_panel_beside_the_map_lists_everyone_with_a_checkbox(client, family):
    riek, six, two = family
    page = client.get(f"/bewoners/{riek.id}/verkenning").get_data(as_text=True)
    panel = _panel(page)
    for m in six + two:
        assert f'<input type="checkbox" name="member" value="m{m.id}"> {m.name}' in panel
    assert "Deze mensen kennen elkaar allemaal" in panel
    assert "Deze mensen kennen elkaar niet" in panel
    assert panel.count("data-inplace") == 2  # the group form and "Wie kent een hele groep?"
    # beside the map; in the page's order after the move form, which the map's keyboard
    # path reaches with one Tab
    assert page.index('id="map"') < page.index('id="verplaats"') < page.index('id="wiekentwie"')


def test_all_know_each_other_then_not(client, family, db):
    riek, six, two = family
    response = _group(client, riek, six, follow_redirects=True)
    assert _ties(db) == 15
    assert "15 nieuwe lijnen getekend." in _panel(response.get_data(as_text=True))
    assert response.request.path == f"/bewoners/{riek.id}/verkenning"

    response = _group(client, riek, six[:3] + two[:1], follow_redirects=True)
    assert _ties(db) == 18
    assert "3 nieuwe lijnen getekend. 3 lijnen waren er al." in response.get_data(as_text=True)

    response = _group(client, riek, six[:4], doen="niet", follow_redirects=True)
    assert _ties(db) == 12
    assert "6 lijnen weggehaald." in _panel(response.get_data(as_text=True))
    response = _group(client, riek, six[:4], doen="niet", follow_redirects=True)
    assert "Tussen deze mensen stond geen lijn." in response.get_data(as_text=True)


def test_without_the_button_nothing_is_guessed(client, family, db):
    riek, six, _two = family
    assert _group(client, riek, six, doen="").status_code == 400
    assert _group(client, riek, six, doen="alles").status_code == 400
    assert _ties(db) == 0


def test_sixty_people_get_the_limit_and_nothing_is_stored(client, family, db, make_member):
    riek, six, two = family
    many = six + two + [make_member(riek, f"Persoon {i}") for i in range(52)]
    db.commit()
    response = _group(client, riek, many, follow_redirects=True)
    assert "Kies hoogstens 40 mensen tegelijk" in _panel(response.get_data(as_text=True))
    assert _ties(db) == 0


def test_fewer_than_two_or_the_same_person_twice_is_refused(client, family, db):
    riek, six, _two = family
    for members in ([], six[:1], [six[0], six[0]]):
        response = _group(client, riek, members, follow_redirects=True)
        assert "Kies " in _panel(response.get_data(as_text=True))
    assert _ties(db) == 0


def test_another_residents_member_is_refused_and_nothing_stored(client, family, db, people):
    riek, six, _two = family
    stranger = NetworkMember(resident_id=people.piet.id, name="Vreemde", sector="familie")
    db.add(stranger)
    db.commit()
    response = _group(client, riek, [*six, stranger], follow_redirects=True)
    assert "Kies mensen uit dit netwerk." in response.get_data(as_text=True)
    response = client.post(f"/bewoners/{riek.id}/banden/sector", follow_redirects=True,
                           data={"member": f"m{stranger.id}", "sector": "familie"})
    assert "Kies mensen uit dit netwerk." in response.get_data(as_text=True)
    assert _ties(db) == 0


def test_without_the_csrf_token_nothing_is_stored(client, family, db):
    riek, six, _two = family
    assert _group(client, riek, six, csrf=False).status_code == 400
    assert client.post(f"/bewoners/{riek.id}/banden/sector", csrf=False,
                       data={"member": f"m{six[0].id}", "sector": "buren"}).status_code == 400
    assert _ties(db) == 0


def test_a_stranger_gets_404_and_nothing_is_stored(client, family, db, auth):
    riek, six, _two = family
    auth.login("bob")  # coaches Piet, not Riek
    assert _group(client, riek, six).status_code == 404
    assert client.post(f"/bewoners/{riek.id}/banden/sector",
                       data={"member": f"m{six[0].id}", "sector": "buren"}).status_code == 404
    assert _ties(db) == 0


def test_one_person_knows_everyone_of_a_sector(client, family, db):
    riek, six, two = family
    page = client.get(f"/bewoners/{riek.id}/verkenning").get_data(as_text=True)
    form = _panel(page)[_panel(page).index('id="sector-banden"'):]
    assert '<option value="familie">Familie</option>' in form
    assert '<option value="">' not in form  # "Onbekend" is not a group to know
    response = client.post(f"/bewoners/{riek.id}/banden/sector", follow_redirects=True,
                           data={"member": f"m{two[0].id}", "sector": "familie"})
    assert "Er zijn 6 nieuwe lijnen naar Familie getekend." in _panel(
        response.get_data(as_text=True))
    assert _ties(db) == 6
    response = client.post(f"/bewoners/{riek.id}/banden/sector", follow_redirects=True,
                           data={"member": f"m{two[0].id}", "sector": "familie"})
    assert "Er was al een lijn naar iedereen uit Familie." in response.get_data(as_text=True)
    assert _ties(db) == 6


def test_this_person_stays_chosen_after_a_pair_is_added(client, family, db):
    riek, six, _two = family
    bram, cor, dirk = six[1], six[2], six[3]
    client.post(f"/bewoners/{riek.id}/banden", data={"a": dirk.id, "b": bram.id})
    page = client.get(f"/bewoners/{riek.id}/verkenning").get_data(as_text=True)
    a = page[page.index('id="tie-a"'):page.index('id="tie-b"')]
    b = page[page.index('id="tie-b"'):page.index('id="tie-quality"')]
    assert f'<option value="{dirk.id}" selected>Dirk</option>' in a
    assert a.count("selected") == 1
    assert "selected>Anna</option>" in b  # "kent" starts at someone else: the first name
    client.post(f"/bewoners/{riek.id}/banden", data={"a": dirk.id, "b": cor.id})
    assert _ties(db) == 2
    client.post(f"/bewoners/{riek.id}/banden", data={"a": six[0].id, "b": dirk.id})
    page = client.get(f"/bewoners/{riek.id}/verkenning").get_data(as_text=True)
    b = page[page.index('id="tie-b"'):page.index('id="tie-quality"')]
    assert "selected>Bram</option>" in b  # Anna is "Deze persoon" now


def test_names_in_the_panel_are_escaped(client, family, db, make_member):
    riek, _six, _two = family
    make_member(riek, "<b>Zus</b>")
    db.commit()
    page = client.get(f"/bewoners/{riek.id}/verkenning").get_data(as_text=True)
    assert "<b>Zus</b>" not in page
    assert "&lt;b&gt;Zus&lt;/b&gt;" in _panel(page)
