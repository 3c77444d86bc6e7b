"""The netwerkberaad and plan pages as a coach uses them, and their bad input."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from sns.models import Action, Meeting

pytestmark = pytest.mark.db


def _meeting(client, db, riek):
    client.post(f"/bewoners/{riek.id}/beraad/")
    return db.scalar(select(Meeting).order_by(Meeting.id.desc()))


def test_prepare_warns_and_writes_invitations_from_the_resident(client, riek, db):
    meeting = _meeting(client, db, riek)
    url = f"/bewoners/{riek.id}/beraad/{meeting.id}"
    page = client.get(url).get_data(as_text=True)
    assert "Mijn vraag" in page  # the default agenda
    response = client.post(url, data={
        "version": meeting.version, "on_date": "2026-12-12", "at_time": "14:30",
        "place": "bij mij thuis", "agenda": "1. Welkom",
        "invitation": "Beste {naam}, kom je op {datum} om {tijd}, {plaats}? Groet, {bewoner}",
        "invitee": [str(riek.rows[n].id) for n in ("Ans", "Henk", "Toos")]},
        follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "Ans en Henk hebben een gespannen relatie" in page
    letters = client.get(f"{url}/uitnodigingen").get_data(as_text=True)
    assert "Beste Henk, kom je op zaterdag 12 december 2026 om 14:30, bij mij thuis? " \
           "Groet, Riek" in letters


@pytest.mark.parametrize(("data", "message"), [
    ({"on_date": "2026-13-45"}, "Deze datum klopt niet."),
    ({"on_date": "1850-01-01"}, "Deze datum klopt niet."),
    ({"invitee": ["abc"]}, "Kies mensen uit dit netwerk."),
])
def test_bad_preparation_changes_nothing(client, riek, db, data, message):
    meeting = _meeting(client, db, riek)
    response = client.post(f"/bewoners/{riek.id}/beraad/{meeting.id}",
                           data={"version": meeting.version, **data})
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    db.expire_all()
    assert db.get(Meeting, meeting.id).on_date is None


def test_future_meeting_cannot_be_recorded_as_held(client, riek, db):
    meeting = _meeting(client, db, riek)
    url = f"/bewoners/{riek.id}/beraad/{meeting.id}"
    soon = (date.today() + timedelta(days=7)).isoformat()
    client.post(url, data={"version": meeting.version, "on_date": soon,
                           "invitee": [str(riek.rows["Ans"].id)]})
    db.expire_all()
    meeting = db.get(Meeting, meeting.id)
    response = client.post(f"{url}/verslag", data={"version": meeting.version,
                                                   "attended": [str(riek.rows["Ans"].id)]})
    assert response.status_code == 400
    assert "de datum ligt in de toekomst" in response.get_data(as_text=True)
    db.expire_all()
    assert db.get(Meeting, meeting.id).held is False


def test_action_without_who_is_refused_and_overdue_stands_out(client, riek, db):
    url = f"/bewoners/{riek.id}/plan/acties"
    refused = client.post(url, data={"what": "Boodschappen"}, follow_redirects=True)
    assert "Vul in wie het doet" in refused.get_data(as_text=True)
    assert db.scalar(select(func.count()).select_from(Action)) == 0
    client.post(url, data={"what": "Boodschappen", "who": [str(riek.rows["Ans"].id)],
                           "due": "2025-01-10", "domain": "dagbesteding"})
    page = client.get(f"/bewoners/{riek.id}/plan/").get_data(as_text=True)
    assert 'class="overdue"' in page
    assert "te laat" in page
    assert "Dagbesteding" in page


def test_an_action_of_someone_who_left_the_map_can_still_be_marked_done(client, riek, db):
    toos, ans = riek.rows["Toos"], riek.rows["Ans"]
    client.post(f"/bewoners/{riek.id}/plan/acties", data={
        "what": "Samen naar de markt", "who": [str(toos.id), str(ans.id)]})
    action = db.scalar(select(Action))
    client.post(f"/bewoners/{riek.id}/leden/m{toos.id}/verwijderen",
                data={"version": toos.version})
    db.expire_all()
    assert toos.archived_at is not None
    url = f"/bewoners/{riek.id}/plan/acties/{action.id}"
    page = client.get(url).get_data(as_text=True)
    assert "Toos" in page
    assert "staat niet meer op de kaart" in page
    response = client.post(url, data={
        "version": action.version, "what": "Samen naar de markt", "status": "gedaan",
        "who": [str(toos.id), str(ans.id)]}, follow_redirects=True)
    assert "Opgeslagen." in response.get_data(as_text=True)
    db.expire_all()
    assert action.status == "gedaan"
    assert {p.member_id for p in action.performers} == {toos.id, ans.id}


def test_phase_moves_on_from_the_resident_page(client, riek, db):
    response = client.post(f"/bewoners/{riek.id}/fase", data={"phase": "netwerkberaad"},
                           follow_redirects=True)
    assert "De fase is nu: Netwerkberaad." in response.get_data(as_text=True)
    skip = client.post(f"/bewoners/{riek.id}/fase", data={"phase": "afgesloten"},
                       follow_redirects=True)
    assert "Deze stap kan nu niet." in skip.get_data(as_text=True)
