"""``sns print``: the take-home PDF of a resident, written by the operator on the server."""

from __future__ import annotations

from pathlib import Path

import click

from sns import files


@click.command("print")
@click.argument("resident_id", type=int)
@click.option("-o", "--output", required=True,
              help="Het nieuwe PDF-bestand (alleen leesbaar voor u). Bestaat het al, of is "
                   "het een symbolische link, dan stopt het commando en blijft het bestand "
                   "zoals het was.",
              type=click.Path(dir_okay=False, path_type=Path))
@click.option("--namen", type=click.Choice(["volledig", "voornaam", "initialen"]),
              default="volledig", show_default=True,
              help="Namen voluit, alleen voornamen of alleen initialen (privacy).")
@click.option("--formaat", type=click.Choice(["a4", "a3"]), default="a4", show_default=True,
              help="Papier voor de netwerkkaart.")
def print_bundle(resident_id: int, output: Path, namen: str, formaat: str) -> None:
    """Schrijf de PDF om mee te nemen (netwerkkaart en 'Mijn netwerk') van bewoner
    RESIDENT_ID.

    Dit is een beheerderscommando op de server: wie de database kan bereiken, mag elke
    bewoner afdrukken; er is hier geen controle per coach zoals in de app.
    """
    from flask import request

    from sns.models import Resident
    from sns.network.graphs import to_graph
    from web import create_app
    from web.core import labels
    from web.core.database import get_db
    from web.printing import documents

    files.refuse_existing(output)  # before a second of rendering; writing is the guard
    app = create_app()
    try:
        with app.test_request_context("/"):  # url_for, the language and dates need one
            db = get_db()
            resident = db.get(Resident, resident_id)
            if resident is None:
                raise click.ClickException(f"Bewoner {resident_id} bestaat niet.")
            options = documents.options_from({"formaat": formaat, "namen": namen})
            printout = documents.printout(resident, to_graph(db, resident, labels.sectors()),
                                          options)
            pdf = documents.render_document(documents.DOCUMENTS["meenemen"], printout,
                                            base_url=request.url_root)
    finally:
        app.extensions["sns_engine"].dispose()
    files.write_private(output, pdf)
    click.echo(f"{output} is geschreven ({len(pdf) // 1024 + 1} KiB).")
