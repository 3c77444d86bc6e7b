"""Secret key, session cookie settings, the security headers of every response, and which
reverse proxies are trusted."""

from __future__ import annotations

import ipaddress
import secrets
from collections.abc import Iterable
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from flask import Flask, Response
from flask_wtf.csrf import CSRFProtect
from werkzeug.middleware.proxy_fix import ProxyFix

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment

csrf = CSRFProtect()

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)


def _secret_key(instance: Path) -> str:
    """The configured key, else one generated once into the instance folder (never the repo)."""
    path = instance / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def init_app(app: Flask) -> None:
    idle = app.config["IDLE_TIMEOUT"]
    if not isinstance(idle, timedelta):  # SNS_IDLE_TIMEOUT from the environment, in seconds
        app.config["IDLE_TIMEOUT"] = timedelta(seconds=int(idle))
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _secret_key(Path(app.instance_path))
    app.config.update(
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        # The cookie outlives the idle timeout so that the server, which enforces the
        # timeout, can tell the coach why they were logged out.
        PERMANENT_SESSION_LIFETIME=max(app.config["IDLE_TIMEOUT"], timedelta(hours=12)),
        WTF_CSRF_TIME_LIMIT=None,  # the session's idle timeout bounds the token's life
    )
    csrf.init_app(app)
    app.after_request(_headers)
    _trust_proxies(app, int(app.config["PROXIES"]))


def _trust_proxies(app: Flask, count: int) -> None:
    """Behind ``count`` reverse proxies, take the client's address, the scheme and the host
    from their X-Forwarded headers, so that limits per client (joining a group session) see
    the real client and not the proxy. Without proxies these headers are ignored: anyone can
    send them. A forwarded address is believed only when it is an IP address
    (:class:`_OnlyIpAddresses`)."""
    if count < 0:
        raise ValueError("SNS_PROXIES must be 0 or more")
    if count:
        app.wsgi_app = ProxyFix(_OnlyIpAddresses(app.wsgi_app), x_for=count, x_proto=count,
                                x_host=count)


class _OnlyIpAddresses:
    """Behind :class:`ProxyFix`: keep the forwarded client address only when it parses as an
    IP address (written the standard way, ``2001:DB8::1`` as ``2001:db8::1``); anything else
    (a formula, a name, an address with a port) is dropped and the proxy's own address
    counts. The address goes into the limits and the access log, so it must be one."""

    def __init__(self, app: WSGIApplication) -> None:
        self.app = app

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse
                 ) -> Iterable[bytes]:
        forwarded = environ.get("REMOTE_ADDR") or ""
        try:
            environ["REMOTE_ADDR"] = str(ipaddress.ip_address(forwarded))
        except ValueError:
            original = environ.get("werkzeug.proxy_fix.orig", {})
            environ["REMOTE_ADDR"] = original.get("REMOTE_ADDR")
        return self.app(environ, start_response)


def _headers(response: Response) -> Response:
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    if response.mimetype == "text/html":
        # Pages show personal data: never keep them in a shared computer's cache.
        response.headers.setdefault("Cache-Control", "no-store")
    return response
