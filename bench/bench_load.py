"""Load: N simulated coaches working at once against `sns serve`, no think time.

All coaches log in at once (the login row: Argon2 is slow on purpose; not counted in req/s),
then each repeats for a fixed time: caseload, the map, a drag on the map, adding a member, the
resident's page with the strength scan, and every 10th round the take-home PDF. Every step
of coaches (10, 25, 50, 100) runs for a fixed time against `sns serve` with the default
workers (one per core: Gunicorn) and again with one worker, and prints requests/s, p50 /
p95 / p99 per route and the errors (5xx, timeouts, refused connections; a 409 is not an
error, nor counted here since each coach has their own resident).

    .venv/bin/python bench/bench_load.py [--seconds 10] [--coaches 10,25,50,100]
                                         [--workers 0,1]   (0 = the default)

The clients are threads in this process and share the machine with the server, as on a
small team server where the proxy and the database share it too.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph.map import layout  # noqa: E402
from sns import migrate  # noqa: E402
from sns.accounts.passwords import hash_password  # noqa: E402
from sns.db import make_engine, make_sessionmaker  # noqa: E402
from sns.models import Coach, Team  # noqa: E402
from sns.network.members import MemberFields, add_member  # noqa: E402
from sns.residents.caseload import create_resident  # noqa: E402

PASSWORD = "bench password 123"  # noqa: S105 - a throwaway account in a temp database
CSRF = re.compile(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"')
VERSION = re.compile(r'data-version="(\d+)"')
MEMBER = re.compile(r"/leden/m(\d+)")
#: Where the drags land: circle 1 and circle 2 of the familie wedge.
SPOTS = [layout.to_xy(150, 36), layout.to_xy(300, 36)]


def seed(url: str, coaches: int) -> None:
    """``coaches`` accounts of one team, each with a resident with 15 members."""
    migrate.upgrade(url)
    engine = make_engine(url)
    hashed = hash_password(PASSWORD)
    with make_sessionmaker(engine)() as db:
        team = Team(name="Wijkteam Bench")
        db.add(team)
        for i in range(coaches):
            coach = Coach(username=f"coach{i}", display_name=f"Coach {i}",
                          password_hash=hashed, role="coach", team=team)
            db.add(coach)
            db.flush()
            resident = create_resident(db, coach, f"Bewoner {i}")
            for k in range(15):
                add_member(db, coach, resident, MemberFields(f"Lid {k}", circle=1 + k % 3,
                                                             sector="familie"))
        db.commit()
    engine.dispose()


class Coach_:
    """One simulated coach on one keep-alive connection, with the session cookie."""

    def __init__(self, port: int, number: int):
        self.port, self.number = port, number
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        self.cookie = ""
        self.token = ""

    def request(self, method: str, path: str, fields: dict | None = None,
                accept: str = "text/html") -> tuple[int, str]:
        body = urllib.parse.urlencode(fields) if fields is not None else None
        headers = {"Cookie": self.cookie, "Accept": accept}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in range(2):
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                data = response.read()
                break
            except (http.client.HTTPException, ConnectionError):
                self.conn.close()  # the server closed a kept-alive connection: reconnect
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
                if attempt:
                    raise
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                self.cookie = value.split(";", 1)[0]
        text = data.decode(errors="replace") if b"%PDF" not in data[:8] else ""
        found = CSRF.search(text)
        if found:
            self.token = found.group(1)
        return response.status, text


class Recorder:
    """Latencies and server errors per route, from many threads."""

    def __init__(self, until: float = float("inf")):
        self.stats, self.errors, self.lock = defaultdict(list), defaultdict(list), threading.Lock()
        self.until, self.in_time = until, 0

    def timed(self, coach: Coach_, route: str, method: str, path: str, fields=None,
              accept: str = "text/html") -> tuple[int, str]:
        started = time.perf_counter()
        try:
            status, text = coach.request(method, path, fields, accept)
        except OSError:  # timed out or refused: the coach got no answer
            status, text = 599, ""
        took = time.perf_counter() - started
        with self.lock:
            self.stats[route].append(took)
            self.in_time += time.monotonic() <= self.until
            if status >= 500:
                self.errors[route].append(status)
        return status, text


def log_in(coach: Coach_, recorder: Recorder) -> None:
    try:
        coach.request("GET", "/login")
    except OSError:
        return
    recorder.timed(coach, "login", "POST", "/login", {
        "csrf_token": coach.token, "username": f"coach{coach.number}", "password": PASSWORD})


def work(coach: Coach_, until: float, recorder: Recorder) -> None:
    """The coach's rounds on their own resident until ``until``."""
    rid, rounds, timed = coach.number + 1, 0, recorder.timed
    while time.monotonic() < until:
        rounds += 1
        timed(coach, "caseload", "GET", "/")
        _, page = timed(coach, "map", "GET", f"/bewoners/{rid}/verkenning")
        version, member = VERSION.search(page), MEMBER.search(page)
        if version and member:
            x, y = SPOTS[rounds % 2]
            timed(coach, "move", "POST", f"/bewoners/{rid}/kaart/verplaats",
                  {"csrf_token": coach.token, "member": f"m{member.group(1)}", "x": x, "y": y,
                   "version": version.group(1)}, accept="application/json")
        timed(coach, "add", "POST", f"/bewoners/{rid}/leden",
              {"csrf_token": coach.token, "name": f"Nieuw {rounds}", "circle": "3"})
        timed(coach, "scan", "GET", f"/bewoners/{rid}/")
        if rounds % 10 == 0:
            timed(coach, "pdf", "GET", f"/bewoners/{rid}/afdrukken/meenemen.pdf")


