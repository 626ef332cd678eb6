"""The stages chained: read inputs -> extract -> map -> store -> write the output folder from the store.

    DIR/store/         the pyoxigraph store, one named graph per release (unless --store says otherwise)
    DIR/graph.trig     every named graph, sorted: the same input gives the same bytes
    DIR/validation.ttl the SHACL report (sh:ValidationReport) over all releases
    DIR/build.json     counts, errors, validation summary, version, build time and its stages
    DIR/graph.html     an offline, interactive picture of the graph
    DIR/build.lock     held while a build runs: a second build on the folder is refused
    DIR/.state.sqlite  what the next build needs to redo only what changed (store/buildstate.py)

Builds are incremental: a folder built before keeps its store, and a release is extracted again only
when it is new or its content changed (store/state.py says what "changed" means); a changed release's
graph is replaced in one transaction, and with `prune` the graphs of releases no longer among the
inputs are removed. A record read before with the same bytes is not even parsed again (its release is
recalled from the build state), and the files beside the store are written again only when the graph
changed, from per-graph pieces (outputs.py), so building the same inputs from scratch or step by step
gives the same graph.trig, byte for byte.

Releases that need extracting are extracted, mapped, written and validated in `jobs` worker processes
(workers.py, stages.py), in input order: the output is the same bytes whatever `jobs`. A build with
fewer than WORKERS_FROM of them, or given a live `extractor` rather than an `extractor_factory`, does
that work in this process.

A build killed at any moment leaves each release wholly in the store or wholly out (each write is one
transaction), and each file either the old one or the new one (store/files.py): running it again
completes it. Releases are read, extracted and stored a few at a time, never all held in memory.

One release that cannot be read, extracted or mapped becomes an error naming its source; the others
are still built. A release that breaks a shape is kept, and flagged in build.json and validation.ttl.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

import click
import pyoxigraph as ox
from rdflib import URIRef

from migragraph.errors import ConfigError, IngestError, MigragraphError, StoreError
from migragraph.extract.select import DEFAULT_EXTRACTOR, EXTRACTORS, extractor_named
from migragraph.ingest.release import KnownRelease, RawRelease
from migragraph.ingest.sources import DEFAULT_MAX_BYTES, discover, read_all, read_file
from migragraph.map.iris import DEFAULT_BASE, IriMinter
from migragraph.map.mapper import source_iri
from migragraph.memory import paused_cycle_collection
from migragraph.outputs import Outputs
from migragraph.resolve.decisions import FILE_NAME as DECISIONS
from migragraph.resolve.decisions import Decision
from migragraph.resolve.decisions import read as read_decisions
from migragraph.stages import (
    Built,
    Extractor,
    ExtractorFactory,
    Failed,
    ReleaseBuilder,
    Settings,
    build_in_worker,
    start_worker,
)
from migragraph.store.buildstate import BuildState, Record
from migragraph.store.generations import publish
from migragraph.store.graphstore import GraphStore
from migragraph.store.loader import Loader
from migragraph.store.locate import EMBEDDED, MEMORY, recorded_store, store_label
from migragraph.store.lock import BuildLock
from migragraph.store.state import Fingerprint, check_base, release_state, restamp
from migragraph.validate.engines import DEFAULT_ENGINE, ENGINES
from migragraph.validate.shacl import ValidationReport
from migragraph.workers import Workers, available_cores

# New releases are stored this many triples at a time, in one transaction: a batch is wholly in or out.
LOAD_BATCH_TRIPLES = 50_000
# Worker processes are started once this many releases wait to be extracted: each costs ~1.5 s to start
# (Python, the libraries, the gazetteer), which a few hundred releases repay on 2 cores.
WORKERS_FROM = 256


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
    restamped: int = 0  # same content from another file or line: not extracted again
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
    stages: dict[str, float] = field(default_factory=dict)  # wall seconds of this process, by stage
    links: int = 0  # nodes of releases linked as one across releases (resolve/)
    candidates: int = 0  # links proposed for a person to decide (`migragraph resolve`)

    @property
    def ok(self) -> bool:
        """Every input built and every release conforms to the shapes."""
        return not self.errors and self.validation.conforms


@dataclass
class _Run:
    """One build's working state: the store, what it held before, and what was seen and made."""

    store: GraphStore
    state: BuildState
    minter: IriMinter
    settings: Settings
    result: BuildResult
    known: dict[URIRef, Fingerprint]
    loader: Loader
    outputs: Outputs
    max_bytes: int
    seen: set[URIRef] = field(default_factory=set)
    records: dict[str, Record] = field(default_factory=dict)  # the records read this build
    waiting: deque[tuple[RawRelease, Fingerprint | None]] = field(default_factory=deque)
    reread: tuple[str, dict[str, RawRelease]] = ("", {})  # the last file read again, by source
    recalled: dict[str, Record] | None = None  # the records the state remembers, when it is trusted

    def writing(self) -> None:
        """Before any write to the store: the state no longer describes it until the build ends."""
        self.outputs.changed = True
        self.state.mark_unclean()

    def read_again(self, known: KnownRelease) -> RawRelease:
        """A recalled release read whole after all (its graph is not in the store as recalled: the
        store was changed behind the build's back). The file's releases are kept for the next one."""
        if self.reread[0] != known.file:
            items = read_file(Path(known.file), self.max_bytes)
            self.reread = (known.file, {r.source: r for r in items if isinstance(r, RawRelease)})
        found = self.reread[1].get(known.source)
        if found is None:
            raise StoreError(f"{known.source} changed while the build read it; build again")
        return replace(found, key=known.key)


