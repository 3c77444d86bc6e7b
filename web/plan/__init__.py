"""Mijn plan: the actieteam, who does what and when, and the reviews."""

from flask import Blueprint

bp = Blueprint("plan", __name__, url_prefix="/bewoners/<int:resident_id>/plan")

from web.plan import views  # noqa: E402,F401 - registers the routes on bp
