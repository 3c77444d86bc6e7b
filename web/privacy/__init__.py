"""Privacy in the web layer (AVG): a resident's consent, access log, export and erasure
(``/bewoners/N/privacy``), the privacy officer's log search (``/privacy``), the teamleider's
list of files that retention will erase soon (``/bewaartermijn``), and the hooks that put
the client's address and every view of a resident's page into the access log."""

from flask import Blueprint, Flask

bp = Blueprint("privacy", __name__, url_prefix="/bewoners/<int:resident_id>/privacy")
log_bp = Blueprint("privacylog", __name__, url_prefix="/privacy")
retention_bp = Blueprint("bewaartermijn", __name__, url_prefix="/bewaartermijn")

from web.privacy import hooks, log_views, retention_views, views  # noqa: E402,F401


def init_app(app: Flask) -> None:
    """Register the privacy pages and the access-log hooks."""
    for blueprint in (bp, log_bp, retention_bp):
        app.register_blueprint(blueprint)
