"""Shared fixtures: a clean, migrated database per test on SQLite and on PostgreSQL, the app,
a client that fills in CSRF tokens like a browser, and accounts for every role."""

from __future__ import annotations

import gc
import itertools
import shutil
from dataclasses import dataclass
from datetime import date

import pytest
from argon2 import PasswordHasher
from werkzeug.routing import Rule

from graph.demo import demo_network
from sns import migrate
from sns.accounts import coaches as accounts
from sns.accounts import passwords, two_factor
from sns.accounts.passwords import hash_password
from sns.beraad import meetings as beraad
from sns.db import make_sessionmaker
from sns.models import Action, Coach, Meeting, NetworkMember, Resident
from sns.network.graphs import store_graph
from sns.plan import actions as plan
from sns.residents.caseload import create_resident
from sns.residents.life_domains import BIG_5
from tests.accounts import PASSWORD, TOTP_SECRET, Auth, FormClient
from tests.compiled import SharedBytecode, memoized_url_builders
from tests.database_marks import pytest_generate_tests, pytest_runtest_call  # noqa: F401
from tests.pg import CleanDatabase, PostgresServer
from web import create_app

_counter = itertools.count()


@pytest.fixture(scope="session")
def pg_server():
    server = PostgresServer().start()
    try:
        server.execute("CREATE DATABASE sns_template")
        migrate.upgrade(server.url("sns_template"))
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def pg_clean(pg_server):
    """The PostgreSQL database the tests share, emptied before each (tests/pg.py)."""
    database = CleanDatabase(pg_server, "sns_template", "sns_test")
    yield database
    database.close()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory):
    path = tmp_path_factory.mktemp("template") / "sns.sqlite3"
    migrate.upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture
def database_url(request, tmp_path, sqlite_template):
    """A clean database at the newest migration: on SQLite, and for a test marked ``db`` on
    PostgreSQL too (tests/database_marks.py). On SQLite a copy of the template's file; on
    PostgreSQL the shared database emptied back to the template's rows, or, for a test marked
    ``fresh_database`` (one that changes the schema), a database of its own."""
    if request.param == "sqlite":
        path = tmp_path / "sns.sqlite3"
        shutil.copy(sqlite_template, path)
        yield f"sqlite:///{path}"
        return
    if request.node.get_closest_marker("fresh_database"):
        server = request.getfixturevalue("pg_server")
        name = f"test_{next(_counter)}"
        server.execute(f"CREATE DATABASE {name} TEMPLATE sns_template")
        yield server.url(name)
        server.execute(f"DROP DATABASE {name} WITH (FORCE)")
        return
    clean = request.getfixturevalue("pg_clean")
    clean.reset()
    yield clean.url
    if clean.schema_changed():
        clean.rebuild()
        pytest.fail("the test changed the schema or settings of the shared database: mark it "
                    "@pytest.mark.fresh_database", pytrace=False)


@pytest.fixture(scope="session")
def compiled_templates() -> SharedBytecode:
    """The templates each app compiles, compiled once for the run (tests/compiled.py)."""
    return SharedBytecode()


