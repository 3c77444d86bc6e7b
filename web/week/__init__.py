"""Deze week: the coach's first page after login (sns.residents.week)."""

from flask import Blueprint

bp = Blueprint("week", __name__)

from web.week import views  # noqa: E402,F401 - registers the routes on bp
