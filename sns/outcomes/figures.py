"""The outcome figures of one filter (a period and a set of teams), each with the residents
it rests on, so that :mod:`sns.outcomes.suppression` can hide what rests on too few.

Definitions (the README's outcome section says the same in words):

- A resident is *active* in a period when their trajectory began before its end and was not
  closed (afgesloten) when the period began.
- Trajectories: started in the period; per phase, the active residents in that phase at the
  period's end; closed in the period; per phase, the median number of days spent in it, over
  the stays in that phase that ended in the period.
- Netwerkberaden held in the period: how many, the median number invited and attending per
  beraad, and the offers made.
- Actions of the active residents, with the status they have today: done, in progress,
  stopped, open, and overdue (open or in progress, with a day before the period's end that
  has passed).
- The network: per active resident with two or more snapshots up to the period's end, the
  change from the first to the latest (``graph.outcome``), as the median with the first and
  third quartile; residents with one snapshot are counted, not compared.
- Life domains: per domain, the change of the 1-10 score from the first to the latest review
  up to the period's end, for residents with a score at two reviews or more.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from graph.outcome import FIELDS
from sns.outcomes.facts import ResidentFacts
from sns.outcomes.periods import Period

#: Phases counted at the period's end (closed trajectories are counted as "closed").
OPEN_PHASES = ("verkenning", "netwerkberaad", "actieteam", "evaluatie", "onderhoud")
TIMED_PHASES = ("verkenning", "netwerkberaad", "actieteam", "evaluatie")
ACTION_KINDS = ("gedaan", "bezig", "gestopt", "open", "te_laat")


@dataclass(frozen=True)
class Figure:
    """One number of the report: a count, or a median with its quartiles (``spread``)."""

    key: str
    value: float | None
    residents: frozenset[int]
    spread: tuple[float, float] | None = None


def _count(key: str, residents: Iterable[int], value: int | None = None) -> Figure:
    residents = frozenset(residents)
    return Figure(key, len(residents) if value is None else value, residents)


def _median(key: str, values: list[tuple[int, float]]) -> Figure:
    """The median of ``(resident, value)`` pairs with the first and third quartile."""
    residents = frozenset(r for r, _ in values)
    numbers = sorted(v for _, v in values)
    if not numbers:
        return Figure(key, None, residents)
    if len(numbers) == 1:
        return Figure(key, numbers[0], residents, (numbers[0], numbers[0]))
    q1, _, q3 = statistics.quantiles(numbers, n=4, method="inclusive")
    return Figure(key, statistics.median(numbers), residents, (q1, q3))


def _stays(facts: ResidentFacts, period: Period) -> Iterable[tuple[str, int]]:
    """``(phase, days)`` of every stay in a phase that ended in the period."""
    for (phase, since), (_, until) in zip(facts.phases, facts.phases[1:], strict=False):
        if period.contains(until):
            yield phase, (until - since).days


def _change(first: dict, latest: dict, field: str) -> float | None:
    a, b = first.get(field), latest.get(field)
    return None if a is None or b is None else b - a


def compute(facts: list[ResidentFacts], period: Period, today: date) -> dict[str, Figure]:
    """Every figure of the report for these residents in ``period``."""
    active = [f for f in facts
              if f.started < period.end and f.phase_on(period.start) != "afgesloten"]
    out: list[Figure] = [
        _count("trajectories.started", (f.resident_id for f in facts
                                        if period.contains(f.started))),
    ]
    at_end = {f.resident_id: f.phase_on(period.end) for f in active}
    out += [_count(f"trajectories.phase.{p}", (r for r, ph in at_end.items() if ph == p))
            for p in OPEN_PHASES]
    out.append(_count("trajectories.closed", (
        f.resident_id for f in facts
        if any(p == "afgesloten" and period.contains(d) for p, d in f.phases))))
    stays = [(f.resident_id, phase, days) for f in facts for phase, days in _stays(f, period)]
    out += [_median(f"trajectories.days.{p}", [(r, d) for r, ph, d in stays if ph == p])
            for p in TIMED_PHASES]

    held = [(f.resident_id, m) for f in facts for m in f.meetings if period.contains(m.on)]
    beraad_residents = [r for r, _ in held]
    out += [
        _count("beraad.held", beraad_residents, len(held)),
        _median("beraad.invited", [(r, m.invited) for r, m in held]),
        _median("beraad.attended", [(r, m.attended) for r, m in held]),
        _count("beraad.offers", beraad_residents, sum(m.offers for _, m in held)),
    ]

    last_day = min(period.end, today)
    kinds: dict[str, Callable[[str, date | None], bool]] = {
        "gedaan": lambda s, _: s == "gedaan",
        "bezig": lambda s, _: s == "bezig",
        "gestopt": lambda s, _: s == "gestopt",
        "open": lambda s, _: s == "open",
        "te_laat": lambda s, due: s in ("open", "bezig") and due is not None and due < last_day,
    }
    for kind in ACTION_KINDS:
        hits = [(f.resident_id, sum(kinds[kind](s, d) for s, d in f.actions)) for f in active]
        out.append(_count(f"actions.{kind}", (r for r, n in hits if n), sum(n for _, n in hits)))

    compared, single = [], []
    for f in active:
        taken = [fig for day, fig in f.snapshots if day < period.end]
        if len(taken) >= 2:
            compared.append((f.resident_id, taken[0], taken[-1]))
        elif len(taken) == 1:
            single.append(f.resident_id)
    out.append(_count("network.compared", (r for r, _, _ in compared)))
    out.append(_count("network.single", single))
    for field in FIELDS:
        changes = [(r, c) for r, a, b in compared if (c := _change(a, b, field)) is not None]
        out.append(_median(f"network.{field}", changes))

    domains = sorted({d for f in active for _, scores in f.reviews for d in scores})
    for domain in domains:
        changes = []
        for f in active:
            scored = [s[domain] for day, s in f.reviews
                      if day < period.end and s.get(domain) is not None]
            if len(scored) >= 2:
                changes.append((f.resident_id, scored[-1] - scored[0]))
        out.append(_median(f"domain.{domain}", changes))
    return {figure.key: figure for figure in out}
