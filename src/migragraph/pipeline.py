"""The stages chained: read inputs -> extract -> map -> store + validate -> write the output folder.

    DIR/store/         the pyoxigraph store, one named graph per release (what `query` reads)
    DIR/graph.trig     every release graph, sorted: the same input gives the same bytes
    DIR/validation.ttl the SHACL report (sh:ValidationReport) over all releases
    DIR/build.json     counts, errors, validation summary, version and build time
    DIR/graph.html     an offline, interactive picture of the graph

One release that cannot be read, extracted or mapped becomes an error naming its source; the others
are still built. A release that breaks a shape is kept, and flagged in build.json and validation.ttl.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click
from rdflib import Graph, URIRef

from migragraph.errors import ConfigError, MigragraphError, StoreError
from migragraph.extract.model import Extraction
from migragraph.ingest.release import RawRelease
from migragraph.ingest.sources import DEFAULT_MAX_BYTES, read_inputs
from migragraph.map.iris import DEFAULT_BASE, IriMinter
from migragraph.map.mapper import map_release
from migragraph.map.prefixes import prefixes
from migragraph.map.reference import reference_graph
from migragraph.store.graphstore import GraphStore, Solutions
from migragraph.validate.shacl import BATCH_SIZE, ValidationReport, merge_reports, validate_graphs
from migragraph.visualise.page import write_page

Extractor = Callable[[RawRelease], Extraction]

# What the summary counts (queries/count-entities.rq says which class makes a node one of them).
COUNTED = ("organisations", "persons", "posts", "meetings", "frameworks", "funding")


@dataclass(frozen=True)
class InputError:
    """A release or input file left out of the build: where, and why."""

    source: str
    reason: str


@dataclass
class BuildResult:
    out: Path
    version: str
    releases: int = 0
    triples: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    errors: list[InputError] = field(default_factory=list)
    validation: ValidationReport = field(default_factory=lambda: ValidationReport(conforms=True))
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """Every input built and every release conforms to the shapes."""
        return not self.errors and self.validation.conforms


def build(inputs: list[Path], out: Path, base: str = DEFAULT_BASE, *, max_bytes: int = DEFAULT_MAX_BYTES,
          extractor: Extractor | None = None, batch_size: int = BATCH_SIZE,
          progress: bool | None = None) -> BuildResult:
    """Build the graph of the releases found in `inputs` into the folder `out`."""
    from migragraph import __version__  # the package imports this module first

    started = time.monotonic()
    try:
        minter = IriMinter(base)
    except ValueError as exc:
        raise ConfigError(str(exc)) from None
    extract = extractor or _default_extractor()
    ingest = read_inputs(inputs, max_bytes=max_bytes)
    result = BuildResult(out=out, version=__version__)
    result.errors.extend(InputError(e.source, e.reason) for e in ingest.errors)
    out.mkdir(parents=True, exist_ok=True)
    with _fresh_store(out / "store") as store:
        reports: list[ValidationReport] = []
        batch: list[Graph] = []
        for release in _progress(_unique_keys(ingest.releases, minter), progress):
            graph = _add_one(release, extract, minter, __version__, store, result)
            if graph is not None:
                result.triples += len(graph)
                batch.append(graph)
            if len(batch) >= batch_size:
                reports.append(validate_graphs(batch))
                batch = []
        reference = _reference(store, minter)
        batch.append(reference)
        reports.append(validate_graphs(batch))
        result.validation = merge_reports(reports)
        result.counts = count_entities(store)
        with (out / "graph.trig").open("wb") as handle:
            store.dump("trig", prefixes(base), output=handle)
        write_page(store, out / "graph.html")
    result.validation.graph.serialize(out / "validation.ttl", format="turtle")
    result.errors.sort(key=lambda e: e.source)
    result.seconds = round(time.monotonic() - started, 3)
    _write_summary(result, inputs, base)
    return result


def _reference(store: GraphStore, minter: IriMinter) -> Graph:
    """The gazetteer's graph for the organisations the releases named (see map/reference.py)."""
    prefix = f"{minter.base}org/"
    found = store.query("SELECT DISTINCT ?o WHERE { ?o a org:Organization "
                        f"FILTER(STRSTARTS(STR(?o), \"{prefix}\")) }}")
    keys = [str(row[0])[len(prefix):] for row in found.rows] if isinstance(found, Solutions) else []
    graph = reference_graph(keys, minter)
    store.add_release(URIRef(str(graph.identifier)), graph)
    return graph


