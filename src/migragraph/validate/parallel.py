"""SHACL over many releases in bounded time and memory: batches of release graphs are validated in
worker processes, and only the cross-release constraints are checked on (a projection of) the union.

Which constraints need the union, and what they read, is validate/crossrelease.py's to say.

So each batch is validated whole in a worker, and returns, besides its results, the few triples those
constraints read (the types and values of shared nodes on their paths), each with the first release
that stated it; the main process keeps their union (as large as the set of distinct entities, not of
releases) and validates it against those constraints alone.

Workers are started with "spawn" (the parent may hold a store's threads, which fork does not copy
safely), read the shapes once each, and at most `workers * 2` batches are in flight, so memory is
bounded by a few batches whatever the number of releases. Everything that fits in one batch is
validated in-process: a small build starts no process.

A build cuts its own batches (by content, store/validated.py) and remembers each one's outcome, its
report and its projection: it gives the changed batches whole and the remembered outcomes of the
others, so the cross-release check still reads every release while only the changed ones are validated.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import resource
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import TracebackType

import pyoxigraph as ox
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from migragraph.map import Triple
from migragraph.map.iris import DEFAULT_BASE, IriMinter
from migragraph.store.terms import to_rdflib
from migragraph.validate.crossrelease import cross_release, project
from migragraph.validate.shacl import (
    BATCH_SIZE,
    ValidationReport,
    Violation,
    load_shapes,
    merge_reports,
    validate_union,
    violation,
)

WORKERS = 2
# A batch of release graphs: (graph IRI, its triples, or its N-Quads: the worker parses those, so a
# main process that reads serialised graphs, as from a store, converts no term itself).
Batch = list[tuple[str, list[Triple] | bytes]]


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


def _validate_here(batch: Batch, shapes_folder: Path | None, base: str) -> _BatchResult:
    """A batch validated in this process, as a worker would."""
    if _WORKER is None or _WORKER.started_with != (shapes_folder, base):
        _start_worker(shapes_folder, base)
    return _validate_batch(batch)


def _validate_batch(batch: Batch) -> _BatchResult:
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

@dataclass(frozen=True)
class BatchOutcome:
    """What validating one batch found: its report, and its projection (each triple with the first
    release of the batch that states it). store/validated.py remembers it, so that a batch that has not
    changed still takes part in the cross-release check without being validated again."""

    report: ValidationReport
    projection: list[tuple[Triple, str]]


@dataclass
class _Queued:
    """A batch, in the order given: waiting (no worker started yet, or none left), in a worker, or done;
    `done` is given its outcome when it is taken."""

    payload: Batch
    future: Future[_BatchResult] | None = None
    outcome: BatchOutcome | None = None
    done: Callable[[BatchOutcome], None] | None = None

    @property
    def waiting(self) -> bool:
        return self.future is None and self.outcome is None


@dataclass
class _State:
    batch: Batch = field(default_factory=list)  # graphs given one at a time, not yet cut into a batch
    pending: list[_Queued] = field(default_factory=list)  # batches not yet taken, in the order given
    parallel: bool = False  # batches go to workers (once more than one batch's worth is to be validated)
    reports: list[ValidationReport] = field(default_factory=list)
    union: dict[Triple, str] = field(default_factory=dict)  # the cross-release projection
    peak_kb: dict[int, int] = field(default_factory=dict)  # worker pid -> its peak memory


class ParallelValidator:
    """Validate release graphs in `workers` processes: graphs given one at a time (`add`) are cut
    `batch_size` to a batch; a caller that cuts its own batches gives them whole (`add_batch`), and the
    outcomes of batches it validated before (`add_outcome`). `report()` waits for every batch and checks
    the cross-release constraints on the union of all batches' projections.

        with ParallelValidator(base=minter.base) as validator:
            for graph in graphs:
                validator.add(graph)
            report = validator.report()

    Batches are taken in the order given, whichever worker ends first, so the same batches always give
    the same report. Until more than `batch_size` graphs wait, no process is started: if nothing more
    comes, they are validated here.
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

    def add_batch(self, batch: Batch, done: Callable[[BatchOutcome], None] | None = None) -> None:
        """A batch cut by the caller, validated as one; `done` is given its outcome (to remember it)."""
        self._cut()
        self._queue(_Queued(list(batch), done=done))

    def add_outcome(self, outcome: BatchOutcome) -> None:
        """The outcome of a batch validated before: its report is kept and its projection joins the
        cross-release check, without validating it again."""
        self._cut()
        self._queue(_Queued([], outcome=outcome))

    def _add(self, item: tuple[str, list[Triple] | bytes]) -> None:
        state = self._state
        state.batch.append(item)
        if len(state.batch) >= self.batch_size:
            self._cut()
        else:
            self._dispatch()

    def _cut(self) -> None:
        """The graphs given one at a time so far, as a batch (before a batch given whole: order is kept)."""
        batch, self._state.batch = self._state.batch, []
        if batch:
            self._queue(_Queued(batch))

    def _queue(self, queued: _Queued) -> None:
        self._state.pending.append(queued)
        self._dispatch()

    def _dispatch(self) -> None:
        """Send the waiting batches to workers, once more than one batch's worth waits, in more than one
        batch; take the done batches at the head of the queue."""
        state = self._state
        if not state.parallel:
            waiting = [q for q in state.pending if q.waiting]
            state.parallel = (len(waiting) + bool(state.batch) > 1
                              and sum(len(q.payload) for q in waiting) + len(state.batch) > self.batch_size)
        while state.parallel and (queued := next((q for q in state.pending if q.waiting), None)):
            while sum(q.future is not None for q in state.pending) >= 2 * self.workers:
                self._take_first()  # bounded: never more than this many batches held in workers
            self._send(queued)
        while state.pending and state.pending[0].outcome is not None:
            self._take_first()

    def _send(self, queued: _Queued) -> None:
        pool = self._workers()
        if pool is not None:
            queued.future = pool.submit(_validate_batch, queued.payload)
            return
        # No workers left: this batch is validated here, in its turn (after the batches before it).
        while self._state.pending[0] is not queued:
            self._take_first()
        self._take_first()

    def report(self) -> ValidationReport:
        state = self._state
        self._cut()
        while state.pending:
            self._take_first()
        self.close()
        if len(state.reports) <= 1:  # one batch: it was validated whole, nothing else to check
            return merge_reports(state.reports)
        return merge_reports([*state.reports, self._cross_release_report()])

    def _workers(self) -> ProcessPoolExecutor | None:
        if self._pool is None and not self._broken:
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_start_worker,
                                             initargs=(self.shapes_folder, self.base))
        return self._pool

    def _take_first(self) -> None:
        """The batch at the head of the queue: its outcome (waiting for its worker, or validating it
        here if it is still waiting) is kept, and given to its `done`."""
        queued = self._state.pending.pop(0)
        outcome = queued.outcome or self._outcome(self._result(queued))
        if queued.done is not None:
            queued.done(outcome)
        state = self._state
        state.reports.append(outcome.report)
        for triple, release in outcome.projection:
            state.union.setdefault(triple, release)

    def _result(self, queued: _Queued) -> _BatchResult:
        if queued.future is not None:
            try:
                return queued.future.result()
            except BrokenProcessPool:
                # A worker died (killed for memory, or a script that spawns workers without a
                # `if __name__ == "__main__":` guard): this batch, and the rest, are validated here.
                self._broken = True
                if self._pool is not None:
                    self._pool.shutdown(wait=False, cancel_futures=True)
                    self._pool = None
        return _validate_here(queued.payload, self.shapes_folder, self.base)

    def _outcome(self, done: _BatchResult) -> BatchOutcome:
        state = self._state
        state.peak_kb[done.pid] = max(state.peak_kb.get(done.pid, 0), done.peak_kb)
        report = Graph()
        for triple in pickle.loads(done.report):
            report.add(triple)
        return BatchOutcome(ValidationReport(done.conforms, done.violations, report), done.projection)

    def _cross_release_report(self) -> ValidationReport:
        """The cross-release constraints on the union's projection; results already found inside one
        batch are left out, from the list and from the report graph."""
        state = self._state
        cross = cross_release(load_shapes(self.shapes_folder))
        union = Graph()
        for triple in state.union:
            union.add(triple)
        found = validate_union(union, lambda node: (), cross.shapes)  # which releases: `_stating`
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
