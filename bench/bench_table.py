"""The reference session at the kitchen table, in actions per person and milliseconds.

Usage: ``.venv/bin/python bench/bench_table.py [--rounds N]``

Drives Debian's Chromium (Playwright) through the session of issue 25 on the verkenning page
as a coach would (tests/e2e/table_session.py): 25 people with a sector and a circle, two
kinds of support each by question, one kind the resident gives to 3 people, groups of 6, 5
and 4 people who all know each other, 5 single ties, one state and one undo. It counts every
letter, key, click, tap, list pick (two) and scroll, and prints one line per step, then
``actions per person``, and the time the page itself measures from an action to the map
drawn again (``window.snsTable.lastMs``: the request, the redirect's page and the redraw),
as the median and the 95th percentile over every action saved in place. The same session
runs at 1280x800 with a mouse and at 768x1024 by touch; ``--rounds`` repeats each on a new
resident (the counts do not change; the times are pooled). Paper needs a few seconds per
person; the goal is at most 30 actions per person, an action drawn in under 150 ms.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_app import PASSWORD, USERNAME, bench_app  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402
from sqlalchemy import select  # noqa: E402
from werkzeug.serving import make_server  # noqa: E402

from sns.models import Coach  # noqa: E402
from sns.residents import caseload as residents  # noqa: E402
from tests.e2e import table_session as session  # noqa: E402
from web.core.database import get_db  # noqa: E402

TARGETS = (  # label, viewport, touch
    ("1280x800, muis", {"width": 1280, "height": 800}, False),
    ("768x1024, touch", {"width": 768, "height": 1024}, True),
)


def _new_resident(app, n: int) -> int:
    with app.app_context():
        db = get_db()
        coach = db.scalar(select(Coach).where(Coach.username == USERNAME))
        resident = residents.create_resident(db, coach, f"Bewoner {n}")
        db.commit()
        return resident.id


def _session(browser, base: str, resident_id: int, viewport: dict, touch: bool
             ) -> tuple[list[tuple[str, int]], list[float]]:
    """One session: the actions per step, and every in-place time."""
    context = browser.new_context(base_url=base, viewport=viewport, has_touch=touch,
                                  is_mobile=touch, locale="nl-NL")
    page = context.new_page()
    page.goto("/login")
    page.get_by_label("Gebruikersnaam").fill(USERNAME)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(lambda url: not url.endswith("/login"))
    page.goto(f"/bewoners/{resident_id}/verkenning")
    page.wait_for_function("() => window.snsTable !== undefined && window.snsMap !== undefined")
    hands = session.Hands(page, touch=touch)
    steps = []
    for label, step in session.STEPS:
        before = hands.actions
        step(hands)
        steps.append((label, hands.actions - before))
    context.close()
    return steps, hands.timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no line per request
    people = len(session.PEOPLE)
    with bench_app(()) as (app, _ids):
        server = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_port}"
        n = 0
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium",
                                         args=["--no-sandbox", "--disable-dev-shm-usage"])
            for label, viewport, touch in TARGETS:
                timings: list[float] = []
                for _ in range(args.rounds):
                    n += 1
                    steps, times = _session(browser, base, _new_resident(app, n), viewport,
                                            touch)
                    timings += times
                total = sum(count for _step, count in steps)
                print(f"\n{label} ({args.rounds} rounds, {people} people)")
                print(f"{'step':<52}{'actions':>8}")
                for step, count in steps:
                    print(f"{step:<52}{count:>8}")
                print(f"{'total':<52}{total:>8}")
                print(f"actions per person: {total / people:.1f}")
                p95 = statistics.quantiles(timings, n=20)[18]
                print(f"action to map drawn: median {statistics.median(timings):.0f} ms, "
                      f"p95 {p95:.0f} ms ({len(timings)} actions)")
            browser.close()
        server.shutdown()


if __name__ == "__main__":
    main()
