"""The caseload page and the light intake of a new resident."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from sns.models import Assignment, Resident

pytestmark = pytest.mark.db


def _count(db):
    return db.scalar(select(func.count()).select_from(Resident))


def test_new_resident_with_only_a_name_appears_first_in_my_caseload(client, auth, people, db):
    auth.login("ans")
    response = client.post("/bewoners/nieuw", data={"name": "Meneer Özdemir"})
    assert response.status_code == 302
    page = client.get("/").get_data(as_text=True)
    assert page.index("Meneer Özdemir") < page.index("Riek")
    resident = db.scalar(select(Resident).where(Resident.name == "Meneer Özdemir"))
    assert resident.phase == "verkenning"
    assert resident.team_id == people.ans.team_id
    assert [a.coach_id for a in db.scalars(select(Assignment).where(
        Assignment.resident_id == resident.id))] == [people.ans.id]


def test_missing_name_gets_a_dutch_message_and_nothing_is_saved(client, auth, people, db):
    auth.login("ans")
    before = _count(db)
    response = client.post("/bewoners/nieuw", data={"name": "   ", "hulpvraag": "iets"})
    assert response.status_code == 200
    assert "Vul een naam of schuilnaam in." in response.get_data(as_text=True)
    assert _count(db) == before


def test_overlong_name_is_refused(client, auth, people, db):
    auth.login("ans")
    before = _count(db)
    response = client.post("/bewoners/nieuw", data={"name": "x" * 10_000})
    assert response.status_code == 200
    assert _count(db) == before


def test_markup_in_a_name_is_shown_as_text(client, auth, people):
    auth.login("ans")
    client.post("/bewoners/nieuw", data={"name": "<script>alert(1)</script>"})
    page = client.get("/").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_empty_caseload_invites_to_start(client, auth, people):
    auth.login("leider")
    assert "U heeft nog geen bewoners" in client.get("/").get_data(as_text=True)
