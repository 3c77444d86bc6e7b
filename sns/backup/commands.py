"""``sns backup FILE`` and ``sns restore FILE``: the command line of :mod:`sns.backup.archive`."""

from __future__ import annotations

from pathlib import Path

import click

from sns.backup import archive as backups
from sns.settings import database_url

_FILE = click.Path(dir_okay=False, path_type=Path)


def _summary(counts: dict[str, int]) -> str:
    people = {"resident": "bewoners", "network_member": "netwerkleden", "coach": "accounts"}
    parts = [f"{counts.get(table, 0)} {word}" for table, word in people.items()]
    return f"{', '.join(parts)}; {sum(counts.values())} rijen in {len(counts)} tabellen"


@click.command("backup")
@click.argument("file", type=_FILE)
def backup_command(file: Path) -> None:
    """Maak een back-up van de hele database in FILE (mag terwijl de app draait).

    Het bestand bevat persoonsgegevens: versleutel het en bewaar het buiten deze machine
    (zie README, "Back-up en terugzetten").
    """
    try:
        counts = backups.backup(database_url(), file)
    except backups.BackupError as err:
        raise click.ClickException(str(err)) from err
    click.echo(f"Back-up geschreven naar {file} ({_summary(counts)}).")


@click.command("restore")
@click.argument("file", type=_FILE)
def restore_command(file: Path) -> None:
    """Zet de back-up FILE terug in een nieuwe, lege database (DATABASE_URL).

    Een database waar al gegevens in staan, wordt geweigerd. Daarna worden de rijen per
    tabel geteld en vergeleken met de back-up.
    """
    try:
        counts = backups.restore(database_url(), file)
    except backups.BackupError as err:
        raise click.ClickException(str(err)) from err
    click.echo(f"Teruggezet en gecontroleerd: {_summary(counts)}. "
               "Draai daarna 'sns db upgrade' als deze versie van sns nieuwer is.")

