"""How the tests log in: the fixture accounts' password and code-app secret, a client that
sends CSRF tokens like a browser, the code app, and :class:`Auth` (password, then code).

Plain helpers, imported by test modules and ``tests/world.py``; the fixtures that use them
live in ``tests/conftest.py``.
"""

from __future__ import annotations

import re
import time

import pyotp
from flask.testing import FlaskClient

PASSWORD = "correct horse battery"
#: The code-app secret of every fixture account whose role needs a second factor
#: (sns.accounts.two_factor.TWO_FACTOR_ROLES); :class:`Auth` logs them in with its current code.
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


class FormClient(FlaskClient):
    """A test client that sends the session's CSRF token with every form, as a browser does.

    ``post(..., csrf=False)`` leaves it out, to test that such a form is refused.
    """

    def csrf_token(self) -> str:
        page = self.get("/login").get_data(as_text=True)
        return re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', page).group(1)

    def post(self, *args, csrf: bool = True, **kwargs):
        if csrf:
            data = dict(kwargs.pop("data", None) or {})
            data.setdefault("csrf_token", self.csrf_token())
            kwargs["data"] = data
        return super().post(*args, **kwargs)


def totp_code(secret: str = TOTP_SECRET, *, later: int = 0) -> str:
    """The code the app shows now (``later``: that many 30-second steps ahead)."""
    totp = pyotp.TOTP(secret)
    return totp.at(time.time() + later * totp.interval)


class CodeApp:
    """The code app of the fixture accounts. Each 30-second code works once, so a second
    login in the same step gets the next step's code (accepted: a phone's clock may run
    ahead)."""

    def __init__(self):
        self._used: set[tuple[str, str]] = set()

    def code(self, username: str) -> str:
        later = 0
        while (username, code := totp_code(later=later)) in self._used:
            later += 1
        self._used.add((username, code))
        return code


class Auth:
    """Logs in as a user would: the password, then, when the page asks for it, the code of
    the app. Clients that share a ``code_app`` never reuse one of its codes."""

    def __init__(self, client: FormClient, code_app: CodeApp | None = None):
        self.client = client
        self.app = code_app or CodeApp()

    def login(self, username: str = "ans", password: str = PASSWORD):
        response = self.client.post("/login",
                                    data={"username": username, "password": password})
        if not response.headers.get("Location", "").startswith("/login/code"):
            return response
        return self.client.post(response.headers["Location"],
                                data={"code": self.app.code(username)})

    def logout(self):
        return self.client.post("/logout")
