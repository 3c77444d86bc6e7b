"""Networks in and out on the web: the download per format (audited, privacy option), the
upload with a preview that writes nothing, the confirmation, and bad files refused with
the database unchanged. Runs on SQLite and PostgreSQL."""

from __future__ import annotations

import html
import io
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from graph.demo import demo_network
from graph.files.exports import EXPORTS
from sns.models import AuditEvent, NetworkMember, Tie
from sns.network.graphs import store_graph, to_graph
from sns.residents.caseload import create_resident
from tests.accounts import Auth
from tests.netfiles_helpers import by_name

pytestmark = pytest.mark.db

NC = Path(__file__).parent.parent / "graph" / "netfiles" / "networkcanvas_csv"


@pytest.fixture
def riek(client, auth, people, db):
    G = demo_network()
    G.add_edge("Ans", "Toos", quality=None, note="kennen elkaar van de kerk")
    store_graph(db, people.riek, G)
    db.commit()
    auth.login("ans")
    return people.riek


@pytest.fixture
def nieuw(db, people):
    resident = create_resident(db, people.ans, "Nieuwe bewoner")
    db.commit()
    return resident


def _count(db, model, resident=None):
    query = select(func.count()).select_from(model)
    if resident is not None:
        query = query.where(model.resident_id == resident.id)
    return db.scalar(query)


def _upload(client, resident, files: dict[str, bytes]):
    data = {"bestand": [(io.BytesIO(content), name) for name, content in files.items()]}
    return client.post(f"/bewoners/{resident.id}/netwerk/import", data=data,
                       content_type="multipart/form-data")


@pytest.mark.parametrize("fmt", sorted(EXPORTS))
def test_export_then_import_gives_the_same_network(client, db, riek, nieuw, fmt):
    response = client.get(f"/bewoners/{riek.id}/netwerk/export?formaat={fmt}")
    assert response.status_code == 200
    filename = f"netwerk-{riek.id}.{EXPORTS[fmt].extension}"
    assert response.headers["Content-Disposition"] == f'attachment; filename="{filename}"'
    assert response.headers["Cache-Control"] == "no-store"
    event = db.scalar(select(AuditEvent).where(AuditEvent.action == "network.export"))
    assert (event.resident_id, event.detail) == (riek.id, f"{fmt} volledig")

    upload = _upload(client, nieuw, {filename: response.data})
    assert upload.status_code == 303
    preview = client.get(upload.headers["Location"]).get_data(as_text=True)
    assert "Wat wordt er ingelezen?" in preview
    assert "Pastor Verbeek" in preview
    assert _count(db, NetworkMember, nieuw) == 0  # the preview wrote nothing

    done = client.post(upload.headers["Location"], data={"bewoner": ""})
    assert done.status_code == 303
    assert done.headers["Location"] == f"/bewoners/{nieuw.id}/verkenning"
    db.expire_all()
    assert by_name(to_graph(db, nieuw)) == by_name(to_graph(db, riek))
    assert db.scalar(select(AuditEvent).where(AuditEvent.action == "network.import",
                                              AuditEvent.resident_id == nieuw.id))
    page = client.get(done.headers["Location"]).get_data(as_text=True)
    assert "15 mensen uit het bestand staan op de kaart." in page
    assert "kennen elkaar van de kerk" in page  # the tie's note


def test_privacy_option_exports_initials_only(client, riek):
    response = client.get(f"/bewoners/{riek.id}/netwerk/export?formaat=json&namen=initialen")
    names = {n["name"] for n in json.loads(response.data)["nodes"]}
    assert "Fatma" not in names
    assert "F." in names
    assert "Riek de Vries" not in json.dumps(json.loads(response.data))


def test_unknown_format_or_name_option_is_400(client, riek):
    assert client.get(f"/bewoners/{riek.id}/netwerk/export?formaat=xls").status_code == 400
    assert client.get(f"/bewoners/{riek.id}/netwerk/export?namen=geheim").status_code == 400


def test_the_verkenning_page_offers_the_download(client, riek):
    page = client.get(f"/bewoners/{riek.id}/verkenning").get_data(as_text=True)
    assert f'action="/bewoners/{riek.id}/netwerk/export"' in page
    assert 'value="gexf"' in page
    assert 'value="initialen"' in page


