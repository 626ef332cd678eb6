"""The `migragraph` command: one thin subcommand per stage; the work is done by the library.

Exit codes (also in the README):
    build     0 every input built and every release conforms to the shapes
              1 some input could not be read, extracted or mapped, or some release breaks a shape
                (everything else is still built, and the bad releases are kept and flagged)
    validate  0 conforms, 1 violations, 2 error
    all       2 usage error, or an error that stopped the command (one line on stderr, no traceback)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

import click
from rdflib import Dataset

from migragraph import __version__
from migragraph.errors import MigragraphError
from migragraph.evaluate import build_dataset, evaluate, render_json, render_text
from migragraph.extract.select import DEFAULT_EXTRACTOR, EXTRACTORS
from migragraph.ingest.sources import DEFAULT_MAX_BYTES
from migragraph.limits import DEFAULT_MEMORY, MAX_QUERY_BYTES, parse_size, show_size
from migragraph.lines import printable
from migragraph.map.iris import DEFAULT_BASE
from migragraph.pipeline import BuildResult, build, built_base
from migragraph.serve.guard import RefusedError, check_depth, uses_service
from migragraph.serve.named import bind, describe_named
from migragraph.serve.named import get as named_get
from migragraph.store.export import GRAPH_FORMATS, ROW_FORMATS
from migragraph.store.graphstore import GraphStore
from migragraph.store.validated import validate_all
from migragraph.validate.engines import DEFAULT_ENGINE, ENGINES
from migragraph.validate.shacl import ValidationReport

from .isolated import QueryJob, run_query
from .render import short

EXIT_OK, EXIT_PROBLEMS, EXIT_ERROR = 0, 1, 2
DEFAULT_QUERY_SECONDS = 300.0
QUERY_FORMATS = ["table", *ROW_FORMATS, *GRAPH_FORMATS]


class Fatal(click.ClickException):
    """A library error shown as one line, exit code 2."""

    exit_code = EXIT_ERROR

    def show(self, file: Any = None) -> None:
        click.echo(f"error: {printable(self.message)}", err=True)


def size_option(ctx: click.Context, param: click.Parameter, value: str) -> int:
    """An option's size in bytes, given as 2G, 512M, 64K or a number of bytes."""
    try:
        return parse_size(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), ctx, param) from None


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except MigragraphError as exc:
            raise Fatal(str(exc)) from None
        except BrokenPipeError:
            raise  # the reader of `migragraph query ... | head` left: main() ends quietly
        except OSError as exc:  # an output folder that cannot be written, a full disk
            raise Fatal(f"{exc.filename or 'file'}: {exc.strerror or exc}") from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="migragraph")
def cli() -> None:
    """Press releases of international organisations in, a validated RDF knowledge graph out."""


@cli.command("build")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Output folder: store/, graph.trig, validation.ttl, build.json, graph.html.")
@click.option("--base-iri", default=DEFAULT_BASE, show_default=True, help="Base of every IRI minted.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Skip (as an error) any input file larger than this.")
@click.option("--store", "store_spec", metavar="STORE",
              help="oxigraph (DIR/store, the default), memory, or the http(s):// URL of a SPARQL 1.1 "
                   "endpoint's query service; default: what DIR was built into before.")
@click.option("--update-url", metavar="URL",
              help="The endpoint's update service, when it is not .../update beside .../query.")
@click.option("--prune", is_flag=True, help="Remove the graphs of releases that are not among INPUT... .")
@click.option("--rebuild", is_flag=True,
              help="Extract every release again, changed or not (after the gazetteer or rules changed).")
@click.option("--extractor", type=click.Choice(EXTRACTORS), default=DEFAULT_EXTRACTOR, show_default=True,
              help="hybrid: a pretrained English pipeline (spaCy) with the gazetteers and rules; rules: the "
                   "gazetteers and rules alone, faster. Changing it extracts every release again.")
@click.option("--decisions", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="Decisions on links across releases to apply (default: OUT/decisions.tsv, which "
                   "`migragraph resolve --merge/--apart` writes).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), metavar="N",
              help="Worker processes that extract, map and validate releases; default: the cores available.")
