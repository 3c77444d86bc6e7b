"""The PDF "Alles wat wij van u bewaren": the export of :mod:`sns.privacy.export` in B1
Dutch, one section per table with a label for every field, then the access log.

Values are told in words: yes/no, dates as "3 maart 2026", a member as their name, a coach
as their display name, a snapshot as the names on the map at that moment.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from flask import render_template
from flask_babel import format_date, format_datetime, gettext
from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from sns.models import Coach, NetworkMember, Resident
from sns.privacy import consent
from sns.privacy import export as resident_export
from web.core import labels
from web.core.pdf import render_pdf

MEMBER_COLUMNS = {"member_id", "a_id", "b_id"}
COACH_COLUMNS = {"coach_id", "given_by", "withdrawn_by"}
EMPTY = "–"


class Words:
    """Turns stored values into words for the resident."""

    def __init__(self, db: Session, resident: Resident):
        self.members = dict(db.execute(select(NetworkMember.id, NetworkMember.name)
                                       .where(NetworkMember.resident_id == resident.id)).all())
        self.coaches = dict(db.execute(select(Coach.id, Coach.display_name)).all())

    def __call__(self, table: Table, column: str, value: Any) -> str:
        if value is None or value == "" or value == [] or value == {}:
            return EMPTY
        if isinstance(value, bool):
            return gettext("ja") if value else gettext("nee")
        if column in MEMBER_COLUMNS:
            return self.members.get(value, str(value))
        if column in COACH_COLUMNS:
            return self.coaches.get(value, gettext("(account bestaat niet meer)"))
        if table.name == "consent" and column == "kind":
            return gettext(consent.KINDS.get(value, value))
        if column == "phase":
            return str(labels.PHASE_LABELS.get(value, value))
        if column == "sector":
            return str(labels.SECTOR_LABELS.get(value, value))
        if table.name == "network_member" and column == "state":
            return str(labels.STATE_LABELS.get(value, value))
        if table.name == "network_member" and column in ("support", "gives"):
            return ", ".join(str(labels.SUPPORT_LABELS.get(v, v)) for v in value)
        if table.name == "network_snapshot" and column == "graph":
            names = [n.get("name") for n in value.get("nodes", []) if n.get("kind") == "member"]
            return ", ".join(str(n) for n in names) or EMPTY
        if isinstance(value, list):
            return ", ".join(str(v) for v in value)
        if isinstance(value, dict):
            return ", ".join(f"{k}: {v}" for k, v in value.items())
        return self._moment(table, column, value)

    @staticmethod
    def _moment(table: Table, column: str, value: Any) -> str:
        kind = table.c[column].type.python_type if column in table.c else str
        if kind is datetime:
            return format_datetime(datetime.fromisoformat(value), "d MMMM yyyy, HH:mm")
        if kind is date:
            return format_date(date.fromisoformat(value), "d MMMM yyyy")
        if kind is time:
            return value[:5]
        return str(value)


def sections(db: Session, resident: Resident, data: dict) -> list[dict]:
    """Per table with rows: its title and, per row, (label, words) for every field."""
    words = Words(db, resident)
    result = []
    for table in resident_export.exported_tables():
        rows = data["tabellen"].get(table.name) or []
        if not rows:
            continue
        fields = resident_export.FIELD_LABELS[table.name]
        result.append({
            "title": gettext(resident_export.TABLE_TITLES[table.name]),
            "rows": [_filled_and_empty([(gettext(label), words(table, column, row.get(column)))
                                        for column, label in fields.items()]) for row in rows],
        })
    return result


def _filled_and_empty(pairs: list[tuple[str, str]]) -> dict:
    """The fields with a value, and the names of those without one (shorter to read, and
    still every field is named)."""
    return {"filled": [(label, value) for label, value in pairs if value != EMPTY],
            "empty": [label for label, value in pairs if value == EMPTY]}


def render(db: Session, resident: Resident, data: dict, base_url: str) -> bytes:
    """The PDF (needs a request context: templates, dates in the user's language)."""
    html = render_template(
        "privacy/export_print.html", resident=resident, sections=sections(db, resident, data),
        log=data["logboek"], today=format_date(date.today(), "d MMMM yyyy"),
        when=lambda iso: format_datetime(datetime.fromisoformat(iso), "d MMM yyyy, HH:mm"),
    )
    return render_pdf(html, base_url)
