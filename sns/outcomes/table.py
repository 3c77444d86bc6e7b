"""The outcome report as a table for download (CSV) and for programs (JSON).

One line per figure; a suppressed figure keeps its line, with empty numbers and the reason,
so a table never hides *that* something was left out.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable

from graph.files.csvfiles import SafeWriter
from sns.outcomes.report import SECTIONS, Report

COLUMNS = ("periode", "team", "onderdeel", "code", "cijfer", "waarde", "kwartiel_1",
           "kwartiel_3", "bewoners", "opmerking")


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 2)


def records(report: Report, translate: Callable[[str], str] = str) -> list[dict]:
    """The report's lines as dicts with :data:`COLUMNS` as keys; ``translate`` turns the
    Dutch messages into the reader's language (gettext in the app, unchanged elsewhere)."""
    out = []
    for row in report.rows:
        out.append({
            "periode": report.period.label,
            "team": report.team or "alle teams",
            "onderdeel": translate(SECTIONS[row.section]),
            "code": row.key,
            "cijfer": translate(row.label) % row.params if row.params else translate(row.label),
            "waarde": _number(row.value),
            "kwartiel_1": _number(row.spread[0]) if row.spread else None,
            "kwartiel_3": _number(row.spread[1]) if row.spread else None,
            "bewoners": row.residents,
            "opmerking": translate(row.reason) % {"k": report.threshold} if row.reason else "",
        })
    return out


def to_csv(report: Report, translate: Callable[[str], str] = str) -> str:
    """CSV with a header line (UTF-8, comma-separated, as spreadsheets read it)."""
    buffer = io.StringIO()
    writer = SafeWriter(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for record in records(report, translate):
        writer.writerow(record[column] for column in COLUMNS)
    return buffer.getvalue()


def to_json(report: Report, translate: Callable[[str], str] = str) -> str:
    data = {"periode": report.period.label, "team": report.team,
            "drempel": report.threshold, "bewoners": report.base,
            "cijfers": records(report, translate)}
    return json.dumps(data, ensure_ascii=False, indent=2)
