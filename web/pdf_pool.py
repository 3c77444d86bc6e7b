"""PDFs rendered in a small pool of worker processes, not in the request threads.

WeasyPrint is pure CPU work in Python: in a request thread it holds the interpreter lock for
seconds and every other page of that server process waits. Here it runs in at most
``SNS_PDF_WORKERS`` separate processes (default: half the cores, at least one), so pages
stay fast while someone prints, and a runaway render cannot take the server with it.

A worker process that dies mid-render (killed, out of memory) fails only the renders it
was running: they get :class:`PrintFailed` (answered with a clear Dutch message), and the
pool is replaced by a fresh one for the next print. ``SNS_PDF_WORKERS=0`` renders in the
request thread (debugging).
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

#: The longest one PDF may take before the request gives up on it (seconds).
RENDER_TIMEOUT = 120


class PrintFailed(RuntimeError):
    """The PDF could not be made (its worker process stopped); nothing was changed."""


def default_workers() -> int:
    """Half the cores this process may use, at least one."""
    return max(1, len(os.sched_getaffinity(0)) // 2 if hasattr(os, "sched_getaffinity")
               else (os.cpu_count() or 2) // 2)


def _render(html: str, base_url: str) -> bytes:
    from web.printing.pdf import render_here

    return render_here(html, base_url)


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
        executor = self._current()
        try:
            return executor.submit(_render, html, base_url).result(timeout=RENDER_TIMEOUT)
        except BrokenProcessPool as err:
            self._replace(executor)
            raise PrintFailed("the PDF worker process stopped during the render") from err
        except TimeoutError as err:
            self._replace(executor)
            raise PrintFailed("the PDF took too long") from err

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
