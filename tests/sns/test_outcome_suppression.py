"""The small-number rule's fourth part, as a property: for random teams, residents and
trajectories, no number the rule protects can be worked out by adding and subtracting the
numbers shown under every filter one may ask for (all teams and each team; the year and each
quarter).

What a viewer knows is how the filters add up (all teams are the sum of the teams, a year
holds its quarters, the residents of a filter are those per phase plus those who closed), not
which resident is in which line. So, as in the rule, the unknowns of a figure (or of figures
that add up, :data:`sns.outcomes.suppression.FAMILIES`) are how many residents there are of
each kind: residents who add the same to every line of that figure under every filter. The
check does its own algebra, in exact fractions. It needs no database.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from fractions import Fraction

import pytest

from graph.outcome import FIELDS
from sns.outcomes import suppression
from sns.outcomes.facts import HeldMeeting, ResidentFacts
from sns.outcomes.figures import SUMS
from sns.outcomes.periods import parse
from sns.outcomes.report import filters_of_year, neighbours

TODAY = date(2026, 12, 15)
K = 5
STEPS = ("verkenning", "netwerkberaad", "actieteam", "evaluatie", "onderhoud")


def _day(rng: random.Random, after: date) -> date:
    return min(after + timedelta(days=rng.randint(1, 120)), TODAY)


def _resident(rng: random.Random, rid: int, teams: list[int]) -> ResidentFacts:
    started = date(2026, 1, 1) + timedelta(days=rng.randint(-60, 330))
    f = ResidentFacts(rid, rng.choice(teams), started, [("verkenning", started)])
    day = started
    for phase in STEPS[1:rng.randint(1, len(STEPS))]:
        day = _day(rng, day)
        f.phases.append((phase, day))
    if rng.random() < 0.3:
        f.phases.append(("afgesloten", _day(rng, day)))
    for _ in range(rng.randint(0, 2)):
        invited = rng.randint(1, 6)
        offers = rng.randint(0, 3)
        f.meetings.append(HeldMeeting(_day(rng, started), invited, rng.randint(0, invited),
                                      offers, rng.randint(0, offers)))
    for _ in range(rng.randint(0, 4)):
        due = _day(rng, started) if rng.random() < 0.7 else None
        f.actions.append((rng.choice(("open", "bezig", "gedaan", "gestopt")), due,
                          rng.random() < 0.2))
    day = started
    for _ in range(rng.randint(0, 3)):
        day = _day(rng, day)
        f.snapshots.append((day, {field: rng.randint(0, 9) for field in FIELDS}))
    day = started
    for _ in range(rng.randint(0, 3)):
        day = _day(rng, day)
        f.reviews.append((day, {"wonen": rng.randint(1, 10), "werk": rng.randint(1, 10)}))
    return f


def _published(figure) -> list[dict[int, Fraction]]:
    """What a shown line tells: how many residents, and a total's value."""
    rows = [dict.fromkeys(figure.residents, Fraction(1))]
    if figure.key.startswith(SUMS):
        totals: dict[int, Fraction] = {}
        for rid, amount in figure.shares:
            totals[rid] = totals.get(rid, 0) + Fraction(amount)
        rows.append(totals)
    return rows


def _protected(filters, k) -> list[tuple[str, str, dict[int, Fraction]]]:
    """Rules 1-3 worked out again: lines of a filter under ``k`` residents, lines resting on
    1 to k-1 residents, and the residents a difference of rule 3 would single out."""
    out = []
    near = neighbours(filters)
    for view, figures in filters.items():
        small = len(figures[suppression.BASE].residents) < k
        for key, figure in figures.items():
            if small or 0 < len(figure.residents) < k:
                out.extend((key, f"{view} {key}", row) for row in _published(figure))
                continue
            if key == suppression.BASE:
                continue
            for other in near[view]:
                twin = filters[other].get(key)
                theirs = twin.residents if twin else frozenset()
                if 0 < len(theirs ^ figure.residents) < k:
                    for side in (figure.residents - theirs, theirs - figure.residents):
                        if side:
                            out.append((key, f"{view} {key} - {other}",
                                        dict.fromkeys(side, 1)))
    return out


