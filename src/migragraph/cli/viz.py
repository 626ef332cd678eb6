"""`migragraph viz DIR -o page.html`: the offline, interactive page of the graph (visualise/page.py)."""

from __future__ import annotations

from pathlib import Path

import click

from migragraph.analyse import Window
from migragraph.cli.analyse import window_options
from migragraph.cli.main import cli
from migragraph.lines import printable
from migragraph.store.graphstore import GraphStore
from migragraph.visualise.network import MAX_NODES
from migragraph.visualise.page import draw


@cli.command("viz")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--focus", metavar="ACTOR", help="Draw only what lies around ACTOR (any of its labels).")
@click.option("--depth", type=click.IntRange(min=1), default=2, show_default=True,
              help="Steps from the --focus actor (a meeting is one step, its other participants two).")
@window_options
@click.option("--max-nodes", type=click.IntRange(min=1), default=MAX_NODES, show_default=True,
              help="Beyond this many, draw the best connected only (the page says so).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The HTML page to write.")
def viz_command(directory: Path, focus: str | None, depth: int, since: str | None, until: str | None,
                max_nodes: int, output: Path) -> None:
    """Write an offline, interactive HTML page of the graph stored in DIRECTORY."""
    window = Window(since, until)
    with GraphStore(directory / "store", read_only=True) as store:
        drawn = draw(store, output, window=window, focus=focus, depth=depth, max_nodes=max_nodes)
    click.echo(printable(f"wrote {output} ({drawn.nodes} entities, {drawn.edges} relations)"))
    if drawn.note:
        click.echo(printable(f"note: {drawn.note}"), err=True)
