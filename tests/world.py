"""A database with a little of everything, made through the app as coaches would: for tests
that must reach every route (hostile input) or every table (migrations, backups)."""

from __future__ import annotations

from flask.testing import FlaskClient
from sqlalchemy import select

from sns.models import GroupSession, NetworkMember
from tests.accounts import Auth, CodeApp, FormClient


def _client(app, username: str | None = None, code_app: CodeApp | None = None) -> FlaskClient:
    """A client, logged in as ``username`` (with the second factor its role needs)."""
    app.test_client_class = FormClient
    client = app.test_client()
    if username:
        answer = Auth(client, code_app).login(username)
        assert answer.status_code == 302
        assert not answer.headers["Location"].startswith("/login"), (username, answer.location)
        assert client.get("/account/").status_code == 200, username
    return client


def build(app, people, db) -> dict[str, FlaskClient]:
    """Riek (coached by ans) gets two members, a tie, life domains, a snapshot, a meeting,
    an action and the next phase; ans opens a group session and a participant joins it.
    Returns logged-in clients: ``ans``, ``leider``, ``admin`` and ``participant``."""
    ans = _client(app, "ans")
    base = f"/bewoners/{people.riek.id}"
    for name in ("Oma", "Buurman"):
        assert ans.post(f"{base}/leden", data={"name": name, "circle": "1"}).status_code == 302
    ids = [m.id for m in db.scalars(select(NetworkMember).order_by(NetworkMember.id))]
    ans.post(f"{base}/banden", data={"a": ids[0], "b": ids[1]})
    ans.post(f"{base}/leefgebieden", data={"current_wonen": "Klein huis", "score_wonen": "6"})
    ans.post(f"{base}/momenten", data={"label": "Start"})
    ans.post(f"{base}/beraad/", data={})
    ans.post(f"{base}/plan/acties", data={"what": "Boodschappen", "who": ids[0]})
    ans.post(f"{base}/fase", data={"phase": "netwerkberaad"})
    ans.post("/groepen/nieuw", data={"title": "Avond", "on_date": "2026-12-01"})
    code = db.scalar(select(GroupSession.join_code))
    participant = _client(app)
    participant.post("/doe-mee/", data={"code": code})
    participant.post("/doe-mee/stap/1", data={"name": "Zus", "circle": "1"})
    _client(app).post("/login", data={"username": "ans", "password": "wrong password"})
    codes = CodeApp()
    return {"ans": ans, "leider": _client(app, "leider", codes),
            "admin": _client(app, "admin", codes), "participant": participant}
