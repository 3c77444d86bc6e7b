"""The app the benchmarks time: a fresh SQLite database in a temp dir, one coach, and a
resident with a seeded, realistic network (bench_scan.realistic_network) per size."""

from __future__ import annotations

import os
import secrets
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_scan import realistic_network  # noqa: E402

from sns import migrate  # noqa: E402
from sns.accounts import coaches as accounts  # noqa: E402
from sns.network.graphs import store_graph  # noqa: E402
from sns.residents import caseload as residents  # noqa: E402
from web import create_app  # noqa: E402
from web.core.database import get_db  # noqa: E402
from web.core.serving import settled  # noqa: E402

USERNAME = "bench"
PASSWORD = secrets.token_urlsafe(16)  # a throwaway account in a temp database


@contextmanager
def bench_app(sizes: Iterable[int], role: str = "coach"
              ) -> Iterator[tuple[object, dict[int, int]]]:
    """Yield ``(app, {size: resident id})``; everything is deleted afterwards. The
    benchmark's account has ``role`` (the residents are assigned to it)."""
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SNS_INSTANCE_PATH"] = tmp
        url = f"sqlite:///{tmp}/bench.sqlite3"
        migrate.upgrade(url)
        app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench"})
        with app.app_context():
            db = get_db()
            coach = accounts.create_coach(db, USERNAME, PASSWORD, role=role)
            ids = {}
            for size in sizes:
                resident = residents.create_resident(db, coach, f"Bewoner {size}")
                store_graph(db, resident, realistic_network(size))
                ids[size] = resident.id
            db.commit()
        yield settled(app), ids  # as `sns serve` starts its app
        app.extensions["sns_engine"].dispose()


def logged_in_client(app):
    """A test client logged in as the benchmark's coach."""
    client = app.test_client()
    page = client.get("/login").get_data(as_text=True)
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    client.post("/login", data={"username": USERNAME, "password": PASSWORD,
                                "csrf_token": token})
    return client
