""""Mijn kaart en plan": the resident's own page, opened with their personal code.

Two blueprints: ``mijn`` (``/mijn/<code>``) for the resident, who has no account (its
endpoints are listed in ``web.auth.login.PUBLIC_ENDPOINTS``; the URL holds no
``resident_id``, the code is the key); ``mijncode`` for the coach, who records the consent,
makes, renews or stops the code and prints it (``/bewoners/<resident_id>/mijn-code``,
guarded like every resident page).
"""

from flask import Blueprint

bp = Blueprint("mijn", __name__, url_prefix="/mijn")
coach_bp = Blueprint("mijncode", __name__, url_prefix="/bewoners/<int:resident_id>/mijn-code")

from web.mijn import coach, resident  # noqa: E402,F401 - registers the routes
