"""One-time submission keys in every form, without each template having to add one.

Every HTML page gets a fresh key next to each form's CSRF token (every POST form has one), so
a new form is covered automatically. A POST that carries a key claims it in its own
transaction (``sns.submissions``); a key that was used already is answered with the page the
first submit led to and a message, so a double click adds one member, not two.

Forms that only change the browser's session (login, join, language, logout) are left
alone: repeating them is harmless, and answering them from the first would undo their
session.
"""

from __future__ import annotations

import re
import secrets
import time
from urllib.parse import urlsplit

from flask import Flask, flash, g, redirect, request, url_for
from flask_babel import gettext as _
from sqlalchemy.exc import SQLAlchemyError

from sns import submissions
from web.core.database import discard_db, get_db

FIELD = "submission_key"
SESSION_ENDPOINTS = frozenset({"auth.login", "auth.logout", "doemee.join",
                               "i18n.switch_language"})
#: Forms on a page whose address holds a secret (the resident's personal code): where they
#: led is not stored with the key (it would store the code); a repeat goes back to the page
#: the form was on.
SECRET_ENDPOINTS = frozenset({"mijn.mark_done", "mijn.add_topic"})
#: How often, and how far apart, a second submit looks for the first one's result.
RESULT_LOOKS, RESULT_PAUSE = 20, 0.05
#: One saved submit in this many also forgets the keys older than ``sns.submissions.KEEP``.
PURGE_EVERY = 50
_CSRF_INPUT = re.compile(r'<input\b[^>]*\bname="csrf_token"[^>]*>')


def init_app(app: Flask) -> None:
    app.before_request(_claim)
    app.after_request(_settle)
    app.after_request(_add_keys)


def _key_input(match: re.Match) -> str:
    key = secrets.token_urlsafe(24)
    return f'{match.group(0)}<input type="hidden" name="{FIELD}" value="{key}">'


def _add_keys(response):
    """A fresh key beside the CSRF token of every form on an HTML page."""
    if response.mimetype == "text/html" and not response.direct_passthrough:
        html = response.get_data(as_text=True)
        if 'name="csrf_token"' in html:
            response.set_data(_CSRF_INPUT.sub(_key_input, html))
    return response


def _claim():
    if request.method != "POST" or request.endpoint in SESSION_ENDPOINTS:
        return None
    key = request.form.get(FIELD)
    if not submissions.is_key(key):
        return None
    db = get_db()
    used = submissions.claim(db, key)
    if used is None:
        g.submission_key = key
        return None
    result = used.result or (None if request.endpoint in SECRET_ENDPOINTS
                             else _await_result(key))
    db.rollback()  # this submit changes nothing
    flash(_("Dit formulier was al verstuurd; er is niets dubbel opgeslagen."))
    return redirect(result or _form_page() or url_for("caseload.index"), 303)


def _await_result(key: str) -> str | None:
    """The first submit saved, but may not have noted where it led yet (that follows its
    commit by a moment): look again a few times, each in a fresh transaction."""
    db = get_db()
    for _attempt in range(RESULT_LOOKS):
        db.rollback()
        time.sleep(RESULT_PAUSE)
        result = submissions.result_of(db, key)
        if result is not None:
            return result
    return None


def _form_page() -> str | None:
    """The page the form was on, when the first submit led to no page of its own (that page
    shows what it saved). Only a page of this app."""
    referrer = urlsplit(request.referrer or "")
    if referrer.netloc != request.host or not referrer.path.startswith("/"):
        return None
    return referrer.path + (f"?{referrer.query}" if referrer.query else "")


def _settle(response):
    """Remember where a saved submit led; free the key of one that was refused."""
    key = g.pop("submission_key", None)
    if key is None:
        return response
    try:
        db = get_db()
        if response.status_code >= 400:
            submissions.release(db, key)
        elif response.location and request.endpoint not in SECRET_ENDPOINTS:
            submissions.record_result(db, key, response.location)
        if secrets.randbelow(PURGE_EVERY) == 0:
            submissions.purge(db)  # now and then, in this short transaction
        db.commit()
    except SQLAlchemyError:
        discard_db(connections=True)  # the answer itself stands; the database is unwell
    return response
