"""Hostile and clumsy input to every route and form: never a 500.

The table is built from the app itself: every rule of the URL map, with every id in its path
replaced by an existing one or by a number no database can store, and every form field name
that appears in a template or a WTForms form, each filled with one hostile value at a time
(huge numbers, NUL characters, text past any length, nonsense). A new route or form field is
covered without anyone adding it here.
"""

from __future__ import annotations

import re

import pytest
from wtforms import Form

from sns.settings import PROJECT_ROOT
from tests import world
from web import create_app

pytestmark = pytest.mark.db

HOSTILE = [
    str(2**63),                 # past SQLite's int64
    str(2**31),                 # past PostgreSQL's integer
    "\x00",                     # PostgreSQL text cannot hold NUL
    "Oma\x00Riek",
    "x" * 6000,                 # past every length limit
    "nan",
    "m" + "9" * 25,             # a member reference of the map, out of range
]
#: A GET reads few query parameters: these values are enough there.
HOSTILE_QUERY = [HOSTILE[0], HOSTILE[3], HOSTILE[4]]
#: Ids in a path: an existing one, and ones no database can store.
PATH_IDS = ["1", str(2**31), str(2**63)]
#: Endpoints left out, and why: logging out ends the session the table runs in.
SKIPPED = {"auth.logout", "static", "vendor.vis"}


def _template_fields() -> set[str]:
    names = set()
    for template in (PROJECT_ROOT / "templates").rglob("*.html"):
        names.update(re.findall(r'name="([A-Za-z_][\w-]*)', template.read_text()))
    return names


def _wtforms_fields() -> set[str]:
    names = set()

    def walk(cls):
        for sub in cls.__subclasses__():
            names.update(name for name, value in vars(sub).items()
                         if hasattr(value, "field_class"))
            walk(sub)

    walk(Form)
    return names


def _rules():
    app = create_app({"DATABASE_URL": "sqlite://", "SECRET_KEY": "x"})
    return sorted((rule.rule, rule.endpoint, sorted(rule.methods - {"HEAD", "OPTIONS"}))
                  for rule in app.url_map.iter_rules() if rule.endpoint not in SKIPPED)


RULES = _rules()
# The life-domain form names its fields after the configured domains.
FIELDS = sorted((_template_fields() | _wtforms_fields() | {
    f"{part}_{code}" for part in ("current", "desired", "score", "version")
    for code in ("wonen", "werk", "gezondheid", "sociaal", "financien")}) - {"csrf_token"})


def _paths(rule: str) -> list[str]:
    """The rule with every id existing, then with each id in turn out of range."""
    ids = re.findall(r"<int:\w+>", rule)

    def fill(values):
        url = rule
        for value in values:
            url = re.sub(r"<int:\w+>", value, url, count=1)
        return url

    paths = [fill(["1"] * len(ids))]
    for i in range(len(ids)):
        for bad in PATH_IDS[1:]:
            paths.append(fill(["1"] * i + [bad] + ["1"] * (len(ids) - i - 1)))
    return paths


@pytest.fixture
def clients(app, people, db):
    """Logged-in clients per kind of route, on a resident with a little of everything."""
    return {who: (c, c.csrf_token()) for who, c in world.build(app, people, db).items()}


#: The clients logged in as an account; the participant of a group session has none. A
#: logged-in client sent to the login page never reached the page under test: a failure.
LOGGED_IN = {"ans", "leider", "admin"}
#: The code step of logging in sends a client without a login half-way back to the password.
LOGIN_FLOW = {"auth.second_factor"}


def _who(rule: str) -> str:
    if rule.startswith("/beheer"):
        return "admin"
    if rule.startswith("/team"):
        return "leider"
    if rule.startswith("/doe-mee"):
        return "participant"
    return "ans"


def test_the_table_covers_the_forms():
    assert {"name", "version", "circle", "note", "username", "code"} <= set(FIELDS)
    assert any(endpoint == "verkenning.add_member" for _, endpoint, _ in RULES)


def _send(client, token: str, method: str, path: str, value: str) -> tuple[int | str, str]:
    """The status and redirect target of one hostile request; an unhandled error counts as
    its repr."""
    fields = {name: value for name in FIELDS}
    try:
        if method == "GET":
            response = client.get(path, query_string=fields)
        else:
            response = client.post(path, data={**fields, "csrf_token": token}, csrf=False)
    except Exception as err:  # an unhandled error is what this test looks for
        return repr(err)[:200], ""
    return response.status_code, response.headers.get("Location", "")


#: The order the clients take their turn in: the teamleider's and the admin's pages act on
#: the existing ids, which are Ans's (reassigning Riek, resetting Ans's password or second
#: factor ends Ans's sessions), so they come after Ans's pages.
TURNS = ("ans", "participant", "leider", "admin")


def test_no_hostile_input_gets_a_500(clients):
    failures, sent = [], 0
    for rule, endpoint, methods in sorted(RULES, key=lambda r: TURNS.index(_who(r[0]))):
        who = _who(rule)
        client, token = clients[who]
        for n, path in enumerate(_paths(rule)):
            for method in methods:
                values = HOSTILE_QUERY if method == "GET" else HOSTILE
                # Every value on the existing ids; on an id out of range one is enough.
                for value in values if n == 0 else values[:1]:
                    status, location = _send(client, token, method, path, value)
                    sent += 1
                    if not isinstance(status, int) or status >= 500:
                        failures.append((method, path, endpoint, value[:12], status))
                    elif (who in LOGGED_IN and location.startswith("/login")
                          and endpoint not in LOGIN_FLOW):
                        # The page was never reached: a test of nothing.
                        failures.append((method, path, endpoint, value[:12], location))
    assert sent > 400
    assert failures == []
