"""Who may open what: every resident route against every role, and the team and admin pages.

The resident routes are read from the app's URL map, so a new route that takes a
``resident_id`` is tested here without anyone adding it.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from sns.models import AuditEvent, Coach
from tests.accounts import TOTP_SECRET
from tests.pages import visible
from web import create_app

#: "privacy" is the privacy officer: the whole access log, never a file; "gemeente" the
#: municipality: the anonymous outcome report only.
STRANGERS = ("bob", "leider", "admin", "other", "privacy", "gemeente")


def _resident_rules():
    app = create_app({"DATABASE_URL": "sqlite://", "SECRET_KEY": "x"})
    return sorted(
        (rule.rule, sorted(rule.methods - {"HEAD", "OPTIONS"}))
        for rule in app.url_map.iter_rules()
        if "resident_id" in rule.arguments
        # the teamleider's pages name a loader of their own (web.core.access.resident_loader)
        and getattr(app.view_functions[rule.endpoint], "resident_loader", None) is None
    )


RESIDENT_RULES = _resident_rules()


def _url(rule: str, resident_id: int) -> str:
    url = rule.replace("<int:resident_id>", str(resident_id))
    # Other ids in the path (members, ties, ...) get a number; a stranger must get 404 first.
    while "<int:" in url:
        start = url.index("<int:")
        url = url[:start] + "1" + url[url.index(">", start) + 1:]
    while "<" in url:  # a text id (an upload's token): a made-up one
        start = url.index("<")
        url = url[:start] + "x" + url[url.index(">", start) + 1:]
    return url


def test_resident_routes_were_found():
    assert any(rule == "/bewoners/<int:resident_id>/" for rule, _ in RESIDENT_RULES)


@pytest.mark.db
@pytest.mark.parametrize("username", STRANGERS)
def test_stranger_gets_404_on_every_resident_route(client, auth, people, db, username,
                                                    password_hash):
    """One login per role, then every resident route: each method answers 404 and each
    route leaves a denial of Riek's file in the access log."""
    if username == "privacy":
        db.add(Coach(username="privacy", display_name="FG", password_hash=password_hash,
                     role="privacy", totp_secret=TOTP_SECRET))
        db.commit()
    auth.login(username)
    token = client.csrf_token()
    riek = people.riek.id

    def denials() -> int:
        db.rollback()  # a new snapshot: SQLite's would not see the app's writes
        return db.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.action == "resident.denied", AuditEvent.resident_id == riek))

    wrong, unlogged = [], []
    for rule, methods in RESIDENT_RULES:
        url = _url(rule, riek)
        before = denials()
        for method in methods:
            status = client.open(url, method=method, data={"csrf_token": token}).status_code
            if status != 404:
                wrong.append((method, url, status))
        if denials() <= before:
            unlogged.append(url)
    assert len(RESIDENT_RULES) > 40
    assert wrong == []
    assert unlogged == []


@pytest.mark.db
@pytest.mark.parametrize(
    ("rule", "methods"), [(r, m) for r, m in RESIDENT_RULES if "GET" in m and r.count("<") == 1]
)
def test_assigned_coach_opens_every_resident_page(client, auth, people, rule, methods):
    auth.login("ans")
    response = client.get(_url(rule, people.riek.id))
    # A page that needs a choice first (two snapshots to compare) sends the coach back to
    # the resident's own pages; nothing else is acceptable.
    if response.status_code == 302:
        assert response.headers["Location"].startswith(f"/bewoners/{people.riek.id}/")
    else:
        assert response.status_code == 200


@pytest.mark.db
def test_unknown_resident_is_404_and_audited(client, auth, people, db):
    auth.login("ans")
    assert client.get("/bewoners/999999/").status_code == 404
    events = db.scalars(select(AuditEvent).where(AuditEvent.resident_id == 999999))
    assert [e.action for e in events] == ["resident.denied"]


@pytest.mark.db
@pytest.mark.parametrize(("username", "status"), [
    ("ans", 403), ("admin", 403), ("leider", 200),
])
def test_team_caseload_is_for_the_teamleider(client, auth, people, username, status):
    auth.login(username)
    assert client.get("/team/").status_code == status


