"""Time the strength scan and the netwerkkaart layout on seeded, realistic networks.

Usage: ``.venv/bin/python bench/bench_scan.py [--runs N]``

Networks of 25, 100, 500 and 2,000 members with realistic attributes (more family close
by, professionals further out, more support from the inner circles, a few strained
relations) and about three ties per member, most of them within the member's own sector.
Every figure is the median of ``--runs`` runs (default 5). The column "scan, exact" is
the scan with exact broker betweenness at any size, to show what the sampling above
``graph.metrics.brokers.MAX_WORK`` saves; "findings" is finding and phrasing them in
English from a computed scan (what a page adds to the scan). Targets (issue 20): scan under
20 ms for 500 members and under 100 ms for 2,000. The machine's load average is printed
beside the figures: on a shared machine, compare with ``bench_floors.py``'s ratios.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph.findings import findings  # noqa: E402
from graph.map.layout import layout  # noqa: E402
from graph.metrics import scan  # noqa: E402
from graph.schema import (  # noqa: E402
    FREQUENCIES,
    SUPPORT_KINDS,
    add_member,
    add_tie,
    new_network,
)
from sns.i18n import translations  # noqa: E402
from sns.scan.words import phrase_all  # noqa: E402

SIZES = (25, 100, 500, 2000)
TARGET_MS = {500: 20.0, 2000: 100.0}

SECTOR_WEIGHTS = {
    "familie": 30,
    "vrienden": 20,
    "buren": 15,
    "werk_school_club": 15,
    "professionals": 15,
    None: 5,
}
#: Circle weights (1, 2, 3, unknown) per sector: family close by, professionals far out.
CIRCLE_WEIGHTS = {
    "familie": (5, 3, 2, 1),
    "vrienden": (3, 4, 2, 1),
    "buren": (1, 3, 4, 1),
    "werk_school_club": (1, 3, 5, 1),
    "professionals": (0, 2, 6, 1),
    None: (1, 1, 1, 3),
}
#: How many support kinds a member gives, by circle.
SUPPORT_RANGE = {1: (1, 3), 2: (0, 2), 3: (0, 1), None: (0, 1)}


def realistic_network(members: int, seed: int = 1):
    """Return a seeded resident's network with ``members`` members."""
    rng = random.Random(seed)  # noqa: S311 - a seeded benchmark fixture, not security
    G = new_network("Bewoner")
    sectors = list(SECTOR_WEIGHTS)
    by_sector: dict[str | None, list[str]] = {}
    nodes: list[str] = []
    for i in range(members):
        node = f"m{i}"
        sector = rng.choices(sectors, weights=list(SECTOR_WEIGHTS.values()))[0]
        circle = rng.choices([1, 2, 3, None], weights=CIRCLE_WEIGHTS[sector])[0]
        low, high = SUPPORT_RANGE[circle]
        professional = sector == "professionals"
        add_member(
            G,
            node,
            name=f"Lid {i}",
            sector=sector,
            circle=circle,
            support=rng.sample(SUPPORT_KINDS, rng.randint(low, high)),
            reciprocal=False if professional else rng.choice([True, True, False, None]),
            frequency=rng.choice([*FREQUENCIES, None]),
            quality=rng.choices(["goed", "wisselend", "gespannen", None], [75, 15, 5, 5])[0],
        )
        # One or two ties to members already there, mostly within the same sector: about
        # three ties per member on average.
        same = by_sector.get(sector, [])
        for _ in range(rng.randint(1, 2) if nodes else 0):
            pool = same if same and rng.random() < 0.7 else nodes
            other = rng.choice(pool)
            if not G.has_edge(node, other):
                quality = rng.choices(["goed", "wisselend", "gespannen", None], [70, 15, 5, 10])
                add_tie(G, node, other, quality=quality[0])
        nodes.append(node)
        by_sector.setdefault(sector, []).append(node)
    return G


def median_ms(func, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (median)")
    args = parser.parse_args(argv)

    print(f"Python {platform.python_version()} on {platform.machine()}, median of {args.runs}, "
          f"load average {os.getloadavg()[0]:.1f}")
    header = (
        f"{'members':>7}  {'ties':>5}  {'scan ms':>8}  {'brokers':>16}  "
        f"{'scan, exact ms':>14}  {'findings ms':>11}  {'layout ms':>9}  target"
    )
    print(header)
    print("-" * len(header))
    english = translations("en")
    for members in SIZES:
        G = realistic_network(members, seed=members)
        ties = G.number_of_edges() - members
        result = scan(G)
        brokers = result.brokers
        kind = "exact" if brokers.exact else f"{brokers.sources} sources"
        scan_ms = median_ms(lambda G=G: scan(G), args.runs)
        exact_ms = median_ms(lambda G=G: scan(G, max_work=sys.maxsize), args.runs)
        words_ms = median_ms(lambda G=G, r=result: phrase_all(findings(G, r), english),
                             args.runs)
        layout_ms = median_ms(lambda G=G: layout(G), args.runs)
        target = TARGET_MS.get(members)
        verdict = "" if target is None else ("met" if scan_ms < target else "MISSED")
        if target is not None:
            verdict += f" (< {target:.0f} ms)"
        print(
            f"{members:>7}  {ties:>5}  {scan_ms:>8.1f}  {kind:>16}  {exact_ms:>14.1f}  "
            f"{words_ms:>11.2f}  {layout_ms:>9.1f}  {verdict}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
