"""SHACL over every graph of the store after a build, batch by batch, each batch's report remembered.

validation.ttl must describe the whole store, yet an incremental build changes a few releases: SHACL
costs more than extraction (~6 ms a release against ~4 ms), so validating everything again would undo
most of what skipping extraction saves. So the release graphs are cut into batches by their content
(a batch ends after a graph whose IRI hashes to 0 modulo the batch size, as rsync cuts files into
blocks): adding or changing one release changes one batch, and every other batch keeps its key, the
SHA-256 of its graphs' contents and of the shapes. A batch's report is kept in DIR/.validation/<key>.json
and read back instead of running pyshacl again. Keys name contents, so a remembered report is never
stale; the reports no batch of this build used are deleted.

The same store always gives the same batches, so a build from scratch and a build step by step give
the same report. The gazetteer's reference graph is validated as a batch of its own.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import asdict
from functools import cache
from pathlib import Path

import pyshacl
from rdflib import Graph, URIRef

from migragraph.resources import data_dir
from migragraph.store.files import write_text_atomic
from migragraph.store.graphstore import GraphStore
from migragraph.validate.shacl import ValidationReport, Violation, merge_reports, validate_graphs

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
                   reference: tuple[URIRef, str] | None, folder: Path, size: int) -> ValidationReport:
    """The report over the release graphs (and the reference graph), reusing the reports remembered in
    `folder`/.validation for batches whose contents have not changed."""
    cache_dir = folder / CACHE
    cache_dir.mkdir(exist_ok=True)
    reports, used = [], set()
    for batch in [*batches(releases, size), *([[reference]] if reference else [])]:
        key = hashlib.sha256((_shapes_key() + "".join(f"{g} {d}\n" for g, d in batch)).encode()).hexdigest()
        path = cache_dir / f"{key}.json"
        report = _load(path)
        if report is None:
            report = validate_graphs([store.graph(graph) for graph, _ in batch])
            write_text_atomic(path, _dump(report))
        reports.append(report)
        used.add(path.name)
    for stale in cache_dir.iterdir():  # reports no batch uses now, and writes a kill cut short
        if stale.name not in used:
            stale.unlink(missing_ok=True)
    return merge_reports(reports)


@cache
def _shapes_key() -> str:
    """What else a batch's report depends on: the shapes and the pyshacl that ran them."""
    digest = hashlib.sha256(pyshacl.__version__.encode("utf-8"))
    for path in sorted(data_dir("shapes").glob("*.ttl")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _dump(report: ValidationReport) -> str:
    return json.dumps({"conforms": report.conforms, "violations": [asdict(v) for v in report.violations],
                       "graph": report.graph.serialize(format="nt")}, ensure_ascii=False)


def _load(path: Path) -> ValidationReport | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        violations = [Violation(**{**v, "releases": tuple(v["releases"])}) for v in data["violations"]]
        graph = Graph().parse(data=data["graph"], format="nt")
        return ValidationReport(bool(data["conforms"]), violations, graph)
    except (OSError, ValueError, KeyError, TypeError):
        return None  # missing or unreadable: validate the batch again
