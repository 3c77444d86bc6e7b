"""The caseload: my residents, and starting with a new one."""

from flask import Blueprint

bp = Blueprint("caseload", __name__)

from web.caseload import views  # noqa: E402,F401 - registers the routes on bp
