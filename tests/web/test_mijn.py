"""The resident's own page "Mijn kaart en plan" (web/mijn/): the coach's consent and code,
the page opened with the code and nothing else, "Dit is gedaan" and "Dit wil ik bespreken",
the 404 of every code that does not work, the throttle, CSRF, the take-home PDF."""

from __future__ import annotations

import io
import re
from datetime import date, time, timedelta

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from sns.models import Action, AuditEvent, NetworkMember, Resident, ResidentTopic
from sns.plan import own
from sns.privacy import consent
from sns.residents import codes
from tests.accounts import FormClient
from tests.privacy_data import tables_holding

pytestmark = pytest.mark.db

CODE_URL = re.compile(r"http://localhost/mijn/([A-Za-z0-9_-]{43})")


@pytest.fixture
def visitor(app):
    """The resident's phone: a browser without any login."""
    app.test_client_class = FormClient
    return app.test_client()


def _code_page(client, resident) -> str:
    return client.post(f"/bewoners/{resident.id}/mijn-code/").get_data(as_text=True)


@pytest.fixture
def code(client, db, riek, people):
    consent.give(db, people.ans, riek, "inzage_met_code")
    db.commit()
    page = _code_page(client, riek)
    return CODE_URL.search(page).group(1)


def test_the_code_needs_the_consent_first(client, riek):
    panel = client.get(f"/bewoners/{riek.id}/mijn-code/").get_data(as_text=True)
    assert "Eerst de toestemming" in panel
    refused = client.post(f"/bewoners/{riek.id}/mijn-code/")
    assert refused.status_code == 400
    assert not CODE_URL.search(refused.get_data(as_text=True))


def test_the_coach_sees_the_code_once_with_its_qr(client, riek, code, db):
    made = client.get(f"/bewoners/{riek.id}/mijn-code/").get_data(as_text=True)
    assert code not in made
    assert "Er is een code gemaakt op" in made
    assert tables_holding(db, code) == set()


def test_the_resident_opens_their_page_and_nothing_of_anyone_else(visitor, riek, code, db,
                                                                  people):
    db.add(NetworkMember(resident_id=people.piet.id, name="Geheime Gerrit", circle=1))
    people.piet.hulpvraag = "Een vraag van Piet"
    riek.hulpvraag = "Ik wil weer naar de markt"
    db.commit()
    response = visitor.get(f"/mijn/{code}")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert "Hallo Riek" in page
    assert "Ik wil weer naar de markt" in page
    assert "Gerrit" not in page
    assert "Piet" not in page
    event = db.scalars(select(AuditEvent).where(AuditEvent.action == "resident.view")
                       .order_by(AuditEvent.id.desc())).first()
    assert (event.coach_id, event.resident_id, event.detail) == (None, riek.id, own.VIA_CODE)
    assert not any(code in (e.detail or "") for e in db.scalars(select(AuditEvent)))


def test_codes_that_do_not_work_are_a_plain_404(visitor, client, riek, code, db, people):
    guessed = visitor.get("/mijn/" + "A" * 43)
    assert guessed.status_code == 404
    assert "Deze code werkt niet" in guessed.get_data(as_text=True)
    renewed = CODE_URL.search(_code_page(client, riek)).group(1)
    assert visitor.get(f"/mijn/{code}").status_code == 404
    assert visitor.get(f"/mijn/{renewed}").status_code == 200
    client.post(f"/bewoners/{riek.id}/mijn-code/stoppen")
    assert visitor.get(f"/mijn/{renewed}").status_code == 404


def test_a_closed_trajectory_and_an_erased_resident_close_the_page(visitor, client, riek,
                                                                   code, db):
    riek.phase = "afgesloten"
    db.commit()
    assert visitor.get(f"/mijn/{code}").status_code == 404
    riek.phase = "actieteam"
    db.commit()
    again = CODE_URL.search(_code_page(client, riek)).group(1)
    assert visitor.get(f"/mijn/{again}").status_code == 200
    rid, version = riek.id, riek.version
    client.post(f"/bewoners/{rid}/privacy/wissen",
                data={"confirmation": "Riek", "version": str(version)})
    db.expire_all()
    assert db.get(Resident, rid) is None
    assert visitor.get(f"/mijn/{again}").status_code == 404


def test_wrong_codes_are_throttled_per_address(visitor, code):
    for n in range(codes.LIMIT):
        assert visitor.get(f"/mijn/geraden{n}").status_code == 404
    blocked = visitor.get(f"/mijn/{code}")
    assert blocked.status_code == 429
    assert "Wacht tien minuten" in blocked.get_data(as_text=True)


