"""Time the netwerkkaart layout and measure how far apart it keeps the members.

Usage: ``.venv/bin/python bench/bench_layout.py [--runs N]``

Same seeded networks as ``bench_scan.py``. "closest" is the smallest distance between two
members in layout units (the map up to circle 3 is 940 units across); "fullest cell" is
the largest number of members in one ring-and-wedge cell.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_scan import SIZES, median_ms, realistic_network  # noqa: E402

from graph.map.layout import frame, layout  # noqa: E402
from graph.schema import EGO  # noqa: E402


def closest_pair(points: list[tuple[float, float]]) -> float:
    """Smallest distance between two points (sweep over x, fine for a few thousand)."""
    points = sorted(points)
    best = math.inf
    for i, (x, y) in enumerate(points):
        for x2, y2 in points[i + 1 :]:
            if x2 - x >= best:
                break
            best = min(best, math.hypot(x2 - x, y2 - y))
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (median)")
    args = parser.parse_args(argv)
    header = f"{'members':>7}  {'layout ms':>9}  {'closest':>7}  {'fullest cell':>12}"
    print(header)
    print("-" * len(header))
    for members in SIZES:
        G = realistic_network(members, seed=members)
        ms = median_ms(lambda G=G: layout(G), args.runs)
        pos = layout(G)
        points = [p for n, p in pos.items() if n != EGO]
        f = frame(G)
        fullest = max(Counter(f.locate(*p) for p in points).values())
        print(f"{members:>7}  {ms:>9.1f}  {closest_pair(points):>7.1f}  {fullest:>12}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
