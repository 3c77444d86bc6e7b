"""Assigning coaches (teamleider) and managing accounts (admin)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from sns.models import Assignment, Coach
from sns.residents.access import NoCaseload
from sns.residents.caseload import assign_coaches, create_resident
from tests.accounts import PASSWORD, TOTP_SECRET
from tests.pages import visible

pytestmark = pytest.mark.db


def test_teamleider_makes_a_duo_and_bob_can_open_riek(client, auth, people):
    auth.login("leider")
    response = client.post(f"/team/bewoners/{people.riek.id}/coaches",
                           data={"coach": [str(people.ans.id), str(people.bob.id)]})
    assert response.status_code == 302
    auth.logout()
    auth.login("bob")
    assert client.get(f"/bewoners/{people.riek.id}/").status_code == 200
    assert "Riek" in client.get("/").get_data(as_text=True)


def test_teamleider_cannot_assign_a_coach_of_another_team(client, auth, people, db):
    auth.login("leider")
    response = client.post(f"/team/bewoners/{people.riek.id}/coaches",
                           data={"coach": [str(people.other.id)]}, follow_redirects=True)
    assert "Kies coaches uit uw eigen team." in response.get_data(as_text=True)
    db.expire_all()
    assert [c.username for c in db.get(type(people.riek), people.riek.id).coaches] == ["ans"]


def test_admin_creates_an_account_that_can_log_in(client, auth, people):
    auth.login("admin")
    response = client.post("/beheer/accounts/nieuw", data={
        "username": "carla", "display_name": "Carla", "role": "coach",
        "team_id": str(people.ans.team_id), "password": "een lang wachtwoord"})
    assert response.status_code == 302
    auth.logout()
    auth.login("carla", "een lang wachtwoord")
    assert client.get("/").status_code == 200


def test_duplicate_username_is_refused_and_nothing_is_written(client, auth, people, db):
    auth.login("admin")
    before = db.scalar(select(func.count()).select_from(Coach))
    response = client.post("/beheer/accounts/nieuw", data={
        "username": "ANS", "display_name": "", "role": "coach", "team_id": "0",
        "password": "een lang wachtwoord"})
    assert "Deze gebruikersnaam bestaat al" in response.get_data(as_text=True)
    assert db.scalar(select(func.count()).select_from(Coach)) == before


def test_password_reset_ends_the_accounts_sessions(client, auth, people, app):
    ans_client = app.test_client()
    ans_client.post("/login", data={"username": "ans", "password": PASSWORD})
    assert ans_client.get("/").status_code == 200
    auth.login("admin")
    client.post(f"/beheer/accounts/{people.ans.id}/wachtwoord",
                data={"pw-password": "nieuw wachtwoord 123", "pw-csrf_token": client.csrf_token()})
    assert ans_client.get("/").status_code == 302


def test_deactivated_account_cannot_log_in(client, auth, people):
    auth.login("admin")
    client.post(f"/beheer/accounts/{people.bob.id}", data={"role": "coach", "team_id": "0"})
    auth.logout()
    response = auth.login("bob")
    assert "Gebruikersnaam of wachtwoord klopt niet." in response.get_data(as_text=True)



@pytest.fixture
def officers(db, people, password_hash):
    """A privacy officer and a gemeente account in the leider's team."""
    made = []
    for username, role in (("fg", "privacy"), ("wethouder", "gemeente")):
        account = Coach(username=username, display_name=username.title(),
                        password_hash=password_hash, role=role, team=people.leider.team,
                        totp_secret=TOTP_SECRET if role == "privacy" else None)
        db.add(account)
        made.append(account)
    db.commit()
    return made


def test_only_coaches_and_teamleiders_are_offered_assigned_or_given_a_caseload(
        client, auth, people, db, officers):
    """Issue 29, finding 8: the coach list offered every non-admin account of the team, and a
    privacy officer or gemeente account then saw the resident's name."""
    auth.login("leider")
    page = client.get(f"/team/bewoners/{people.riek.id}/coaches").get_data(as_text=True)
    assert "Ans" in page
    assert "Fg" not in page
    assert "Wethouder" not in page
    for officer in officers:
        response = client.post(f"/team/bewoners/{people.riek.id}/coaches",
                               data={"coach": [str(people.ans.id), str(officer.id)]})
        assert response.status_code == 400
        assert "Kies coaches uit uw eigen team." in response.get_data(as_text=True)
    db.expire_all()
    assert [c.username for c in db.get(type(people.riek), people.riek.id).coaches] == ["ans"]

    # The service refuses them too, and no other role makes residents.
    leider = db.get(Coach, people.leider.id)
    for officer in officers:
        with pytest.raises(NoCaseload):
            assign_coaches(db, leider, people.riek, [people.ans, officer])
    for account in [*officers, people.admin]:
        with pytest.raises(NoCaseload):
            create_resident(db, account, "Nieuwe bewoner")
    db.rollback()

    # An assignment made before this rule opens nothing.
    db.add(Assignment(resident_id=people.riek.id, coach_id=officers[0].id))
    db.commit()
    auth.logout()
    auth.login("fg")
    assert "Riek" not in visible(client.get("/").get_data(as_text=True))
    assert "Riek" not in visible(client.get("/deze-week").get_data(as_text=True))
    assert "Nieuwe bewoner" not in client.get("/").get_data(as_text=True)
    assert client.get("/bewoners/nieuw").status_code == 403
