"""Time the outcome report (sns.outcomes) for a team server of 50, 500 and 5,000 residents.

Usage: ``.venv/bin/python bench/bench_outcomes.py [--runs N]``

Seeds a SQLite database in a temp dir with residents spread over five teams, each with a
trajectory (phase changes), a netwerkberaad with six invitees and two offers, three actions,
two snapshots and two reviews: the facts the report reads. Prints the median wall and CPU time
of ``--runs`` builds (default 5) of a quarter and of a year for all teams, and the page itself
through Flask's test client, logged in as the municipality. The first build of a database
whose snapshots were never counted pays for counting them once (see
sns.network.snapshots.figures_of); the seed stores them, as ``sns.network.snapshots.take`` does.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_app import bench_app, logged_in_client  # noqa: E402
from sqlalchemy import insert  # noqa: E402

from sns.accounts import coaches as accounts  # noqa: E402
from sns.models import (  # noqa: E402
    Action,
    Invitee,
    Meeting,
    NetworkMember,
    NetworkSnapshot,
    Offer,
    PhaseChange,
    Resident,
    Review,
)
from sns.outcomes import report  # noqa: E402
from sns.outcomes.periods import parse  # noqa: E402
from web.core.database import get_db  # noqa: E402

SIZES = (50, 500, 5000)
TEAMS = 5
TODAY = date(2026, 12, 1)


def _seed(db, n: int) -> list[int]:
    """``n`` residents over :data:`TEAMS` teams, with every fact the report reads."""
    teams = [accounts.get_or_create_team(db, f"Wijkteam {i}").id for i in range(TEAMS)]
    start = datetime(2026, 1, 5, tzinfo=UTC)
    rows = [{"name": f"Bewoner {i}", "team_id": teams[i % TEAMS], "phase": "actieteam",
             "network_version": 1, "version": 1,
             "created_at": start + timedelta(days=i % 300), "updated_at": start}
            for i in range(n)]
    ids = list(db.scalars(insert(Resident).returning(Resident.id), rows))
    members, phases, snapshots, actions, reviews = [], [], [], [], []
    for k, rid in enumerate(ids):
        began = start + timedelta(days=k % 300)
        phases += [{"resident_id": rid, "phase": "netwerkberaad", "at": began + timedelta(20)},
                   {"resident_id": rid, "phase": "actieteam", "at": began + timedelta(50)}]
        members += [{"resident_id": rid, "name": f"Lid {j}", "support": [],
                     "can_think_along": True, "in_actieteam": False, "version": 1,
                     "created_at": began, "updated_at": began} for j in range(6)]
        for day, size in ((10, 4 + k % 5), (60, 6 + k % 7)):
            snapshots.append({"resident_id": rid, "label": "moment", "graph": {},
                              "taken_at": began + timedelta(day),
                              "figures": {"size": size, "inner": 1 + k % 3,
                                          "informal_share": 0.6, "thin_support": 2,
                                          "reciprocity": 0.5}})
        actions += [{"resident_id": rid, "what": "iets", "status": s, "version": 1,
                     "due": (began + timedelta(70)).date(), "created_at": began,
                     "updated_at": began} for s in ("gedaan", "bezig", "open")]
        reviews += [{"resident_id": rid, "held_on": (began + timedelta(d)).date(),
                     "scores": {"wonen": 4 + (d + k) % 5}, "progress": {},
                     "created_at": began, "updated_at": began} for d in (55, 120)]
    db.execute(insert(PhaseChange), phases)
    member_ids = list(db.scalars(insert(NetworkMember).returning(
        NetworkMember.id, NetworkMember.resident_id, sort_by_parameter_order=True), members))
    db.execute(insert(NetworkSnapshot), snapshots)
    db.execute(insert(Action), actions)
    db.execute(insert(Review), reviews)
    meetings = [{"resident_id": rid, "on_date": (start + timedelta(days=k % 300 + 40)).date(),
                 "held": True, "version": 1, "created_at": start, "updated_at": start}
                for k, rid in enumerate(ids)]
    meeting_ids = list(db.scalars(insert(Meeting).returning(
        Meeting.id, sort_by_parameter_order=True), meetings))
    invitees, offers = [], []
    for k, (rid, meeting) in enumerate(zip(ids, meeting_ids, strict=True)):
        own = member_ids[6 * k: 6 * k + 6]
        invitees += [{"meeting_id": meeting, "member_id": m, "resident_id": rid,
                      "attended": j < 4} for j, m in enumerate(own)]
        offers += [{"meeting_id": meeting, "member_id": own[j], "resident_id": rid,
                    "what": "boodschappen"} for j in range(2)]
    db.execute(insert(Invitee), invitees)
    db.execute(insert(Offer), offers)
    db.commit()
    return teams


def _median_ms(work, runs: int) -> str:
    """``wall/cpu`` median milliseconds: on a busy machine the CPU time is the fairer one."""
    wall, cpu = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        work()
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    return f"{statistics.median(wall):.0f}/{statistics.median(cpu):.0f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", type=int, nargs="+", default=SIZES)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f}; times are median wall/CPU ms")
    print(f"{'residents':>9}  {'quarter':>11}  {'year':>11}  {'page':>11}")
    for n in args.sizes:
        with bench_app((), role="gemeente") as (app, _):
            with app.app_context():
                db = get_db()
                teams = _seed(db, n)

                def build(label, db=db, teams=teams):
                    return lambda: report.build(db, parse(label), team=None,
                                                all_team_ids=teams, today=TODAY)

                quarter = _median_ms(build("2026Q2"), args.runs)
                year = _median_ms(build("2026"), args.runs)
            client = logged_in_client(app)
            page = _median_ms(lambda c=client: c.get("/uitkomsten/?periode=2026Q2"), args.runs)
        print(f"{n:>9}  {quarter:>11}  {year:>11}  {page:>11}")


if __name__ == "__main__":
    main()
