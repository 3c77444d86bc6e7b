"""The ``sns`` console script: the domain's commands (sns.cli) plus the ones that need the
web application, such as ``serve``."""

from __future__ import annotations

import os
from pathlib import Path

import click

from sns.cli import cli
from web import privacy_cli


@cli.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 64),
              help="Zoveel verzoeken tegelijk.")
def serve(host: str, port: int, threads: int) -> None:
    """Start de app met de webserver Waitress (laptop of teamserver; zet er voor internet
    een HTTPS-proxy voor)."""
    import waitress

    from web import create_app
    from web.limits import server_body_limit

    app = create_app()
    server = waitress.create_server(app, host=host, port=port, threads=threads, ident="sns",
                                    max_request_body_size=server_body_limit(app))
    # The bound address: with --port 0 the system picks a free port.
    click.echo(f"sns draait op http://{server.effective_host}:{server.effective_port}/  "
               "(stoppen: Ctrl+C)")
    from sns.retention_schedule import start_daily_purge
    start_daily_purge()  # the retention period, once a day (as `sns purge`)
    server.run()  # until Ctrl+C (SIGINT), which Waitress turns into a clean shutdown
    click.echo("sns is gestopt.")


@cli.command("print")
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
    from sns.network import to_graph
    from web import create_app, labels
    from web.database import get_db
    from web.printing import documents

    _refuse_existing(output)  # before a second of rendering; the open below is the guard
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
    # Personal data: always a new file, readable by its owner only; never through a link.
    try:
        fd = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    except FileExistsError as err:  # it appeared while the PDF was being made
        raise _exists(output) from err
    with os.fdopen(fd, "wb") as f:
        f.write(pdf)
    click.echo(f"{output} is geschreven ({len(pdf) // 1024 + 1} KiB).")


def _exists(output: Path) -> click.ClickException:
    return click.ClickException(f"{output} bestaat al (of is een link). Kies een nieuwe "
                                "bestandsnaam; een bestaand bestand wordt niet overschreven.")


def _refuse_existing(output: Path) -> None:
    if os.path.lexists(output):
        raise _exists(output)


cli.add_command(privacy_cli.export_resident)
cli.add_command(privacy_cli.purge)
cli.add_command(privacy_cli.audit_group)


def main() -> None:
    cli()
