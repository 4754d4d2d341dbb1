"""``railkit serve``: start the local web application."""

from __future__ import annotations

import click

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@click.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. Loopback by default; others expose the app.",
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
def serve(host: str, port: int) -> None:
    """Start the railkit web application (http://HOST:PORT)."""
    try:
        import uvicorn

        from railkit.web.app import create_app
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise click.UsageError(
            f"the web application needs the 'web' extra (pip install 'railkit[web]'): {exc}"
        ) from None
    if host not in LOOPBACK:
        click.echo(
            f"railkit: warning: listening on {host}, not loopback: anyone who can reach "
            "this address can use the app.",
            err=True,
        )
    click.echo(f"railkit: serving on http://{host}:{port} (Ctrl+C to stop)", err=True)
    uvicorn.run(create_app(), host=host, port=port, log_level="warning")