def test_network_canvas_preview_shows_what_maps_to_what(client, db, riek, nieuw):
    files = {p.name: p.read_bytes() for p in sorted(NC.iterdir())}
    upload = _upload(client, nieuw, files)
    page = client.get(upload.headers["Location"]).get_data(as_text=True)
    assert "CSV (Network Canvas)" in page
    assert "In het bestand staat geen bewoner." in page
    assert "Chantal, buurvrouw" in page
    assert "closeness" in page
    assert "niet ingelezen" in page
    assert "support_*" in page
    assert "helpt met" in page
    assert "meer verbindingen tussen dezelfde twee mensen" in page
    client.post(upload.headers["Location"])
    db.expire_all()
    ties = by_name(to_graph(db, nieuw))[1]
    assert ties[frozenset(("Ans", "Bert"))]["note"] == "family, knows"


def test_a_value_that_does_not_fit_is_named_in_the_preview(client, nieuw, riek):
    files = {"alters.csv": b"egoID,alterID,name,circle\n1,a,Ans,1\n1,b,Bob,9\n"}
    page = client.get(_upload(client, nieuw, files).headers["Location"]).get_data(as_text=True)
    assert "niet ingelezen: &#39;9&#39; past niet bij cirkel" in page


def test_the_coach_chooses_who_in_the_file_is_the_resident(client, db, nieuw, riek):
    gexf = (NC.parent / "gephi.gexf").read_bytes()
    location = _upload(client, nieuw, {"gephi.gexf": gexf}).headers["Location"]
    page = html.unescape(client.get(location).get_data(as_text=True))
    assert "Als bewoner genomen: 'n0' (de persoon met het label 'ego')." in page
    page = html.unescape(client.get(f"{location}?bewoner=n1").get_data(as_text=True))
    assert "Als bewoner genomen: 'n1' (door u gekozen)." in page
    assert client.post(location, data={"bewoner": "n1"}).status_code == 303
    db.expire_all()
    G = to_graph(db, nieuw)
    assert sorted(G.nodes[n]["name"] for n in G if n != "ego") == ["Bas", "Ego"]


def test_the_preview_escapes_what_the_file_says(client, nieuw, riek):
    hostile = "<img src=x onerror=alert(1)>"
    files = {"alters.csv": f'egoID,alterID,name,"{hostile}"\n1,a,"{hostile}",x\n'.encode()}
    page = client.get(_upload(client, nieuw, files).headers["Location"]).get_data(as_text=True)
    assert hostile not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_names_already_on_the_map_are_named_in_the_preview(client, riek):
    export = client.get(f"/bewoners/{riek.id}/netwerk/export?formaat=graphml").data
    upload = _upload(client, riek, {"terug.graphml": export})
    page = client.get(upload.headers["Location"]).get_data(as_text=True)
    assert "Staan al op de kaart en komen er dan twee keer op" in page


def test_a_bad_file_is_refused_with_its_line_and_nothing_changes(client, db, riek, app):
    before = (_count(db, NetworkMember), _count(db, Tie))
    files = {"ego.csv": b"egoID,name\n1,Riek\n",
             "alters.csv": "egoID,alterID,name\n1,a,Jos\u00e9\n".encode("latin-1")}
    response = _upload(client, riek, files)
    assert response.status_code == 303
    assert response.headers["Location"] == f"/bewoners/{riek.id}/netwerk/"
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "alters.csv, regel 2: dit is geen UTF-8-tekst." in page
    assert (_count(db, NetworkMember), _count(db, Tie)) == before
    assert not list((Path(app.instance_path) / "imports").glob("*.zip"))


def test_a_member_the_form_would_refuse_refuses_the_import(client, db, riek, nieuw):
    long_name = "x" * 150
    files = {"ego.csv": b"egoID,name\n1,Riek\n",
             "alters.csv": f"egoID,alterID,name\n1,a,Ans\n1,b,{long_name}\n".encode()}
    upload = _upload(client, nieuw, files)
    done = client.post(upload.headers["Location"])
    assert done.status_code == 303
    page = client.get(done.headers["Location"]).get_data(as_text=True)
    assert "Deze tekst is te lang." in page
    assert _count(db, NetworkMember, nieuw) == 0


