"""``sns demo``: the demo team, coach and resident (idempotent)."""

from __future__ import annotations

import click

from sns.cli import session_scope


@click.command("demo")
def load_demo() -> None:
    """Laad de demo-bewoner met een netwerk (kan vaker: voegt niets dubbel toe)."""
    from sns.demo import seed as demo
    from sns.settings import instance_path

    with session_scope() as db:
        login = demo.load_demo(db, instance_path())
    click.echo(
        f"Demo klaar. Inloggen met gebruikersnaam '{login.username}' "
        f"en wachtwoord '{login.password}'."
    )
