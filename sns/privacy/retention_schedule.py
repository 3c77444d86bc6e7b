"""Running the retention purge once a day inside ``sns serve`` (besides a timer or cron
running ``sns purge``): a daemon thread that purges shortly after the start and then every
24 hours. Several server processes may each run it: erasing is per resident with a version
check, so two runs at once never erase half a resident (the second one skips it). Each run,
and the start itself, also deletes network uploads left waiting for longer than an hour
(:func:`sns.network.pending_uploads.delete_expired`)."""

from __future__ import annotations

import logging
import threading

from sns.db import make_engine, make_sessionmaker
from sns.network import pending_uploads
from sns.privacy import retention
from sns.settings import database_url

log = logging.getLogger(__name__)

DAY = 24 * 60 * 60


def purge_now(url: str | None = None, months: int | None = None) -> retention.PurgeResult:
    """One retention run on the configured database, and the expired uploads."""
    pending_uploads.delete_expired()
    engine = make_engine(url or database_url())
    try:
        return retention.purge(make_sessionmaker(engine),
                               months or retention.retention_months())
    finally:
        engine.dispose()


def start_daily_purge(first_after: float = 60, every: float = DAY) -> threading.Thread:
    """Start the daily run in the background; a failing run is logged, the next one tries
    again. Expired uploads are deleted at once."""
    pending_uploads.delete_expired()
    stop = threading.Event()

    def loop() -> None:
        wait = first_after
        while not stop.wait(wait):
            try:
                result = purge_now()
                log.info("bewaartermijn: %d bewoners gewist", len(result.erased))
            except Exception:
                log.exception("bewaartermijn: de dagelijkse opschoning is mislukt")
            wait = every

    thread = threading.Thread(target=loop, name="sns-daily-purge", daemon=True)
    thread.stop = stop  # type: ignore[attr-defined]  # lets tests end it
    thread.start()
    return thread
