"""Time the "Deze week" page for caseloads of several sizes.

Usage: ``.venv/bin/python bench/bench_week.py [--runs N]``

Each resident of the caseload has 12 members, a netwerkberaad held five weeks ago (its
follow-up call is due), three actions (one overdue) and a review date; the page is requested
through Flask's test client, logged in as their coach, on a SQLite database in a temp dir.
Prints the median server time of ``--runs`` requests (default 7) and the number of lines.
Target: under 300 ms for a caseload of 50 (a full-time coach has 20 to 40 residents).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_app import USERNAME, bench_app, logged_in_client  # noqa: E402
from sqlalchemy import select  # noqa: E402

from sns.beraad import meetings as beraad  # noqa: E402
from sns.models import Coach, NetworkMember  # noqa: E402
from sns.plan import actions as plan  # noqa: E402
from sns.residents import caseload as residents  # noqa: E402
from sns.residents.life_domains import BIG_5  # noqa: E402
from web.core.database import get_db  # noqa: E402

SIZES = (20, 50, 150)


def caseload(app, size: int) -> None:
    """``size`` residents for the benchmark's coach, each with something due."""
    today = date.today()
    with app.app_context():
        db = get_db()
        coach = db.scalar(select(Coach).where(Coach.username == USERNAME))
        for n in range(size):
            resident = residents.create_resident(db, coach, f"Bewoner {n}")
            resident.phase, resident.next_review = "actieteam", today + timedelta(days=n % 30)
            members = [NetworkMember(resident_id=resident.id, name=f"Lid {i}", circle=2,
                                     sector="vrienden") for i in range(12)]
            db.add_all(members)
            db.flush()
            meeting = beraad.new_meeting(db, coach, resident, "agenda")
            beraad.prepare(db, coach, resident, meeting, expected_version=meeting.version,
                           on_date=today - timedelta(weeks=5), at_time=None, place=None,
                           agenda=None, invitation=None, invitee_ids=[m.id for m in members])
            for k in range(3):
                plan.add_action(db, coach, resident, plan.ActionInput(
                    f"Actie {k}", [members[k].id], None, today + timedelta(days=10 * k - 5),
                    None), BIG_5, today=today - timedelta(days=30))
        db.commit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    print(f"| residents | Deze week, server (median of {args.runs}) | lines |")
    print("|---:|---:|---:|")
    for size in SIZES:
        with bench_app(()) as (app, _ids):
            caseload(app, size)
            client = logged_in_client(app)
            times, page = [], ""
            for _ in range(args.runs):
                start = time.perf_counter()
                page = client.get("/deze-week").get_data(as_text=True)
                times.append(time.perf_counter() - start)
            lines = page.count('class="week-item')
            print(f"| {size} | {statistics.median(times) * 1000:.0f} ms | {lines} |")


if __name__ == "__main__":
    main()