@click.option("--shacl-engine", type=click.Choice(ENGINES), default=DEFAULT_ENGINE, show_default=True,
              help="Validate with the compiled shacl engine, or with pyshacl, the reference.")
@click.option("--allow-private-network", is_flag=True,
              help="For an http(s) INPUT: also fetch from loopback and private addresses.")
def build_command(inputs: tuple[str, ...], out: Path, base_iri: str, max_bytes: int, store_spec: str | None,
                  update_url: str | None, prune: bool, rebuild: bool, extractor: str,
                  decisions: Path | None, jobs: int | None, shacl_engine: str,
                  allow_private_network: bool) -> None:
    """Build the graph of the releases in INPUT... (.html, .txt, .json, .jsonl files or folders, or
    http(s) URLs of pages, feeds, sitemaps or home pages, fetched first into OUT/fetched as
    `migragraph fetch` does).

    A folder built before is updated: only new and changed releases are extracted again.
    Exit 0 when everything was built and conforms, 1 when some input failed or some release breaks
    a shape (the rest is still built), 2 on a usage or fatal error."""
    paths = [Path(i) for i in inputs if urlsplit(i).scheme not in ("http", "https")]
    urls = [i for i in inputs if urlsplit(i).scheme in ("http", "https")]
    fetched_ok = True
    if urls:
        from migragraph.cli.fetch import fetch_for_build

        folder, fetched_ok = fetch_for_build(urls, out, allow_private_network)
        paths.append(folder)
    result = build(paths, out, base_iri, max_bytes=max_bytes, store=store_spec, update_url=update_url,
                   prune=prune, rebuild=rebuild, extraction=extractor, decisions=decisions, jobs=jobs,
                   shacl_engine=shacl_engine)
    _print_build(result)
    sys.exit(EXIT_OK if result.ok and fetched_ok else EXIT_PROBLEMS)


def _print_build(result: BuildResult) -> None:
    counts = ", ".join(f"{n} {kind}" for kind, n in result.counts.items())
    changes = result.changes
    click.echo(printable(f"built {result.releases} release(s) into {result.out} in {result.seconds:.1f} s: "
                         f"{result.triples} triples in the release graphs"))
    click.echo(f"  {result.quads} quads with the gazetteer's graph (what `export` writes), "
               f"{result.union_triples} distinct triples in their union (what SPARQL counts)")
    click.echo(f"  {changes.added} new, {changes.changed} changed, {changes.restamped} restamped, "
               f"{changes.unchanged} unchanged, {changes.removed} removed")
    click.echo(f"  {counts} (nodes linked as one counted once)")
    click.echo(f"  {result.links} link(s) across releases, {result.candidates} candidate(s) to decide "
               f"(`migragraph resolve {result.out}`)")
    _print_validation(result.validation, result.out / "validation.ttl", limit=10)
    for error in result.errors:
        click.echo(printable(f"error: {error.source}: {error.reason}"), err=True)
    if result.errors:
        click.echo(f"{len(result.errors)} input(s) could not be built; the others were", err=True)


def _print_validation(report: ValidationReport, where: Path | None, limit: int | None) -> None:
    flagged = report.flagged_releases
    if report.conforms:
        click.echo(f"validation: conforms ({len(report.violations)} warning(s))")
        return
    click.echo(printable(f"validation: {len(flagged)} release(s) break the shapes, "
                         f"{len(report.violations)} result(s)" + (f"; see {where}" if where else "")))
    for v in report.violations[:limit]:
        where_from = ", ".join(short(r) for r in v.releases) or "?"
        path = f" {short(v.path)}" if v.path else ""
        line = f"{v.severity.lower()}: {where_from}: {short(v.focus)}{path}: {v.message} [{short(v.shape)}]"
        click.echo("  " + printable(line))
    if limit is not None and len(report.violations) > limit:
        click.echo(f"  ... and {len(report.violations) - limit} more")