@pytest.mark.db
@pytest.mark.parametrize(("username", "status"), [
    ("ans", 403), ("leider", 403), ("admin", 200),
])
def test_account_management_is_for_the_admin(client, auth, people, username, status):
    auth.login(username)
    assert client.get("/beheer/").status_code == status


@pytest.mark.db
@pytest.mark.parametrize("username", ["ans", "leider", "admin"])
def test_resetting_a_second_factor_is_for_the_admin(client, auth, people, username):
    auth.login(username)
    status = client.post(f"/beheer/accounts/{people.bob.id}/tweestaps").status_code
    assert status == (302 if username == "admin" else 403)


@pytest.mark.db
@pytest.mark.parametrize("url", ["/account/", "/account/tweestaps"])
def test_own_account_pages_need_a_login_and_show_only_ones_own(client, auth, people, url):
    assert client.get(url).headers["Location"].startswith("/login")
    auth.login("bob")
    page = visible(client.get(url).get_data(as_text=True))
    assert "Bob" in page
    assert "Ans" not in page


@pytest.mark.db
def test_teamleider_sees_team_residents_but_not_their_files(client, auth, people):
    auth.login("leider")
    page = client.get("/team/").get_data(as_text=True)
    assert "Riek" in page
    assert "Piet" in page
    assert client.get(f"/bewoners/{people.riek.id}/").status_code == 404


@pytest.mark.db
def test_teamleider_cannot_assign_in_another_team(client, auth, people, db, make_resident):
    stranger = make_resident("Zuidbewoner", people.other)
    db.commit()
    auth.login("leider")
    assert client.get(f"/team/bewoners/{stranger.id}/coaches").status_code == 404


@pytest.mark.db
@pytest.mark.parametrize(("username", "status"), [
    ("ans", 403), ("leider", 403), ("admin", 403), ("privacy", 200),
])
def test_access_log_is_for_the_privacy_officer(client, auth, people, db, password_hash,
                                               username, status):
    db.add(Coach(username="privacy", display_name="FG", password_hash=password_hash,
                 role="privacy", totp_secret=TOTP_SECRET))
    db.commit()
    auth.login(username)
    assert client.get("/privacy/logboek").status_code == status
    assert client.get("/privacy/logboek.csv").status_code == status


@pytest.mark.db
@pytest.mark.parametrize(("username", "status"), [
    ("ans", 403), ("leider", 200), ("admin", 403),
])
def test_retention_list_is_for_the_teamleider(client, auth, people, username, status):
    auth.login(username)
    assert client.get("/bewaartermijn/").status_code == status


@pytest.mark.db
def test_teamleider_erases_only_in_the_own_team(client, auth, people, db, make_resident):
    stranger = make_resident("Zuidbewoner", people.other)
    db.commit()
    auth.login("leider")
    assert client.get(f"/bewaartermijn/bewoners/{stranger.id}/wissen").status_code == 404
    assert client.get(f"/bewaartermijn/bewoners/{people.riek.id}/wissen").status_code == 200
    auth.logout()
    auth.login("ans")
    assert client.get(f"/bewaartermijn/bewoners/{people.riek.id}/wissen").status_code == 403


@pytest.mark.db
@pytest.mark.parametrize("username", ["ans", "leider", "admin"])
@pytest.mark.parametrize("url", ["/deze-week", "/agenda"])
def test_own_pages_open_for_every_role(client, auth, people, username, url):
    auth.login(username)
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", ["/deze-week", "/agenda"])
def test_own_pages_need_a_login(client, people, url):
    assert "/login" in client.get(url).headers["Location"]


@pytest.mark.db
def test_calendar_feed_needs_no_login_but_a_valid_token(client, people):
    assert client.get("/agenda/abc.ics").status_code == 404
    # Making or renewing an address does need a login.
    assert "/login" in client.post("/agenda/nieuw-adres").headers["Location"]
