"""A coach logs in, sees the follow-up call due on "Deze week", opens it, marks it done, puts
two offers of the netwerkberaad in the plan and prints the plan."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from sns.beraad import meetings as beraad
from sns.models import Action, Meeting, NetworkMember
from sns.residents.life_domains import BIG_5

pytestmark = pytest.mark.e2e


@pytest.fixture
def held_meeting(db, people):
    riek = people.riek
    riek.phase = "actieteam"
    toos = NetworkMember(resident_id=riek.id, name="Vriendin Toos", sector="vrienden", circle=1)
    els = NetworkMember(resident_id=riek.id, name="Buurvrouw Els", sector="buren", circle=2)
    db.add_all([toos, els])
    db.flush()
    meeting = beraad.new_meeting(db, people.ans, riek, "agenda")
    beraad.prepare(db, people.ans, riek, meeting, expected_version=meeting.version,
                   on_date=date.today() - timedelta(weeks=4), at_time=None, place=None,
                   agenda=None, invitation=None, invitee_ids=[toos.id, els.id])
    beraad.record(db, people.ans, riek, meeting, expected_version=meeting.version,
                  attended_ids=[toos.id, els.id], agreements=None, notes=None)
    beraad.add_offer(db, people.ans, riek, meeting, toos.id, "Elke zondag bellen", "steun",
                     BIG_5)
    beraad.add_offer(db, people.ans, riek, meeting, els.id, "Boodschappen op vrijdag",
                     "gezondheid", BIG_5)
    db.commit()
    return meeting


def test_follow_up_done_two_offers_in_the_plan_and_printed(visit, people, db, held_meeting):
    v = visit()
    v.login("ans")
    page = v.page
    item = page.locator("li.week-item.followup")
    assert "Riek: Nabellen na het netwerkberaad" in item.inner_text()
    assert "vandaag" in item.inner_text()
    item.get_by_role("link").click()
    page.get_by_label("Wat is er besproken? (mag leeg)").fill("Het gaat goed, Toos belt.")
    page.get_by_role("button", name="Nabellen gedaan").click()
    page.get_by_text("Het nabellen is gedaan.").wait_for()
    assert "Het gaat goed, Toos belt." in page.locator("#nabellen").inner_text()
    page.get_by_role("link", name="Deze week").click()
    page.get_by_text("Deze week staat er niets klaar voor uw bewoners.").wait_for()

    page.goto(f"/bewoners/{people.riek.id}/plan/")
    first = page.locator("li.offer", has_text="Elke zondag bellen")
    first.get_by_text("Eerst aanpassen").click()
    first.get_by_label("Doorlopend: het gebeurt steeds weer").check()
    first.get_by_label("Hoe vaak? (bij doorlopend)").fill("elke zondag")
    first.get_by_role("button", name="Zet in het plan").click()
    page.get_by_text("Het aanbod staat nu in het plan.").wait_for()
    page.locator("li.offer", has_text="Boodschappen op vrijdag").get_by_role(
        "button", name="Zet in het plan").click()
    page.get_by_text("Het aanbod staat nu in het plan.").wait_for()
    assert page.locator("li.offer").count() == 0
    rows = page.locator("table.actions tbody tr")
    assert rows.count() == 2
    assert "elke zondag" in page.locator("table.actions").first.inner_text()

    with page.expect_download() as download:
        page.get_by_role("link", name="Plan afdrukken (PDF)").click()
    pdf = PdfReader(io.BytesIO(download.value.path().read_bytes()))
    text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    assert "Elke zondag bellen" in text
    assert "Boodschappen op vrijdag" in text
    assert "Vriendin Toos" in text
    assert v.foreign_requests() == []
    db.expire_all()
    assert db.get(Meeting, held_meeting.id).followup_note == "Het gaat goed, Toos belt."
    assert len(db.scalars(select(Action)).all()) == 2
