"""Shared fixtures: a clean, migrated database per test on SQLite and on PostgreSQL, the app,
a client that fills in CSRF tokens like a browser, and accounts for every role."""

from __future__ import annotations

import gc
import itertools
import shutil
from dataclasses import dataclass

import pytest
from argon2 import PasswordHasher

from graph.demo import demo_network
from sns import migrate
from sns.accounts import coaches as accounts
from sns.accounts import passwords, two_factor
from sns.accounts.passwords import hash_password
from sns.db import make_sessionmaker
from sns.models import Coach, Resident
from sns.network.graphs import store_graph
from sns.residents.caseload import create_resident
from tests.accounts import PASSWORD, TOTP_SECRET, Auth, FormClient
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


@pytest.fixture
def app(database_url, tmp_path, monkeypatch):
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
def demo_riek(db, people) -> Resident:
    """Riek with the demo network stored; ``riek.rows`` maps each of the demo's names (its
    graph nodes) to the member row."""
    people.riek.rows = store_graph(db, people.riek, demo_network())
    db.commit()
    return people.riek


@pytest.fixture
def auth(client) -> Auth:
    return Auth(client)
