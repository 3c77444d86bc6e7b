"""The ``sns`` console script: the domain's commands (sns.cli) plus the ones that need the
web application, such as ``serve``."""

from __future__ import annotations

import click

from sns.cli import cli


@cli.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
def serve(host: str, port: int) -> None:
    """Start de app (voor een laptop of een klein team; zet er voor internet HTTPS voor)."""
    from web import create_app

    app = create_app()
    click.echo(f"sns draait op http://{host}:{port}/  (stoppen: Ctrl+C)")
    app.run(host=host, port=port, debug=False, threaded=True, load_dotenv=False)


def main() -> None:
    cli()
