"""Names on paper, read back from the PDFs: the letters greet each invitee as
graph.names reads their map label (or as the coach typed it), and "Alleen voornamen" and
"Alleen initialen" print first names, roles and initials, never a surname."""

from __future__ import annotations

import io
import re
from datetime import date, time

import pytest
from pypdf import PdfReader

from sns.beraad import meetings as beraad
from sns.models import NetworkMember

pytestmark = pytest.mark.db

#: label -> the greeting after "Beste" ("" where the letter must ask the coach for one)
LABELS = {
    "Buurvrouw Annemarie van der Heijden-Bakker": "Annemarie",
    "Meneer en mevrouw de Boer": "meneer en mevrouw De Boer",
    "Dominee Van Dam": "dominee Van Dam",
    "Opa en oma Jansen": "opa en oma Jansen",
    "J.P. Smit": "J.P. Smit",
    "Huisarts": "",
    "Jansen": "",
    "Dochter Sandra": "Sandra en Paul",  # typed by the coach: it wins
}
SECTORS = ("buren", "buren", "vrienden", "familie", "werk_school_club", "professionals",
           "vrienden", "familie")


@pytest.fixture
def riek(db, people, auth):
    riek = people.riek
    members = [NetworkMember(resident_id=riek.id, name=name, sector=sector, circle=2)
               for name, sector in zip(LABELS, SECTORS, strict=True)]
    db.add_all(members)
    db.flush()
    meeting = beraad.new_meeting(db, people.ans, riek, "1. Welkom")
    beraad.prepare(db, people.ans, riek, meeting, expected_version=meeting.version,
                   on_date=date(2026, 12, 12), at_time=time(14, 30), place="bij mij thuis",
                   agenda="1. Welkom", invitation=None, invitee_ids=[m.id for m in members],
                   invitee_text=None, reply_phone=None,
                   salutations={members[-1].id: "Sandra en Paul"})
    db.commit()
    riek.meeting = meeting
    auth.login("ans")
    return riek


def _texts(client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(response.data))
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]


def test_each_letter_greets_as_the_label_says_or_asks(client, riek):
    texts = _texts(client, f"/bewoners/{riek.id}/afdrukken/uitnodigingen/{riek.meeting.id}.pdf")
    greetings = [re.search(r"Beste ?([^,]*),", text).group(1) for text in texts]
    assert sorted(greetings) == sorted(LABELS.values())
    assert not any(word in " ".join(greetings) for word in ("En", "Dam,", "Huisarts"))


def test_the_meeting_page_suggests_the_greeting_and_asks_where_there_is_none(client, riek):
    page = client.get(f"/bewoners/{riek.id}/beraad/{riek.meeting.id}").get_data(as_text=True)
    assert 'placeholder="meneer en mevrouw De Boer"' in page
    assert 'placeholder="dominee Van Dam"' in page
    assert page.count("Geen naam bekend: vul in hoe de brief begint.") == 2  # Huisarts, Jansen


@pytest.mark.parametrize(("option", "shown", "hidden"), [
    ("voornaam", ["Annemarie", "Meneer en", "Dominee", "Opa en oma", "Huisarts", "Sandra"],
     ["Heijden", "Boer", "Van Dam", "Smit", "Jansen"]),
    ("initialen", ["A.v.d.H.-", "d.B.", "v.D.", "J.P.S.", "Huisarts", "Dochter S."],
     ["Annemarie", "Heijden", "Boer", "Van Dam", "Smit", "Jansen", "Sandra"]),
])
def test_the_map_prints_first_names_roles_and_initials_never_a_surname(client, riek, option,
                                                                        shown, hidden):
    text = " ".join(_texts(client, f"/bewoners/{riek.id}/afdrukken/kaart.pdf?namen={option}"))
    for part in shown:
        assert part in text, part
    for part in hidden:
        assert part not in text, part
