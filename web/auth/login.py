"""Login sessions: Flask-Login on a per-account session token, the idle timeout, and the
second factor that an account of some roles must set up before anything else.

The cookie holds the account's ``session_token``, not its id; logging out or changing the
password replaces the token, which ends every session of that account on the server side.
"""

from __future__ import annotations

import time

from flask import Flask, current_app, flash, redirect, request, session, url_for
from flask_babel import lazy_gettext as _l
from flask_login import LoginManager, current_user, logout_user

from sns import audit
from sns.accounts import coaches as accounts
from sns.accounts import two_factor
from sns.errors import NotFound
from sns.models import Coach
from web.core.database import get_db

PUBLIC_ENDPOINTS = {
    "auth.login",
    "auth.second_factor",  # after the right password, see web.auth.views
    "static",
    "i18n.switch_language",
    # A calendar app fetches the coach's feed without a login: the secret token is the key
    # (web/calendar/views.py; an unknown or renewed token is 404).
    "calendar.feed",
    # The resident's own page: the personal code in the URL is the key (web/mijn/resident.py;
    # a wrong, renewed, stopped or expired code is 404).
    "mijn.page",
    "mijn.mark_done",
    "mijn.add_topic",
    # ... whose map draws with vis-network, a public library file.
    "vendor.vis",
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

#: Roles that may use only some pages: every other page answers 404 for them, and their home
#: page is the first endpoint listed. The municipality sees the anonymous outcome report only.
ROLE_PAGES = {
    "gemeente": ("outcomes.", "auth.", "account.", "i18n."),
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
    return _require_second_factor() or _within_role_pages()


#: What an account that must still set up its second factor may do meanwhile.
SETUP_ENDPOINTS = {"account.two_factor_setup", "auth.logout"}


def two_factor_required(coach: Coach) -> bool:
    """Whether this account must have a second factor on this server (``SNS_REQUIRE_2FA``
    adds the coaches to the roles of :data:`sns.accounts.two_factor.TWO_FACTOR_ROLES`)."""
    return two_factor.required(coach, for_coaches=bool(current_app.config["REQUIRE_2FA"]))


def _require_second_factor():
    """An account that must log in with a second factor and has none yet (new, or reset by
    an admin) sets it up before anything else."""
    if (current_user.totp_secret is None and two_factor_required(current_user)
            and request.endpoint not in SETUP_ENDPOINTS):
        flash(_l("Voor uw account is inloggen in twee stappen nodig. Stel dat eerst in."))
        return redirect(url_for("account.two_factor_setup"))
    return None


def _within_role_pages():
    """A role limited to some pages is sent home from the start page and gets 404 on every
    other page (as for a resident that is not theirs: nothing says the page exists)."""
    allowed = ROLE_PAGES.get(current_user.role)
    if allowed is None or request.endpoint.startswith(allowed):
        return None
    if request.endpoint in ("caseload.index", "week.index"):  # the start pages
        return redirect(url_for(allowed[0] + "index"))
    resident_id = (request.view_args or {}).get("resident_id")
    if resident_id is not None:
        audit.record(get_db(), current_user, "resident.denied", resident_id=resident_id)
    raise NotFound()  # the error page commits the audit event
