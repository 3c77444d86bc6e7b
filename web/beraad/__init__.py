"""Mijn netwerkberaad: preparing, inviting and recording the resident's own meeting."""

from flask import Blueprint

bp = Blueprint("beraad", __name__, url_prefix="/bewoners/<int:resident_id>/beraad")

from web.beraad import views  # noqa: E402,F401 - registers the routes on bp
