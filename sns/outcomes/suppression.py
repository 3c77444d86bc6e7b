"""The small-number rule: no figure of the outcome report may let anyone recognise a resident.

A figure is shown only when

1. the filter as a whole (a period and a team, or all teams) holds at least ``k`` residents;
2. the figure rests on no residents (a plain 0) or on at least ``k``; and
3. it differs by no residents or by at least ``k`` from the same figure under every other
   filter a viewer can ask for next to it: the other teams' choice (one team against all
   teams) and the other period's choice (a quarter against its year, a year against each of
   its quarters), and both at once. Without this, a quarter subtracted from its year, or one
   team from all teams, would single out a few residents.

``k`` is the configured threshold (``SNS_REPORT_MIN_RESIDENTS``), never below
:data:`MIN_RESIDENTS`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sns.i18n import N_
from sns.outcomes.figures import Figure

#: The smallest threshold allowed: five residents, as statistics offices use for small areas.
MIN_RESIDENTS = 5

TOO_FEW = N_("Minder dan %(k)s bewoners: niet getoond.")
TOO_CLOSE = N_("Niet getoond: samen met een andere keuze (team of periode) zou dit over "
               "minder dan %(k)s bewoners gaan.")


def threshold(configured: int | None) -> int:
    """The threshold to use: the configured one, but never below :data:`MIN_RESIDENTS`.

    >>> threshold(None), threshold(3), threshold(10)
    (5, 5, 10)
    """
    return max(MIN_RESIDENTS, configured or MIN_RESIDENTS)


def reason(figure: Figure, others: Iterable[Mapping[str, Figure]], k: int) -> str | None:
    """Why ``figure`` may not be shown (a message with ``%(k)s``), or ``None`` to show it.

    >>> f = Figure("x", 6, frozenset(range(6)))
    >>> reason(f, [{"x": Figure("x", 8, frozenset(range(8)))}], 5) == TOO_CLOSE
    True
    >>> reason(f, [{"x": Figure("x", 11, frozenset(range(11)))}], 5) is None
    True
    """
    n = len(figure.residents)
    if 0 < n < k:
        return TOO_FEW
    for other in others:
        twin = other.get(figure.key)
        residents = twin.residents if twin is not None else frozenset()
        if 0 < len(residents ^ figure.residents) < k:
            return TOO_CLOSE
    return None