def build(inputs: list[Path], out: Path, base: str = DEFAULT_BASE, *, max_bytes: int = DEFAULT_MAX_BYTES,
          extractor: Extractor | None = None, extraction: str = DEFAULT_EXTRACTOR,
          extractor_factory: ExtractorFactory | None = None, jobs: int | None = None,
          shacl_engine: str = DEFAULT_ENGINE, progress: bool | None = None, store: str | None = None,
          update_url: str | None = None, prune: bool = False, rebuild: bool = False,
          decisions: Path | None = None) -> BuildResult:
    """Build the graph of the releases found in `inputs` into the folder `out`, incrementally.

    `store` picks the backend (store/locate.py; default: the one the folder was built with, else the
    embedded store). `prune` removes the graphs of releases not among `inputs`; `rebuild` extracts
    every release again, changed or not (after the gazetteer or the rules changed). `extraction` names
    the extractor (extract/select.py); the graphs record it with the version, so that changing it
    extracts every release again. `jobs` worker processes (default: the cores available) each make
    the extractor once (`extractor_factory`, default: the one `extraction` names); a live `extractor`
    runs in this process. `shacl_engine` is shacl or pyshacl (validate/engines.py). `decisions` is
    the file of a person's decisions on links across releases (resolve/decisions.py; default:
    `out`/decisions.tsv)."""
    from migragraph import __version__  # the package imports this module first

    started = time.monotonic()
    try:
        minter = IriMinter(base)
    except ValueError as exc:
        raise ConfigError(str(exc)) from None
    if shacl_engine not in ENGINES:
        raise ConfigError(f"unknown SHACL engine {shacl_engine!r}; use one of: {', '.join(ENGINES)}")
    if extraction not in EXTRACTORS:
        raise ConfigError(f"unknown extractor {extraction!r}; use one of: {', '.join(EXTRACTORS)}")
    factory = extractor_factory or partial(extractor_named, extraction)  # picklable: made in each worker
    settings = Settings(minter.base, f"{__version__}+{extraction}", shacl_engine, None, factory)
    decided = read_decisions(decisions or out / DECISIONS)  # a bad line stops the build before it starts
    out.mkdir(parents=True, exist_ok=True)
    asked = _Asked(inputs, max_bytes, extractor, jobs, progress, prune, rebuild, decided)
    with BuildLock(out):
        spec = store or recorded_store(out)
        result = BuildResult(out=out, version=__version__, store=store_label(spec))
        state = BuildState(out)
        try:
            with GraphStore.open(out, spec, update_url=update_url) as graph_store:
                outputs = Outputs(graph_store, state, result, settings, spec in (EMBEDDED, MEMORY))
                try:
                    _build_into(graph_store, outputs, minter, asked)
                finally:
                    outputs.close()
            result.errors.sort(key=lambda e: e.source)
            result.seconds = round(time.monotonic() - started, 3)
            _write_summary(result, inputs, minter.base)
        finally:
            state.close()
        if spec == EMBEDDED:
            publish(out)  # what readers see from now on: store/generations.py
    return result


