"""The outcome report of a period and a team, with the small-number rule applied.

:func:`build` loads the facts once for every team and the whole year the period lies in,
computes the figures of every filter of that year (:func:`filters_of_year`), applies the
small-number rule to all of them at once (:func:`sns.outcomes.suppression.decide`, so every
filter hides the same figures whichever is asked for), and returns the rows of the filter
asked for, ready for the page, the CSV, the PDF and ``sns report``: no name, only counts and
medians.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from sns.i18n import N_
from sns.models import Team
from sns.outcomes import facts as facts_module
from sns.outcomes import suppression
from sns.outcomes.facts import ResidentFacts
from sns.outcomes.figures import MEDIANS, Figure, aggregate, contributions
from sns.outcomes.periods import Period

SECTIONS: dict[str, str] = {
    "trajectories": N_("Trajecten"),
    "beraad": N_("Netwerkberaden"),
    "actions": N_("Acties uit de plannen"),
    "network": N_("Het netwerk: van het eerste naar het laatste moment"),
    "domain": N_("Leefgebieden: van de eerste naar de laatste evaluatie"),
}

LABELS: dict[str, str] = {
    "trajectories.started": N_("Begonnen"),
    "trajectories.phase.verkenning": N_("Aan het eind in de verkenning"),
    "trajectories.phase.netwerkberaad": N_("Aan het eind in het netwerkberaad"),
    "trajectories.phase.actieteam": N_("Aan het eind in het actieteam"),
    "trajectories.phase.evaluatie": N_("Aan het eind in de evaluatie"),
    "trajectories.phase.onderhoud": N_("Aan het eind in onderhoud"),
    "trajectories.closed": N_("Afgesloten"),
    "trajectories.days.verkenning": N_("Dagen in de verkenning"),
    "trajectories.days.netwerkberaad": N_("Dagen in het netwerkberaad"),
    "trajectories.days.actieteam": N_("Dagen in het actieteam"),
    "trajectories.days.evaluatie": N_("Dagen in de evaluatie"),
    "beraad.held": N_("Netwerkberaden gehouden"),
    "beraad.invited": N_("Uitgenodigd per beraad"),
    "beraad.attended": N_("Gekomen per beraad"),
    "beraad.offers": N_("Aanbiedingen gedaan (wie wil wat doen)"),
    "beraad.offers_taken": N_("Aanbiedingen die in het plan zijn gezet"),
    "actions.gedaan": N_("Gedaan"),
    "actions.bezig": N_("Bezig"),
    "actions.doorlopend": N_("Doorlopend (zoals elke week bellen), nog bezig"),
    "actions.gestopt": N_("Gestopt"),
    "actions.open": N_("Nog open"),
    "actions.te_laat": N_("Te laat (eenmalig, open of bezig, datum voorbij)"),
    "network.compared": N_("Bewoners met twee of meer momenten"),
    "network.single": N_("Bewoners met één moment (geteld, niet vergeleken)"),
    "network.size": N_("Mensen op de kaart"),
    "network.inner": N_("Mensen in cirkel 1"),
    "network.informal_share": N_("Aandeel mensen die geen hulpverlener zijn (procentpunt)"),
    "network.thin_support": N_("Soorten steun bij niemand of bij één persoon"),
    "network.reciprocity": N_("Aandeel mensen met wie steun over en weer gaat (procentpunt)"),
}
DOMAIN_LABEL = N_("Cijfer voor %(domain)s")

#: Figures that are shares (0 to 1): shown as changes in percentage points.
_SHARES = {"network.informal_share", "network.reciprocity"}


@dataclass(frozen=True)
class Row:
    """One line of the report. ``value`` and ``spread`` are ``None`` when suppressed."""

    key: str
    section: str
    #: A Dutch message for translation, with ``domain`` as its parameter where it has one.
    label: str
    params: Mapping[str, str]
    median: bool
    value: float | None
    spread: tuple[float, float] | None
    residents: int | None
    reason: str | None


@dataclass(frozen=True)
class Report:
    period: Period
    team: str | None
    threshold: int
    #: Residents active in the period or started in it, within the filter; ``None`` when
    #: hidden (always when :attr:`suppressed`).
    base: int | None
    rows: tuple[Row, ...]
    #: Everything is hidden: the filter holds fewer residents than the threshold.
    suppressed: bool = False


def _scaled(key: str, value: float | None) -> float | None:
    return None if value is None else value * 100 if key in _SHARES else value


def _row(figure: Figure, reason: str | None, domains: Mapping[str, str]) -> Row:
    section = figure.key.split(".")[0]
    if section == "domain":
        code = figure.key.split(".", 1)[1]
        label, params = DOMAIN_LABEL, {"domain": domains.get(code, code)}
    else:
        label, params = LABELS[figure.key], {}
    shown = reason is None
    spread = figure.spread
    return Row(
        key=figure.key, section=section, label=label, params=params,
        median=figure.key.startswith(MEDIANS),
        value=_scaled(figure.key, figure.value) if shown else None,
        spread=(tuple(_scaled(figure.key, v) for v in spread) if shown and spread else None),
        residents=len(figure.residents) if shown else None,
        reason=reason,
    )


def teams(db: Session) -> list[Team]:
    """Every team, by name (the filter's choices)."""
    return list(db.scalars(select(Team).order_by(Team.name)))


#: One filter: a team's id (``None``: all teams) and a period.
View = tuple[int | None, Period]


def filters_of_year(facts: Iterable[ResidentFacts], period: Period, team_ids: list[int],
                    today: date) -> dict[View, dict[str, Figure]]:
    """The figures of every filter of the year ``period`` lies in (all teams first, then each
    team; the year, then its quarters), each with its residents as
    :data:`sns.outcomes.suppression.BASE`: those active in the period or started in it."""
    year = period.year()
    periods = (year, *year.quarters())
    by_team: dict[int | None, list[ResidentFacts]] = {t: [] for t in team_ids}
    for f in facts:
        by_team.setdefault(f.team_id, []).append(f)
    # What every team adds to every figure, once per period; a filter adds up its teams.
    parts = {(p, t): contributions(rows, p, today) for p in periods for t, rows in by_team.items()}
    out: dict[View, dict[str, Figure]] = {}
    for t in (None, *team_ids):
        teams = [x for x in by_team if t in (None, x)]
        for p in periods:
            base = frozenset(f.resident_id for x in teams for f in by_team[x]
                             if f.started < p.end and f.phase_on(p.start) != "afgesloten")
            out[t, p] = {suppression.BASE: Figure(suppression.BASE, len(base), base),
                         **aggregate(parts[p, x] for x in teams)}
    return out


def neighbours(views: Iterable[View]) -> dict[View, list[View]]:
    """The filters rule 3 of :mod:`sns.outcomes.suppression` compares each filter with: every
    team's choice, in the same period and in the year (a quarter), or in the year and each of
    its quarters (a year)."""
    views = list(views)
    return {(t, p): [(t2, p2) for t2, p2 in views if (t2, p2) != (t, p)
                     and (p.is_year or p2 in (p, p.year()))]
            for t, p in views}


def build(db: Session, period: Period, *, team: Team | None, all_team_ids: list[int],
          today: date, threshold: int | None = None,
          domains: Mapping[str, str] | None = None) -> Report:
    """The report of ``period`` for ``team`` (``None``: all of ``all_team_ids``).

    ``all_team_ids`` are the teams whose figures stand beside this one (every team on the
    server), for the rules on differences and sums.
    """
    k = suppression.threshold(threshold)
    facts = facts_module.load(db, all_team_ids, period.year().end)
    filters = filters_of_year(facts, period, all_team_ids, today)
    reasons = suppression.decide(filters, neighbours(filters), k)
    view = (team.id if team is not None else None, period)
    own = filters[view]
    domains = domains or {}
    rows = tuple(_row(f, reasons[view, key], domains) for key, f in own.items()
                 if key != suppression.BASE)
    base = own[suppression.BASE]
    shown = reasons[view, suppression.BASE] is None
    return Report(period, team.name if team else None, k, len(base.residents) if shown else None,
                  rows, suppressed=len(base.residents) < k)
