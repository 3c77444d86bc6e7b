"""Hoe sterk is mijn netwerk? The strength scan of a resident, and moments to compare."""

from flask import Blueprint

bp = Blueprint("scan", __name__, url_prefix="/bewoners/<int:resident_id>")

from web.scan import views  # noqa: E402,F401 - registers the routes on bp
