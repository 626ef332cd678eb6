"""`migragraph resolve DIR`: the links across releases of the last build, and a person's decisions.

    migragraph resolve DIR                         the candidates to decide, with their sentences
    migragraph resolve DIR --links                 the links made, too
    migragraph resolve DIR --merge A B [--note T]  join A and B from the next build on
    migragraph resolve DIR --apart A B [--note T]  keep A and B apart from the next build on

Decisions go to DIR/decisions.tsv (or --decisions FILE), which every later build applies
(resolve/decisions.py). Exit 0; 2 on a usage or fatal error.
"""

from __future__ import annotations

import json
from pathlib import Path

import click
import pyoxigraph as ox

from migragraph.cli.main import cli
from migragraph.errors import ConfigError
from migragraph.lines import printable
from migragraph.resolve.decisions import FILE_NAME, Decision, record
from migragraph.store.graphstore import GraphStore
from migragraph.vocab import MG


@cli.command("resolve")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--links", "show_links", is_flag=True, help="List the links made as well as the candidates.")
@click.option("--merge", nargs=2, metavar="IRI IRI", help="Decide that two nodes are one.")
@click.option("--apart", nargs=2, metavar="IRI IRI", help="Decide that two nodes are not one.")
@click.option("--note", default="", help="Why, kept with the decision.")
@click.option("--decisions", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="The decisions file (default: DIRECTORY/decisions.tsv).")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@click.option("--store", "store_spec", metavar="STORE",
              help="oxigraph, memory or an endpoint URL; default: what DIRECTORY was built into.")
def resolve_command(directory: Path, show_links: bool, merge: tuple[str, str] | None,
                    apart: tuple[str, str] | None, note: str, decisions: Path | None, fmt: str,
                    store_spec: str | None) -> None:
    """List the links across releases that the last build of DIRECTORY made and proposed, with the
    sentences on both sides; or record a decision on two nodes for the next build to apply."""
    path = decisions or directory / FILE_NAME
    if merge and apart:
        raise click.UsageError("--merge and --apart are two decisions: give one")
    if merge or apart:
        verb, (a, b) = ("merge", merge) if merge else ("apart", apart)  # type: ignore[misc]
        if a == b:
            raise ConfigError(f"--{verb} wants two different IRIs, not {a} twice")
        with GraphStore.open(directory, store_spec, read_only=True) as store:
            unknown = [iri for iri in (a, b) if not _described(store, iri)]
        if unknown:
            raise ConfigError(f"no node {unknown[0]} in the build in {directory}: "
                              f"copy IRIs from `migragraph resolve {directory}`")
        record(path, Decision(verb, a, b, note))
        click.echo(printable(f"recorded: {verb} {a} {b} in {path}; the next build applies it"))
        return
    with GraphStore.open(directory, store_spec, read_only=True) as store:
        found = [_row(store, row) for row in store.select("resolve-links").rows]
    shown = [f for f in found if show_links or f["status"] == "candidate"]
    if fmt == "json":
        click.echo(json.dumps(shown, indent=2, ensure_ascii=False))
        return
    for item in shown:
        click.echo(printable(f"{item['status']} {item['score']:.2f}  {item['rule']}"))
        for side in ("a", "b"):
            click.echo(printable(f"  {item[side]['iri']}  {item[side]['label']}"))
            for cited in item[side]["sentences"][:2]:
                click.echo(printable(f"      {cited['release']}: {cited['sentence']}"))
    joined = sum(1 for f in found if f["status"] == "link")
    click.echo(f"{joined} link(s), {len(found) - joined} candidate(s); decide with "
               f"`migragraph resolve {directory} --merge A B` or `--apart A B`", err=True)


def _described(store: GraphStore, iri: str) -> bool:
    return bool(store.query("ASK { ?node ?p ?o }", substitutions={ox.Variable("node"): ox.NamedNode(iri)}))


def _row(store: GraphStore, row: tuple) -> dict:  # type: ignore[type-arg]
    _, kind, a, b, rule, score, a_label, b_label = row
    return {"status": "link" if kind == MG.Link else "candidate", "score": float(score), "rule": str(rule),
            "a": _side(store, str(a), a_label), "b": _side(store, str(b), b_label)}


def _side(store: GraphStore, iri: str, label: object) -> dict:  # type: ignore[type-arg]
    cited = store.select("resolve-evidence", {ox.Variable("entity"): ox.NamedNode(iri)}).rows
    return {"iri": iri, "label": "" if label is None else str(label),
            "sentences": [{"release": str(release), "sentence": str(sentence)}
                          for _, release, sentence, _ in cited]}