@cli.command("validate")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--report", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the SHACL report (Turtle) here.")
@click.option("--shacl-engine", type=click.Choice(ENGINES), default=DEFAULT_ENGINE, show_default=True,
              help="Validate with the compiled shacl engine, or with pyshacl, the reference.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), metavar="N",
              help="Worker processes that validate release graphs; default: the cores available.")
def validate_command(directory: Path, report: Path | None, shacl_engine: str, jobs: int | None) -> None:
    """Re-run the SHACL shapes over the graph stored in DIRECTORY (a build's --out).

    Exit 0 when it conforms, 1 when some release breaks a shape, 2 on error."""
    with GraphStore(directory / "store", read_only=True) as store:
        result = validate_all(store, _base_of(directory), shacl_engine, jobs)
    _print_validation(result, report, limit=None)
    if report is not None:
        result.graph.serialize(report, format="turtle")
    sys.exit(EXIT_OK if result.conforms else EXIT_PROBLEMS)


def _base_of(directory: Path) -> str:
    """The base IRI DIRECTORY was built with (which nodes many releases share); a store without a
    build.json beside it was built with the default."""
    if not (directory / "build.json").exists():
        return DEFAULT_BASE
    return built_base(directory)


@cli.command("query")
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.argument("sparql", required=False)
@click.option("-n", "--named", help="Run the named question NAME (see --list) instead of SPARQL.")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A parameter of the named question, bound as an RDF term; repeat for several.")
@click.option("--list", "list_only", is_flag=True, help="Describe the named questions and their parameters.")
@click.option("-f", "--format", "fmt", type=click.Choice(QUERY_FORMATS), default="table", show_default=True,
              help="table for both kinds; csv, tsv, json, xml for SELECT and ASK; ttl, nt, jsonld for "
                   "CONSTRUCT and DESCRIBE.")
@click.option("--store", "store_spec", metavar="STORE",
              help="oxigraph, memory or an endpoint URL; default: what DIRECTORY was built into.")
@click.option("--allow-service", is_flag=True,
              help="Run a query with a SERVICE clause (a federated query), which fetches from the endpoint "
                   "it names over the network; refused without this flag.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=DEFAULT_QUERY_SECONDS, show_default=True,
              help="Seconds the query may compute before it is stopped.")
@click.option("--memory-limit", metavar="SIZE", default=str(DEFAULT_MEMORY), callback=size_option,
              show_default=show_size(DEFAULT_MEMORY),
              help="Address space of the process that runs the query (2G, 512M); past it the query stops.")
def query_command(directory: Path | None, sparql: str | None, named: str | None, params: tuple[str, ...],
                  list_only: bool, fmt: str, store_spec: str | None, allow_service: bool, timeout: float,
                  memory_limit: int) -> None:
    """Run SPARQL (a query, or @FILE to read one; '-' reads stdin; at most 1 MiB), or a named question,
    over the store in DIRECTORY. The query runs in a process of its own, stopped past --timeout or
    --memory-limit, or on Ctrl-C (exit 130).

    The union of all release graphs is the default graph; mg:, org:, foaf:, schema:, skos:, dcterms:,
    prov:, owl:, rdf:, rdfs: and xsd: need no PREFIX."""
    if list_only:
        click.echo(describe_named(), nl=False)
        return
    if directory is None or (sparql is None) == (named is None):
        raise click.UsageError("give DIRECTORY and either SPARQL or --named NAME (or --list)")
    question, substitutions, federated = None, None, False
    if named is not None:  # the package's own text: no SERVICE in it
        question = named_get(named)
        substitutions = bind(question, _params(params))
        text = question.text
    else:
        text = _query_text(str(sparql))
        federated = _federated(text, allow_service)
    job = QueryJob(directory, store_spec, text, substitutions, fmt, built_base(directory),
                   question.name if question else None, federated, memory_limit)
    sys.stdout.flush()
    run_query(job, timeout, sys.stdout.buffer)


