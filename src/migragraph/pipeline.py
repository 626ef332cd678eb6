"""The stages chained: read inputs -> extract -> map -> store -> write the output folder from the store.

    DIR/store/         the pyoxigraph store, one named graph per release (unless --store says otherwise)
    DIR/graph.trig     every named graph, sorted: the same input gives the same bytes
    DIR/validation.ttl the SHACL report (sh:ValidationReport) over all releases
    DIR/build.json     counts, errors, validation summary, version and build time
    DIR/graph.html     an offline, interactive picture of the graph
    DIR/build.lock     held while a build runs: a second build on the folder is refused

Builds are incremental: a folder built before keeps its store, and a release is extracted again only
when it is new or changed (store/state.py says what "changed" means); a changed release's graph is
replaced in one transaction, and with `prune` the graphs of releases no longer among the inputs are
removed. The files beside the store are rewritten from the store after every build, so building the
same inputs from scratch or step by step gives the same graph.trig, byte for byte.

A build killed at any moment leaves each release wholly in the store or wholly out (each write is one
transaction), and each file either the old one or the new one (store/files.py): running it again
completes it. Releases are read, extracted and stored one at a time, never all held in memory.

One release that cannot be read, extracted or mapped becomes an error naming its source; the others
are still built. A release that breaks a shape is kept, and flagged in build.json and validation.ttl.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

import click
import pyoxigraph as ox
from rdflib import URIRef

from migragraph.errors import ConfigError, IngestError, MigragraphError, StoreError
from migragraph.extract.model import Extraction
from migragraph.extract.select import DEFAULT_EXTRACTOR, extractor_named
from migragraph.ingest.release import RawRelease
from migragraph.ingest.sources import DEFAULT_MAX_BYTES, discover, read_all
from migragraph.map.iris import DEFAULT_BASE, IriMinter
from migragraph.map.mapper import release_triples
from migragraph.map.prefixes import prefixes
from migragraph.map.reference import reference_graph, reference_iri
from migragraph.resolve.decisions import FILE_NAME as DECISIONS
from migragraph.resolve.decisions import read as read_decisions
from migragraph.resolve.graph import put_resolution, resolution_iri
from migragraph.store.files import replacing, write_atomic, write_text_atomic
from migragraph.store.generations import publish
from migragraph.store.graphstore import GraphStore
from migragraph.store.loader import Loader
from migragraph.store.locate import EMBEDDED, recorded_store, store_label
from migragraph.store.lock import BuildLock
from migragraph.store.state import Fingerprint, check_base, release_state, restamp
from migragraph.store.terms import nquads
from migragraph.store.validated import validate_store
from migragraph.validate.shacl import BATCH_SIZE, ValidationReport
from migragraph.visualise.page import write_page

Extractor = Callable[[RawRelease], Extraction]

# What the summary counts (queries/count-entities.rq says which class makes a node one of them).
COUNTED = ("organisations", "persons", "posts", "meetings", "frameworks", "funding")
# New releases are stored this many triples at a time, in one transaction: a batch is wholly in or out.
LOAD_BATCH_TRIPLES = 50_000


@dataclass(frozen=True)
class InputError:
    """A release or input file left out of the build: where, and why."""

    source: str
    reason: str


@dataclass
class Changes:
    """What this build did to the store's release graphs."""

    added: int = 0
    changed: int = 0  # extracted again: new content, or a new migragraph
    restamped: int = 0  # same content from another file name or modification time: not extracted again
    unchanged: int = 0
    removed: int = 0


@dataclass
class BuildResult:
    out: Path
    version: str
    releases: int = 0  # release graphs in the store after the build
    triples: int = 0  # triples of those release graphs, each graph's counted
    quads: int = 0  # every named graph's triples, the gazetteer's too: what `export` writes
    union_triples: int = 0  # distinct triples of their union, the default graph: what SPARQL counts
    counts: dict[str, int] = field(default_factory=dict)
    errors: list[InputError] = field(default_factory=list)
    validation: ValidationReport = field(default_factory=lambda: ValidationReport(conforms=True))
    changes: Changes = field(default_factory=Changes)
    store: str = EMBEDDED
    seconds: float = 0.0
    links: int = 0  # nodes of releases linked as one across releases (resolve/)
    candidates: int = 0  # links proposed for a person to decide (`migragraph resolve`)

    @property
    def ok(self) -> bool:
        """Every input built and every release conforms to the shapes."""
        return not self.errors and self.validation.conforms


@dataclass
class _Run:
    """One build's working state: the store, what it held before, and what was seen."""

    store: GraphStore
    minter: IriMinter
    extract: Extractor
    version: str
    result: BuildResult
    known: dict[URIRef, Fingerprint]
    loader: Loader
    seen: set[URIRef] = field(default_factory=set)


