"""SHACL over many releases in bounded time and memory: batches of release graphs are validated in
worker processes, and only the cross-release constraints are checked on (a projection of) the union.

Which constraints need the union? Every shape holds within one release graph, because a release
graph types and labels every node it describes (map/mapper.py). Adding the other releases can only
satisfy more sh:minCount and sh:class constraints, never fewer; it can break only the constraints
that more values of the same node break (`UNION_SENSITIVE`: sh:maxCount, sh:uniqueLang, sh:lessThan,
sh:lessThanOrEquals, sh:equals, sh:disjoint), and only on nodes that several releases describe: those
minted from names (map/iris.py `SHARED_KINDS`: organisations, persons, roles, posts, frameworks,
places), not those minted from a release's key (the release, its meetings, funding, evidence). With
today's shapes that is OrganizationShape's skos:prefLabel sh:maxCount 1 (two releases must not give
one organisation two preferred names) and PostShape's org:postIn sh:maxCount 1.

So each batch is validated whole in a worker, and returns, besides its results, the few triples those
constraints read (the types and values of shared nodes on their paths), each with the first release
that stated it; the main process keeps their union (as large as the set of distinct entities, not of
releases) and validates it against those constraints alone.

Workers are started with "spawn" (the parent may hold a store's threads, which fork does not copy
safely), read the shapes once each, and at most `workers * 2` batches are in flight, so memory is
bounded by a few batches whatever the number of releases. Everything that fits in one batch is
validated in-process: a small build starts no process.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import resource
from collections.abc import Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import TracebackType

import pyoxigraph as ox
from rdflib import RDF, RDFS, BNode, Graph, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from migragraph.map.iris import DEFAULT_BASE, IriMinter
from migragraph.store.terms import to_rdflib
from migragraph.validate.shacl import (
    BATCH_SIZE,
    ValidationReport,
    Violation,
    load_shapes,
    merge_reports,
    validate_graphs,
    validate_union,
    violation,
)

WORKERS = 2
UNION_SENSITIVE = (SH.maxCount, SH.uniqueLang, SH.lessThan, SH.lessThanOrEquals, SH.equals, SH.disjoint)
_PAIRED = (SH.lessThan, SH.lessThanOrEquals, SH.equals, SH.disjoint)  # their value is another path

Triple = tuple[Node, Node, Node]
# A batch as sent to a worker: (graph IRI, its triples, or its N-Quads: the worker parses those, so
# a main process that reads serialised graphs, as from a store, converts no term itself).
_Payload = list[tuple[str, list[Triple] | bytes]]


@dataclass(frozen=True)
class CrossRelease:
    """The constraints checked on the union, and what they read: target classes -> predicates."""

    shapes: Graph
    reads: dict[URIRef, frozenset[URIRef]]


def cross_release(shapes: Graph) -> CrossRelease:
    """The union-sensitive constraints of `shapes`, as shapes of their own (same node shape IRIs, so
    results name the shape a user knows), with the classes and predicates they read."""
    out = Graph()
    reads: dict[URIRef, set[URIRef]] = {}
    for node_shape in sorted(set(shapes.subjects(RDF.type, SH.NodeShape)), key=str):
        targets = [c for c in shapes.objects(node_shape, SH.targetClass) if isinstance(c, URIRef)]
        for prop in sorted(shapes.objects(node_shape, SH.property), key=str):
            path = shapes.value(prop, SH.path)
            kept = [(p, shapes.value(prop, p)) for p in UNION_SENSITIVE if shapes.value(prop, p) is not None]
            if not targets or not isinstance(path, URIRef) or not kept:
                continue  # a complex path, or nothing the union can break
            copy = BNode()
            out.add((node_shape, RDF.type, SH.NodeShape))
            out.add((node_shape, SH.property, copy))
            out.add((copy, SH.path, path))
            for parameter, value in kept:
                out.add((copy, parameter, value))  # type: ignore[arg-type]
            for target in targets:
                out.add((node_shape, SH.targetClass, target))
                predicates = reads.setdefault(target, set())
                predicates.add(path)
                predicates.update(v for p, v in kept if p in _PAIRED and isinstance(v, URIRef))
    return CrossRelease(out, {c: frozenset(p) for c, p in reads.items()})


def project(triples: Iterable[Triple], reads: dict[URIRef, frozenset[URIRef]],
            minter: IriMinter) -> list[Triple]:
    """The triples of one release graph that the cross-release constraints read: for each node of a
    shared kind typed with one of their target classes, that type and its values on their predicates."""
    triples = list(triples)
    wanted: dict[Node, set[URIRef]] = {}  # node -> the predicates read of it
    out: list[Triple] = []
    for s, p, o in triples:
        if p == RDF.type and o in reads and isinstance(s, URIRef) and minter.shared(s):
            wanted.setdefault(s, set()).update(reads[o])  # type: ignore[index]
            out.append((s, p, o))
    out.extend((s, p, o) for s, p, o in triples if p in wanted.get(s, ()))
    return out


# ---------------------------------------------------------------------------- the worker's side

@dataclass
class _Worker:
    shapes: Graph
    reads: dict[URIRef, frozenset[URIRef]]
    minter: IriMinter
    started_with: tuple[Path | None, str]


_WORKER: _Worker | None = None


def _start_worker(shapes_folder: Path | None, base: str) -> None:
    """Once per worker process: the shapes, read once, and what the cross-release constraints read."""
    global _WORKER
    shapes = load_shapes(shapes_folder)
    _WORKER = _Worker(shapes, cross_release(shapes).reads, IriMinter(base), (shapes_folder, base))


@dataclass
class _BatchResult:
    conforms: bool
    violations: list[Violation]
    report: bytes  # the batch's sh:ValidationReport, pickled (small unless the batch breaks shapes)
    projection: list[tuple[Triple, str]]  # (triple, the first release of the batch that states it)
    peak_kb: int  # the worker's peak resident memory so far
    pid: int


def _validate_here(batch: _Payload, shapes_folder: Path | None, base: str) -> _BatchResult:
    """A batch validated in this process, as a worker would."""
    if _WORKER is None or _WORKER.started_with != (shapes_folder, base):
        _start_worker(shapes_folder, base)
    return _validate_batch(batch)


def _validate_batch(batch: _Payload) -> _BatchResult:
    if _WORKER is None:  # pragma: no cover - the pool's initializer always runs first
        raise RuntimeError("validation worker not started")
    # The union alone, and which releases describe each subject: building a graph per release as well
    # was a third of a worker's time.
    union = Graph(bind_namespaces="none")
    described: dict[Node, list[str]] = {}
    first: dict[Triple, str] = {}
    for identifier, content in batch:
        triples = _triples(content)
        for triple in triples:
            union.add(triple)
            where = described.setdefault(triple[0], [])
            if not where or where[-1] != identifier:
                where.append(identifier)
        for triple in project(triples, _WORKER.reads, _WORKER.minter):
            first.setdefault(triple, identifier)
    report = validate_union(union, lambda node: tuple(described.get(node, ())), _WORKER.shapes)
    return _BatchResult(report.conforms, report.violations, pickle.dumps(list(report.graph)),
                        list(first.items()), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, os.getpid())


def _triples(content: list[Triple] | bytes) -> list[Triple]:
    if not isinstance(content, bytes):
        return content
    return [(to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object))
            for q in ox.parse(content, format=ox.RdfFormat.N_QUADS)]


# ---------------------------------------------------------------------------- the main side

@dataclass
class _State:
    batch: _Payload = field(default_factory=list)
    pending: list[tuple[Future[_BatchResult], _Payload]] = field(default_factory=list)
    reports: list[ValidationReport] = field(default_factory=list)
    union: dict[Triple, str] = field(default_factory=dict)  # the cross-release projection
    batches: int = 0
    peak_kb: dict[int, int] = field(default_factory=dict)  # worker pid -> its peak memory


class ParallelValidator:
    """Validate release graphs given one at a time (`add`), `batch_size` to a batch, in `workers`
    processes; `report()` waits for every batch and checks the cross-release constraints.

        with ParallelValidator(base=minter.base) as validator:
            for graph in graphs:
                validator.add(graph)
            report = validator.report()
    """

    def __init__(self, *, batch_size: int = BATCH_SIZE, workers: int = WORKERS, base: str = DEFAULT_BASE,
                 shapes_folder: Path | None = None) -> None:
        self.batch_size, self.workers, self.base = max(1, batch_size), max(1, workers), base
        self.shapes_folder = shapes_folder
        self._pool: ProcessPoolExecutor | None = None
        self._broken = False
        self._state = _State()

    def __enter__(self) -> ParallelValidator:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    @property
    def peak_worker_kb(self) -> int:
        """The sum of the workers' peak resident memories (an upper bound of what they held at once)."""
        return sum(self._state.peak_kb.values())

    def add(self, graph: Graph) -> None:
        """One release graph (its identifier is the release IRI)."""
        self._add((str(graph.identifier), list(graph)))

    def add_nquads(self, graph_iri: str, nquads: bytes) -> None:
        """One release graph as N-Quads (or N-Triples): parsed by the worker that validates it."""
        self._add((graph_iri, nquads))

    def _add(self, item: tuple[str, list[Triple] | bytes]) -> None:
        state = self._state
        state.batch.append(item)
        if len(state.batch) >= self.batch_size:
            # The first full batch waits: if nothing follows, it is validated in-process.
            if state.batches or len(state.batch) > self.batch_size:
                self._submit(state.batch[: self.batch_size])
                state.batch = state.batch[self.batch_size:]

    def report(self) -> ValidationReport:
        state = self._state
        if not state.batches:  # everything in one batch: the batch is the union, nothing else to check
            self._take(_validate_here(state.batch, self.shapes_folder, self.base))
            state.batch = []
            return merge_reports(state.reports)
        while state.batch:
            self._submit(state.batch[: self.batch_size])
            state.batch = state.batch[self.batch_size:]
        while state.pending:
            self._collect(*state.pending.pop(0))
        self.close()
        return merge_reports([*state.reports, self._cross_release_report()])

    def _submit(self, payload: _Payload) -> None:
        state = self._state
        while len(state.pending) >= 2 * self.workers:  # bounded: never more than this many batches held
            self._collect(*state.pending.pop(0))
        state.batches += 1
        pool = self._workers()
        if pool is None:
            self._take(_validate_here(payload, self.shapes_folder, self.base))
            return
        state.pending.append((pool.submit(_validate_batch, payload), payload))

    def _workers(self) -> ProcessPoolExecutor | None:
        if self._pool is None and not self._broken:
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_start_worker,
                                             initargs=(self.shapes_folder, self.base))
        return self._pool

    def _collect(self, future: Future[_BatchResult], payload: _Payload) -> None:
        try:
            done = future.result()
        except BrokenProcessPool:
            # A worker died (killed for memory, or a script that spawns workers without a
            # `if __name__ == "__main__":` guard): this batch, and the rest, are validated here.
            self._broken = True
            if self._pool is not None:
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = None
            done = _validate_here(payload, self.shapes_folder, self.base)
        self._take(done)

    def _take(self, done: _BatchResult) -> None:
        state = self._state
        report = Graph()
        for triple in pickle.loads(done.report):
            report.add(triple)
        state.reports.append(ValidationReport(done.conforms, done.violations, report))
        for triple, release in done.projection:
            state.union.setdefault(triple, release)
        state.peak_kb[done.pid] = max(state.peak_kb.get(done.pid, 0), done.peak_kb)

    def _cross_release_report(self) -> ValidationReport:
        """The cross-release constraints on the union's projection; results already found inside one
        batch are left out, from the list and from the report graph."""
        state = self._state
        cross = cross_release(load_shapes(self.shapes_folder))
        union = Graph()
        for triple in state.union:
            union.add(triple)
        found = validate_graphs([union], cross.shapes)
        seen = {_key(v) for r in state.reports for v in r.violations}
        violations = []
        for result in list(found.graph.subjects(RDF.type, SH.ValidationResult)):
            v = violation(result, found.graph, cross.shapes)
            if _key(v) in seen:
                found.graph.remove((result, None, None))
                found.graph.remove((None, SH.result, result))
                continue
            v = replace(v, releases=self._stating(v))
            violations.append(v)
            for release in v.releases:  # as validate_graphs does: where to look
                found.graph.add((result, RDFS.seeAlso, URIRef(release)))
        violations.sort(key=lambda v: (v.releases, v.focus, v.path or "", v.constraint, v.message))
        conforms = not any(v.severity == "Violation" for v in violations)
        return ValidationReport(conforms, violations, found.graph)

    def _stating(self, v: Violation) -> tuple[str, ...]:
        """The releases that stated a value of the violation's node on its path (the first of each)."""
        focus, path = URIRef(v.focus), URIRef(v.path) if v.path else None
        return tuple(sorted({release for (s, p, _), release in self._state.union.items()
                             if s == focus and (path is None or p == path)}))


def _key(v: Violation) -> tuple[str, str | None, str, str]:
    return v.focus, v.path, v.constraint, v.shape


def validate_parallel(graphs: Iterable[Graph], *, batch_size: int = BATCH_SIZE, workers: int = WORKERS,
                      base: str = DEFAULT_BASE, shapes_folder: Path | None = None) -> ValidationReport:
    """Validate release graphs (an iterator is read as it goes, never held whole) in parallel batches;
    see the module docstring."""
    with ParallelValidator(batch_size=batch_size, workers=workers, base=base,
                           shapes_folder=shapes_folder) as validator:
        for graph in graphs:
            validator.add(graph)
        return validator.report()
