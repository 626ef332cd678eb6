"""SHACL over many release graphs in bounded time and memory (`migragraph validate`, benchmarks): each
graph validated on its own, in worker processes (workers.py) once there are enough of them to repay
starting the workers, and the cross-release constraints checked on the union of their projections
(validate/crossrelease.py) in this process.

The main process keeps, of each graph, its results and the few triples the cross-release constraints
read (as many distinct triples as there are shared entities), never the graph itself; at most a few
chunks of graphs are in flight, so memory stays bounded whatever the number of releases. A build does
the same through its own workers, remembering each graph's outcome (validate/outcomes.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef

from migragraph.map.iris import DEFAULT_BASE
from migragraph.store.terms import nquads, to_rdflib
from migragraph.validate.engines import DEFAULT_ENGINE, Violation
from migragraph.validate.outcomes import CrossChecker, Outcome, ReleaseChecker
from migragraph.validate.shacl import ValidationReport, sort_violations
from migragraph.workers import Workers, available_cores

# Fewer graphs than this are validated in this process: starting workers costs more than they save.
WORKERS_FROM = 256


@dataclass(frozen=True)
class _Setup:
    engine: str
    shapes_folder: Path | None
    base: str


_CHECKER: ReleaseChecker | None = None


def _start(setup: _Setup) -> None:
    global _CHECKER
    _CHECKER = ReleaseChecker(setup.engine, setup.shapes_folder, setup.base)


def check_nquads(item: tuple[str, bytes]) -> Outcome:
    """One graph, given as its N-Quads (or N-Triples), validated and projected (in a worker)."""
    if _CHECKER is None:  # pragma: no cover - the initializer always runs first
        raise RuntimeError("validation worker not started")
    graph, data = item
    quads = ox.parse(data, format=ox.RdfFormat.N_QUADS)
    triples = [(to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)) for q in quads]
    written = nquads(URIRef(graph), triples)
    return _CHECKER.check(graph, "".join(line + " .\n" for line in written.union), triples)


def validate_nquads(graphs: Iterable[tuple[str, bytes]], *, engine: str = DEFAULT_ENGINE,
                    base: str = DEFAULT_BASE, shapes_folder: Path | None = None,
                    jobs: int | None = None) -> ValidationReport:
    """Validate graphs given as (IRI, N-Quads), read as they come: each on its own, then the
    cross-release constraints on the union of their projections."""
    setup = _Setup(engine, shapes_folder, base)
    jobs = available_cores() if jobs is None else max(1, jobs)
    iterator = iter(graphs)
    head = []
    for item in iterator:
        head.append(item)
        if len(head) >= WORKERS_FROM:
            break
    names: list[str] = []

    def named(items: Iterable[tuple[str, bytes]]) -> Iterator[tuple[str, bytes]]:
        for item in items:
            names.append(item[0])
            yield item

    everything = named(_chain(head, iterator))
    if jobs == 1 or len(head) < WORKERS_FROM:
        _start(setup)
        return _merge(map(check_nquads, everything), names, setup)
    with Workers[tuple[str, bytes], Outcome](jobs, _start, (setup,)) as workers:
        return _merge(workers.map(check_nquads, everything), names, setup)


def _chain(head: list[tuple[str, bytes]], rest: Iterator[tuple[str, bytes]]) -> Iterator[tuple[str, bytes]]:
    yield from head
    yield from rest


def _merge(outcomes: Iterable[Outcome], names: list[str], setup: _Setup) -> ValidationReport:
    conforms, violations = True, list[Violation]()
    union: dict[tuple[str, str, str], str] = {}  # each triple read by the union's check, and its first graph
    for index, outcome in enumerate(outcomes):
        conforms = conforms and outcome.conforms
        violations.extend(outcome.violations)
        for row in outcome.projection:
            union.setdefault(row, names[index])  # graphs come releases first, then the gazetteer's
    rows = [(graph, *row) for row, graph in union.items()]
    seen = {_key(v) for v in violations}
    cross = CrossChecker(setup.engine, setup.shapes_folder, setup.base)
    crossed = [v for v in cross.check(rows) if _key(v) not in seen]
    conforms = conforms and not any(v.severity == "Violation" for v in crossed)
    return ValidationReport(conforms, sort_violations([*violations, *crossed]))


def validate_parallel(graphs: Iterable[Graph], *, engine: str = DEFAULT_ENGINE, base: str = DEFAULT_BASE,
                      shapes_folder: Path | None = None, jobs: int | None = None) -> ValidationReport:
    """Validate release graphs (rdflib, each with its release IRI as identifier; an iterator is read as
    it goes); see the module docstring."""
    def written() -> Iterator[tuple[str, bytes]]:
        for graph in graphs:
            yield str(graph.identifier), nquads(URIRef(str(graph.identifier)), graph).named

    return validate_nquads(written(), engine=engine, base=base, shapes_folder=shapes_folder, jobs=jobs)


def _key(v: Violation) -> tuple[str, str | None, str, str]:
    return v.focus, v.path, v.constraint, v.shape
