"""SHACL over every graph of the store after a build, batch by batch, each batch's outcome remembered.

validation.ttl must describe the whole store, yet an incremental build changes a few releases: SHACL
costs more than extraction (~6 ms a release against ~4 ms), so validating everything again would undo
most of what skipping extraction saves. So the release graphs are cut into batches by their content
(a batch ends after a graph whose IRI hashes to 0 modulo the batch size, as rsync cuts files into
blocks): adding or changing one release changes one batch, and every other batch keeps its key, the
SHA-256 of its graphs' contents, of the base IRI and of the shapes. A batch's outcome (its report, and
the projection the cross-release constraints read, validate/parallel.py) is kept in
DIR/.validation/<key>.json and read back instead of running pyshacl again. Keys name contents, so a
remembered outcome is never stale; the outcomes no batch of this build used are deleted.

The changed batches are validated in worker processes (in this one when they fit one batch), and the
cross-release constraints (one organisation, two preferred names) are checked on the projections of
all batches, remembered or not: a conflict between releases of two batches is found however the store
was built. The same store always gives the same batches, so a build from scratch and a build step by
step give the same report. The gazetteer's reference graph and the resolution graph are validated
each as a batch of its own.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import asdict
from functools import cache, partial
from pathlib import Path

import pyoxigraph as ox
import pyshacl
from rdflib import Graph, URIRef

from migragraph.resources import data_dir
from migragraph.store.files import write_text_atomic
from migragraph.store.graphstore import GraphStore
from migragraph.store.terms import to_ox_quads, to_rdflib
from migragraph.validate.parallel import BatchOutcome, ParallelValidator
from migragraph.validate.shacl import BATCH_SIZE, ValidationReport, Violation

CACHE = ".validation"


def batches(graphs: list[tuple[URIRef, str]], size: int) -> Iterator[list[tuple[URIRef, str]]]:
    """`graphs` (IRI, content digest), in IRI order, cut where an IRI's hash is 0 modulo `size`
    (about `size` graphs a batch, never more than twice that)."""
    batch: list[tuple[URIRef, str]] = []
    for graph in sorted(graphs):
        batch.append(graph)
        cut = int(hashlib.sha256(str(graph[0]).encode("utf-8")).hexdigest()[:12], 16) % max(size, 1) == 0
        if cut or len(batch) >= 2 * size:
            yield batch
            batch = []
    if batch:
        yield batch


def validate_store(store: GraphStore, releases: list[tuple[URIRef, str]],
                   derived: list[tuple[URIRef, str]], folder: Path, size: int,
                   base: str) -> ValidationReport:
    """The report over the release graphs (and the graphs derived from them: the gazetteer's
    reference graph, the resolution graph, each a batch of its own), reusing the outcomes remembered in
    `folder`/.validation for batches whose contents have not changed. `base` is the build's base IRI
    (which nodes several releases may describe)."""
    cache_dir = folder / CACHE
    cache_dir.mkdir(exist_ok=True)
    used = set()
    with ParallelValidator(batch_size=size, base=base) as validator:
        for batch in [*batches(releases, size), *([graph] for graph in derived)]:
            contents = "".join(f"{g} {d}\n" for g, d in batch)
            key = hashlib.sha256(f"{_shapes_key()}{base}\n{contents}".encode()).hexdigest()
            path = cache_dir / f"{key}.json"
            used.add(path.name)
            remembered = _load(path)
            if remembered is not None:
                validator.add_outcome(remembered)
            else:
                validator.add_batch([(str(g), graph_nquads(store, g)) for g, _ in batch],
                                    partial(_remember, path))
        report = validator.report()
    for stale in cache_dir.iterdir():  # outcomes no batch uses now, and writes a kill cut short
        if stale.name not in used:
            stale.unlink(missing_ok=True)
    return report


def validate_all(store: GraphStore, base: str, size: int = BATCH_SIZE) -> ValidationReport:
    """Every named graph of the store validated again (nothing remembered), in parallel batches: the
    releases' first and the others' (the gazetteer's) after them, as a build does, so that a conflict
    names the same graphs."""
    releases = store.release_graphs()
    others = sorted(set(store.named_graphs()) - set(releases))
    with ParallelValidator(batch_size=size, base=base) as validator:
        for graph in [*releases, *others]:
            validator.add_nquads(str(graph), graph_nquads(store, graph))
        return validator.report()


def graph_nquads(store: GraphStore, graph: URIRef) -> bytes:
    """One named graph as N-Quads, serialised by oxigraph: the validation worker parses it."""
    return ox.serialize(store.quads(graph), format=ox.RdfFormat.N_QUADS) or b""


@cache
def _shapes_key() -> str:
    """What else a batch's report depends on: the shapes and the pyshacl that ran them."""
    digest = hashlib.sha256(pyshacl.__version__.encode("utf-8"))
    for path in sorted(data_dir("shapes").glob("*.ttl")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _remember(path: Path, outcome: BatchOutcome) -> None:
    report = outcome.report
    # The projection as N-Quads, each triple in the graph of the release that states it.
    projection = [q for triple, release in outcome.projection for q in to_ox_quads(URIRef(release), [triple])]
    write_text_atomic(path, json.dumps({
        "conforms": report.conforms, "violations": [asdict(v) for v in report.violations],
        "graph": report.graph.serialize(format="nt"),
        "projection": (ox.serialize(projection, format=ox.RdfFormat.N_QUADS) or b"").decode("utf-8"),
    }, ensure_ascii=False))


def _load(path: Path) -> BatchOutcome | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        violations = [Violation(**{**v, "releases": tuple(v["releases"])}) for v in data["violations"]]
        graph = Graph().parse(data=data["graph"], format="nt")
        projection = [((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)),
                       q.graph_name.value)  # a quad in the default graph has none: AttributeError
                      for q in ox.parse(data["projection"].encode("utf-8"), format=ox.RdfFormat.N_QUADS)]
    except (OSError, ValueError, KeyError, TypeError, AttributeError, SyntaxError):
        return None  # missing, unreadable or of an older migragraph: validate the batch again
    return BatchOutcome(ValidationReport(bool(data["conforms"]), violations, graph), projection)
