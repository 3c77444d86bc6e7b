"""The resident guard (web.core.access): every view whose URL holds a ``resident_id`` gets
its resident from one place in the routing, before it runs, so a new route cannot forget
the check. The tests add routes that know nothing of the guard and show they are guarded."""

from __future__ import annotations

import inspect

import pytest
from flask import Blueprint, request
from sqlalchemy import select

from sns.models import AuditEvent
from web import create_app
from web.core import access

pytestmark = pytest.mark.db


def _denied(db, resident_id: int) -> list[AuditEvent]:
    return list(db.scalars(select(AuditEvent).where(AuditEvent.action == "resident.denied",
                                                    AuditEvent.resident_id == resident_id)))


def _extra_routes(app, ran: list) -> None:
    """A blueprint of resident pages written as if the guard did not exist."""
    extra = Blueprint("extra", __name__, url_prefix="/extra/<int:resident_id>")

    @extra.route("/", methods=["GET", "POST"])
    def page(resident):
        ran.append((request.method, resident.id))
        return "shown"

    @extra.get("/team")
    @access.resident_loader(access.load_team_resident)
    def team_page(resident):
        ran.append(("team", resident.id))
        return "shown"

    app.register_blueprint(extra)


def test_a_new_resident_route_is_guarded(app, client, auth, people, db):
    ran: list = []
    _extra_routes(app, ran)
    auth.login("bob")
    url = f"/extra/{people.riek.id}/"
    assert client.get(url).status_code == 404
    assert client.post(url, data={}).status_code == 404
    assert client.get(f"/extra/{people.riek.id + 1000}/").status_code == 404
    assert ran == []
    denied = _denied(db, people.riek.id)
    assert len(denied) == 2
    assert {e.from_address for e in denied} == {"127.0.0.1"}  # the hook ran first
    assert len(_denied(db, people.riek.id + 1000)) == 1


def test_the_guard_gives_the_view_its_resident_and_logs_the_view(app, client, auth, people,
                                                                  db):
    ran: list = []
    _extra_routes(app, ran)
    auth.login("ans")
    url = f"/extra/{people.riek.id}/"
    assert client.get(url).get_data(as_text=True) == "shown"
    assert client.post(url, data={}).status_code == 200
    assert ran == [("GET", people.riek.id), ("POST", people.riek.id)]
    viewed = db.scalars(select(AuditEvent).where(AuditEvent.action == "resident.view"))
    assert [(e.resident_id, e.detail) for e in viewed] == [(people.riek.id, "extra.page")]


def test_a_view_that_names_its_loader_gets_it(app, client, auth, people, db):
    ran: list = []
    _extra_routes(app, ran)
    auth.login("ans")  # riek's own coach, but this page is for the teamleider
    assert client.get(f"/extra/{people.riek.id}/team").status_code == 403
    auth.logout()
    auth.login("leider")  # not riek's coach, but riek is in the leider's team
    assert client.get(f"/extra/{people.riek.id}/team").status_code == 200
    assert ran == [("team", people.riek.id)]


def test_without_a_login_the_guard_never_runs(app, client, people):
    """The login check comes first: without a login, the login page."""
    ran: list = []
    _extra_routes(app, ran)
    answer = client.get(f"/extra/{people.riek.id}/")
    assert answer.status_code == 302
    assert answer.headers["Location"].startswith("/login")
    assert ran == []


def test_every_resident_rule_is_covered_by_the_guard():
    app = create_app({"DATABASE_URL": "sqlite://", "SECRET_KEY": "x"})
    app_wide = app.before_request_funcs[None]
    # Last of all, so after the login check and the other hooks (web.core.access.init_app).
    assert app_wide[-1] is access.guard_resident
    assert not any(access.guard_resident in funcs
                   for name, funcs in app.before_request_funcs.items() if name is not None)
    loaders = {access.load_resident, access.load_team_resident}
    rules = [r for r in app.url_map.iter_rules() if "resident_id" in r.arguments]
    assert len(rules) > 40
    for rule in rules:
        view = app.view_functions[rule.endpoint]
        parameters = inspect.signature(view).parameters
        assert "resident" in parameters, rule.rule
        assert "resident_id" not in parameters, rule.rule
        assert getattr(view, "resident_loader", access.load_resident) in loaders, rule.rule
