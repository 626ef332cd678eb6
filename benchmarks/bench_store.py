"""The store at 1k, 10k and 100k synthetic releases: load throughput, named-query latency, size on disk.

usage: python benchmarks/bench_store.py [--sizes 1000,10000,100000] [--seed 0] [--repeat 5]
                                        [--rdflib-max 10000] [--workdir DIR] [--json FILE]

For each size, releases from benchmarks/synthetic.py are written as JSON Lines shards of 1,000, read back
through ingest, extracted by the real extractor and mapped, one at a time (never all in memory), then:

  load     triples a second into the embedded store (DIR/store on disk) the way `migragraph build`
           stores them (store/loader.py: N-Quads of each release and of its part of the union default
           graph, bulk-loaded in batches of LOAD_BATCH_TRIPLES, two batches loading while the next is
           written), beside rdflib's in-memory Dataset (one graph a release) in the same run. Releases
           are extracted CHUNK at a time, then stored; only the storing is timed (extraction and
           mapping are reported apart). rdflib takes ~1.3 KB a triple (PERFORMANCE.md), so it is fed
           the first --rdflib-max releases only.
  queries  the median latency of each named question (queries/*.rq, bound by serve/named.py) over
           --repeat runs after one warm-up: oxigraph alone, and with rows read into rdflib terms as
           `migragraph query` does.
  disk     the size of DIR/store after the load.

The machine (CPU, cores, Python, versions) is printed with the figures; peak RSS is read after the store
phase, before rdflib's.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph
import rdflib
from rdflib import Dataset, URIRef

sys.path.insert(0, str(Path(__file__).resolve().parent))
from machine import describe  # noqa: E402
from synthetic import generate  # noqa: E402

from migragraph.extract.extractor import extract  # noqa: E402
from migragraph.ingest.sources import read_file  # noqa: E402
from migragraph.map import Triple  # noqa: E402
from migragraph.map.iris import IriMinter  # noqa: E402
from migragraph.map.mapper import release_triples  # noqa: E402
from migragraph.pipeline import LOAD_BATCH_TRIPLES  # noqa: E402
from migragraph.serve.named import bind, get, named_queries  # noqa: E402
from migragraph.store.graphstore import GraphStore  # noqa: E402
from migragraph.store.loader import Loader  # noqa: E402
from migragraph.store.terms import nquads, to_rdflib  # noqa: E402

SHARD = 1000
CHUNK = 2500  # releases extracted before they are stored: ~200k triples, four load batches
# Parameters a researcher would ask with: actors every corpus drawn from the gazetteer names often.
PARAMS: dict[str, dict[str, str]] = {
    "officials-of-organisation": {"org": "IOM"},
    "meetings-between": {"a": "ICMPD", "b": "European Union"},  # the two of synthetic release 0
    "meetings-under-framework": {"framework": "Strategic Cooperation Framework"},
    "organisation-timeline": {"org": "UNHCR"},
    "funding-by-year": {"donor": "Government of Japan"},
    "co-participation": {"org": "IOM"},
    "funding-received": {"recipient": "IOM"},
    "sub-units": {"org": "United Nations"},
    "releases-mentioning": {"entity": "IOM"},
    "evidence": {"entity": "UNICEF"},
    "changes-between": {"since": "2020-03-01", "until": "2020-03-31"},
}


def write_shards(n: int, seed: int, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    shards: list[Path] = []
    handle = None
    for index, record in enumerate(generate(n, seed)):
        if index % SHARD == 0:
            if handle:
                handle.close()
            shards.append(folder / f"synthetic-{index // SHARD:04d}.jsonl")
            handle = shards[-1].open("w", encoding="utf-8")
        assert handle is not None
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    if handle:
        handle.close()
    return shards


def graphs(shards: list[Path], limit: int, clock: dict[str, float]) -> Iterator[tuple[URIRef, list[Triple]]]:
    """Mapped release triples, one release at a time, as the build makes them; the time spent reading,
    extracting, mapping goes to clock."""
    minter, count = IriMinter(), 0
    for shard in shards:
        for release in read_file(shard):
            if count >= limit:
                return
            if isinstance(release, Exception):
                raise release
            started = time.perf_counter()
            triples = release_triples(release, extract(release), minter, "bench")
            clock["extract"] += time.perf_counter() - started
            count += 1
            yield URIRef(str(minter("release", release.key))), triples


def load_store(store: GraphStore, shards: list[Path], n: int) -> dict[str, float]:
    """Releases extracted CHUNK at a time (untimed), then stored the way a build stores them (timed):
    N-Quads written and bulk-loaded in batches, one batch loading while the next is written."""
    clock = {"extract": 0.0, "load": 0.0, "triples": 0.0, "releases": 0.0}

    def refused(tag: str, reason: str) -> None:
        raise RuntimeError(f"the store refused {tag}: {reason}")

    with Loader(store, LOAD_BATCH_TRIPLES, refused) as loader:
        chunk: list[tuple[URIRef, list[Triple]]] = []
        for iri, triples in graphs(shards, n, clock):
            chunk.append((iri, triples))
            if len(chunk) == CHUNK:
                _store_chunk(loader, chunk, clock)
                chunk = []
        _store_chunk(loader, chunk, clock)
    started = time.perf_counter()
    store.compact()  # as a build does after a large load
    store.close()  # flushes: writing to disk is part of loading
    clock["load"] += time.perf_counter() - started
    return clock


def _store_chunk(loader: Loader, chunk: list[tuple[URIRef, list[Triple]]], clock: dict[str, float]) -> None:
    started = time.perf_counter()
    for iri, triples in chunk:
        quads = nquads(iri, triples)
        loader.add(iri, quads, tag=str(iri))
        clock["triples"] += quads.triples
        clock["releases"] += 1
    loader.flush()
    loader.settle()
    clock["load"] += time.perf_counter() - started


def load_rdflib(shards: list[Path], n: int) -> tuple[dict[str, float], Dataset]:
    clock = {"extract": 0.0, "load": 0.0, "triples": 0.0, "releases": 0.0}
    dataset = Dataset(default_union=True)
    for iri, triples in graphs(shards, n, clock):
        started = time.perf_counter()
        named = dataset.graph(iri)
        for triple in triples:
            named.add(triple)
        clock["load"] += time.perf_counter() - started
        clock["triples"] += len(triples)
        clock["releases"] += 1
    return clock, dataset


def time_rdflib_queries(dataset: Dataset, repeat: int) -> dict[str, dict[str, float]]:
    """The same questions through rdflib's own SPARQL engine (parameters as initBindings)."""
    out: dict[str, dict[str, float]] = {}
    for name, question in named_queries().items():
        bindings = {rdflib.Variable(v.value): to_rdflib(t) for v, t in bind(question, PARAMS[name]).items()}
        times, count = [], 0
        for _ in range(repeat):
            started = time.perf_counter()
            count = len(list(dataset.query(question.text, initBindings=bindings)))  # type: ignore[arg-type]
            times.append(time.perf_counter() - started)
        out[name] = {"ms": statistics.median(times) * 1000, "rows": count}
    return out