@pytest.fixture(scope="session", autouse=True)
def compiled_url_builders():
    """Each app's URL builders, compiled once per kind of rule for the run
    (tests/compiled.py)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Rule, "_compile_builder", memoized_url_builders(Rule._compile_builder))
        yield


@pytest.fixture
def app(database_url, tmp_path, monkeypatch, compiled_templates):
    monkeypatch.setenv("SNS_INSTANCE_PATH", str(tmp_path / "instance"))
    # CPython 3.11.7 (gh-106905): a garbage collection that runs the finalizers of earlier
    # tests' apps while Werkzeug compiles this app's routes from AST objects can raise
    # "SystemError: AST constructor recursion depth mismatch". No collection inside
    # create_app, then (a server builds its app once, with nothing to collect).
    gc.disable()
    try:
        app = create_app({"TESTING": True, "DATABASE_URL": database_url, "SECRET_KEY": "test"})
    finally:
        gc.enable()
    app.jinja_env.bytecode_cache = compiled_templates
    yield app
    app.extensions["sns_engine"].dispose()
    app.extensions["sns_write_engine"].dispose()


@pytest.fixture
def db(app):
    """A session on the test database, for arranging data and checking what was stored."""
    with make_sessionmaker(app.extensions["sns_engine"])() as session:
        yield session


@pytest.fixture
def client(app):
    app.test_client_class = FormClient
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@dataclass
class People:
    """Two coaches of one team, their teamleider, an admin, a coach of another team and an
    account of the municipality (sees only the outcome report);
    ``ans`` coaches resident ``riek``, ``bob`` coaches ``piet``."""

    ans: Coach
    bob: Coach
    leider: Coach
    admin: Coach
    other: Coach
    gemeente: Coach
    riek: Resident
    piet: Resident


@pytest.fixture(scope="session", autouse=True)
def quick_password_hashing():
    """Argon2id with the least work it allows, for every password and recovery code the tests
    set and log in with. The app's hasher is slow on purpose (about 0.1 s per login on this
    machine, most of the suite's time); what is tested is whether the right password is
    checked, not how hard. A password made with the app's own settings still works: its hash
    carries its settings (tests/sns/test_passwords.py). Yields the app's own hasher."""
    with pytest.MonkeyPatch.context() as patch:
        apps = passwords._hasher
        patch.setattr(passwords, "_hasher",
                      PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
        yield apps


@pytest.fixture(scope="session")
def password_hash() -> str:
    """PASSWORD hashed once, for the fixtures' many accounts."""
    return hash_password(PASSWORD)


@pytest.fixture
def people(db, password_hash) -> People:
    team = accounts.get_or_create_team(db, "Wijkteam Noord")
    other_team = accounts.get_or_create_team(db, "Wijkteam Zuid")

    def account(username, role, team_):
        coach = Coach(username=username, display_name=username.title(),
                      password_hash=password_hash, role=role, team=team_)
        if role in two_factor.TWO_FACTOR_ROLES:
            coach.totp_secret = TOTP_SECRET
        db.add(coach)
        db.flush()
        return coach

    people = People(
        ans=account("ans", "coach", team),
        bob=account("bob", "coach", team),
        leider=account("leider", "teamleider", team),
        admin=account("admin", "admin", None),
        other=account("other", "coach", other_team),
        gemeente=account("gemeente", "gemeente", None),
        riek=None,
        piet=None,
    )
    people.riek = create_resident(db, people.ans, "Riek")
    people.piet = create_resident(db, people.bob, "Piet")
    db.commit()
    return people


@pytest.fixture
def demo_riek(db, people, make_network) -> Resident:
    """Riek with the demo network stored; ``riek.rows`` maps each of the demo's names (its
    graph nodes) to the member row."""
    make_network(people.riek)
    db.commit()
    return people.riek


@pytest.fixture
def auth(client) -> Auth:
    return Auth(client)


#: The day the factories' actions are made on, unless a test says otherwise.
FACTORY_TODAY = date(2026, 12, 1)


@pytest.fixture
def make_resident(db, people):
    """``make_resident(name="Riek", coach=None, **fields)``: a resident of ``coach`` (Ans
    unless given), with ``fields`` (phase, next_review, ...) set; flushed, not committed."""
    def make(name: str = "Riek", coach: Coach | None = None, **fields) -> Resident:
        resident = create_resident(db, coach or people.ans, name)
        for field, value in fields.items():
            setattr(resident, field, value)
        db.flush()
        return resident
    return make


@pytest.fixture
def make_network(db):
    """``make_network(resident, graph=None)``: the graph (the demo network unless given)
    stored as the resident's network; returns and sets ``resident.rows``, each graph node's
    member row."""
    def make(resident: Resident, graph=None) -> dict:
        resident.rows = store_graph(db, resident, demo_network() if graph is None else graph)
        db.flush()
        return resident.rows
    return make


@pytest.fixture
def make_member(db):
    """``make_member(resident, name="Toos", **fields)``: one member of the resident's
    network, in circle 1 unless ``fields`` say otherwise."""
    def make(resident: Resident, name: str = "Toos", **fields) -> NetworkMember:
        member = NetworkMember(resident_id=resident.id, name=name,
                               **{"circle": 1, **fields})
        db.add(member)
        db.flush()
        return member
    return make


@pytest.fixture
def make_meeting(db, people):
    """``make_meeting(resident, coach=None, agenda="agenda", **fields)``: a netwerkberaad of
    the resident, made as the app makes it, with ``fields`` (on_date, place, ...) set."""
    def make(resident: Resident, coach: Coach | None = None, agenda: str = "agenda",
             **fields) -> Meeting:
        meeting = beraad.new_meeting(db, coach or people.ans, resident, agenda)
        for field, value in fields.items():
            setattr(meeting, field, value)
        db.flush()
        return meeting
    return make


@pytest.fixture
def make_action(db, people):
    """``make_action(resident, what="Bellen", who=(), coach=None, today=FACTORY_TODAY,
    **fields)``: an action of the resident's plan through ``plan.add_action`` (so it is
    checked as the form's would be); ``who`` are member rows or ids, ``fields`` the other
    fields of ``plan.ActionInput`` (professional, due, domain, status, ongoing, how_often)."""
    def make(resident: Resident, what: str = "Bellen", who=(), coach: Coach | None = None,
             today: date = FACTORY_TODAY, **fields) -> Action:
        ids = [getattr(m, "id", m) for m in who]
        data = plan.ActionInput(what, ids, **{"professional": None, "due": None,
                                              "domain": None, **fields})
        return plan.add_action(db, coach or people.ans, resident, data, BIG_5, today)
    return make