def together(target, args_of, count: int) -> None:
    threads = [threading.Thread(target=target, args=args_of(i)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(180)


def run_step(port: int, coaches: int, seconds: float) -> tuple[Recorder, Recorder, float]:
    """All coaches log in at once (recorded apart), then work for ``seconds``."""
    people = [Coach_(port, i) for i in range(coaches)]
    logins = Recorder()
    together(log_in, lambda i: (people[i], logins), coaches)
    until = time.monotonic() + seconds
    recorder = Recorder(until)
    together(work, lambda i: (people[i], until, recorder), coaches)
    for coach in people:
        coach.conn.close()  # the next step's coaches are new browsers
    return logins, recorder, seconds


def start_server(env: dict, workers: int) -> tuple[subprocess.Popen, int]:
    sns = Path(sys.executable).with_name("sns")
    args = [str(sns), "serve", "--port", "0", "--threads", "8"]
    if workers:
        args += ["--workers", str(workers)]
    server = subprocess.Popen(args, env=env, text=True,  # noqa: S603 - our own command
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    line = server.stdout.readline()
    port = int(re.search(r":(\d+)/", line).group(1))
    time.sleep(1.0)  # let every worker start
    return server, port, line.split("(")[1].split(";")[0]


def percentile(values: list[float], q: float) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--coaches", default="10,25,50,100")
    parser.add_argument("--workers", default="0,1", help="0 = the default of sns serve")
    args = parser.parse_args()
    steps = [int(n) for n in args.coaches.split(",")]
    routes = ["login", "caseload", "map", "move", "add", "scan", "pdf"]
    with tempfile.TemporaryDirectory() as tmp:
        url = os.environ.get("DATABASE_URL") or f"sqlite:///{tmp}/bench.sqlite3"
        seed(url, max(steps))
        env = {**os.environ, "DATABASE_URL": url, "SNS_INSTANCE_PATH": tmp,
               "SNS_SECRET_KEY": "bench"}
        print(f"{'server':<36} {'coaches':>7} {'req/s':>6} {'errors':>6}  {'route':<9}"
              f"{'n':>6} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7}")
        for workers in (int(w) for w in args.workers.split(",")):
            server, port, how = start_server(env, workers)
            try:
                for coaches in steps:
                    logins, recorder, took = run_step(port, coaches, args.seconds)
                    stats, errors = {**recorder.stats, **logins.stats}, {
                        **recorder.errors, **logins.errors}
                    # Answers within the fixed time (a PDF still running after it is not).
                    rate = recorder.in_time / took
                    failed = sum(len(v) for v in errors.values())
                    first = f"{how:<36} {coaches:>7} {rate:>6.1f} {failed:>6}"
                    for route in routes:
                        v = stats.get(route)
                        if not v:
                            continue
                        print(f"{first if route == 'login' else '':<58}  {route:<9}{len(v):>6} "
                              f"{percentile(v, 50) * 1000:>7.0f} {percentile(v, 95) * 1000:>7.0f}"
                              f" {percentile(v, 99) * 1000:>7.0f}"
                              + (f"  (errors: {dict(Counter(errors[route]))})"
                                 if errors.get(route) else ""),
                              flush=True)
            finally:
                server.send_signal(signal.SIGINT)
                server.wait(30)


if __name__ == "__main__":
    main()
