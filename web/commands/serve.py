"""``sns serve``: the app on Waitress, a production WSGI server."""

from __future__ import annotations

import click


@click.command("serve")
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