def time_queries(store: GraphStore, repeat: int) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    missing = sorted(set(named_queries()) - set(PARAMS))
    if missing:
        raise SystemExit(f"bench_store.py: no PARAMS for the named questions {', '.join(missing)}")
    for name, params in PARAMS.items():
        question = get(name)
        values = bind(question, params)
        raw, rows, count = [], [], 0
        list(store.run(question.text, substitutions=values))  # type: ignore[arg-type]  # warm-up
        for _ in range(repeat):
            started = time.perf_counter()
            count = len(list(store.run(question.text, substitutions=values)))  # type: ignore[arg-type]
            raw.append(time.perf_counter() - started)
            started = time.perf_counter()
            store.query(question.text, substitutions=values)
            rows.append(time.perf_counter() - started)
        out[name] = {"ms": statistics.median(raw) * 1000, "ms_rdflib_rows": statistics.median(rows) * 1000,
                     "rows": count}
    return out


def disk_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def bench(n: int, seed: int, repeat: int, rdflib_max: int, rdflib_queries_max: int,
          workdir: Path) -> dict[str, Any]:
    folder = workdir / f"n{n}"
    shutil.rmtree(folder, ignore_errors=True)
    shards = write_shards(n, seed, folder / "releases")
    store_clock = load_store(GraphStore(folder / "store"), shards, n)
    rss_store = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with GraphStore(folder / "store", read_only=True) as store:
        queries = time_queries(store, repeat)
    size = disk_size(folder / "store")
    rdflib_clock, dataset = load_rdflib(shards, min(n, rdflib_max))
    # rdflib's engine takes seconds a question from a few thousand releases: asked at small sizes only.
    rdflib_queries = time_rdflib_queries(dataset, 3) if n <= rdflib_queries_max else {}
    del dataset
    shutil.rmtree(folder, ignore_errors=True)
    return {
        "releases": n, "triples": int(store_clock["triples"]),
        "extract_per_s": store_clock["releases"] / store_clock["extract"],
        "store_triples_per_s": store_clock["triples"] / store_clock["load"],
        "store_releases_per_s": store_clock["releases"] / store_clock["load"],
        "rdflib_releases": int(rdflib_clock["releases"]),
        "rdflib_triples_per_s": rdflib_clock["triples"] / rdflib_clock["load"],
        "store_mb_on_disk": size / 1e6, "peak_rss_mb_after_store": rss_store,
        "queries": queries, "rdflib_queries": rdflib_queries,
    }


def report(result: dict[str, Any]) -> None:
    print(f"\n{result['releases']:,} releases, {result['triples']:,} triples "
          f"(extract+map {result['extract_per_s']:.0f} releases/s)")
    print(f"  load: store {result['store_triples_per_s']:,.0f} triples/s "
          f"({result['store_releases_per_s']:,.0f} releases/s); rdflib Dataset "
          f"{result['rdflib_triples_per_s']:,.0f} triples/s (first {result['rdflib_releases']:,} releases)")
    print(f"  store on disk {result['store_mb_on_disk']:.1f} MB; the process's peak RSS so far, after the "
          f"store phase "
          f"{result['peak_rss_mb_after_store']:.0f} MB")
    for name, q in result["queries"].items():
        theirs = result["rdflib_queries"].get(name)
        beside = f"; rdflib's engine {theirs['ms']:9.1f} ms ({theirs['ms'] / q['ms']:.0f}x)" if theirs else ""
        print(f"  {name:28} {q['ms']:8.1f} ms  ({q['ms_rdflib_rows']:8.1f} ms with rdflib rows, "
              f"{q['rows']} rows){beside}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated numbers of releases")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rdflib-max", type=int, default=10_000)
    parser.add_argument("--rdflib-queries-max", type=int, default=1_000,
                        help="ask rdflib's engine the named questions up to this many releases")
    parser.add_argument("--workdir", type=Path, help="where stores are built (default: a temporary folder)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    print(f"machine: {describe()}, "
          f"pyoxigraph {pyoxigraph.__version__}, rdflib {rdflib.__version__}")
    results = []
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        for n in (int(s) for s in args.sizes.split(",")):
            results.append(bench(n, args.seed, args.repeat, args.rdflib_max, args.rdflib_queries_max,
                                 Path(tmp)))
            report(results[-1])
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
