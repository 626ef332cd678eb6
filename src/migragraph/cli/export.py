"""`migragraph export DIR --format ttl|trig|nq|jsonld [-o FILE]`: the whole graph in a standard format."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from migragraph.cli.main import cli
from migragraph.lines import printable
from migragraph.map.prefixes import prefixes
from migragraph.pipeline import built_base
from migragraph.store.export import EXPORT_FORMATS, export
from migragraph.store.files import write_atomic
from migragraph.store.graphstore import GraphStore


@cli.command("export")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("-f", "--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="trig", show_default=True,
              help="trig, nq or jsonld: every named graph; ttl: their union (Turtle has no graphs).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("-"),
              show_default=True, help="The file to write; '-' is stdout.")
@click.option("--store", "store_spec", metavar="STORE",
              help="oxigraph, memory or an endpoint URL; default: what DIRECTORY was built into.")
def export_command(directory: Path, fmt: str, output: Path, store_spec: str | None) -> None:
    """Write the graph stored in DIRECTORY in a standard RDF format, with the project's prefixes
    (JSON-LD: as its @context, so IRIs read as organisation:iom, org:Post ...)."""
    names = prefixes(built_base(directory))
    with GraphStore.open(directory, store_spec, read_only=True) as store:
        if str(output) == "-":
            sys.stdout.flush()
            export(store, fmt, sys.stdout.buffer, names)
            sys.stdout.buffer.flush()
        else:
            write_atomic(output, lambda handle: export(store, fmt, handle, names))
            click.echo(printable(f"wrote {output}"), err=True)
