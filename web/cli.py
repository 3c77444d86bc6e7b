"""The ``sns`` console script: the domain's commands (sns.cli) plus the ones that need the
web application, such as ``serve``."""

from __future__ import annotations

import os
from pathlib import Path

import click

from sns.cli import cli


@cli.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--workers", type=click.IntRange(1, 64), default=None,
              help="Zoveel processen (standaard: een per processorkern). Met meer dan een: "
                   "Gunicorn; waar dat niet kan (Windows): Waitress met een proces.")
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 64),
              help="Zoveel verzoeken tegelijk per proces.")
def serve(host: str, port: int, workers: int | None, threads: int) -> None:
    """Start de app met een echte webserver (laptop of teamserver; zet er voor internet
    een HTTPS-proxy voor)."""
    from web import create_app, serving

    workers = workers or serving.default_workers()
    try:
        if workers > 1 and serving.gunicorn_available():
            serving.run_gunicorn(create_app, host, port, workers, threads)
        else:
            if workers > 1:
                click.echo("Gunicorn kan hier niet draaien: Waitress met een proces.", err=True)
            serving.run_waitress(create_app(), host, port, threads)
    finally:  # Gunicorn ends with sys.exit(0)
        click.echo("sns is gestopt.")


@cli.command("print")
@click.argument("resident_id", type=int)
@click.option("-o", "--output", required=True, help="Het PDF-bestand dat wordt geschreven.",
              type=click.Path(dir_okay=False, writable=True, path_type=Path))
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
    from sns.network import to_graph
    from web import create_app, labels
    from web.database import get_db
    from web.printing import documents

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
    # Personal data: a new file is readable by its owner only.
    with os.fdopen(os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as f:
        f.write(pdf)
    click.echo(f"{output} is geschreven ({len(pdf) // 1024 + 1} KiB).")


def main() -> None:
    cli()
