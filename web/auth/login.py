"""Login sessions: Flask-Login on a per-account session token, and the idle timeout.

The cookie holds the account's ``session_token``, not its id; logging out or changing the
password replaces the token, which ends every session of that account on the server side.
"""

from __future__ import annotations

import time

from flask import Flask, current_app, flash, redirect, request, session, url_for
from flask_babel import lazy_gettext as _l
from flask_login import LoginManager, current_user, logout_user

from sns import accounts
from web.database import get_db

PUBLIC_ENDPOINTS = {
    "auth.login",
    "static",
    "i18n.switch_language",
    # Group sessions: residents take part without an account (web/groups/participant.py),
    # and the blank worksheet holds nothing personal.
    "doemee.join_form",
    "doemee.join",
    "doemee.step",
    "doemee.save_step",
    "doemee.remove_person",
    "doemee.ask_for_coach",
    "doemee.take_home_pdf",
    "doemee.done",
    "groups.worksheet",
    "health.healthz",  # for the proxy and monitoring; says nothing about anyone
}

login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message = _l("Log in om verder te gaan.")
login_manager.session_protection = "basic"


@login_manager.user_loader
def _load(token: str):
    return accounts.by_session_token(get_db(), token)


def init_app(app: Flask) -> None:
    login_manager.init_app(app)
    app.before_request(_require_login)


def _require_login():
    """Every page needs a live, recently used login, except the public ones."""
    if request.endpoint in PUBLIC_ENDPOINTS or request.endpoint is None:
        return None
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    now = time.time()
    idle = current_app.config["IDLE_TIMEOUT"].total_seconds()
    if now - session.get("seen", now) > idle:
        logout_user()
        session.clear()
        flash(_l("U bent uitgelogd omdat u een tijd niets heeft gedaan. Log opnieuw in."))
        return redirect(url_for("auth.login", next=request.path))
    session["seen"] = now
    session.permanent = True
    return None
