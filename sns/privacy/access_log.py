"""Reading the access log (NEN 7513): who looked at or changed a resident's file, and the
privacy officer's search over the whole log, also as CSV.

The log is append-only from the app's side: this module only reads. Actions are told in plain
words (:func:`action_words`), so a resident can read "wie heeft mijn gegevens bekeken?".
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from graph.files.csvfiles import SafeWriter
from sns.i18n import N_
from sns.models import AuditEvent, Coach

#: Plain words per kind of event; anything else about a resident is a change.
ACTION_WORDS = {
    "resident.view": N_("bekeken"),
    "resident.print": N_("afgedrukt"),
    "resident.export": N_("alles gedownload"),
    "resident.denied": N_("geprobeerd te openen, geweigerd"),
    "resident.create": N_("aangemaakt"),
    "resident.assign": N_("coaches gekozen"),
    "resident.erase": N_("gewist"),
    "consent.give": N_("toestemming vastgelegd"),
    "consent.withdraw": N_("toestemming ingetrokken"),
    "code.issue": N_("eigen code gemaakt"),
    "code.renew": N_("eigen code vernieuwd"),
    "code.stop": N_("eigen code gestopt"),
    "action.done": N_("actie op gedaan gezet"),
    "topic.add": N_("punt om te bespreken geschreven"),
}
CHANGED = N_("gewijzigd")


def action_words(action: str) -> str:
    """The plain Dutch words for an event's action (untranslated, marked with N_)."""
    return ACTION_WORDS.get(action, CHANGED)


@dataclass(frozen=True)
class LogLine:
    """One event with the name of who did it (None: the system or a removed account)."""

    event: AuditEvent
    who: str | None


@dataclass(frozen=True)
class Search:
    """The privacy officer's filters; None means any."""

    resident_id: int | None = None
    username: str | None = None
    since: date | None = None
    until: date | None = None  # inclusive; days are UTC days


def _query(search: Search) -> Select:
    query = (select(AuditEvent, Coach.display_name)
             .outerjoin(Coach, Coach.id == AuditEvent.coach_id))
    if search.resident_id is not None:
        query = query.where(AuditEvent.resident_id == search.resident_id)
    if search.username:
        query = query.where(Coach.username == search.username)
    if search.since:
        query = query.where(AuditEvent.at >= datetime.combine(search.since, time.min, UTC))
    if search.until:
        query = query.where(AuditEvent.at < datetime.combine(search.until + timedelta(1),
                                                             time.min, UTC))
    return query.order_by(AuditEvent.at.desc(), AuditEvent.id.desc())


def search(db: Session, filters: Search, limit: int | None = 500) -> list[LogLine]:
    """Matching events, newest first (at most ``limit``)."""
    query = _query(filters)
    if limit is not None:
        query = query.limit(limit)
    return [LogLine(event, who) for event, who in db.execute(query)]


def of_resident(db: Session, resident_id: int) -> list[LogLine]:
    """Everything that happened to one resident's file, newest first."""
    return search(db, Search(resident_id=resident_id), limit=None)


def lines_iter(db: Session, filters: Search) -> Iterator[LogLine]:
    for event, who in db.execute(_query(filters).execution_options(yield_per=1000)):
        yield LogLine(event, who)


CSV_HEADER = ("volgnummer", "tijd_utc", "wie", "gebruikersnummer", "actie", "bewoner",
              "details", "adres", "hash")


def to_csv(lines: Iterable[LogLine]) -> Iterator[str]:
    """The log as CSV text, a header and then one line per event (streamed)."""
    buffer = io.StringIO()
    writer = SafeWriter(buffer)

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow(CSV_HEADER)
    yield flush()
    for line in lines:
        e = line.event
        writer.writerow([e.seq, e.at.isoformat(), line.who, e.coach_id, e.action,
                         e.resident_id, e.detail, e.from_address, e.hash])
        yield flush()

