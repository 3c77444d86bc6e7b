"""The coach's own account page, changing the password, and setting up the second factor.

While the app is being set up, its new secret waits in this browser's signed session
cookie (the page shows it anyway, as a QR code and as text); it is stored on the account,
and removed from the cookie, only once a code from the app proves the app has it.
"""

from __future__ import annotations

from flask import flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import login_user

from sns.accounts import coaches as accounts
from sns.accounts import two_factor
from sns.errors import Invalid
from web.account import bp
from web.account.forms import OwnPasswordForm, SetupCodeForm
from web.auth.login import two_factor_required
from web.core.access import current_coach
from web.core.database import get_db
from web.core.qr import qr_svg
from web.core.saving import attempt

SETUP_KEY = "totp_setup"


def _page(password_form: OwnPasswordForm | None = None, status: int = 200):
    coach = current_coach()
    return render_template("account/index.html", coach=coach,
                           password_form=password_form or OwnPasswordForm(),
                           required=two_factor_required(coach)), status


@bp.get("/")
def index():
    return _page()


@bp.post("/wachtwoord")
def change_password():
    """A new password, with the current one; the account's other sessions end."""
    db = get_db()
    coach = current_coach()
    form = OwnPasswordForm()
    if not form.validate_on_submit():
        return _page(form, 400)
    # Not web.core.saving.save: the current password is counted as a login attempt before
    # it is checked (committed by the service), and a wrong one stays counted.
    try:
        accounts.change_own_password(db, coach, form.current.data, form.new.data,
                                     request.remote_addr)
    except accounts.TooManyLogins as err:
        db.commit()
        flash(_(err.message), "error")
        return _page(form, 429)
    except accounts.WrongPassword as err:
        db.commit()
        flash(_(err.message), "error")
        return _page(form, 400)
    except Invalid as err:
        db.rollback()
        flash(_(err.message), "error")
        return _page(form, 400)
    db.commit()
    login_user(coach)  # this browser goes on with the account's new session token
    flash(_("Uw wachtwoord is gewijzigd. Op andere apparaten bent u nu uitgelogd."))
    return redirect(url_for("account.index"))


@bp.route("/tweestaps", methods=["GET", "POST"])
def two_factor_setup():
    """Set up (or replace) the code app: scan the QR code, type the code it shows; then the
    recovery codes are shown, once."""
    coach = current_coach()
    secret = session.get(SETUP_KEY)
    if not isinstance(secret, str):
        secret = session[SETUP_KEY] = two_factor.new_secret()
    form = SetupCodeForm()
    status = 200
    if form.validate_on_submit():
        codes: list[str] = []
        status = attempt(lambda: codes.extend(two_factor.enable(get_db(), coach, secret,
                                                                form.code.data)))
        if status is None:
            session.pop(SETUP_KEY, None)
            return render_template("account/recovery_codes.html", codes=codes)
    uri = two_factor.provisioning_uri(coach, secret)
    return render_template("account/two_factor.html", form=form, qr=qr_svg(uri),
                           secret=secret, coach=coach,
                           required=two_factor_required(coach)), status
