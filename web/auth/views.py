"""Login and logout pages."""

from __future__ import annotations

import time

from flask import flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import login_user, logout_user

from sns import accounts, audit
from web.access import current_coach
from web.auth import bp
from web.auth.forms import LoginForm
from web.database import get_db


def _safe_next(target: str | None) -> str:
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return url_for("week.index")  # Deze week: the first page after login


@bp.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        db = get_db()
        try:
            coach = accounts.log_in(db, form.username.data, form.password.data,
                                    request.remote_addr)
        except accounts.TooManyLogins as err:
            db.commit()
            flash(_(err.message), "error")
            return render_template("auth/login.html", form=form), 429
        if coach is None:
            db.commit()  # the failure counts
            # One message for every failure: it must not tell whether the account exists.
            flash(_("Gebruikersnaam of wachtwoord klopt niet."), "error")
        else:
            audit.record(db, coach, "login")
            db.commit()
            lang = session.get("lang")
            session.clear()  # no session fixation: a fresh session after login
            if lang:
                session["lang"] = lang
            login_user(coach)
            session["seen"] = time.time()
            session.permanent = True
            return redirect(_safe_next(request.args.get("next")))
    return render_template("auth/login.html", form=form)


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
