"""Logging in and out, sessions, CSRF and cookie settings."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import func, select

from sns.models import AuditEvent, Resident
from tests.accounts import PASSWORD

GENERIC = "Gebruikersnaam of wachtwoord klopt niet."


@pytest.mark.db
def test_login_shows_my_caseload(client, auth, people):
    response = auth.login("ans")
    assert response.status_code == 302
    page = client.get("/").get_data(as_text=True)
    assert "Riek" in page
    assert "Piet" not in page


@pytest.mark.db
def test_wrong_password_and_unknown_user_get_the_same_message(client, auth, people):
    wrong = auth.login("ans", "wrong password!")
    unknown = auth.login("nobody-here", PASSWORD)
    assert wrong.status_code == unknown.status_code == 200
    assert GENERIC in wrong.get_data(as_text=True)
    assert GENERIC in unknown.get_data(as_text=True)
    assert client.get("/").status_code == 302  # still not logged in


def test_pages_need_a_login(client, people):
    response = client.get("/")
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


@pytest.mark.db
def test_logout_ends_the_session_even_with_the_old_cookie(client, auth, people, app):
    auth.login("ans")
    old_cookie = client.get_cookie("session").value
    auth.logout()
    assert client.get("/").status_code == 302
    # Someone who copied the cookie before logout cannot use it afterwards.
    replay = app.test_client()
    replay.set_cookie("session", old_cookie)
    assert replay.get("/").status_code == 302


@pytest.mark.db
def test_idle_session_is_logged_out(client, auth, people, app, monkeypatch):
    auth.login("ans")
    assert client.get("/").status_code == 200
    later = time.time() + app.config["IDLE_TIMEOUT"].total_seconds() + 5
    monkeypatch.setattr(time, "time", lambda: later)
    response = client.get("/", follow_redirects=True)
    assert "U bent uitgelogd omdat u een tijd niets heeft gedaan" in response.get_data(as_text=True)


@pytest.mark.db
def test_session_cookie_is_httponly_and_samesite(client, auth, people):
    response = auth.login("ans")
    cookie = next(h for h in response.headers.getlist("Set-Cookie") if h.startswith("session="))
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie


@pytest.mark.db
def test_form_without_csrf_token_is_refused_and_writes_nothing(client, auth, people, db):
    auth.login("ans")
    before = db.scalar(select(func.count()).select_from(Resident))
    response = client.post("/bewoners/nieuw", data={"name": "Zonder token"}, csrf=False)
    assert response.status_code == 400
    assert "Er is niets opgeslagen" in response.get_data(as_text=True)
    assert db.scalar(select(func.count()).select_from(Resident)) == before


def test_login_without_csrf_token_is_refused(client, people):
    response = client.post("/login", data={"username": "ans", "password": PASSWORD}, csrf=False)
    assert response.status_code == 400
    assert client.get("/").status_code == 302


@pytest.mark.db
def test_login_is_audited(client, auth, people, db):
    auth.login("ans")
    actions = db.scalars(select(AuditEvent.action).where(AuditEvent.coach_id == people.ans.id))
    assert "login" in list(actions)


def _login_from(client, address, password):
    return client.post("/login", data={"username": "ans", "password": password},
                       environ_base={"REMOTE_ADDR": address})


@pytest.mark.db
def test_guessing_passwords_makes_that_address_wait_but_not_the_coach(client, app, people,
                                                                       db):
    from sns.accounts.coaches import LOGIN_LIMIT

    for i in range(LOGIN_LIMIT):
        assert GENERIC in _login_from(client, "192.0.2.66", f"guess {i}").get_data(
            as_text=True)
    # Now even the right password is not checked from that address.
    refused = _login_from(client, "192.0.2.66", PASSWORD)
    assert refused.status_code == 429
    assert "Wacht een kwartier" in refused.get_data(as_text=True)
    assert client.get("/").status_code == 302  # not logged in
    # Ans herself, at the office, logs in as usual: nobody can lock her out.
    office = app.test_client()
    assert _login_from(office, "198.51.100.5", PASSWORD).status_code == 302
    assert office.get("/").status_code == 200


@pytest.mark.db
def test_typos_for_one_account_do_not_lock_out_colleagues_behind_the_same_address(app, client,
                                                                                   people):
    from sns.accounts.coaches import LOGIN_LIMIT

    office = "198.51.100.7"  # one public address for the whole office (NAT)
    someone = app.test_client()
    for i in range(LOGIN_LIMIT):
        _login_from(someone, office, f"guess {i}")
    refused = _login_from(someone, office, PASSWORD)
    assert refused.status_code == 429  # that account, from that address, waits
    colleague = app.test_client()
    response = colleague.post("/login", data={"username": "bob", "password": PASSWORD},
                              environ_base={"REMOTE_ADDR": office})
    assert response.status_code == 302
    assert colleague.get("/").status_code == 200


@pytest.mark.db
def test_guessing_many_accounts_from_one_address_hits_the_looser_limit(client, people, db):
    from sns.accounts.coaches import LOGIN_ADDRESS_LIMIT, account_key
    from sns.models import LoginAttempt
    from sns.models.base import utcnow

    db.add_all(LoginAttempt(client="192.0.2.99", at=utcnow(), account=account_key(f"user{i}"))
               for i in range(LOGIN_ADDRESS_LIMIT))
    db.commit()
    refused = client.post("/login", data={"username": "bob", "password": PASSWORD},
                          environ_base={"REMOTE_ADDR": "192.0.2.99"})
    assert refused.status_code == 429
    assert "Wacht een kwartier" in refused.get_data(as_text=True)
    client.post("/login", data={"username": "bob", "password": "typo"})
    stored = db.scalars(select(LoginAttempt.account)).all()
    assert account_key("bob") in stored
    assert "bob" not in stored  # the username itself is not kept
