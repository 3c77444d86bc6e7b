"""Time the printed PDFs: WeasyPrint against Debian Chromium's print-to-PDF of the same HTML.

Usage: ``.venv/bin/python bench/bench_print.py [--runs N] [--no-browser]``

For the seeded, realistic networks of bench_scan (15, 25, 40, 100 and 200 members) the
take-home bundle (netwerkkaart, "Mijn netwerk", "Mijn plan"; templates/print/) is rendered to
HTML once, then, alternately for ``--runs`` rounds (bench_floors' pairs, so the machine's noise
falls on both):

* **WeasyPrint**: the app's own path, ``web.core.pdf.render_pdf`` (static files from
  disk, nothing else fetched), after one warm-up render, so the ~0.7 s import is not counted;
* **Chromium**: Debian's Chromium driven by Playwright (launched once): ``page.goto`` of the
  same HTML, served from memory together with ``/static/print.css`` through ``page.route``
  (so no request leaves the process), then ``page.pdf(prefer_css_page_size=True)``.

Every figure is the median of ``--runs`` runs (default 5), the load average beside them;
issue 20's target is WeasyPrint at most 2x Chromium at 25 members. Then the take-home PDF for
25 members end to end through Flask's test client (guarded load, graph, scan, templates, PDF,
audit), logged in as the resident's coach. Target: under 1.5 s.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_app import bench_app, logged_in_client  # noqa: E402
from bench_floors import pair  # noqa: E402

from sns.models import Resident  # noqa: E402
from sns.network.graphs import to_graph  # noqa: E402
from web.core import labels  # noqa: E402
from web.core.database import get_db  # noqa: E402
from web.core.pdf import STATIC_DIR, render_pdf  # noqa: E402
from web.printing import documents  # noqa: E402

SIZES = (15, 25, 40, 100, 200)
RATIO_TARGET = 2.0
TAKE_HOME = 25
TARGET_S = 1.5
BASE = "http://sns.invalid/"


def _median_ms(func, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = func()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def _pages(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


class Chromium:
    """Debian's Chromium, launched once; prints HTML served from memory."""

    def __init__(self):
        from playwright.sync_api import sync_playwright

        self._pw = sync_playwright().start()
        self.browser = self._pw.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
        )
        self.page = self.browser.new_page()
        self.html = ""
        self.page.route("**/*", self._serve)

    def _serve(self, route):
        url = route.request.url
        if url == BASE + "print":
            return route.fulfill(body=self.html, content_type="text/html; charset=utf-8")
        if url.startswith(BASE + "static/"):
            path = STATIC_DIR / url[len(BASE + "static/"):]
            return route.fulfill(body=path.read_bytes(), content_type="text/css")
        return route.abort()

    def pdf(self, html: str) -> bytes:
        self.html = html
        self.page.goto(BASE + "print")
        return self.page.pdf(prefer_css_page_size=True, print_background=True)

    def close(self):
        self.browser.close()
        self._pw.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-browser", action="store_true", help="skip Chromium")
    args = parser.parse_args()
    with bench_app(sorted({*SIZES, TAKE_HOME})) as (app, ids):
        bundle = documents.DOCUMENTS["meenemen"]
        with app.test_request_context("/"):
            db = get_db()
            html = {}
            for size in SIZES:
                resident = db.get(Resident, ids[size])
                p = documents.printout(resident, to_graph(db, resident, labels.sectors()))
                html[size] = documents.render_html(bundle, p)

        start = time.perf_counter()
        render_pdf(html[SIZES[0]], BASE)  # warm-up: imports WeasyPrint, loads fonts
        cold = (time.perf_counter() - start) * 1000
        chromium = None if args.no_browser else Chromium()
        if chromium:
            chromium.pdf(html[SIZES[0]])  # warm-up
        print(f"WeasyPrint first render in this process (import, fonts): {cold:.0f} ms")
        print(f"load average {os.getloadavg()[0]:.1f} before (2 cores)\n")
        print(f"{'members':>8} {'pages':>6} {'WeasyPrint ms':>14} {'Chromium ms':>12} "
              f"{'ratio':>6} {'WP KiB':>7} {'Chr KiB':>8} {'Chr pages':>10}")
        try:
            for size in SIZES:
                wp_pdf = render_pdf(html[size], BASE)
                if chromium:
                    ch_pdf = chromium.pdf(html[size])
                    wp_ms, ch_ms = pair(lambda s=size: render_pdf(html[s], BASE),
                                        lambda s=size: chromium.pdf(html[s]), args.runs)
                    goal = f" (target {RATIO_TARGET:.0f}x)" if size == TAKE_HOME else ""
                    ch = (f"{ch_ms:>12.0f} {wp_ms / ch_ms:>6.2f} {len(wp_pdf) / 1024:>7.0f} "
                          f"{len(ch_pdf) / 1024:>8.0f} {_pages(ch_pdf):>10}{goal}")
                else:
                    wp_ms, _ = _median_ms(lambda s=size: render_pdf(html[s], BASE), args.runs)
                    ch = f"{'-':>12} {'-':>6} {len(wp_pdf) / 1024:>7.0f} {'-':>8} {'-':>10}"
                print(f"{size:>8} {_pages(wp_pdf):>6} {wp_ms:>14.0f} {ch}")
        finally:
            if chromium:
                chromium.close()
        print(f"load average {os.getloadavg()[0]:.1f} after")

        client = logged_in_client(app)

        def take_home():
            response = client.get(f"/bewoners/{ids[TAKE_HOME]}/afdrukken/meenemen.pdf")
            assert response.status_code == 200, response.status_code
            return response.data

        ms, pdf = _median_ms(take_home, args.runs)
        verdict = "ok" if ms / 1000 < TARGET_S else "TOO SLOW"
        print(f"\ntake-home PDF, {TAKE_HOME} members, through Flask: {ms:.0f} ms median, "
              f"{_pages(pdf)} pages, {len(pdf) / 1024:.0f} KiB (target < {TARGET_S} s: {verdict})")


if __name__ == "__main__":
    main()
