"""Networks in and out: the export downloads (GraphML, GEXF, CSV, JSON) and the import with a
preview, per resident (``/bewoners/N/netwerk``)."""

from flask import Blueprint

bp = Blueprint("netfiles", __name__, url_prefix="/bewoners/<int:resident_id>/netwerk")

from web.netfiles import views  # noqa: E402,F401 - registers the routes on bp
