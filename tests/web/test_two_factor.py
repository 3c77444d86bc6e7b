"""Two-factor login in the app: setup, login with a code, reuse, recovery, the admin's reset,
coaches changing their own password and seeing their last login."""

from __future__ import annotations

import re

import pyotp
import pytest
from flask import g
from sqlalchemy import select

from sns.accounts import two_factor
from sns.accounts.passwords import hash_password
from sns.models import AuditEvent, Coach, RecoveryCode
from tests.accounts import PASSWORD, TOTP_SECRET, totp_code

NEW_PASSWORD = "een nieuw lang wachtwoord"


def _password_step(client, username, password=PASSWORD):
    return client.post("/login", data={"username": username, "password": password})


def _secret_on(page: str) -> str:
    return re.search(r'<code id="totp-secret">([A-Z2-7]+)</code>', page).group(1)


@pytest.fixture
def new_leider(db, people):
    """A teamleider whose account has no second factor yet (new, or reset)."""
    leider = db.get(Coach, people.leider.id)
    leider.totp_secret = None
    db.commit()
    return leider


@pytest.mark.db
def test_a_teamleider_without_a_second_factor_must_set_it_up_first(client, new_leider, db):
    response = _password_step(client, "leider")
    assert response.status_code == 302
    team = client.get("/team/")
    assert team.status_code == 302
    assert team.headers["Location"] == "/account/tweestaps"
    page = client.get("/account/tweestaps").get_data(as_text=True)
    assert "Voor uw account is inloggen in twee stappen nodig" in page
    assert "<svg" in page  # the QR code
    secret = _secret_on(page)

    wrong = client.post("/account/tweestaps", data={"code": "000000"})
    assert wrong.status_code == 400
    assert "Deze code klopt niet" in wrong.get_data(as_text=True)
    db.expire_all()
    assert db.get(Coach, new_leider.id).totp_secret is None

    done = client.post("/account/tweestaps", data={"code": pyotp.TOTP(secret).now()})
    codes = re.findall(r"<code>([A-Z0-9]{5}-[A-Z0-9]{5})</code>", done.get_data(as_text=True))
    assert len(codes) == 10
    assert "U ziet deze codes alleen nu." in done.get_data(as_text=True)
    db.expire_all()
    assert db.get(Coach, new_leider.id).totp_secret == secret
    assert client.get("/team/").status_code == 200
    # The codes are not shown again.
    assert codes[0] not in client.get("/account/").get_data(as_text=True)


@pytest.mark.db
def test_login_asks_for_the_code_and_refuses_a_reused_or_wrong_one(app, client, people, db):
    first = _password_step(client, "leider")
    assert first.headers["Location"] == "/login/code"
    assert client.get("/").status_code == 302  # the password alone is not a login
    code = totp_code()
    assert client.post("/login/code", data={"code": code}).headers["Location"] == "/deze-week"
    assert client.get("/team/").status_code == 200
    client.post("/logout")

    # Someone who saw that code over the leider's shoulder cannot use it again.
    thief = app.test_client()
    _password_step(thief, "leider")
    reused = thief.post("/login/code", data={"code": code})
    assert reused.status_code == 400
    assert "Deze code is al gebruikt" in reused.get_data(as_text=True)
    # A code from another account's app does not fit either.
    other = pyotp.TOTP(pyotp.random_base32()).now()
    wrong = thief.post("/login/code", data={"code": other})
    assert "Deze code klopt niet" in wrong.get_data(as_text=True)
    assert thief.get("/team/").status_code == 302
    failures = db.scalars(select(AuditEvent.action).where(
        AuditEvent.coach_id == people.leider.id)).all()
    assert failures.count("login") == 1


def _counted(monkeypatch, module, name: str) -> list:
    """Replace ``module.name`` by a wrapper that notes each call's arguments."""
    calls, original = [], getattr(module, name)

    def counted(*args, **kwargs):
        calls.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