class _Span:
    """Rows in exact echelon form over kinds of residents (see the module notes)."""

    def __init__(self, kinds: dict[int, int]) -> None:
        self.kinds = kinds
        self.rows: list[tuple[int, dict[int, Fraction]]] = []

    def reduce(self, row: dict[int, Fraction]) -> dict[int, Fraction]:
        row = {self.kinds[r]: Fraction(v) for r, v in row.items() if v}
        for pivot, basis in self.rows:
            c = row.get(pivot)
            if c:
                for r, v in basis.items():
                    row[r] = row.get(r, 0) - c * v
                row = {r: v for r, v in row.items() if v}
        return row

    def add(self, row: dict[int, Fraction]) -> None:
        row = self.reduce(row)
        if row:
            pivot = min(row)
            self.rows.append((pivot, {r: v / row[pivot] for r, v in row.items()}))


def _kinds(rows: list[dict[int, Fraction]]) -> dict[int, int]:
    seen: dict[int, list] = {}
    for i, row in enumerate(rows):
        for r, v in row.items():
            if v:
                seen.setdefault(r, []).append((i, v))
    numbers: dict[tuple, int] = {}
    return {r: numbers.setdefault(tuple(s), len(numbers)) for r, s in seen.items()}


def _derivable(filters, reasons, k) -> list[str]:
    protected = _protected(filters, k)
    out = []
    for family in {suppression.family_of(key) for figures in filters.values() for key in figures}:
        lines = [(why, row) for (view, key), why in reasons.items()
                 if suppression.family_of(key) == family
                 for row in _published(filters[view][key])]
        guarded = [(name, row) for key, name, row in protected
                   if suppression.family_of(key) == family and any(row.values())]
        span = _Span(_kinds([row for _, row in lines] + [row for _, row in guarded]))
        for why, row in lines:
            if why is None:
                span.add(row)
        out.extend(name for name, row in guarded if not span.reduce(row))
    # Across figures: a shown line resting on exactly the residents of a protected number.
    shown = {filters[view][key].residents for (view, key), why in reasons.items() if why is None}
    out.extend(name for _, name, row in protected
               if set(row.values()) == {1} and frozenset(row) in shown)
    return out


def _case(seed: int):
    """Two to four teams, 5 to 25 residents, and a period: the filters of its year."""
    rng = random.Random(seed)  # noqa: S311 - made-up residents, not secrets
    teams = list(range(1, rng.randint(2, 4) + 1))
    facts = [_resident(rng, rid, teams) for rid in range(1, rng.randint(6, 26))]
    period = parse(rng.choice(["2026", "2026Q1", "2026Q2", "2026Q3", "2026Q4"]))
    return filters_of_year(facts, period, teams, TODAY), period


@pytest.mark.parametrize("seed", range(30))
def test_no_protected_number_can_be_worked_out_from_shown_ones(seed):
    filters, period = _case(seed)
    reasons = suppression.decide(filters, neighbours(filters), K)
    assert _derivable(filters, reasons, K) == []
    # The rule still shows something where there is enough to show.
    if len(filters[None, period.year()][suppression.BASE].residents) >= 3 * K:
        assert any(why is None for (view, key), why in reasons.items()
                   if view == (None, period.year()) and key != suppression.BASE)


def test_the_check_finds_what_rules_one_to_three_alone_leave_open():
    """Without rule 4 (only the first three rules), the same check finds a hidden number
    in some of these random cases: it is not vacuous."""
    found = 0
    for seed in range(30):
        filters, _ = _case(seed)
        near = neighbours(filters)
        first_three = {}
        for view, figures in filters.items():
            small = len(figures[suppression.BASE].residents) < K
            others = [filters[o] for o in near[view]]
            for key, figure in figures.items():
                first_three[view, key] = (suppression.TOO_FEW if small else None
                                          if key == suppression.BASE
                                          else suppression.reason(figure, others, K))
        found += bool(_derivable(filters, first_three, K))
    assert found
