"""One export of a resident's network: the file's bytes, its name and the audit event, the
same for the download and for ``sns export``.

Names are exported as stored; with the privacy option (``namen=voornaam`` or
``initialen``, as on the print page) every name in the file is the printed form
(:func:`web.printing.documents.printable_graph`). The file name never holds the resident's
name. Every export is audited as ``network.export`` with the format and the name option.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from graph.files.exports import EXPORTS
from graph.schema import SECTORS
from sns import audit
from sns.models import Coach, Resident
from sns.network import graphs as network
from web.printing.documents import NAME_OPTIONS, printable_graph

__all__ = ["ExportFile", "export_file"]


@dataclass(frozen=True)
class ExportFile:
    filename: str
    mimetype: str
    content: bytes


def export_file(db: Session, actor: Coach | None, resident: Resident, fmt: str,
                names: str = "volledig", sectors=SECTORS) -> ExportFile:
    """The resident's network in format ``fmt`` (a key of :data:`graph.files.exports.EXPORTS`).

    ``names`` is one of the print options (volledig, voornaam, initialen). Raises KeyError
    for an unknown format or name option.
    """
    export = EXPORTS[fmt]
    style = NAME_OPTIONS[names]
    G = network.to_graph(db, resident, sectors)
    if style != "full":
        G = printable_graph(G, style)
    content = export.write(G)
    audit.record(db, actor, "network.export", resident_id=resident.id, detail=f"{fmt} {names}")
    return ExportFile(f"netwerk-{resident.id}.{export.extension}", export.mimetype, content)
