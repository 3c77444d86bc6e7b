"""Right of access and portability (AVG art. 15 and 20): everything stored about a resident.

:func:`collect` reads every column of every row that belongs to the resident (the tables
come from the models' metadata, as in :mod:`sns.privacy.erasure`, so a new table or column is in the
export without anyone remembering it) plus their access log. :func:`to_zip` makes the
machine-readable download: ``alles.json`` and the network as ``netwerk.graphml``.
The readable PDF in B1 Dutch is made in the web layer from the same data and the labels in
:data:`TABLE_TITLES` and :data:`FIELD_LABELS` (a test checks every column has one).
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from graph.files.graphml import write_graphml
from graph.schema import SECTORS
from sns.i18n import N_
from sns.models import Resident
from sns.network.graphs import to_graph
from sns.privacy import access_log
from sns.privacy.erasure import resident_tables

#: Columns that only link rows together; in the JSON, not spelled out in the PDF.
TECHNICAL = {"id", "resident_id", "version", "network_version", "team_id"}

#: Per table, in the order of the PDF: its title for the resident.
TABLE_TITLES = {
    "resident": N_("Uw gegevens"),
    "consent": N_("Uw toestemming"),
    "assignment": N_("Uw coaches"),
    "phase_change": N_("Uw traject"),
    "life_domain_entry": N_("Uw leefgebieden"),
    "network_member": N_("De mensen in uw netwerk"),
    "tie": N_("Wie kent wie"),
    "network_snapshot": N_("Opgeslagen momenten van uw netwerk"),
    "network_change": N_("Wijzigingen aan de kaart die nog ongedaan kunnen worden"),
    "meeting": N_("Uw netwerkberaad"),
    "invitee": N_("Wie er was uitgenodigd"),
    "offer": N_("Wie wil wat doen"),
    "action": N_("Uw plan"),
    "performer": N_("Wie een actie doet"),
    "review": N_("Evaluaties"),
    "resident_topic": N_("Wat u wilt bespreken"),
    "personal_code": N_("Uw eigen code"),
}

#: Per table and column: the words for the resident. ``TECHNICAL`` columns need none.
FIELD_LABELS: dict[str, dict[str, str]] = {
    "resident": {"name": N_("Naam"), "hulpvraag": N_("Uw hulpvraag"),
                 "wishes": N_("Wensen"), "talents": N_("Talenten"),
                 "contact": N_("Contact"), "phase": N_("Fase"),
                 "plan_due": N_("Plan klaar vóór"), "next_review": N_("Volgende evaluatie"),
                 "created_at": N_("Aangemaakt op"), "updated_at": N_("Laatst gewijzigd")},
    "consent": {"kind": N_("Waarvoor"), "given_at": N_("Gegeven op"),
                "given_by": N_("Vastgelegd door"), "withdrawn_at": N_("Ingetrokken op"),
                "withdrawn_by": N_("Ingetrokken bij")},
    "assignment": {"coach_id": N_("Coach"), "created_at": N_("Sinds")},
    "phase_change": {"phase": N_("Fase"), "at": N_("Op"), "coach_id": N_("Door")},
    "life_domain_entry": {"domain": N_("Leefgebied"), "current": N_("Hoe het nu gaat"),
                          "desired": N_("Hoe u het wilt"), "score": N_("Cijfer"),
                          "created_at": N_("Aangemaakt op"),
                          "updated_at": N_("Laatst gewijzigd")},
    "network_member": {"name": N_("Naam"), "sector": N_("Groep"), "circle": N_("Cirkel"),
                       "support": N_("Helpt met"), "reciprocal": N_("U helpt ook terug"),
                       "gives": N_("U helpt met"), "state": N_("Staat op de kaart als"),
                       "frequency": N_("Hoe vaak contact"), "quality": N_("Relatie"),
                       "willing": N_("Wil graag doen"), "talents": N_("Talenten"),
                       "note": N_("Notitie"), "can_think_along": N_("Kan meedenken"),
                       "in_actieteam": N_("In het actieteam"),
                       "archived_at": N_("Van de kaart gehaald op"),
                       "created_at": N_("Aangemaakt op"), "updated_at": N_("Laatst gewijzigd")},
    "tie": {"a_id": N_("Persoon"), "b_id": N_("kent"), "quality": N_("Relatie"),
            "note": N_("Notitie")},
    "network_snapshot": {"label": N_("Moment"), "taken_at": N_("Opgeslagen op"),
                         "coach_id": N_("Door"), "graph": N_("Wie er toen op de kaart stond"),
                         "figures": N_("De cijfers van dat moment (zonder namen)")},
    "network_change": {"coach_id": N_("Door"), "created_at": N_("Op"),
                       "action": N_("Wat er gebeurde"), "before": N_("Hoe het was"),
                       "after": N_("Hoe het werd"), "undone_at": N_("Ongedaan gemaakt op")},
    "meeting": {"on_date": N_("Datum"), "at_time": N_("Tijd"), "place": N_("Plaats"),
                "agenda": N_("Agenda"), "invitation": N_("Uitnodiging"),
                "held": N_("Gehouden"), "agreements": N_("Afspraken"), "notes": N_("Notities"),
                "invitee_text": N_("Uw vraag aan de genodigden"),
                "reply_phone": N_("Telefoonnummer in de brief"),
                "followup_done_on": N_("Nagebeld op"),
                "followup_note": N_("Notitie bij het nabellen"),
                "created_at": N_("Aangemaakt op"), "updated_at": N_("Laatst gewijzigd")},
    "invitee": {"meeting_id": N_("Netwerkberaad"), "member_id": N_("Wie"),
                "attended": N_("Was er"), "salutation": N_("Aanhef in de brief")},
    "offer": {"meeting_id": N_("Netwerkberaad"), "member_id": N_("Wie"),
              "what": N_("Wat"), "domain": N_("Leefgebied"),
              "taken_up_on": N_("In het plan gezet op")},
    "action": {"what": N_("Wat"), "domain": N_("Leefgebied"), "due": N_("Wanneer"),
               "how_often": N_("Hoe vaak"),
               "status": N_("Hoe staat het"), "professional": N_("Hulpverlener"),
               "created_at": N_("Aangemaakt op"), "updated_at": N_("Laatst gewijzigd")},
    "performer": {"action_id": N_("Actie"), "member_id": N_("Wie")},
    "review": {"held_on": N_("Datum"), "notes": N_("Notities"),
               "snapshot_id": N_("Moment"), "progress": N_("Hoe de acties stonden"),
               "scores": N_("Cijfers per leefgebied"),
               "ongoing": N_("Gebeurt het nog (doorlopende acties)"),
               "created_at": N_("Aangemaakt op"), "updated_at": N_("Laatst gewijzigd")},
    "resident_topic": {"text": N_("Wat"), "created_at": N_("Geschreven op")},
    "personal_code": {"purpose": N_("Waarvoor"),
                      "code_hash": N_("Controlegetal (niet de code zelf)"),
                      "created_at": N_("Gemaakt op"), "created_by": N_("Gemaakt door"),
                      "expires_at": N_("Werkt tot")},
}


def exported_tables() -> list[Table]:
    """The resident's own row's table first, then every table of their rows."""
    tables = [t for t in resident_tables() if t.name != "resident"]
    resident = Resident.__table__
    return [resident, *sorted(tables, key=lambda t: list(TABLE_TITLES).index(t.name)
                              if t.name in TABLE_TITLES else len(TABLE_TITLES))]


def jsonable(value: Any) -> Any:
    """A stored value as JSON: dates and times as ISO 8601 text, the rest as it is."""
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return value


def _rows(db: Session, table: Table, resident_id: int) -> list[dict[str, Any]]:
    where = table.c.id == resident_id if table.name == "resident" else \
        table.c.resident_id == resident_id
    order = [c for c in table.primary_key.columns]
    return [{key: jsonable(value) for key, value in row.items()}
            for row in db.execute(select(table).where(where).order_by(*order)).mappings()]


def collect(db: Session, resident: Resident) -> dict[str, Any]:
    """Everything stored about ``resident``: every row of every table, and the access log."""
    return {
        "bewoner": resident.id,
        "gemaakt_op": jsonable(datetime.now().astimezone()),
        "tabellen": {t.name: _rows(db, t, resident.id) for t in exported_tables()},
        "logboek": [
            {"tijd": jsonable(line.event.at), "wie": line.who, "actie": line.event.action,
             "in_woorden": access_log.action_words(line.event.action),
             "details": line.event.detail}  # the coach's address is not the resident's
            for line in access_log.of_resident(db, resident.id)
        ],
    }


README = """Alles wat wij van u bewaren
===========================

alles.json       alle gegevens die over u zijn opgeslagen, per tabel, en wie uw
                 gegevens heeft bekeken of gewijzigd (logboek)
netwerk.graphml  uw netwerk, te openen met programma's voor netwerken (zoals Gephi)
"""


def to_zip(db: Session, resident: Resident, data: dict[str, Any] | None = None,
           sectors=SECTORS) -> bytes:
    """The machine-readable download: ``alles.json``, ``netwerk.graphml`` and a read-me."""
    data = data if data is not None else collect(db, resident)
    graphml = io.BytesIO()
    write_graphml(to_graph(db, resident, sectors), graphml)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("alles.json", json.dumps(data, ensure_ascii=False, indent=2))
        archive.writestr("netwerk.graphml", graphml.getvalue())
        archive.writestr("leesmij.txt", README)
    return buffer.getvalue()
