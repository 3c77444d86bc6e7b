"""Member states (died, no contact any more, from earlier, a pet) and what the resident
gives, through the pages: the quick control in the list, the member's page, the scan, the
plan's prefilled action and the take-home PDF with its legend."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from graph.schema import MEMBER_STATES
from sns.models import AuditEvent, NetworkMember

pytestmark = pytest.mark.db


@pytest.fixture
def riek(client, auth, people):
    auth.login("ans")
    return people.riek


def _state(client, resident, member, state, version=None):
    """The list's form as the button of ``member`` sends it."""
    ref = member if isinstance(member, str) else f"m{member.id}"
    return client.post(f"/bewoners/{resident.id}/kaart/toestand", data={
        "member": ref, f"state-{ref}": state,
        f"version-{ref}": version if version is not None else member.version})


def _fresh(db, member):
    db.expire_all()
    return db.get(NetworkMember, member.id)


@pytest.mark.parametrize("state", MEMBER_STATES)
def test_the_list_sets_each_state_and_back(client, riek, db, make_member, state):
    kees = make_member(riek, "Kees")
    db.commit()
    response = _state(client, riek, kees, state)
    assert response.status_code == 302
    assert response.headers["Location"].endswith("#tabel")
    kees = _fresh(db, kees)
    assert kees.state == state
    assert db.scalar(select(AuditEvent.detail).where(AuditEvent.action == "member.state")) == (
        f"m{kees.id} -> {state}")
    assert _state(client, riek, kees, "").status_code == 302
    assert _fresh(db, kees).state is None


def test_the_list_is_one_plain_form_with_a_control_per_person(client, riek, db, make_member):
    kees = make_member(riek, "Kees", state="geen_contact")
    make_member(riek, "Ans")
    db.commit()
    page = client.get(f"/bewoners/{riek.id}/verkenning").get_data(as_text=True)
    form = page[page.index('<form id="toestand"'):]
    form = form[:form.index("</form>")]
    assert "data-inplace" in form
    assert form.count('name="csrf_token"') == 1
    assert form.count('<button name="member"') == 2
    assert f'<button name="member" value="m{kees.id}">' in form
    assert f'name="state-m{kees.id}" aria-label="Staat op de kaart als Kees"' in form
    assert '<option value="geen_contact" selected>Geen contact meer</option>' in form
    # someone to see again: a link to the plan's new action
    assert f"/plan/?weer_contact={kees.id}#acties" in page


@pytest.mark.parametrize(("member", "state", "message"), [
    ("ego", "overleden", "De bewoner staat zelf in het midden van de kaart."),
    (None, "verhuisd", "Onbekende toestand."),
])
def test_a_state_on_the_resident_or_an_unknown_state_is_refused(client, riek, db, make_member,
                                                                member, state, message):
    kees = make_member(riek, "Kees")
    db.commit()
    response = _state(client, riek, member or kees, state, version=kees.version)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert _fresh(db, kees).state is None
    assert db.scalar(select(AuditEvent).where(AuditEvent.action == "member.state")) is None


def test_a_stale_state_is_refused(client, riek, db, make_member):
    kees = make_member(riek, "Kees")
    db.commit()
    assert _state(client, riek, kees, "vroeger", version=kees.version + 1).status_code == 409
    assert _fresh(db, kees).state is None


def test_a_stranger_gets_404(client, auth, people, db, make_member):
    kees = make_member(people.riek, "Kees")
    db.commit()
    auth.login("bob")  # a coach of another team
    assert _state(client, people.riek, kees, "overleden").status_code == 404
    auth.login("ans")
    other = make_member(people.piet, "Vreemde")  # a member of another resident
    db.commit()
    assert _state(client, people.riek, other, "overleden").status_code == 404
    assert _fresh(db, kees).state is None
    assert _fresh(db, other).state is None


def _edit(client, resident, member, **data):
    return client.post(f"/bewoners/{resident.id}/leden/m{member.id}",
                       data={"name": member.name, "version": member.version, **data})