def build(inputs: list[Path], out: Path, base: str = DEFAULT_BASE, *, max_bytes: int = DEFAULT_MAX_BYTES,
          extractor: Extractor | None = None, extraction: str = DEFAULT_EXTRACTOR,
          batch_size: int = BATCH_SIZE, progress: bool | None = None, store: str | None = None,
          update_url: str | None = None, prune: bool = False, rebuild: bool = False,
          decisions: Path | None = None) -> BuildResult:
    """Build the graph of the releases found in `inputs` into the folder `out`, incrementally.

    `store` picks the backend (store/locate.py; default: the one the folder was built with, else the
    embedded store). `prune` removes the graphs of releases not among `inputs`; `rebuild` extracts
    every release again, changed or not (after the gazetteer or the rules changed). `extraction` names
    the extractor (extract/select.py); the graphs record it with the version, so that changing it
    extracts every release again. `decisions` is the file of a person's decisions on links across
    releases (resolve/decisions.py; default: `out`/decisions.tsv)."""
    from migragraph import __version__  # the package imports this module first

    started = time.monotonic()
    try:
        minter = IriMinter(base)
    except ValueError as exc:
        raise ConfigError(str(exc)) from None
    extract = extractor or extractor_named(extraction)
    version = f"{__version__}+{extraction}"
    decided = read_decisions(decisions or out / DECISIONS)  # a bad line stops the build before it starts
    out.mkdir(parents=True, exist_ok=True)
    with BuildLock(out):
        spec = store or recorded_store(out)
        result = BuildResult(out=out, version=__version__, store=store_label(spec))
        with GraphStore.open(out, spec, update_url=update_url) as graph_store:
            known = release_state(graph_store)
            check_base(known, minter, graph_store.location)
            with Loader(graph_store, LOAD_BATCH_TRIPLES, partial(_refused, result)) as loader:
                run = _Run(graph_store, minter, extract, version, result, known, loader)
                for release in _progress(_releases(inputs, max_bytes, minter, result.errors), progress):
                    _one(run, release, rebuild)
            if loader.loaded >= LOAD_BATCH_TRIPLES:
                graph_store.compact()
            if prune:
                for gone in sorted(set(known) - run.seen):
                    graph_store.remove_release(gone)
                    result.changes.removed += 1
            _put_reference(graph_store, minter)
            result.links, result.candidates = put_resolution(graph_store, minter, decided)
            _write_outputs(graph_store, result, minter.base, batch_size)
        result.errors.sort(key=lambda e: e.source)
        result.seconds = round(time.monotonic() - started, 3)
        _write_summary(result, inputs, minter.base)
        if spec == EMBEDDED:
            publish(out)  # what readers see from now on: store/generations.py
    return result


def _releases(inputs: Iterable[Path], max_bytes: int, minter: IriMinter,
              errors: list[InputError]) -> Iterator[RawRelease]:
    """The releases of `inputs`, file by file (one file's records at a time in memory), each with a
    key of its own: the second of two releases that would share a named graph (same key from two
    files) gets a short hash of its record name appended to its key."""
    inputs = list(inputs)
    files, missing = discover(inputs)
    errors.extend(InputError(e.source, e.reason) for e in missing)
    taken: set[URIRef] = set()
    for item in read_all(files, max_bytes, inputs):  # a second copy of one text is an error naming the first
        if isinstance(item, IngestError):
            errors.append(InputError(item.source, item.reason))
            continue
        release = item
        if minter("release", release.key) in taken:
            digest = hashlib.sha256(release.record_name.encode("utf-8")).hexdigest()[:8]
            release = replace(release, key=f"{release.key}-{digest}")
        taken.add(minter("release", release.key))
        yield release


def _one(run: _Run, release: RawRelease, rebuild: bool) -> None:
    """Build one release unless the store holds it unchanged; on failure record an error naming its
    source, and drop its old graph (the store must not keep what a changed source no longer says)."""
    iri = URIRef(str(run.minter("release", release.key)))
    run.seen.add(iri)
    before = run.known.get(iri)
    now = Fingerprint.of(release, run.minter, run.version)
    if not rebuild and before is not None and before.same_graph(now):
        run.result.changes.unchanged += 1
        return
    if not rebuild and before is not None and before.same_content(now):
        run.loader.settle()  # other writes wait for the batch loading (store/loader.py)
        restamp(run.store, iri, release, before, run.minter, run.version)
        run.result.changes.restamped += 1
        return
    try:
        triples = release_triples(release, run.extract(release), run.minter, run.version)
        loadable = nquads(iri, triples) if before is None else None
    except Exception as exc:  # the extractor may fail in ways of its own; one release must not stop the rest
        reason = str(exc) if isinstance(exc, MigragraphError) else f"{type(exc).__name__}: {exc}"
        run.result.errors.append(InputError(release.source, f"cannot extract or map this release: {reason}"))
        if before is not None:
            run.loader.settle()
            run.store.remove_release(iri)
            run.result.changes.removed += 1
        return
    if loadable is not None:
        run.loader.add(iri, loadable, tag=release.source)
        run.result.changes.added += 1
    else:
        run.loader.settle()
        run.store.add_release(iri, triples)
        run.result.changes.changed += 1


