"""``/healthz``: is this server process up, and can it reach its database?

For the reverse proxy and monitoring: 200 with ``{"status": "ok"}`` when a query on the
database answers, else 503 (and the pooled connections are dropped, so the next check
reconnects). Public, like the login page: it says nothing about anyone.
"""

from __future__ import annotations

from flask import Blueprint, jsonify
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from web.core.database import discard_db, get_db

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    try:
        get_db().execute(text("SELECT 1"))
    except SQLAlchemyError:
        discard_db(connections=True)
        response = jsonify(status="unavailable", database="unreachable")
        response.status_code = 503
    else:
        response = jsonify(status="ok", database="ok")
    response.headers["Cache-Control"] = "no-store"
    return response
