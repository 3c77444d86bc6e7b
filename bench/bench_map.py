"""Time the netwerkverkenning page (map, table and ties) on the server, and its size.

Usage: ``.venv/bin/python bench/bench_map.py [--runs N]``

For networks of 25, 100 and 500 members (the seeded, realistic networks of bench_scan) the
page is requested through Flask's test client, logged in as the resident's coach, on a
SQLite database in a temp dir. Prints the median server time of ``--runs`` requests
(default 7) and the HTML size; vis-network itself (a static file, cached) is not counted.
Target: under 150 ms for 100 members.
"""

from __future__ import annotations

import argparse
import os
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_scan import realistic_network  # noqa: E402

from sns import accounts, migrate, residents  # noqa: E402
from sns.network import store_graph  # noqa: E402
from web import create_app  # noqa: E402
from web.database import get_db  # noqa: E402

SIZES = (25, 100, 500)
PASSWORD = secrets.token_urlsafe(16)  # a throwaway account in a temp database


def _login(client) -> None:
    page = client.get("/login").get_data(as_text=True)
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    client.post("/login", data={"username": "bench", "password": PASSWORD,
                                "csrf_token": token})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SNS_INSTANCE_PATH"] = tmp
        url = f"sqlite:///{tmp}/bench.sqlite3"
        migrate.upgrade(url)
        app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench"})
        with app.app_context():
            db = get_db()
            coach = accounts.create_coach(db, "bench", PASSWORD)
            ids = {}
            for size in SIZES:
                resident = residents.create_resident(db, coach, f"Bewoner {size}")
                store_graph(db, resident, realistic_network(size))
                ids[size] = resident.id
            db.commit()
        client = app.test_client()
        _login(client)
        print(f"{'members':>8} {'median ms':>10} {'min ms':>8} {'HTML KiB':>9}")
        for size in SIZES:
            times, body = [], b""
            for _ in range(args.runs + 1):
                start = time.perf_counter()
                response = client.get(f"/bewoners/{ids[size]}/verkenning")
                times.append((time.perf_counter() - start) * 1000)
                body = response.data
                assert response.status_code == 200, response.status_code
            times = times[1:]  # the first request warms caches (templates, imports)
            print(f"{size:>8} {statistics.median(times):>10.1f} {min(times):>8.1f} "
                  f"{len(body) / 1024:>9.1f}")


if __name__ == "__main__":
    main()