def test_the_member_page_sets_a_state_and_what_the_resident_gives(client, riek, db,
                                                                   make_member):
    kees = make_member(riek, "Kees")
    db.commit()
    page = client.get(f"/bewoners/{riek.id}/leden/m{kees.id}").get_data(as_text=True)
    assert "Waar helpt de bewoner deze persoon mee?" in page
    assert 'type="radio" name="reciprocal"' not in page
    _edit(client, riek, kees, gives=["praktisch", "gezelschap"], state="huisdier")
    kees = _fresh(db, kees)
    assert (kees.gives, kees.reciprocal, kees.state) == (["praktisch", "gezelschap"], True,
                                                         "huisdier")
    _edit(client, riek, kees, reciprocal="nee")
    kees = _fresh(db, kees)
    assert (kees.gives, kees.reciprocal, kees.state) == ([], False, None)
    response = _edit(client, riek, kees, state="weg")
    assert response.status_code == 400
    assert _fresh(db, kees).reciprocal is False


def test_an_old_yes_stays_over_en_weer_soort_onbekend(client, riek, db, make_member):
    wim = make_member(riek, "Wim", reciprocal=True)
    db.commit()
    page = client.get(f"/bewoners/{riek.id}/leden/m{wim.id}").get_data(as_text=True)
    assert "Over en weer, soort onbekend (eerder zo genoteerd)" in page
    assert 'name="reciprocal" value="ja" checked' in page
    _edit(client, riek, wim, reciprocal="ja", note="saved for another reason")
    assert _fresh(db, wim).reciprocal is True  # kept, not lost by saving the page
    tooltip = client.get(f"/bewoners/{riek.id}/verkenning").get_data(as_text=True)
    assert '["Over en weer", "Ja, soort onbekend"]' in tooltip


def test_the_scan_leaves_a_member_who_died_out_and_asks_about_lost_contact(client, riek, db,
                                                                           make_member):
    make_member(riek, "Ans", sector="familie", support=["praktisch"], gives=["praktisch"],
                reciprocal=True)
    make_member(riek, "Kees", sector="familie", support=["emotioneel", "nood", "advies"],
                state="overleden")
    make_member(riek, "Mien", sector="vrienden", state="geen_contact")
    db.commit()
    page = client.get(f"/bewoners/{riek.id}/").get_data(as_text=True)
    assert "Er staat 1 persoon op uw kaart: Ans." in page
    assert ("Voor een luisterend oor, advies, gezelschap en hulp in nood staat nog niemand op "
            "uw kaart.") in page
    assert "Met Mien heeft u geen contact meer. Wilt u Mien weer zien?" in page
    assert "U helpt zelf ook: Ans krijgt praktische hulp van u." in page
    assert "Kees" not in page[page.index('class="findings"'):].split("</ul>")[0]


def test_the_plan_link_prefills_a_new_action(client, riek, db, make_member):
    mien = make_member(riek, "Mien", state="geen_contact")
    db.commit()
    page = client.get(f"/bewoners/{riek.id}/plan/?weer_contact={mien.id}").get_data(as_text=True)
    assert 'value="Weer contact opnemen met Mien"' in page
    plain = client.get(f"/bewoners/{riek.id}/plan/?weer_contact=999999").get_data(as_text=True)
    assert "Weer contact opnemen met" not in plain


def test_the_map_tooltip_says_what_the_resident_gives_and_the_state(client, riek, db,
                                                                    make_member):
    make_member(riek, "Ans", gives=["praktisch"], reciprocal=True, state="vroeger")
    db.commit()
    page = client.get(f"/bewoners/{riek.id}/verkenning").get_data(as_text=True)
    assert '["U helpt met", "Praktische hulp"]' in page
    assert '["Staat op de kaart als", "Vroeger"]' in page
    assert '"state": "vroeger"' in page
    legend = page[page.index('class="legend"'):]
    for word in ("Overleden", "Geen contact meer", "Vroeger", "Huisdier / geen mens"):
        assert word in legend


def test_the_take_home_pdf_draws_every_state_and_explains_it(client, riek, db, make_member):
    for name, state in (("Ans", None), ("Kees", "overleden"), ("Mien", "geen_contact"),
                        ("Jan", "vroeger"), ("Bello", "huisdier")):
        make_member(riek, name, sector="familie", circle=2, state=state)
    db.commit()
    response = client.get(f"/bewoners/{riek.id}/afdrukken/meenemen.pdf")
    assert response.status_code == 200
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages)
    for word in ("Overleden", "Geen contact meer", "Vroeger", "Huisdier / geen mens", "Kees",
                 "Bello", "Met Mien heeft u geen contact meer."):
        assert word in text, word
