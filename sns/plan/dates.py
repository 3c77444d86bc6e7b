"""Date arithmetic the plan needs: months ahead, clamped to the month's last day."""

from __future__ import annotations

import calendar
from datetime import date

from babel.dates import format_date  # Babel comes with Flask-Babel


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later; the 31st becomes the month's last day.

    >>> add_months(date(2026, 12, 31), 2)
    datetime.date(2027, 2, 28)
    """
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def day_text(day: date, locale: str = "nl") -> str:
    """A date as every page and printout of the plan writes it: day, short month, year,
    without the abbreviation's full stop.

    >>> day_text(date(2026, 12, 1)), day_text(date(2027, 3, 9), "en")
    ('1 dec 2026', '9 Mar 2027')
    """
    return format_date(day, "d MMM y", locale=locale).replace(".", "")