@pytest.mark.db
def test_wrong_codes_are_limited_per_account_from_any_address(app, client, people, db,
                                                              monkeypatch):
    """Issue 29, finding 4: wrong codes were limited per (address, account), so six
    addresses got 60 codes checked. Now CODE_LIMIT per account; then the password step
    starts over, and that is audited."""
    checked = _counted(monkeypatch, two_factor, "check_code")
    clients = []  # (the client fixture makes app.test_client() send CSRF tokens)
    for i in range(3):
        client = app.test_client()
        client.environ_base["REMOTE_ADDR"] = f"192.0.2.{i + 1}"
        _password_step(client, "leider")
        clients.append(client)
    answers = [c.post("/login/code", data={"code": "000000"}) for _ in range(6) for c in clients]
    assert len(checked) == two_factor.CODE_LIMIT
    assert [a.status_code for a in answers[:two_factor.CODE_LIMIT]] == [400] * 10
    refused = answers[two_factor.CODE_LIMIT]
    assert refused.headers["Location"] == "/login"
    # The half-logged-in session is gone: the password step starts over.
    assert clients[1].get("/login/code").headers["Location"] == "/login"
    # From yet another address, after the right password, even the right code waits.
    fresh = app.test_client()
    fresh.environ_base["REMOTE_ADDR"] = "198.51.100.7"
    _password_step(fresh, "leider")
    answer = fresh.post("/login/code", data={"code": totp_code()}, follow_redirects=True)
    assert "Er is te vaak een verkeerde code ingevuld" in answer.get_data(as_text=True)
    assert fresh.get("/team/").status_code == 302
    assert len(checked) == two_factor.CODE_LIMIT
    blocked = db.scalars(select(AuditEvent).where(AuditEvent.action == "login.2fa.blocked"))
    assert {e.coach_id for e in blocked} == {people.leider.id}


@pytest.mark.db
def test_a_recovery_code_is_checked_outside_a_write_transaction(client, people, db,
                                                                 monkeypatch):
    """Issue 29, finding 5: ten Argon2 hashes were checked inside the login's write
    transaction, and on SQLite every coach's save waited seconds for them."""
    for raw in ("ABCDEFGHJK", "MNPQRSTUVW"):
        db.add(RecoveryCode(coach_id=people.leider.id, code_hash=hash_password(raw)))
    db.commit()
    open_transaction = []
    original = two_factor.verify_password

    def watched(code_hash, code):
        open_transaction.append(g.db.in_transaction())
        return original(code_hash, code)

    monkeypatch.setattr(two_factor, "verify_password", watched)
    _password_step(client, "leider")
    assert client.post("/login/code", data={"code": "XXXXX-XXXXX"}).status_code == 400
    assert open_transaction == [False, False]
    assert client.post("/login/code", data={"code": "abcde-fghjk"}).status_code == 302
    assert client.get("/account/").status_code == 302  # now: set up the app again
    db.expire_all()
    assert db.get(Coach, people.leider.id).recovery_codes == []


def test_the_code_step_needs_the_password_step_first(client, people):
    response = client.post("/login/code", data={"code": totp_code()})
    assert response.headers["Location"] == "/login"
    assert client.get("/").status_code == 302


@pytest.mark.db
def test_a_lost_phone_recovery_code_then_a_new_app(client, auth, new_leider, db):
    _password_step(client, "leider")
    page = client.get("/account/tweestaps").get_data(as_text=True)
    secret = _secret_on(page)
    done = client.post("/account/tweestaps", data={"code": pyotp.TOTP(secret).now()})
    codes = re.findall(r"<code>([A-Z0-9]{5}-[A-Z0-9]{5})</code>", done.get_data(as_text=True))
    client.post("/logout")

    _password_step(client, "leider")
    response = client.post("/login/code", data={"code": codes[0]}, follow_redirects=True)
    assert "U bent ingelogd met een herstelcode" in response.get_data(as_text=True)
    db.expire_all()
    assert db.get(Coach, new_leider.id).totp_secret is None
    # Until a new app is set up, only that page opens.
    assert client.get("/team/").headers["Location"] == "/account/tweestaps"
    new_secret = _secret_on(client.get("/account/tweestaps").get_data(as_text=True))
    assert new_secret != secret
    client.post("/account/tweestaps", data={"code": pyotp.TOTP(new_secret).now()})
    assert client.get("/team/").status_code == 200
    client.post("/logout")
    # The recovery code worked once; the old codes were replaced.
    _password_step(client, "leider")
    for old in codes[:2]:
        assert client.post("/login/code", data={"code": old}).status_code == 400


