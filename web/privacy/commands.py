"""Privacy commands: ``sns export-resident``, ``sns purge`` and ``sns audit verify``.

Operator commands on the server (no per-coach check, like ``sns print``): whoever can reach
the database may run them. Each is audited (export) or leaves a tombstone (purge).
"""

from __future__ import annotations

from pathlib import Path

import click

from sns import audit, files
from sns.db import make_engine, make_sessionmaker
from sns.privacy import retention
from sns.privacy.retention_schedule import purge_now
from sns.settings import database_url


@click.command("export-resident")
@click.argument("resident_id", type=int)
@click.option("-o", "--output", required=True, help="Het ZIP-bestand (JSON en GraphML).",
              type=click.Path(dir_okay=False, writable=True, path_type=Path))
@click.option("--pdf", "pdf_path", default=None, help="Schrijf ook het overzicht als PDF.",
              type=click.Path(dir_okay=False, writable=True, path_type=Path))
def export_resident(resident_id: int, output: Path, pdf_path: Path | None) -> None:
    """Alles wat wij bewaren over bewoner RESIDENT_ID: een ZIP met JSON en GraphML, en
    met --pdf ook het leesbare overzicht."""
    from flask import request

    from sns.models import Resident
    from sns.privacy import export as resident_export
    from web import create_app
    from web.core.database import get_db
    from web.privacy import export_pdf

    for path in (output, pdf_path):  # before the work; writing is the guard
        if path is not None:
            files.refuse_existing(path)
    app = create_app()
    try:
        with app.test_request_context("/"):
            db = get_db()
            resident = db.get(Resident, resident_id)
            if resident is None:
                raise click.ClickException(f"Bewoner {resident_id} bestaat niet.")
            data = resident_export.collect(db, resident)
            archive = resident_export.to_zip(db, resident, data)
            pdf = export_pdf.render(db, resident, data, request.url_root) if pdf_path else None
            audit.record(db, None, "resident.export", resident_id=resident.id,
                         detail="commandoregel")
            db.commit()
    finally:
        app.extensions["sns_engine"].dispose()
    files.write_private(output, archive)
    click.echo(f"{output} is geschreven.")
    if pdf_path and pdf:
        files.write_private(pdf_path, pdf)
        click.echo(f"{pdf_path} is geschreven.")


@click.command("purge")
def purge() -> None:
    """Wis de afgesloten trajecten die langer dan de bewaartermijn (SNS_RETENTION_MONTHS)
    dicht zijn. Een timer of cron kan dit draaien; 'sns serve' doet het ook dagelijks."""
    try:
        months = retention.retention_months()
    except ValueError as err:
        raise click.ClickException("SNS_RETENTION_MONTHS moet een heel getal van minstens "
                                   "1 zijn.") from err
    result = purge_now(months=months)
    click.echo(f"Bewaartermijn {months} maanden: {len(result.erased)} bewoner(s) gewist"
               + (f", {len(result.skipped)} overgeslagen (net gewijzigd)."
                  if result.skipped else "."))


@click.group("audit")
def audit_group() -> None:
    """Het logboek (wie deed wat met welk dossier)."""


@audit_group.command("verify")
def verify() -> None:
    """Controleer of niemand het logboek heeft veranderd (de keten van hashes)."""
    engine = make_engine(database_url())
    try:
        with make_sessionmaker(engine)() as db:
            checked, broken = audit.verify(db)
            last = audit.head_hash(db)
    finally:
        engine.dispose()
    if broken is not None:
        where = f" (rij {broken.event_id})" if broken.event_id else ""
        raise click.ClickException(
            f"Het logboek klopt niet vanaf gebeurtenis {broken.seq}{where}: {broken.reason}. "
            f"De {checked} gebeurtenissen daarvoor kloppen.")
    click.echo(f"Het logboek klopt: {checked} gebeurtenissen, keten ongebroken. "
               f"Laatste hash: {last}")
