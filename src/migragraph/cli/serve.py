"""`migragraph serve DIR`: the built store as linked data and a SPARQL endpoint (see serve/site.py).

Registered on the `migragraph` group by the import at the end of cli/main.py; the server's own modules
are imported only when the command runs, so the other commands do not pay for them.
"""

from __future__ import annotations

import os
from pathlib import Path

import click

from migragraph.cli.main import Fatal, cli, size_option
from migragraph.limits import DEFAULT_MEMORY, DEFAULT_RESULT_BYTES, show_size
from migragraph.lines import printable
from migragraph.pipeline import load_summary
from migragraph.store.locate import EMBEDDED, recorded_store


@cli.command("serve")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on; 0 picks a free one (the URL is printed).")
@click.option("--base-iri", help="Base of the entity IRIs served  [default: the one DIR was built with]")
@click.option("--write-token", envvar="MIGRAGRAPH_WRITE_TOKEN",
              help="Token an update must present (Authorization: Bearer). Updates are not implemented: "
                   "with or without it they are refused (403); the message tells which case applies.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=10.0, show_default=True,
              help="Seconds a query may run before it is stopped (503).")
@click.option("--max-results", type=click.IntRange(min=1), default=10000, show_default=True,
              help="Rows (or triples) a result may hold; a larger one is refused with a hint to page.")
@click.option("--max-result-bytes", metavar="SIZE", default=str(DEFAULT_RESULT_BYTES), callback=size_option,
              show_default=show_size(DEFAULT_RESULT_BYTES),
              help="Bytes a result may hold (besides --max-results); a larger one is refused with a hint.")
@click.option("--memory-limit", metavar="SIZE", default=str(DEFAULT_MEMORY), callback=size_option,
              show_default=show_size(DEFAULT_MEMORY),
              help="Address space of each query worker (2G, 512M); a query that needs more is stopped (503).")
@click.option("--allow-service", is_flag=True,
              help="Run federated queries (SERVICE), which make this server fetch other URLs.")
@click.option("--workers", type=click.IntRange(min=1), default=os.cpu_count() or 2, show_default=True,
              help="Query worker processes (each opens the store read-only).")
@click.option("--trusted-proxy", "trusted_proxies", multiple=True, metavar="ADDRESS",
              help="A reverse proxy (an address or a network, e.g. 10.0.0.0/8) whose X-Forwarded-Host and "
                   "X-Forwarded-Proto are believed; from others they are ignored. Repeat for several.")
@click.option("--public-base", metavar="URL",
              help="The URL this site is published at (https://example.org/migragraph/): answers that "
                   "name the site's own URLs (VoID) use it whatever a request's headers say.")
def serve_command(directory: Path, host: str, port: int, base_iri: str | None, write_token: str | None,
                  timeout: float, max_results: int, max_result_bytes: int, memory_limit: int,
                  allow_service: bool, workers: int,
                  trusted_proxies: tuple[str, ...], public_base: str | None) -> None:
    """Serve the store built in DIRECTORY: SPARQL at /sparql, every entity IRI at /id/..., the ontology,
    VoID and a home page with search. Read-only; stops on Ctrl-C or SIGTERM."""
    from migragraph.serve.http import Server, make_handler, run
    from migragraph.serve.origin import Origins, parse_networks, parse_public_base
    from migragraph.serve.site import Site
    from migragraph.serve.workers import Limits

    summary = load_summary(directory)
    store = directory / "store"
    if recorded_store(directory) != EMBEDDED or not store.is_dir():  # an endpoint serves itself
        raise Fatal(f"{directory} holds no embedded store ({store}); this build's store is "
                    f"{summary.get('store') or 'missing'}: `migragraph serve` serves embedded stores")
    try:
        published = parse_public_base(public_base) if public_base else None
        origins = Origins(parse_networks(trusted_proxies), published)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None
    try:
        limits = Limits(timeout, max_results, allow_service, memory_limit, max_result_bytes)
        base = base_iri or summary.get("base") or ""
        site = Site(directory, base, limits, workers, write_token, origins)
    except (ValueError, RuntimeError) as exc:
        raise Fatal(str(exc)) from None
    try:
        server = Server((host, port), make_handler(site.handle))
    except OSError as exc:
        site.close()
        raise Fatal(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    click.echo(printable(f"serving {directory} at http://{host}:{server.server_port}/ "
                         f"({workers} query worker(s), {timeout:g} s per query; Ctrl-C stops)"))
    if write_token:
        click.echo("note: --write-token is set, but updates are not implemented: they are all refused (403)",
                   err=True)
    run(server, site.close)
