"""Netwerkverkenning: mapping the network live at the kitchen table, and the life domains."""

from flask import Blueprint

bp = Blueprint("verkenning", __name__, url_prefix="/bewoners/<int:resident_id>")

from web.verkenning import group_ties, undo, views  # noqa: E402,F401 - registers the routes on bp
