"""PDFs rendered in a small pool of worker processes, not in the request threads.

WeasyPrint is pure CPU work in Python: in a request thread it holds the interpreter lock for
seconds and every other page of that server process waits. Here it runs in at most
``SNS_PDF_WORKERS`` separate processes (default: half the cores, at least one), so pages
stay fast while someone prints, and a runaway render cannot take the server with it.

A worker process that dies mid-render (killed, out of memory) fails only the renders it
was running: they get :class:`PrintFailed` (answered with a clear Dutch message), and the
pool is replaced by a fresh one for the next print. ``SNS_PDF_WORKERS=0`` renders in the
request thread (debugging).

Many prints at once (20 coaches after a training) wait their turn: the time limit
:data:`RENDER_TIMEOUT` is kept by the worker itself for the one render it is doing, so the
wait in the queue never counts, and a render over its limit fails alone while the worker goes
on with the next. Only a worker that does not answer at all (well past the limit) gets the
pool replaced; the prints still waiting are then made by the new pool, not failed.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import signal
import threading
from concurrent.futures import CancelledError, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

#: The longest one PDF may take to render, from its start in a worker (seconds).
RENDER_TIMEOUT = 120
#: How often a waiting request looks whether its render has started (seconds).
_TURN_POLL = 0.25


class PrintFailed(RuntimeError):
    """The PDF could not be made (its worker process stopped); nothing was changed."""


class RenderTooLong(RuntimeError):
    """Raised in a worker when one render passes its time limit (the worker carries on)."""


def _too_long(signum, frame):
    raise RenderTooLong("the PDF took too long")


def default_workers() -> int:
    """Half the cores this process may use, at least one."""
    return max(1, len(os.sched_getaffinity(0)) // 2 if hasattr(os, "sched_getaffinity")
               else (os.cpu_count() or 2) // 2)


def _render(html: str, base_url: str, limit: float) -> bytes:
    """In a worker process: the PDF, or :class:`RenderTooLong` after ``limit`` seconds."""
    from web.core.pdf import render_here

    previous = signal.signal(signal.SIGALRM, _too_long)
    signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        return render_here(html, base_url)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _result(future):
    """The future's result: no limit while it waits its turn (each render ahead of it has
    its own), then the render's limit, doubled, since with one call queued beside each worker
    a future counts as running while the render ahead of it still runs."""
    while not future.running():
        try:
            return future.result(timeout=_TURN_POLL)
        except TimeoutError:
            pass
    return future.result(timeout=2 * RENDER_TIMEOUT + 10)


class PdfPool:
    """A bounded pool of processes that turn HTML into PDF bytes."""

    def __init__(self, workers: int):
        self.workers = workers
        self._lock = threading.Lock()
        self._executor: ProcessPoolExecutor | None = None

    def _current(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._executor is None:
                # forkserver: no copy of the server's threads and open connections.
                context = multiprocessing.get_context(
                    "forkserver" if "forkserver" in multiprocessing.get_all_start_methods()
                    else "spawn")
                self._executor = ProcessPoolExecutor(self.workers, mp_context=context)
            return self._executor

    def _replace(self, broken: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._executor is broken:
                self._executor = None
        broken.shutdown(wait=False, cancel_futures=True)

    def processes(self) -> list[int]:
        """The process ids of the pool's workers (for tests and monitoring)."""
        executor = self._executor
        return list(getattr(executor, "_processes", None) or {}) if executor else []

    def render(self, html: str, base_url: str) -> bytes:
        for _ in range(3):
            executor = self._current()
            try:
                return _result(executor.submit(_render, html, base_url, RENDER_TIMEOUT))
            except CancelledError:
                continue  # the pool was replaced while this print waited: on the new one
            except RenderTooLong as err:
                raise PrintFailed("the PDF took too long") from err
            except BrokenProcessPool as err:
                self._replace(executor)
                raise PrintFailed("the PDF worker process stopped during the render") from err
            except TimeoutError as err:  # the worker does not answer at all
                self._replace(executor)
                raise PrintFailed("the PDF worker process does not answer") from err
        raise PrintFailed("the PDF pool was replaced while this print waited")

    def shutdown(self) -> None:
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)


_shared: PdfPool | None = None
_shared_lock = threading.Lock()


def shared() -> PdfPool | None:
    """This server process's pool (made on first use), or None to render in-thread."""
    global _shared
    with _shared_lock:
        if _shared is None:
            workers = int(os.environ.get("SNS_PDF_WORKERS", default_workers()))
            if workers <= 0:
                return None
            _shared = PdfPool(workers)
            atexit.register(_shared.shutdown)
        return _shared
