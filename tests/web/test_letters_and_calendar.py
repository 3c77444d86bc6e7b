"""The invitation letters (A4 portrait, greeting, the resident's own text, agenda, reply
line) and the calendar: .ics files parsed back with icalendar, the coach's feed and its
renewable token."""

from __future__ import annotations

import io
from datetime import date, datetime, time, timedelta

import icalendar
import pytest
from pypdf import PdfReader

from sns.beraad import meetings as beraad
from sns.models import Meeting, NetworkMember

pytestmark = pytest.mark.db


@pytest.fixture
def meeting(db, people):
    riek = people.riek
    riek.hulpvraag = "Sinds mijn man is overleden kom ik de deur niet meer uit."
    members = {name: NetworkMember(resident_id=riek.id, name=name, sector=sector, circle=2)
               for name, sector in (("Buurvrouw Els", "buren"), ("Huisarts", "professionals"),
                                    ("Jan van Dijk", "vrienden"))}
    db.add_all(members.values())
    db.flush()
    riek.members = members
    found = beraad.new_meeting(db, people.ans, riek, "1. Welkom\n2. Wie wil wat doen?")
    beraad.prepare(db, people.ans, riek, found, expected_version=found.version,
                   on_date=date(2026, 12, 12), at_time=time(14, 30), place="bij mij thuis",
                   agenda="1. Welkom\n2. Wie wil wat doen?", invitation=None,
                   invitee_ids=[m.id for m in members.values()],
                   invitee_text="Ik wil weer vaker buiten komen.", reply_phone="06 1234 5678",
                   salutations={members["Jan van Dijk"].id: "{plaats}"})
    db.commit()
    return found


def test_letters_page_greets_by_first_name_and_leaves_out_the_hulpvraag(client, auth, people,
                                                                         meeting):
    auth.login("ans")
    page = client.get(f"/bewoners/{people.riek.id}/beraad/{meeting.id}/uitnodigingen"
                      ).get_data(as_text=True)
    assert "Beste Els," in page
    assert "Beste Buurvrouw" not in page
    assert "Beste Huisarts" not in page
    # A salutation containing a placeholder is printed as typed: one pass, never twice.
    assert "Beste {plaats}," in page
    assert "Ik wil weer vaker buiten komen." in page
    assert "overleden" not in page
    assert "Laat je weten of je komt? Bel of app mij op 06 1234 5678." in page
    assert "Wie wil wat doen?" in page
    assert "Voor Huisarts staat er geen voornaam op de kaart." in page


def test_letters_print_as_a4_portrait_with_agenda_and_reply_line(client, auth, people, meeting):
    auth.login("ans")
    response = client.get(f"/bewoners/{people.riek.id}/afdrukken/uitnodigingen/"
                          f"{meeting.id}.pdf")
    reader = PdfReader(io.BytesIO(response.data))
    assert len(reader.pages) == 3
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == (595, 842)  # A4 portrait, in points
    texts = [" ".join(p.extract_text().split()) for p in reader.pages]
    assert "Beste Els," in texts[0]
    assert "Beste," in texts[1]  # Huisarts: no first name, no role label either
    assert "Huisarts" not in texts[1]
    assert "zaterdag 12 december 2026 om 14:30, bij mij thuis" in texts[0]
    for text in texts:
        assert "Wat we gaan bespreken" in text
        assert "2. Wie wil wat doen?" in text
        assert "Bel of app mij op 06 1234 5678." in text
        assert "overleden" not in text


