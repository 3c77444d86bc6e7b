"""Guessing at the same moment: a parallel burst of wrong passwords, or of wrong
second-factor codes, through a live server with a thread per request (SQLite and
PostgreSQL) gets no more than the limit checked.

The check itself is slowed down a little (50 ms) in these tests, so the requests of a burst
certainly overlap: a limit that holds only when they do not would fail here."""

from __future__ import annotations

import time

import pytest

from sns.accounts import coaches, two_factor
from tests.accounts import PASSWORD
from tests.live import Browser, live_server, run_together

pytestmark = pytest.mark.db

BURST = 8


def _slowed(monkeypatch, module, name: str) -> list:
    """Slow ``module.name`` down by 50 ms per call; returns the list of its calls."""
    calls, original = [], getattr(module, name)

    def slow(*args):
        calls.append(args)
        time.sleep(0.05)
        return original(*args)

    monkeypatch.setattr(module, name, slow)
    return calls


def test_a_burst_of_wrong_passwords_gets_no_more_than_the_limit_checked(app, people,
                                                                          monkeypatch):
    """Issue 29, finding 6: 40 wrong passwords 8 at a time got 16 checked instead of 10,
    because counting, checking and recording were three steps."""
    checked = _slowed(monkeypatch, coaches, "verify_password")
    with live_server(app) as url:
        browsers = [Browser(url) for _ in range(BURST)]
        for browser in browsers:
            browser.get("/login")
        for _ in range(5):
            answers = run_together(lambda i: browsers[i].post(
                "/login", {"username": "ans", "password": "niet het wachtwoord"}), BURST)
            assert {a.status for a in answers} <= {200, 429}
        assert len(checked) == coaches.LOGIN_LIMIT
        refused = browsers[0].post("/login", {"username": "ans", "password": PASSWORD})
        assert refused.status == 429


def test_a_burst_of_wrong_codes_gets_no_more_than_the_limit_checked(app, people,
                                                                      monkeypatch):
    """Issue 29, finding 4: a parallel burst of wrong codes from one address got 12 checked
    of 10."""
    checked = _slowed(monkeypatch, two_factor, "check_code")
    with live_server(app) as url:
        browsers = [Browser(url) for _ in range(BURST)]
        for browser in browsers:
            answer = browser.post("/login", {"username": "leider", "password": PASSWORD})
            assert answer.url.endswith("/login/code")
        for _ in range(3):
            run_together(lambda i: browsers[i].post("/login/code", {"code": "000000"}), BURST)
        assert len(checked) == two_factor.CODE_LIMIT
        # Now the limit is full: the next code of every browser is refused unchecked and
        # sends it back to the password step. (Which browsers the burst itself sent back
        # depends on how the requests interleave: one of them may have had the tenth check.)
        answers = run_together(
            lambda i: browsers[i].post("/login/code", {"code": "000000"}), BURST)
        assert len(checked) == two_factor.CODE_LIMIT
        assert all(a.url == f"{url}/login" for a in answers)
        assert all(b.get("/login/code").url == f"{url}/login" for b in browsers)
