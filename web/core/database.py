"""One database session per request, opened on first use and closed at the end.

A request that may change something (any method but GET, HEAD and OPTIONS) gets a session
whose transactions are write transactions from the start (``sns.db.writing``): on SQLite
concurrent writers then wait for each other instead of failing with "database is locked".
"""

from __future__ import annotations

from flask import Flask, current_app, g, has_request_context, request
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from sns.db import make_engine, make_sessionmaker, writing

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def init_app(app: Flask) -> None:
    engine = make_engine(app.config["DATABASE_URL"])
    # Writes have a pool of their own: connections that were opened while the database was
    # read-only (and stay so on PostgreSQL) are never the ones a write gets after recovery.
    write_engine = make_engine(app.config["DATABASE_URL"])
    app.extensions["sns_sessionmaker"] = make_sessionmaker(engine)
    app.extensions["sns_write_sessionmaker"] = make_sessionmaker(writing(write_engine))
    app.extensions["sns_engine"] = engine
    app.extensions["sns_write_engine"] = write_engine
    app.teardown_appcontext(_close)


def is_write_request() -> bool:
    """Whether the current request may change data (a form, the map's drag)."""
    return has_request_context() and request.method not in READ_METHODS


def get_db() -> Session:
    """The request's session. Views commit when their work succeeded; anything not committed
    is rolled back when the request ends."""
    if "db" not in g:
        kind = "sns_write_sessionmaker" if is_write_request() else "sns_sessionmaker"
        g.db = current_app.extensions[kind]()
    return g.db


def discard_db(*, connections: bool = False) -> None:
    """End the request's session after a failure: roll back and close it, so the error page
    (and any later request) starts clean. With ``connections`` the engine's pooled
    connections are dropped too: after the database refused writes (read-only, gone), an
    old connection may keep refusing after the database itself recovered."""
    db = g.pop("db", None)
    if db is not None:
        try:
            db.rollback()
        except SQLAlchemyError:
            db.invalidate()  # the connection itself is broken: never hand it out again
        finally:
            db.close()
    if connections:
        for engine in ("sns_engine", "sns_write_engine"):
            current_app.extensions[engine].dispose()


def _close(_exc: BaseException | None) -> None:
    db = g.pop("db", None)
    if db is not None:
        db.close()
