"""Account and team management (admin only)."""

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/beheer")

from web.admin import views  # noqa: E402,F401 - registers the routes on bp
