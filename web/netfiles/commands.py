"""``sns export`` and ``sns import``: a resident's network to a file and a file into a
resident, on the server (operator commands: no per-coach check, as ``sns print``).

Both run inside the app (the configured sectors, the same export and import code as the
web pages); the export is audited like the download, the import like the upload.
"""

from __future__ import annotations

from pathlib import Path

import click

from graph.files.exports import EXPORTS
from sns import files as command_files


@click.command("export")
@click.argument("resident_id", type=int)
@click.option("--format", "fmt", type=click.Choice(sorted(EXPORTS)), default="graphml",
              show_default=True, help="graphml en gexf voor Gephi/igraph, csv (ZIP) voor R, json.")
@click.option("-o", "--output", required=True, help="Het bestand dat wordt geschreven.",
              type=click.Path(dir_okay=False, writable=True, path_type=Path))
@click.option("--namen", type=click.Choice(["volledig", "voornaam", "initialen"]),
              default="volledig", show_default=True,
              help="Namen voluit, alleen voornamen of alleen initialen (privacy).")
def export_network(resident_id: int, fmt: str, output: Path, namen: str) -> None:
    """Schrijf het netwerk van bewoner RESIDENT_ID naar een bestand."""
    from sns.models import Resident
    from web import create_app
    from web.core import labels
    from web.core.database import get_db
    from web.netfiles.exporting import export_file

    command_files.refuse_existing(output)  # before the work; writing is the guard
    app = create_app()
    try:
        with app.app_context():
            db = get_db()
            resident = db.get(Resident, resident_id)
            if resident is None:
                raise click.ClickException(f"Bewoner {resident_id} bestaat niet.")
            exported = export_file(db, None, resident, fmt, namen, labels.sectors())
            db.commit()
    finally:
        app.extensions["sns_engine"].dispose()
    command_files.write_private(output, exported.content)
    click.echo(f"{output} is geschreven ({fmt}, {len(exported.content) // 1024 + 1} KiB).")


@click.command("import")
@click.argument("files", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--resident", "resident_id", type=int, default=None,
              help="Voeg de mensen toe aan de kaart van deze bewoner.")
@click.option("--new", "new_name", default=None, help="Maak een nieuwe bewoner met deze naam.")
@click.option("--coach", "coach_name", default=None,
              help="Bij --new: de gebruikersnaam van de coach die de bewoner krijgt.")
@click.option("--ego", default=None, help="De knoop in het bestand die de bewoner is.")
@click.option("--dry-run", is_flag=True, help="Laat alleen zien wat er ingelezen zou worden.")
def import_network(files: tuple[Path, ...], resident_id: int | None, new_name: str | None,
                   coach_name: str | None, ego: str | None, dry_run: bool) -> None:
    """Lees een netwerk in uit FILES (GraphML, GEXF, JSON, CSV van egor of Network Canvas,
    of een ZIP daarvan) bij een bestaande of een nieuwe bewoner."""
    if (resident_id is None) == (new_name is None):
        raise click.UsageError("Geef --resident ID of --new NAAM (precies één van de twee).")
    if new_name is not None and coach_name is None and not dry_run:
        raise click.UsageError("Geef bij --new ook --coach GEBRUIKERSNAAM.")
    from sqlalchemy import select

    from graph.files import MAX_BYTES, GraphFileError, read_limited
    from graph.files.importing import read_network_files
    from sns.errors import DomainError
    from sns.models import Coach, Resident
    from sns.network import importing
    from sns.residents import caseload as residents
    from web import create_app
    from web.core import labels
    from web.core.database import get_db

    for path in files:
        command_files.require_regular(path)  # a named pipe would never end
    app = create_app()
    try:
        with app.test_request_context("/"):  # the preview's words need a language
            try:
                content = {p.name: read_limited(p, MAX_BYTES) for p in files}
                imported = read_network_files(content, ego=ego, sectors=labels.sectors())
            except GraphFileError as err:
                raise click.ClickException(str(err)) from err
            click.echo(_preview(imported))
            if dry_run:
                click.echo("Niets ingelezen (--dry-run).")
                return
            db = get_db()
            try:
                if new_name is not None:
                    coach = db.scalar(select(Coach).where(Coach.username == coach_name))
                    if coach is None:
                        raise click.ClickException(f"Er is geen account '{coach_name}'.")
                    resident = residents.create_resident(db, coach, new_name)
                else:
                    resident = db.get(Resident, resident_id)
                    if resident is None:
                        raise click.ClickException(f"Bewoner {resident_id} bestaat niet.")
                count = importing.store_import(db, None, resident, imported, labels.sectors())
            except DomainError as err:
                db.rollback()
                raise click.ClickException(err.message) from err
            db.commit()
            click.echo(f"{count} mensen staan op de kaart van bewoner {resident.id} "
                       f"({resident.name}).")
    finally:
        app.extensions["sns_engine"].dispose()


def _preview(imported) -> str:
    from graph.attributes import member_nodes, member_ties
    from sns.scan.report import resident_line
    from web.netfiles.words import place_label, use_label

    G = imported.graph
    lines = [f"Bestand: {', '.join(imported.files)} ({imported.format})",
             resident_line(imported.resident_node, imported.resident_rule),
             f"{len(member_nodes(G))} mensen, {len(member_ties(G))} lijnen tussen hen.",
             *imported.notes, "Velden:"]
    for use in imported.fields:
        lines.append(f"  {use.field} ({place_label(use.on)}) -> {use_label(use)}")
    return "\n".join(lines)
