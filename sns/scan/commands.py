"""``sns scan``: the strength scan of a stored resident or of a GraphML file.

The file scan imports only :mod:`graph` (NetworkX); the stored scan imports the database
layer inside its branch, so ``sns scan --graphml FILE`` starts in the time NetworkX takes.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from graph.files.graphml import GraphFileError, read_graphml_raw, resident_of, to_schema
from graph.findings import findings
from graph.metrics import scan
from graph.schema import EGO
from sns import files, i18n
from sns.cli import session_scope
from sns.scan import words as scan_words
from sns.scan.report import format_report


@click.command("scan")
@click.argument("resident_id", type=int, required=False)
@click.option(
    "--graphml",
    "graphml",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Scan het netwerk uit dit GraphML-bestand in plaats van een bewoner.",
)
@click.option("--json", "as_json", is_flag=True, help="Geef het resultaat als JSON.")
@click.option("--lang", type=click.Choice(i18n.LANGUAGES), default="nl", show_default=True,
              help="Taal van het rapport en de bevindingen.")
def scan_network(resident_id: int | None, graphml: Path | None, as_json: bool,
                 lang: str) -> None:
    """Netwerkscan ("Hoe sterk is mijn netwerk?") van bewoner RESIDENT_ID of van een
    GraphML-bestand.

    Dit is een beheerderscommando op de server: wie de database kan bereiken, mag elke
    bewoner scannen; er is hier geen controle per coach zoals in de app.
    """
    if (resident_id is None) == (graphml is None):
        raise click.UsageError(
            "Geef een bewonernummer of --graphml BESTAND (precies één van de twee)."
        )
    if graphml is not None:
        files.require_regular(graphml)  # a FIFO or a device would hang or never end
        try:
            raw = read_graphml_raw(graphml)
            file_ego = resident_of(raw)  # the report names the node taken as the resident
            G = to_schema(raw)
        except GraphFileError as err:
            raise click.ClickException(str(err)) from err
        name = G.nodes[EGO].get("name")
    else:
        file_ego = None
        from sns.models import Resident
        from sns.network.graphs import to_graph

        with session_scope() as db:
            resident = db.get(Resident, resident_id)
            if resident is None:
                raise click.ClickException(f"Bewoner {resident_id} bestaat niet.")
            G = to_graph(db, resident)
            name = resident.name
    result = scan(G)
    found = findings(G, result)
    lines = scan_words.phrase_all(found, i18n.translations(lang))
    names = {n: G.nodes[n].get("name") or str(n) for n in G if n != EGO}
    if as_json:
        data = {"resident": name, "scan": result.to_dict(), "names": names,
                "findings": [{**f.to_dict(), "text": text}
                             for f, text in zip(found, lines, strict=True)]}
        if file_ego:
            data["resident_node"], data["resident_found_by"] = file_ego
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(format_report(name, result, lines, names=names, file_ego=file_ego,
                                 lang=lang))
