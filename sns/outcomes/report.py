"""The outcome report of a period and a team, with the small-number rule applied.

:func:`build` loads the facts once for every team and the whole year the period lies in,
computes the figures of the filter asked for and of the filters beside it (see
:mod:`sns.outcomes.suppression`), and returns rows ready for the page, the CSV, the PDF and
``sns report``: no name, only counts and medians.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from sns.i18n import N_
from sns.models import Team
from sns.outcomes import facts as facts_module
from sns.outcomes import suppression
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
    #: Residents active in the period or started in it, within the filter.
    base: int | None
    rows: tuple[Row, ...]

    @property
    def suppressed(self) -> bool:
        """Everything is hidden: the filter holds fewer residents than the threshold."""
        return self.base is None


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


def build(db: Session, period: Period, *, team: Team | None, all_team_ids: list[int],
          today: date, threshold: int | None = None,
          domains: Mapping[str, str] | None = None) -> Report:
    """The report of ``period`` for ``team`` (``None``: all of ``all_team_ids``).

    ``all_team_ids`` are the teams whose figures stand beside this one (every team on the
    server), for the rule on differences.
    """
    k = suppression.threshold(threshold)
    facts = facts_module.load(db, all_team_ids, period.year().end)
    periods = [period.year()] if not period.is_year else list(period.quarters())
    chosen = team.id if team is not None else None
    by_team: dict[int | None, list] = {t: [] for t in all_team_ids}
    for f in facts:
        by_team.setdefault(f.team_id, []).append(f)
    # What every team adds to every figure, once per period; a filter adds up its teams.
    parts = {(p, t): contributions(rows, p, today)
             for p in [period, *periods] for t, rows in by_team.items()}

    def figures(team_id: int | None, p: Period):
        return aggregate(parts[p, t] for t in by_team if team_id in (None, t))

    own = figures(chosen, period)
    others = [figures(t, p) for p in [period, *periods] for t in [None, *all_team_ids]
              if (t, p) != (chosen, period)]
    base = {f.resident_id for f in facts if chosen in (None, f.team_id)
            and f.started < period.end and f.phase_on(period.start) != "afgesloten"}
    domains = domains or {}
    if len(base) < k:
        rows = tuple(_row(f, suppression.TOO_FEW, domains) for f in own.values())
        return Report(period, team.name if team else None, k, None, rows)
    rows = tuple(_row(f, suppression.reason(f, others, k), domains) for f in own.values())
    return Report(period, team.name if team else None, k, len(base), rows)
