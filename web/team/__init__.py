"""The teamleider's view: the team's caseload and who coaches whom."""

from flask import Blueprint

bp = Blueprint("team", __name__, url_prefix="/team")

from web.team import views  # noqa: E402,F401 - registers the routes on bp
