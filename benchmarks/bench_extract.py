"""Extraction speed and memory on real releases, one core, for both extractors; and its cost as a
release grows (issue #13: hybrid >= 30 releases/s, rules >= 200; issue #15: linear up to 5 MB).

usage: python benchmarks/bench_extract.py [RELEASES.jsonl] [--repeat N] [--extractor rules|hybrid ...]
       python benchmarks/bench_extract.py --scale [--sizes 10,100,1000,5000] [--extractor ...]

The first form reports releases per second for each extractor (ingest already done) beside a baseline
measured in the same run on the same texts: sentence splitting alone, the floor any reading of the
text costs. Memory is the peak resident size of the process (the model's weights included) after the
runs, and the Python heap's peak during one pass (tracemalloc, in a pass of its own).

The second form builds one release of each size (KB) from the corpus's texts end to end, and reports
the time each extractor takes, per KB: flat figures mean a linear cost.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from machine import describe  # benchmarks/machine.py: the script's folder is on sys.path

from migragraph.extract.gazetteer import load
from migragraph.extract.select import EXTRACTORS, Extractor, extractor_named
from migragraph.extract.text import sentences
from migragraph.ingest.release import RawRelease
from migragraph.ingest.sources import read_inputs

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "releases" / "releases.jsonl"


def _timed(extract: Callable[[RawRelease], object], releases: list[RawRelease],
           repeat: int) -> tuple[float, float]:
    """The first run's time, on text the process has not read before (the patterns built for its names
    and acronyms are new), and the median of the runs."""
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        for r in releases:
            extract(r)
        runs.append(time.perf_counter() - t)
    return runs[0], statistics.median(runs)


def _heap_peak(extract: Extractor, releases: list[RawRelease]) -> float:
    tracemalloc.start()
    for r in releases:
        extract(r)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def throughput(releases: list[RawRelease], names: list[str], repeat: int) -> None:
    def split(release: RawRelease) -> None:
        sentences(release.text)

    base = _timed(split, releases, repeat)[1]
    print(f"machine: {describe()}")
    print(f"releases: {len(releases)}, median of {repeat} runs, one core")
    print(f"baseline (sentence splitting): {len(releases) / base:9.1f} releases/s")
    for name in names:
        extract = extractor_named(name)
        t = time.perf_counter()
        load.cache_clear()
        extract(releases[0])  # the gazetteer, the compiled patterns and (hybrid) the model, once a process
        warm = time.perf_counter() - t
        first, med = _timed(extract, releases, repeat)
        heap = _heap_peak(extract, releases)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{name:7s} {len(releases) / med:9.1f} releases/s ({1000 * med / len(releases):.2f} ms each, "
              f"{med / base:.0f}x the baseline; first pass {len(releases) / first:.1f}/s); first call "
              f"{warm:.1f} s; heap peak in a pass {heap:.0f} MB; process peak RSS so far {rss:.0f} MB")


def scale(releases: list[RawRelease], names: list[str], sizes: list[int]) -> None:
    corpus = "\n\n".join(r.text for r in releases)
    print(f"machine: {describe()}")
    for name in names:
        extract = extractor_named(name)
        extract(releases[0])
        for kb in sizes:
            text = (corpus * (kb * 1024 // len(corpus) + 1))[:kb * 1024]
            t = time.perf_counter()
            found = extract(RawRelease(source=f"{kb} KB", text=text, key=f"s{kb}"))
            took = time.perf_counter() - t
            print(f"{name:7s} {kb:6d} KB {took:8.2f} s {1000 * took / kb:7.2f} ms/KB  "
                  f"({len(found.organisations)} organisations, {len(found.persons)} persons)", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("releases", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--extractor", action="append", choices=EXTRACTORS)
    parser.add_argument("--scale", action="store_true", help="time one release of each size instead")
    parser.add_argument("--sizes", default="10,100,1000,5000", help="KB, for --scale")
    args = parser.parse_args()
    releases = read_inputs([args.releases]).releases
    names = args.extractor or list(EXTRACTORS)
    if args.scale:
        scale(releases, names, [int(s) for s in args.sizes.split(",")])
    else:
        throughput(releases, names, args.repeat)


if __name__ == "__main__":
    main()
