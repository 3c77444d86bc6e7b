"""A resident's own page: their words and their coaches."""

from flask import Blueprint

bp = Blueprint("residents", __name__, url_prefix="/bewoners/<int:resident_id>")

from web.residents import phase, views  # noqa: E402,F401 - registers the routes on bp
