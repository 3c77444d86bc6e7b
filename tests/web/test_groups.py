"""Group session pages: the facilitator's access, joining with a code (wrong, expired,
rate-limited), the participant's steps, token isolation, CSRF, closing, the PDFs."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from sns import groups
from sns.models import (
    GroupParticipant,
    GroupSession,
    JoinAttempt,
    NetworkMember,
    PublicRequest,
    Resident,
)
from sns.models.base import utcnow
from tests.accounts import FormClient
from tests.pages import visible
from web import create_app
from web.groups import words
from web.groups.participant import SESSION_KEY

NAMES = ("Oma Riek", "Buurman Henk", "Zus Fatma")


@pytest.fixture
def group(client, auth, people, db):
    auth.login("ans")
    response = client.post("/groepen/nieuw", data={
        "title": "Hoe sterk is mijn netwerk?", "on_date": "2026-11-23", "place": "De Brug"})
    assert response.status_code == 302
    auth.logout()
    return db.scalar(select(GroupSession))


@pytest.fixture
def join(app, group):
    """A new participant: their own client (browser), joined with the session's code."""

    def joined(code: str | None = None, **environ):
        participant = app.test_client()
        response = participant.post("/doe-mee/", data={"code": code or group.join_code},
                                    environ_base=environ)
        assert response.status_code == 302, response.get_data(as_text=True)
        assert response.headers["Location"] == "/doe-mee/stap"
        return participant

    return joined


def _page(client, url="/doe-mee/stap") -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _blob(page: str) -> str:
    return re.search(r'name="kaart" value="([^"]+)"', page).group(1)


def _fill(participant, names=NAMES, *, support=True):
    for i, name in enumerate(names):
        participant.post("/doe-mee/stap/1", data={"name": name, "circle": str(i % 3 + 1),
                                                  "sector": "familie", "go": "toevoegen"})
    participant.post("/doe-mee/stap/1", data={"go": "verder"})
    participant.post("/doe-mee/stap/2", data={"hulp-1": ["praktisch", "nood"] if support else []})
    participant.post("/doe-mee/stap/3", data={"geeft": ["1"]})
    if len(names) > 1:
        participant.post("/doe-mee/stap/4", data={"kent-1": ["2"]})


def _pdf_text(data: bytes) -> str:
    assert data.startswith(b"%PDF")
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


# -- the facilitator -----------------------------------------------------------------------


@pytest.mark.db
def test_facilitator_creates_a_session_with_code_and_qr(client, auth, group):
    auth.login("ans")
    page = _page(client, f"/groepen/{group.id}/")
    code = group.join_code
    assert f"{code[:3]} {code[3:]}" in page
    assert '<svg viewBox="0 0 ' in page
    assert 'class="qr"' in page
    assert f"/doe-mee/?code={code}" not in page  # the QR holds it; the page shows the address
    screen = _page(client, f"/groepen/{group.id}/scherm")
    assert f"{code[:3]} {code[3:]}" in screen
    assert 'class="qr"' in screen
    assert "Hoe sterk is mijn netwerk?" in _page(client, "/groepen/")


def test_qr_code_points_to_the_join_page_with_the_code(app, group):
    from web.groups.facilitator import join_url

    with app.test_request_context("/"):
        assert join_url(group.join_code).endswith(f"/doe-mee/?code={group.join_code}")


@pytest.mark.db
@pytest.mark.parametrize("username", ["bob", "leider", "other"])
def test_another_coach_gets_404(client, auth, group, db, username):
    auth.login(username)
    for url in (f"/groepen/{group.id}/", f"/groepen/{group.id}/scherm"):
        assert client.get(url).status_code == 404
    response = client.post(f"/groepen/{group.id}/afsluiten", data={"bevestig": "ja"})
    assert response.status_code == 404
    db.expire_all()
    assert db.get(GroupSession, group.id).is_open
    assert client.get("/groepen/999999/").status_code == 404


