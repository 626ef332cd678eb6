"""The network layer at 1k, 10k and 100k synthetic releases: time and peak memory of the NetworkX export
(migragraph.to_networkx), of the page (migragraph viz, from that graph), and, in the same run on the
same store, of rdflib's own rdflib_to_networkx_multidigraph.

usage: python benchmarks/bench_networks.py [--sizes 1000 10000 100000] [--seed 0] [--work DIR]

Releases come from benchmarks/synthetic.py and are built with `migragraph build FILE.jsonl --out DIR`
(a build is kept in --work and reused when it holds as many releases). Each measurement runs twice,
each time in a fresh process: once for its time, once under tracemalloc for the peak of the memory
Python allocated during the step (tracing slows the step down; oxigraph's own memory is not in it).

rdflib's function is given the store's triples (the union of the release graphs) as rdflib terms,
streamed: holding them in an rdflib.Graph first would cost ~1.3 KB a triple more (PERFORMANCE.md).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))  # synthetic.py, beside this file

STEPS = ("networkx", "page", "rdflib")


def _union_triples(store: Any) -> Iterator[Any]:
    from migragraph.store.terms import to_rdflib

    for quad in store.quads():  # the default graph: the union of the release graphs
        yield to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)


def measure(step: str, build: Path, traced: bool) -> dict[str, Any]:
    """One step over the build in `build`, in this process: seconds (or, `traced`, the peak MB Python
    allocated during the step), and what it made."""
    from migragraph.analyse import read_releases, to_networkx
    from migragraph.store.graphstore import GraphStore
    from migragraph.visualise import render_page

    with GraphStore(build / "store", read_only=True) as store:
        graph = to_networkx(store) if step == "page" else None  # the page's input, not timed
        releases = read_releases(store) if step == "page" else {}
        if traced:
            tracemalloc.start()
        started = time.perf_counter()
        if step == "networkx":
            made = to_networkx(store)
        elif step == "page":
            page, drawn = render_page(graph, releases, "bench")
            (build / "bench.html").write_text(page, encoding="utf-8")
            made = drawn
        else:
            from rdflib.extras.external_graph_libs import rdflib_to_networkx_multidigraph

            made = rdflib_to_networkx_multidigraph(_union_triples(store))  # type: ignore[arg-type]
        seconds = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1] / 2**20 if traced else None
        tracemalloc.stop()
    out: dict[str, Any] = {"peak_mb": round(peak, 1)} if peak is not None else {"seconds": round(seconds, 3)}
    if step == "page":
        out.update(nodes=made.nodes, edges=made.edges, of_nodes=made.total_nodes,
                   page_mb=round((build / "bench.html").stat().st_size / 1e6, 2))
    else:
        out.update(nodes=made.number_of_nodes(), edges=made.number_of_edges())
    return out


def ensure_build(n: int, seed: int, work: Path) -> tuple[Path, float | None]:
    """The build of `n` synthetic releases in `work`, made unless it is there; the build's seconds."""
    from synthetic import generate

    build = work / f"build-{n}"
    summary = build / "build.json"
    if summary.exists() and json.loads(summary.read_text())["releases"] == n:
        return build, None
    source = work / f"releases-{n}.jsonl"
    with source.open("w", encoding="utf-8") as handle:
        for record in generate(n, seed):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    started = time.perf_counter()
    command = [str(Path(sys.executable).parent / "migragraph"), "build", str(source), "--out", str(build),
               "--max-bytes", str(source.stat().st_size + 1)]
    subprocess.run(command, check=False, stdout=subprocess.DEVNULL)  # exit 1 when a release breaks a shape
    return build, time.perf_counter() - started


def _row(n: int, triples: int, results: dict[str, dict[str, Any]]) -> str:
    nx_, page, rdf = results["networkx"], results["page"], results["rdflib"]
    return (f"| {n:,} | {triples:,} | {nx_['nodes']:,} / {nx_['edges']:,} | {nx_['seconds']:.2f} s, "
            f"{nx_['peak_mb']:,.0f} MB | {page['nodes']:,} of {page['of_nodes']:,}, {page['page_mb']} MB | "
            f"{page['seconds']:.2f} s, {page['peak_mb']:,.0f} MB | {rdf['nodes']:,} / {rdf['edges']:,} | "
            f"{rdf['seconds']:.2f} s, {rdf['peak_mb']:,.0f} MB |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--work", type=Path, default=Path("/tmp/migragraph-bench-networks"))
    parser.add_argument("--step", choices=STEPS, help=argparse.SUPPRESS)  # one measurement, in a child
    parser.add_argument("--build", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--traced", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        print(json.dumps(measure(args.step, args.build, args.traced)))
        return
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    print("| releases | triples | to_networkx nodes / edges | to_networkx | page draws | page | "
          "rdflib_to_networkx_multidigraph nodes / edges | rdflib |")
    print("|---|---|---|---|---|---|---|---|")
    for n in args.sizes:
        build, took = ensure_build(n, args.seed, args.work)
        if took is not None:
            print(f"(built {n:,} releases in {took:.0f} s)", file=sys.stderr)
        results: dict[str, dict[str, Any]] = {}
        for step in STEPS:
            for traced in ([], ["--traced"]):
                command = [sys.executable, __file__, "--step", step, "--build", str(build), *traced]
                child = subprocess.run(command, check=True, capture_output=True, text=True)
                results.setdefault(step, {}).update(json.loads(child.stdout))
        triples = json.loads((build / "build.json").read_text())["triples"]
        print(_row(n, triples, results), flush=True)


if __name__ == "__main__":
    main()