def _default_extractor() -> Extractor:
    try:
        from migragraph.extract.extractor import extract
    except ImportError as exc:
        raise ConfigError(f"the extraction stage cannot be loaded ({exc}); reinstall migragraph") from None
    return extract


def _unique_keys(releases: list[RawRelease], minter: IriMinter) -> list[RawRelease]:
    """Two releases must not share a named graph: the second of two that would (same key from two
    files) gets a short hash of its source appended to its key."""
    seen: set[URIRef] = set()
    out = []
    for release in releases:
        if minter("release", release.key) in seen:
            digest = hashlib.sha256(release.source.encode("utf-8")).hexdigest()[:8]
            release = replace(release, key=f"{release.key}-{digest}")
        seen.add(minter("release", release.key))
        out.append(release)
    return out


def _add_one(release: RawRelease, extract: Extractor, minter: IriMinter, version: str, store: GraphStore,
             result: BuildResult) -> Graph | None:
    """Extract, map and store one release; on failure record an error naming its source instead."""
    try:
        graph = map_release(release, extract(release), minter, version)
        store.add_release(URIRef(str(graph.identifier)), graph)
    except Exception as exc:  # the extractor may fail in ways of its own; one release must not stop the rest
        reason = str(exc) if isinstance(exc, MigragraphError) else f"{type(exc).__name__}: {exc}"
        result.errors.append(InputError(release.source, f"cannot extract or map this release: {reason}"))
        return None
    result.releases += 1
    return graph


def _progress(releases: list[RawRelease], show: bool | None) -> Iterator[RawRelease]:
    """The releases, with a progress bar on stderr when it is a terminal (never in logs or pipes)."""
    if not (sys.stderr.isatty() if show is None else show):
        yield from releases
        return
    with click.progressbar(releases, label="building", file=sys.stderr) as bar:
        yield from bar


@contextmanager
def _fresh_store(path: Path) -> Iterator[GraphStore]:
    """A new, empty store that replaces the one at `path` only once the build has filled it."""
    staging = path.with_name(path.name + ".new")
    if staging.exists():
        shutil.rmtree(staging)
    store = GraphStore(staging)
    try:
        yield store
    except BaseException:
        store.close()
        shutil.rmtree(staging, ignore_errors=True)
        raise
    store.close()
    try:
        if path.exists():
            shutil.rmtree(path)
        staging.rename(path)
    except OSError as exc:
        raise StoreError(f"cannot put the new store in place at {path}: {exc}") from None


def count_entities(store: GraphStore) -> dict[str, int]:
    """Distinct organisations, persons, posts, meetings, frameworks and funding over all releases."""
    counts = dict.fromkeys(COUNTED, 0)
    for kind, n in store.select("count-entities").rows:
        counts[str(kind)] = int(str(n))
    return counts


def _write_summary(result: BuildResult, inputs: Iterable[Path], base: str) -> None:
    summary: dict[str, Any] = {
        "version": result.version,
        "built_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "seconds": result.seconds,
        "inputs": [str(p) for p in inputs],
        "base": base,
        "releases": result.releases,
        "triples": result.triples,
        "counts": result.counts,
        "errors": [{"source": e.source, "reason": e.reason} for e in result.errors],
        "validation": {"conforms": result.validation.conforms,
                       "results": len(result.validation.violations),
                       "flagged_releases": result.validation.flagged_releases},
    }
    text = json.dumps(summary, indent=2, ensure_ascii=False) + "\n"
    (result.out / "build.json").write_text(text, encoding="utf-8")


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


__all__ = ["BuildResult", "InputError", "MigragraphError", "build", "count_entities", "load_summary"]
