"""The limit per client address on the participant's take-home PDF: a public page that costs
about a second of CPU, so one address cannot keep the server busy. A room of residents on
one address stays well within it. (The blank worksheet is made once and cached.)"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from sns.accounts import throttle
from sns.errors import Invalid
from sns.i18n import N_
from sns.models import PublicRequest

#: At most this many public PDFs per client address per window.
PDF_LIMIT = 30
PDF_WINDOW = timedelta(minutes=10)


class TooManyPrints(Invalid):
    """Very many PDFs from this client in a short time."""

    message = N_(
        "Er zijn vanaf dit adres net heel veel PDF's gemaakt. Wacht een paar minuten en "
        "probeer het dan opnieuw."
    )


def count_print(db: Session, client: str | None, now: datetime | None = None) -> None:
    """Count a public PDF for ``client``, or raise :class:`TooManyPrints` (nothing counted)
    when it has had :data:`PDF_LIMIT` within :data:`PDF_WINDOW`."""
    if throttle.blocked(db, PublicRequest, client, limit=PDF_LIMIT, window=PDF_WINDOW,
                        now=now, kind="pdf"):
        raise TooManyPrints()
    throttle.record(db, PublicRequest, client, now, kind="pdf")