@pytest.mark.db
def test_admin_may_not_lead_a_session(client, auth, people):
    auth.login("admin")
    assert client.get("/groepen/").status_code == 403
    assert client.post("/groepen/nieuw", data={"title": "X", "on_date": "2026-11-23"}
                       ).status_code == 403


def test_facilitator_pages_need_a_login(client, group):
    for url in ("/groepen/", "/groepen/nieuw", f"/groepen/{group.id}/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response.headers["Location"].startswith("/login")


@pytest.mark.db
def test_new_session_without_a_date_is_refused(client, auth, people, db):
    auth.login("ans")
    response = client.post("/groepen/nieuw", data={"title": "X", "on_date": ""})
    assert response.status_code == 400
    assert "Vul de datum van de bijeenkomst in." in response.get_data(as_text=True)
    assert db.scalar(select(func.count()).select_from(GroupSession)) == 0


def test_every_gap_code_has_words(app):
    with app.test_request_context("/"):
        for code in groups.GAP_CODES:
            assert str(words.gap_label(code)) != code


# -- joining -------------------------------------------------------------------------------


def test_join_page_fills_in_the_code_from_the_qr_code(client, group):
    page = _page(client, f"/doe-mee/?code={group.join_code.lower()}")
    assert f'value="{group.join_code}"' in page
    assert "Mijn bewoners" not in page  # no coach navigation for participants


@pytest.mark.db
def test_wrong_code_is_told_plainly(client, group, db):
    response = client.post("/doe-mee/", data={"code": "AAAAAA"})
    assert response.status_code == 400
    assert "Deze code klopt niet, of de bijeenkomst is al afgelopen." in response.get_data(
        as_text=True)
    assert db.scalar(select(func.count()).select_from(GroupParticipant)) == 0


@pytest.mark.db
def test_expired_code_after_closing(client, auth, group):
    code = group.join_code
    auth.login("ans")
    client.post(f"/groepen/{group.id}/afsluiten", data={"bevestig": "ja"})
    auth.logout()
    response = client.post("/doe-mee/", data={"code": code})
    assert response.status_code == 400
    assert "de bijeenkomst is al afgelopen" in response.get_data(as_text=True)


def _earlier(db, model, address, count, **fields):
    """``count`` attempts from ``address`` just now, as if they had been made."""
    db.add_all(model(client=address, at=utcnow(), **fields) for _ in range(count))
    db.commit()


@pytest.mark.db
def test_a_room_of_ten_typos_does_not_keep_out_the_right_code(client, group, db):
    # Ten residents in one community centre (one public address) mistype the code ...
    for _ in range(10):
        response = client.post("/doe-mee/", data={"code": "AAAAAA"})
        assert response.status_code == 400
        assert "Deze code klopt niet" in response.get_data(as_text=True)
    # ... and the next one, with the right code, gets in.
    response = client.post("/doe-mee/", data={"code": group.join_code})
    assert response.status_code == 302
    assert response.headers["Location"] == "/doe-mee/stap"
    assert db.scalar(select(func.count()).select_from(GroupParticipant)) == 1


@pytest.mark.db
def test_guessing_codes_is_stopped_even_with_the_right_code(client, group, db):
    _earlier(db, JoinAttempt, "127.0.0.1", groups.JOIN_LIMIT)  # far more than a room types
    response = client.post("/doe-mee/", data={"code": group.join_code})
    assert response.status_code == 429
    assert "Er is te vaak een verkeerde code ingevuld. Wacht tien minuten" in (
        response.get_data(as_text=True))
    assert db.scalar(select(func.count()).select_from(GroupParticipant)) == 0


@pytest.mark.db
def test_a_flood_of_joins_from_one_address_is_refused(app, group, db, join):
    _earlier(db, PublicRequest, "127.0.0.1", groups.JOIN_FLOOD_LIMIT - 1, kind="join")
    join()  # the last one within the limit
    response = app.test_client().post("/doe-mee/", data={"code": group.join_code})
    assert response.status_code == 429
    assert "Er doen vanaf dit adres net heel veel mensen mee" in response.get_data(
        as_text=True)
    assert db.scalar(select(func.count()).select_from(GroupParticipant)) == 1
    join(REMOTE_ADDR="192.0.2.8")  # another address still joins


@pytest.mark.db
def test_rate_limit_is_per_client_address(app, group, join, db):
    _earlier(db, JoinAttempt, "192.0.2.7", groups.JOIN_LIMIT)
    join(REMOTE_ADDR="192.0.2.8")


@pytest.mark.db
def test_joining_logs_out_a_coach_on_the_same_device(client, auth, group):
    auth.login("ans")
    response = client.post("/doe-mee/", data={"code": group.join_code}, follow_redirects=True)
    assert "De coach die op dit apparaat was ingelogd, is uitgelogd." in response.get_data(
        as_text=True)
    assert client.get("/").status_code == 302  # the caseload wants a login again


@pytest.mark.db
def test_joining_on_a_coachs_device_ends_the_coachs_session_on_the_server(app, client, auth,
                                                                          group):
    auth.login("ans")
    copied = client.get_cookie("session").value
    client.post("/doe-mee/", data={"code": group.join_code})
    replay = app.test_client()
    replay.set_cookie("session", copied)
    assert replay.get("/").status_code == 302  # the old cookie no longer logs Ans in


# -- the participant's steps ---------------------------------------------------------------


def test_join_page_speaks_plain_dutch(client, group):
    text = visible(client.get("/doe-mee/").get_data(as_text=True))
    assert "U hoeft geen gebruikersnaam of wachtwoord te maken." in text
    assert not re.search(r"(?i)download|account|\bpdf\b", text)


@pytest.mark.db
def test_steps_and_reload_continue_where_the_participant_was(join):
    me = join()
    assert "Wie staan er dicht bij u?" in _page(me)
    me.post("/doe-mee/stap/1", data={"name": "Oma Riek", "circle": "1", "go": "toevoegen"})
    me.post("/doe-mee/stap/1", data={"name": "Henk", "circle": "2", "go": "verder"})
    # A reload (or the tablet opening the address again) shows step 2, with both people.
    page = _page(me)
    assert "Wie helpt u waarmee?" in page
    assert "Oma Riek" in page
    assert "Henk" in page
    assert me.get("/doe-mee/").headers["Location"] == "/doe-mee/stap"
    me.post("/doe-mee/stap/2", data={"hulp-1": ["praktisch", "nood"], "hulp-2": ["advies"]})
    page = _page(me)
    assert "Voor wie doet u zelf iets?" in page
    assert "Sla deze vraag over" not in page
    me.post("/doe-mee/stap/3", data={"geeft": ["2"], "go": "terug"})
    page = _page(me)
    assert "Wie helpt u waarmee?" in page
    assert 'name="hulp-1" value="nood" checked' in page
    me.post("/doe-mee/stap/2", data={"hulp-1": ["praktisch", "nood"], "hulp-2": ["advies"]})
    assert 'name="geeft" value="2" checked' in _page(me)  # kept when going back
    me.post("/doe-mee/stap/3", data={"geeft": ["2"]})
    page = _page(me)
    assert "Wie kennen elkaar?" in page
    assert "Sla deze vraag over" in page  # this question, and only this one, may be skipped
    assert 'action="/doe-mee/stap/4"' in page
    me.post("/doe-mee/stap/4", data={"go": "overslaan"})
    page = _page(me)
    assert "Uw netwerk" in page
    assert "<svg" in page
    assert "Er staan 2 mensen op uw kaart. Oma Riek staat heel dicht bij u." in page
    assert "Ik wil graag hulp van een netwerkcoach" in page
    # Plain Dutch for the resident: no English words on the result page.
    assert not re.search(r"(?i)download|account|\bpdf\b", visible(page))
    # No inline script or style: the strict Content-Security-Policy holds.
    assert "<script" not in page
    assert ' style="' not in page


@pytest.mark.db
def test_step_form_of_an_old_page_changes_nothing(join, db):
    me = join()
    me.post("/doe-mee/stap/1", data={"name": "Oma Riek", "circle": "1", "go": "verder"})
    response = me.post("/doe-mee/stap/1", data={"name": "Nog iemand", "circle": "1"})
    assert response.status_code == 302
    (participant,) = db.scalars(select(GroupParticipant))
    assert [p["name"] for p in participant.network["people"]] == ["Oma Riek"]
    assert participant.step == groups.STEP_SUPPORT


@pytest.mark.db
def test_person_without_a_circle_is_refused_and_the_name_kept(join, db):
    me = join()
    response = me.post("/doe-mee/stap/1", data={"name": "Oma Riek", "go": "toevoegen"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Kies hoe dichtbij deze persoon bij u staat." in page
    assert 'value="Oma Riek"' in page
    (participant,) = db.scalars(select(GroupParticipant))
    assert participant.network["people"] == []


@pytest.mark.db
def test_removing_a_person(join, db):
    me = join()
    me.post("/doe-mee/stap/1", data={"name": "Oma Riek", "circle": "1", "go": "toevoegen"})
    me.post("/doe-mee/stap/1", data={"name": "Henk", "circle": "2", "go": "toevoegen"})
    assert me.post("/doe-mee/stap/1/weg/1").status_code == 302
    (participant,) = db.scalars(select(GroupParticipant))
    assert [p["name"] for p in participant.network["people"]] == ["Henk"]
    assert me.post("/doe-mee/stap/1/weg/1").status_code == 404


@pytest.mark.db
def test_participants_see_only_their_own_network(join, group, db):
    ans, bea = join(), join()
    ans.post("/doe-mee/stap/1", data={"name": "Oma Riek", "circle": "1", "go": "toevoegen"})
    bea.post("/doe-mee/stap/1", data={"name": "Tante Jo", "circle": "1", "go": "toevoegen"})
    assert "Tante Jo" not in _page(ans)
    assert "Oma Riek" in _page(ans)
    assert "Oma Riek" not in _page(bea)
    assert "Tante Jo" in _page(bea)
    # Person ids are per participant: Bea's "1" is Tante Jo, never Ans's Oma Riek.
    bea.post("/doe-mee/stap/1/weg/1")
    assert "Oma Riek" in _page(ans)
    assert bea.post("/doe-mee/stap/1/weg/1").status_code == 404


@pytest.mark.db
def test_a_token_that_is_not_this_participants_gives_404(app, join, group, db, people):
    me = join()
    with me.session_transaction() as s:
        mine = dict(s[SESSION_KEY])
    # A made-up token, and a real token presented for another (open) session.
    other_group = groups.create_session(db, people.bob, "Andere groep", group.on_date, None)
    db.commit()
    for forged in ({"s": group.id, "t": "x" * 43},
                   {"s": other_group.id, "t": mine["t"]},
                   {"s": "1 OR 1=1", "t": mine["t"]}):
        stranger = app.test_client()
        with stranger.session_transaction() as s:
            s[SESSION_KEY] = forged
        assert stranger.get("/doe-mee/stap").status_code == 404
        assert stranger.post("/doe-mee/stap/1", data={"name": "X", "circle": "1"}
                             ).status_code == 404
    # A cookie that was not signed by the server is no session at all.
    tampered = app.test_client()
    tampered.set_cookie("session", "eyJncm9lcHNkZWVsbmFtZSI6e319.bad.signature")
    assert tampered.get("/doe-mee/stap").headers["Location"] == "/doe-mee/"


@pytest.mark.db
def test_forms_without_csrf_token_are_refused(client, auth, join, group, db):
    me = join()
    assert me.post("/doe-mee/stap/1", data={"name": "X", "circle": "1"}, csrf=False
                   ).status_code == 400
    assert client.post("/doe-mee/", data={"code": group.join_code}, csrf=False
                       ).status_code == 400
    assert me.post("/doe-mee/hulp", data={"toestemming": "ja"}, csrf=False).status_code == 400
    auth.login("ans")
    assert client.post(f"/groepen/{group.id}/afsluiten", data={"bevestig": "ja"}, csrf=False
                       ).status_code == 400
    assert client.post("/groepen/nieuw", data={"title": "X", "on_date": "2026-11-23"},
                       csrf=False).status_code == 400
    db.expire_all()
    assert db.get(GroupSession, group.id).is_open
    assert db.scalar(select(func.count()).select_from(GroupSession)) == 1


@pytest.mark.db
def test_done_forgets_the_participant_on_this_device(join, db):
    me = join()
    me.post("/doe-mee/stap/1", data={"name": "Oma Riek", "circle": "1", "go": "toevoegen"})
    assert "volgende persoon" in me.post("/doe-mee/klaar").get_data(as_text=True)
    assert me.get("/doe-mee/stap").headers["Location"] == "/doe-mee/"
    # The data stays for the totals until the session closes.
    assert db.scalar(select(func.count()).select_from(GroupParticipant)) == 1


@pytest.mark.db
def test_after_done_a_copy_of_the_old_cookie_opens_nothing(app, join, db):
    me = join()
    me.post("/doe-mee/stap/1", data={"name": "Oma Riek", "circle": "1", "go": "toevoegen"})
    assert "Oma Riek" in _page(me)  # the map opens with this cookie ...
    copied = me.get_cookie("session").value
    me.post("/doe-mee/klaar")
    replay = app.test_client()
    replay.set_cookie("session", copied)
    response = replay.get("/doe-mee/stap")
    assert response.status_code == 404  # ... and not after "Ik ben klaar"
    assert "Oma Riek" not in response.get_data(as_text=True)
    # The map itself stays for the group's totals until the session closes.
    assert db.scalar(select(func.count()).select_from(GroupParticipant)) == 1


@pytest.mark.db
def test_the_next_person_on_a_tablet_ends_the_previous_token(app, join, group):
    tablet = join()
    copied = tablet.get_cookie("session").value
    assert tablet.post("/doe-mee/", data={"code": group.join_code}).status_code == 302
    replay = app.test_client()
    replay.set_cookie("session", copied)
    assert replay.get("/doe-mee/stap").status_code == 404


# -- asking for a coach --------------------------------------------------------------------


@pytest.mark.db
def test_asking_for_a_coach_needs_consent_and_contact(join, db):
    me = join()
    _fill(me)
    response = me.post("/doe-mee/hulp", data={"contact_name": "Riek",
                                              "contact_phone": "0612345678"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Zet een vinkje bij" in page
    assert 'value="0612345678"' in page  # what was typed stays
    response = me.post("/doe-mee/hulp", data={"contact_name": "Riek", "toestemming": "ja"})
    assert "Vul een telefoonnummer of een e-mailadres in." in response.get_data(as_text=True)
    (participant,) = db.scalars(select(GroupParticipant))
    assert not participant.wants_coach
    assert participant.contact_name is None

    me.post("/doe-mee/hulp", data={"contact_name": "Riek", "contact_phone": "0612345678",
                                   "toestemming": "ja"})
    assert "U heeft gevraagd om hulp van een netwerkcoach." in _page(me)
    me.post("/doe-mee/hulp", data={"go": "intrekken"})
    db.expire_all()
    (participant,) = db.scalars(select(GroupParticipant))
    assert not participant.wants_coach
    assert participant.contact_phone is None


# -- the overview, closing, the PDFs -------------------------------------------------------


@pytest.mark.db
def test_overview_shows_totals_and_never_a_name(client, auth, join, group):
    participants = [join() for _ in range(3)]
    for i, me in enumerate(participants):
        _fill(me, [f"{name} {i}" for name in NAMES])
    participants[0].post("/doe-mee/hulp", data={
        "contact_name": "Riek Jansen", "contact_phone": "0612345678", "toestemming": "ja"})
    auth.login("ans")
    page = _page(client, f"/groepen/{group.id}/")
    assert re.search(r'class="participants">3<', page)
    assert "Van 3 tot 3 mensen. De middelste kaart heeft er 3." in page
    assert "Vraagt om een netwerkcoach: 1." in page
    assert "Wat het vaakst voorkomt" in page
    for name in (*NAMES, "Riek Jansen", "0612345678"):
        assert name not in page


@pytest.mark.db
def test_totals_wait_for_three_maps(client, auth, join, group):
    _fill(join())
    auth.login("ans")
    page = _page(client, f"/groepen/{group.id}/")
    assert "De totalen verschijnen vanaf 3 deelnemers met een kaart" in page
    assert "Oma Riek" not in page


@pytest.mark.db
def test_closing_needs_confirmation(client, auth, group, db):
    auth.login("ans")
    response = client.post(f"/groepen/{group.id}/afsluiten", follow_redirects=True)
    assert "Zet eerst een vinkje" in response.get_data(as_text=True)
    db.expire_all()
    assert db.get(GroupSession, group.id).is_open


@pytest.mark.db
def test_closing_mid_way_tells_the_participant_and_keeps_the_pdf(client, auth, join, group,
                                                                   db, people):
    asks, other = join(), join()
    _fill(asks, ["Dochter Sanne", "Buurman Henk"])
    asks.post("/doe-mee/hulp", data={"contact_name": "Riek Jansen",
                                     "contact_email": "riek@example.org", "toestemming": "ja"})
    other.post("/doe-mee/stap/1", data={"name": "Geheime Gerda", "circle": "1",
                                        "go": "verder"})
    blob = _blob(_page(other))
    auth.login("ans")
    response = client.post(f"/groepen/{group.id}/afsluiten", data={"bevestig": "ja"},
                           follow_redirects=True)
    assert "De bijeenkomst is afgesloten." in response.get_data(as_text=True)

    # The participant who was half-way sends the next answer: told, and offered the PDF.
    response = other.post("/doe-mee/stap/2", data={"hulp-1": ["nood"], "kaart": blob})
    page = response.get_data(as_text=True)
    assert "De bijeenkomst is afgesloten" in page
    assert "U kunt uw kaart nog bewaren of afdrukken" in page
    pdf = other.post("/doe-mee/mijn-netwerk.pdf", data={"kaart": _blob(page)})
    assert pdf.mimetype == "application/pdf"
    assert "attachment" in pdf.headers["Content-Disposition"]
    assert "Geheime Gerda" in _pdf_text(pdf.data)
    # After leaving the page nothing is left: this device starts again at the join page.
    assert other.get("/doe-mee/stap").headers["Location"] == "/doe-mee/"
    # The one who asked and is still on the result page is told on the next reload.
    page = _page(asks)
    assert "Uw kaart is gewist" in page
    assert "bewaren of afdrukken" not in page

    # Only the one who asked remains: as a resident of Ans, with their network.
    assert db.scalar(select(func.count()).select_from(GroupParticipant)) == 0
    resident = db.scalar(select(Resident).where(Resident.name == "Riek Jansen"))
    assert resident.team_id == people.ans.team_id
    names = set(db.scalars(select(NetworkMember.name).where(
        NetworkMember.resident_id == resident.id)))
    assert names == {"Dochter Sanne", "Buurman Henk"}
    assert db.scalar(select(func.count()).select_from(NetworkMember).where(
        NetworkMember.name == "Geheime Gerda")) == 0
    caseload = _page(client, "/")
    assert "Riek Jansen" in caseload
    assert "riek@example.org" in _page(client, f"/bewoners/{resident.id}/")


@pytest.mark.db
def test_take_home_pdf_needs_a_signed_map(join):
    me = join()
    _fill(me)
    page = _page(me)
    blob = _blob(page)
    response = me.post("/doe-mee/mijn-netwerk.pdf", data={"kaart": blob})
    text = _pdf_text(response.data)
    assert "Oma Riek" in text
    assert "Hoe nu verder?" in text
    assert me.post("/doe-mee/mijn-netwerk.pdf", data={"kaart": blob[:-2] + "xx"}
                   ).status_code == 404
    assert me.post("/doe-mee/mijn-netwerk.pdf", data={}).status_code == 404


@pytest.mark.db
def test_take_home_pdfs_are_limited_per_address(join, db):
    me = join()
    _fill(me)
    blob = _blob(_page(me))
    _earlier(db, PublicRequest, "127.0.0.1", groups.PDF_LIMIT, kind="pdf")
    response = me.post("/doe-mee/mijn-netwerk.pdf", data={"kaart": blob})
    assert response.status_code == 429
    assert "Wacht een paar minuten" in response.get_data(as_text=True)
    other = me.post("/doe-mee/mijn-netwerk.pdf", data={"kaart": blob},
                    environ_base={"REMOTE_ADDR": "192.0.2.9"})
    assert other.status_code == 200
    assert other.mimetype == "application/pdf"


def test_blank_worksheet_is_public(client):
    response = client.get("/groepen/werkblad.pdf")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    text = _pdf_text(response.data)
    assert "Wie is er belangrijk voor u?" in text
    assert "Cirkel 1" in text
    assert "Ik help ook" in " ".join(text.split())  # a 12 pt heading may wrap
    assert client.get("/groepen/werkblad.pdf").data == response.data  # made once


def _proxied_client(database_url, proxies: int):
    """A browser behind the team's reverse proxy, on an app configured with ``proxies``."""
    app = create_app({"TESTING": True, "DATABASE_URL": database_url, "SECRET_KEY": "test",
                      "PROXIES": proxies})
    app.test_client_class = FormClient
    return app, app.test_client()


def _attempt(client, code, forwarded_for):
    return client.post("/doe-mee/", data={"code": code},
                       headers={"X-Forwarded-For": forwarded_for},
                       environ_base={"REMOTE_ADDR": "10.0.0.1"})  # the proxy


@pytest.mark.db
def test_behind_a_proxy_the_limit_counts_each_forwarded_client(database_url, group, db):
    app, browser = _proxied_client(database_url, proxies=1)
    try:
        _earlier(db, JoinAttempt, "192.0.2.7", groups.JOIN_LIMIT - 1)
        assert _attempt(browser, "AAAAAA", "192.0.2.7").status_code == 400  # the last one
        assert _attempt(browser, group.join_code, "192.0.2.7").status_code == 429
        # Another participant behind the same proxy still gets in.
        assert _attempt(app.test_client(), group.join_code, "192.0.2.8").status_code == 302
    finally:
        app.extensions["sns_engine"].dispose()


@pytest.mark.db
def test_without_a_configured_proxy_a_forwarded_address_is_ignored(database_url, group, db):
    app, browser = _proxied_client(database_url, proxies=0)
    try:
        _earlier(db, JoinAttempt, "10.0.0.1", groups.JOIN_LIMIT - 1)  # the proxy's address
        _attempt(browser, "AAAAAA", "192.0.2.1")
        # Making up a new address in the header does not reset the limit.
        assert _attempt(browser, group.join_code, "198.51.100.1").status_code == 429
    finally:
        app.extensions["sns_engine"].dispose()



@pytest.mark.db
def test_behind_a_proxy_only_a_forwarded_ip_address_is_believed(database_url, group, db):
    """A forwarded value that is not an IP address (a formula, a name, an address with a
    port) is ignored: the proxy's own address counts, so a made-up header neither escapes
    the limit nor reaches the access log."""
    app, browser = _proxied_client(database_url, proxies=1)
    try:
        for forwarded in ("=HYPERLINK(\"http://x\")", "Erik", "192.0.2.9:443", "", "2001:DB8::1"):
            _attempt(browser, "AAAAAA", forwarded)
        clients = db.scalars(select(JoinAttempt.client).order_by(JoinAttempt.id)).all()
        assert clients == ["10.0.0.1"] * 4 + ["2001:db8::1"]
    finally:
        app.extensions["sns_engine"].dispose()