def _refused(result: BuildResult, source: str, reason: str) -> None:
    """A new release the store could not read: an error of its own, the others are stored."""
    result.errors.append(InputError(source, f"cannot store this release: {reason}"))
    result.changes.added -= 1


def _progress(releases: Iterator[RawRelease], show: bool | None) -> Iterator[RawRelease]:
    """The releases, with a progress count on stderr when it is a terminal (never in logs or pipes)."""
    if not (sys.stderr.isatty() if show is None else show):
        yield from releases
        return
    with click.progressbar(releases, label="building", file=sys.stderr, show_pos=True) as bar:
        yield from bar


def _put_reference(store: GraphStore, minter: IriMinter) -> None:
    """The gazetteer's graph for the organisations the release graphs name (see map/reference.py),
    recomputed from what the store holds now."""
    prefix = f"{minter.base}org/"
    keys = [str(row[0])[len(prefix):] for row in store.select("release-orgs").rows
            if str(row[0]).startswith(prefix)]
    graph = reference_graph(keys, minter)
    store.add_release(reference_iri(minter), graph)


def _write_outputs(store: GraphStore, result: BuildResult, base: str, batch_size: int) -> None:
    """graph.trig, graph.html and validation.ttl, from the store; the totals of the result."""
    out, minter = result.out, IriMinter(base)
    derived = (str(reference_iri(minter)), str(resolution_iri(minter)))  # computed from the releases'
    tally: dict[str, tuple[int, Any]] = {}

    def counted() -> Iterator[ox.Quad]:  # each graph counted and digested as it is written, in one pass
        for quad in store.sorted_quads():
            graph = quad.graph_name.value  # type: ignore[union-attr]  # sorted_quads: named graphs only
            n, digest = tally.get(graph) or (0, hashlib.sha256())
            digest.update(str(quad).encode("utf-8"))
            tally[graph] = (n + 1, digest)
            yield quad

    write_atomic(out / "graph.trig", lambda handle: store.dump("trig", prefixes(base), handle, counted()))
    releases = store.release_graphs()
    result.releases = len(releases)
    result.triples = sum(n for graph, (n, _) in tally.items() if graph not in derived)
    result.quads = sum(n for n, _ in tally.values())
    result.union_triples = int(str(store.select("count-triples").rows[0][0]))
    result.counts = count_entities(store)
    with replacing(out / "graph.html") as staging:
        write_page(store, staging)
    contents = {URIRef(graph): digest.hexdigest() for graph, (_, digest) in tally.items()}
    result.validation = validate_store(
        store, [(g, contents.get(g, "")) for g in releases],
        [(URIRef(g), contents[URIRef(g)]) for g in derived if URIRef(g) in contents], out, batch_size, base)
    write_text_atomic(out / "validation.ttl", result.validation.graph.serialize(format="turtle"))


def count_entities(store: GraphStore) -> dict[str, int]:
    """Distinct organisations, persons, posts, meetings, frameworks and funding over all releases."""
    counts = dict.fromkeys(COUNTED, 0)
    for kind, n in store.select("count-entities").rows:
        counts[str(kind)] = int(str(n))
    return counts


def _write_summary(result: BuildResult, inputs: Iterable[Path], base: str) -> None:
    changes = result.changes
    summary: dict[str, Any] = {
        "version": result.version,
        "built_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "seconds": result.seconds,
        "inputs": [str(p) for p in inputs],
        "base": base,
        "store": result.store,
        "releases": result.releases,
        "triples": result.triples,
        "quads": result.quads,
        "union_triples": result.union_triples,
        "changes": {"added": changes.added, "changed": changes.changed, "restamped": changes.restamped,
                    "unchanged": changes.unchanged, "removed": changes.removed},
        "counts": result.counts,
        "resolution": {"links": result.links, "candidates": result.candidates},
        "errors": [{"source": e.source, "reason": e.reason} for e in result.errors],
        "validation": {"conforms": result.validation.conforms,
                       "results": len(result.validation.violations),
                       "flagged_releases": result.validation.flagged_releases},
    }
    write_text_atomic(result.out / "build.json", json.dumps(summary, indent=2, ensure_ascii=False) + "\n")


def load_summary(out: Path) -> dict[str, Any]:
    """DIR/build.json of an earlier build."""
    try:
        data: dict[str, Any] = json.loads((out / "build.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise StoreError(f"{out} holds no build (no build.json): "
                         f"run `migragraph build INPUT --out {out}`") from None
    except (OSError, ValueError) as exc:
        raise StoreError(f"cannot read {out / 'build.json'}: {exc}") from None
    return data


def built_base(out: Path) -> str:
    """The base IRI the build in `out` minted its IRIs under (build.json; the default if it names none)."""
    return str(load_summary(out).get("base", DEFAULT_BASE))


__all__ = ["BuildResult", "Changes", "InputError", "MigragraphError", "build", "built_base", "count_entities",
           "load_summary"]
