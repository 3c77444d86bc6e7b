"""Time the netwerkverkenning page (map, table and ties) on the server, and its size.

Usage: ``.venv/bin/python bench/bench_map.py [--runs N]``

For networks of 25, 100 and 500 members (the seeded, realistic networks of bench_scan) the
page is requested through Flask's test client, logged in as the resident's coach, on a
SQLite database in a temp dir. Prints the median server time of ``--runs`` requests
(default 7), its CPU time (this process: the test client runs the app in-process, so a busy
shared machine inflates only the wall time) and the HTML size; vis-network itself (a static
file, cached) is not counted. Target: under 100 ms for 100 members.

With ``--browser`` it also opens each page in Debian's Chromium (Playwright) and reports the
time until the map is drawn and the median time of one zoom step (a redraw of the canvas),
to show whether 500 members still pan and zoom smoothly (under ~50 ms per frame).
"""

from __future__ import annotations

import argparse
import logging
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_app import bench_app, logged_in_client  # noqa: E402

SIZES = (25, 100, 500)


def _redraws(step: str) -> str:
    """A page function: the median ms of 12 redraws of the map, each after ``step`` (a
    statement with ``net``, the vis-network, and ``i``, the round, in scope)."""
    return """async () => {
    const net = document.getElementById('map').snsNetwork;
    const times = [];
    for (let i = 0; i < 12; i++) {
        const start = performance.now();
        STEP
        net.redraw();
        await new Promise(requestAnimationFrame);
        times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
}""".replace("STEP", step)


ZOOM_STEPS = _redraws("net.moveTo({scale: net.getScale() * (i % 2 ? 1.25 : 0.8)});")
# a redraw that does not move the view (a hover, a chosen person)
SAME_VIEW = _redraws("")


def browser_times(app, ids: dict[int, int], cookie: str) -> dict[int, tuple[float, float]]:
    """Per size: (ms until the map is drawn, median ms of one zoom step) in Chromium."""
    import threading

    from playwright.sync_api import sync_playwright
    from werkzeug.serving import make_server

    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    results = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium",
                                     args=["--no-sandbox", "--disable-dev-shm-usage"])
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.add_cookies([{"name": "session", "value": cookie, "url": base}])
        page = context.new_page()
        for size, resident_id in ids.items():
            start = time.perf_counter()
            page.goto(f"{base}/bewoners/{resident_id}/verkenning")
            page.wait_for_function("document.getElementById('map').snsNetwork !== undefined")
            page.evaluate("() => new Promise(requestAnimationFrame)")
            drawn = (time.perf_counter() - start) * 1000
            results[size] = (drawn, page.evaluate(ZOOM_STEPS))
        browser.close()
    server.shutdown()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--browser", action="store_true", help="also time Chromium")
    args = parser.parse_args()
    with bench_app(SIZES) as (app, ids):
        client = logged_in_client(app)
        print(f"{'members':>8} {'median ms':>10} {'min ms':>8} {'CPU ms':>8} {'HTML KiB':>9}")
        for size in SIZES:
            times, cpu, body = [], [], b""
            for _ in range(args.runs + 1):
                start, start_cpu = time.perf_counter(), time.process_time()
                response = client.get(f"/bewoners/{ids[size]}/verkenning")
                times.append((time.perf_counter() - start) * 1000)
                cpu.append((time.process_time() - start_cpu) * 1000)
                body = response.data
                assert response.status_code == 200, response.status_code
            times, cpu = times[1:], cpu[1:]  # the first request warms caches (templates)
            print(f"{size:>8} {statistics.median(times):>10.1f} {min(times):>8.1f} "
                  f"{statistics.median(cpu):>8.1f} {len(body) / 1024:>9.1f}")
        if args.browser:
            cookie = client.get_cookie("session").value
            print(f"\n{'members':>8} {'drawn ms':>9} {'zoom step ms':>13}")
            for size, (drawn, step) in browser_times(app, ids, cookie).items():
                print(f"{size:>8} {drawn:>9.0f} {step:>13.1f}")


if __name__ == "__main__":
    main()
