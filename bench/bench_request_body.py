"""Memory and time of `sns serve` when clients send over-long request bodies.

Usage: ``.venv/bin/python bench/bench_request_body.py [--runs N] [--clients N] [--mb N]``

Starts `sns serve` (Waitress) on a fresh SQLite database, and ``--clients`` clients (default
4) at once each POST a ``--mb`` MB (default 100) urlencoded body to the public ``/login``.
Reported per setting: the server's peak resident memory (sampled every 50 ms from /proc),
the wall time until every client had its answer, and the answer. Settings: the app's limit
(``MAX_CONTENT_LENGTH``, given to Waitress by ``web.core.limits``), and the limit raised to 2 GB,
which is how the server behaved before there was one. Median of ``--runs`` runs (default 3).
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sns import migrate  # noqa: E402

SNS = Path(sys.executable).with_name("sns")


def _rss_mib(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) // 1024


def _post(port: int, size: int) -> str:
    """Send a body of ``size`` bytes (as far as the server takes it); the status line."""
    with socket.create_connection(("127.0.0.1", port), timeout=60) as conn:
        conn.sendall(("POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                      "Content-Type: application/x-www-form-urlencoded\r\n"
                      f"Content-Length: {size}\r\n\r\n").encode())
        chunk = b"a=" + b"x" * (2**20 - 2)
        sent = 0
        try:
            while sent < size:
                conn.sendall(chunk[:size - sent])
                sent += len(chunk)
        except OSError:
            pass  # the server closed the connection: it refused the body
        try:
            return conn.recv(200).split(b"\r\n")[0].decode()
        except OSError:
            return "(closed)"


def run_once(clients: int, size: int, env_extra: dict[str, str]) -> tuple[int, float, str]:
    with tempfile.TemporaryDirectory() as tmp:
        database = f"sqlite:///{tmp}/sns.sqlite3"
        migrate.upgrade(database)
        env = {**os.environ, "DATABASE_URL": database, "SNS_INSTANCE_PATH": tmp, **env_extra}
        server = subprocess.Popen([str(SNS), "serve", "--port", "0"], env=env, text=True,  # noqa: S603
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        try:
            port = int(re.search(r":(\d+)/", server.stdout.readline()).group(1))
            peak = [_rss_mib(server.pid)]
            done = threading.Event()

            def watch() -> None:
                while not done.is_set():
                    peak[0] = max(peak[0], _rss_mib(server.pid))
                    time.sleep(0.05)

            threading.Thread(target=watch, daemon=True).start()
            answers: list[str] = []
            threads = [threading.Thread(target=lambda: answers.append(_post(port, size)))
                       for _ in range(clients)]
            started = time.monotonic()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            elapsed = time.monotonic() - started
            time.sleep(0.3)
            done.set()
            return peak[0], elapsed, sorted(set(answers))[0]
        finally:
            server.send_signal(signal.SIGINT)
            server.wait(10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--mb", type=int, default=100)
    args = parser.parse_args()
    size = args.mb * 1_000_000
    settings = [("the app's limit (8 MiB)", {}),
                ("no real limit (2 GB)", {"SNS_MAX_CONTENT_LENGTH": "2000000000"})]
    print(f"{args.clients} clients at once, {args.mb} MB each, median of {args.runs} runs\n")
    print("| body limit | peak server memory | until all answered | answer |")
    print("|---|---:|---:|---|")
    for label, env in settings:
        results = [run_once(args.clients, size, env) for _ in range(args.runs)]
        peak = statistics.median(r[0] for r in results)
        elapsed = statistics.median(r[1] for r in results)
        print(f"| {label} | {peak:.0f} MiB | {elapsed:.2f} s | {results[0][2]} |")


if __name__ == "__main__":
    main()
