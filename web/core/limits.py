"""The request body limit, one value for the app and for the WSGI server in front of it.

Flask refuses a body over ``MAX_CONTENT_LENGTH`` (413, the Dutch page of web.core.errors) from
its Content-Length, before reading it; without a Content-Length (chunked) it stops reading
at the limit. A WSGI server that buffers the whole body before calling the app (Waitress)
gets :func:`server_body_limit`: a little more than the app's limit, so a body just over the
limit still reaches the app and gets the Dutch page, while a body far over it is refused by
the server straight from its headers, unread, with the server's own short 413.
"""

from __future__ import annotations

from flask import Flask

#: 8 MiB: room for an uploaded network file (graph.files.graphml refuses files over 5 MB) in a form;
#: the text fields of a form are bounded more tightly by Flask's MAX_FORM_MEMORY_SIZE.
MAX_BODY = 8 * 1024 * 1024
#: How much more the server reads before it refuses a body itself.
SERVER_SLACK = 64 * 1024


def server_body_limit(app: Flask) -> int:
    """The body limit for the WSGI server (Waitress ``max_request_body_size``)."""
    return int(app.config["MAX_CONTENT_LENGTH"]) + SERVER_SLACK