def test_the_resident_marks_an_action_done_and_the_coach_sees_it(visitor, client, riek, code,
                                                                 db, make_action):
    action = make_action(riek, "Boodschappen doen", professional="Buurtteam")
    db.commit()
    page = visitor.get(f"/mijn/{code}").get_data(as_text=True)
    assert "Boodschappen doen" in page
    assert "Dit is gedaan" in page
    done = visitor.post(f"/mijn/{code}/gedaan", data={"action_id": str(action.id)})
    assert done.status_code == 302
    assert done.headers["Location"].startswith(f"/mijn/{code}")
    db.expire_all()
    assert db.get(Action, action.id).status == "gedaan"
    plan_page = client.get(f"/bewoners/{riek.id}/plan/").get_data(as_text=True)
    assert "Gedaan" in plan_page


def test_dit_wil_ik_bespreken_is_kept_once_and_shown_on_the_plan(visitor, client, riek, code,
                                                                 db):
    form = visitor.get(f"/mijn/{code}").get_data(as_text=True)
    key = re.search(r'name="submission_key" value="([^"]+)"', form).group(1)
    data = {"text": "Over mijn buurvrouw", "submission_key": key}
    assert visitor.post(f"/mijn/{code}/bespreken", data=data,
                        headers={"Referer": f"http://localhost/mijn/{code}"}).status_code == 302
    again = visitor.post(f"/mijn/{code}/bespreken", data=data,
                         headers={"Referer": f"http://localhost/mijn/{code}"})
    assert again.status_code == 303
    assert again.headers["Location"] == f"/mijn/{code}"
    assert [t.text for t in db.scalars(select(ResidentTopic))] == ["Over mijn buurvrouw"]
    assert tables_holding(db, code) == set()
    plan_page = client.get(f"/bewoners/{riek.id}/plan/").get_data(as_text=True)
    assert "Dit wil de bewoner bespreken" in plan_page
    assert "Over mijn buurvrouw" in plan_page
    too_long = visitor.post(f"/mijn/{code}/bespreken", data={"text": "x" * 10_000})
    assert too_long.status_code == 400
    assert "Deze tekst is te lang" in too_long.get_data(as_text=True)


def test_the_forms_need_the_csrf_token(visitor, riek, code, db, make_action):
    action = make_action(riek, "Bellen", professional="Buurtteam")
    db.commit()
    refused = visitor.post(f"/mijn/{code}/gedaan", data={"action_id": str(action.id)},
                           csrf=False)
    assert refused.status_code == 400
    db.expire_all()
    assert db.get(Action, action.id).status == "open"


def test_another_residents_action_is_not_found(visitor, code, db, people, make_action):
    other = make_action(people.piet, "Van Piet", professional="Buurtteam", coach=people.bob)
    db.commit()
    assert visitor.post(f"/mijn/{code}/gedaan",
                        data={"action_id": str(other.id)}).status_code == 404
    db.expire_all()
    assert db.get(Action, other.id).status == "open"


def test_the_take_home_pdf_carries_the_code_address(client, riek, code):
    response = client.post(f"/bewoners/{riek.id}/mijn-code/meenemen.pdf", data={"code": code})
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages)
    assert f"http://localhost/mijn/{code}" in text.replace("\n", "")
    assert "Richt de camera van uw telefoon op de QR-code" in text.replace("\n", " ")
    wrong = client.post(f"/bewoners/{riek.id}/mijn-code/meenemen.pdf", data={"code": "x"})
    assert wrong.status_code == 404


def test_the_next_meeting_and_the_coaches_in_the_language_chosen(visitor, riek, code, db,
                                                                 make_meeting, make_action):
    make_meeting(riek, on_date=date.today() + timedelta(days=9), at_time=time(19, 30),
                 place="Buurthuis De Linde")
    make_action(riek, "Bellen", professional="Buurtteam")
    db.commit()
    page = visitor.get(f"/mijn/{code}").get_data(as_text=True)
    assert "19:30" in page
    assert "Buurthuis De Linde" in page
    assert "Ans" in page
    visitor.post("/taal", data={"lang": "en", "next": f"/mijn/{code}"})
    english = visitor.get(f"/mijn/{code}").get_data(as_text=True)
    assert "Hello Riek" in english
    assert "To do" in english
