"""Login (password, then the second factor when the account has one) and logout pages."""

from __future__ import annotations

import time

from flask import flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import login_user, logout_user

from sns import audit
from sns.accounts import coaches as accounts
from sns.accounts import two_factor
from sns.errors import Invalid
from sns.models import Coach
from web.auth import bp
from web.auth.forms import CodeForm, LoginForm
from web.core.access import current_coach
from web.core.database import get_db
from web.core.redirects import local_target

#: The Flask session key of a login whose password was right and whose second factor is
#: still to come: ``{"t": the account's session token, "at": when}``.
PENDING_KEY = "login_2fa"
#: How long the second step may wait after the password.
PENDING_SECONDS = 300


def _fresh_session() -> None:
    """No session fixation: a fresh session at each step of a login (the language stays)."""
    lang = session.get("lang")
    session.clear()
    if lang:
        session["lang"] = lang


def complete_login(coach: Coach) -> None:
    """Log ``coach`` in on this browser (the checks are done); commits."""
    db = get_db()
    accounts.logged_in(coach)
    audit.record(db, coach, "login")
    db.commit()
    _fresh_session()
    login_user(coach)
    session["seen"] = time.time()
    session.permanent = True


def _too_many(err: Invalid, form):
    get_db().commit()
    flash(_(err.message), "error")
    return render_template(form.template, form=form), 429


def _after_login() -> str:
    """Where a login leads: the page asked for (when it is on this site), else Deze week."""
    return local_target(request.args.get("next")) or url_for("week.index")


@bp.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        db = get_db()
        # Not web.core.saving.save: a failed login is counted against guessing (committed),
        # where a refused save would roll that back.
        try:
            coach = accounts.log_in(db, form.username.data, form.password.data,
                                    request.remote_addr)
        except accounts.TooManyLogins as err:
            return _too_many(err, form)
        if coach is None:
            db.commit()  # the failure counts
            # One message for every failure: it must not tell whether the account exists.
            flash(_("Gebruikersnaam of wachtwoord klopt niet."), "error")
        elif coach.totp_secret:
            db.commit()
            _fresh_session()
            session[PENDING_KEY] = {"t": coach.session_token, "at": time.time()}
            return redirect(url_for("auth.second_factor",
                                    next=local_target(request.args.get("next"))))
        else:
            complete_login(coach)
            return redirect(_after_login())
    return render_template(form.template, form=form)


def _pending_coach() -> Coach | None:
    """The account whose password was just right on this browser, if still in time."""
    pending = session.get(PENDING_KEY)
    if not isinstance(pending, dict) or not isinstance(pending.get("t"), str):
        return None
    if time.time() - float(pending.get("at", 0)) > PENDING_SECONDS:
        return None
    return accounts.by_session_token(get_db(), pending["t"])


@bp.route("/login/code", methods=["GET", "POST"])
def second_factor():
    """The second step: the code from the app, or a recovery code for a lost phone."""
    coach = _pending_coach()
    if coach is None:
        session.pop(PENDING_KEY, None)
        flash(_("Log opnieuw in met uw gebruikersnaam en wachtwoord."))
        return redirect(url_for("auth.login"))
    form = CodeForm()
    if form.validate_on_submit():
        db = get_db()
        # Not web.core.saving.save: the code is counted for the account before it is
        # checked (committed by the service), and a refusal keeps that count.
        try:
            two_factor.log_in_with_code(db, coach, form.code.data, request.remote_addr)
        except two_factor.TooManyCodes as err:
            db.commit()  # the audit event
            _fresh_session()  # the password step starts over
            flash(_(err.message), "error")
            return redirect(url_for("auth.login"))
        except Invalid as err:
            db.rollback()
            flash(_(err.message), "error")
            return render_template(form.template, form=form), 400
        complete_login(coach)
        if coach.totp_secret is None:  # a recovery code: set up the app again now
            flash(_("U bent ingelogd met een herstelcode. Die werkt nu niet meer. Stel "
                    "hieronder uw app opnieuw in; u krijgt dan nieuwe herstelcodes."))
            return redirect(url_for("account.two_factor_setup"))
        return redirect(_after_login())
    return render_template(form.template, form=form)


@bp.post("/logout")
def logout():
    """End this account's sessions everywhere, then show the login page."""
    db = get_db()
    coach = current_coach()
    coach.rotate_session_token()
    audit.record(db, coach, "logout")
    db.commit()
    logout_user()
    session.clear()
    flash(_("U bent uitgelogd."))
    return redirect(url_for("auth.login"))
