"""``sns report``: the outcome report on the command line, for the municipality's own tools.

The same figures and the same small-number rule as the page (:func:`sns.outcomes.report.
build`); the threshold comes from ``SNS_REPORT_MIN_RESIDENTS`` (never below 5).
"""

from __future__ import annotations

import os
from datetime import date

import click


@click.command("report")
@click.option("--period", "period_text", required=True,
              help="Een kwartaal (2026Q4) of een jaar (2026).")
@click.option("--team", "team_name", default=None, help="Alleen dit team (standaard: alle).")
@click.option("--format", "output_format", type=click.Choice(["csv", "json"]), default="csv",
              show_default=True)
def report(period_text: str, team_name: str | None, output_format: str) -> None:
    """Cijfers zonder namen: wat SNS oplevert in een periode, per team of voor alle teams."""
    from sns.cli import session_scope
    from sns.errors import Invalid
    from sns.outcomes import report as outcome_report
    from sns.outcomes import table
    from sns.outcomes.periods import parse

    try:
        period = parse(period_text)
    except Invalid as err:
        raise click.BadParameter(err.message, param_hint="--period") from err
    configured = os.environ.get("SNS_REPORT_MIN_RESIDENTS")
    with session_scope() as db:
        teams = outcome_report.teams(db)
        team = None
        if team_name is not None:
            team = next((t for t in teams if t.name == team_name), None)
            if team is None:
                raise click.ClickException(f"Team {team_name!r} bestaat niet.")
        result = outcome_report.build(
            db, period, team=team, all_team_ids=[t.id for t in teams], today=date.today(),
            threshold=int(configured) if configured and configured.isdigit() else None)
    click.echo(table.to_csv(result) if output_format == "csv" else table.to_json(result),
               nl=output_format == "json")
