"""Languages: Dutch by default, English as the second language, switched per session."""

from __future__ import annotations

from flask import Blueprint, Flask, redirect, request, session
from flask_babel import Babel, gettext

from web.core.redirects import safe_next

LANGUAGES = {"nl": "Nederlands", "en": "English"}
DEFAULT_LANGUAGE = "nl"

bp = Blueprint("i18n", __name__)


def current_language() -> str:
    lang = session.get("lang")
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def init_app(app: Flask) -> None:
    app.config.setdefault("BABEL_DEFAULT_LOCALE", DEFAULT_LANGUAGE)
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", "translations")
    Babel(app, locale_selector=current_language)
    app.jinja_env.globals.update(languages=LANGUAGES, current_language=current_language)
    app.jinja_env.filters["translate"] = gettext


@bp.post("/taal")
def switch_language():
    """Remember the chosen language and go back to the page the switch was on."""
    lang = request.form.get("lang", "")
    if lang in LANGUAGES:
        session["lang"] = lang
    # Only paths inside this app: never an open redirect.
    return redirect(safe_next(request.form.get("next")))
