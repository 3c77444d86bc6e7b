"""Wat SNS oplevert: the anonymous outcome report for the teamleider and the municipality."""

from flask import Blueprint

bp = Blueprint("outcomes", __name__, url_prefix="/uitkomsten")

from web.outcomes import views  # noqa: E402,F401 - registers the routes on bp
