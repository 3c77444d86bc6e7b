"""PDFs in a pool of worker processes: a worker killed mid-render gives a clear error, and the
pool replaces it for the next print."""

from __future__ import annotations

import io
import os
import signal
import threading
import time

import pytest
from pypdf import PdfReader

from web.core.pdf_pool import PdfPool, PrintFailed

pytestmark = pytest.mark.db

SLOW = "<html><body>" + "".join(f"<p>Regel {i} van een lange brief.</p>" for i in range(4000))
QUICK = "<html><body><h1>Mijn netwerk</h1><p>Oma Riek</p></body></html>"


@pytest.fixture
def pool():
    pool = PdfPool(1)
    yield pool
    pool.shutdown()


def _text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_a_pdf_is_rendered_in_another_process(pool):
    pdf = pool.render(QUICK, "http://localhost/")
    assert "Oma Riek" in _text(pdf)
    assert pool.processes()
    assert os.getpid() not in pool.processes()


def test_a_worker_killed_mid_render_fails_that_print_and_the_next_one_works(pool):
    pool.render(QUICK, "http://localhost/")  # the worker is up (WeasyPrint imported)
    (worker,) = pool.processes()
    outcome = {}

    def slow_print():
        try:
            outcome["pdf"] = pool.render(SLOW, "http://localhost/")
        except PrintFailed as err:
            outcome["error"] = err

    thread = threading.Thread(target=slow_print)
    thread.start()
    time.sleep(0.5)  # mid-render: 4,000 paragraphs take seconds
    os.kill(worker, signal.SIGKILL)
    thread.join(30)
    assert "error" in outcome
    assert "pdf" not in outcome
    pdf = pool.render(QUICK, "http://localhost/")
    assert "Oma Riek" in _text(pdf)
    assert worker not in pool.processes()


def test_a_render_over_its_limit_fails_alone_and_the_print_waiting_behind_it_is_made(
        pool, monkeypatch):
    from web.core import pdf_pool

    pool.render(QUICK, "http://localhost/")
    (worker,) = pool.processes()
    monkeypatch.setattr(pdf_pool, "RENDER_TIMEOUT", 1)  # 4,000 paragraphs take longer
    outcome: dict = {}

    def render(name, html):
        try:
            outcome[name] = pool.render(html, "http://localhost/")
        except PrintFailed as err:
            outcome[name] = err

    slow = threading.Thread(target=render, args=("slow", SLOW))
    slow.start()
    time.sleep(0.2)  # the slow one goes first; the quick one waits its turn behind it
    quick = threading.Thread(target=render, args=("quick", QUICK))
    quick.start()
    slow.join(60)
    quick.join(60)
    assert isinstance(outcome["slow"], PrintFailed)
    assert "Oma Riek" in _text(outcome["quick"])  # its wait in the queue did not count
    assert pool.processes() == [worker]  # the same worker went on with it


def test_the_app_answers_a_failed_print_with_a_dutch_page(client, auth, people, monkeypatch):
    from web.core import pdf_pool

    class Dead:
        def render(self, html, base_url):
            raise PrintFailed("the PDF worker process stopped during the render")

    monkeypatch.setattr(pdf_pool, "shared", lambda: Dead())
    auth.login("ans")
    response = client.get(f"/bewoners/{people.riek.id}/afdrukken/meenemen.pdf")
    assert response.status_code == 503
    assert "De PDF kon nu niet worden gemaakt." in response.get_data(as_text=True)
