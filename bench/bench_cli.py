"""Time the command line as a whole process: ``sns scan --graphml FILE --json`` next to
``python -c "import networkx"`` (the floor: the scan needs NetworkX) and next to importing
the web app (what every command paid before the command line was lazy).

Usage: ``.venv/bin/python bench/bench_cli.py [--runs N]``

Each row is the median wall time of N runs after one warm-up, in the same order each round
(A B C A B C ...), so a drift of the shared machine hits every command alike. The GraphML
file is the demo network (15 members, 10 ties) written by ``graph.files.graphml``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.demo import demo_network  # noqa: E402
from graph.files.graphml import write_graphml  # noqa: E402

PYTHON = sys.executable
SNS = str(Path(PYTHON).with_name("sns"))


def wall(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True,  # noqa: S603 - our own fixed commands stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   cwd=ROOT)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per command (median)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "riek.graphml"
        write_graphml(demo_network(), path)
        commands = {
            "sns scan --graphml FILE --json": [SNS, "scan", "--graphml", str(path), "--json"],
            'python -c "import networkx"': [PYTHON, "-c", "import networkx"],
            "python -c (build the web app)": [
                PYTHON, "-c",
                "from web import create_app; create_app({'DATABASE_URL': 'sqlite://'})"],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for command in commands.values():  # warm-up
            wall(command)
        for _ in range(args.runs):
            for name, command in commands.items():
                times[name].append(wall(command))
    print(f"{'command':<36}{'median wall':>12}{'min':>9}{'max':>9}")
    for name, values in times.items():
        print(f"{name:<36}{statistics.median(values) * 1000:>10.0f} ms"
              f"{min(values) * 1000:>7.0f} ms{max(values) * 1000:>7.0f} ms")
    scan = statistics.median(times["sns scan --graphml FILE --json"])
    floor = statistics.median(times['python -c "import networkx"'])
    print(f"\nscan / import networkx: {scan / floor:.2f}; 50 files one by one: about "
          f"{50 * scan:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
