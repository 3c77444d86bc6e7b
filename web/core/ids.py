"""Ids in URLs within what both databases can store.

Werkzeug's ``int`` converter takes any number of digits, and a resident id of 2**63 made
SQLite raise OverflowError and PostgreSQL (whose integer ids are 32-bit) a DataError, both
answered as 500. Here ``<int:...>`` stops at :data:`MAX_ID`: a larger id matches no route and
is a plain 404, as an id that does not exist.
"""

from __future__ import annotations

from flask import Flask
from werkzeug.routing import IntegerConverter

#: The largest id PostgreSQL's ``integer`` holds (SQLite's is larger; the smaller one rules).
MAX_ID = 2**31 - 1


class IdConverter(IntegerConverter):
    """``<int:name>`` from 0 to :data:`MAX_ID` unless the rule gives its own bounds."""

    def __init__(self, map, *args, **kwargs) -> None:  # noqa: A002 - werkzeug's name
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


def init_app(app: Flask) -> None:
    """Replace ``int`` in every rule; call before any blueprint is registered."""
    app.url_map.converters["int"] = IdConverter


def in_range(number: int | None) -> int | None:
    """``number`` when a database can store it as an id or count, else None."""
    if number is None or -MAX_ID - 1 <= number <= MAX_ID:
        return number
    return None
