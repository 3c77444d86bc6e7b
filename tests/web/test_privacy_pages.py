"""The privacy pages: consent, the resident's access log, the export (PDF and ZIP) and
erasure; the privacy officer's log search and CSV; the teamleider's retention list."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import timedelta

import pypdf
import pytest
from sqlalchemy import select

from graph.files.graphml import read_graphml
from sns import audit
from sns.models import AuditEvent, Coach, NetworkMember, PhaseChange, Resident
from sns.models.base import utcnow
from sns.privacy import consent
from tests.accounts import TOTP_SECRET
from tests.privacy_data import full_resident

pytestmark = pytest.mark.db


def _privacy_officer(db, password_hash):
    officer = Coach(username="fg", display_name="Functionaris", password_hash=password_hash,
                    role="privacy", totp_secret=TOTP_SECRET)
    db.add(officer)
    db.commit()
    return officer


def test_coach_records_and_withdraws_consent(client, auth, people, db):
    auth.login("ans")
    url = f"/bewoners/{people.riek.id}/privacy/toestemming"
    client.post(url, data={"kind": "leden_benaderen", "choice": "geven"})
    page = client.get(f"/bewoners/{people.riek.id}/").get_data(as_text=True)
    assert "De coach mag mensen die ik noem benaderen" in page
    client.post(url, data={"kind": "leden_benaderen", "choice": "intrekken"})
    page = client.get(f"/bewoners/{people.riek.id}/privacy/").get_data(as_text=True)
    assert "Ingetrokken op" in page
    assert consent.withdrawn(db, people.riek.id, "leden_benaderen")
    client.post(url, data={"kind": "kaart_en_plan", "choice": "geven"})
    client.post(url, data={"kind": "kaart_en_plan", "choice": "intrekken"})
    page = client.get(f"/bewoners/{people.riek.id}/").get_data(as_text=True)
    assert "De bewoner wil niet meer dat wij de kaart en het plan bewaren" in page
    assert client.post(url, data={"kind": "geld", "choice": "geven"}).status_code == 302
    assert "Onbekende soort toestemming" in client.get(
        f"/bewoners/{people.riek.id}/privacy/").get_data(as_text=True)


def test_withdrawn_contact_consent_stops_the_invitations(client, auth, people, db):
    from sns.beraad import meetings as beraad

    meeting = beraad.new_meeting(db, people.ans, people.riek, "Agenda")
    consent.give(db, people.ans, people.riek, "leden_benaderen")
    consent.withdraw(db, people.ans, people.riek, "leden_benaderen")
    db.commit()
    auth.login("ans")
    response = client.get(f"/bewoners/{people.riek.id}/afdrukken/uitnodigingen/"
                          f"{meeting.id}.pdf")
    assert response.status_code == 409
    assert "toestemming" in response.get_data(as_text=True)


def test_every_view_is_in_the_log_with_the_address(client, auth, people, db):
    auth.login("ans")
    client.get(f"/bewoners/{people.riek.id}/", environ_base={"REMOTE_ADDR": "198.51.100.4"})
    event = db.scalars(select(AuditEvent).where(AuditEvent.action == "resident.view")).one()
    assert (event.resident_id, event.coach_id) == (people.riek.id, people.ans.id)
    assert (event.detail, event.from_address) == ("residents.show", "198.51.100.4")
    page = client.get(f"/bewoners/{people.riek.id}/privacy/").get_data(as_text=True)
    assert "Wie heeft uw gegevens bekeken?" in page
    assert "bekeken" in page
    assert "Ans" in page
    assert audit.verify(db)[1] is None


def test_export_zip_holds_every_field_and_the_network(client, auth, people, db):
    resident = full_resident(db, people.ans, "ZIPJE")
    auth.login("ans")
    response = client.get(f"/bewoners/{resident.id}/privacy/alles-wat-wij-bewaren.zip")
    assert response.status_code == 200
    assert "ZIPJE" not in response.headers["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    data = json.loads(archive.read("alles.json"))
    assert data["tabellen"]["resident"][0]["hulpvraag"] == "Hulpvraag ZIPJE"
    assert {m["note"] for m in data["tabellen"]["network_member"]} == {"Notitie ZIPJE", None}
    assert [(m["gives"], m["state"]) for m in data["tabellen"]["network_member"]] == [
        (["nood"], None), ([], "vroeger")]
    assert data["tabellen"]["meeting"][0]["notes"] == "Verslag ZIPJE"
    assert data["tabellen"]["consent"][0]["kind"] == "kaart_en_plan"
    G = read_graphml(io.BytesIO(archive.read("netwerk.graphml")))
    assert {"Lid ZIPJE A", "Lid ZIPJE B"} <= {d.get("name") for _, d in G.nodes(data=True)}
    exports = db.scalars(select(AuditEvent).where(AuditEvent.action == "resident.export"))
    assert [e.detail for e in exports] == ["zip"]


def test_export_pdf_tells_everything_in_plain_words(client, auth, people, db):
    resident = full_resident(db, people.ans, "PDFJE")
    auth.login("ans")
    client.get(f"/bewoners/{resident.id}/")  # a view, to be found in the log part
    response = client.get(f"/bewoners/{resident.id}/privacy/alles-wat-wij-bewaren.pdf")
    assert response.status_code == 200
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(response.data)).pages)
    text = " ".join(text.split())
    for expected in ("Alles wat wij van u bewaren", "Uw hulpvraag", "Hulpvraag PDFJE",
                     "De mensen in uw netwerk", "Lid PDFJE A", "Notitie PDFJE", "Kan PDFJE",
                     "U helpt met Hulp in nood", "Staat op de kaart als Vroeger",
                     "Wie kent wie", "Opgeslagen momenten", "Moment PDFJE", "Verslag PDFJE",
                     "Aanbod PDFJE", "Actie PDFJE", "Evaluatie PDFJE", "Nu PDFJE",
                     "Uw toestemming", "De coach maakt met mij een netwerkkaart",
                     "Wie heeft uw gegevens bekeken?", "bekeken", "Ans"):
        assert expected in text, expected


def test_stranger_export_is_404_and_audited(client, auth, people, db):
    auth.login("bob")
    for path in ("alles-wat-wij-bewaren.pdf", "alles-wat-wij-bewaren.zip"):
        assert client.get(f"/bewoners/{people.riek.id}/privacy/{path}").status_code == 404
    denied = db.scalars(select(AuditEvent).where(AuditEvent.action == "resident.denied"))
    assert [e.resident_id for e in denied] == [people.riek.id] * 2


def test_erasure_needs_the_name_and_then_leaves_nothing(client, auth, people, db):
    resident = full_resident(db, people.ans, "WISSEN")
    rid = resident.id
    auth.login("ans")
    url = f"/bewoners/{rid}/privacy/wissen"
    page = client.get(url).get_data(as_text=True)
    version = resident.version
    assert f'name="version" value="{version}"' in page
    wrong = client.post(url, data={"confirmation": "Iemand", "version": version})
    assert wrong.status_code == 400
    assert "De naam klopt niet" in wrong.get_data(as_text=True)
    assert db.get(Resident, resident.id) is not None

    done = client.post(url, data={"confirmation": "Bewoner WISSEN", "version": version})
    assert done.status_code == 302
    db.expire_all()
    assert db.get(Resident, rid) is None
    assert db.scalars(select(NetworkMember).where(NetworkMember.resident_id == rid)).all() == []
    assert client.get(f"/bewoners/{rid}/").status_code == 404


def test_the_other_coachs_edit_during_erasure(client, auth, people, db):
    """Duo: Bob's edit saved in between stops Ans's erasure (409, nothing deleted); Bob's edit
    after the erasure finds no resident (404) and creates nothing."""
    from sns.residents.caseload import assign_coaches

    resident = full_resident(db, people.ans, "DUOTJE")
    rid, name = resident.id, resident.name
    assign_coaches(db, people.leider, resident, [people.ans, people.bob])
    db.commit()
    db.refresh(resident)
    seen = resident.version
    auth.login("bob")
    client.post(f"/bewoners/{rid}/bewerken", data={
        "name": name, "hulpvraag": "Bob was hier", "version": seen})
    auth.logout()
    auth.login("ans")
    conflict = client.post(f"/bewoners/{rid}/privacy/wissen",
                           data={"confirmation": name, "version": seen})
    assert conflict.status_code == 409
    assert "Er is niets verwijderd" in conflict.get_data(as_text=True)
    db.expire_all()
    fresh = db.get(Resident, rid)
    assert fresh.hulpvraag == "Bob was hier"
    client.post(f"/bewoners/{rid}/privacy/wissen",
                data={"confirmation": name, "version": fresh.version})
    auth.logout()
    auth.login("bob")
    late = client.post(f"/bewoners/{rid}/bewerken", data={
        "name": name, "hulpvraag": "Te laat", "version": fresh.version})
    assert late.status_code == 404
    assert "bestaat niet" in late.get_data(as_text=True)
    db.expire_all()
    assert db.get(Resident, rid) is None


def test_privacy_officer_searches_and_exports_the_log(client, auth, people, db, password_hash):
    _privacy_officer(db, password_hash)
    auth.login("ans")
    client.get(f"/bewoners/{people.riek.id}/")
    auth.logout()
    auth.login("fg")
    page = client.get(f"/privacy/logboek?bewoner={people.riek.id}&gebruiker=ans")
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "resident.view" in text
    assert "residents.show" in text
    today = utcnow().date().isoformat()
    assert "residents.show" in client.get(
        f"/privacy/logboek?van={today}&tot={today}").get_data(as_text=True)
    assert "Niets gevonden" in client.get(
        "/privacy/logboek?van=2000-01-01&tot=2000-01-02").get_data(as_text=True)
    assert client.get("/privacy/logboek?bewoner=abc").status_code == 400
    assert client.get("/privacy/logboek?van=gisteren").status_code == 400
    csv_text = client.get(f"/privacy/logboek.csv?bewoner={people.riek.id}").get_data(
        as_text=True)
    lines = csv_text.strip().splitlines()
    assert lines[0].startswith("volgnummer,tijd_utc,wie")
    assert any(",resident.view," in line and ",Ans," in line for line in lines[1:])
    assert client.get(f"/bewoners/{people.riek.id}/").status_code == 404
    assert client.get(f"/bewoners/{people.riek.id}/privacy/").status_code == 404


def test_privacy_officer_sees_no_file_even_when_assigned(client, auth, people, db,
                                                         password_hash):
    from sns.models import Assignment

    officer = _privacy_officer(db, password_hash)
    db.add(Assignment(resident_id=people.riek.id, coach_id=officer.id))
    db.commit()
    auth.login("fg")
    assert client.get(f"/bewoners/{people.riek.id}/").status_code == 404


def test_log_is_for_the_privacy_officer_only(client, auth, people):
    for username in ("ans", "leider", "admin"):
        auth.login(username)
        assert client.get("/privacy/logboek").status_code == 403
        assert client.get("/privacy/logboek.csv").status_code == 403
        auth.logout()


def test_csv_cells_never_start_a_formula(db, people):
    from sns.privacy import access_log

    audit.record(db, people.ans, "account.update", detail="=HYPERLINK(\"x\")")
    db.commit()
    text = "".join(access_log.to_csv(access_log.lines_iter(db, access_log.Search())))
    assert "'=HYPERLINK" in text


def test_teamleider_sees_what_will_be_erased_soon(client, auth, people, db):
    from sns.residents.caseload import create_resident

    soon = create_resident(db, people.ans, "Bijna Weg")
    later = create_resident(db, people.ans, "Nog Lang")
    for resident, days_ago in ((soon, 710), (later, 100)):
        resident.phase = "afgesloten"
        db.add(PhaseChange(resident_id=resident.id, phase="afgesloten",
                           at=utcnow() - timedelta(days=days_ago)))
    db.commit()
    auth.login("leider")
    page = client.get("/bewaartermijn/").get_data(as_text=True)
    assert "Bijna Weg" in page
    assert "Nog Lang" not in page
    auth.logout()
    auth.login("ans")
    assert client.get("/bewaartermijn/").status_code == 403


def test_invitation_letter_tells_the_invitee_how_to_be_removed(client, auth, people, db):
    from sns.beraad import meetings as beraad
    from sns.network.members import MemberFields, add_member

    member = add_member(db, people.ans, people.riek, MemberFields(name="Oma Riek"))
    meeting = beraad.new_meeting(db, people.ans, people.riek, "Agenda")
    beraad.prepare(db, people.ans, people.riek, meeting, expected_version=meeting.version,
                   on_date=None, at_time=None, place=None, agenda=None, invitation=None,
                   invitee_ids=[member.id])
    db.commit()
    auth.login("ans")
    response = client.get(f"/bewoners/{people.riek.id}/afdrukken/uitnodigingen/"
                          f"{meeting.id}.pdf")
    text = " ".join(" ".join(p.extract_text() for p in
                             pypdf.PdfReader(io.BytesIO(response.data)).pages).split())
    assert ("Uw naam staat op de netwerkkaart van Riek; wilt u dat niet, vraag dan Riek of "
            "coach Ans om uw naam eraf te halen.") in text


def test_member_notes_are_marked_optional(client, auth, people, db):
    from sns.network.members import MemberFields, add_member

    member = add_member(db, people.ans, people.riek, MemberFields(name="Buurman"))
    db.commit()
    auth.login("ans")
    page = client.get(f"/bewoners/{people.riek.id}/leden/m{member.id}").get_data(as_text=True)
    assert page.count("Alleen als de bewoner dat wil") == 3


def test_teamleider_erases_a_team_resident_after_typing_the_name(client, auth, people, db):
    resident = full_resident(db, people.ans, "LEIDER")
    rid, version = resident.id, resident.version
    auth.login("leider")
    url = f"/bewaartermijn/bewoners/{rid}/wissen"
    assert client.post(url, data={"confirmation": "Riek", "version": version}).status_code == 400
    response = client.post(url, data={"confirmation": "bewoner leider", "version": version})
    assert response.headers["Location"] == "/bewaartermijn/"
    db.expire_all()
    assert db.get(Resident, rid) is None


def test_csv_address_and_name_cells_never_start_a_formula(db, people):
    """The log's address and who columns come from outside (a forwarded header, a name an
    admin typed): they are escaped like every other text cell; numbers stay numbers."""
    from sns.privacy import access_log

    people.ans.display_name = "@SUM(1)"
    token = audit.client_address.set("=HYPERLINK(\"http://x\")")
    try:
        audit.record(db, people.ans, "account.update")
    finally:
        audit.client_address.reset(token)
    db.commit()
    rows = list(csv.reader(io.StringIO(
        "".join(access_log.to_csv(access_log.lines_iter(db, access_log.Search()))))))
    last = next(row for row in rows if row[4] == "account.update")
    assert last[7] == "'=HYPERLINK(\"http://x\")"
    assert last[2] == "'@SUM(1)"
    assert last[0].isdigit()


def test_erasure_leaves_the_name_in_no_table_file_upload_or_log(client, auth, people, db, app):
    """A resident whose network came from a file named after them, with a second upload
    left waiting: after erasure the name is in no table (the access log included), no file
    of the instance folder (the waiting upload included), and, on SQLite, neither in the
    database file nor in its write-ahead log."""
    from pathlib import Path

    from graph import schema
    from graph.demo import demo_network
    from graph.files.exports import EXPORTS
    from sns.network.graphs import store_graph
    from sns.residents.caseload import create_resident
    from tests.privacy_data import tables_holding

    resident = create_resident(db, people.ans, "Erik Wismij")
    neighbour = create_resident(db, people.ans, "Blijft Hier")  # shares the pages
    store_graph(db, neighbour, demo_network())
    db.commit()
    rid = resident.id
    G = schema.new_network()
    G.nodes[schema.EGO]["name"] = "Erik Wismij"
    schema.add_member(G, "m1", name="Oma Wismij", circle=1)
    schema.add_member(G, "m2", name="Ans", circle=2)
    schema.add_tie(G, "m1", "m2")
    data = EXPORTS["graphml"].write(G)
    auth.login("ans")

    def upload() -> str:
        response = client.post(f"/bewoners/{rid}/netwerk/import", data={
            "bestand": [(io.BytesIO(data), "Erik Wismij kaart.graphml")]},
            content_type="multipart/form-data")
        assert response.status_code == 303
        return response.headers["Location"]

    assert client.post(upload()).status_code == 303  # confirmed: on the map
    upload()  # left waiting
    imported = db.scalar(select(AuditEvent).where(AuditEvent.action == "network.import"))
    assert imported.detail == "GraphML: 2 leden, 1 verbindingen"
    instance = Path(app.instance_path)
    assert any(b"Wismij" in p.read_bytes() for p in instance.rglob("*") if p.is_file())
    assert "network_member" in tables_holding(db, "Wismij")

    db.expire_all()
    version = db.get(Resident, rid).version
    done = client.post(f"/bewoners/{rid}/privacy/wissen",
                       data={"confirmation": "Erik Wismij", "version": version})
    assert done.status_code == 302
    db.expire_all()

    assert tables_holding(db, "Wismij") == set()
    assert [p.name for p in instance.rglob("*")
            if p.is_file() and b"Wismij" in p.read_bytes()] == []
    url = db.get_bind().url
    if url.get_backend_name() == "sqlite":
        database = Path(url.database)
        for path in (database, database.with_name(database.name + "-wal")):
            assert not path.exists() or b"Wismij" not in path.read_bytes(), path.name
