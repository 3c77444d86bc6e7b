"""The small-number rule: no figure of the outcome report may let anyone recognise a resident.

A filter is a period (a quarter or a year) and a team, or all teams. A figure is shown only
when

1. the filter as a whole holds at least ``k`` residents;
2. the figure rests on no residents (a plain 0) or on at least ``k``;
3. it differs by no residents or by at least ``k`` from the same figure under every other
   filter a viewer can ask for next to it: the other teams' choice (one team against all
   teams) and the other period's choice (a quarter against its year, a year against each of
   its quarters), and both at once. Without this, a quarter subtracted from its year, or one
   team from all teams, would single out a few residents; and
4. nothing rules 1-3 protect can be worked out by adding and subtracting figures that are
   shown, under any filter of the same year (secondary suppression, as statistical offices
   do): the figures hidden by rules 1 and 2, and for rule 3 the residents in one of the two
   figures and not in the other. :func:`complements` hides other figures where it must.

Rule 4 looks at every filter of the year at once (all teams and each team, the year and its
quarters), so every filter hides the same figures whichever a viewer asks for first. Figures
are linear in the residents they rest on: a count is the sum over its residents, a total
(meetings, offers, actions) the sum of each resident's share, and the "bewoners" column of
every line counts residents too. Each figure is checked across all filters, together with
the figures it adds up with: the residents of a filter are those per phase at the period's
end plus those who closed (:data:`FAMILIES`); figures that rest on exactly the same residents
are hidden together. Medians and quartiles are not sums, and give nothing to subtract.

``k`` is the configured threshold (``SNS_REPORT_MIN_RESIDENTS``), never below
:data:`MIN_RESIDENTS`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence

from sns.i18n import N_
from sns.outcomes.figures import OPEN_PHASES, Figure

#: The smallest threshold allowed: five residents, as statistics offices use for small areas.
MIN_RESIDENTS = 5

#: The key of a filter's own count of residents (active in the period or started in it).
BASE = "base"

#: Figures that add up to one another, so they are checked together: the residents of a
#: filter are those per phase at its end plus those who closed in it. Every other figure is
#: checked on its own (across every filter).
FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({BASE, "trajectories.closed", *(f"trajectories.phase.{p}" for p in OPEN_PHASES)}),
)

TOO_FEW = N_("Minder dan %(k)s bewoners: niet getoond.")
TOO_CLOSE = N_("Niet getoond: samen met een andere keuze (team of periode) zou dit over "
               "minder dan %(k)s bewoners gaan.")

#: A prime for linear algebra on whole numbers without rounding (see :class:`_Echelon`).
_PRIME = 2**61 - 1


def threshold(configured: int | None) -> int:
    """The threshold to use: the configured one, but never below :data:`MIN_RESIDENTS`.

    >>> threshold(None), threshold(3), threshold(10)
    (5, 5, 10)
    """
    return max(MIN_RESIDENTS, configured or MIN_RESIDENTS)


def reason(figure: Figure, others: Iterable[Mapping[str, Figure]], k: int) -> str | None:
    """Why ``figure`` may not be shown by rules 2 and 3 (a message with ``%(k)s``), or
    ``None``.

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


def decide(filters: Mapping[Hashable, Mapping[str, Figure]],
           neighbours: Mapping[Hashable, Sequence[Hashable]], k: int
           ) -> dict[tuple[Hashable, str], str | None]:
    """Why each figure of each filter is hidden (a message with ``%(k)s``), or ``None`` to
    show it: rules 1-4 over every filter of a year at once.

    ``filters`` maps each filter, the most worth showing first (all teams, the year), to its
    figures, :data:`BASE` among them; ``neighbours`` maps it to the filters rule 3 compares
    it with. What rule 4 protects: every figure hidden by rules 1 and 2, and for rule 3 the
    residents in one figure and not in the other (what the difference would single out).
    It keeps the larger figures and hides smaller ones where it must.
    """
    reasons: dict[tuple[Hashable, str], str | None] = {}
    protected: dict[Hashable, list[dict[int, int]]] = defaultdict(list)
    for view, figures in filters.items():
        small = len(figures[BASE].residents) < k
        others = [filters[other] for other in neighbours[view]]
        for key, figure in figures.items():
            why = TOO_FEW if small else None if key == BASE else reason(figure, others, k)
            reasons[view, key] = why
            if why == TOO_FEW:
                protected[family_of(key)].extend(_rows(figure))
            elif why == TOO_CLOSE:
                protected[family_of(key)].extend(_differences(figure, others, k))
    figure = {(view, key): f for view, figures in filters.items() for key, f in figures.items()}
    rank = {cell: i for i, cell in enumerate(figure)}
    order = sorted(figure, key=lambda cell: (-len(figure[cell].residents), rank[cell]))
    families: dict[Hashable, list] = defaultdict(list)
    by_residents: dict[frozenset[int], list] = defaultdict(list)
    for cell in order:
        families[family_of(cell[1])].append(cell)
        by_residents[figure[cell].residents].append(cell)
    hidden = {cell for cell, why in reasons.items() if why}
    while True:
        for family, cells in families.items():
            more = complements({c: _rows(figure[c]) for c in cells}, hidden,
                               protected[family], cells)
            hidden |= more
            reasons.update(dict.fromkeys(more, TOO_CLOSE))
        # A figure in another family that rests on exactly the residents protected here
        # would show their number: hide it, and protect that number in its family too.
        again = False
        for rows in list(protected.values()):
            for row in rows:
                for cell in by_residents.get(frozenset(row), ()):
                    if cell not in hidden and set(row.values()) == {1}:
                        hidden.add(cell)
                        reasons[cell] = TOO_CLOSE
                        protected[family_of(cell[1])].append(row)
                        again = True
        if not again:
            return reasons


