"""Messages shown next to the form that caused them, not at the top of a long page.

A flashed message's category is Flask's ``"message"``, ``"error"`` or ``"warning"``;
:func:`flash_at` adds the place it belongs to, as ``"error@snel"``. The top of every page
(``templates/_flashes.html`` in ``base.html``) shows only messages without a place; a page
shows the others where it includes the same template with ``flash_place`` set::

    {% with flash_place = "snel" %}{% include "_flashes.html" %}{% endwith %}

Flask keeps the flashed messages of a request after the first read, so the page may read
them once per place. A view that flashes at a place must redirect to a page that shows
that place (the verkenning page shows ``snel``, ``kaart``, ``verplaats``, ``wiekentwie``,
``tabel`` and ``banden``).
"""

from __future__ import annotations

from flask import flash

__all__ = ["flash_at"]


def flash_at(place: str, message: str, category: str = "message") -> None:
    """Flash ``message`` to be shown at ``place`` of the next page (``category`` as Flask's)."""
    flash(message, f"{category}@{place}")
