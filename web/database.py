"""One database session per request, opened on first use and closed at the end."""

from __future__ import annotations

from flask import Flask, current_app, g
from sqlalchemy.orm import Session

from sns.db import make_engine, make_sessionmaker


def init_app(app: Flask) -> None:
    engine = make_engine(app.config["DATABASE_URL"])
    app.extensions["sns_sessionmaker"] = make_sessionmaker(engine)
    app.extensions["sns_engine"] = engine
    app.teardown_appcontext(_close)


def get_db() -> Session:
    """The request's session. Views commit when their work succeeded; anything not committed
    is rolled back when the request ends."""
    if "db" not in g:
        g.db = current_app.extensions["sns_sessionmaker"]()
    return g.db


def _close(_exc: BaseException | None) -> None:
    db = g.pop("db", None)
    if db is not None:
        db.close()
