"""Browser tests: the app on a live local server, driven by Playwright in Debian's Chromium.

They run on SQLite only (the database layer is tested on both backends elsewhere). Every test
records the requests the page made, so a test can assert that none left the app's origin.
"""

from __future__ import annotations

import shutil
import threading

import pytest
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from tests.accounts import PASSWORD, CodeApp

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture
def database_url(tmp_path, sqlite_template):
    path = tmp_path / "sns.sqlite3"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def live_server(app):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                  "--disable-background-networking", "--disable-component-update",
                  "--no-first-run", "--disable-sync"],
        )
        yield browser
        browser.close()


class Visit:
    """One browser context: the page, the URLs it requested and any dialogs that fired."""

    def __init__(self, browser, base_url: str, code_app: CodeApp, **options):
        self.base_url = base_url
        self.context = browser.new_context(base_url=base_url, locale="nl-NL", **options)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.code_app = code_app  # shared by the test's visits: each code works once
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def login(self, username: str = "ans", password: str = PASSWORD) -> None:
        """Log in with the password and, for an account with a second factor, the code."""
        self.page.goto("/login")
        self.page.get_by_label("Gebruikersnaam").fill(username)
        self.page.get_by_label("Wachtwoord").fill(password)
        self.page.get_by_role("button", name="Inloggen").click()
        self.page.wait_for_url(lambda url: not url.endswith("/login"))
        if self.page.url.endswith("/login/code"):
            self.page.get_by_label("Code").fill(self.code_app.code(username))
            self.page.get_by_role("button", name="Inloggen").click()
        self.page.wait_for_url(f"{self.base_url}/deze-week")  # the first page after login

    def foreign_requests(self) -> list[str]:
        return [u for u in self.requests
                if not u.startswith(self.base_url) and not u.startswith("data:")]


@pytest.fixture
def visit(browser, live_server):
    visits = []
    code_app = CodeApp()

    def open_visit(**options) -> Visit:
        """A new browser context; ``options`` go to Playwright's ``new_context`` (e.g.
        ``viewport``, ``has_touch``, ``is_mobile`` for a tablet or a phone)."""
        v = Visit(browser, live_server, code_app, **options)
        visits.append(v)
        return v

    yield open_visit
    for v in visits:
        v.context.close()
