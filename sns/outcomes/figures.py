"""The outcome figures of one filter (a period and a set of teams), each with the residents
it rests on, so that :mod:`sns.outcomes.suppression` can hide what rests on too few.

Definitions (the README's outcome section says the same in words):

- A resident is *active* in a period when their trajectory began before its end and was not
  closed (afgesloten) when the period began.
- Trajectories: started in the period; per phase, the active residents in that phase at the
  period's end; closed in the period; per phase, the median number of days spent in it, over
  the stays in that phase that ended in the period.
- Netwerkberaden held in the period: how many, the median number invited and attending per
  beraad, the offers made and how many of them went into the plan ("Zet in het plan").
- Actions of the active residents, with the status they have today: done, in progress,
  ongoing (a commitment such as "elke zondag bellen" that still runs), stopped, open, and
  overdue (a one-off action, open or in progress, whose day before the period's end has
  passed).
- The network: per active resident with two or more snapshots up to the period's end, the
  change from the first to the latest (``graph.outcome``), as the median with the first and
  third quartile; residents with one snapshot are counted, not compared.
- Life domains: per domain, the change of the 1-10 score from the first to the latest review
  up to the period's end, for residents with a score at two reviews or more.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from graph.outcome import FIELDS
from sns.outcomes.facts import ResidentFacts
from sns.outcomes.periods import Period

#: Phases counted at the period's end (closed trajectories are counted as "closed").
OPEN_PHASES = ("verkenning", "netwerkberaad", "actieteam", "evaluatie", "onderhoud")
TIMED_PHASES = ("verkenning", "netwerkberaad", "actieteam", "evaluatie")
ACTION_KINDS = ("gedaan", "bezig", "doorlopend", "gestopt", "open", "te_laat")

#: Every figure in report order; life domains (``domain.<code>``) follow, by code.
KEYS: tuple[str, ...] = (
    "trajectories.started",
    *(f"trajectories.phase.{p}" for p in OPEN_PHASES),
    "trajectories.closed",
    *(f"trajectories.days.{p}" for p in TIMED_PHASES),
    "beraad.held", "beraad.invited", "beraad.attended", "beraad.offers", "beraad.offers_taken",
    *(f"actions.{kind}" for kind in ACTION_KINDS),
    "network.compared", "network.single",
    *(f"network.{field}" for field in FIELDS),
)
#: Figures that add up their values (meetings, offers, actions); the rest count residents
#: or, for :data:`MEDIANS`, take the median of their values.
SUMS = ("beraad.held", "beraad.offers", "actions.")
MEDIANS = ("trajectories.days.", "beraad.invited", "beraad.attended",
           *(f"network.{field}" for field in FIELDS), "domain.")

#: Per figure key, the ``(resident, value)`` pairs it is made of.
Contributions = Mapping[str, list[tuple[int, float]]]


@dataclass(frozen=True)
class Figure:
    """One number of the report: a count, or a median with its quartiles (``spread``)."""

    key: str
    value: float | None
    residents: frozenset[int]
    spread: tuple[float, float] | None = None
    #: For a total (:data:`SUMS`): what each resident adds to it, as ``(resident, amount)``.
    shares: tuple[tuple[int, float], ...] = ()


def _figure(key: str, pairs: list[tuple[int, float]]) -> Figure:
    residents = frozenset(r for r, _ in pairs)
    if key.startswith(SUMS):
        shares: dict[int, float] = defaultdict(float)
        for r, v in pairs:
            shares[r] += v
        return Figure(key, sum(v for _, v in pairs), residents,
                      shares=tuple(sorted(shares.items())))
    if not key.startswith(MEDIANS):
        return Figure(key, len(residents), residents)
    numbers = sorted(v for _, v in pairs)
    if not numbers:
        return Figure(key, None, residents)
    if len(numbers) == 1:
        return Figure(key, numbers[0], residents, (numbers[0], numbers[0]))
    q1, _, q3 = statistics.quantiles(numbers, n=4, method="inclusive")
    return Figure(key, statistics.median(numbers), residents, (q1, q3))


def _action_counts(facts: ResidentFacts, last_day: date) -> dict[str, int]:
    counts = dict.fromkeys(ACTION_KINDS, 0)
    for status, due, ongoing in facts.actions:
        if status in counts:
            counts[status] += 1
        if status in ("open", "bezig"):
            if ongoing:
                counts["doorlopend"] += 1
            elif due is not None and due < last_day:
                counts["te_laat"] += 1
    return counts


def _first_to_latest(moments: Iterable[tuple[date, dict]], end: date) -> list[dict]:
    return [values for day, values in moments if day < end]


def contributions(facts: Iterable[ResidentFacts], period: Period, today: date
                  ) -> Contributions:
    """What each resident adds to each figure of ``period``, in one pass over the facts."""
    out: dict[str, list[tuple[int, float]]] = defaultdict(list)
    last_day = min(period.end, today)
    for f in facts:
        rid = f.resident_id
        if period.contains(f.started):
            out["trajectories.started"].append((rid, 1))
        for (phase, since), (following, until) in pairwise(f.phases):
            if not period.contains(until):
                continue
            if phase in TIMED_PHASES:
                out[f"trajectories.days.{phase}"].append((rid, (until - since).days))
            if following == "afgesloten":
                out["trajectories.closed"].append((rid, 1))
        for m in f.meetings:
            if period.contains(m.on):
                out["beraad.held"].append((rid, 1))
                out["beraad.invited"].append((rid, m.invited))
                out["beraad.attended"].append((rid, m.attended))
                out["beraad.offers"].append((rid, m.offers))
                out["beraad.offers_taken"].append((rid, m.taken_up))

        if f.started >= period.end or f.phase_on(period.start) == "afgesloten":
            continue  # not active in the period
        at_end = f.phase_on(period.end)
        if at_end in OPEN_PHASES:
            out[f"trajectories.phase.{at_end}"].append((rid, 1))
        for kind, n in _action_counts(f, last_day).items():
            if n:
                out[f"actions.{kind}"].append((rid, n))
        taken = _first_to_latest(f.snapshots, period.end)
        if len(taken) == 1:
            out["network.single"].append((rid, 1))
        elif taken:
            out["network.compared"].append((rid, 1))
            first, latest = taken[0], taken[-1]
            for field in FIELDS:
                if first.get(field) is not None and latest.get(field) is not None:
                    out[f"network.{field}"].append((rid, latest[field] - first[field]))
        reviews = _first_to_latest(f.reviews, period.end)
        for domain in {d for scores in reviews for d in scores}:
            scored = [s[domain] for s in reviews if s.get(domain) is not None]
            if len(scored) >= 2:
                out[f"domain.{domain}"].append((rid, scored[-1] - scored[0]))
    return out


def aggregate(parts: Iterable[Contributions]) -> dict[str, Figure]:
    """Every figure over the residents of ``parts`` together (for example one part per team),
    in :data:`KEYS` order and then the life domains."""
    parts = list(parts)
    domains = sorted({k for part in parts for k in part if k.startswith("domain.")})
    return {key: _figure(key, [pair for part in parts for pair in part.get(key, ())])
            for key in (*KEYS, *domains)}


def compute(facts: Iterable[ResidentFacts], period: Period, today: date) -> dict[str, Figure]:
    """Every figure of the report for these residents in ``period``."""
    return aggregate([contributions(facts, period, today)])
