"""The outcome report page, its CSV and its PDF (teamleider: their own team; gemeente: every
team, or one). Nothing here names a resident: see sns.outcomes."""

from __future__ import annotations

from datetime import date

from flask import Response, abort, current_app, flash, render_template, request
from flask_babel import gettext as _

from sns import audit
from sns.errors import Invalid
from sns.models import Team
from sns.outcomes import report as outcome_report
from sns.outcomes import table
from sns.outcomes.periods import Period, parse, quarter_of
from web.core.access import current_coach, role_required
from web.core.database import get_db
from web.core.forms import int_or_none
from web.outcomes import bp, charts


def _period() -> tuple[Period, int]:
    """The period asked for (default: this quarter) and the status to answer with."""
    text = request.args.get("periode")
    if not text:
        return quarter_of(date.today()), 200
    try:
        return parse(text), 200
    except Invalid as err:
        flash(_(err.message), "error")
        return quarter_of(date.today()), 400


def _team(db, teams: list[Team]) -> Team | None:
    """The teamleider's own team; for the municipality the team chosen, or all (None)."""
    viewer = current_coach()
    if viewer.role == "teamleider":
        if viewer.team_id is None:
            abort(404)
        return db.get(Team, viewer.team_id)
    chosen = int_or_none(request.args.get("team"))
    if chosen is None:
        return None
    team = next((t for t in teams if t.id == chosen), None)
    if team is None:
        abort(404)
    return team


def _report():
    db = get_db()
    period, status = _period()
    teams = outcome_report.teams(db)
    team = _team(db, teams)
    report = outcome_report.build(
        db, period, team=team, all_team_ids=[t.id for t in teams], today=date.today(),
        threshold=current_app.config.get("REPORT_MIN_RESIDENTS"),
        domains={code: _(name) for code, name in current_app.config["LIFE_DOMAINS"].items()},
    )
    audit.record(db, current_coach(), f"outcomes.{request.endpoint.split('.')[-1]}",
                 detail=f"{period.label} {team.name if team else 'alle teams'}")
    db.commit()  # the audit event, and the figures of snapshots counted for the first time
    return report, teams, status


def _charts(report) -> list[tuple[str, object]]:
    """Per section a chart of its shown figures: bars for counts, boxes for changes."""
    out = []
    for section in outcome_report.SECTIONS:
        rows = [r for r in report.rows if r.section == section and r.value is not None]
        counts = [(_(r.label, **r.params), r.value) for r in rows if not r.median]
        medians = [(_(r.label, **r.params), r.value, r.spread) for r in rows
                   if r.median and r.spread and section in ("network", "domain")]
        title = _(outcome_report.SECTIONS[section])
        if medians:
            out.append((section, charts.changes(title, medians)))
        elif counts:
            out.append((section, charts.bars(title, counts, pattern_id=f"hatch-{section}")))
    return out


def _translate(message: str) -> str:
    return _(message)


@bp.get("/")
@role_required("teamleider", "gemeente")
def index():
    report, teams, status = _report()
    query = {"periode": report.period.label}
    if current_coach().role == "gemeente" and request.args.get("team"):
        query["team"] = request.args["team"]
    return render_template("outcomes/index.html", report=report, teams=teams, query=query,
                           sections=outcome_report.SECTIONS, charts=dict(_charts(report)),
                           args=request.args), status


@bp.get("/uitkomsten.csv")
@role_required("teamleider", "gemeente")
def csv_download():
    report, _teams, status = _report()
    if status != 200:
        abort(status)
    return Response(table.to_csv(report, _translate), mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="uitkomsten-{report.period.label}.csv"'})


@bp.get("/uitkomsten.pdf")
@role_required("teamleider", "gemeente")
def pdf_download():
    from web.core.pdf import render_pdf

    report, _teams, status = _report()
    if status != 200:
        abort(status)
    html = render_template("outcomes/print.html", report=report,
                           sections=outcome_report.SECTIONS, charts=dict(_charts(report)))
    return Response(render_pdf(html, request.url_root), mimetype="application/pdf", headers={
        "Content-Disposition": f'inline; filename="uitkomsten-{report.period.label}.pdf"'})
