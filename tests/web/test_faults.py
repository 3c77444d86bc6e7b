"""A database that refuses writes for a while: 503 with a Dutch page while it does, reads keep
working, and saving works again as soon as the database does, without a restart."""

from __future__ import annotations

import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from sns.models import NetworkMember
from tests.live import Browser, live_server


@contextmanager
def _read_only(app, database_url):
    """The database read-only, as an operator or a full disk would make it."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        path = Path(url.database)
        # Not the -shm file: SQLite maps it into memory, and a mapped write to an immutable
        # file kills the process (SIGBUS) instead of failing.
        files = [path.parent, path, *path.parent.glob(path.name + "-wal")]
        if shutil.which("chattr") is None:
            pytest.skip("chattr is needed to make a file read-only for root")
        subprocess.run(["chattr", "+i", *map(str, files)], check=True)
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", *map(str, files)], check=True)
        return
    name = url.database
    with psycopg.connect(host=url.query["host"], user=url.username, dbname="postgres",
                         autocommit=True) as conn:
        conn.execute(f"ALTER DATABASE {name} SET default_transaction_read_only = on")
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                     "WHERE datname = %s AND pid <> pg_backend_pid()", (name,))
        try:
            yield
        finally:
            conn.execute(f"ALTER DATABASE {name} SET default_transaction_read_only = off")


def _add(browser, base, name):
    return browser.post(f"{base}/leden", {"name": name, "circle": "2"})


@pytest.mark.db
@pytest.mark.fresh_database  # leaves default_transaction_read_only set (to off)
def test_writes_answer_503_while_read_only_and_work_again_after(app, db, people,
                                                                 database_url):
    base = f"/bewoners/{people.riek.id}"
    with live_server(app) as url:
        coach = Browser(url).login("ans")
        assert _add(coach, base, "Voor").status == 200
        with _read_only(app, database_url):
            refused = [_add(coach, base, f"Tijdens {i}") for i in range(3)]
            caseload = coach.get("/")
            # A resident's file stays closed: its view cannot be written to the access log.
            page = coach.get(f"{base}/verkenning")
        after = [_add(coach, base, f"Na {i}") for i in range(5)]
    assert [r.status for r in refused] == [503] * 3
    assert "Opslaan lukt nu niet; probeer het zo opnieuw" in refused[0].text
    assert caseload.status == 200
    assert "Riek" in caseload.text
    assert page.status == 503
    assert "Wie een dossier bekijkt, wordt altijd vastgelegd" in page.text
    assert [r.status for r in after] == [200] * 5
    db.expire_all()
    names = set(db.scalars(select(NetworkMember.name)))
    assert names == {"Voor", *(f"Na {i}" for i in range(5))}
    assert db.scalar(select(func.count()).select_from(NetworkMember)) == 6


@pytest.mark.db("postgresql")
def test_a_database_that_disappears_and_comes_back(app, people, database_url):
    """PostgreSQL refusing every connection for a while (a restart, a failover): pages and
    /healthz answer 503, and both work again as soon as it is back, without a restart."""
    url = make_url(database_url)  # not SQLite: an open file cannot disappear for its users
    name = url.database

    def admin(sql):
        with psycopg.connect(host=url.query["host"], user=url.username, dbname="postgres",
                             autocommit=True) as conn:
            conn.execute(sql)

    base = f"/bewoners/{people.riek.id}"
    with live_server(app) as server:
        coach = Browser(server).login("ans")
        assert coach.get("/healthz").status == 200
        admin(f"ALTER DATABASE {name} ALLOW_CONNECTIONS false")
        admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "  # noqa: S608
              f"WHERE datname = '{name}'")
        try:
            gone = [coach.get("/healthz"), coach.get(f"{base}/verkenning"),
                    _add(coach, base, "Tijdens")]
        finally:
            admin(f"ALTER DATABASE {name} ALLOW_CONNECTIONS true")
        back = [coach.get("/healthz"), _add(coach, base, "Na")]
    assert [a.status for a in gone] == [503, 503, 503]
    assert "Opslaan lukt nu niet" in gone[2].text
    assert [a.status for a in back] == [200, 200]
    assert "Na staat in cirkel 2" in back[1].text  # the message beside the quick entry