def _rows(figure: Figure) -> list[dict[int, int]]:
    """What a shown figure publishes, as rows linear in its residents: the count of residents
    (every line shows it) and, for a total, the total."""
    rows = [dict.fromkeys(figure.residents, 1)]
    if figure.shares:
        rows.append({r: round(amount) for r, amount in figure.shares})
    return rows


def _differences(figure: Figure, others: Iterable[Mapping[str, Figure]], k: int
                 ) -> list[dict[int, int]]:
    """Rule 3's sensitive numbers: the residents in ``figure`` and not in a neighbour's twin,
    and the other way round, where they are fewer than ``k``; for a total, the difference of
    the two totals."""
    out = []
    mine = dict(figure.shares)
    for other in others:
        twin = other.get(figure.key) or Figure(figure.key, None, frozenset())
        if 0 < len(twin.residents ^ figure.residents) < k:
            out.extend(dict.fromkeys(side, 1) for side in (figure.residents - twin.residents,
                                                           twin.residents - figure.residents)
                       if side)
            if mine or twin.shares:
                theirs = dict(twin.shares)
                out.append({r: round(mine.get(r, 0) - theirs.get(r, 0))
                            for r in mine.keys() | theirs.keys()})
    return out


def family_of(key: str) -> Hashable:
    """The family :func:`complements` checks ``key`` with (:data:`FAMILIES`, else the key)."""
    return next((f for f in FAMILIES if key in f), key)


#: A cell: one figure under one filter, as the rows it publishes. Each row is linear in the
#: residents: resident id -> how much that resident adds (1 for a count).
Rows = Sequence[Mapping[int, int]]


def complements(cells: Mapping[Hashable, Rows], hidden: Iterable[Hashable],
                protected: Rows, order: Sequence[Hashable]) -> set[Hashable]:
    """The cells to hide besides ``hidden`` so that no ``protected`` row is a sum of shown
    rows with any coefficients (rule 4), for cells that add up with one another.

    ``order`` lists the cells, the most worth showing first; each is shown unless showing it
    would let a protected row be worked out (a greedy choice, as statistical offices make:
    it hides enough, not always the fewest). A row resting on nobody is 0 whether shown or
    not and needs no protection.

    The rows are compared in exact arithmetic modulo a 61-bit prime: a row counts as worked
    out only when it is one, except with a chance of about 1 in 10^18.

    Zuid (resident 3) is hidden; all teams and Oost are shown, so West must be hidden too:

    >>> cells = {"all": [{1: 1, 2: 1, 3: 1}], "Oost": [{1: 1}], "West": [{2: 1}],
    ...          "Zuid": [{3: 1}]}
    >>> sorted(complements(cells, ["Zuid"], cells["Zuid"], ["all", "Oost", "West", "Zuid"]))
    ['West']
    """
    hidden = set(hidden)
    columns = _Columns([*(row for rows in cells.values() for row in rows), *protected])
    basis = _Echelon()
    guarded = [v for v in map(columns.vector, protected) if any(v)]
    added: set[Hashable] = set()
    for cell in order:
        if cell in hidden:
            continue
        trial = basis.extended(columns.vector(row) for row in cells[cell])
        if any(not any(trial.reduce(v)) for v in guarded):
            added.add(cell)
        else:
            basis = trial
            guarded = [basis.reduce(v) for v in guarded]
    return added


class _Columns:
    """The residents as columns; residents who add the same to every row share one, whose
    unknown is how many such residents there are (what a viewer could not know)."""

    def __init__(self, rows: Rows) -> None:
        signature: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for i, row in enumerate(rows):
            for resident, amount in row.items():
                if amount:
                    signature[resident].append((i, amount))
        kinds: dict[tuple, int] = {}
        self.column = {r: kinds.setdefault(tuple(s), len(kinds)) for r, s in signature.items()}
        self.width = len(kinds)

    def vector(self, row: Mapping[int, int]) -> list[int]:
        v = [0] * self.width
        for resident, amount in row.items():
            if amount:
                v[self.column[resident]] = amount % _PRIME
        return v


class _Echelon:
    """Rows in echelon form modulo :data:`_PRIME`: each has a pivot column where it is 1 and
    every later row is 0, so :meth:`reduce` leaves the one remainder of a row that is zero in
    every pivot column: zero exactly when the row is a sum of these rows."""

    def __init__(self, rows: list[tuple[int, list[int]]] | None = None) -> None:
        self.rows = rows or []

    def reduce(self, v: list[int]) -> list[int]:
        for pivot, row in self.rows:
            c = v[pivot]
            if c:
                v = [(a - c * b) % _PRIME for a, b in zip(v, row, strict=True)]
        return v

    def extended(self, vectors: Iterable[list[int]]) -> _Echelon:
        """These rows and ``vectors`` (a new echelon; this one is unchanged)."""
        out = _Echelon(list(self.rows))
        for v in vectors:
            v = out.reduce(v)
            pivot = next((i for i, a in enumerate(v) if a), None)
            if pivot is None:
                continue
            inverse = pow(v[pivot], _PRIME - 2, _PRIME)
            out.rows.append((pivot, [a * inverse % _PRIME for a in v]))
        return out
