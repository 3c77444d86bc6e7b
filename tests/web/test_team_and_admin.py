"""Assigning coaches (teamleider) and managing accounts (admin)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from sns.models import Coach
from tests.accounts import PASSWORD

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

