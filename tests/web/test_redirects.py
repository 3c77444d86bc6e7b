"""Where ``next`` may send the browser after login and the language switch: only to a path
on this site, after the normalisation browsers apply."""

from __future__ import annotations

import re
from urllib.parse import quote, urljoin, urlsplit

import pytest

from tests.accounts import PASSWORD
from web.core.redirects import local_target

pytestmark = pytest.mark.db

#: Targets that a browser would take to another site (or that are not a plain path here).
FOREIGN = [
    "//evil.example/",              # scheme-relative
    "/\t/evil.example/",            # browsers drop the tab: //evil.example/
    "/\n/evil.example/",            # ... and newlines (and a raw newline breaks the header)
    "/\r\n/evil.example/",
    "/\\evil.example/",             # a backslash is read as a slash: //evil.example/
    "\\\\evil.example/",
    "/\\/evil.example/",
    " //evil.example/",             # leading spaces and controls are stripped
    "\x00//evil.example/",
    "\x1f/evil.example/",
    "///evil.example/",
    "https://evil.example/",
    "http:/evil.example/",          # scheme with one slash still leaves the site
    "javascript:alert(1)",
    "evil.example",                 # relative to the current path: not a plain path
    "/\u0085/evil.example/",        # C1 control (next line)
    "",
    None,
]


def _where_a_browser_goes(location: str) -> str:
    """The host a browser on https://sns.example/login opens for ``location``, after its URL
    parser's clean-up (WHATWG URL: drop tab and newline, strip leading and trailing C0 and
    space, backslash as slash)."""
    c0_and_space = "".join(map(chr, range(0x21)))
    cleaned = re.sub(r"[\t\n\r]", "", location).strip(c0_and_space)
    return urlsplit(urljoin("https://sns.example/login", cleaned.replace("\\", "/"))).netloc


def test_the_browser_model_of_this_test_sees_the_attacks():
    assert _where_a_browser_goes("/\t/evil.example/") == "evil.example"
    assert _where_a_browser_goes("/\\evil.example/") == "evil.example"
    assert _where_a_browser_goes("/bewoners/3") == "sns.example"


LOCAL = ["/", "/bewoners/3", "/bewoners/3/verkenning?tab=kaart#lijst", "/doe-mee/?code=ABC"]


@pytest.mark.parametrize("target", FOREIGN)
def test_foreign_targets_are_refused(target):
    assert local_target(target) is None


@pytest.mark.parametrize("target", LOCAL)
def test_paths_on_this_site_are_kept(target):
    assert local_target(target) == target


def _login(client, target):
    return client.post(f"/login?next={quote(target, safe='')}",
                       data={"username": "ans", "password": PASSWORD})


def _switch_language(client, target):
    return client.post("/taal", data={"lang": "en", "next": target})


@pytest.mark.parametrize("target", [t for t in FOREIGN if t])
@pytest.mark.parametrize("follow_next", [_login, _switch_language])
def test_login_and_language_switch_never_send_the_browser_elsewhere(client, people,
                                                                     follow_next, target):
    response = follow_next(client, target)
    assert response.status_code == 302
    # The caseload, or (a control character removed at input) a harmless path here.
    assert _where_a_browser_goes(response.headers["Location"]) == "sns.example"


@pytest.mark.parametrize("follow_next", [_login, _switch_language])
def test_login_and_language_switch_go_on_to_the_page_asked_for(client, people, follow_next):
    assert follow_next(client, "/bewoners/3").headers["Location"] == "/bewoners/3"


def test_the_reported_attack_goes_to_the_first_page(client, people):
    response = client.post("/login?next=/%09/evil.example/",
                           data={"username": "ans", "password": PASSWORD})
    assert response.headers["Location"] == "/deze-week"