def _federated(text: str, allow_service: bool) -> bool:
    """Whether the query has a SERVICE clause, which oxigraph runs for real (it fetches the endpoint's
    URL); refused (Fatal) unless `allow_service`. Decided on rdflib's parse of the query, as the SPARQL
    endpoint decides (serve/guard.py): a query that cannot be parsed is not run unchecked."""
    try:
        check_depth(text)  # too deep for either parser: refused, allowed or not
    except RefusedError as exc:
        raise Fatal(str(exc)) from None
    try:
        found = uses_service(text)
    except RefusedError as exc:
        if not allow_service:
            raise Fatal(str(exc)) from None
        return True  # the user allowed it unchecked: a failure may come from an endpoint it names
    if found and not allow_service:
        raise Fatal("the query has a SERVICE clause, which would fetch from the endpoint it names over "
                    "the network; pass --allow-service to run it")
    return found


def _params(pairs: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise click.UsageError(f"--param {pair!r} must be NAME=VALUE: --param donor='European Union'")
        if name.strip() in out:  # taking the first or the last would be a guess, and HTTP would guess too
            raise click.UsageError(f"--param {name.strip()} is given twice ({out[name.strip()]!r} and "
                                   f"{value!r}); give each parameter once")
        out[name.strip()] = value
    return out


def _query_text(sparql: str) -> str:
    """The query: the argument, or @FILE, or '-' for stdin, read up to MAX_QUERY_BYTES and no further
    (`@/dev/zero` is refused after 1 MiB, not read until memory runs out)."""
    if sparql == "-":
        return _bounded(sys.stdin.buffer, "standard input")
    if sparql.startswith("@"):
        try:
            with Path(sparql[1:]).open("rb") as handle:
                return _bounded(handle, f"the query file {sparql[1:]}")
        except OSError as exc:
            raise Fatal(f"cannot read the query file {sparql[1:]}: {exc.strerror}") from None
    return sparql


def _bounded(source: IO[bytes], name: str) -> str:
    data = source.read(MAX_QUERY_BYTES + 1)
    if len(data) > MAX_QUERY_BYTES:
        raise Fatal(f"{name} holds more than {show_size(MAX_QUERY_BYTES)}, the most a query may be")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Fatal(f"{name} is not UTF-8 text (byte {exc.start})") from None


@cli.command("evaluate")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--releases", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of the release files (NAME.txt, .html, .json); default: beside the gold files.")
@click.option("--base-iri", default=DEFAULT_BASE, show_default=True)
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@click.option("--extractor", type=click.Choice(EXTRACTORS), default=DEFAULT_EXTRACTOR, show_default=True,
              help="The extractor to score.")
def evaluate_command(gold_dir: Path, releases: Path | None, base_iri: str, fmt: str, extractor: str) -> None:
    """Score extraction against gold files (GOLD_DIR/NAME.json, in the format of the annotation guide):
    each release is built alone and scored as the team's reference scorer does; per-type precision and
    recall, and the mean and lowest F1."""
    def graph_for(text: Path) -> Dataset:
        if releases is not None:
            found = sorted(p for p in releases.glob(text.stem + ".*") if p.suffix != ".json" or p != text)
            if not found:
                raise MigragraphError(f"no release file {text.stem}.* in {releases}")
            text = found[0]
        return build_dataset(text, base_iri, extractor)

    report = evaluate(gold_dir, graph_for)
    if fmt == "json":
        click.echo(json.dumps(render_json(report), indent=2, sort_keys=True))
    else:
        click.echo(render_text(report), nl=False)


def main() -> None:
    try:
        cli.main(prog_name="migragraph")
    except BrokenPipeError:  # `migragraph query ... | head`: the reader left, nothing is wrong
        sys.stderr.close()
        sys.exit(EXIT_OK)


# Commands kept in modules of their own; they register themselves on `cli`.
from migragraph.cli import analyse, viz  # noqa: E402, F401, I001
from migragraph.cli import export  # noqa: E402, F401, I001
from migragraph.cli import serve  # noqa: E402, F401, I001
from migragraph.cli import fetch  # noqa: E402, F401, I001
from migragraph.cli import resolve  # noqa: E402, F401, I001
