"""Rendered PDFs kept for a while, so printing an unchanged network again is served at once
instead of rendered again (WeasyPrint takes about a second for a take-home PDF).

The key is a SHA-256 over the account, the resident and the complete HTML the PDF is made
from. Everything that can change the PDF (a member, a tie, the plan, the resident's details,
the print options, the language, the date printed on it) changes that HTML and so the key:
no code has to remember to invalidate anything. The account and the resident are in the key
as well, so an entry is never handed to another user or for another resident, even where two
HTML texts happen to be equal.

Bounded, because these are special personal data in memory: at most :data:`MAX_BYTES` of
PDFs (least recently used out first), and an entry older than :data:`MAX_AGE` seconds is
dropped. Each server process keeps its own, per app (:func:`of_app`).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Hashable

from graph.recent import Recent

#: Total size of the kept PDFs (a take-home PDF of 25 members is about 100 KiB).
MAX_BYTES = 32 * 1024 * 1024
#: Seconds an entry is kept: long enough for printing again at the kitchen table.
MAX_AGE = 15 * 60


class PdfCache:
    """A thread-safe, size- and age-bounded store of PDFs by owner and HTML.

    Examples
    --------
    >>> cache, made = PdfCache(), []
    >>> render = lambda html: made.append(html) or html.encode()
    >>> cache.pdf(("coach 1", "resident 7"), "<p>kaart</p>", render)
    b'<p>kaart</p>'
    >>> cache.pdf(("coach 1", "resident 7"), "<p>kaart</p>", render), len(made)
    (b'<p>kaart</p>', 1)
    >>> _ = cache.pdf(("coach 2", "resident 7"), "<p>kaart</p>", render); len(made)
    2
    """

    def __init__(self, max_bytes: int = MAX_BYTES, max_age: float = MAX_AGE,
                 clock: Callable[[], float] = time.monotonic):
        self._kept: Recent[bytes] = Recent(max_bytes, max_age, weight=len, clock=clock)

    @staticmethod
    def key(owner: tuple[Hashable, ...], html: str) -> str:
        digest = hashlib.sha256()
        for part in (*owner, html):
            digest.update(repr(part).encode("utf-8") if not isinstance(part, str)
                          else part.encode("utf-8"))
            digest.update(b"\x00")
        return digest.hexdigest()

    def pdf(self, owner: tuple[Hashable, ...], html: str, render: Callable[[str], bytes]
            ) -> bytes:
        """The PDF of ``html`` for ``owner``: kept, or made by ``render(html)`` and kept."""
        key = self.key(owner, html)
        kept = self._kept.get(key)
        # rendered outside any lock: other prints go on meanwhile
        return kept if kept is not None else self._kept.keep(key, render(html))


def of_app() -> PdfCache:
    """The cache of the running app (one per app, so two apps in one process, as in the
    tests, never share a PDF)."""
    from flask import current_app

    return current_app.extensions.setdefault("sns_pdf_cache", PdfCache())