@dataclass(frozen=True)
class _Asked:
    """What build() was asked to do, besides where."""

    inputs: list[Path]
    max_bytes: int
    extractor: Extractor | None
    jobs: int | None
    progress: bool | None
    prune: bool
    rebuild: bool
    decisions: list[Decision]


def _build_into(store: GraphStore, outputs: Outputs, minter: IriMinter, asked: _Asked) -> None:
    result = outputs.result
    known = _known(outputs, store, result)
    check_base(known, minter, store.location)
    records: dict[str, Record] = {}
    with Loader(store, LOAD_BATCH_TRIPLES, partial(_refused, result, records)) as loader:
        run = _Run(store, outputs.state, minter, outputs.settings, result, known, loader, outputs,
                   asked.max_bytes, records=records)
        _build_releases(run, asked.inputs, asked.rebuild, asked.extractor, asked.jobs, asked.progress)
    compact = run.loader.loaded >= LOAD_BATCH_TRIPLES
    with paused_cycle_collection():  # from here the process holds the store's network (memory.py)
        _finish_store(run, asked.prune, asked.decisions, compact)
        outputs.write(run.records, run.known, run.recalled, compact)


def _known(outputs: Outputs, store: GraphStore, result: BuildResult) -> dict[URIRef, Fingerprint]:
    """What the store holds of each release: from the build state when the last build ended, else
    read from the store."""
    started = time.monotonic()
    known = outputs.fingerprints()
    if known is None:
        known = release_state(store)
    result.stages["state"] = time.monotonic() - started
    return known


def _build_releases(run: _Run, inputs: list[Path], rebuild: bool, extractor: Extractor | None,
                    jobs: int | None, progress: bool | None) -> None:
    """Read every input; skip, restamp or build each release; store what was built, in input order."""
    started = time.monotonic()
    if not rebuild and run.outputs.trusted:
        run.recalled = run.state.records()
    recall = None if run.recalled is None else partial(_recall, run.recalled)
    releases = _progress(_releases(inputs, run, recall), progress)
    wanted = _to_build(run, releases, rebuild)
    jobs = available_cores() if jobs is None else max(1, jobs)
    if extractor is not None or jobs == 1:
        builder = ReleaseBuilder(run.settings, extractor)
        for built in map(builder, wanted):
            _store(run, built)
    else:
        first = _head(wanted, WORKERS_FROM)
        if len(first) < WORKERS_FROM:
            builder = ReleaseBuilder(run.settings)
            for built in map(builder, first):
                _store(run, built)
        else:
            with Workers[RawRelease, Built | Failed](jobs, start_worker, (run.settings,)) as workers:
                for built in workers.map(build_in_worker, _chain(first, wanted)):
                    _store(run, built)
    run.result.stages["read and build"] = time.monotonic() - started


def _head(items: Iterator[RawRelease], n: int) -> list[RawRelease]:
    head = []
    for item in items:
        head.append(item)
        if len(head) >= n:
            break
    return head


def _chain(first: list[RawRelease], rest: Iterator[RawRelease]) -> Iterator[RawRelease]:
    yield from first
    yield from rest


def _recall(records: dict[str, Record], source: str, blob: bytes, path: Path, record: str,
            ) -> KnownRelease | None:
    """The release a record was when the last build read the same bytes from the same place, under
    the same record name (an input given otherwise names it otherwise: read again, and restamped)."""
    known = records.get(source)
    if known is None or known.raw != hashlib.sha256(blob).hexdigest() or known.record != record:
        return None
    return KnownRelease(source, known.key, f"sha256:{known.raw}", known.text_sha, str(path), known.record,
                        known.source_iri)


def _releases(inputs: Iterable[Path], run: _Run, recall: Any) -> Iterator[RawRelease | KnownRelease]:
    """The releases of `inputs`, file by file (one file's records at a time in memory), each with a
    key of its own: the second of two releases that would share a named graph (same key from two
    files) gets a short hash of its record name appended to its key."""
    inputs = list(inputs)
    files, missing = discover(inputs)
    errors = run.result.errors
    errors.extend(InputError(e.source, e.reason) for e in missing)
    taken: set[URIRef] = set()
    # A second copy of one text is an error naming the first.
    for item in read_all(files, run.max_bytes, inputs, recall):
        if isinstance(item, IngestError):
            errors.append(InputError(item.source, item.reason))
            continue
        release = item
        raw = release.content_hash.removeprefix("sha256:")
        origin = (release.source_iri if isinstance(release, KnownRelease)
                  else str(source_iri(release, run.minter)))
        run.records[release.source] = Record(release.source, raw, release.key, release.text_sha256,
                                             release.record_name, origin)
        if run.minter("release", release.key) in taken:
            digest = hashlib.sha256(release.record_name.encode("utf-8")).hexdigest()[:8]
            release = replace(release, key=f"{release.key}-{digest}")
        taken.add(run.minter("release", release.key))
        yield release


