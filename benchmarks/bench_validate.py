"""SHACL validation at scale: each release graph on its own in parallel workers (validate/parallel.py,
with --engine shacl or pyshacl) beside one pyshacl run over the whole graph, at 1k / 10k / 100k
synthetic releases; wall time and peak memory of each.

usage: python benchmarks/bench_validate.py [--sizes 1000,10000,100000] [--seed 0] [--engine shacl]
                                           [--workers 2] [--whole-limit 600] [--cache DIR]

The release graphs are made once (benchmarks/synthetic.py records -> extract -> map_release, no
store) and kept as N-Quads in --cache; corpora of several sizes drawn with one seed nest, so the
largest file serves every size. Each measurement runs in a fresh process that streams the graphs
from that file, so its peak memory (ru_maxrss; for the parallel run the main process, and the largest
worker's peak times the workers, an upper bound) is its own. The whole-graph run is skipped where the previous
size's time, scaled linearly, says it would take more than --whole-limit seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def _graphs_of(records: list[tuple[int, dict[str, str]]]) -> bytes:
    """N-Quads of the release graphs of some synthetic records (run in a generation worker)."""
    from migragraph.extract.extractor import extract
    from migragraph.ingest.sources import record_release
    from migragraph.map.iris import IriMinter
    from migragraph.map.mapper import map_release
    from migragraph.store.terms import to_ox_quads

    minter, out = IriMinter(), []
    for index, record in records:
        release = record_release(record, f"synthetic:{index}", f"synthetic-{index}")
        graph = map_release(release, extract(release), minter, "bench")
        quads = to_ox_quads(graph.identifier, graph)  # type: ignore[arg-type]
        out.append(ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b"")
    return b"".join(out)


def make_corpus(n: int, seed: int, cache: Path) -> Path:
    """The N-Quads file of `n` synthetic release graphs (or more: a prefix is read), made once."""
    import synthetic

    found = sorted(cache.glob(f"releases-seed{seed}-*.nq"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    for path in found:
        if int(path.stem.rsplit("-", 1)[1]) >= n:
            return path
    path = cache / f"releases-seed{seed}-{n}.nq"
    started = time.perf_counter()
    chunk: list[tuple[int, dict[str, str]]] = []
    chunks: list[list[tuple[int, dict[str, str]]]] = []
    for index, record in enumerate(synthetic.generate(n, seed)):
        chunk.append((index, record))
        if len(chunk) == 200:
            chunks.append(chunk)
            chunk = []
    if chunk:
        chunks.append(chunk)
    partial = path.with_suffix(".part")
    with get_context("spawn").Pool(2) as pool, partial.open("wb") as handle:
        for data in pool.imap(_graphs_of, chunks):  # in order: the file lists releases 0, 1, 2 ...
            handle.write(data)
    partial.rename(path)
    print(f"  made {n:,} release graphs in {time.perf_counter() - started:.0f} s -> {path}", file=sys.stderr)
    return path


def read_graphs(path: Path, n: int) -> Iterator[Graph]:
    """The first `n` release graphs of an N-Quads file, one rdflib Graph at a time."""
    from migragraph.store.terms import to_rdflib

    current: Graph | None = None
    count = 0
    with path.open("rb") as handle:
        for quad in ox.parse(handle, format=ox.RdfFormat.N_QUADS):
            name = str(quad.graph_name.value)
            if current is None or str(current.identifier) != name:
                if current is not None:
                    yield current
                    count += 1
                    if count == n:
                        return
                current = Graph(identifier=name, bind_namespaces="none")
            current.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    if current is not None and count < n:
        yield current


def read_serialised(path: Path, n: int) -> Iterator[tuple[str, bytes]]:
    """The first `n` release graphs of an N-Quads file as (graph IRI, N-Quads), as a store would give
    them: parsed and written by pyoxigraph, no rdflib term made in this process."""
    current: list[ox.Quad] = []
    name, count = "", 0
    with path.open("rb") as handle:
        for quad in ox.parse(handle, format=ox.RdfFormat.N_QUADS):
            graph = str(quad.graph_name.value)
            if current and graph != name:
                yield name, ox.serialize(current, format=ox.RdfFormat.N_QUADS) or b""
                count, current = count + 1, []
                if count == n:
                    return
            name = graph
            current.append(quad)
    if current and count < n:
        yield name, ox.serialize(current, format=ox.RdfFormat.N_QUADS) or b""


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def phase_batched(path: Path, n: int, engine: str, workers: int) -> dict[str, Any]:
    """Every release graph validated on its own in `workers` processes, then the union's projection."""
    from migragraph.validate.parallel import validate_nquads

    started = time.perf_counter()
    triples = [0]

    def graphs() -> Iterator[tuple[str, bytes]]:
        for name, nquads in read_serialised(path, n):
            triples[0] += nquads.count(b"\n")
            yield name, nquads

    report = validate_nquads(graphs(), engine=engine, jobs=workers)
    workers_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024 * workers
    return {"seconds": time.perf_counter() - started, "main_mb": _peak_mb(), "workers_mb": workers_mb,
            "triples": triples[0], "conforms": report.conforms, "results": len(report.violations)}


