"""Small helpers shared by the forms of several blueprints."""

from __future__ import annotations

from datetime import date, time

from sns.errors import Invalid
from sns.i18n import N_
from web.core.ids import in_range


def int_or_none(value: str | None) -> int | None:
    """A submitted number, or None when it is missing, not a number, or too large for the
    database to store (an id of 2**63 is an id that does not exist)."""
    try:
        return in_range(int(value)) if value not in (None, "") else None
    except ValueError:
        return None


def number_or_raw(raw: str | None) -> int | str | None:
    """A submitted number; text that is not a number is passed on as is, so the service
    refuses it with its own message instead of it silently becoming "unknown"."""
    raw = (raw or "").strip()
    if not raw:
        return None
    number = int_or_none(raw)
    return raw if number is None else number


def ids(values: list[str], message: str = N_("Kies mensen uit dit netwerk.")) -> list[int]:
    """Submitted ids (checkboxes); anything that is not a number is refused with
    ``message``."""
    numbers = [int_or_none(v) for v in values]
    if None in numbers:
        raise Invalid(message)
    return numbers


def date_or_none(value: str | None) -> date | None:
    """A date from an ``<input type=date>`` (YYYY-MM-DD); empty is None, nonsense refused."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as err:
        raise Invalid(N_("Deze datum klopt niet.")) from err


def time_or_none(value: str | None) -> time | None:
    if not value:
        return None
    try:
        return time.fromisoformat(value)
    except ValueError as err:
        raise Invalid(N_("Deze tijd klopt niet.")) from err
