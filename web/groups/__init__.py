"""Group sessions "Hoe sterk is mijn netwerk?".

Two blueprints: ``groups`` (``/groepen``) for the facilitator, a logged-in coach who sees only
their own sessions and only anonymous totals; ``doemee`` (``/doe-mee``) for the participants,
who have no account (their endpoints are listed in ``web.auth.login.PUBLIC_ENDPOINTS``).
"""

from flask import Blueprint

bp = Blueprint("groups", __name__, url_prefix="/groepen")
participant_bp = Blueprint("doemee", __name__, url_prefix="/doe-mee")

from web.groups import facilitator, participant  # noqa: E402,F401 - registers the routes
