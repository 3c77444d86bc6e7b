"""Time the privacy features: appending to the access log's hash chain, checking the chain,
the export "Alles wat wij van u bewaren" and erasing a resident.

Usage: ``.venv/bin/python bench/bench_privacy.py [--runs N] [--events N]``

On a fresh SQLite database (bench_app): one audit event appended and committed (the chain
head is locked and updated in the same transaction) against a plain insert of the same row
without the chain; ``audit.verify`` over ``--events`` events (default 10,000); the export
PDF and ZIP through Flask for 25 and 100 members; and erasing a 100-member resident. Every
figure is the median of ``--runs`` runs (default 5).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_app import bench_app, logged_in_client  # noqa: E402
from bench_scan import median_ms  # noqa: E402

from sns import audit  # noqa: E402
from sns.models import AuditEvent, Coach, Resident  # noqa: E402
from sns.models.base import utcnow  # noqa: E402
from sns.privacy import erasure  # noqa: E402
from web.core.database import get_db  # noqa: E402

SIZES = (25, 100)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--events", type=int, default=10_000)
    args = parser.parse_args()
    rows = []
    with bench_app(SIZES) as (app, ids):
        with app.app_context():
            db = get_db()
            coach = db.query(Coach).first()

            def chained():
                audit.record(db, coach, "login", detail="bench")
                db.commit()

            def plain():
                db.add(AuditEvent(at=utcnow(), coach_id=coach.id, action="login",
                                  detail="bench"))
                db.commit()

            rows.append(("append one event (hash chain) + commit",
                         median_ms(chained, args.runs * 20)))
            rows.append(("insert one event without chain + commit",
                         median_ms(plain, args.runs * 20)))
            db.query(AuditEvent).filter(AuditEvent.seq.is_(None)).delete()
            db.commit()
            have = db.query(AuditEvent).count()
            for i in range(max(0, args.events - have)):
                audit.record(db, coach, "login", detail=str(i))  # not in the exports' logs
                if i % 1000 == 999:
                    db.commit()
            db.commit()
            count = db.query(AuditEvent).count()
            rows.append((f"audit.verify over {count:,} events",
                         median_ms(lambda: audit.verify(db), args.runs)))
        client = logged_in_client(app)
        for size in SIZES:
            for kind in ("pdf", "zip"):
                url = f"/bewoners/{ids[size]}/privacy/alles-wat-wij-bewaren.{kind}"
                client.get(url)  # warm-up (imports WeasyPrint)
                rows.append((f"export {kind.upper()} through Flask, {size} members",
                             median_ms(lambda url=url: client.get(url), args.runs)))
        with app.app_context():
            db = get_db()
            resident = db.get(Resident, ids[100])
            start = time.perf_counter()
            erasure.delete_everything(db, None, resident, expected_version=resident.version)
            db.commit()
            rows.append(("erase a 100-member resident (one run)",
                         (time.perf_counter() - start) * 1000))
    width = max(len(name) for name, _ in rows)
    print(f"{'what':<{width}}  median ms")
    for name, ms in rows:
        print(f"{name:<{width}}  {ms:9.1f}")


if __name__ == "__main__":
    main()