def test_a_bad_phone_number_is_refused_and_what_was_typed_stays(client, auth, people,
                                                               meeting, db):
    auth.login("ans")
    url = f"/bewoners/{people.riek.id}/beraad/{meeting.id}"
    response = client.post(url, data={
        "_form": "voorbereiding", "version": meeting.version, "on_date": "2026-12-19",
        "place": "in het buurthuis", "reply_phone": "bel me!",
        "invitee": [str(m.id) for m in people.riek.members.values()],
        "invitee_text": "Nieuwe tekst"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)

    assert 'id="voorbereiding-reply_phone-error">Een telefoonnummer' in page
    assert 'value="in het buurthuis"' in page
    assert 'value="2026-12-19"' in page
    assert "Nieuwe tekst</textarea>" in page
    db.expire_all()
    assert db.get(Meeting, meeting.id).place == "bij mij thuis"


def test_a_refused_meeting_record_keeps_attendance_agreements_and_notes(client, auth, people,
                                                                       meeting, db):
    auth.login("ans")
    url = f"/bewoners/{people.riek.id}/beraad/{meeting.id}"
    els = people.riek.members["Buurvrouw Els"].id
    response = client.post(f"{url}/verslag", data={
        "_form": "verslag", "version": meeting.version, "attended": [str(els)],
        "agreements": "Els komt op dinsdag", "notes": "Goed gesprek"})
    assert response.status_code == 400  # 12 December is still to come
    page = response.get_data(as_text=True)
    assert "de datum ligt in de toekomst" in page
    assert "Els komt op dinsdag</textarea>" in page
    assert "Goed gesprek</textarea>" in page
    assert f'name="attended" value="{els}" checked' in page
    db.expire_all()
    assert db.get(Meeting, meeting.id).held is False


def _events(body: bytes) -> list:
    return list(icalendar.Calendar.from_ical(body).walk("VEVENT"))


def test_meeting_ics_parses_back_with_time_place_and_initials(client, auth, people, meeting):
    auth.login("ans")
    response = client.get(f"/bewoners/{people.riek.id}/beraad/{meeting.id}/agenda.ics")
    assert response.mimetype == "text/calendar"
    events = _events(response.data)
    summaries = [str(e["SUMMARY"]) for e in events]
    assert summaries == ["Netwerkberaad R.", "Nabellen na netwerkberaad R."]
    start = events[0].decoded("DTSTART")
    assert start == datetime(2026, 12, 12, 13, 30, tzinfo=start.tzinfo)  # 14:30 in Amsterdam
    assert start.utcoffset() == timedelta(0)
    assert "LOCATION" not in events[0]  # initials only: no address either
    assert events[1].decoded("DTSTART") == date(2027, 1, 9)  # four weeks on, all day
    assert "Riek" not in response.get_data(as_text=True)


def test_moving_the_meeting_moves_its_follow_up(client, auth, people, meeting, db):
    auth.login("ans")
    url = f"/bewoners/{people.riek.id}/beraad/{meeting.id}"
    ics = client.get(f"{url}/agenda.ics").data
    assert _events(ics)[1].decoded("DTSTART") == date(2027, 1, 9)
    client.post(url, data={"version": meeting.version, "on_date": "2026-12-19",
                           "at_time": "10:00",
                           "invitee": [str(m.id) for m in people.riek.members.values()]})
    events = _events(client.get(f"{url}/agenda.ics").data)
    assert events[1].decoded("DTSTART") == date(2027, 1, 16)


def test_review_ics_and_no_review_date_yet(client, auth, people, db):
    auth.login("ans")
    url = f"/bewoners/{people.riek.id}/plan/evaluatie.ics"
    assert client.get(url).status_code == 302  # no review date yet: back to the plan
    people.riek.next_review = date(2027, 6, 1)
    db.commit()
    events = _events(client.get(url).data)
    assert [(str(e["SUMMARY"]), e.decoded("DTSTART")) for e in events] == [
        ("Evaluatie van het plan R.", date(2027, 6, 1))]


def _feed_url(page: str) -> str:
    start = page.index('readonly value="') + len('readonly value="')
    return page[start:page.index('"', start)].removeprefix("http://localhost")


def test_feed_with_a_renewed_token_and_names_as_chosen(client, auth, people, meeting, db):
    auth.login("ans")
    assert "Agenda-adres maken" in client.get("/agenda").get_data(as_text=True)
    first = _feed_url(client.post("/agenda/nieuw-adres").get_data(as_text=True))
    auth.logout()
    body = client.get(first)  # a calendar app has no login
    assert body.status_code == 200
    assert [str(e["SUMMARY"]) for e in _events(body.data)] == [
        "Netwerkberaad R.", "Nabellen na netwerkberaad R."]
    auth.login("ans")
    client.post("/agenda/namen", data={"names": "voornaam"})
    second = _feed_url(client.post("/agenda/nieuw-adres").get_data(as_text=True))
    assert second != first
    auth.logout()
    assert client.get(first).status_code == 404
    named = _events(client.get(second).data)
    assert str(named[0]["SUMMARY"]) == "Netwerkberaad Riek"
    assert str(named[0]["LOCATION"]) == "bij mij thuis"
    assert client.get("/agenda/nonsense.ics").status_code == 404
    auth.login("ans")
    client.post("/agenda/stoppen")
    assert client.get(second).status_code == 404


def test_feed_holds_only_the_coachs_own_residents(client, auth, people, meeting, db):
    auth.login("bob")
    url = _feed_url(client.post("/agenda/nieuw-adres").get_data(as_text=True))
    assert _events(client.get(url).data) == []
