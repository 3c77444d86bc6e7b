"""Time the label-aware placement next to the plain layout, and how stable it is.

Usage: ``.venv/bin/python bench/bench_placement.py [--runs N]``

The seeded, realistic networks of ``bench_scan.py`` (25, 100 and 500 members). Columns:

* ``layout ms``: :func:`graph.map.layout.layout`, the cell packing the map used before labels
  were placed (now the frame only; no label boxes);
* ``screen ms`` / ``a4 ms``: :func:`graph.map.placement.place` for the 1280 px screen and for A4,
  median of ``--runs`` runs, as CPU time of this process (the machine may be shared; wall
  time is in brackets);
* ``size``: the names' size the placement reached, as a share of the target's (1.00 = the
  full 16 px / 12 pt; a crowded map shrinks in steps of 10 %);
* ``moved``: the mean displacement of the existing members when one member is added (in
  the most crowded cell, then in circle 3 of the emptiest sector), in name heights and in
  per cent of the outer ring's radius, on the 1280 px screen.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_scan import realistic_network  # noqa: E402

from graph.attributes import circle_of, member_nodes, sector_of  # noqa: E402
from graph.map.layout import layout  # noqa: E402
from graph.map.placement import TARGETS, place  # noqa: E402
from graph.schema import add_member  # noqa: E402

SIZES = (25, 100, 500)


def timed(func, runs: int) -> tuple[float, float]:
    """Median CPU ms and median wall ms of ``runs`` calls (after one warm-up call)."""
    func()
    cpu, wall = [], []
    for _ in range(runs):
        c, w = time.process_time(), time.perf_counter()
        func()
        cpu.append((time.process_time() - c) * 1000)
        wall.append((time.perf_counter() - w) * 1000)
    return statistics.median(cpu), statistics.median(wall)


def moved(G, cell, target: str = "screen-1280") -> tuple[float, float]:
    """Mean displacement of the others when one member joins ``cell``: (name heights, %)."""
    before = place(G, target)
    H = G.copy()
    add_member(H, "m999999", name="Nieuwe buurvrouw", circle=cell[0], sector=cell[1])
    after = place(H, target)
    moves = [math.dist(before.positions[n], after.positions[n]) for n in before.positions]
    mean = sum(moves) / len(moves)
    return mean / before.font, 100 * mean / before.frame.outer_radius


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (median)")
    args = parser.parse_args(argv)
    header = (f"{'members':>7}  {'layout ms':>9}  {'screen ms':>15}  {'a4 ms':>15}  "
              f"{'size':>10}  {'moved: crowded':>15}  {'moved: circle 3':>15}")
    print(header)
    print("-" * len(header))
    for members in SIZES:
        G = realistic_network(members, seed=members)
        lay, _ = timed(lambda G=G: layout(G), args.runs)
        screen = timed(lambda G=G: place(G, "screen-1280"), args.runs)
        paper = timed(lambda G=G: place(G, "a4"), args.runs)
        sizes = []
        for target in ("screen-1280", "a4"):
            p = place(G, target)
            sizes.append(p.font_in_target / TARGETS[target].font)
        cells = Counter((circle_of(G, n), sector_of(G, n, p.frame.sectors))
                        for n in member_nodes(G))
        crowded = cells.most_common(1)[0][0]
        emptiest = min(p.frame.sectors, key=lambda s: sum(v for (c, t), v in cells.items()
                                                           if t == s))
        a, a_pct = moved(G, crowded)
        b, b_pct = moved(G, (3, emptiest))
        print(f"{members:>7}  {lay:>9.1f}  {screen[0]:>6.1f} ({screen[1]:>6.1f})  "
              f"{paper[0]:>6.1f} ({paper[1]:>6.1f})  {sizes[0]:>4.2f} {sizes[1]:>4.2f}  "
              f"{a:>5.2f} ({a_pct:>4.1f} %)  {b:>5.2f} ({b_pct:>4.1f} %)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
