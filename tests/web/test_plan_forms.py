"""The plan pages: offers put in the plan, ongoing actions, and refused forms that keep what
was typed with the message next to the field."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from sns.beraad import meetings as beraad
from sns.models import Action, Offer
from sns.residents.life_domains import BIG_5

pytestmark = pytest.mark.db


@pytest.fixture
def offers(db, people, riek):
    meeting = beraad.new_meeting(db, people.ans, riek, "agenda")
    ids = [riek.rows[n].id for n in ("Ans", "Toos")]
    beraad.prepare(db, people.ans, riek, meeting, expected_version=meeting.version,
                   on_date=date.today() - timedelta(days=3), at_time=None, place=None,
                   agenda=None, invitation=None, invitee_ids=ids)
    beraad.record(db, people.ans, riek, meeting, expected_version=meeting.version,
                  attended_ids=ids, agreements=None, notes=None)
    made = [beraad.add_offer(db, people.ans, riek, meeting, riek.rows["Toos"].id,
                             "Elke zondag bellen", "steun", BIG_5),
            beraad.add_offer(db, people.ans, riek, meeting, riek.rows["Ans"].id,
                             "Mee naar de huisarts", "gezondheid", BIG_5)]
    db.commit()
    return made


def test_offers_are_listed_and_put_in_the_plan_once(client, riek, db, offers):
    url = f"/bewoners/{riek.id}/plan/"
    page = client.get(url).get_data(as_text=True)
    assert "Aanbod uit het netwerkberaad" in page
    assert page.count("Zet in het plan") >= 3  # two offers and the new-action form
    assert 'value="Elke zondag bellen"' in page  # what, filled in and editable
    toos = riek.rows["Toos"].id
    take = f"/bewoners/{riek.id}/plan/aanbod/{offers[0].id}"
    data = {"_form": f"aanbod-{offers[0].id}", "what": "Elke zondag bellen",
            "who": [str(toos)], "domain": "steun", "kind": "doorlopend",
            "how_often": "elke zondag"}
    response = client.post(take, data=data, follow_redirects=True)
    assert "Het aanbod staat nu in het plan." in response.get_data(as_text=True)
    again = client.post(take, data=data)
    assert again.status_code == 400
    assert "Dit aanbod staat al in het plan." in again.get_data(as_text=True)
    assert db.scalar(select(func.count()).select_from(Action)) == 1
    action = db.scalar(select(Action))
    assert (action.how_often, action.domain, [p.member_id for p in action.performers]) == (
        "elke zondag", "steun", [toos])
    page = client.get(url).get_data(as_text=True)
    assert "Mee naar de huisarts" in page
    assert f"/plan/aanbod/{offers[0].id}" not in page  # taken up: no button any more


def test_a_refused_new_action_keeps_what_was_typed(client, riek, db):
    response = client.post(f"/bewoners/{riek.id}/plan/acties", data={
        "_form": "nieuw", "what": "Samen koken", "professional": "", "kind": "doorlopend",
        "how_often": "", "domain": "gezondheid", "who": [str(riek.rows["Toos"].id)]})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert 'id="nieuw-what" name="what" type="text" maxlength="1000" value="Samen koken"' in page
    assert ('<small class="error" role="alert" id="nieuw-how_often-error">Vul in hoe vaak het '
            'gebeurt') in page
    assert f'value="{riek.rows["Toos"].id}" checked' in page
    assert '<option value="gezondheid" selected>' in page
    assert 'value="doorlopend" checked' in page
    assert db.scalar(select(func.count()).select_from(Action)) == 0


def test_a_refused_offer_keeps_its_own_form_open_and_others_as_they_were(client, riek, db,
                                                                         offers):
    first, second = offers
    response = client.post(f"/bewoners/{riek.id}/plan/aanbod/{first.id}", data={
        "_form": f"aanbod-{first.id}", "what": "Bellen op zondag", "who": [],
        "kind": "eenmalig"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert f'id="aanbod-{first.id}-what" name="what" type="text" maxlength="1000" ' \
           f'value="Bellen op zondag"' in page
    assert "Vul in wie het doet" in page
    assert f'id="aanbod-{second.id}-what" name="what" type="text" maxlength="1000" ' \
           f'value="Mee naar de huisarts"' in page
    db.expire_all()
    assert db.get(Offer, first.id).taken_up_on is None


def test_a_refused_action_edit_keeps_what_was_typed(client, riek, db):
    client.post(f"/bewoners/{riek.id}/plan/acties", data={
        "what": "Formulier invullen", "who": [str(riek.rows["Ans"].id)]})
    action = db.scalar(select(Action))
    response = client.post(f"/bewoners/{riek.id}/plan/acties/{action.id}", data={
        "version": action.version, "what": "Formulier samen invullen", "who": [],
        "status": "bezig", "due": "2027-01-15", "kind": "eenmalig"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert 'value="Formulier samen invullen"' in page
    assert 'value="2027-01-15"' in page
    assert '<option value="bezig" selected>' in page
    assert 'id="who-error">Vul in wie het doet' in page
    db.expire_all()
    assert db.get(Action, action.id).what == "Formulier invullen"


def test_a_review_asks_about_ongoing_actions_and_keeps_values_when_refused(client, riek, db):
    client.post(f"/bewoners/{riek.id}/plan/acties", data={
        "what": "Elke zondag bellen", "who": [str(riek.rows["Toos"].id)],
        "kind": "doorlopend", "how_often": "elke zondag"})
    action = db.scalar(select(Action))
    url = f"/bewoners/{riek.id}/plan/"
    page = client.get(url).get_data(as_text=True)
    assert "Elke zondag bellen (elke zondag): gebeurt dit nog?" in page
    refused = client.post(f"{url}evaluaties", data={
        "_form": "evaluatie", "held_on": "2090-01-01", f"still_{action.id}": "nee",
        "notes": "Het bellen is gestopt"})
    assert refused.status_code == 400
    page = refused.get_data(as_text=True)
    assert "Het bellen is gestopt</textarea>" in page
    assert f'name="still_{action.id}" value="nee" checked' in page
    client.post(f"{url}evaluaties", data={
        "held_on": date.today().isoformat(), f"still_{action.id}": "nee"})
    db.expire_all()
    assert db.get(Action, action.id).status == "gestopt"


def test_a_refused_field_not_on_the_form_still_shows_its_message(client, riek, db):
    response = client.post(f"/bewoners/{riek.id}/plan/acties", data={
        "_form": "nieuw", "what": "Koken", "who": [str(riek.rows["Toos"].id)],
        "status": "half"})
    assert response.status_code == 400
    assert "Onbekende stand van zaken." in response.get_data(as_text=True)
    assert db.scalar(select(func.count()).select_from(Action)) == 0
