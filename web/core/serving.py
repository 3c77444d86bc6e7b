"""Running the app as a server: Gunicorn with several worker processes where it can run,
Waitress (one process, many threads) where it cannot.

Python runs one thread at a time per process, so one process uses one core however many
threads it has. Gunicorn (the usual production server for Flask) starts ``workers``
processes with ``threads`` threads each and restarts a worker that dies. It needs
``fork()``, so on Windows ``sns serve`` falls back to Waitress, which runs everywhere.
Every worker builds its own app (its own database pool and PDF pool); SQLite is shared
between them safely through WAL and the busy timeout (``sns.db``).
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable

import click
from flask import Flask


def default_workers() -> int:
    """One worker process per core this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def settled(app: Flask) -> Flask:
    """``app``, with everything made while starting (modules, routes, templates, the app)
    moved out of the garbage collector's sight.

    Python's collector walks every tracked object in a full collection; after start-up
    that is hundreds of thousands of objects that live as long as the process, and a map
    page of 2,000 people set off enough collections to spend a third of its time there
    (bench/bench_floors.py). ``gc.freeze()`` leaves them out of every later collection."""
    gc.collect()
    gc.freeze()
    return app


def gunicorn_available() -> bool:
    """Gunicorn is installed and the platform can fork (not Windows)."""
    if os.name != "posix":
        return False
    try:
        import gunicorn  # noqa: F401
    except ImportError:
        return False
    return True


def _announce(host: str, port: int, how: str) -> None:
    click.echo(f"sns draait op http://{host}:{port}/  ({how}; stoppen: Ctrl+C)")


def run_gunicorn(factory: Callable[[], Flask], host: str, port: int, workers: int,
                 threads: int) -> None:
    """Serve with Gunicorn until SIGINT/SIGTERM: ``workers`` processes x ``threads``."""
    from gunicorn.app.base import BaseApplication

    def when_ready(server) -> None:
        for listener in server.LISTENERS:
            bound_host, bound_port = listener.sock.getsockname()[:2]
            _announce(bound_host, bound_port,
                      f"Gunicorn, {workers} processen x {threads} threads")

    options = {
        "bind": f"{host}:{port}",
        "workers": workers,
        "worker_class": "gthread",
        "threads": threads,
        "timeout": 120,          # a worker silent this long is restarted (a PDF takes < 10 s)
        "graceful_timeout": 20,  # finish running requests on stop
        "keepalive": 5,
        "proc_name": "sns",
        "when_ready": when_ready,
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "warning",
    }

    class Server(BaseApplication):
        def load_config(self) -> None:
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Flask:
            return settled(factory())  # in each worker: its own connections, PDF pool

    Server().run()


def run_waitress(app: Flask, host: str, port: int, threads: int) -> None:
    """Serve with Waitress until Ctrl+C: one process, ``threads`` threads."""
    import waitress

    from web.core.limits import server_body_limit

    # Waitress stops accepting at 100 open connections by default: the 100th coach's browser
    # would wait for minutes. Gunicorn's default is 1,000 per worker; the same here. A body
    # far over the app's limit is refused from its headers, unread (web.core.limits).
    server = waitress.create_server(app, host=host, port=port, threads=threads, ident="sns",
                                    connection_limit=1000,
                                    max_request_body_size=server_body_limit(app))
    _announce(server.effective_host, server.effective_port, f"Waitress, {threads} threads")
    settled(app)
    server.run()  # until Ctrl+C (SIGINT), which Waitress turns into a clean shutdown
