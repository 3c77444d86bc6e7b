"""Where a ``next`` parameter may send the browser: only to a path on this site.

Browsers normalise a URL before they follow it: they drop tabs and newlines anywhere, strip
leading control characters and spaces, and read a backslash as a slash. So ``/\\t/evil.example/``
becomes ``//evil.example/``, a scheme-relative URL to another site. Rather than repeat that
normalisation, :func:`local_target` refuses any target that it would change.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from flask import url_for

#: Characters a browser drops, strips or reinterprets in a URL: C0 controls, space, DEL,
#: C1 controls and the backslash.
_UNSAFE = re.compile(r"[\x00-\x20\x7f-\x9f\\]")


def local_target(target: str | None) -> str | None:
    """``target`` when it is a path on this site (``/...``, not ``//...``, no scheme or
    host, nothing a browser would rewrite), else None.

    >>> local_target("/bewoners/3?tab=kaart")
    '/bewoners/3?tab=kaart'
    >>> local_target("/\\t/evil.example/") is None
    True
    """
    if not target or _UNSAFE.search(target):
        return None
    if not target.startswith("/") or target.startswith("//"):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    return target


def safe_next(target: str | None) -> str:
    """``target`` when it is on this site (:func:`local_target`), else the caseload."""
    return local_target(target) or url_for("caseload.index")