def _to_build(run: _Run, releases: Iterable[RawRelease | KnownRelease], rebuild: bool,
              ) -> Iterator[RawRelease]:
    """The releases to extract, in order; the others are counted unchanged or restamped here."""
    for release in releases:
        iri = URIRef(str(run.minter("release", release.key)))
        run.seen.add(iri)
        before = run.known.get(iri)
        now = Fingerprint.of(release, run.minter, run.settings.version)
        if not rebuild and before is not None and before.same_graph(now):
            run.result.changes.unchanged += 1
            continue
        if isinstance(release, KnownRelease):
            release = run.read_again(release)
        if not rebuild and before is not None and before.same_content(now):
            run.writing()
            run.loader.settle()  # other writes wait for the batch loading (store/loader.py)
            restamp(run.store, iri, release, before, run.minter, run.settings.version)
            run.known[iri] = now
            run.outputs.restamped(str(iri))
            run.result.changes.restamped += 1
            continue
        run.waiting.append((release, before))
        yield release


def _store(run: _Run, built: Built | Failed) -> None:
    """Store one release as built, or record why it could not be (and drop its old graph: the store
    must not keep what a changed source no longer says)."""
    release, before = run.waiting.popleft()
    iri = URIRef(str(run.minter("release", release.key)))
    if isinstance(built, Failed):
        run.result.errors.append(InputError(release.source, built.reason))
        run.records.pop(release.source, None)  # read in full next time, to be named again
        if before is not None:
            run.writing()
            run.loader.settle()
            run.store.remove_release(iri)
            run.result.changes.removed += 1
        return
    run.writing()
    run.outputs.made(built, Fingerprint.of(release, run.minter, run.settings.version))
    if before is None:
        run.loader.add(iri, built.quads, tag=release.source)
        run.result.changes.added += 1
    else:
        run.loader.settle()
        run.store.replace_release_quads(iri, list(ox.parse(built.quads.named, format=ox.RdfFormat.N_QUADS)))
        run.result.changes.changed += 1


def _refused(result: BuildResult, records: dict[str, Record], source: str, reason: str) -> None:
    """A new release the store could not read: an error of its own, the others are stored."""
    result.errors.append(InputError(source, f"cannot store this release: {reason}"))
    result.changes.added -= 1
    records.pop(source, None)  # read in full next time, to be named again


def _finish_store(run: _Run, prune: bool, decisions: list[Decision], compact: bool) -> None:
    started = time.monotonic()
    if prune:
        for gone in sorted(set(run.known) - run.seen):
            run.writing()
            run.store.remove_release(gone)
            run.result.changes.removed += 1
    run.outputs.put_reference(run.writing)
    if run.outputs.changed:  # the release graphs changed: graph.html is drawn again whatever the links
        run.outputs.start_page(compact)
    run.result.stages["store"] = time.monotonic() - started
    started = time.monotonic()
    run.outputs.put_resolution(run.writing, decisions)
    run.result.stages["resolution"] = time.monotonic() - started


def _progress(releases: Iterator[RawRelease | KnownRelease], show: bool | None,
              ) -> Iterator[RawRelease | KnownRelease]:
    """The releases, with a progress count on stderr when it is a terminal (never in logs or pipes)."""
    if not (sys.stderr.isatty() if show is None else show):
        yield from releases
        return
    with click.progressbar(releases, label="building", file=sys.stderr, show_pos=True) as bar:
        yield from bar


def count_entities(store: GraphStore) -> dict[str, int]:
    """Distinct organisations, persons, posts, meetings, frameworks and funding over all releases."""
    from migragraph.outputs import count_entities as count

    return count(store)


def _write_summary(result: BuildResult, inputs: Iterable[Path], base: str) -> None:
    from migragraph.store.files import write_text_atomic

    changes = result.changes
    summary: dict[str, Any] = {
        "version": result.version,
        "built_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "seconds": result.seconds,
        "stages": {stage: round(seconds, 3) for stage, seconds in result.stages.items()},
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
