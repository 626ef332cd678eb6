"""`migragraph analyse DIR ...` (centrality, communities, path, ego, funding) and
`migragraph network DIR` (a view as GraphML or GEXF). The work is done by migragraph.analyse."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click
import networkx as nx

from migragraph.analyse import (
    Table,
    Window,
    centrality,
    communities,
    ego_table,
    find_actor,
    funding_totals,
    path,
    render,
    to_networkx,
    view,
    write_graph,
)
from migragraph.analyse.export import FORMATS as GRAPH_FORMATS
from migragraph.analyse.graph import ACTORS, KINDS
from migragraph.analyse.measures import MEASURES
from migragraph.analyse.projections import VIEWS
from migragraph.analyse.table import FORMATS
from migragraph.cli.main import cli
from migragraph.lines import printable
from migragraph.store.graphstore import GraphStore

F = TypeVar("F", bound=Callable[..., Any])
TABLE_TOP = 10


def window_options(command: F) -> F:
    """--since and --until, as every network command takes them."""
    command = click.option("--until", metavar="DATE", help="Only what is dated up to DATE (YYYY[-MM[-DD]]).")(
        command)
    return click.option("--since", metavar="DATE", help="Only what is dated from DATE (YYYY[-MM[-DD]]).")(
        command)


def _format(command: F) -> F:
    return click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="table",
                        show_default=True)(command)


def _view(default: str) -> Callable[[F], F]:
    return click.option("--view", "view_name", type=click.Choice(list(VIEWS)), default=default,
                        show_default=True, help="The graph to measure.")


def _emit(table: Table, fmt: str) -> None:
    click.echo(render(table, fmt), nl=False)
    for note in table.notes:
        click.echo(printable(f"note: {note}"), err=True)


@contextmanager
def _opened(directory: Path, since: str | None, until: str | None,
            ) -> Iterator[tuple[GraphStore, nx.MultiDiGraph]]:
    """The store (for the commands that look labels or sentences up) and its full graph in the window."""
    window = Window(since, until)  # checked before the store is opened
    with GraphStore(directory / "store", read_only=True) as store:
        yield store, to_networkx(store, window)


@cli.group("analyse")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.pass_context
def analyse_group(ctx: click.Context, directory: Path) -> None:
    """Measure the network of the graph stored in DIRECTORY: centrality, communities, the path
    between two actors, an actor's ego network, funding totals.

    Actors are named by any of their labels, in any case ("IOM", "European Union")."""
    ctx.obj = directory


@analyse_group.command("centrality")
@_view("full")
@click.option("-m", "--measure", "measures", multiple=True, type=click.Choice(MEASURES),
              help="Measures to compute, the first ranks (default: all three, ranked by degree).")
@click.option("-t", "--type", "types", multiple=True, type=click.Choice(KINDS),
              help="Types of node to list (default: organisation and person).")
@click.option("-n", "--top", type=click.IntRange(min=0),
              help=f"List the first N (0: all; default: {TABLE_TOP} in a table, all in CSV and JSON).")
@click.option("--sample", type=click.IntRange(min=1),
              help="Estimate betweenness from this many nodes (default: exact up to 2000 nodes, then 100).")
@window_options
@_format
@click.pass_obj
def centrality_command(directory: Path, view_name: str, measures: tuple[str, ...], types: tuple[str, ...],
                       top: int | None, sample: int | None, since: str | None, until: str | None,
                       fmt: str) -> None:
    """The most central actors: degree, betweenness and eigenvector centrality."""
    if top is None:  # a terminal shows the head of the ranking; files get all of it
        top = TABLE_TOP if fmt == "table" else 0
    with _opened(directory, since, until) as (_, full):
        graph = view(full, view_name)
    _emit(centrality(graph, measures or MEASURES, types or ACTORS, top or None, sample), fmt)


@analyse_group.command("communities")
@_view("co-participation")
@click.option("--method", type=click.Choice(["louvain", "greedy"]), default="louvain", show_default=True,
              help="Louvain (fixed seed) or greedy modularity.")
@click.option("-n", "--top", type=click.IntRange(min=0), default=0, help="Only the largest N (0: all).")
@window_options
@_format
@click.pass_obj
def communities_command(directory: Path, view_name: str, method: str, top: int, since: str | None,
                        until: str | None, fmt: str) -> None:
    """Groups of actors more linked among themselves than to others, largest first."""
    with _opened(directory, since, until) as (_, full):
        graph = view(full, view_name)
    _emit(communities(graph, method, top or None), fmt)


@analyse_group.command("path")
@click.argument("source")
@click.argument("target")
@window_options
@_format
@click.pass_obj
def path_command(directory: Path, source: str, target: str, since: str | None, until: str | None,
                 fmt: str) -> None:
    """The shortest chain of relations from SOURCE to TARGET, with the release and sentence of each step."""
    with _opened(directory, since, until) as (store, full):
        _emit(path(store, full, source, target), fmt)


@analyse_group.command("ego")
@click.argument("actor")
@click.option("-d", "--depth", type=click.IntRange(min=1), default=2, show_default=True,
              help="Steps from ACTOR (a meeting is one step, its other participants two).")
@window_options
@_format
@click.pass_obj
def ego_command(directory: Path, actor: str, depth: int, since: str | None, until: str | None,
                fmt: str) -> None:
    """ACTOR's ego network: what lies within --depth steps of it."""
    with _opened(directory, since, until) as (store, full):
        center = find_actor(store, full, actor)
    _emit(ego_table(full, center, depth), fmt)


@analyse_group.command("funding")
@window_options
@_format
@click.pass_obj
def funding_command(directory: Path, since: str | None, until: str | None, fmt: str) -> None:
    """Money from each donor to each recipient, totalled by year and currency."""
    with _opened(directory, since, until) as (_, full):
        _emit(funding_totals(full), fmt)


@cli.command("network")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("-f", "--format", "fmt", type=click.Choice(GRAPH_FORMATS), required=True)
@click.option("--view", "view_name", type=click.Choice(list(VIEWS)), default="full", show_default=True)
@window_options
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
              default="-", show_default=True, help="The file to write ('-': standard output).")
def network_command(directory: Path, fmt: str, view_name: str, since: str | None, until: str | None,
                    output: Path) -> None:
    """Write a view of the graph stored in DIRECTORY as GraphML or GEXF (Gephi, Cytoscape, igraph).

    Views: full (organisations, persons, meetings, frameworks, funding and their relations),
    co-participation (organisations, weighted by meetings shared), funding (donor -> recipient, by
    year and currency), affiliation (persons and the organisations they hold posts in)."""
    with _opened(directory, since, until) as (_, full):
        graph = view(full, view_name)
    with click.open_file(str(output), "wb") as handle:  # '-' is standard output, left open
        write_graph(graph, handle, fmt)
    where = "standard output" if str(output) == "-" else str(output)
    click.echo(printable(f"wrote {graph.number_of_nodes()} nodes and {graph.number_of_edges()} edges "
                         f"({view_name}) as {fmt} to {where}"), err=True)
