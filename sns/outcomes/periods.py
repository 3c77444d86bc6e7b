"""Report periods: a quarter (``2026Q4``) or a year (``2026``).

Quarters are the smallest unit the outcome report counts in: a year is its four quarters, so
the small-number rule (:mod:`sns.outcomes.suppression`) can compare a year with each quarter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sns.errors import Invalid
from sns.i18n import N_

_PERIOD = re.compile(r"(?P<year>\d{4})(?:[Qq](?P<quarter>[1-4]))?")


@dataclass(frozen=True)
class Period:
    """Days from ``start`` up to, not including, ``end``."""

    label: str
    start: date
    end: date

    def contains(self, day: date) -> bool:
        return self.start <= day < self.end

    @property
    def is_year(self) -> bool:
        return "Q" not in self.label

    def year(self) -> Period:
        return parse(str(self.start.year))

    def quarters(self) -> tuple[Period, ...]:
        """The quarters of the year this period lies in."""
        return tuple(parse(f"{self.start.year}Q{q}") for q in range(1, 5))


def parse(text: str) -> Period:
    """The period ``text`` names.

    >>> parse("2026Q4")
    Period(label='2026Q4', start=datetime.date(2026, 10, 1), end=datetime.date(2027, 1, 1))
    >>> parse("2026").end
    datetime.date(2027, 1, 1)
    """
    match = _PERIOD.fullmatch((text or "").strip())
    if match is None or not 1900 < int(match["year"]) < 3000:
        raise Invalid(N_("Kies een kwartaal zoals 2026Q4 of een jaar zoals 2026."))
    year = int(match["year"])
    if match["quarter"] is None:
        return Period(str(year), date(year, 1, 1), date(year + 1, 1, 1))
    quarter = int(match["quarter"])
    start = date(year, 3 * quarter - 2, 1)
    end = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
    return Period(f"{year}Q{quarter}", start, end)


def quarter_of(day: date) -> Period:
    """The quarter ``day`` lies in.

    >>> quarter_of(date(2026, 12, 1)).label
    '2026Q4'
    """
    return parse(f"{day.year}Q{(day.month - 1) // 3 + 1}")
