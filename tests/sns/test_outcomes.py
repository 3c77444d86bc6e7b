"""Outcome figures on a seeded team whose answer is worked out by hand, and the small-number
rule under every filter combination."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from sns.accounts import coaches as accounts
from sns.models import (
    Action,
    Invitee,
    Meeting,
    NetworkMember,
    NetworkSnapshot,
    Offer,
    PhaseChange,
    Resident,
    Review,
)
from sns.outcomes import report as outcome_report
from sns.outcomes import suppression, table
from sns.outcomes.periods import parse

pytestmark = pytest.mark.db

TODAY = date(2026, 12, 1)


def _at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


def _figures(size: int, inner: int = 1) -> dict:
    return {"size": size, "inner": inner, "informal_share": 0.5, "thin_support": 3,
            "reciprocity": None}


def _resident(db, team, name, *, phases=(), snapshots=(), meeting=None, actions=(),
              reviews=()):
    r = Resident(name=name, team_id=team.id, phase=phases[-1][0] if phases else "verkenning")
    db.add(r)
    db.flush()
    r.created_at = _at(date(2026, 10, 5))
    for phase, day in phases:
        db.add(PhaseChange(resident_id=r.id, phase=phase, at=_at(day)))
    for day, figures in snapshots:
        db.add(NetworkSnapshot(resident_id=r.id, label="moment", taken_at=_at(day),
                               graph={}, figures=figures))
    if meeting:
        invited, came, offers = meeting
        members = []
        for i in range(invited):
            m = NetworkMember(resident_id=r.id, name=f"Lidwien {i}")
            db.add(m)
            members.append(m)
        db.flush()
        held = Meeting(resident_id=r.id, on_date=date(2026, 11, 10), held=True)
        db.add(held)
        db.flush()
        for i, m in enumerate(members):
            db.add(Invitee(meeting_id=held.id, member_id=m.id, resident_id=r.id,
                           attended=i < came))
        for i in range(offers):  # the first offer went into the plan
            db.add(Offer(meeting_id=held.id, resident_id=r.id, member_id=members[i].id,
                         what="boodschappen", taken_up_on=date(2026, 11, 12) if i == 0 else None))
    for status, due, *how_often in actions:
        db.add(Action(resident_id=r.id, what="iets", status=status, due=due,
                      how_often=how_often[0] if how_often else None))
    for day, scores in reviews:
        db.add(Review(resident_id=r.id, held_on=day, scores=scores))
    return r


@pytest.fixture
def seeded(db):
    """Wijkteam Noord: five residents who went on to the netwerkberaad (A1-A5) and five still
    exploring (B1-B5); Wijkteam Zuid: three residents just started."""
    noord = accounts.get_or_create_team(db, "Wijkteam Noord")
    zuid = accounts.get_or_create_team(db, "Wijkteam Zuid")
    for i in range(1, 6):
        _resident(
            db, noord, f"Aaltje{i}",
            phases=[("netwerkberaad", date(2026, 10, 15))],
            snapshots=[(date(2026, 10, 15), _figures(3)), (date(2026, 11, 20),
                                                           _figures(3 + i, inner=2))],
            meeting=(4, 3, 2),
            actions=[("gedaan", None), ("bezig", date(2026, 11, 20)), ("open", None),
                     ("bezig", date(2026, 11, 1), "elke zondag bellen")],
            reviews=[(date(2026, 10, 20), {"wonen": 5}), (date(2026, 11, 25),
                                                          {"wonen": 4 + i})],
        )
        _resident(db, noord, f"Bertus{i}", snapshots=[(date(2026, 10, 20), _figures(2))])
    for i in range(1, 4):
        _resident(db, zuid, f"Zeger{i}")
    db.commit()
    return noord, zuid


def _build(db, teams, period="2026Q4", team=None):
    noord, zuid = teams
    return outcome_report.build(db, parse(period), team=team,
                                all_team_ids=[noord.id, zuid.id], today=TODAY,
                                domains={"wonen": "Wonen"})


def _values(report):
    return {row.key: (row.value, row.spread, row.residents, row.reason) for row in report.rows}


def test_figures_of_a_team_worked_out_by_hand(db, seeded):
    noord, _ = seeded
    v = _values(_build(db, seeded, team=noord))
    assert v["trajectories.phase.netwerkberaad"][:3] == (5, None, 5)
    assert v["trajectories.closed"][0] == 0
    # Ten days in the verkenning (5 to 15 October) for each of A1-A5.
    assert v["trajectories.days.verkenning"][:3] == (10, (10, 10), 5)
    assert v["beraad.held"][:3] == (5, None, 5)
    assert v["beraad.invited"][:2] == (4, (4, 4))
    assert v["beraad.attended"][:2] == (3, (3, 3))
    assert v["beraad.offers"][0] == 10
    assert v["beraad.offers_taken"][0] == 5
    assert v["actions.gedaan"][0] == 5
    assert v["actions.open"][0] == 5
    # "bezig" with 20 November as its day: overdue on 1 December. The ongoing call on
    # Sundays has a day to look at it again (1 November), no deadline: ongoing, not overdue.
    assert v["actions.te_laat"][0] == 5
    assert v["actions.doorlopend"][0] == 5
    assert v["actions.bezig"][:3] == (10, None, 5)
    assert v["actions.gestopt"][0] == 0
    # Network: A1-A5 grew by 1, 2, 3, 4, 5 people; B1-B5 have one moment only.
    assert v["network.compared"][0] == 5
    assert v["network.single"][0] == 5
    assert v["network.size"][:3] == (3, (2, 4), 5)
    assert v["network.inner"][:2] == (1, (1, 1))
    assert v["network.informal_share"][:2] == (0, (0, 0))
    assert v["network.reciprocity"][0] is None
    # Wonen went from 5 to 5, 6, 7, 8, 9.
    assert v["domain.wonen"][:3] == (2, (1, 3), 5)


def test_figures_that_zuid_would_reveal_by_subtraction_are_suppressed(db, seeded):
    """Noord started 10 and all teams 13: showing both would tell that Zuid started 3."""
    noord, _ = seeded
    v = _values(_build(db, seeded, team=noord))
    assert v["trajectories.started"] == (None, None, None, suppression.TOO_CLOSE)
    assert v["trajectories.phase.verkenning"][3] == suppression.TOO_CLOSE
    everyone = _values(_build(db, seeded))
    assert everyone["trajectories.started"][3] == suppression.TOO_CLOSE
    # Zuid adds nobody to the netwerkberaad: the same five under both filters.
    assert everyone["trajectories.phase.netwerkberaad"][:3] == (5, None, 5)


def test_a_team_of_three_is_suppressed_altogether(db, seeded):
    _, zuid = seeded
    report = _build(db, seeded, team=zuid)
    assert report.suppressed
    assert all(row.value is None and row.reason == suppression.TOO_FEW for row in report.rows)
    assert "Zeger" not in table.to_csv(report)


@pytest.mark.parametrize("period", ["2026Q4", "2026", "2026Q3", "2025"])
@pytest.mark.parametrize("which", ["noord", "zuid", "all"])
def test_no_shown_figure_rests_on_fewer_than_five_under_any_filter(db, seeded, period, which):
    noord, zuid = seeded
    team = {"noord": noord, "zuid": zuid, "all": None}[which]
    report = _build(db, seeded, period=period, team=team)
    shown = [row for row in report.rows if row.reason is None]
    assert all(row.residents == 0 or row.residents >= 5 for row in shown)
    if period in ("2026Q3", "2025"):  # nothing happened: everything is under the threshold
        assert report.suppressed


def test_year_equals_its_only_busy_quarter(db, seeded):
    noord, _ = seeded
    year = _values(_build(db, seeded, period="2026", team=noord))
    quarter = _values(_build(db, seeded, period="2026Q4", team=noord))
    assert year == quarter


def test_threshold_is_never_below_five():
    assert suppression.threshold(2) == 5
    assert suppression.threshold(7) == 7


def test_csv_has_every_figure_and_no_name(db, seeded):
    noord, _ = seeded
    text = table.to_csv(_build(db, seeded, team=noord))
    lines = text.splitlines()
    assert lines[0].startswith("periode,team,onderdeel,code,cijfer,waarde")
    assert any(line.startswith("2026Q4,Wijkteam Noord,Netwerkberaden,beraad.held,")
               for line in lines)
    assert not any(name in text for name in ("Aaltje", "Bertus", "Lidwien"))


def test_bad_period_is_a_clear_message():
    from sns.errors import Invalid

    with pytest.raises(Invalid, match="2026Q4"):
        parse("vorig jaar")


def test_snapshot_figures_are_counted_when_taken_and_for_older_snapshots(db, people):
    from graph.schema import add_member, new_network
    from sns.network import snapshots
    from sns.network.graphs import store_graph
    from sns.outcomes import facts

    G = new_network("Riek")
    add_member(G, "m1", name="Ans", sector="familie", circle=1, support=("praktisch",))
    add_member(G, "m2", name="Joke", sector="professionals", circle=3)
    store_graph(db, people.riek, G)
    taken = snapshots.take(db, people.ans, people.riek, "Einde verkenning")
    assert taken.figures == {"size": 2, "inner": 1, "informal_share": 0.5,
                             "thin_support": 5, "reciprocity": None}
    older = NetworkSnapshot(resident_id=people.riek.id, label="Van voor de cijfers",
                            graph=taken.graph, figures=None)
    db.add(older)
    db.commit()
    loaded = facts.load(db, [people.riek.team_id], date(2100, 1, 1))
    db.commit()
    db.refresh(older)
    assert older.figures == taken.figures
    assert [f for _, f in loaded[0].snapshots] == [taken.figures, taken.figures]


def _shown(report) -> dict[str, float | None]:
    return {row.key: row.value for row in report.rows}


def test_no_hidden_figure_comes_back_by_subtracting_teams_or_quarters(db):
    """The attack of issue 29: Oost 6, West 6 and Zuid 2 new residents in a quarter. Zuid
    shows nothing, so all teams minus Oost minus West must not be possible for any figure;
    nor may a year minus three of its quarters give the fourth."""
    oost, west, zuid = (accounts.get_or_create_team(db, f"Wijkteam {n}")
                        for n in ("Oost", "West", "Zuid"))
    for team, n in ((oost, 6), (west, 6), (zuid, 2)):
        for i in range(n):
            phases = [("netwerkberaad", date(2026, 10, 20))] if i % 2 else []
            _resident(db, team, f"{team.name} {i}", phases=phases)
    # Noord: two residents who started in Q1 and six in each later quarter.
    noord = accounts.get_or_create_team(db, "Wijkteam Noord")
    for quarter, n in ((1, 2), (2, 6), (3, 6), (4, 6)):
        for i in range(n):
            r = _resident(db, noord, f"Noord {quarter}.{i}")
            r.created_at = _at(date(2026, 3 * quarter - 2, 5))
    db.commit()
    teams = [oost, west, zuid, noord]
    ids = [t.id for t in teams]
    reports = {(t.name if t else None, label): _shown(outcome_report.build(
                   db, parse(label), team=t, all_team_ids=ids, today=TODAY))
               for t in (None, *teams) for label in ("2026", "2026Q1", "2026Q2", "2026Q3",
                                                      "2026Q4")}
    for key in reports[None, "2026"]:
        for label in ("2026", "2026Q4"):
            parts = [reports[name, label].get(key) for name in
                     (None, "Wijkteam Oost", "Wijkteam West", "Wijkteam Noord")]
            # Zuid's figure would be the difference; a plain 0 may be shown anyway.
            assert None in parts or parts[0] == sum(parts[1:]), (key, label, parts)
        year, *quarters = [reports["Wijkteam Noord", q].get(key)
                           for q in ("2026", "2026Q2", "2026Q3", "2026Q4")]
        if key == "trajectories.started":
            assert None in (year, *quarters), (year, quarters)
