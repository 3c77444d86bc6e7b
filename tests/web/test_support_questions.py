"""Support by question: the panel beside the map and its endpoint (/hulp)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from sns.models import AuditEvent, NetworkMember

pytestmark = pytest.mark.db


@pytest.fixture
def riek(client, auth, people):
    auth.login("ans")
    return people.riek


@pytest.fixture
def three(db, riek):
    people = [NetworkMember(resident_id=riek.id, name=name, circle=2, sector="familie")
              for name in ("Ans", "Bert", "Cor")]
    db.add_all(people)
    db.commit()
    return people


def _answer(client, resident, vraag, listed, ticked, **extra):
    db_version = extra.pop("version", resident.network_version)
    return client.post(f"/bewoners/{resident.id}/hulp", data={
        "vraag": vraag, "version": db_version,
        "listed": [f"m{m.id}" for m in listed], "member": [f"m{m.id}" for m in ticked],
        **extra})


def _kinds(db, members, direction):
    db.expire_all()
    return [getattr(db.get(NetworkMember, m.id), direction) for m in members]


def test_one_question_sets_and_unsets_support_for_many_people(client, riek, three, db):
    ans, bert, cor = three
    response = _answer(client, riek, "praktisch", three, [ans, cor])
    assert response.status_code == 302
    assert response.headers["Location"].endswith("?vraag=praktisch#vragen")
    assert _kinds(db, three, "support") == [["praktisch"], [], ["praktisch"]]
    assert _kinds(db, three, "gives") == [[], [], []]
    db.refresh(riek)
    _answer(client, riek, "praktisch", [ans], [])  # one person, taken away
    assert _kinds(db, three, "support") == [[], [], ["praktisch"]]
    db.refresh(riek)
    _answer(client, riek, "nood", [cor], [cor])  # a second kind keeps the first
    assert _kinds(db, three, "support") == [[], [], ["praktisch", "nood"]]


def test_the_other_direction_is_stored_in_gives(client, riek, three, db):
    ans, bert, _cor = three
    _answer(client, riek, "zelf-gezelschap", [ans, bert], [bert])
    assert _kinds(db, three, "gives") == [[], ["gezelschap"], []]
    assert _kinds(db, three, "support") == [[], [], []]
    db.refresh(riek)
    _answer(client, riek, "zelf-gezelschap", [bert], [])
    assert _kinds(db, three, "gives") == [[], [], []]


def test_an_answer_is_one_audited_change(client, riek, three, db):
    before = riek.network_version
    _answer(client, riek, "advies", three, three)
    db.refresh(riek)
    assert riek.network_version == before + 1
    events = db.scalars(select(AuditEvent).where(AuditEvent.action == "member.support")).all()
    assert len(events) == 1
    assert events[0].detail.startswith("advies: +m")


def test_the_panel_shows_the_question_with_a_checkbox_per_person(client, riek, three, db):
    ans = three[0]
    _answer(client, riek, "emotioneel", [ans], [ans])
    page = client.get(f"/bewoners/{riek.id}/verkenning?vraag=emotioneel").get_data(as_text=True)
    assert "Met wie praat u als u ergens mee zit?" in page
    assert f'id="antwoord-m{ans.id}" checked' in page
    assert f'id="antwoord-m{three[1].id}" >' in page
    assert "Volgende vraag" in page
    assert "vraag=advies" in page
    closed = client.get(f"/bewoners/{riek.id}/verkenning").get_data(as_text=True)
    assert "Voor wie doet u zelf boodschappen of klusjes?" in closed  # in the list of questions


@pytest.mark.parametrize("who", ["removed", "stranger", "nonsense"])
def test_someone_not_on_this_map_refuses_the_whole_answer(client, riek, three, people, db,
                                                            who):
    ans = three[0]
    if who == "removed":
        other = NetworkMember(resident_id=riek.id, name="Weg")
        db.add(other)
        db.commit()
        client.post(f"/bewoners/{riek.id}/leden/m{other.id}/verwijderen",
                    data={"version": other.version})
        db.refresh(riek)
        ref = f"m{other.id}"
    elif who == "stranger":
        other = NetworkMember(resident_id=people.piet.id, name="Vreemde")
        db.add(other)
        db.commit()
        ref = f"m{other.id}"
    else:
        ref = "iemand"
    response = client.post(f"/bewoners/{riek.id}/hulp", follow_redirects=True, data={
        "vraag": "praktisch", "version": riek.network_version,
        "listed": [f"m{ans.id}", ref], "member": [f"m{ans.id}", ref]})
    assert "staat niet (meer) op deze kaart" in response.get_data(as_text=True)
    assert _kinds(db, three, "support") == [[], [], []]
    if who == "stranger":
        assert _kinds(db, [other], "support") == [[]]


@pytest.mark.parametrize("vraag", ["geld", "zelf-geld", ""])
def test_an_unknown_kind_is_refused(client, riek, three, db, vraag):
    response = client.post(f"/bewoners/{riek.id}/hulp", follow_redirects=True, data={
        "vraag": vraag, "version": riek.network_version,
        "listed": [f"m{three[0].id}"], "member": [f"m{three[0].id}"]})
    assert "Onbekende soort hulp." in response.get_data(as_text=True)
    assert _kinds(db, three, "support") == [[], [], []]


def test_a_stale_page_is_refused(client, riek, three, db):
    response = _answer(client, riek, "praktisch", three, three,
                       version=riek.network_version - 1)
    assert response.status_code == 302
    assert _kinds(db, three, "support") == [[], [], []]


def test_a_stranger_gets_404_and_a_post_without_csrf_is_refused(client, auth, people, three,
                                                                db):
    riek = people.riek
    auth.login("ans")
    response = client.post(f"/bewoners/{riek.id}/hulp", csrf=False, data={
        "vraag": "praktisch", "version": riek.network_version,
        "listed": [f"m{three[0].id}"], "member": [f"m{three[0].id}"]})
    assert response.status_code == 400
    auth.logout()
    auth.login("other")
    response = _answer(client, riek, "praktisch", three, three)
    assert response.status_code == 404
    assert _kinds(db, three, "support") == [[], [], []]
