"""Every submitted text without control characters, once for all forms and query strings.

Names and notes typed in a form end up in the operator's terminal (``sns scan``), in PDFs
and in exports; an escape sequence in a name could rewrite the terminal. The request class
of the app removes control characters (:func:`sns.rules.strip_controls`) from every value
and name of ``request.form`` and ``request.args`` as they are parsed, so no view can forget
it, passwords and codes included, and NUL never reaches the database.
"""

from __future__ import annotations

from flask import Flask
from flask.wrappers import Request
from werkzeug.datastructures import ImmutableMultiDict, iter_multi_items

from sns.rules import strip_controls


def _clean(value):
    return strip_controls(value) if isinstance(value, str) else value  # files stay as sent


class CleanMultiDict(ImmutableMultiDict):
    """Submitted fields with control characters removed from names and values."""

    def __init__(self, mapping=None):
        super().__init__([(_clean(k), _clean(v)) for k, v in iter_multi_items(mapping or ())])


class CleanRequest(Request):
    """The app's request: form fields and query parameters are :class:`CleanMultiDict`."""

    parameter_storage_class = CleanMultiDict


def init_app(app: Flask) -> None:
    app.request_class = CleanRequest
