"""``sns serve``: the app on a production server: Gunicorn worker processes where it can run,
else Waitress (see web.core.serving); and the daily retention purge beside it."""

from __future__ import annotations

import click


@click.command("serve")
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
    from sns.privacy.retention_schedule import start_daily_purge
    from web import create_app
    from web.core import serving

    workers = workers or serving.default_workers()
    start_daily_purge()  # the retention period, once a day (as `sns purge`), in this process
    try:
        if workers > 1 and serving.gunicorn_available():
            serving.run_gunicorn(create_app, host, port, workers, threads)
        else:
            if workers > 1:
                click.echo("Gunicorn kan hier niet draaien: Waitress met een proces.", err=True)
            serving.run_waitress(create_app(), host, port, threads)
    finally:  # Gunicorn ends with sys.exit(0)
        click.echo("sns is gestopt.")