def phase_whole(path: Path, n: int, engine: str) -> dict[str, Any]:
    from migragraph.validate.shacl import load_shapes, validate_graphs

    shapes = load_shapes()
    started = time.perf_counter()
    union = Graph(bind_namespaces="none")
    for graph in read_graphs(path, n):
        for triple in graph:
            union.add(triple)
    loaded = time.perf_counter()
    report = validate_graphs([union], shapes, engine_name=engine)
    done = time.perf_counter()
    return {"seconds": done - started, "load_seconds": loaded - started, "validate_seconds": done - loaded,
            "main_mb": _peak_mb(), "triples": len(union), "conforms": report.conforms,
            "results": len(report.violations)}


def _run_phase(args: list[str]) -> dict[str, Any]:
    """One measurement in a fresh interpreter: its peak memory is its own."""
    out = subprocess.run([sys.executable, __file__, *args], check=True, capture_output=True, text=True)
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--engine", choices=["shacl", "pyshacl"], default="shacl",
                        help="the engine of the per-release run (the whole-graph run is pyshacl's)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--whole-limit", type=float, default=600.0,
                        help="skip the whole-graph run when it would take longer than this (seconds)")
    parser.add_argument("--cache", type=Path,
                        default=Path(os.environ.get("TMPDIR", "/tmp")) / "migragraph-bench")
    parser.add_argument("--phase", choices=["batched", "whole"], help=argparse.SUPPRESS)
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("-n", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    if args.phase == "batched":
        print(json.dumps(phase_batched(args.file, args.n, args.engine, args.workers)))
        return
    if args.phase == "whole":
        print(json.dumps(phase_whole(args.file, args.n, "pyshacl")))
        return
    sizes = sorted(int(s) for s in args.sizes.split(","))
    args.cache.mkdir(parents=True, exist_ok=True)
    corpus = make_corpus(max(sizes), args.seed, args.cache)
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}; each release graph alone ({args.engine}), "
          f"{args.workers} workers")
    print(f"{'releases':>9} {'triples':>10} | {'batched s':>9} {'main MB':>8} {'workers MB':>10} | "
          f"{'whole s':>8} {'(load+shacl)':>13} {'MB':>7}")
    rows, per_triple = [], None
    for n in sizes:
        common = ["--file", str(corpus), "-n", str(n)]
        batched = _run_phase(["--phase", "batched", "--engine", args.engine,
                              "--workers", str(args.workers), *common])
        estimate = per_triple * batched["triples"] if per_triple else 0.0
        whole: dict[str, Any] | None = None
        if estimate <= args.whole_limit:
            whole = _run_phase(["--phase", "whole", *common])
            per_triple = whole["seconds"] / whole["triples"]
        rows.append({"releases": n, "batched": batched, "whole": whole, "whole_estimate_s": estimate})
        whole_text = (f"{whole['seconds']:8.1f} ({whole['load_seconds']:5.1f}+"
                      f"{whole['validate_seconds']:6.1f}) {whole['main_mb']:7.0f}"
                      if whole else f"skipped: estimated {estimate:.0f} s")
        print(f"{n:>9,} {batched['triples']:>10,} | {batched['seconds']:9.1f} {batched['main_mb']:8.0f} "
              f"{batched['workers_mb']:10.0f} | {whole_text}", flush=True)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n")


if __name__ == "__main__":
    main()