@pytest.mark.db
def test_an_admin_resets_a_lost_second_factor(app, client, auth, people, db):
    leider = app.test_client()
    type(auth)(leider).login("leider")
    assert leider.get("/team/").status_code == 200

    auth.login("admin")
    page = client.get(f"/beheer/accounts/{people.leider.id}").get_data(as_text=True)
    assert "Inloggen in twee stappen uitzetten" in page
    response = client.post(f"/beheer/accounts/{people.leider.id}/tweestaps",
                           follow_redirects=True)
    assert "Inloggen in twee stappen is uitgezet voor leider" in response.get_data(as_text=True)
    event = db.scalar(select(AuditEvent).where(AuditEvent.action == "account.2fa.reset"))
    assert (event.coach_id, event.detail) == (people.admin.id, "leider")
    # The leider's open session ended; at the next login they set up a new app.
    assert leider.get("/team/").status_code == 302
    _password_step(leider, "leider")
    assert leider.get("/team/").headers["Location"] == "/account/tweestaps"


@pytest.mark.db
def test_only_an_admin_resets_a_second_factor(client, auth, people, db):
    auth.login("leider")
    response = client.post(f"/beheer/accounts/{people.ans.id}/tweestaps")
    assert response.status_code == 403
    assert db.scalar(select(AuditEvent).where(AuditEvent.action == "account.2fa.reset")) is None
    db.expire_all()
    assert db.get(Coach, people.leider.id).totp_secret == TOTP_SECRET


@pytest.mark.db
def test_coaches_need_no_second_factor_by_default_but_may_be_made_to(app, client, auth,
                                                                     people):
    auth.login("ans")
    assert client.get("/").status_code == 200
    auth.logout()
    app.config["REQUIRE_2FA"] = True
    auth.login("ans")
    assert client.get("/").headers["Location"] == "/account/tweestaps"


@pytest.mark.db
def test_a_coach_changes_their_own_password(app, client, auth, people, db):
    other_device = app.test_client()
    type(auth)(other_device).login("ans")
    auth.login("ans")

    wrong = client.post("/account/wachtwoord", data={
        "current": "not my password", "new": NEW_PASSWORD, "repeat": NEW_PASSWORD})
    assert wrong.status_code == 400
    assert "Uw huidige wachtwoord klopt niet. Er is niets gewijzigd." in wrong.get_data(
        as_text=True)
    assert other_device.get("/").status_code == 200  # nothing changed

    response = client.post("/account/wachtwoord", data={
        "current": PASSWORD, "new": NEW_PASSWORD, "repeat": NEW_PASSWORD},
        follow_redirects=True)
    assert "Uw wachtwoord is gewijzigd" in response.get_data(as_text=True)
    assert client.get("/").status_code == 200  # this browser goes on
    assert other_device.get("/").status_code == 302  # the other session has ended
    client.post("/logout")
    assert "klopt niet" in auth.login("ans", PASSWORD).get_data(as_text=True)
    assert auth.login("ans", NEW_PASSWORD).status_code == 302
    assert client.get("/").status_code == 200


@pytest.mark.db
def test_the_account_page_shows_the_previous_login(client, auth, people):
    auth.login("ans")
    assert "Dit is de eerste keer dat u bent ingelogd." in client.get("/account/").get_data(
        as_text=True)
    auth.logout()
    auth.login("ans")
    assert "Vorige keer ingelogd:" in client.get("/account/").get_data(as_text=True)
