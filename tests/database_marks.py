"""Which tests run on both databases: the ones marked ``db``, whose own body (the call phase,
not the fixtures) reaches the database. Every other test that asks for ``database_url``
runs once, on SQLite.

The mark cannot silently be missing: a SQLAlchemy hook sees every statement, and an unmarked
test whose call phase executes one fails and says to mark it. The hooks are imported by
tests/conftest.py.
"""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

BACKENDS = ["sqlite", "postgresql"]


class _Watch:
    """Counts the statements executed while a test's call phase runs (in any thread: a live
    server's requests count as the test's)."""

    def __init__(self) -> None:
        self.active = False
        self.statements = 0
        self._lock = threading.Lock()

    def __call__(self, *args) -> None:
        if self.active:
            with self._lock:
                self.statements += 1


_watch = _Watch()
event.listen(Engine, "before_cursor_execute", _watch)


def _shared_database_url(definition) -> bool:
    """Whether the test gets the ``database_url`` of tests/conftest.py (the browser tests
    have one of their own, on SQLite only)."""
    defs = definition._fixtureinfo.name2fixturedefs.get("database_url")
    return bool(defs) and defs[-1].func.__module__ == "tests.conftest"


def pytest_generate_tests(metafunc):
    if "database_url" not in metafunc.fixturenames:
        return
    if not _shared_database_url(metafunc.definition):
        return
    mark = metafunc.definition.get_closest_marker("db")
    # db("postgresql"): a test of something only PostgreSQL does.
    backends = (list(mark.args) or BACKENDS) if mark else BACKENDS[:1]
    metafunc.parametrize("database_url", backends, indirect=True)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    watched = "database_url" in getattr(item, "fixturenames", ()) and _shared_database_url(item)
    _watch.statements, _watch.active = 0, watched
    try:
        result = yield
    finally:
        _watch.active = False
    if watched and _watch.statements and not item.get_closest_marker("db"):
        pytest.fail(f"{_watch.statements} SQL statements in the test's own body, but it is "
                    "not marked @pytest.mark.db: it runs on SQLite only. Mark it (or its "
                    "module: pytestmark = pytest.mark.db) to run it on PostgreSQL too.",
                    pytrace=False)
    return result