def test_upload_needs_the_csrf_token(client, riek):
    response = client.post(f"/bewoners/{riek.id}/netwerk/import", csrf=False,
                           data={"bestand": (io.BytesIO(b"x"), "a.graphml")},
                           content_type="multipart/form-data")
    assert response.status_code == 400


def test_a_too_large_upload_is_refused(client, riek):
    response = _upload(client, riek, {"groot.graphml": b"x" * 5_200_000})
    assert response.status_code == 413


def test_an_upload_belongs_to_its_resident_and_is_gone_after_cancel(client, db, riek, nieuw):
    export = client.get(f"/bewoners/{riek.id}/netwerk/export?formaat=json").data
    upload = _upload(client, riek, {"n.json": export})
    token = upload.headers["Location"].rsplit("/", 1)[-1]
    assert client.get(f"/bewoners/{nieuw.id}/netwerk/import/{token}").status_code == 404
    assert client.post(f"/bewoners/{nieuw.id}/netwerk/import/{token}").status_code == 404
    cancel = client.post(f"/bewoners/{riek.id}/netwerk/import/{token}/annuleren")
    assert cancel.status_code == 303
    assert client.get(upload.headers["Location"]).status_code == 404


def test_another_coach_cannot_use_the_upload(client, auth, db, riek):
    export = client.get(f"/bewoners/{riek.id}/netwerk/export?formaat=json").data
    location = _upload(client, riek, {"n.json": export}).headers["Location"]
    auth.logout()
    auth.login("bob")
    assert client.get(location).status_code == 404


def test_not_reading_in_deletes_only_an_upload_of_this_session_for_this_resident(
        app, client, db, riek, nieuw, people):
    """Issue 29, finding 7: "Niet inlezen" named any token and its file was deleted."""
    export = client.get(f"/bewoners/{riek.id}/netwerk/export?formaat=json").data
    location = _upload(client, riek, {"n.json": export}).headers["Location"]
    token = location.rsplit("/", 1)[-1]
    # The same coach, another resident's page.
    assert client.post(f"/bewoners/{nieuw.id}/netwerk/import/{token}/annuleren"
                       ).status_code == 404
    # Another coach, on a resident of their own.
    bob = app.test_client()
    Auth(bob).login("bob")
    assert bob.post(f"/bewoners/{people.piet.id}/netwerk/import/{token}/annuleren"
                    ).status_code == 404
    assert client.get(location).status_code == 200  # the upload is still there


def test_an_upload_that_compresses_well_can_be_previewed_and_read_in(client, db, riek, nieuw):
    """Issue 29, finding 9: the app's own waiting ZIP tripped the zip-bomb guard meant for
    foreign archives, outside the view's try: a 500 at the preview."""
    graphml = client.get(f"/bewoners/{riek.id}/netwerk/export?formaat=graphml").data
    padded = graphml.replace(b"<graph ", b"<!-- " + b"a" * 3_000_000 + b" --><graph ", 1)
    location = _upload(client, nieuw, {"kaart.graphml": padded}).headers["Location"]
    preview = client.get(location)
    assert preview.status_code == 200
    assert "Marloes" in preview.get_data(as_text=True)
    assert client.post(location).status_code == 303
    assert _count(db, NetworkMember, nieuw) == _count(db, NetworkMember, riek)


def test_a_file_error_outside_a_views_try_is_a_dutch_400(client, riek, monkeypatch):
    """Issue 29, finding 9: any GraphFileError that escapes a view is the page's reason and a
    400, never the 500 page."""
    from graph.files import GraphFileError
    from web.netfiles import pending

    export = client.get(f"/bewoners/{riek.id}/netwerk/export?formaat=json").data
    location = _upload(client, riek, {"n.json": export}).headers["Location"]

    def unreadable(*_args):
        raise GraphFileError("Dit is geen leesbaar ZIP-bestand.")

    monkeypatch.setattr(pending, "load", unreadable)
    response = client.get(location)
    assert response.status_code == 400
    assert "Dit is geen leesbaar ZIP-bestand. Er is niets ingelezen." in response.get_data(
        as_text=True)
