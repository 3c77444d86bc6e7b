"""Calendar: .ics files of a netwerkberaad and a review date, and the coach's feed with its
secret, renewable address (the feed itself needs no login: the token is the key)."""

from flask import Blueprint

bp = Blueprint("calendar", __name__)

from web.calendar import views  # noqa: E402,F401 - registers the routes on bp
