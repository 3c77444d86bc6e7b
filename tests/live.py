"""The app on a live local server in a thread, and a tiny browser-like HTTP client, for tests
that need real concurrency (several coaches at once, each with their own session)."""

from __future__ import annotations

import http.cookiejar
import re
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from werkzeug.serving import make_server

from tests.accounts import PASSWORD

_CSRF = re.compile(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"')


@contextmanager
def live_server(app) -> Iterator[str]:
    """Serve ``app`` on a free port with a thread per request; yields its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(5)


@dataclass
class Answer:
    status: int
    text: str
    url: str


class Browser:
    """Cookies, the CSRF token of the last page, and redirects followed as a browser does."""

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.token: str | None = None

    def open(self, path: str, data: dict | list | None = None,
             headers: dict | None = None) -> Answer:
        body = None if data is None else urllib.parse.urlencode(data, doseq=True).encode()
        request = urllib.request.Request(  # noqa: S310 - always http://127.0.0.1
            self.base + path, data=body, headers=headers or {})
        try:
            with self.opener.open(request, timeout=30) as response:
                answer = Answer(response.status, response.read().decode(), response.url)
        except urllib.error.HTTPError as err:
            answer = Answer(err.code, err.read().decode(errors="replace"), err.url)
        found = _CSRF.search(answer.text)
        if found:
            self.token = found.group(1)
        return answer

    def get(self, path: str) -> Answer:
        return self.open(path)

    def post(self, path: str, data: dict | list | None = None, **kwargs) -> Answer:
        if self.token is None:
            self.get("/login")
        fields = list(data.items()) if isinstance(data, dict) else list(data or [])
        return self.open(path, [("csrf_token", self.token), *fields], **kwargs)

    def login(self, username: str, password: str = PASSWORD) -> Browser:
        answer = self.post("/login", {"username": username, "password": password})
        assert answer.url == f"{self.base}/deze-week", (answer.status, answer.url)  # home
        return self


def run_together(work, count: int) -> list:
    """Run ``work(i)`` in ``count`` threads that start at the same moment; their results."""
    barrier = threading.Barrier(count)
    results: list = [None] * count
    errors: list[BaseException] = []

    def run(i: int) -> None:
        try:
            barrier.wait()
            results[i] = work(i)
        except BaseException as err:  # reported to the test below
            errors.append(err)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    if errors:
        raise errors[0]
    return results
